/**
 * Table-of-contents plugin boxes as scraped into Markdown: a label ("Table
 * of Contents", "目录", "Inhaltsverzeichnis"), sometimes a toggle ("[hide]",
 * "Toggle") at its end or in a block of its own, and a list of `#anchor`
 * links. Such a box repeats the article's headings, which stay, so it goes —
 * but only when both hold:
 * - at least `toc.minHeadingMatch` of its links' words are headings of the
 *   article (a list of anchors into other pages, or a hand-written outline
 *   that names other things, stays);
 * - a plugin left its mark: a toggle, or anchors made the way a plugin makes
 *   them (`toc.anchors`, e.g. `#How_to_Start`). A README's hand-written
 *   "## Contents" list of `#slug` links is the author's and stays.
 */
import type {WidgetBlock} from './blocks.js'
import type {WidgetRules} from './section.js'

/** A TOC box: its blocks (label, toggle, list) and the figures that decided it. */
export interface TocBox {
  readonly blocks: readonly WidgetBlock[]
  readonly links: number
  readonly headingMatch: number
  readonly evidence: string
}

const NUMBERING = /^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/i
const EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu

/** Heading or link words as compared: lower case, numbering, edge punctuation and extra white space dropped. */
export function headingKey(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim().replace(NUMBERING, '').replace(EDGES, '')
}

/** The label of `block` with a toggle taken off its end, and whether there was one. */
function tocLabel(block: WidgetBlock, rules: WidgetRules['toc']): {label: string; toggle: boolean} | undefined {
  for (const toggle of rules.toggles) {
    const match = toggle.pattern.exec(block.plain)
    if (match && match.index > 0) return {label: block.plain.slice(0, match.index).replace(EDGES, ''), toggle: true}
  }
  return {label: block.label, toggle: false}
}

function isToggle(block: WidgetBlock, rules: WidgetRules['toc']): boolean {
  return block.links.length === 0 && rules.toggles.some((toggle) => toggle.pattern.exec(block.plain)?.index === 0)
}

/**
 * The TOC box starting at `live[index]`, if it is one. `headings` holds the
 * keys ({@link headingKey}) of the headings the article keeps.
 */
export function tocBoxAt(
  live: readonly WidgetBlock[],
  index: number,
  headings: ReadonlySet<string>,
  rules: WidgetRules['toc'],
): TocBox | undefined {
  const first = live[index]
  if (!first || first.hasCode || first.links.length > 0 || first.label.length > 80) return undefined
  const label = tocLabel(first, rules)
  if (!label || !rules.labels.some((matcher) => matcher.pattern.test(label.label))) return undefined
  const blocks = [first]
  let toggle = label.toggle
  let at = index + 1
  const next = live[at]
  if (next && isToggle(next, rules)) {
    blocks.push(next)
    toggle = true
    at++
  }
  const list = live[at]
  if (list?.node.type !== 'list' || list.hasCode) return undefined
  const links = list.links
  if (links.length < rules.minLinks || !links.every((link) => link.url.startsWith('#'))) return undefined
  if (list.otherChars > links.length * 4) return undefined
  const matched = links.filter((link) => headings.has(headingKey(link.text))).length
  const headingMatch = matched / links.length
  if (headingMatch < rules.minHeadingMatch) return undefined
  const anchorMatcher = rules.anchors.find((matcher) => links.filter((link) => matcher.pattern.test(link.url)).length * 2 >= links.length)
  if (!toggle && !anchorMatcher) return undefined
  blocks.push(list)
  return {blocks, links: links.length, headingMatch, evidence: toggle ? 'toggle' : anchorMatcher!.id}
}

/**
 * page-chrome: remove the chrome of a page scraped whole — site menu,
 * sign-in links, date tickers, breadcrumbs, share rows, tag lists, counters,
 * related and trending lists, comment sections, footer link columns — by the
 * structure of the blocks, in any language, without a signature per site.
 *
 * Acts only on a whole-page scrape (see `region.ts`: a long, link-dense head
 * before the title). Then each top-level block is classified as jusText does
 * (`classify.ts`: length, link density, stopword density in the document's
 * language, lists of short links, then context), the body is anchored on the
 * title, and what goes is:
 * - head: every block before the title that is not good after context (a
 *   good paragraph above the title — a lead — stays);
 * - after the title: the bad blocks between it and the first good block
 *   (breadcrumbs, share row, counters; a date line between title and text
 *   stays);
 * - tail: every block after the body's last good block; after a terminator
 *   ("Related posts", "3 comments", "发表评论") also prose (comments);
 * - inside: a run of two or more bad blocks touching what earlier rules
 *   removed (a widget), never a lone block.
 * Never code, tables, link definitions, the frontmatter, in-page tables of
 * contents, or images inside the body.
 *
 * Each removal says why in one line and records the numbers in `features`.
 *
 * @example
 *   [Home](/) [News](/news) [Login](/login) …   (menu, breadcrumbs, share row)
 *   # The title
 *   The article…
 *   - [Related one](/a) …  © 2024 Example
 *   → "# The title\n\nThe article…\n"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {topBlocks} from '../../core/blocks.js'
import {linkIndex} from '../../core/links.js'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan, type Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {classifyBlock, reviseByContext, type Judged} from './classify.js'
import {headLinksAtMost} from './head-links.js'
import {documentLanguage} from './language.js'
import {bodyRegion, findAnchor, settleTerminators, wholePageGate, type Anchor, type Gate} from './region.js'
import {section} from './section.js'

export const meta = {
  id: 'page-chrome',
  description:
    'Page chrome of whole-page scrapes (menus, sign-in links, breadcrumbs, share rows, related lists, comments, footers), by block structure.',
  removalOnly: true,
  group: 'chrome',
  shapes: ['block'],
} as const

type Zone = 'head' | 'title' | 'tail' | 'inside'

function reasonOf(judged: Judged, zone: Zone, language: string): string {
  const {block} = judged
  const parts = [`${block.links} link${block.links === 1 ? '' : 's'}`, `link density ${block.linkDensity.toFixed(2)}`]
  if (language !== 'und') parts.push(`stopwords ${judged.stopwordDensity.toFixed(2)} (${language})`)
  const why = judged.final === judged.alone ? judged.why : `${judged.why}, ${judged.context ?? 'context'}`
  return `Page chrome (${zone}): ${parts.join(', ')}; ${why}`
}

/** Whether a block may go at all: never code, tables, definitions, frontmatter or in-page tables of contents. */
function removable(judged: Judged): boolean {
  return judged.alone !== 'keep' && judged.block.kind !== 'frontmatter' && judged.block.kind !== 'definition'
}

/** Find and report the chrome of a whole-page scrape. */
export function findPageChrome(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.pageChrome
  if (options.scope === 'never') return
  if (options.scope === 'whole-page' && !enoughLinks(tree, file, options)) return
  // The gate wants links in the head: without enough above the last heading that may be the title, nothing is measured.
  if (
    options.scope === 'whole-page' &&
    headLinksAtMost(tree, file) < Math.min(options.wholePage.headMinLinks, options.wholePage.tailHeadMinLinks)
  )
    return
  const blocks = topBlocks(tree, file)
  if (blocks.length < 3) return
  const removed = removedSpans(file)
  const language = documentLanguage(blocks, options.languages)
  const alone = blocks.map((block) => classifyBlock(block, options, language, removed.covers(block.start, block.end)))
  const anchor = findAnchor(alone, options)
  if (!anchor) return
  const list = settleTerminators(alone, anchor.at)
  reviseByContext(list, anchor.at)
  const region = bodyRegion(list, anchor.at, options.maxGapBlocks)
  // No good block after the title: the classifier cannot tell the text from the chrome here.
  if (region.bodyStart > region.end) return
  const head = list.slice(0, anchor.at)
  const tail = list.slice(region.end + 1)
  const gate = wholePageGate(head, tail, region.prose, options)
  if (options.scope === 'whole-page' && !gate.wholePage) return
  const text = String(file.value)
  const lang = language?.id ?? 'und'
  const planned = new Map<number, Zone>()
  const plan = (judged: Judged, zone: Zone) => {
    if (!judged.known && removable(judged)) planned.set(judged.block.index, zone)
  }
  // Head: what is not good before the title.
  for (const judged of head) if (judged.final !== 'good' && (judged.alone !== 'skip' || judged.block.kind === 'break')) plan(judged, 'head')
  // Between the title and the text: bad blocks only.
  for (let at = anchor.at + 1; at < region.bodyStart; at++) {
    const judged = list[at]!
    if (isChromeAlone(judged) && judged.block.kind !== 'image') plan(judged, 'title')
  }
  // Tail: everything after the body (after a terminator, prose too).
  for (let at = region.end + 1; at < list.length; at++) {
    const judged = list[at]!
    // Before a terminator, a block the context found good stays (a paragraph after a long run of chrome).
    if (judged.final === 'good' && judged.why !== 'heading' && at < (region.terminator ?? list.length)) continue
    if (judged.alone !== 'skip' || judged.block.kind === 'break' || judged.why === 'heading') plan(judged, 'tail')
  }
  // Inside: runs of two or more bad blocks next to known chrome.
  for (const run of badRuns(list, region.bodyStart, region.end)) {
    const before = list[run[0]! - 1]
    const after = list[run[run.length - 1]! + 1]
    if (run.length >= 2 && (before?.known || after?.known)) for (const at of run) plan(list[at]!, 'inside')
  }
  const spans = spansOf(list, planned, text)
  for (const judged of list) {
    const zone = planned.get(judged.block.index)
    if (zone === undefined) continue
    reportRemoval(file, {
      ruleId: meta.id,
      reason: reasonOf(judged, zone, lang),
      ...spans.get(judged.block.index)!,
      features: featuresOf(judged, zone, lang, anchor, gate),
    })
  }
}

/**
 * The span of each planned block: the block with its lines and one blank
 * line round it (`blockSpan`); the run of blocks that ends the document goes
 * with the blank lines before it, so the text ends where the article does.
 */
function spansOf(list: readonly Judged[], planned: ReadonlyMap<number, Zone>, text: string): Map<number, Span> {
  const spans = new Map<number, Span>()
  for (const judged of list)
    if (planned.has(judged.block.index)) spans.set(judged.block.index, blockSpan(text, judged.block.start, judged.block.end))
  let first = list.length
  while (first > 0 && planned.has(list[first - 1]!.block.index)) first--
  if (first === list.length || first === 0) return spans
  const previous = list[first - 1]!.block
  const lineAfter = text.indexOf('\n', previous.end)
  if (lineAfter === -1) return spans
  for (let at = first; at < list.length; at++) {
    const {block} = list[at]!
    const start = at === first ? lineAfter + 1 : lineStartOf(text, block.start)
    const end = at + 1 < list.length ? lineStartOf(text, list[at + 1]!.block.start) : text.length
    spans.set(block.index, {start, end})
  }
  return spans
}

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** Whether the file has links enough for either whole-page test (most articles do not: then nothing else is measured). */
function enoughLinks(tree: Root, file: VFile, options: RuleSet['pageChrome']): boolean {
  const needed = Math.min(options.wholePage.headMinLinks, options.wholePage.tailMinLinks + options.wholePage.tailHeadMinLinks)
  let links = 0
  for (const {node} of linkIndex(tree, file).sites)
    if ((node.type === 'link' || node.type === 'linkReference') && ++links >= needed) return true
  for (const {node} of linkIndex(tree, file).sites) if (node.type === 'html' && /<a\b/i.test(node.value)) return true
  return false
}

/** Bad after context and not prose by itself (what may go between the title and the text, or inside it). */
function isChromeAlone(judged: Judged): boolean {
  return judged.final === 'bad' && (judged.alone === 'bad' || judged.alone === 'short')
}

/** Maximal runs of bad, removable, non-image blocks in `[from, to]` (indices). */
function badRuns(list: readonly Judged[], from: number, to: number): number[][] {
  const runs: number[][] = []
  let run: number[] = []
  for (let at = from; at <= to; at++) {
    const judged = list[at]!
    if (isChromeAlone(judged) && !judged.known && removable(judged) && judged.block.kind !== 'image') run.push(at)
    else if (judged.alone !== 'skip' || judged.why === 'heading') {
      if (run.length > 0) runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
}

function featuresOf(judged: Judged, zone: Zone, lang: string, anchor: Anchor, gate: Gate): Record<string, string | number | boolean> {
  const {block} = judged
  const features: Record<string, string | number | boolean> = {
    zone,
    kind: block.kind,
    chars: block.chars,
    words: block.words,
    links: block.links,
    linkDensity: Math.round(block.linkDensity * 100) / 100,
    stopwordDensity: judged.stopwordDensity,
    lang,
    sentences: block.sentences,
    cfClass: judged.alone,
    class: judged.final,
    why: judged.why,
    anchor: anchor.kind,
    wholePage: gate.trigger,
    headLinks: gate.headLinks,
    headLinkDensity: gate.headLinkDensity,
  }
  if (judged.context) features.context = judged.context
  if (block.items) features.items = block.items.count
  return features
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findPageChrome, section)

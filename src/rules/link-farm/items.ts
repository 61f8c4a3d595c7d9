/**
 * link-farm items: what the labelled and the label-less detection of the
 * link-farm rule (`index.ts`, `labelless.ts`) both build on —
 * the per-file scan and the shapes they pass around, label matching, and
 * reading links: which phrasing holds only links, and where a Markdown list,
 * an HTML list (inside its wrappers) or a paragraph of link lines is a block
 * of links, item by item.
 *
 * It lives apart so that both detections read a block of links the same way
 * (a list a label introduces and a list standing alone at the end of the
 * article are judged by one definition) without importing each other.
 */
import type {List, Nodes, Paragraph, PhrasingContent} from 'mdast'
import type {SourceContext} from '../../core/context.js'
import type {Element, Token} from '../../core/html.js'
import type {LinkIndex} from '../../core/links.js'
import {firstAtOrAfter} from '../../engine/span.js'
import type {RemovedSpans} from '../../engine/removal.js'
import {findInSource} from '../../core/source.js'
import type {LabelMatcher, RuleSet} from '../../ruleset/compile.js'

/** The link-farm section of a compiled rule set. */
export type LinkFarmRules = RuleSet['linkFarm']

/** HTML elements that may wrap a list of links (`<div><ul>…</ul></div>`), or a whole farm. */
export const LIST_WRAPPERS: ReadonlySet<string> = new Set([
  'div',
  'p',
  'section',
  'nav',
  'aside',
  'span',
  'footer',
  'header',
  'figure',
  'center',
])
/** How deep wrappers around an HTML list are looked through. */
const MAX_WRAPPER_DEPTH = 3
/** Text between links that is not prose: white space and punctuation only. */
export const SEPARATOR = /^[\s\p{P}\p{S}]*$/u
/** A non-breaking space entity, read as white space. */
export const ENTITY = /&(?:nbsp|#160|#xa0);/gi
const WHITE_SPACE = /\s+/g
/** Punctuation, symbols, emoji and zero-width characters around a label ("👉 Also read:", "— Related —"). */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: U+FE0F (emoji presentation) is stripped alone, wherever it stands.
const LABEL_DECORATION = /^[\s\p{P}\p{S}\u200b-\u200d\ufe0f]+|[\s\p{P}\p{S}\u200b-\u200d\ufe0f]+$/gu
const HTML_ANCHOR_OPEN = /^<a\s[^>]*href/i
const HTML_ANCHOR_CLOSE = /^<\/a\s*>$/i
const HTML_TAG = /^<\/?[a-z][^>]*>$/i
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
/** Labels are short; longer text is never matched. */
const MAX_LABEL_LENGTH = 60

/** Where a label stands and why it is one. */
export interface Label {
  start: number
  end: number
  /** A flagged class (strong signal) rather than matching text. */
  strong: boolean
  /** Label rule id or class name, for the reason. */
  id: string
}

/** A found farm, before reporting. */
export interface Farm {
  start: number
  end: number
  reason: string
}

/** Links found after a label, or a block of links. */
export interface LinkList {
  end: number
  links: number
  /** One target per item when every item is one link (or links to one target); undefined otherwise. */
  targets: string[] | undefined
}

/** A paragraph and its place among its siblings (to find the next block that stays). */
export interface ParagraphEntry {
  node: Paragraph
  /** Its parent's children, and its index among them. */
  siblings: readonly Nodes[]
  index: number
}

/** Which definition a link reference uses. */
export type Definitions = Pick<LinkIndex, 'definitionOf'>

/** What every finder of one file shares. */
export interface Scan {
  readonly context: SourceContext
  readonly text: string
  readonly rules: LinkFarmRules
  readonly removed: RemovedSpans
  /** The link definitions a reference uses (the file's {@link LinkIndex}). */
  readonly definitions: Definitions
  /** Markdown lists and paragraphs by start offset. */
  readonly lists: ReadonlyMap<number, List>
  readonly paragraphs: ReadonlyMap<number, ParagraphEntry>
  /** Paragraphs whose end is a farm, by where it starts. */
  readonly cut: Map<Paragraph, number>
  /** Farms found so far: start → end. */
  readonly farmEnds: Map<number, number>
}

// ─── Labels ──────────────────────────────────────────────────────────────

/** Normalise a candidate label's text for matching. */
function normaliseLabel(value: string): string {
  return value.replace(ENTITY, ' ').replace(WHITE_SPACE, ' ').replace(LABEL_DECORATION, '')
}

/** The farm label that `value` is, unless it is a keep label too. */
export function matchLabel(rules: LinkFarmRules, value: string): LabelMatcher | undefined {
  // Most candidates are whole paragraphs: refuse them before normalising.
  if (value.length > MAX_LABEL_LENGTH * 4) return undefined
  const label = normaliseLabel(value)
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return undefined
  const matcher = rules.labels.find((candidate) => candidate.pattern.test(label))
  return matcher && !rules.keepLabels.some((keep) => keep.pattern.test(label)) ? matcher : undefined
}

/** Whether `value` is a label that makes a farm even with one link (`linkFarm.oneLinkLabels`). */
export function isOneLinkLabel(rules: LinkFarmRules, value: string): boolean {
  const label = normaliseLabel(value)
  return label.length > 0 && label.length <= MAX_LABEL_LENGTH && rules.oneLinkLabels.some((matcher) => matcher.pattern.test(label))
}

/** Whether `value` is a keep label ("Further reading"): what it introduces stays. */
export function isKeepLabel(rules: LinkFarmRules, value: string): boolean {
  if (value.length > MAX_LABEL_LENGTH * 4) return false
  const label = normaliseLabel(value)
  return label.length > 0 && label.length <= MAX_LABEL_LENGTH && rules.keepLabels.some((keep) => keep.pattern.test(label))
}

/**
 * The visible text of phrasing nodes when they could be a label: raw HTML
 * tags are ignored, but code, links or images mean it is not a label.
 */
export function labelText(nodes: readonly PhrasingContent[]): string | undefined {
  let value = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        value += node.value
        break
      case 'break':
        value += ' '
        break
      case 'html':
        break
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const inner = labelText(node.children)
        if (inner === undefined) return undefined
        value += inner
        break
      }
      default:
        return undefined
    }
  }
  return value
}

// ─── Links ───────────────────────────────────────────────────────────────

/** The `href` of a raw `<a …>` tag. */
function hrefOf(tag: string): string {
  const match = HREF.exec(tag)
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : ''
}

/**
 * Collect the targets of phrasing nodes that hold only links and separators
 * (white space, punctuation, `<br>`); false when there is anything else.
 * A raw `<a href>…</a>` counts as a link, other bare tags as separators.
 */
function collectLinks(nodes: readonly PhrasingContent[], definitions: Definitions, targets: string[]): boolean {
  let htmlAnchor = false
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (!htmlAnchor && !SEPARATOR.test(node.value)) return false
        break
      case 'break':
        break
      case 'link':
        targets.push(node.url)
        break
      case 'linkReference':
        targets.push(definitions.definitionOf(node.identifier)?.url ?? `#${node.identifier}`)
        break
      case 'html':
        if (HTML_ANCHOR_OPEN.test(node.value)) {
          if (htmlAnchor) return false
          htmlAnchor = true
          targets.push(hrefOf(node.value))
        } else if (HTML_ANCHOR_CLOSE.test(node.value)) htmlAnchor = false
        else if (!HTML_TAG.test(node.value)) return false
        break
      case 'strong':
      case 'emphasis':
      case 'delete':
        if (htmlAnchor) break
        if (!collectLinks(node.children, definitions, targets)) return false
        break
      default:
        if (!htmlAnchor) return false
    }
  }
  // An anchor left open at the end still counts: its close tag is elsewhere or missing.
  return true
}

/** The number of links in phrasing nodes that hold only links and separators; -1 when there is anything else. */
export function countLinks(nodes: readonly PhrasingContent[], definitions: Definitions): number {
  const targets: string[] = []
  return collectLinks(nodes, definitions, targets) ? targets.length : -1
}

/** The one target of links that all go to the same place (a link, or a thumbnail and a title); undefined otherwise. */
function soleTarget(targets: readonly string[]): string | undefined {
  const first = targets[0]
  return first !== undefined && targets.every((target) => target === first) ? first : undefined
}

/** The target of phrasing nodes that are one link and nothing else but separators and wrappers. */
function linkOnlyTarget(nodes: readonly PhrasingContent[], definitions: Definitions): string | undefined {
  const targets: string[] = []
  return collectLinks(nodes, definitions, targets) ? soleTarget(targets) : undefined
}

/** Whether a node is, or holds, a Markdown link or link reference. */
export function containsLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  return 'children' in node && node.children.some((child) => containsLink(child as Nodes))
}

// ─── Blocks of links ─────────────────────────────────────────────────────

/** The items of a Markdown list when each is one link, or undefined when one holds more. */
export function markdownLinkList(scan: Scan, list: List): LinkList | undefined {
  const targets: string[] = []
  for (const item of list.children) {
    const [first, ...rest] = item.children
    if (!first || rest.length > 0 || first.type !== 'paragraph') return undefined
    const target = linkOnlyTarget(keptChildren(first, scan.cut), scan.definitions)
    if (target === undefined) return undefined
    targets.push(target)
  }
  const end = list.position?.end.offset
  return end === undefined ? undefined : {end, links: targets.length, targets}
}

/** A paragraph's children before the farm found at its end, if any (that farm goes in any case). */
function keptChildren(paragraph: Paragraph, cut: ReadonlyMap<Paragraph, number>): PhrasingContent[] {
  const at = cut.get(paragraph)
  if (at === undefined) return paragraph.children
  return paragraph.children.filter((child) => (child.position?.end.offset ?? Number.POSITIVE_INFINITY) <= at)
}

/**
 * The links of an HTML list whose `<li>` items are each one or more
 * `<a href>` with nothing but separators outside the anchors; undefined when
 * an item (or the list itself) holds prose or a nested list.
 */
export function htmlLinkList(context: SourceContext, list: Element): LinkList | undefined {
  const {text, tokens} = context
  let links = 0
  let inItem = false
  let itemTargets: string[] = []
  let targets: string[] | undefined = []
  let anchorDepth = 0
  let cursor = list.contentStart
  const closeItem = () => {
    if (inItem) {
      if (itemTargets.length === 0) return false
      links += itemTargets.length
      const target = soleTarget(itemTargets)
      if (target === undefined) targets = undefined
      else targets?.push(target)
    }
    inItem = false
    itemTargets = []
    return true
  }
  for (let index = firstAtOrAfter(tokens, list.contentStart); index < tokens.length; index++) {
    const token: Token = tokens[index]!
    if (token.start >= list.contentEnd) break
    if (anchorDepth === 0 && !SEPARATOR.test(text.slice(cursor, token.start).replace(ENTITY, ' '))) return undefined
    cursor = token.end
    if (token.kind === 'comment') continue
    if (token.name === 'li') {
      if (!closeItem()) return undefined
      inItem = token.kind === 'open'
    } else if (token.name === 'a') {
      if (token.kind === 'open') {
        const href = token.attributes['href']
        if (!inItem || anchorDepth > 0 || href === undefined) return undefined
        anchorDepth = 1
        itemTargets.push(href)
      } else anchorDepth = 0
    } else if (token.name === 'ul' || token.name === 'ol') {
      return undefined
    }
  }
  if (anchorDepth === 0 && !SEPARATOR.test(text.slice(cursor, list.contentEnd).replace(ENTITY, ' '))) return undefined
  if (!closeItem() || links === 0) return undefined
  return {end: list.end, links, targets}
}

/** The element that starts exactly at `offset`, if any. */
function elementAt(elements: readonly Element[], offset: number): Element | undefined {
  const element = elements[firstAtOrAfter(elements, offset)]
  return element && element.start === offset ? element : undefined
}

/** An HTML list, or wrappers holding only a list (`<aside><div><ul>…`), starting at `offset`. */
export function htmlListAt(context: SourceContext, offset: number, depth = 0): LinkList | undefined {
  const element = elementAt(context.elements, offset)
  if (!element?.closed) return undefined
  if (element.name === 'ul' || element.name === 'ol') return htmlLinkList(context, element)
  if (!LIST_WRAPPERS.has(element.name) || depth >= MAX_WRAPPER_DEPTH) return undefined
  const inner = htmlListAt(context, skipBlank(context.text, element.contentStart), depth + 1)
  if (!inner || skipBlank(context.text, inner.end) !== element.contentEnd) return undefined
  return {...inner, end: element.end}
}

/** The links of a paragraph whose every line holds only links (lines of separators alone are skipped). */
export function paragraphLinkLines(scan: Scan, node: Paragraph): LinkList | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined || !mayBeLinkOnly(node)) return undefined
  const children = keptChildren(node, scan.cut)
  let links = 0
  let targets: string[] | undefined = []
  for (const line of paragraphLines(children, scan.text, start)) {
    const lineTargets: string[] = []
    if (!collectLinks(line.nodes, scan.definitions, lineTargets)) return undefined
    if (lineTargets.length === 0) continue
    links += lineTargets.length
    const target = soleTarget(lineTargets)
    if (target === undefined) targets = undefined
    else targets?.push(target)
  }
  return links > 0 ? {end, links, targets} : undefined
}

/** A cheap first test: a paragraph of links does not start with words. */
function mayBeLinkOnly(node: Paragraph): boolean {
  const first = node.children[0]
  return (
    first !== undefined && (first.type !== 'text' || SEPARATOR.test(first.value)) && first.type !== 'image' && first.type !== 'inlineCode'
  )
}

/** Skip white space (spaces, tabs, line breaks) from `offset`. */
export function skipBlank(text: string, offset: number): number {
  let at = offset
  while (isBlankCode(text.charCodeAt(at))) at++
  return at
}

/** Skip white space backwards from `offset` (exclusive). */
export function skipBlankBack(text: string, offset: number): number {
  let at = offset
  while (at > 0 && isBlankCode(text.charCodeAt(at - 1))) at--
  return at
}

/** Whether a character code is white space: space, tab, line feed or carriage return. */
export function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

// ─── Paragraph lines ─────────────────────────────────────────────────────

/** A paragraph line: where it starts in the source and its phrasing nodes. */
export interface Line {
  start: number
  nodes: PhrasingContent[]
}

/**
 * Split a paragraph's children into its source lines, so a label can start
 * any line: once an earlier rule removes the line above ("[Buy now](…)"), the
 * label starts the paragraph, and one pass must find what a second would.
 */
export function paragraphLines(children: readonly PhrasingContent[], text: string, start: number): Line[] {
  const lines: Line[] = []
  let current: Line = {start, nodes: []}
  let cursor = start
  for (const child of children) {
    cursor = child.position?.end.offset ?? cursor
    if (child.type === 'break') {
      lines.push(current)
      current = {start: child.position?.end.offset ?? start, nodes: []}
      continue
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      current.nodes.push(child)
      continue
    }
    // GFM's autolink-literal pass splits text nodes after parsing and leaves
    // the pieces without a position: find them after the previous sibling.
    let from = child.position?.start.offset
    if (from === undefined) {
      const span = findInSource(text, child.value, cursor)
      if (!span) return [{start, nodes: [...children]}]
      from = span.start
      cursor = span.end
    }
    const to = child.position?.end.offset ?? cursor
    let pieceStart = from
    for (const piece of text.slice(from, to).split('\n')) {
      if (pieceStart > from) {
        lines.push(current)
        current = {start: pieceStart, nodes: []}
      }
      if (piece) current.nodes.push({type: 'text', value: piece})
      pieceStart += piece.length + 1
    }
  }
  lines.push(current)
  return lines
}

/**
 * link-farm: remove "Also read:" blocks — a label followed by a list of
 * links to other articles.
 *
 * A farm is a label and the list right after it (only white space, or spans
 * an earlier rule already removed, between them), removed together:
 * - an HTML element with a class in `rules: linkFarm.labelClasses`
 *   (`<span class="atpl-alsoreadstyle">`) — a strong signal: its list needs
 *   one link, and a flagged element that wraps the list goes whole;
 * - a paragraph, heading or short HTML element whose whole text is a label in
 *   `linkFarm.labels` ("Also read:", "Related posts", "See also"), followed by
 *   a Markdown or HTML list of at least `linkFarm.minLinks` items that are each
 *   nothing but a link;
 * - one paragraph holding the label and then only links (`**Also read:**
 *   [A](…) · [B](…) · [C](…)`), to its end.
 * A label may also start a later line of a paragraph, or follow a link on its
 * line, and a label whose links run into another farm takes that farm in:
 * what another rule removes around a farm (a "Buy now" button above it)
 * must not make a new farm appear when the output is cleaned again.
 *
 * Keeps: a sentence that merely starts like a label ("See also the docs"),
 * a list whose items have prose besides the link (a real reference list), a
 * list of links with no label (label-less density detection is not done),
 * and anything in code.
 *
 * @example
 *   Last step.
 *
 *   **Related posts:**
 *
 *   - [Other article](https://sister.example/a/)
 *   - [Another one](https://sister.example/b/)
 *   - [And a third](https://sister.example/c/)
 *   → "Last step.\n"
 */
import type {Heading, List, Nodes, Paragraph, PhrasingContent, Root} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from '../../core/context.js'
import {classesOf, type Element, type Token} from '../../core/html.js'
import {removedSpans, reportRemoval, type RemovedSpans} from '../../core/removal.js'
import {findInSource} from '../../core/source.js'
import {defineRule} from '../../core/rule.js'
import {blockSpan} from '../../core/span.js'
import type {LabelMatcher, RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'link-farm',
  description: '"Also read:" link farms: a label followed by a list of links to other articles.',
  removalOnly: true,
  group: 'spam',
} as const

/** HTML elements that may hold a label's text. */
const LABEL_TAGS: ReadonlySet<string> = new Set([
  'span', 'p', 'div', 'strong', 'b', 'em', 'i', 'u', 'label', 'header', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
])
/** HTML elements that may wrap a list of links (`<div><ul>…</ul></div>`). */
const LIST_WRAPPERS: ReadonlySet<string> = new Set(['div', 'p', 'section', 'nav', 'aside', 'span'])
/** A label is short; longer element content is not looked at. */
const MAX_LABEL_SOURCE = 160
/** Text between links that is not prose: white space and punctuation only. */
const SEPARATOR = /^[\s\p{P}\p{S}]*$/u
const TAG = /<[^>]*>/g
const ENTITY = /&(?:nbsp|#160|#xa0);/gi
const WHITE_SPACE = /\s+/g
const HTML_ANCHOR_OPEN = /^<a\s[^>]*href/i
const HTML_ANCHOR_CLOSE = /^<\/a\s*>$/i
const HTML_TAG = /^<\/?[a-z][^>]*>$/i
/** Elements a label never holds: its text would be a link, a list or an image. */
const NOT_A_LABEL = /<(?:a|ul|ol|li|img)\b/i
/** Labels are short; longer text is never matched. */
const MAX_LABEL_LENGTH = 60

/** Where a label stands and why it is one. */
interface Label {
  start: number
  end: number
  /** A flagged class (strong signal) rather than matching text. */
  strong: boolean
  /** Label rule id or class name, for the reason. */
  id: string
}

/** A found farm, before reporting. */
interface Farm {
  start: number
  end: number
  reason: string
}

/** A list of links found after a label. */
interface LinkList {
  end: number
  links: number
}


/** Normalise a candidate label's text for matching. */
function normaliseLabel(value: string): string {
  return value.replace(ENTITY, ' ').replace(WHITE_SPACE, ' ').trim()
}

function matchLabel(labels: readonly LabelMatcher[], value: string): LabelMatcher | undefined {
  // Most candidates are whole paragraphs: refuse them before normalising.
  if (value.length > MAX_LABEL_LENGTH * 4) return undefined
  const label = normaliseLabel(value)
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return undefined
  return labels.find((matcher) => matcher.pattern.test(label))
}

/**
 * The visible text of phrasing nodes when they could be a label: raw HTML
 * tags are ignored, but code, links or images mean it is not a label.
 */
function labelText(nodes: readonly PhrasingContent[]): string | undefined {
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

/** Whether phrasing nodes are one link and nothing else but white space, punctuation and wrappers. */
function isLinkOnly(nodes: readonly PhrasingContent[]): boolean {
  return countLinks(nodes, false) === 1
}

/**
 * Count the links in phrasing nodes that hold only links and separators
 * (white space, punctuation, `<br>`); -1 when there is anything else.
 * `many` allows more than one link.
 */
function countLinks(nodes: readonly PhrasingContent[], many: boolean): number {
  let links = 0
  let htmlAnchor = false
  for (const node of nodes) {
    let found = 0
    switch (node.type) {
      case 'text':
        if (!htmlAnchor && !SEPARATOR.test(node.value)) return -1
        break
      case 'break':
        break
      case 'link':
      case 'linkReference':
        found = 1
        break
      case 'html':
        // A raw `<a href>…</a>` counts as a link; `<br>` and other bare tags as separators.
        if (HTML_ANCHOR_OPEN.test(node.value)) {
          if (htmlAnchor) return -1
          htmlAnchor = true
          found = 1
        } else if (HTML_ANCHOR_CLOSE.test(node.value)) htmlAnchor = false
        else if (!HTML_TAG.test(node.value)) return -1
        break
      case 'strong':
      case 'emphasis':
      case 'delete': {
        if (htmlAnchor) break
        const inner = countLinks(node.children, many)
        if (inner < 0) return -1
        found = inner
        break
      }
      default:
        if (!htmlAnchor) return -1
    }
    links += found
    if (!many && links > 1) return -1
  }
  // An anchor left open at the end still counts: its close tag is elsewhere or missing.
  return links
}

/** The link-only items of a Markdown list, or undefined when one item holds more than a link. */
function markdownLinkList(list: List, cut: ReadonlyMap<Paragraph, number>): number | undefined {
  let links = 0
  for (const item of list.children) {
    const [first, ...rest] = item.children
    if (!first || rest.length > 0 || first.type !== 'paragraph' || !isLinkOnly(keptChildren(first, cut))) return undefined
    links++
  }
  return links
}

/** A paragraph's children before the farm found at its end, if any (that farm goes in any case). */
function keptChildren(paragraph: Paragraph, cut: ReadonlyMap<Paragraph, number>): PhrasingContent[] {
  const at = cut.get(paragraph)
  if (at === undefined) return paragraph.children
  return paragraph.children.filter((child) => (child.position?.end.offset ?? Number.POSITIVE_INFINITY) <= at)
}

/** First index in a start-sorted array whose start is >= `offset`. */
function firstAtOrAfter<T extends {start: number}>(items: readonly T[], offset: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (items[middle]!.start < offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Count the `<li>` items of an HTML list that are each one or more `<a href>`
 * with nothing but separators outside the anchors; undefined when an item
 * (or the list itself) holds prose.
 */
function htmlLinkList(context: SourceContext, list: Element): number | undefined {
  const {text, tokens} = context
  let links = 0
  let items = 0
  let inItem = false
  let itemLinks = 0
  let anchorDepth = 0
  let cursor = list.contentStart
  const closeItem = () => {
    if (inItem) {
      if (itemLinks === 0) return false
      items++
      links += itemLinks
    }
    inItem = false
    itemLinks = 0
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
        if (!inItem || anchorDepth > 0 || token.attributes['href'] === undefined) return undefined
        anchorDepth = 1
        itemLinks++
      } else anchorDepth = 0
    } else if (token.name === 'ul' || token.name === 'ol') {
      return undefined
    }
  }
  if (anchorDepth === 0 && !SEPARATOR.test(text.slice(cursor, list.contentEnd).replace(ENTITY, ' '))) return undefined
  if (!closeItem()) return undefined
  return items > 0 ? links : undefined
}

/** Skip white space (and `>` of block quotes), removed spans and found farms from `offset`. */
function skipGap(text: string, removed: RemovedSpans, farms: ReadonlyMap<number, number>, offset: number): number {
  let at = offset
  for (;;) {
    const code = text.charCodeAt(at)
    if (isBlankCode(code) || code === 62) at++
    else {
      const end = Math.max(removed.endAt(at), farms.get(at) ?? -1)
      if (end > at) at = end
      else return at
    }
  }
}

/** A Markdown or HTML list of links starting at `offset`. */
function linkListAt(
  context: SourceContext,
  lists: ReadonlyMap<number, List>,
  cut: ReadonlyMap<Paragraph, number>,
  offset: number,
): LinkList | undefined {
  const list = lists.get(offset)
  if (!list) return htmlListAt(context, offset)
  const links = markdownLinkList(list, cut)
  const end = list.position?.end.offset
  return links === undefined || end === undefined ? undefined : {end, links}
}

/** The element that starts exactly at `offset`, if any. */
function elementAt(elements: readonly Element[], offset: number): Element | undefined {
  const element = elements[firstAtOrAfter(elements, offset)]
  return element && element.start === offset ? element : undefined
}

/** An HTML list (or a wrapper holding only a list) starting at `offset`. */
function htmlListAt(context: SourceContext, offset: number): LinkList | undefined {
  const element = elementAt(context.elements, offset)
  if (!element || !element.closed) return undefined
  if (element.name === 'ul' || element.name === 'ol') {
    const links = htmlLinkList(context, element)
    return links === undefined ? undefined : {end: element.end, links}
  }
  if (!LIST_WRAPPERS.has(element.name)) return undefined
  const inner = elementAt(context.elements, skipBlank(context.text, element.contentStart))
  if (!inner || (inner.name !== 'ul' && inner.name !== 'ol') || !inner.closed) return undefined
  if (skipBlank(context.text, inner.end) !== element.contentEnd) return undefined
  const links = htmlLinkList(context, inner)
  return links === undefined ? undefined : {end: element.end, links}
}

/** Skip white space (spaces, tabs, line breaks) from `offset`. */
function skipBlank(text: string, offset: number): number {
  let at = offset
  while (isBlankCode(text.charCodeAt(at))) at++
  return at
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** A paragraph line: where it starts in the source and its phrasing nodes. */
interface Line {
  start: number
  nodes: PhrasingContent[]
}

const NEWLINE: PhrasingContent = {type: 'text', value: '\n'}

/**
 * Split a paragraph into its source lines, so a label can start any line:
 * once an earlier rule removes the line above ("[Buy now](…)"), the label
 * starts the paragraph, and one pass must find what a second would.
 */
function paragraphLines(node: Paragraph, text: string, start: number): Line[] {
  const lines: Line[] = []
  let current: Line = {start, nodes: []}
  let cursor = start
  for (const child of node.children) {
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
      if (!span) return [{start, nodes: node.children}]
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

/** A heading whose whole text is a label. */
function headingLabel(node: Heading, labels: readonly LabelMatcher[]): Label | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const value = labelText(node.children)
  const matcher = value === undefined ? undefined : matchLabel(labels, value)
  return matcher && start !== undefined && end !== undefined ? {start, end, strong: false, id: matcher.id} : undefined
}

/** What a paragraph holds: a farm, or a label at its end that may introduce a list. */
interface ParagraphFinds {
  /** A label and nothing but links after it, to the paragraph's end. */
  farm?: Farm
  /** A label that ends the paragraph (all of it, its last line, or after a link). */
  trailing?: Label
  /** A label and links up to `until`: they join the farm that starts there, if one does. */
  pending?: Pending
}

/** Label and links that become a farm if another farm starts at `until` and takes the paragraph's rest. */
interface Pending {
  start: number
  links: number
  id: string
  until: number
}

/**
 * Find labels in a paragraph. A label is a line's text up to its first link
 * (or the line's end); it starts a line or follows a link (`[Buy now](…)
 * See also: [A](…) …`), so removing what stood before it never makes a farm
 * appear. Labels are tried last first, and an earlier label whose links run
 * into a later farm takes it in — what a second pass would find.
 */
function paragraphFinds(
  lines: readonly Line[],
  text: string,
  end: number,
  labels: readonly LabelMatcher[],
  minLinks: number,
  htmlLabelEnds: ReadonlyMap<number, number>,
): ParagraphFinds {
  const flat: PhrasingContent[] = []
  // An HTML label that runs to the paragraph's end may start a farm of its own.
  let tail: {index: number; offset: number} | undefined
  const candidates: Array<{index: number; lineEnd: number; offset: number}> = []
  for (const [number, line] of lines.entries()) {
    if (number > 0) flat.push(NEWLINE)
    const first = candidates.length
    for (const [index, node] of line.nodes.entries()) {
      const before = line.nodes[index - 1]
      if (!containsLink(node)) {
        const after = before?.position?.end.offset
        if (!before) candidates.push({index: flat.length, lineEnd: 0, offset: line.start})
        else if (after !== undefined && containsLink(before)) candidates.push({index: flat.length, lineEnd: 0, offset: skipBlank(text, after)})
      }
      const at = node.type === 'html' ? node.position?.start.offset : undefined
      if (at !== undefined && !tail && (htmlLabelEnds.get(at) ?? -1) >= end) tail = {index: flat.length, offset: at}
      flat.push(node)
    }
    for (let index = first; index < candidates.length; index++) candidates[index]!.lineEnd = flat.length
  }
  const nextLink: number[] = new Array<number>(flat.length + 1).fill(flat.length)
  for (let index = flat.length - 1; index >= 0; index--) nextLink[index] = containsLink(flat[index]!) ? index : nextLink[index + 1]!

  let found: {start: number; links: number; id: string} | undefined
  let trailing: Label | undefined
  let limit = tail?.index ?? flat.length
  for (let candidate = candidates.length - 1; candidate >= 0; candidate--) {
    const {index, lineEnd, offset} = candidates[candidate]!
    if (index >= limit) continue
    const first = Math.min(nextLink[index]!, lineEnd, limit)
    const value = labelText(flat.slice(index, first))
    const matcher = value === undefined ? undefined : matchLabel(labels, value)
    if (!matcher) continue
    if (first === flat.length && !trailing && !tail) {
      trailing = {start: offset, end, strong: false, id: matcher.id}
      limit = index
      continue
    }
    const links = countLinks(flat.slice(first, limit), true)
    if (links < 0 || (!found && links < minLinks)) continue
    found = {start: offset, links: links + (found?.links ?? 0), id: matcher.id}
    limit = index
  }
  const until = trailing?.start ?? tail?.offset
  if (until !== undefined) {
    const finds: ParagraphFinds = trailing ? {trailing} : {}
    if (found) finds.pending = {...found, until}
    return finds
  }
  return found ? {farm: {start: found.start, end, reason: `Link farm: \`${found.id}\` label with ${found.links} links`}} : {}
}

function containsLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  return 'children' in node && node.children.some((child) => containsLink(child as Nodes))
}

/** Labels from the HTML: flagged classes (strong) and short elements whose text is a label. */
function htmlLabels(context: SourceContext, rules: RuleSet['linkFarm'], farms: Farm[]): Label[] {
  const found: Label[] = []
  for (const element of context.elements) {
    if (!element.closed) continue
    const flagged = classesOf(element.attributes).find((name) => rules.labelClasses.has(name))
    if (flagged !== undefined) {
      const wrapped = wrappedList(context, element)
      if (wrapped) farms.push({start: element.start, end: element.end, reason: `Link farm: \`${flagged}\` block with ${wrapped.links} links`})
      else found.push({start: element.start, end: element.end, strong: true, id: flagged})
      continue
    }
    if (!LABEL_TAGS.has(element.name) || element.contentEnd - element.contentStart > MAX_LABEL_SOURCE) continue
    const inner = context.text.slice(element.contentStart, element.contentEnd)
    if (NOT_A_LABEL.test(inner)) continue
    const matcher = matchLabel(rules.labels, inner.replace(TAG, ''))
    if (matcher) found.push({start: element.start, end: element.end, strong: false, id: matcher.id})
  }
  return found
}

/** A flagged element that holds its list inside (`<div class="…">Also read: <ul>…</ul></div>`). */
function wrappedList(context: SourceContext, element: Element): LinkList | undefined {
  const elements = context.elements
  for (let index = firstAtOrAfter(elements, element.contentStart); index < elements.length; index++) {
    const inner = elements[index]!
    if (inner.start >= element.contentEnd) break
    if ((inner.name === 'ul' || inner.name === 'ol') && inner.closed) {
      const links = htmlLinkList(context, inner)
      return links === undefined || links === 0 ? undefined : {end: element.end, links}
    }
  }
  return undefined
}

/** Find link farms and report each (label and list together) as one removal. */
export function findLinkFarms(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.linkFarm
  if (options.labels.length === 0 && options.labelClasses.size === 0) return
  const context = sourceContext(tree, file)
  const text = context.text
  const removed = removedSpans(file)
  const lists = new Map<number, List>()
  const farms: Farm[] = []
  const pending: Pending[] = []
  /** Paragraphs whose end is a farm, by where it starts. */
  const cut = new Map<Paragraph, number>()
  // HTML labels first: a flagged class names the farm better than its text does.
  const labels: Label[] = text.includes('<') ? htmlLabels(context, options, farms) : []
  const htmlLabelEnds = new Map(labels.map((label) => [label.start, label.end]))

  visit(tree, (node) => {
    if (node.type === 'list') {
      const start = node.position?.start.offset
      if (start !== undefined) lists.set(start, node)
      return undefined
    }
    if (node.type === 'heading') {
      const label = headingLabel(node, options.labels)
      if (label) labels.push(label)
      return SKIP
    }
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return SKIP
      const finds = paragraphFinds(paragraphLines(node, text, start), text, end, options.labels, options.minLinks, htmlLabelEnds)
      if (finds.farm) {
        farms.push(finds.farm)
        cut.set(node, finds.farm.start)
      }
      if (finds.trailing) labels.push(finds.trailing)
      if (finds.pending) pending.push(finds.pending)
      return SKIP
    }
    return undefined
  })

  // Last label first, so a label sees past a farm found after it (a label
  // stacked on another farm): one pass then finds what a second would.
  const farmEnds = new Map<number, number>()
  for (const farm of farms) farmEnds.set(farm.start, Math.max(farm.end, farmEnds.get(farm.start) ?? 0))
  labels.sort((a, b) => b.start - a.start)
  for (const label of labels) {
    const at = skipGap(text, removed, farmEnds, label.end)
    const found = linkListAt(context, lists, cut, at)
    // A label without its list is left alone, even a flagged one: what follows
    // it is not known to be a farm, and removing it could make one appear.
    if (!found || found.links < (label.strong ? 1 : options.minLinks)) continue
    const farm = {start: label.start, end: found.end, reason: `Link farm: \`${label.id}\` label with ${found.links} links`}
    farms.push(farm)
    farmEnds.set(farm.start, Math.max(farm.end, farmEnds.get(farm.start) ?? 0))
  }
  for (const links of pending) {
    const end = farmEnds.get(links.until)
    if (end !== undefined) farms.push({start: links.start, end, reason: `Link farm: \`${links.id}\` label with ${links.links} links, then another farm`})
  }

  farms.sort((a, b) => a.start - b.start || b.end - a.end)
  let reached = -1
  for (const farm of farms) {
    if (farm.start < reached) continue
    reached = farm.end
    if (context.inCode(farm.start) || removed.covers(farm.start, farm.end)) continue
    reportRemoval(file, {ruleId: meta.id, reason: farm.reason, ...blockSpan(text, farm.start, farm.end)})
  }
}

export const linkFarm = defineRule(meta, findLinkFarms, defaultRuleSet)
export default linkFarm.plugin

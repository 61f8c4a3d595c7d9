/**
 * link-farm: remove link farms — blocks of links to other articles that a
 * site or a scraper left around the article ("Also read:", "Lire aussi",
 * "Leia também", "相关文章"), with a label or, at the end of the article,
 * without one.
 *
 * **With a label.** A farm is a label and the links right after it (only
 * white space, or spans an earlier rule already removed, between them),
 * removed together:
 * - an HTML element with a class in `rules: linkFarm.labelClasses`
 *   (`<span class="atpl-alsoreadstyle">`) — a strong signal: its list needs
 *   one link, and a flagged element that wraps the list goes whole;
 * - a paragraph, heading or short HTML element whose whole text is a label in
 *   `linkFarm.labels` (English, French, Spanish, German, Portuguese, Chinese,
 *   Italian, Dutch, Japanese, Korean, Russian, Polish, Turkish; leading and
 *   trailing punctuation and emoji ignored), followed by at least
 *   `linkFarm.minLinks` links as a Markdown list, an HTML list (`<ul>`/`<ol>`,
 *   possibly inside `<div>`, `<aside>`, `<nav>`, `<section>` wrappers), or a
 *   run of link lines (a paragraph whose lines are links, or consecutive
 *   paragraphs of links), each item nothing but a link;
 * - one paragraph or HTML element holding the label and then only links
 *   (`**Also read:** [A](…) · [B](…) · [C](…)`,
 *   `<p>Leia também: <a …>A</a> | <a …>B</a> | <a …>C</a></p>`), to its end.
 * A label may also start a later line of a paragraph, or follow a link on its
 * line, and a label whose links run into another farm takes that farm in:
 * what another rule removes around a farm (a "Buy now" button above it) must
 * not make a new farm appear when the output is cleaned again. An HTML
 * wrapper left holding nothing but a farm goes with it.
 *
 * **Without a label** (`linkFarm.labelless`), a block is a farm only when all
 * of these hold — it is a guess, so every test leans towards keeping:
 * - density: a top-level Markdown list, HTML list or run of link lines whose
 *   items are each one link and nothing else, at least `labelless.minLinks`;
 * - target: every link looks like an article (a slug, a long id or a title
 *   in its path; not a home page, anchor, file, or reference material in
 *   `referenceHosts`/`referencePaths`), and at least `minSameSite` of them go
 *   to one site (registrable domain: sister sites on sub-domains count as one);
 * - introduction: the nearest block before it (past removed spans, rules and
 *   other link blocks) is a prose paragraph — not a heading, not a sentence
 *   ending with a colon, not a short label-like line ("Useful pages"), not a
 *   keep label — and the heading of its section is not a keep label;
 * - position: it stands after the article's last prose — nothing after it
 *   but removed spans, other farms, rules, link definitions, empty HTML, a
 *   repeat of an earlier paragraph, and at most `tail.maxParagraphs` short
 *   paragraphs (a sign-off, a feed footer) — or, with `betweenSpam`, it sits
 *   right between two spans an earlier rule removed (an ad above and below).
 *
 * Keeps: a sentence that merely starts like a label ("See also the docs"), a
 * list whose items have prose besides the link (a real reference list), a
 * list under a keep label (`linkFarm.keepLabels`: "Further reading",
 * "References", "Sources", "Resources", "Pour aller plus loin", "参考资料" —
 * these are never farm labels), a list of links in the middle of the article
 * or introduced by a heading or a colon, tables of contents (anchors),
 * tables, and anything in code.
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
import type {Heading, List, Nodes, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from '../../core/context.js'
import {classesOf, type Element, type Token} from '../../core/html.js'
import {removedSpans, reportRemoval, type RemovedSpans} from '../../core/removal.js'
import {findInSource} from '../../core/source.js'
import {defineRule} from '../../core/rule.js'
import {blockSpan, type Span} from '../../core/span.js'
import {countWords} from '../../record.js'
import type {LabelMatcher, RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'link-farm',
  description: 'Link farms: "Also read:"-style blocks of links to other articles, labelled in many languages or placed like one at the end of the article.',
  removalOnly: true,
  group: 'spam',
} as const

type LinkFarmRules = RuleSet['linkFarm']

/** HTML elements that may hold a label's text. */
const LABEL_TAGS: ReadonlySet<string> = new Set([
  'span', 'p', 'div', 'strong', 'b', 'em', 'i', 'u', 'label', 'header', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
])
/** HTML elements that may wrap a list of links (`<div><ul>…</ul></div>`), or a whole farm. */
const LIST_WRAPPERS: ReadonlySet<string> = new Set(['div', 'p', 'section', 'nav', 'aside', 'span', 'footer', 'header', 'figure', 'center'])
/** Inline elements allowed between the links of a one-element farm (`<p>Label: <a>…</a> | <a>…</a></p>`). */
const INLINE_TAGS: ReadonlySet<string> = new Set(['br', 'wbr', 'b', 'strong', 'em', 'i', 'u', 's', 'del', 'span', 'small', 'font', 'mark', 'sup', 'sub'])
/** How deep wrappers around an HTML list are looked through. */
const MAX_WRAPPER_DEPTH = 3
/** A label is short; longer element content is not looked at. */
const MAX_LABEL_SOURCE = 160
/** A one-element farm (label and links in one `<p>`) is not longer than this. */
const MAX_INLINE_FARM_SOURCE = 8000
/** Text between links that is not prose: white space and punctuation only. */
const SEPARATOR = /^[\s\p{P}\p{S}]*$/u
const TAG = /<[^>]*>/g
const COMMENT = /<!--[\s\S]*?-->/g
const ENTITY = /&(?:nbsp|#160|#xa0);/gi
const WHITE_SPACE = /\s+/g
/** Punctuation, symbols, emoji and zero-width characters around a label ("👉 Also read:", "— Related —"). */
const LABEL_DECORATION = /^[\s\p{P}\p{S}\u200b-\u200d\ufe0f]+|[\s\p{P}\p{S}\u200b-\u200d\ufe0f]+$/gu
const HTML_ANCHOR_OPEN = /^<a\s[^>]*href/i
const HTML_ANCHOR_CLOSE = /^<\/a\s*>$/i
const HTML_TAG = /^<\/?[a-z][^>]*>$/i
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
/** Elements a label never holds: its text would be a link, a list or an image. */
const NOT_A_LABEL = /<(?:a|ul|ol|li|img)\b/i
/** Labels are short; longer text is never matched. */
const MAX_LABEL_LENGTH = 60
/** A paragraph that ends like this introduces what follows ("Useful pages:"). */
const ENDS_WITH_COLON = /[:：]\s*$/u
/** A paragraph that ends like this is a sentence, not a label. */
const ENDS_A_SENTENCE = /[.!?。！？…]["'”’)）\]]*\s*$/u

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

/** Links found after a label, or a block of links. */
interface LinkList {
  end: number
  links: number
  /** One target per item when every item is one link (or links to one target); undefined otherwise. */
  targets: string[] | undefined
}

/** A paragraph and the block after it in the same parent. */
interface ParagraphEntry {
  node: Paragraph
  next: Nodes | undefined
}

/** What every finder of one file shares. */
interface Scan {
  readonly context: SourceContext
  readonly text: string
  readonly rules: LinkFarmRules
  readonly removed: RemovedSpans
  /** Link reference definitions: identifier → URL. */
  readonly definitions: ReadonlyMap<string, string>
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
function matchLabel(rules: LinkFarmRules, value: string): LabelMatcher | undefined {
  // Most candidates are whole paragraphs: refuse them before normalising.
  if (value.length > MAX_LABEL_LENGTH * 4) return undefined
  const label = normaliseLabel(value)
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return undefined
  const matcher = rules.labels.find((candidate) => candidate.pattern.test(label))
  return matcher && !rules.keepLabels.some((keep) => keep.pattern.test(label)) ? matcher : undefined
}

/** Whether `value` is a keep label ("Further reading"): what it introduces stays. */
function isKeepLabel(rules: LinkFarmRules, value: string): boolean {
  if (value.length > MAX_LABEL_LENGTH * 4) return false
  const label = normaliseLabel(value)
  return label.length > 0 && label.length <= MAX_LABEL_LENGTH && rules.keepLabels.some((keep) => keep.pattern.test(label))
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
function collectLinks(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, string>, targets: string[]): boolean {
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
        targets.push(definitions.get(node.identifier) ?? `#${node.identifier}`)
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
function countLinks(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, string>): number {
  const targets: string[] = []
  return collectLinks(nodes, definitions, targets) ? targets.length : -1
}

/** The one target of links that all go to the same place (a link, or a thumbnail and a title); undefined otherwise. */
function soleTarget(targets: readonly string[]): string | undefined {
  const first = targets[0]
  return first !== undefined && targets.every((target) => target === first) ? first : undefined
}

/** The target of phrasing nodes that are one link and nothing else but separators and wrappers. */
function linkOnlyTarget(nodes: readonly PhrasingContent[], definitions: ReadonlyMap<string, string>): string | undefined {
  const targets: string[] = []
  return collectLinks(nodes, definitions, targets) ? soleTarget(targets) : undefined
}

function containsLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true
  return 'children' in node && node.children.some((child) => containsLink(child as Nodes))
}

// ─── Blocks of links ─────────────────────────────────────────────────────

/** The items of a Markdown list when each is one link, or undefined when one holds more. */
function markdownLinkList(scan: Scan, list: List): LinkList | undefined {
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
 * The links of an HTML list whose `<li>` items are each one or more
 * `<a href>` with nothing but separators outside the anchors; undefined when
 * an item (or the list itself) holds prose or a nested list.
 */
function htmlLinkList(context: SourceContext, list: Element): LinkList | undefined {
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

/** Skip white space (and `>` of block quotes), removed spans and found farms from `offset`. */
function skipGap(scan: Scan, offset: number): number {
  const {text, removed, farmEnds} = scan
  let at = offset
  for (;;) {
    const code = text.charCodeAt(at)
    if (isBlankCode(code) || code === 62) at++
    else {
      const end = Math.max(removed.endAt(at), farmEnds.get(at) ?? -1)
      if (end > at) at = end
      else return at
    }
  }
}

/** A Markdown list, an HTML list or a run of link lines starting at `offset`. */
function linkListAt(scan: Scan, offset: number): LinkList | undefined {
  const list = scan.lists.get(offset)
  if (list) return markdownLinkList(scan, list)
  return htmlListAt(scan.context, offset) ?? linkRunAt(scan, offset)
}

/** The element that starts exactly at `offset`, if any. */
function elementAt(elements: readonly Element[], offset: number): Element | undefined {
  const element = elements[firstAtOrAfter(elements, offset)]
  return element && element.start === offset ? element : undefined
}

/** An HTML list, or wrappers holding only a list (`<aside><div><ul>…`), starting at `offset`. */
function htmlListAt(context: SourceContext, offset: number, depth = 0): LinkList | undefined {
  const element = elementAt(context.elements, offset)
  if (!element || !element.closed) return undefined
  if (element.name === 'ul' || element.name === 'ol') return htmlLinkList(context, element)
  if (!LIST_WRAPPERS.has(element.name) || depth >= MAX_WRAPPER_DEPTH) return undefined
  const inner = htmlListAt(context, skipBlank(context.text, element.contentStart), depth + 1)
  if (!inner || skipBlank(context.text, inner.end) !== element.contentEnd) return undefined
  return {...inner, end: element.end}
}

/**
 * A run of link lines from `offset`: a paragraph whose lines are each only
 * links, and the paragraphs of links right after it.
 */
function linkRunAt(scan: Scan, offset: number): LinkList | undefined {
  let entry = scan.paragraphs.get(offset)
  let links = 0
  let targets: string[] | undefined = []
  let end = -1
  while (entry) {
    const lines = paragraphLinkLines(scan, entry.node)
    const nodeEnd = entry.node.position?.end.offset
    if (!lines || nodeEnd === undefined) break
    links += lines.links
    targets = lines.targets && targets ? [...targets, ...lines.targets] : undefined
    end = nodeEnd
    // A farm at the paragraph's end goes with it: the run stops there.
    if (scan.cut.has(entry.node)) break
    const next = entry.next
    const nextStart = next?.type === 'paragraph' ? next.position?.start.offset : undefined
    if (nextStart === undefined || skipGap(scan, end) !== nextStart) break
    entry = scan.paragraphs.get(nextStart)
  }
  return links > 0 ? {end, links, targets} : undefined
}

/** The links of a paragraph whose every line holds only links (lines of separators alone are skipped). */
function paragraphLinkLines(scan: Scan, node: Paragraph): LinkList | undefined {
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
  return first !== undefined && (first.type !== 'text' || SEPARATOR.test(first.value)) && first.type !== 'image' && first.type !== 'inlineCode'
}

/** Skip white space (spaces, tabs, line breaks) from `offset`. */
function skipBlank(text: string, offset: number): number {
  let at = offset
  while (isBlankCode(text.charCodeAt(at))) at++
  return at
}

/** Skip white space backwards from `offset` (exclusive). */
function skipBlankBack(text: string, offset: number): number {
  let at = offset
  while (at > 0 && isBlankCode(text.charCodeAt(at - 1))) at--
  return at
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

// ─── Labels in paragraphs, headings and HTML ─────────────────────────────

/** A paragraph line: where it starts in the source and its phrasing nodes. */
interface Line {
  start: number
  nodes: PhrasingContent[]
}

const NEWLINE: PhrasingContent = {type: 'text', value: '\n'}

/**
 * Split a paragraph's children into its source lines, so a label can start
 * any line: once an earlier rule removes the line above ("[Buy now](…)"), the
 * label starts the paragraph, and one pass must find what a second would.
 */
function paragraphLines(children: readonly PhrasingContent[], text: string, start: number): Line[] {
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

/** A heading whose whole text is a label. */
function headingLabel(node: Heading, rules: LinkFarmRules): Label | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const value = labelText(node.children)
  const matcher = value === undefined ? undefined : matchLabel(rules, value)
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
function paragraphFinds(scan: Scan, lines: readonly Line[], end: number, htmlLabelEnds: ReadonlyMap<number, number>): ParagraphFinds {
  const {text, rules} = scan
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
    const matcher = value === undefined ? undefined : matchLabel(rules, value)
    if (!matcher) continue
    if (first === flat.length && !trailing && !tail) {
      trailing = {start: offset, end, strong: false, id: matcher.id}
      limit = index
      continue
    }
    const links = countLinks(flat.slice(first, limit), scan.definitions)
    if (links < 0 || (!found && links < rules.minLinks)) continue
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

/**
 * Labels from the HTML: flagged classes (strong) and short elements whose
 * text is a label; an element holding a label and then only links
 * (`<p>Lire aussi : <a>…</a> · <a>…</a></p>`) is a farm of its own.
 */
function htmlLabels(scan: Scan, farms: Farm[]): Label[] {
  const {context, rules} = scan
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
    const size = element.contentEnd - element.contentStart
    if (!LABEL_TAGS.has(element.name) || size > MAX_INLINE_FARM_SOURCE) continue
    const inner = size > MAX_LABEL_SOURCE ? '' : context.text.slice(element.contentStart, element.contentEnd)
    if (size > MAX_LABEL_SOURCE || NOT_A_LABEL.test(inner)) {
      const farm = inlineHtmlFarm(scan, element)
      if (farm) farms.push(farm)
      continue
    }
    const matcher = matchLabel(rules, inner.replace(TAG, ''))
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
      const list = htmlLinkList(context, inner)
      return list === undefined ? undefined : {...list, end: element.end}
    }
  }
  return undefined
}

/** An element holding a label and then only links and separators, at least `minLinks` of them. */
function inlineHtmlFarm(scan: Scan, element: Element): Farm | undefined {
  const {text, tokens} = scan.context
  let index = firstAtOrAfter(tokens, element.contentStart)
  // The label: what stands before the first anchor, plain text and inline tags.
  for (; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start >= element.contentEnd) return undefined
    if (token.kind === 'comment') continue
    if (token.name === 'a' && token.kind === 'open') break
    if (!INLINE_TAGS.has(token.name)) return undefined
  }
  const first = tokens[index]
  if (!first || first.start - element.contentStart > MAX_LABEL_SOURCE) return undefined
  const matcher = matchLabel(scan.rules, text.slice(element.contentStart, first.start).replace(TAG, ''))
  if (!matcher) return undefined
  let links = 0
  let inAnchor = false
  let cursor = first.start
  for (; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start >= element.contentEnd) break
    if (!inAnchor && !SEPARATOR.test(text.slice(cursor, token.start).replace(ENTITY, ' '))) return undefined
    cursor = token.end
    if (token.kind === 'comment') continue
    if (token.name === 'a') {
      if (token.kind === 'open') {
        if (inAnchor || token.attributes['href'] === undefined) return undefined
        inAnchor = true
        links++
      } else inAnchor = false
    } else if (!inAnchor && !INLINE_TAGS.has(token.name)) return undefined
  }
  if (inAnchor || !SEPARATOR.test(text.slice(cursor, element.contentEnd).replace(ENTITY, ' '))) return undefined
  if (links < scan.rules.minLinks) return undefined
  return {start: element.start, end: element.end, reason: `Link farm: \`${matcher.id}\` label with ${links} links`}
}

// ─── Label-less farms ────────────────────────────────────────────────────

/** A top-level block, as label-less detection sees it. */
interface Block {
  kind: 'links' | 'transparent' | 'paragraph' | 'heading' | 'other'
  start: number
  end: number
  node: RootContent
  /** For `links`: one target per item. */
  targets?: string[]
  /** For `links`: a paragraph (consecutive ones join into one block of links). */
  paragraph?: boolean
  /** The heading of the block's section. */
  section?: Heading | undefined
}

/** Facts about a paragraph, computed when needed. */
interface ParagraphFacts {
  /** It introduces what follows: ends with a colon, reads as a label, or is a keep label. */
  intro: boolean
  /** Short enough to stand after a farm at the end (a sign-off, a footer). */
  short: boolean
  /** A verbatim repeat of an earlier top-level paragraph (an intro pasted again). */
  repeated: boolean
}

/** A label-less farm before reporting: where it stands and what it links to. */
interface LabellessFarm {
  start: number
  end: number
  /** The site most links go to. */
  site: string
  /** Why its position is a farm's. */
  placed: string
  links: number
}

/** A block of links: one or more consecutive blocks. */
interface Unit {
  first: number
  last: number
  targets: string[]
}

/** Second-level labels under which sites register (`example.co.uk`). */
const SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com', 'org', 'net', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob', 'ltd', 'plc', 'sch', 'mil', 'nic'])
/** Hosts where each sub-domain is a different site. */
const SHARED_HOSTS: ReadonlySet<string> = new Set(['blogspot.com', 'wordpress.com', 'medium.com', 'substack.com', 'tumblr.com', 'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev'])
const URL_PARTS = /^(?:([a-z][a-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/i
const PAGE_EXTENSION = /\.(?:html?|php|aspx?|jsp|cfm)$/i
/** An article slug: two or more words joined by dashes, underscores or pluses. */
const SLUG = /[\p{L}\p{N}]+(?:[-_+][\p{L}\p{N}]+)+/u
/** A percent-encoded title (non-ASCII slugs). */
const ENCODED_SLUG = /(?:%[0-9a-f]{2}){3}/i
const NON_ASCII_SLUG = /[^\x00-\x7f]{2}/
const NUMERIC_ID = /^\d{4,}$/
const ARTICLE_QUERY = /(?:^|&)(?:p|id|post|article|story)=\d+/i

/** The site a host belongs to: its registrable domain, roughly. */
function siteOf(host: string): string {
  const labels = host.replace(/^www\./, '').split('.')
  if (labels.length <= 2) return labels.join('.')
  const lastTwo = labels.slice(-2).join('.')
  if (SHARED_HOSTS.has(lastTwo)) return labels.slice(-3).join('.')
  const tld = labels[labels.length - 1]!
  return tld.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? labels.slice(-3).join('.') : lastTwo
}

/** Whether a URL path (and query) looks like one article rather than a home, section or file. */
function isArticlePath(path: string, query: string): boolean {
  if (ARTICLE_QUERY.test(query)) return true
  const segments = path.split('/').filter(Boolean)
  const last = segments[segments.length - 1]
  if (last === undefined) return false
  const name = last.replace(PAGE_EXTENSION, '')
  if (SLUG.test(name) || ENCODED_SLUG.test(name) || NON_ASCII_SLUG.test(name)) return true
  return NUMERIC_ID.test(name) && segments.length > 1
}

/** The site of a link to an article (`''` for a relative link), or undefined when it is not one. */
function articleSite(href: string, rules: LinkFarmRules): string | undefined {
  const value = href.trim()
  const parts = URL_PARTS.exec(value)
  if (!parts || value.startsWith('#')) return undefined
  const scheme = parts[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined
  const host = (parts[2] ?? '').toLowerCase().replace(/^[^@]*@/, '').replace(/:\d*$/, '')
  if (scheme !== undefined && !host) return undefined
  const path = (parts[3] ?? '').startsWith('/') ? parts[3]! : `/${parts[3] ?? ''}`
  if (!isArticlePath(path, parts[4] ?? '')) return undefined
  if (rules.labelless.referencePaths.some((matcher) => matcher.pattern.test(path))) return undefined
  if (host) {
    let url: URL
    try {
      url = new URL(value, 'https://relative.invalid/')
    } catch {
      return undefined
    }
    if (rules.labelless.referenceHosts.some((matcher) => matcher.test(url))) return undefined
    return siteOf(host)
  }
  return ''
}

/** The site most of the targets go to, when they are all articles and enough share it. */
function farmSite(targets: readonly string[], rules: LinkFarmRules): string | undefined {
  const counts = new Map<string, number>()
  for (const target of targets) {
    const site = articleSite(target, rules)
    if (site === undefined) return undefined
    counts.set(site, (counts.get(site) ?? 0) + 1)
  }
  let best: string | undefined
  let most = 0
  for (const [site, count] of counts) {
    if (count > most) {
      best = site
      most = count
    }
  }
  return best !== undefined && most >= targets.length * rules.labelless.minSameSite ? best || 'this site' : undefined
}

/** Whether the HTML of a block shows no text (comments, empty wrappers, a pixel). */
function isEmptyHtml(value: string): boolean {
  return value.replace(COMMENT, '').replace(TAG, '').replace(ENTITY, ' ').trim() === ''
}

/** Sort and merge spans. */
function mergedSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({start: span.start, end: span.end})
  }
  return merged
}

/** The top-level blocks of the tree, with the blocks of links found among them. */
function topLevelBlocks(scan: Scan, tree: Root, farms: readonly Farm[]): Block[] {
  const {text, removed} = scan
  const found = mergedSpans(farms)
  let farmIndex = 0
  const blocks: Block[] = []
  let section: Heading | undefined
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    const start = node.position?.start.offset
    let end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    while (found[farmIndex] && found[farmIndex]!.end <= start) farmIndex++
    const farm = found[farmIndex]
    if (removed.covers(start, end) || (farm && farm.start <= start && end <= farm.end)) {
      blocks.push({kind: 'transparent', start, end, node, section})
      continue
    }
    let kind: Block['kind'] = 'other'
    let links: LinkList | undefined
    switch (node.type) {
      case 'paragraph':
        links = paragraphLinkLines(scan, node)
        kind = links?.targets ? 'links' : 'paragraph'
        break
      case 'list':
        links = markdownLinkList(scan, node)
        if (links?.targets) kind = 'links'
        break
      case 'html':
        links = htmlListAt(scan.context, skipBlank(text, start))
        if (links?.targets) {
          // An HTML list with blank lines inside is several HTML nodes.
          let last = index
          while (children[last + 1] && (children[last + 1]!.position?.start.offset ?? Number.POSITIVE_INFINITY) < links.end) last++
          if (skipBlank(text, links.end) >= (children[last]!.position?.end.offset ?? links.end)) {
            kind = 'links'
            index = last
            end = links.end
          }
        }
        if (kind !== 'links' && isEmptyHtml(node.value)) kind = 'transparent'
        break
      case 'heading':
        kind = 'heading'
        section = node
        break
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        kind = 'transparent'
        break
      default:
        break
    }
    const block: Block = {kind, start, end, node, section}
    if (kind === 'links' && links?.targets) {
      block.targets = links.targets
      block.paragraph = node.type === 'paragraph'
    }
    blocks.push(block)
  }
  return blocks
}

/** Whether an earlier rule removed what stands right before `start` (only white space between). */
function spamBefore(scan: Scan, start: number): boolean {
  let at = start - 1
  while (at >= 0 && scan.removed.endAt(at) === -1 && isBlankCode(scan.text.charCodeAt(at))) at--
  return at >= 0 && scan.removed.endAt(at) !== -1
}

/** Whether an earlier rule removed what stands right after `end` (only white space between). */
function spamAfter(scan: Scan, end: number): boolean {
  let at = end
  while (at < scan.text.length && scan.removed.endAt(at) === -1 && isBlankCode(scan.text.charCodeAt(at))) at++
  return at < scan.text.length && scan.removed.endAt(at) !== -1
}

/**
 * Find blocks of links without a label that stand like a farm (see the
 * header): density, target, introduction and position all have to agree.
 */
function findLabellessFarms(scan: Scan, tree: Root, farms: Farm[]): void {
  const options = scan.rules.labelless
  const blocks = topLevelBlocks(scan, tree, farms)
  // Blocks of links: a list or HTML list alone, consecutive paragraphs of links together.
  const units = new Map<number, Unit>()
  let enough = false
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    if (block.kind !== 'links' || !block.targets) continue
    const unit: Unit = {first: index, last: index, targets: [...block.targets]}
    while (block.paragraph && blocks[unit.last + 1]?.kind === 'links' && blocks[unit.last + 1]!.paragraph) {
      unit.last++
      unit.targets.push(...blocks[unit.last]!.targets!)
    }
    units.set(unit.last, unit)
    if (unit.targets.length >= options.minLinks) enough = true
    index = unit.last
  }
  if (!enough) return

  const facts = new Map<number, ParagraphFacts>()
  let seen: Map<string, number> | undefined
  const paragraphFacts = (index: number): ParagraphFacts => {
    let known = facts.get(index)
    if (known) return known
    const block = blocks[index]!
    const value = toString(block.node).trim()
    const words = countWords(value)
    if (!seen) {
      seen = new Map()
      for (const [at, other] of blocks.entries()) {
        const source = scan.text.slice(other.start, other.end)
        if (other.kind === 'paragraph' && !seen.has(source)) seen.set(source, at)
      }
    }
    known = {
      intro: ENDS_WITH_COLON.test(value) || (words <= options.labelWords && !ENDS_A_SENTENCE.test(value)) || isKeepLabel(scan.rules, value),
      short: words <= options.tailWords,
      repeated: (seen.get(scan.text.slice(block.start, block.end)) ?? index) < index,
    }
    facts.set(index, known)
    return known
  }
  // The nearest block before each one that is neither transparent nor links.
  const previous: number[] = []
  let last = -1
  for (const [index, block] of blocks.entries()) {
    previous.push(last)
    if (block.kind !== 'transparent' && block.kind !== 'links') last = index
  }

  const judge = (unit: Unit, atEnd: boolean): LabellessFarm | undefined => {
    if (unit.targets.length < options.minLinks) return undefined
    const first = blocks[unit.first]!
    const lastBlock = blocks[unit.last]!
    const before = previous[unit.first] ?? -1
    if (before === -1 || blocks[before]!.kind !== 'paragraph' || paragraphFacts(before).intro) return undefined
    if (first.section && isKeepLabel(scan.rules, toString(first.section))) return undefined
    const placed = atEnd
      ? 'after the last prose'
      : options.betweenSpam && spamBefore(scan, first.start) && spamAfter(scan, lastBlock.end)
        ? 'between removed spans'
        : undefined
    if (!placed) return undefined
    const site = farmSite(unit.targets, scan.rules)
    if (site === undefined) return undefined
    return {start: first.start, end: lastBlock.end, site, placed, links: unit.targets.length}
  }

  // Farms that follow on (a list, then a run of link lines) go as one removal.
  const found: LabellessFarm[] = []
  let atEnd = true
  let shortLeft = options.tailParagraphs
  for (let index = blocks.length - 1; index >= 0; index--) {
    const unit = units.get(index)
    if (unit) {
      const farm = judge(unit, atEnd)
      const after = found[found.length - 1]
      if (!farm) atEnd = false
      else if (after && skipBlank(scan.text, farm.end) === after.start) {
        after.start = farm.start
        after.links += farm.links
      } else found.push(farm)
      index = unit.first
      continue
    }
    const block = blocks[index]!
    if (block.kind === 'transparent') continue
    if (atEnd && block.kind === 'paragraph') {
      const paragraph = paragraphFacts(index)
      if (paragraph.repeated) continue
      if (paragraph.short && shortLeft > 0) {
        shortLeft--
        continue
      }
    }
    atEnd = false
  }
  for (const farm of found) {
    farms.push({start: farm.start, end: farm.end, reason: `Link farm without a label: ${farm.links} links to ${farm.site} ${farm.placed}`})
  }
}

// ─── Putting it together ─────────────────────────────────────────────────

/** Grow a farm to the HTML wrappers that hold nothing else (`<aside class="related">…</aside>`). */
function wrapperGrower(context: SourceContext): (span: Span) => Span {
  let byContent: Map<number, Element[]> | undefined
  return (span) => {
    if (!byContent) {
      byContent = new Map()
      for (const element of context.elements) {
        if (!element.closed || !LIST_WRAPPERS.has(element.name)) continue
        const key = skipBlank(context.text, element.contentStart)
        const list = byContent.get(key)
        if (list) list.push(element)
        else byContent.set(key, [element])
      }
    }
    let {start, end} = span
    for (;;) {
      const outer = byContent.get(start)?.find((element) => element.start < start && skipBlankBack(context.text, element.contentEnd) === end)
      if (!outer) return {start, end}
      start = outer.start
      end = outer.end
    }
  }
}

/** Find link farms and report each (label and links together) as one removal. */
export function findLinkFarms(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.linkFarm
  const labelless = options.labelless.enabled
  if (options.labels.length === 0 && options.labelClasses.size === 0 && !labelless) return
  const context = sourceContext(tree, file)
  const text = context.text
  const lists = new Map<number, List>()
  const paragraphs = new Map<number, ParagraphEntry>()
  const definitions = new Map<string, string>()
  const scan: Scan = {
    context,
    text,
    rules: options,
    removed: removedSpans(file),
    definitions,
    lists,
    paragraphs,
    cut: new Map(),
    farmEnds: new Map(),
  }
  const farms: Farm[] = []
  const pending: Pending[] = []
  // HTML labels first: a flagged class names the farm better than its text does.
  const labels: Label[] = text.includes('<') ? htmlLabels(scan, farms) : []
  const htmlLabelEnds = new Map(labels.map((label) => [label.start, label.end]))

  visit(tree, (node, index, parent) => {
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url)
      return SKIP
    }
    if (node.type === 'list') {
      const start = node.position?.start.offset
      if (start !== undefined) lists.set(start, node)
      return undefined
    }
    if (node.type === 'heading') {
      const label = headingLabel(node, options)
      if (label) labels.push(label)
      return SKIP
    }
    if (node.type === 'paragraph') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return SKIP
      const next = parent && index !== undefined ? (parent.children[index + 1] as Nodes | undefined) : undefined
      paragraphs.set(start, {node, next})
      const finds = paragraphFinds(scan, paragraphLines(node.children, text, start), end, htmlLabelEnds)
      if (finds.farm) {
        farms.push(finds.farm)
        scan.cut.set(node, finds.farm.start)
      }
      if (finds.trailing) labels.push(finds.trailing)
      if (finds.pending) pending.push(finds.pending)
      return SKIP
    }
    return undefined
  })

  // Last label first, so a label sees past a farm found after it (a label
  // stacked on another farm): one pass then finds what a second would.
  const farmEnds = scan.farmEnds
  for (const farm of farms) farmEnds.set(farm.start, Math.max(farm.end, farmEnds.get(farm.start) ?? 0))
  labels.sort((a, b) => b.start - a.start)
  for (const label of labels) {
    const at = skipGap(scan, label.end)
    const found = linkListAt(scan, at)
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
  if (labelless) findLabellessFarms(scan, tree, farms)
  if (farms.length === 0) return

  const grow = text.includes('<') ? wrapperGrower(context) : (span: Span) => span
  const grown = farms.map((farm) => ({...farm, ...grow(farm)}))
  grown.sort((a, b) => a.start - b.start || b.end - a.end)
  let reached = -1
  for (const farm of grown) {
    if (farm.start < reached) continue
    reached = farm.end
    if (context.inCode(farm.start) || scan.removed.covers(farm.start, farm.end)) continue
    reportRemoval(file, {ruleId: meta.id, reason: farm.reason, ...blockSpan(text, farm.start, farm.end)})
  }
}

export const linkFarm = defineRule(meta, findLinkFarms, defaultRuleSet)
export default linkFarm.plugin

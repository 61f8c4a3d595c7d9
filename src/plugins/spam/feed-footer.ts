/**
 * feed-footer: remove the footers that feeds and cross-posting add at the end
 * of an article.
 *
 * A footer is a whole block — a paragraph, or an HTML element such as
 * `<p>The post <a href="…">X</a> appeared first on <a href="…">Y</a>.</p>` —
 * whose entire text matches one of `rules: feedFooter.patterns`:
 * - feed aggregators: `This post appeared first on "Feed". [Read the entire article here](…)`;
 * - WordPress's RSS footer, `The post X appeared first on Y.`, and its real
 *   translations (`Der Beitrag X erschien zuerst auf Y.`, `La entrada X se
 *   publicó primero en Y.`, `O post X apareceu primeiro em Y.`, `L'article X
 *   est apparu en premier sur Y.`, Italian and Dutch);
 * - cross-post notes: `*Originally published at [example.com](…) on May 3,
 *   2018.*` (Medium), `This article was originally published on my blog`
 *   (Hashnode, dev.to), `Cross-posted from …`, `Also published here`, a lone
 *   `[Read the entire article](…)` or `Continue reading →` link, and the same
 *   notes in French, German, Spanish, Portuguese and Italian.
 * Footers glued together in one paragraph go together. The aggregator and
 * WordPress footers (patterns marked `trailing`) are also found glued after
 * the last sentence of a paragraph that stays ("… regular. This post
 * appeared first on …"): then only the footer's sentences go.
 *
 * A footer must stand among the last `feedFooter.tailBlocks` (4) blocks of
 * the article. What does not count, so that removing it never brings another
 * block into reach and cleaning stays idempotent: blocks that are
 * boilerplate themselves (footers, calls to action, whether or not that rule
 * is on), headings, rules, link definitions, embeds the sanitiser may drop,
 * later copies of a paragraph (duplicate-paragraph may drop them) and what
 * earlier rules removed; a list counts as the items it keeps (lists split by
 * an ad merge once the ad is gone). A thematic break (`---`, `***`, `<hr>`)
 * goes too when everything after it went: it was only there to set the
 * footer off.
 *
 * Keeps: a sentence that mentions first publication inside a longer
 * paragraph ("The idea was originally published at MIT in 1980, and …",
 * "… and this post appeared first on a forum in 2009 before …"),
 * anything higher up in the article, block quotes, list items, code blocks
 * and any block holding code (a footer shown as an example), and a rule that
 * separates the footer from content that stays (an author bio).
 *
 * @example
 *   Last paragraph of the article.
 *
 *   ---
 *
 *   *Originally published at [blog.example.com](https://blog.example.com/p) on May 3, 2018.*
 *   → "Last paragraph of the article.\n"
 *
 * The tail walk ({@link findTailBoilerplate}) is shared with the
 * `call-to-action` rule.
 */
import type {Definition, List, ListItem, Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from '../../core/context.js'
import type {Element} from '../../core/html.js'
import {removedSpans, reportRemoval, type RemovedSpans} from '../../core/removal.js'
import {defineRule} from '../../core/rule.js'
import {blockSpan} from '../../core/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'feed-footer',
  description: 'Feed and cross-post footers ("The post X appeared first on Y.", "Originally published at …").',
  removalOnly: true,
  group: 'spam',
} as const

/** A piece of the article with its plain text, as the boilerplate patterns see it. */
export interface TextBlock {
  readonly start: number
  readonly end: number
  /** Plain text: link words kept, URLs and markup dropped, line breaks kept, other white space collapsed, quotes straight. */
  readonly text: string
  /** The URLs the block links (Markdown links and references, HTML `href`s, bare URLs). */
  readonly urls: readonly string[]
  /** Whether the block holds code (inline code, `<code>`, `<pre>`): then it is never boilerplate. */
  readonly hasCode: boolean
}

/**
 * What a tail block is to the walk: a candidate (`paragraph`, `html`
 * element, `list` of items), a `heading` or `break` (never counted), an
 * `ignorable` block (link definitions, comments, empty markup; never
 * counted), an `embed` (iframes, objects, inline SVG: content that stays but
 * that the sanitiser may drop later, so never counted) or `other` content
 * (code, quotes, tables, images…; counted, never removed).
 */
export type TailBlockKind = 'paragraph' | 'html' | 'list' | 'heading' | 'break' | 'ignorable' | 'embed' | 'other'

export interface TailBlock extends TextBlock {
  readonly kind: TailBlockKind
  /** The items of a list (each a candidate only when it is one paragraph). */
  readonly items?: readonly TextBlock[] | undefined
  /** The Markdown node, for blocks that are one. */
  readonly node?: Nodes | undefined
}

/** What a rule tells the tail walk. */
export interface TailOptions {
  readonly ruleId: string
  /** How many counted blocks from the end the walk looks at. */
  readonly tailBlocks: number
  /** Why a candidate block goes, or undefined when it is not this rule's. */
  match(block: TextBlock): string | undefined
  /** For a paragraph that stays: a span at its end to remove (a footer glued after its last sentence), with why. */
  matchEnd?(block: TailBlock): {start: number; reason: string} | undefined
  /** Whether a block that stays is another rule's boilerplate (then it does not count). */
  isBoilerplate(block: TextBlock): boolean
  /** Whether list items are candidates too (a list whose items all match goes whole). */
  readonly lists?: boolean
  /** Why a heading goes when every block after it went, or undefined. */
  matchHeading?(text: string): string | undefined
  /** Reason for a thematic break that only set off what went. */
  readonly breakReason: string
}

const CURLY_SINGLE = /[‘’‚‛′]/g
const CURLY_DOUBLE = /[“”„‟″]/g
const NBSP = /[\u00a0\u202f\u2007]/g
const LINE_SPACE = /[^\S\n]+/g
const LINE_BREAKS = /\s*\n\s*/g

/** Plain text as the patterns see it: quotes straight, white space collapsed, line breaks kept (one). */
export function normaliseText(value: string): string {
  return value
    .replace(NBSP, ' ')
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .replace(LINE_SPACE, ' ')
    .replace(LINE_BREAKS, '\n')
    .trim()
}

const BARE_URL = /\bhttps?:\/\/[^\s<>()"']+/gi
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi
const HTML_COMMENT = /<!--[\s\S]*?-->/g
const SCRIPT_OR_STYLE = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi
const IMG_ALT = /<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>/gi
const TAG = /<\/?[a-zA-Z][^>]*>/g
const BLOCK_TAG = /<\/?(?:p|div|br|li|h[1-6]|section|article|footer|header|aside|blockquote|tr|td|th)\b[^>]*>/gi
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"',
  hellip: '…', mdash: '—', ndash: '–', laquo: '«', raquo: '»', copy: '©', middot: '·', bull: '•',
}
const CODE_TAG = /<(?:code|pre|kbd|samp)\b/i

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = decimal !== undefined ? Number(decimal) : hex !== undefined ? Number.parseInt(hex, 16) : undefined
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    return NAMED_ENTITIES[name!.toLowerCase()] ?? whole
  })
}

/** The visible text of a slice of HTML: tags dropped (block tags as line breaks), image alt text kept, entities decoded. */
function htmlText(html: string): string {
  const visible = html
    .replace(HTML_COMMENT, ' ')
    .replace(SCRIPT_OR_STYLE, ' ')
    .replace(IMG_ALT, (_whole, double: string | undefined, single: string | undefined) => ` ${double ?? single ?? ''} `)
    .replace(BLOCK_TAG, '\n')
    .replace(TAG, '')
  return normaliseText(decodeEntities(visible))
}

function hrefsOf(html: string): string[] {
  const urls: string[] = []
  HREF.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = HREF.exec(html))) urls.push(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''))
  return urls
}

function bareUrls(value: string): string[] {
  return value.match(BARE_URL) ?? []
}

/** Lazily built map of link definitions, for the URLs of link references. */
class Definitions {
  #map: Map<string, string> | undefined
  constructor(private readonly tree: Root) {}
  get(identifier: string): string | undefined {
    if (!this.#map) {
      const map = new Map<string, string>()
      visit(this.tree, 'definition', (node: Definition) => {
        const key = node.identifier.toLowerCase()
        if (!map.has(key)) map.set(key, node.url)
      })
      this.#map = map
    }
    return this.#map.get(identifier.toLowerCase())
  }
}

/** A Markdown node as a tail block (its text and URLs computed on first use). */
function markdownBlock(
  node: Nodes,
  definitions: Definitions,
  kind: TailBlockKind,
  items?: readonly TextBlock[],
): TailBlock | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  let text: string | undefined
  let urls: string[] | undefined
  let hasCode: boolean | undefined
  return {
    kind,
    items,
    node,
    start,
    end,
    get text() {
      return (text ??= normaliseText(toString(node, {includeHtml: false})))
    },
    get urls() {
      if (!urls) {
        const found: string[] = []
        visit(node, (child) => {
          if (child.type === 'link') found.push(child.url)
          else if (child.type === 'linkReference') {
            const url = definitions.get(child.identifier)
            if (url !== undefined) found.push(url)
          } else if (child.type === 'html') found.push(...hrefsOf(child.value))
          else if (child.type === 'text') found.push(...bareUrls(child.value))
        })
        urls = found
      }
      return urls
    },
    get hasCode() {
      if (hasCode === undefined) {
        let code = false
        visit(node, (child) => {
          if (child.type === 'inlineCode' || child.type === 'code' || (child.type === 'html' && CODE_TAG.test(child.value))) {
            code = true
            return false
          }
          return undefined
        })
        hasCode = code
      }
      return hasCode
    },
  }
}

/** An HTML slice as a text block. */
function htmlBlock(source: string, start: number, end: number, kind: TailBlockKind): TailBlock {
  let text: string | undefined
  let urls: string[] | undefined
  const slice = source.slice(start, end)
  return {
    kind,
    start,
    end,
    get text() {
      return (text ??= htmlText(slice))
    },
    get urls() {
      return (urls ??= hrefsOf(slice))
    },
    hasCode: CODE_TAG.test(slice),
  }
}

/** Elements that only wrap other blocks: opened when they hold several blocks and no loose text. */
const CONTAINERS: ReadonlySet<string> = new Set(['div', 'section', 'article', 'main', 'footer', 'header', 'aside', 'center'])
/** Elements that are content the walk counts but never removes. */
const OTHER_CONTENT: ReadonlySet<string> = new Set([
  'pre', 'code', 'table', 'blockquote', 'ul', 'ol', 'dl', 'img', 'picture', 'video', 'audio', 'figure', 'form', 'canvas',
])
/** Embeds: content that stays now but that the `unsafe-html` rule (which runs later) may drop; never counted. */
const EMBEDS: ReadonlySet<string> = new Set([
  'iframe', 'embed', 'object', 'applet', 'frame', 'frameset', 'svg', 'math', 'noscript', 'noembed', 'textarea',
])
/** Phrasing elements: a container holding them holds text, and is one block. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'code', 'kbd', 'samp', 'img', 'sub', 'sup', 'mark',
  'abbr', 'cite', 'time', 'font', 'br', 'del', 'ins', 'q', 'label', 'button', 'wbr',
])
const IGNORABLE_ELEMENTS: ReadonlySet<string> = new Set(['br', 'wbr', 'script', 'style', 'link', 'meta', 'noscript', 'template'])
const HEADING_ELEMENT = /^h[1-6]$/
const MEDIA = /<(?:img|picture|video|audio|iframe|svg|embed|object|canvas)\b/i

/** First index in a start-sorted array whose start is >= `offset`. */
function firstAtOrAfter(items: readonly Element[], offset: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (items[middle]!.start < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** A top-level piece of an HTML node: an element, or a run of loose text. */
interface HtmlItem {
  block: TailBlock
  element?: Element | undefined
}

/** The top-level elements and text runs of the HTML in `[from, to)`, in order. */
function htmlItems(context: SourceContext, from: number, to: number): HtmlItem[] {
  const {text, elements} = context
  const items: HtmlItem[] = []
  let cursor = from
  const addGap = (gapEnd: number) => {
    if (gapEnd > cursor && htmlText(text.slice(cursor, gapEnd))) items.push({block: htmlBlock(text, cursor, gapEnd, 'other')})
  }
  for (let index = firstAtOrAfter(elements, from); index < elements.length; index++) {
    const element = elements[index]!
    if (element.start >= to) break
    if (element.start < cursor) continue
    addGap(element.start)
    if (!element.closed || element.end > to) {
      // An open tag whose element closes elsewhere (or never): markup only; what it holds follows.
      cursor = element.contentStart
      continue
    }
    items.push({block: elementBlock(text, element), element})
    cursor = element.end
  }
  addGap(to)
  return items
}

/** An element as a tail block. */
function elementBlock(text: string, element: Element): TailBlock {
  const name = element.name
  const {start, end} = element
  if (name === 'hr') return htmlBlock(text, start, end, 'break')
  if (IGNORABLE_ELEMENTS.has(name)) return htmlBlock(text, start, end, 'ignorable')
  if (HEADING_ELEMENT.test(name)) return htmlBlock(text, start, end, 'heading')
  if (EMBEDS.has(name)) return htmlBlock(text, start, end, 'embed')
  if (OTHER_CONTENT.has(name)) return htmlBlock(text, start, end, 'other')
  const block = htmlBlock(text, start, end, 'html')
  if (!block.text && !MEDIA.test(text.slice(start, end))) return htmlBlock(text, start, end, 'ignorable')
  return block
}

/**
 * The tail blocks of an HTML node, in document order. A container (`<div>`,
 * `<section>`…) holding several block elements and no loose text is opened,
 * so `<div><p>Last words.</p><p>The post … appeared first on …</p></div>`
 * gives two blocks.
 */
function htmlLeaves(context: SourceContext, from: number, to: number): TailBlock[] {
  const leaves: TailBlock[] = []
  const open = (items: readonly HtmlItem[]) => {
    for (const item of items) {
      const element = item.element
      if (element && item.block.kind === 'html' && CONTAINERS.has(element.name)) {
        const inner = htmlItems(context, element.contentStart, element.contentEnd).filter((child) => child.block.kind !== 'ignorable')
        const blocksOnly = inner.every((child) => child.element !== undefined && !INLINE_ELEMENTS.has(child.element.name))
        if (inner.length > 1 && blocksOnly) {
          open(inner)
          continue
        }
      }
      leaves.push(item.block)
    }
  }
  open(htmlItems(context, from, to))
  return leaves
}

/** The items of a list as text blocks; an item that is not one plain paragraph never matches. */
function listItems(list: List, definitions: Definitions): TextBlock[] {
  const items: TextBlock[] = []
  for (const item of list.children) {
    const block = itemBlock(item, definitions)
    if (block) items.push(block)
  }
  return items
}

function itemBlock(item: ListItem, definitions: Definitions): TextBlock | undefined {
  const [first, ...rest] = item.children
  const plain = first?.type === 'paragraph' && rest.length === 0 && (item.checked === null || item.checked === undefined)
  const block = markdownBlock(item, definitions, 'paragraph')
  if (!block || plain) return block
  return {start: block.start, end: block.end, text: '', urls: [], hasCode: false}
}

/** A top-level Markdown node's tail blocks, in document order. */
function blocksOf(node: RootContent, context: SourceContext, definitions: Definitions): TailBlock[] {
  if (node.type === 'html') {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return start === undefined || end === undefined ? [] : htmlLeaves(context, start, end)
  }
  const block = markdownBlock(node, definitions, kindOf(node), node.type === 'list' ? listItems(node, definitions) : undefined)
  return block ? [block] : []
}

function kindOf(node: RootContent): TailBlockKind {
  switch (node.type) {
    case 'paragraph':
      return 'paragraph'
    case 'heading':
      return 'heading'
    case 'thematicBreak':
      return 'break'
    case 'list':
      return 'list'
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return 'ignorable'
    default:
      return (node.type as string) === 'toml' ? 'ignorable' : 'other'
  }
}

const WHITE_SPACE = /\s+/gu

/**
 * The text of each top-level paragraph as the duplicate-paragraph rule
 * compares them (plain text, white space collapsed); undefined for other
 * blocks. Computed once per tree and shared by the rules that walk the tail.
 */
function topParagraphTexts(tree: Root, file: VFile): ReadonlyArray<string | undefined> {
  const data = file.data as {decruftTailTexts?: {tree: Root; texts: Array<string | undefined>}}
  if (data.decruftTailTexts?.tree === tree) return data.decruftTailTexts.texts
  const texts = tree.children.map((node) =>
    node.type === 'paragraph' ? toString(node, {includeHtml: false}).replace(WHITE_SPACE, ' ').trim() : undefined,
  )
  data.decruftTailTexts = {tree, texts}
  return texts
}

/**
 * Which top-level paragraphs repeat an earlier one, as the duplicate-paragraph
 * rule sees them (paragraphs earlier rules removed do not count). Built on
 * first use.
 */
class ParagraphCopies {
  #later: Set<number> | undefined
  constructor(
    private readonly tree: Root,
    private readonly file: VFile,
    private readonly removed: RemovedSpans,
  ) {}
  isLaterCopy(index: number): boolean {
    if (!this.#later) {
      const later = new Set<number>()
      const seen = new Set<string>()
      const texts = topParagraphTexts(this.tree, this.file)
      texts.forEach((value, at) => {
        if (!value) return
        const position = this.tree.children[at]!.position
        if (position?.start.offset === undefined || position.end.offset === undefined) return
        if (this.removed.covers(position.start.offset, position.end.offset)) return
        if (seen.has(value)) later.add(at)
        else seen.add(value)
      })
      this.#later = later
    }
    return this.#later.has(index)
  }
}

/**
 * The span of a block that goes from between other blocks: as `blockSpan`,
 * but when the block sits on lines of its own with content right above and
 * right below (no blank line on either side), its line break stays, leaving a
 * blank line: without it the blocks around would run together (two quotes
 * or paragraphs becoming one) and the article would read differently when
 * cleaned again.
 */
function separatingSpan(text: string, start: number, end: number): {start: number; end: number} {
  const span = blockSpan(text, start, end)
  if (span.start !== lineStartOf(text, start) || span.start === 0 || span.end >= text.length) return span
  const before = lineStartOf(text, span.start - 1)
  if (isLineSpace(text, before, span.start - 1)) return span
  const afterEnd = text.indexOf('\n', span.end)
  if (isLineSpace(text, span.end, afterEnd === -1 ? text.length : afterEnd)) return span
  // Both neighbours are content: keep the block's last line break.
  let to = span.end
  if (text.charCodeAt(to - 1) === 10) to--
  if (text.charCodeAt(to - 1) === 13) to--
  return {start: span.start, end: to}
}

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** Whether `text[from, to)` is spaces, tabs and carriage returns only. */
function isLineSpace(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code !== 32 && code !== 9 && code !== 13) return false
  }
  return true
}

/**
 * The span of a block that opens a removed end of the article (a rule, a
 * heading): its whole lines and the blank lines before it, so that what
 * stays ends as it did before the footer (with one line break) rather than
 * with a blank line. A block sharing a line with other text goes exactly.
 */
function openingSpan(text: string, start: number, end: number): {start: number; end: number} {
  const first = start <= 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1
  const lineEnd = text.indexOf('\n', end)
  const last = lineEnd === -1 ? text.length : lineEnd + 1
  if (!isLineSpace(text, first, start) || !isLineSpace(text, end, lineEnd === -1 ? text.length : lineEnd)) return {start, end}
  let from = first
  while (from > 0) {
    const previous = from >= 2 ? text.lastIndexOf('\n', from - 2) + 1 : 0
    if (!isLineSpace(text, previous, from - 1)) break
    from = previous
  }
  return {start: from, end: last}
}

/**
 * The span of a footer glued to the end of a paragraph: from the white space
 * before it (and the line break, when it starts a line of its own) to the
 * paragraph's end, so the sentence before it ends the paragraph as written.
 */
function gluedSpan(text: string, start: number, end: number): {start: number; end: number} {
  let from = start
  while (from > 0 && (text.charCodeAt(from - 1) === 32 || text.charCodeAt(from - 1) === 9)) from--
  if (from > 0 && text.charCodeAt(from - 1) === 10) {
    from--
    if (from > 0 && text.charCodeAt(from - 1) === 13) from--
  }
  return {start: from, end}
}

/** Sentence starts in one-line plain text: after `.!?…` (and closing quotes or brackets) and spaces. */
const SENTENCE_START = /(?<=[.!?…]["')\]]*) +(?=\S)/g
/** The first two words of a sentence, as they may be written in the source. */
const FIRST_WORDS = /^\S+(?: \S+)?/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A pattern for words of the plain text as the source may write them: any white space, curly or straight quotes. */
function sourcePattern(words: string): RegExp {
  const body = escapeRegExp(words).replace(/ /g, '\\s+').replace(/'/g, "['‘’]").replace(/"/g, '["“”]')
  return new RegExp(body, 'g')
}

/**
 * Where a footer glued after a paragraph's last sentence starts in the
 * source ("… should be regular. This post appeared first on "DB Notes".
 * [Read the entire article here](…)"), for the footer patterns marked
 * `trailing`. The footer is the longest run of whole sentences at the end of
 * the paragraph that one pattern matches entirely.
 */
function gluedFooter(block: TailBlock, source: string, footers: RuleSet['feedFooter']): {start: number; id: string} | undefined {
  if (block.node?.type !== 'paragraph') return undefined
  const plain = block.text.replace(/\n/g, ' ')
  const glued = gluedSuffix(plain, footers, block.urls.length > 0)
  if (!glued) return undefined
  const start = suffixStart(source, block.start, block.end, plain.slice(glued.at))
  return start === undefined ? undefined : {start, id: glued.id}
}

/**
 * Where the footers glued after the last sentence of `plain` start: the
 * longest run of whole sentences at its end (not all of it) that a
 * `trailing` footer pattern matches, and any such runs right before it
 * (two feeds' footers glued one after the other).
 */
function gluedSuffix(plain: string, footers: RuleSet['feedFooter'], hasLink: boolean): {at: number; id: string} | undefined {
  if (!footers.hasTrailing || !footers.mayEnd(plain.toLowerCase())) return undefined
  let glued: {at: number; id: string} | undefined
  for (let end = plain.length; ; ) {
    const found = lastGluedFooter(plain.slice(0, end).trimEnd(), footers, hasLink)
    if (!found) return glued
    glued = {at: found.at, id: glued ? `${found.id}, ${glued.id}` : found.id}
    end = found.at
  }
}

/** The longest run of whole sentences ending `plain` (not all of it) that a `trailing` pattern matches. */
function lastGluedFooter(plain: string, footers: RuleSet['feedFooter'], hasLink: boolean): {at: number; id: string} | undefined {
  SENTENCE_START.lastIndex = 0
  let found: RegExpExecArray | null
  while ((found = SENTENCE_START.exec(plain))) {
    const at = found.index + found[0].length
    if (plain.length - at > footers.maxLength) continue
    const matcher = footers.matchEnd(plain.slice(at), hasLink)
    if (matcher) return {at, id: matcher.id}
  }
  return undefined
}

/**
 * The source offset where the plain-text `suffix` of a paragraph starts: the
 * occurrence of its first words that has as many occurrences after it in the
 * source as the suffix has after its start. Undefined when the source does
 * not show them, or when they follow a letter or digit (not a sentence start)
 * or the footer's source holds code.
 */
function suffixStart(source: string, from: number, to: number, suffix: string): number | undefined {
  const words = FIRST_WORDS.exec(suffix)?.[0]
  if (!words) return undefined
  const pattern = sourcePattern(words)
  const inSuffix = suffix.match(pattern)?.length ?? 0
  const slice = source.slice(from, to)
  const offsets = [...slice.matchAll(pattern)].map((match) => from + match.index)
  const start = offsets[offsets.length - inSuffix]
  if (start === undefined || start === from) return undefined
  let before = start - 1
  while (before > from && /\s/.test(source[before]!)) before--
  if (LETTER_OR_DIGIT.test(source[before]!)) return undefined
  const footer = source.slice(start, to)
  return footer.includes('`') || /<(?:code|pre)\b/i.test(footer) ? undefined : start
}

/**
 * Walk the article's tail from its end and report what `options.match`
 * recognises, with the rule (`---`) and, when `matchHeading` says so, the
 * heading that only stood over what went.
 *
 * The walk counts blocks that stay as content and stops after
 * `options.tailBlocks` of them; blocks this rule removes, other rules'
 * boilerplate, headings, rules, link definitions and spans earlier rules
 * removed are passed over without counting, so a second clean sees the same
 * window.
 */
export function findTailBoilerplate(tree: Root, file: VFile, options: TailOptions): void {
  if (tree.children.length === 0 || options.tailBlocks <= 0) return
  const context = sourceContext(tree, file)
  const {text} = context
  const removed = removedSpans(file)
  const definitions = new Definitions(tree)
  const candidate = (block: TextBlock) => !block.hasCode && block.text.length > 0
  const report = (start: number, end: number, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, ...separatingSpan(text, start, end)})
  const reportItem = (start: number, end: number, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, ...blockSpan(text, start, end)})
  // A block that starts a removed end of the article takes the blank lines before it.
  const reportOpening = (start: number, end: number, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, ...openingSpan(text, start, end)})

  const copies = new ParagraphCopies(tree, file, removed)
  let counted = 0
  /** Whether every block after the current one went (earlier rules or this one). */
  let suffixGone = true
  /** Whether this rule removed something in that suffix. */
  let removedHere = false

  for (let index = tree.children.length - 1; index >= 0 && counted < options.tailBlocks; index--) {
    const blocks = blocksOf(tree.children[index]!, context, definitions)
    for (let inner = blocks.length - 1; inner >= 0 && counted < options.tailBlocks; inner--) {
      const block = blocks[inner]!
      if (block.kind === 'ignorable' || removed.covers(block.start, block.end)) continue
      if (block.kind === 'embed') {
        suffixGone = false
        continue
      }
      if (block.kind === 'break') {
        if (suffixGone && removedHere) reportOpening(block.start, block.end, options.breakReason)
        else suffixGone = false
        continue
      }
      if (block.kind === 'heading') {
        const reason = suffixGone && removedHere && candidate(block) ? options.matchHeading?.(block.text) : undefined
        if (reason !== undefined) reportOpening(block.start, block.end, reason)
        else suffixGone = false
        continue
      }
      if (block.kind === 'paragraph' || block.kind === 'html') {
        const reason = candidate(block) ? options.match(block) : undefined
        if (reason !== undefined) {
          ;(suffixGone ? reportOpening : report)(block.start, block.end, reason)
          removedHere = true
          continue
        }
        suffixGone = false
        const glued = block.kind === 'paragraph' ? options.matchEnd?.(block) : undefined
        if (glued && glued.start < block.end) {
          reportRemoval(file, {ruleId: options.ruleId, reason: glued.reason, ...gluedSpan(text, glued.start, block.end)})
          removedHere = true
        }
        if (candidate(block) && options.isBoilerplate(block)) continue
        // A later copy of a paragraph is not counted: the duplicate-paragraph rule (which runs later) may remove it.
        if (block.kind === 'paragraph' && copies.isLaterCopy(index)) continue
      } else if (block.kind === 'list' && block.items && block.items.length > 0) {
        // A list counts as the items it keeps, walked from its last item like blocks: two
        // lists split by an ad merge into one once the ad is gone, and the window must not
        // move (nor reach further into the list) when they do.
        const items = block.items.filter((item) => !removed.covers(item.start, item.end))
        const reasons = items.map((item) => (options.lists && candidate(item) ? options.match(item) : undefined))
        if (items.length > 0 && reasons.every((reason) => reason !== undefined)) {
          ;(suffixGone ? reportOpening : report)(block.start, block.end, reasons[0]!)
          removedHere = true
          continue
        }
        for (let at = items.length - 1; at >= 0 && counted < options.tailBlocks; at--) {
          const item = items[at]!
          const reason = reasons[at]
          if (reason !== undefined) {
            reportItem(item.start, item.end, reason)
            removedHere = true
            continue
          }
          suffixGone = false
          if (!(candidate(item) && options.isBoilerplate(item))) counted++
        }
        continue
      } else {
        suffixGone = false
      }
      counted++
    }
  }
}

/**
 * A test for the sentences of a block that are feed footers (a footer glued
 * to a call to action): the call-to-action rule counts them as neither
 * prompt nor content, so the block reads the same before and after this rule
 * removed the footer.
 */
export function isFooter(rules: RuleSet, block: TextBlock): (sentence: string) => boolean {
  const hasLink = block.urls.length > 0
  return (sentence) => rules.feedFooter.match(sentence.trim(), hasLink) !== undefined
}

/**
 * A block's text without a footer glued after its last sentence: what the
 * call-to-action rule judges, so a prompt with a footer glued to it reads the
 * same before and after this rule removed the footer.
 */
export function withoutGluedFooter(rules: RuleSet, block: TextBlock): string {
  const glued = gluedSuffix(block.text.replace(/\n/g, ' '), rules.feedFooter, block.urls.length > 0)
  return glued ? block.text.slice(0, glued.at).trim() : block.text
}

/** Whether a block is a feed footer whole, or footers glued together (`*Originally published …* The post … appeared first on …`). */
export function isFeedFooter(rules: RuleSet, block: TextBlock): boolean {
  const footers = rules.feedFooter
  const plain = block.text.replace(/\n/g, ' ')
  const hasLink = block.urls.length > 0
  if (footers.match(plain, hasLink)) return true
  const glued = gluedSuffix(plain, footers, hasLink)
  return glued !== undefined && footers.match(plain.slice(0, glued.at).trim(), hasLink) !== undefined
}

/** Report every feed-footer span in the tree. */
export function findFeedFooters(tree: Root, file: VFile, rules: RuleSet): void {
  const footers = rules.feedFooter
  if (footers.patterns.length === 0) return
  const source = String(file.value)
  findTailBoilerplate(tree, file, {
    ruleId: meta.id,
    tailBlocks: footers.tailBlocks,
    match(block) {
      const plain = block.text.replace(/\n/g, ' ')
      const hasLink = block.urls.length > 0
      const matcher = footers.match(plain, hasLink)
      if (matcher) return `Feed footer (${matcher.id})`
      // Footers glued together ("*Originally published at …*" and a WordPress footer on the next line) go as one.
      const glued = gluedSuffix(plain, footers, hasLink)
      const first = glued && footers.match(plain.slice(0, glued.at).trim(), hasLink)
      return first ? `Feed footers (${first.id}, ${glued.id})` : undefined
    },
    matchEnd(block) {
      const glued = gluedFooter(block, source, footers)
      return glued ? {start: glued.start, reason: `Feed footer glued to the last sentence (${glued.id})`} : undefined
    },
    isBoilerplate: (block) => rules.callToAction.match(withoutGluedFooter(rules, block), block.urls, isFooter(rules, block)) !== undefined,
    breakReason: 'Rule that only set off a feed footer',
  })
}

export const feedFooter = defineRule(meta, findFeedFooters, defaultRuleSet)
export default feedFooter.plugin

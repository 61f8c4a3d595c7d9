/**
 * The end-of-article walk shared by the rules that remove boilerplate closing
 * an article (`feed-footer`, `call-to-action`).
 *
 * {@link findTailBoilerplate} walks the article's top-level blocks from its
 * end — Markdown nodes, and the elements of HTML blocks (containers opened
 * when they only hold blocks) — and reports what the calling rule recognises
 * among the last `tailBlocks` blocks that count. What does not count, so that
 * removing a block never brings another into reach and cleaning stays
 * idempotent: blocks the rule removes, other rules' boilerplate, headings,
 * thematic breaks, link definitions, embeds the sanitiser may drop, later
 * copies of a paragraph (duplicate-paragraph may drop them) and what earlier
 * rules removed; a list counts as the items it keeps. A thematic break, and
 * a heading the rule recognises, go too when everything after them went.
 *
 * Blocks are seen as {@link TextBlock}s: their plain text as the rules'
 * patterns see it ({@link normaliseText}), the URLs they link and whether
 * they hold code (then they are never boilerplate).
 */
import type {List, ListItem, Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from './context.js'
import {replaceBeforeLastCloser, replaceComments, replaceDelimited} from './delimited.js'
import type {Element} from './html.js'
import {linkIndex, type LinkIndex} from './links.js'
import {removedSpans, reportRemoval, type RemovedSpans} from '../engine/removal.js'
import type {Shape} from '../engine/shape.js'
import {blockSpan, firstAtOrAfter} from '../engine/span.js'

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

/** A block as the tail walk sees it: a {@link TextBlock} with its {@link TailBlockKind}. */
export interface TailBlock extends TextBlock {
  readonly kind: TailBlockKind
  /** The items of a list (each a candidate only when it is one paragraph). */
  readonly items?: readonly TextBlock[] | undefined
  /** The Markdown node, for blocks that are one. */
  readonly node?: Nodes | undefined
}

/** What a rule tells the tail walk ({@link findTailBoilerplate}): what it removes and what it passes over. */
export interface TailOptions {
  /** The rule the removals are reported under. */
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
const SCRIPT_OR_STYLE_OPEN = /<(script|style)\b/gi
const SCRIPT_CLOSE = /<\/script\s*>/gi
const STYLE_CLOSE = /<\/style\s*>/gi
const IMG_ALT = /<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>/gi
/** The start of a tag (`<a`, `</a`); the tag runs to the next `>`. */
const TAG_OPEN = /<\/?[a-zA-Z]/g
const BLOCK_TAG_OPEN = /<\/?(?:p|div|br|li|h[1-6]|section|article|footer|header|aside|blockquote|tr|td|th)\b/gi
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  copy: '©',
  middot: '·',
  bull: '•',
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
  // Linear in the slice however many openers are left unclosed (core/delimited.ts).
  let visible = replaceComments(html, ' ')
  visible = replaceDelimited(
    visible,
    SCRIPT_OR_STYLE_OPEN,
    (open) => (open[1]!.toLowerCase() === 'script' ? SCRIPT_CLOSE : STYLE_CLOSE),
    ' ',
  )
  visible = replaceBeforeLastCloser(visible, '>', IMG_ALT, (_whole, double, single) => ` ${double ?? single ?? ''} `)
  visible = replaceDelimited(visible, BLOCK_TAG_OPEN, '>', '\n')
  visible = replaceDelimited(visible, TAG_OPEN, '>', '')
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

/**
 * The URLs of link references: what the file's {@link linkIndex} says their
 * definitions are (asked for only when a block's URLs are, and a reference
 * is among them). Identifiers are compared as the parser normalised them.
 */
class LinkDefinitions {
  #index: LinkIndex | undefined
  constructor(
    private readonly tree: Root,
    private readonly file: VFile,
  ) {}
  get(identifier: string): string | undefined {
    this.#index ??= linkIndex(this.tree, this.file)
    return this.#index.definitionOf(identifier)?.url
  }
}

/** A Markdown node as a tail block (its text and URLs computed on first use). */
function markdownBlock(
  node: Nodes,
  definitions: LinkDefinitions,
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
  'pre',
  'code',
  'table',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'img',
  'picture',
  'video',
  'audio',
  'figure',
  'form',
  'canvas',
])
/** Embeds: content that stays now but that the `unsafe-html` rule (which runs later) may drop; never counted. */
const EMBEDS: ReadonlySet<string> = new Set([
  'iframe',
  'embed',
  'object',
  'applet',
  'frame',
  'frameset',
  'svg',
  'math',
  'noscript',
  'noembed',
  'textarea',
])
/** Phrasing elements: a container holding them holds text, and is one block. */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'code',
  'kbd',
  'samp',
  'img',
  'sub',
  'sup',
  'mark',
  'abbr',
  'cite',
  'time',
  'font',
  'br',
  'del',
  'ins',
  'q',
  'label',
  'button',
  'wbr',
])
const IGNORABLE_ELEMENTS: ReadonlySet<string> = new Set(['br', 'wbr', 'script', 'style', 'link', 'meta', 'noscript', 'template'])
const HEADING_ELEMENT = /^h[1-6]$/
const MEDIA = /<(?:img|picture|video|audio|iframe|svg|embed|object|canvas)\b/i

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
function listItems(list: List, definitions: LinkDefinitions): TextBlock[] {
  const items: TextBlock[] = []
  for (const item of list.children) {
    const block = itemBlock(item, definitions)
    if (block) items.push(block)
  }
  return items
}

/** A list item as a text block: empty (never a candidate) unless it is one plain paragraph. */
function itemBlock(item: ListItem, definitions: LinkDefinitions): TextBlock | undefined {
  const [first, ...rest] = item.children
  const plain = first?.type === 'paragraph' && rest.length === 0 && (item.checked === null || item.checked === undefined)
  const block = markdownBlock(item, definitions, 'paragraph')
  if (!block || plain) return block
  return {start: block.start, end: block.end, text: '', urls: [], hasCode: false}
}

/** A top-level Markdown node's tail blocks, in document order. */
function tailBlocksOf(node: RootContent, context: SourceContext, definitions: LinkDefinitions): TailBlock[] {
  if (node.type === 'html') {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return start === undefined || end === undefined ? [] : htmlLeaves(context, start, end)
  }
  const block = markdownBlock(node, definitions, markdownBlockKind(node), node.type === 'list' ? listItems(node, definitions) : undefined)
  return block ? [block] : []
}

/** What a top-level Markdown node is to the walk. */
function markdownBlockKind(node: RootContent): TailBlockKind {
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
function gluedEndSpan(text: string, start: number, end: number): {start: number; end: number} {
  let from = start
  while (from > 0 && (text.charCodeAt(from - 1) === 32 || text.charCodeAt(from - 1) === 9)) from--
  if (from > 0 && text.charCodeAt(from - 1) === 10) {
    from--
    if (from > 0 && text.charCodeAt(from - 1) === 13) from--
  }
  return {start: from, end}
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
  const definitions = new LinkDefinitions(tree, file)
  const candidate = (block: TextBlock) => !block.hasCode && block.text.length > 0
  // A Markdown block goes as whole blocks; an element of an HTML block as HTML.
  const shapeOf = (block: TailBlock): Shape => (block.node ? 'block' : 'html')
  const report = (block: TailBlock, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, shape: shapeOf(block), ...separatingSpan(text, block.start, block.end)})
  const reportItem = (start: number, end: number, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, shape: 'block', ...blockSpan(text, start, end)})
  // A block that starts a removed end of the article takes the blank lines before it.
  const reportOpening = (block: TailBlock, reason: string) =>
    reportRemoval(file, {ruleId: options.ruleId, reason, shape: shapeOf(block), ...openingSpan(text, block.start, block.end)})

  const copies = new ParagraphCopies(tree, file, removed)
  let counted = 0
  /** Whether every block after the current one went (earlier rules or this one). */
  let suffixGone = true
  /** Whether this rule removed something in that suffix. */
  let removedHere = false

  for (let index = tree.children.length - 1; index >= 0 && counted < options.tailBlocks; index--) {
    const blocks = tailBlocksOf(tree.children[index]!, context, definitions)
    for (let inner = blocks.length - 1; inner >= 0 && counted < options.tailBlocks; inner--) {
      const block = blocks[inner]!
      if (block.kind === 'ignorable' || removed.covers(block.start, block.end)) continue
      if (block.kind === 'embed') {
        suffixGone = false
        continue
      }
      if (block.kind === 'break') {
        if (suffixGone && removedHere) reportOpening(block, options.breakReason)
        else suffixGone = false
        continue
      }
      if (block.kind === 'heading') {
        const reason = suffixGone && removedHere && candidate(block) ? options.matchHeading?.(block.text) : undefined
        if (reason !== undefined) reportOpening(block, reason)
        else suffixGone = false
        continue
      }
      if (block.kind === 'paragraph' || block.kind === 'html') {
        const reason = candidate(block) ? options.match(block) : undefined
        if (reason !== undefined) {
          ;(suffixGone ? reportOpening : report)(block, reason)
          removedHere = true
          continue
        }
        suffixGone = false
        const glued = block.kind === 'paragraph' ? options.matchEnd?.(block) : undefined
        if (glued && glued.start < block.end) {
          reportRemoval(file, {
            ruleId: options.ruleId,
            reason: glued.reason,
            shape: 'inline',
            ...gluedEndSpan(text, glued.start, block.end),
          })
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
          ;(suffixGone ? reportOpening : report)(block, reasons[0]!)
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

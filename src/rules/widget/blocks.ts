/**
 * The widget rule's view of an article: its top-level blocks, each with the
 * text a label pattern sees (white space collapsed, edge punctuation and
 * symbols dropped), its links with their words, the words outside links, and
 * whether it holds code (then it is never a widget). Frontmatter and link
 * definitions are not blocks here: they never count for the head or tail zone.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {SourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import {decodeCharacterReferences} from '../../core/html.js'

/** A link of a block: where it points and its words. */
export interface BlockLink {
  readonly url: string
  readonly text: string
}

/** A top-level block as the widget rule sees it. */
export interface WidgetBlock {
  readonly node: RootContent
  readonly start: number
  readonly end: number
  /** The label text: white space collapsed, leading and trailing punctuation and symbols dropped. */
  readonly label: string
  /** The text with white space collapsed, edges kept (a TOC toggle `[hide]` ends in a bracket). */
  readonly plain: string
  readonly links: readonly BlockLink[]
  /** Characters outside links, punctuation, symbols and white space not counted. */
  readonly otherChars: number
  /** Bare URLs written in the text. */
  readonly bareUrls: readonly string[]
  readonly hasCode: boolean
}

/** Markup and punctuation round a label: `**Share this:**`, `— Like this —`, `Like Loading…`. */
const LABEL_EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu
const NOT_COUNTED = /[\s\p{P}\p{S}]/gu
const BARE_URL = /\bhttps?:\/\/[^\s<>"'）)\]]+/gi
const ANCHOR = /<a\b[^>]*>/gi
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
/** Blocks longer than this (in source characters) are read for their label and links only when an HTML block is short enough to scan. */
const MAX_HTML_SCAN = 20_000

/** Nodes whose children are blocks: their words are joined with a space. */
const BLOCK_PARENTS: ReadonlySet<string> = new Set(['list', 'listItem', 'blockquote', 'root', 'table', 'tableRow'])

const SKIPPED: ReadonlySet<string> = new Set(['yaml', 'toml', 'definition'])

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function htmlText(value: string): string {
  return decodeCharacterReferences(replaceTags(value, ' '))
}

/** The words of a Markdown node: text, code, image alt texts, and the text of inline HTML without its tags. */
export function textOf(node: Nodes): string {
  if (node.type === 'html') return htmlText(node.value)
  if (node.type === 'image') return node.alt ?? ''
  if ('value' in node) return node.value
  if ('children' in node) return node.children.map((child) => textOf(child as Nodes)).join(BLOCK_PARENTS.has(node.type) ? ' ' : '')
  return ''
}

/** Links, words outside links and code of a Markdown block. */
function markdownParts(node: Nodes): {links: BlockLink[]; other: string; hasCode: boolean} {
  const links: BlockLink[] = []
  let other = ''
  let hasCode = false
  const walk = (current: Nodes): void => {
    if (current.type === 'code' || current.type === 'inlineCode') {
      hasCode = true
      return
    }
    if (current.type === 'link') {
      links.push({url: current.url, text: collapse(textOf(current))})
      return
    }
    if (current.type === 'linkReference') {
      // A reference's target is a definition elsewhere: never a share link here.
      links.push({url: '', text: collapse(textOf(current))})
      return
    }
    if (current.type === 'html') {
      other += ` ${htmlText(current.value)}`
      return
    }
    if (current.type === 'text') other += ` ${current.value}`
    if ('children' in current) for (const child of current.children) walk(child as Nodes)
  }
  walk(node)
  return {links, other, hasCode}
}

/** Links of an HTML block (its `<a href>`s) and its words outside them. */
function htmlParts(value: string): {links: BlockLink[]; other: string; hasCode: boolean} {
  const hasCode = /<(?:code|pre)\b/i.test(value)
  if (value.length > MAX_HTML_SCAN) return {links: [], other: htmlText(value), hasCode}
  const links: BlockLink[] = []
  let other = ''
  let at = 0
  const lower = value.toLowerCase()
  for (const open of value.matchAll(ANCHOR)) {
    if (open.index < at) continue
    const close = lower.indexOf('</a>', open.index)
    if (close === -1) break
    const href = HREF.exec(open[0])
    other += ` ${htmlText(value.slice(at, open.index))}`
    links.push({
      url: decodeCharacterReferences(href?.[1] ?? href?.[2] ?? href?.[3] ?? ''),
      text: collapse(htmlText(value.slice(open.index + open[0].length, close))),
    })
    at = close + 4
  }
  other += ` ${htmlText(value.slice(at))}`
  return {links, other, hasCode}
}

/**
 * A block whose figures are worked out on first use: most blocks are too
 * long to be a widget, and the rule reads no more of them than their label.
 */
class LazyWidgetBlock implements WidgetBlock {
  #plain: string | undefined
  #label: string | undefined
  #parts: {links: BlockLink[]; other: string; hasCode: boolean} | undefined
  #otherChars: number | undefined
  #bareUrls: readonly string[] | undefined
  #hasCode: boolean | undefined
  constructor(
    readonly node: RootContent,
    readonly start: number,
    readonly end: number,
    private readonly context: SourceContext,
  ) {}
  get plain(): string {
    this.#plain ??= collapse(textOf(this.node))
    return this.#plain
  }
  get label(): string {
    this.#label ??= this.plain.replace(LABEL_EDGES, '')
    return this.#label
  }
  private get parts(): {links: BlockLink[]; other: string; hasCode: boolean} {
    this.#parts ??= this.node.type === 'html' ? htmlParts(this.node.value) : markdownParts(this.node)
    return this.#parts
  }
  get links(): readonly BlockLink[] {
    return this.parts.links
  }
  get otherChars(): number {
    this.#otherChars ??= this.parts.other.replace(NOT_COUNTED, '').length
    return this.#otherChars
  }
  get bareUrls(): readonly string[] {
    this.#bareUrls ??= this.plain.match(BARE_URL) ?? []
    return this.#bareUrls
  }
  get hasCode(): boolean {
    this.#hasCode ??= this.parts.hasCode || this.node.type === 'code' || this.context.inCode(this.start)
    return this.#hasCode
  }
}

/** The top-level blocks of `tree`, in source order (their figures worked out on first use). */
export function widgetBlocks(tree: Root, context: SourceContext): WidgetBlock[] {
  const blocks: WidgetBlock[] = []
  for (const node of tree.children) {
    if (SKIPPED.has(node.type)) continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    blocks.push(new LazyWidgetBlock(node, start, end, context))
  }
  return blocks
}

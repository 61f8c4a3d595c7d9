/**
 * The top-level blocks of a file with the shallow text features the
 * structural rules weigh (jusText, Boilerpipe): length, words, links, link
 * density, images, sentence shape, and for lists how many items are lone
 * short links. Built once per tree on the link walk of `core/links.ts` and
 * kept on `file.data` (as `core/context.ts` does), so the rules that judge
 * blocks by structure (page-chrome, and the site-template learner) share it.
 *
 * Language-neutral: stopword densities depend on the document's language and
 * are the page-chrome rule's own. Pure; no `node:*`.
 *
 * @example
 *   const blocks = topBlocks(tree, file)
 *   blocks.find((block) => block.kind === 'list' && block.linkDensity > 0.8)   // a menu
 */
import type {Nodes, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {replaceComments, replaceDelimited, replaceTags} from './delimited.js'
import {linkIndex} from './links.js'
import {countWords} from './text.js'

/** What a top-level block is. `image`: a paragraph of images (and links round them) only. */
export type BlockKind =
  | 'paragraph'
  | 'heading'
  | 'list'
  | 'html'
  | 'table'
  | 'code'
  | 'quote'
  | 'image'
  | 'break'
  | 'definition'
  | 'frontmatter'
  | 'other'

/** The link and length figures of a piece of text (a block, a list item). */
export interface TextFigures {
  /** Characters of visible text, white space not counted. */
  readonly chars: number
  /** Of those, Han, Kana and Hangul characters (a reader weighs them more). */
  readonly cjk: number
  /** Characters of link text (white space not counted). */
  readonly linkChars: number
  /** Links (Markdown links and references, HTML `<a href>`). */
  readonly links: number
}

/** A top-level block and its features. */
export interface Block extends TextFigures {
  /** Its index among the root's children. */
  readonly index: number
  readonly node: RootContent
  readonly kind: BlockKind
  /** Heading depth (1–6), 0 for other kinds. */
  readonly depth: number
  readonly start: number
  readonly end: number
  /** Visible text, white space collapsed (link words kept, URLs and markup dropped). */
  readonly text: string
  /** Words as `countWords` counts them (each CJK character is one). */
  readonly words: number
  /** Link text / text, by characters; 0 for a block without text. */
  readonly linkDensity: number
  /** Links to a place in the page (`#…`). */
  readonly anchorLinks: number
  readonly images: number
  /** Sentence ends (`.!?…。！？` followed by a space, a closing mark or the end). */
  readonly sentences: number
  /** Whether it holds code (inline code, `<code>`, `<pre>`): never chrome. */
  readonly hasCode: boolean
  /** For lists: the items and how many are one short link and nothing else. */
  readonly items?: ListFigures | undefined
}

/** The items of a list. */
export interface ListFigures {
  readonly count: number
  /** Items whose text is (almost) all the text of one or more links, of at most 10 words. */
  readonly linkOnly: number
  readonly meanWords: number
}

const WHITE_SPACE = /\s+/g
const SENTENCE_END = /[.!?…。！？](?=$|\s|["'”’)\]」』])|[。！？]/gu
const HTML_LINK_OPEN = /<a\b[^>]*\bhref\s*=/gi
const CODE_TAG = /<(?:code|pre|kbd|samp)\b/i
const IMG_TAG = /<img\b/gi
const SCRIPT_OR_STYLE = /<(script|style)\b/gi

/** Characters that are not white space (a loop: a regex per character costs ten times more). */
function nonSpace(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code > 32 && code !== 0xa0 && code !== 0x3000 && !(code >= 0x2000 && code <= 0x200b) && code !== 0x202f && code !== 0xfeff) count++
  }
  return count
}

/** Han, Kana and Hangul characters (the common blocks; a supplementary Han character counts once). */
export function countCjk(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x1100) continue
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0x3040 && code <= 0x30ff) ||
      (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xd840 && code <= 0xd87f)
    )
      count++
  }
  return count
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0
  let count = 0
  while (pattern.exec(text)) count++
  return count
}

/** The visible text of HTML (tags, comments, scripts and styles dropped), in linear time. */
function htmlVisibleText(html: string): string {
  let visible = replaceComments(html, ' ')
  visible = replaceDelimited(
    visible,
    SCRIPT_OR_STYLE,
    (open) => (open[1]!.toLowerCase() === 'script' ? /<\/script\s*>/gi : /<\/style\s*>/gi),
    ' ',
  )
  return replaceTags(visible, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, 'x')
}

/** The link figures of an HTML fragment: `<a href>` elements and the text inside them. */
function htmlLinks(html: string): {links: number; linkChars: number} {
  let links = 0
  let linkChars = 0
  HTML_LINK_OPEN.lastIndex = 0
  let match: RegExpExecArray | null
  let from = 0
  const lower = html.toLowerCase()
  while ((match = HTML_LINK_OPEN.exec(html))) {
    if (match.index < from) continue
    links++
    const close = lower.indexOf('</a', match.index)
    const end = close === -1 ? html.length : close
    linkChars += nonSpace(htmlVisibleText(html.slice(match.index, end).replace(/^<a\b[^>]*>?/i, '')))
    from = end
    HTML_LINK_OPEN.lastIndex = Math.max(end, match.index + 1)
  }
  return {links, linkChars}
}

interface Tally {
  chars: number
  cjk: number
  linkChars: number
  links: number
  anchorLinks: number
  images: number
  html: string
}

function emptyTally(): Tally {
  return {chars: 0, cjk: 0, linkChars: 0, links: 0, anchorLinks: 0, images: 0, html: ''}
}

function kindOf(node: RootContent): BlockKind {
  switch (node.type) {
    case 'paragraph':
      return isImageParagraph(node) ? 'image' : 'paragraph'
    case 'heading':
    case 'list':
    case 'html':
    case 'table':
    case 'code':
    case 'definition':
      return node.type
    case 'blockquote':
      return 'quote'
    case 'thematicBreak':
      return 'break'
    case 'yaml':
      return 'frontmatter'
    default:
      if ((node.type as string) === 'toml') return 'frontmatter'
      if ((node.type as string) === 'math') return 'code'
      return 'other'
  }
}

/** A paragraph of images only (linked or not), white space between them. */
function isImageParagraph(node: Nodes): boolean {
  if (!('children' in node)) return false
  let images = 0
  const only = (child: Nodes): boolean => {
    if (child.type === 'image' || child.type === 'imageReference') {
      images++
      return true
    }
    if (child.type === 'text') return child.value.trim() === ''
    if (child.type === 'break') return true
    if (child.type === 'link' || child.type === 'linkReference') return child.children.every((inner) => only(inner as Nodes))
    return false
  }
  return node.children.every((child) => only(child as Nodes)) && images > 0
}

function hasInlineCode(node: Nodes): boolean {
  if (node.type === 'inlineCode' || node.type === 'code') return true
  if (node.type === 'html') return CODE_TAG.test(node.value)
  return 'children' in node && node.children.some((child) => hasInlineCode(child as Nodes))
}

function figuresOf(tally: Tally): TextFigures {
  const html = tally.html === '' ? undefined : htmlVisibleText(tally.html)
  const htmlLinkFigures = tally.html === '' ? {links: 0, linkChars: 0} : htmlLinks(tally.html)
  const chars = tally.chars + (html ? nonSpace(html) : 0)
  return {
    chars,
    cjk: tally.cjk + (html ? countCjk(html) : 0),
    linkChars: Math.min(chars, tally.linkChars + htmlLinkFigures.linkChars),
    links: tally.links + htmlLinkFigures.links,
  }
}

function listFigures(items: readonly Tally[], texts: readonly string[]): ListFigures {
  let linkOnly = 0
  let words = 0
  items.forEach((item, index) => {
    const figures = figuresOf(item)
    const itemWords = countWords(texts[index] ?? '')
    words += itemWords
    if (figures.links > 0 && figures.chars > 0 && figures.linkChars / figures.chars >= 0.8 && itemWords <= 10) linkOnly++
  })
  return {count: items.length, linkOnly, meanWords: items.length === 0 ? 0 : words / items.length}
}

function buildBlocks(tree: Root, file: VFile): Block[] {
  const tallies = new Map<Nodes, Tally>()
  const itemTallies = new Map<Nodes, Tally>()
  const tallyOf = (map: Map<Nodes, Tally>, key: Nodes): Tally => {
    let tally = map.get(key)
    if (!tally) {
      tally = emptyTally()
      map.set(key, tally)
    }
    return tally
  }
  const links = linkIndex(tree, file)
  for (const site of links.sites) {
    const top: Nodes = site.ancestors[1] ?? site.node
    const item = site.ancestors[1]?.type === 'list' ? site.ancestors[2] : undefined
    const targets = item ? [tallyOf(tallies, top), tallyOf(itemTallies, item)] : [tallyOf(tallies, top)]
    const {node} = site
    for (const tally of targets) {
      if (node.type === 'text') {
        const chars = nonSpace(node.value)
        tally.chars += chars
        tally.cjk += countCjk(node.value)
        if (site.inLink) tally.linkChars += chars
      } else if (node.type === 'link' || node.type === 'linkReference') {
        tally.links++
        const url = node.type === 'link' ? node.url : links.definitionOf(node.identifier)?.url
        if (url?.startsWith('#')) tally.anchorLinks++
      } else if (node.type === 'image' || node.type === 'imageReference') {
        tally.images++
      } else if (node.type === 'html') {
        tally.html += `${node.value}\n`
        tally.images += countMatches(node.value, IMG_TAG)
      }
    }
  }
  const blocks: Block[] = []
  tree.children.forEach((node, index) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const kind = kindOf(node)
    const tally = tallies.get(node) ?? emptyTally()
    const figures = figuresOf(tally)
    const markdownText = kind === 'code' || kind === 'frontmatter' ? '' : toString(node, {includeHtml: false, includeImageAlt: false})
    const htmlText = tally.html === '' ? '' : htmlVisibleText(tally.html)
    const text = `${markdownText} ${htmlText}`.replace(WHITE_SPACE, ' ').trim()
    // Inline code is text the link walk does not collect: count it in the length.
    const chars = Math.max(figures.chars, nonSpace(text))
    const cjk = Math.max(figures.cjk, countCjk(text))
    let items: ListFigures | undefined
    if (node.type === 'list') {
      const itemNodes = node.children
      items = listFigures(
        itemNodes.map((item) => itemTallies.get(item) ?? emptyTally()),
        itemNodes.map((item) => toString(item, {includeHtml: false, includeImageAlt: false})),
      )
    }
    blocks.push({
      index,
      node,
      kind,
      depth: node.type === 'heading' ? node.depth : 0,
      start,
      end,
      text,
      words: countWords(text),
      chars,
      cjk,
      linkChars: figures.linkChars,
      links: figures.links,
      linkDensity: chars === 0 ? 0 : Math.min(1, figures.linkChars / chars),
      anchorLinks: tally.anchorLinks,
      images: tally.images,
      sentences: countMatches(text, SENTENCE_END),
      hasCode: kind === 'code' || hasInlineCode(node),
      items,
    })
  })
  return blocks
}

/** The top-level blocks of `tree` (parsed from `file`) with their features, built on first use. */
export function topBlocks(tree: Root, file: VFile): readonly Block[] {
  const data = file.data as {decruftBlocks?: {tree: Root; blocks: readonly Block[]}}
  if (data.decruftBlocks?.tree === tree) return data.decruftBlocks.blocks
  const blocks = buildBlocks(tree, file)
  data.decruftBlocks = {tree, blocks}
  return blocks
}

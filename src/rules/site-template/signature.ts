/**
 * Block signatures: what the template index counts and the rule looks up.
 *
 * Each top-level block of the document (frontmatter aside) gets a 53-bit
 * hash of its normalised source: NFKC, lower case, URLs without their query
 * and fragment, every run of digits as `0` (dates, counters), white space
 * collapsed, and its kind in front (`p`, `h2`, `list` …), so the same words
 * as a heading and as a paragraph are two blocks. A block is *counted* (may
 * be a template) unless it is code, a table, a numbered list (steps),
 * longer than `maxBlockChars`,
 * a lone opening or closing HTML tag (cutting one would unbalance the
 * markup), or holds no letter once normalised (a date, a number, a rule).
 * Every block is a neighbour, counted or not.
 *
 * The hash (cyrb53) is written here, dependency-free, and versioned in the
 * index file (`HASH_VERSION`, `NORMALISE_VERSION`): an index built with
 * another hash or normalisation is refused, never misread.
 *
 * Pure: the tree and its source in, plain data out.
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'

/** The hash function's id in the index file. */
export const HASH_VERSION = 'cyrb53-v1'
/** The normalisation's id in the index file. */
export const NORMALISE_VERSION = 'v1'

/** The neighbour before the first block / after the last block, in the index's neighbour samples. */
export const START = 0
export const END = 1

/** A top-level block, as the index and the rule see it. */
export interface BlockSignature {
  readonly start: number
  readonly end: number
  readonly kind: string
  /** Hash of the normalised block. */
  readonly hash: number
  /** Whether the block may be a template (see the module comment). */
  readonly counted: boolean
  /** Code, a table, or an image with alt text: never removed. */
  readonly keep: boolean
  /** Characters of text (Markdown markup, URLs and HTML tags aside) and of link text. */
  readonly textChars: number
  readonly linkChars: number
}

/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash. 32-bit FNV
 * collides at some 65,000 distinct blocks; this does not at any size an
 * index reaches.
 */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

const URL_TAIL = /(\b(?:https?:)?\/\/[^\s?#)"'<>\]]+)[?#][^\s)"'<>\]]*/gu
const DIGITS = /\p{Nd}+/gu
const SPACE = /\s+/gu
const LETTER = /\p{L}/u
const NON_ASCII = /[^\u0000-\u007f]/
const HTML_TAG = /<[^>]*>/gu
/** One opening or closing tag of an element that holds content, alone in its block. */
const LONE_TAG = /^<\/?(?!(?:br|hr|img|wbr|input|source|embed|meta|link)\b)[a-z][a-z0-9-]*(?:\s[^<>]*)?>$/iu

/** The normalised form of a block's source (see the module comment). */
export function normaliseBlock(source: string): string {
  // NFKC leaves ASCII as it is, and a URL's tail needs its `//`: both steps are skipped when they cannot change anything.
  const composed = NON_ASCII.test(source) ? source.normalize('NFKC') : source
  const lower = composed.toLowerCase()
  const urls = lower.includes('//') ? lower.replace(URL_TAIL, '$1') : lower
  return urls.replace(DIGITS, '0').replace(SPACE, ' ').trim()
}

function kindOf(node: RootContent): string {
  if (node.type === 'heading') return `h${node.depth}`
  if (node.type === 'paragraph') return 'p'
  return node.type
}

function hasImageWithAlt(node: RootContent, source: string): boolean {
  let found = false
  visit(node, (child) => {
    if ((child.type === 'image' || child.type === 'imageReference') && (child.alt ?? '').trim() !== '') found = true
    if (child.type === 'html' && /<img\b[^>]*\balt\s*=\s*["']?[^\s"'>]/iu.test(child.value)) found = true
    return found ? false : undefined
  })
  if (!found && node.type === 'html') {
    const start = node.position?.start.offset ?? 0
    found = /<img\b[^>]*\balt\s*=\s*["']?[^\s"'>]/iu.test(source.slice(start, node.position?.end.offset ?? start))
  }
  return found
}

function linkChars(node: RootContent): number {
  let chars = 0
  visit(node, (child) => {
    if (child.type === 'link' || child.type === 'linkReference') {
      chars += toString(child).length
      return 'skip'
    }
    return undefined
  })
  return chars
}

/** Options of {@link blockSignatures}. */
export interface SignatureOptions {
  /** Blocks with a longer source are not counted. */
  readonly maxBlockChars: number
}

/** A top-level block with its hash: what the rule needs of every block (the rest, {@link BlockSignature}'s, on demand). */
export interface HashedBlock {
  readonly node: RootContent
  readonly start: number
  readonly end: number
  readonly kind: string
  /** The normalised source ({@link normaliseBlock}). */
  readonly normalised: string
  /** Hash of the kind and the normalised source. */
  readonly hash: number
}

/** Every top-level block of `tree` (frontmatter aside) with its hash, in order. */
export function hashBlocks(tree: Root, source: string): HashedBlock[] {
  const blocks: HashedBlock[] = []
  for (const node of tree.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    const kind = kindOf(node)
    const normalised = normaliseBlock(source.slice(start, end))
    blocks.push({node, start, end, kind, normalised, hash: cyrb53(`${kind}\u0000${normalised}`)})
  }
  return blocks
}

/** Whether a block is never removed: code, a table, math, or an image with alt text. */
export function isKeptBlock(block: HashedBlock, source: string): boolean {
  const {node} = block
  return node.type === 'code' || node.type === 'table' || (node.type as string) === 'math' || hasImageWithAlt(node, source)
}

/** Whether a block may be a template (see the module comment); `keep` is {@link isKeptBlock}'s answer. */
export function isCountedBlock(block: HashedBlock, keep: boolean, options: SignatureOptions): boolean {
  const {node} = block
  // Numbered steps are a tutorial's, however often the site repeats them; templates list links, not steps.
  return (
    !keep &&
    !(node.type === 'list' && node.ordered === true) &&
    block.end - block.start <= options.maxBlockChars &&
    LETTER.test(block.normalised) &&
    !(node.type === 'html' && LONE_TAG.test(block.normalised))
  )
}

/** Characters of a block's text (Markdown markup, URLs and HTML tags aside). */
export function blockTextChars(block: HashedBlock, source: string): number {
  const {node} = block
  const text = node.type === 'html' ? source.slice(block.start, block.end).replace(HTML_TAG, ' ') : toString(node)
  return text.trim().length
}

/** Characters of a block's link text. */
export function blockLinkChars(block: HashedBlock): number {
  return block.node.type === 'html' ? 0 : linkChars(block.node)
}

/** The signature of every top-level block of `tree` (frontmatter aside), in order. */
export function blockSignatures(tree: Root, source: string, options: SignatureOptions): BlockSignature[] {
  return hashBlocks(tree, source).map((block) => {
    const keep = isKeptBlock(block, source)
    return {
      start: block.start,
      end: block.end,
      kind: block.kind,
      hash: block.hash,
      counted: isCountedBlock(block, keep, options),
      keep,
      textChars: blockTextChars(block, source),
      linkChars: blockLinkChars(block),
    }
  })
}

/**
 * Frontmatter fields derived from an article, each opt-in for the caller: a
 * URL slug (from the title, or from the file path) and a description (the
 * first real paragraph, shortened). All pure; no `node:*`. (Word counts and
 * the reading time are the record's, in `core/text.ts`.)
 *
 * Keeps: slugs to ASCII `[a-z0-9-]` only, so a title with no Latin letters or
 * digits (Chinese, Cyrillic) gives `undefined` and the caller falls back to
 * the file name. A description never cuts inside a word and never ends on a
 * dangling `,` or `:` before its `…`.
 *
 * @example
 *   slugify('Ärger mit Straßen & Brücken!')    // → 'arger-mit-strassen-brucken'
 *   slugFromPath('content\\posts\\2024-06-21-gpu-fix\\index.md') // → 'gpu-fix'
 *   summarize('One. Two is longer than it looks.', 10) // → 'One.'
 */
import type {Nodes, Paragraph, Root} from 'mdast'
import {countWords} from '../../core/text.js'

function assertPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`)
}

// ---------------------------------------------------------------------------
// Slugs

/** Letters NFKD does not decompose, spelled in ASCII (after lower-casing). */
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}
const SPELLED_LETTER = /[ßæøœđłðþı]/g
const COMBINING_MARK = /\p{M}/gu
/** An apostrophe between two letters or digits (`don't`, `l’été`): dropped, not a word break. */
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['‘’ʼ](?=[\p{L}\p{N}])/gu
const NOT_SLUG = /[^a-z0-9]+/g
const EDGE_HYPHENS = /^-+|-+$/g

/**
 * A URL slug from a title: lower-case ASCII letters, digits and single
 * hyphens. Accents are stripped (NFKD), `ß æ ø œ đ ł` are spelled out,
 * apostrophes inside words vanish (`don't` → `dont`), and every other run of
 * characters (spaces, `&`, emoji, punctuation, non-Latin letters) becomes one
 * `-`. A slug longer than `maxLength` (default 80) is cut at the last hyphen
 * that fits, or hard at `maxLength` when there is none.
 *
 * @returns `undefined` when no Latin letter or digit remains.
 * @throws RangeError when `maxLength` is not a positive integer.
 */
export function slugify(text: string, maxLength = 80): string | undefined {
  assertPositiveInteger(maxLength, 'maxLength')
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARK, '')
    .replace(SPELLED_LETTER, (letter) => LETTER_SPELLINGS[letter] ?? letter)
    .replace(INNER_APOSTROPHE, '')
    .replace(NOT_SLUG, '-')
    .replace(EDGE_HYPHENS, '')
  if (slug === '') return undefined
  if (slug.length <= maxLength) return slug
  // Runs are collapsed, so a hyphen found here has a letter or digit before it.
  const hyphen = slug.slice(0, maxLength + 1).lastIndexOf('-')
  return hyphen > 0 ? slug.slice(0, hyphen) : slug.slice(0, maxLength)
}

/** File names that stand for their folder (Hugo, Jekyll, GitHub). */
const FOLDER_INDEX_NAMES = new Set(['index', '_index', 'readme'])
const PATH_SEPARATORS = /[\\/]+/
const DRIVE = /^[a-z]:$/i
const JEKYLL_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-(?=.)/

/**
 * A slug from a file path, POSIX or Windows: the base name without its
 * extension, or the parent folder's name for `index.md`, `_index.md` and
 * `README.md` (any extension, any case); a Jekyll date prefix
 * (`2024-06-21-`) is dropped; then {@link slugify}. A lone `index.md` with no
 * folder gives `'index'`.
 *
 * @returns `undefined` when the path is empty or its name has no Latin letter or digit.
 */
export function slugFromPath(path: string): string | undefined {
  const segments = path.split(PATH_SEPARATORS).filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
  if (segments.length > 0 && DRIVE.test(segments[0]!)) segments.shift()
  const base = segments.at(-1)
  if (base === undefined) return undefined
  const dot = base.lastIndexOf('.')
  let name = dot > 0 ? base.slice(0, dot) : base
  const parent = segments.at(-2)
  if (FOLDER_INDEX_NAMES.has(name.toLowerCase()) && parent !== undefined) name = parent
  return slugify(name.replace(JEKYLL_DATE_PREFIX, ''))
}

// ---------------------------------------------------------------------------
// First paragraph

/** Text of a paragraph, split by what it was: prose, link text or code. */
interface ParagraphText {
  all: string[]
  links: string[]
  prose: string[]
}

function gather(node: Nodes, isRemoved: (start: number, end: number) => boolean, inLink: boolean, out: ParagraphText): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined && isRemoved(start, end)) return
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      out.all.push(node.value)
      if (inLink) out.links.push(node.value)
      else if (node.type === 'text') out.prose.push(node.value)
      return
    case 'break':
      out.all.push(' ')
      return
    // Images, HTML and footnote markers are not prose.
    case 'image':
    case 'imageReference':
    case 'html':
    case 'footnoteReference':
      return
    default:
      break
  }
  const linked = inLink || node.type === 'link' || node.type === 'linkReference'
  if ('children' in node) for (const child of node.children) gather(child as Nodes, isRemoved, linked, out)
}

const WHITE_SPACE = /\s+/g
const collapse = (parts: readonly string[]): string => parts.join('').replace(WHITE_SPACE, ' ').trim()

/**
 * The first real paragraph of an article as plain text: the first top-level
 * `paragraph` that `isRemoved` does not take (given the node's start and end
 * offsets), with at least `minWords` words (default 8), some words outside
 * links and code, and less than half of its words inside links.
 *
 * The text is that of text, inline code and link text (images, HTML and
 * footnote markers are left out; inline nodes that `isRemoved` takes too),
 * line breaks become spaces and white space is collapsed.
 *
 * @returns `undefined` when no paragraph qualifies.
 */
export function firstParagraphText(tree: Root, isRemoved: (start: number, end: number) => boolean, minWords = 8): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue
    const text = paragraphText(node, isRemoved, minWords)
    if (text !== undefined) return text
  }
  return undefined
}

function paragraphText(node: Paragraph, isRemoved: (start: number, end: number) => boolean, minWords: number): string | undefined {
  const parts: ParagraphText = {all: [], links: [], prose: []}
  gather(node, isRemoved, false, parts)
  const text = collapse(parts.all)
  const words = countWords(text)
  if (words === 0 || words < minWords) return undefined
  if (countWords(parts.prose.join(' ')) === 0) return undefined
  if (countWords(parts.links.join(' ')) * 2 >= words) return undefined
  return text
}

// ---------------------------------------------------------------------------
// Description

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u
/** A sentence end: Western punctuation before a space, or CJK punctuation anywhere; closing quotes stay with it. */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?= )|[。！？]+[」』”’）]*/gu
/** Words that end in a dot without ending a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'jr', 'sr', 'no', 'fig', 'inc', 'ltd', 'co', 'approx'])
/** Nothing a cut text may end on before its `…`. */
const DANGLING = /[\s,;:、，；：\-–—/&([{“‘«]+$/u

/** Whether the dot ending at `index` closes an abbreviation (`e.g.`, `U.S.`, `Dr.`) rather than a sentence. */
function isAbbreviation(text: string, index: number): boolean {
  if (text[index] !== '.') return false
  const word = /(?:^|\s)([\p{L}.]+)$/u.exec(text.slice(0, index))?.[1]
  if (word === undefined) return false
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())
}

/** Offsets just after each sentence end in `text` (single spaces only, as collapsed). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = []
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length
    if (end >= text.length) break
    const next = text[end] === ' ' ? text[end + 1] : text[end]
    if (next !== undefined && /\p{Ll}/u.test(next)) continue
    if (match[0] === '.' && isAbbreviation(text, match.index)) continue
    ends.push(end)
  }
  return ends
}

/** Whether `text` may be cut before `index` without cutting a word. */
function isWordBoundary(text: string, index: number): boolean {
  const before = text[index - 1]
  const after = text[index]
  if (before === undefined || after === undefined) return true
  return after === ' ' || CJK.test(before) || CJK.test(after)
}

/**
 * A description from paragraph text (white space collapsed): the text itself
 * when it has at most `maxLength` characters (UTF-16 units, default 160);
 * otherwise as many whole sentences as fit; otherwise the text cut at the
 * last word boundary within `maxLength - 1` characters, trailing `,` `;` `:`
 * dashes and opening brackets dropped, and `…` added. Only a first word
 * longer than that (a URL, say) is cut inside, so the result always fits.
 *
 * @throws RangeError when `maxLength` is not a positive integer.
 */
export function summarize(text: string, maxLength = 160): string {
  assertPositiveInteger(maxLength, 'maxLength')
  const clean = text.replace(WHITE_SPACE, ' ').trim()
  if (clean.length <= maxLength) return clean
  let fits = 0
  for (const end of sentenceEnds(clean)) {
    if (end > maxLength) break
    fits = end
  }
  if (fits > 0) return clean.slice(0, fits)
  const limit = maxLength - 1
  for (let index = limit; index > 0; index--) {
    if (!isWordBoundary(clean, index)) continue
    const body = clean.slice(0, index).replace(DANGLING, '')
    if (body !== '') return `${body}…`
  }
  // One word longer than the limit: cut it, but never between a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(clean[limit - 1] ?? '') ? limit - 1 : limit
  return `${clean.slice(0, cut)}…`
}

/**
 * A small, fast HTML tag scanner for the raw HTML that sits in Markdown.
 *
 * Raw HTML in scraped Markdown is split by the Markdown parser into many
 * `html` nodes (an `<ins>` whose attributes span lines becomes inline HTML in
 * a paragraph, an ad block may hold blank lines). Rules therefore look at the
 * source text: this scanner finds tags and comments and pairs elements,
 * skipping the ranges the caller marks as code. It does not build a DOM; it
 * only needs to be right about where elements start and end.
 *
 * What the Markdown parser cannot have read as one piece of HTML is not a
 * tag: a tag that holds a blank line (an attribute quote never closed, as in
 * `<a href="…)_` then the next section: the paragraph ends at the blank line,
 * the "tag" is text), a tag or comment that runs into code or past the end
 * of the block it starts in (given the blocks), and a `<` inside an
 * attribute name (`<Output: then <ins class="…">` is text, then a tag).
 */

export interface Attributes {
  readonly [name: string]: string
}

export interface Tag {
  kind: 'open' | 'close'
  /** Lower-case tag name. */
  name: string
  attributes: Attributes
  selfClosing: boolean
  start: number
  end: number
}

export interface Comment {
  kind: 'comment'
  /** The text between `<!--` and `-->`. */
  value: string
  start: number
  end: number
}

export type Token = Tag | Comment

/** An element: its open tag and, unless void or unclosed, its close tag. */
export interface Element {
  name: string
  attributes: Attributes
  start: number
  end: number
  /** Offsets of the content between the tags. */
  contentStart: number
  contentEnd: number
  closed: boolean
}

/** Where a comment or a tag may start. */
const OPENER = /<(?:!--|\/?[a-zA-Z])/g
/** A start or end tag at the opener (sticky): close mark, name, attribute source, self-closing mark (groups 1–4). */
const TAG_AT = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y
/** One attribute of a tag's source: its name, and its value double-quoted, single-quoted or bare (groups 1–4). */
export const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g
const BLANK_LINE = /\n[ \t]*\r?\n/

/** Parse the attribute source of a tag. Names are lower-cased; the first of a repeated name wins. */
export function parseAttributes(source: string): Attributes {
  const attributes: Record<string, string> = {}
  if (!source) return attributes
  ATTRIBUTE.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = ATTRIBUTE.exec(source))) {
    const name = match[1]!.toLowerCase()
    if (!(name in attributes)) attributes[name] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

import {VOID_ELEMENTS} from '../engine/html-elements.js'
import {nextMatch} from './delimited.js'

/** A sorted list of `[start, end)` ranges that the scanner must skip (code). */
export type Ranges = ReadonlyArray<readonly [number, number]>

function skipTo(ranges: Ranges, offset: number, index: {value: number}): number {
  while (index.value < ranges.length && ranges[index.value]![1] <= offset) index.value++
  const range = ranges[index.value]
  return range && range[0] <= offset ? range[1] : -1
}

/** Whether a skip range starts inside `(start, end)` (after {@link skipTo} moved `index` to `start`). */
function runsIntoSkip(ranges: Ranges, end: number, index: {value: number}): boolean {
  const range = ranges[index.value]
  return range !== undefined && range[0] < end
}

/** Whether `[start, end)` starts inside one of `blocks` and ends past it (`index` moves along as starts grow). */
function crossesBlock(blocks: Ranges, start: number, end: number, index: {value: number}): boolean {
  while (index.value < blocks.length && blocks[index.value]![1] <= start) index.value++
  const holding = blocks[index.value]
  return holding !== undefined && holding[0] <= start && end > holding[1]
}

/** Whether the character at `offset` is escaped by an odd run of backslashes (`\\<span>` is text). */
function isEscaped(text: string, offset: number): boolean {
  let count = 0
  for (let index = offset - 1; index >= 0 && text.charCodeAt(index) === 92; index--) count++
  return count % 2 === 1
}

/**
 * Scan `text` for tags and comments outside `skip` ranges. With `blocks`
 * (the sorted leaf blocks of the parsed text: paragraphs, HTML blocks…), a
 * token must end in the block it starts in: the Markdown parser ended the
 * block inside it (a line starting with `>` or `#` in the middle of a
 * would-be tag), so it is no HTML.
 */
export function scanHtml(text: string, skip: Ranges = [], blocks: Ranges = []): Token[] {
  const tokens: Token[] = []
  if (!text.includes('<')) return tokens
  const cursor = {value: 0}
  const block = {value: 0}
  // The first `-->` after an offset, remembered: many unclosed `<!--` cost one scan, not one each.
  const commentClose = nextMatch(text, '-->')
  OPENER.lastIndex = 0
  let opener: RegExpExecArray | null
  while ((opener = OPENER.exec(text))) {
    const start = opener.index
    const resume = skipTo(skip, start, cursor)
    if (resume !== -1) {
      OPENER.lastIndex = resume
      continue
    }
    let token: Token | undefined
    let holdsBlankLine = false
    if (opener[0] === '<!--') {
      const close = commentClose(start + 4)
      if (close) token = {kind: 'comment', value: text.slice(start + 4, close.start), start, end: close.end}
    } else {
      TAG_AT.lastIndex = start
      const match = TAG_AT.exec(text)
      if (match) {
        holdsBlankLine = BLANK_LINE.test(match[0])
        token = {
          kind: match[1] ? 'close' : 'open',
          name: match[2]!.toLowerCase(),
          attributes: match[1] ? {} : parseAttributes(match[3] ?? ''),
          selfClosing: match[4] === '/',
          start,
          end: TAG_AT.lastIndex,
        }
      }
    }
    if (!token) continue
    // An escaped `\<span>` is text, and so is what it spans.
    if (isEscaped(text, start)) {
      OPENER.lastIndex = token.end
      continue
    }
    if (runsIntoSkip(skip, token.end, cursor) || holdsBlankLine || crossesBlock(blocks, start, token.end, block)) {
      // Not one piece of HTML to the Markdown parser: look again from the next character.
      OPENER.lastIndex = start + 1
      continue
    }
    OPENER.lastIndex = token.end
    tokens.push(token)
  }
  return tokens
}

/**
 * Pair open and close tags into elements. Void and self-closing tags are
 * elements on their own; an open tag with no matching close is an unclosed
 * element that ends where its open tag ends.
 */
export function pairElements(tokens: readonly Token[]): Element[] {
  const elements: Element[] = []
  const stacks = new Map<string, Array<{tag: Tag; index: number}>>()
  for (const token of tokens) {
    if (token.kind === 'comment') continue
    if (token.kind === 'open') {
      const element: Element = {
        name: token.name,
        attributes: token.attributes,
        start: token.start,
        end: token.end,
        contentStart: token.end,
        contentEnd: token.end,
        closed: false,
      }
      elements.push(element)
      if (token.selfClosing || VOID_ELEMENTS.has(token.name)) {
        element.closed = true
        continue
      }
      let stack = stacks.get(token.name)
      if (!stack) stacks.set(token.name, (stack = []))
      stack.push({tag: token, index: elements.length - 1})
      continue
    }
    const open = stacks.get(token.name)?.pop()
    if (!open) continue
    const element = elements[open.index]!
    element.contentEnd = token.start
    element.end = token.end
    element.closed = true
  }
  return elements.sort((a, b) => a.start - b.start)
}

/** Class names of an element. */
export function classesOf(attributes: Attributes): string[] {
  const value = attributes['class']
  return value ? value.split(/\s+/).filter(Boolean) : []
}

const CHARACTER_REFERENCE = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|quot|apos|lt|gt));/gi
const NAMED: Readonly<Record<string, string>> = {amp: '&', quot: '"', apos: "'", lt: '<', gt: '>'}

/**
 * Decode the character references an attribute value may hold: numeric ones
 * and `&amp;` `&quot;` `&apos;` `&lt;` `&gt;` (enough for URLs in `href`,
 * where `&amp;` separates query parameters).
 */
export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value
  return value.replace(CHARACTER_REFERENCE, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

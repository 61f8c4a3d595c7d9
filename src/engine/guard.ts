/**
 * The pre-parse guard: one linear pass over a document that finds the
 * shapes whose parse cost explodes (nesting thousands deep, thousands of
 * emphasis marks in one paragraph, a million list items) so that `clean()`
 * refuses them in milliseconds instead of spending minutes and gigabytes in
 * remark-parse first.
 *
 * It reads lines the way CommonMark does, roughly: the container markers at
 * a line's start (block quotes `>`, list items `-`, `+`, `*`, `1.`, `1)`)
 * and the indentation that keeps a line inside earlier list items; fenced
 * code, indented code and raw HTML blocks (`<script>`, `<pre>`, …, HTML
 * comments), whose text is not Markdown; headings, table rows and list items
 * as units of inline text of their own; then each paragraph's inline text
 * through `guard-inline.ts`. Where it cannot be exact it errs towards
 * passing (it under-counts), so only pathological documents are refused:
 * the limits sit far above what real articles hold (see `guard-limits.ts`).
 *
 * Portable: no Node imports.
 */
import {frontmatterEnd} from './fences.js'
import {InlineMeter, NextIndex, type InlineCounts} from './guard-inline.js'
import type {GuardLimits, GuardViolation} from './guard-limits.js'

// biome-ignore lint/suspicious/noConstEnum: module-private, so isolatedModules and esbuild inline it like tsc does.
const enum Block {
  None,
  Paragraph,
  Html,
  Table,
}

/** HTML blocks whose content is raw text up to their end tag (CommonMark's kind 1). */
const RAW_BLOCK = /^<(script|pre|style|textarea)(?=[\s>]|$)/i
/** HTML blocks that end at a blank line and can interrupt a paragraph (CommonMark's kind 6), by name. */
const BLOCK_TAG =
  /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\s/>]|$)/i
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/

/**
 * The first limit `text` exceeds, with its place; `undefined` when the
 * document is within every limit. Linear in the length of `text`.
 */
export function findParseHazard(text: string, limits: GuardLimits): GuardViolation | undefined {
  const lineCount = countLines(text)
  if (lineCount > limits.lines) {
    return violation('lines', lineCount, limits, pointAt(text, lineStartOf(text, limits.lines + 1)))
  }
  return new Scan(text, limits).run()
}

class Scan {
  private readonly meter: InlineMeter
  private block = Block.None
  /** Content columns of the open list items (from indentation). */
  private readonly listStack: number[] = []
  private fence: {code: number; length: number} | undefined
  private skipUntil = 0
  private listItems = 0
  private listItemsCrossed = -1
  private inlineWork = 0
  private nestedLines = 0
  private loweredText: NextIndex | undefined
  private readonly terminators: NextIndex

  constructor(
    private readonly text: string,
    private readonly limits: GuardLimits,
  ) {
    this.meter = new InlineMeter(text, limits)
    this.terminators = new NextIndex(text)
  }

  run(): GuardViolation | undefined {
    const text = this.text
    const end = frontmatterEnd(text)
    let start = end !== undefined && end > 0 ? end : 0
    while (start < text.length) {
      let lineEnd = start
      while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++
      const found = this.line(start, lineEnd)
      if (found) return found
      start = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1)
    }
    const last = this.endParagraph()
    if (last) return last
    if (this.listItemsCrossed !== -1) return violation('listItems', this.listItems, this.limits, pointAt(text, this.listItemsCrossed))
    return undefined
  }

  private line(start: number, end: number): GuardViolation | undefined {
    const text = this.text
    if (start < this.skipUntil) {
      // Inside a raw HTML block or a comment: its last line's rest is HTML, and the next line starts a new block.
      if (this.skipUntil < end) this.meter.measureLine(this.skipUntil, end, false)
      return undefined
    }
    // Indentation, and the list items it keeps this line inside.
    let index = start
    let column = 0
    while (index < end && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) {
      column = text.charCodeAt(index) === 0x09 ? column + 4 - (column % 4) : column + 1
      index++
    }
    if (index === end) return this.endParagraph()
    const stack = this.listStack
    while (stack.length > 0 && stack[stack.length - 1]! > column) stack.pop()
    // Container markers; in fenced code only block quotes (its `- ` lines are code).
    const base = stack.length
    let quotes = 0
    let lists = 0
    let crossedAt = -1
    let containerColumn = base > 0 ? stack[base - 1]! : 0
    const breaks: BreakCache = new Map()
    for (;;) {
      while (index < end && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) {
        column = text.charCodeAt(index) === 0x09 ? column + 4 - (column % 4) : column + 1
        index++
      }
      const code = text.charCodeAt(index)
      let markerEnd = -1
      if (code === 0x3e /* > */) {
        quotes++
        markerEnd = index + 1
      } else if (this.fence === undefined) {
        markerEnd = listMarkerEnd(text, index, end, breaks)
        if (markerEnd !== -1) {
          lists++
          this.listItems++
          if (this.listItems > this.limits.listItems && this.listItemsCrossed === -1) this.listItemsCrossed = index
          if (quotes === 0) stack.push(column + (markerEnd - index) + 1)
        }
      }
      if (markerEnd === -1) break
      if (crossedAt === -1 && base + quotes + lists > this.limits.containerDepth) crossedAt = index
      column += markerEnd - index
      index = markerEnd
      containerColumn = column + 1
    }
    if (crossedAt !== -1) {
      const kind = quotes === 0 ? 'lists' : lists === 0 && base === 0 ? 'block quotes' : 'lists and block quotes'
      return violation('containerDepth', base + quotes + lists, this.limits, pointAt(text, crossedAt), kind)
    }
    this.nestedLines += base + quotes + lists
    if (this.nestedLines > this.limits.nestedLines) return violation('nestedLines', this.nestedLines, this.limits, pointAt(text, start))
    return this.content(index, end, lists > 0, column - containerColumn)
  }

  /** The text of a line after its container markers and indentation (`indent` columns deeper than its container's content). */
  private content(index: number, end: number, newItem: boolean, indent: number): GuardViolation | undefined {
    const text = this.text
    if (this.fence !== undefined) {
      if (closesFence(text, index, end, this.fence)) this.fence = undefined
      return undefined
    }
    if (newItem || (this.block !== Block.Paragraph && this.block !== Block.Table)) {
      const ended = this.endParagraph()
      if (ended) return ended
      if (indent >= 4 && !newItem) return undefined // indented code
    }
    const code = text.charCodeAt(index)
    if (code === 0x60 || code === 0x7e) {
      const length = runLength(text, index, end, code)
      if (length >= 3 && (code === 0x7e || !includesCode(text, index + length, end, 0x60))) {
        const ended = this.endParagraph()
        this.fence = {code, length}
        return ended
      }
    }
    if (code === 0x23 /* # */ && ATX_HEADING.test(text.slice(index, index + 8))) {
      const ended = this.endParagraph()
      if (ended) return ended
      this.meter.measureLine(index, end, true)
      return this.endParagraph()
    }
    if (code === 0x3c /* < */ && this.block !== Block.Html) {
      const kind = htmlBlockKind(text, index, end, this.block === Block.None)
      if (kind !== undefined) {
        const ended = this.endParagraph()
        if (ended) return ended
        if (kind === 'html') {
          this.block = Block.Html
        } else {
          // Raw text up to a terminator: skipped whole (to the end of the line holding it), then a new block starts.
          const close = kind.startsWith('</') ? this.lowered().next(kind, index) : this.terminators.next(kind, index + 2)
          if (close !== -1) {
            this.skipUntil = close + kind.length
            return undefined
          }
          this.block = Block.Html
        }
      }
    }
    if (this.block === Block.Paragraph && isDelimiterRow(text, index, end)) this.block = Block.Table
    if (this.block === Block.Table) {
      // Each cell is its own inline text: measure row by row.
      const ended = this.endParagraph(Block.Table)
      if (ended) return ended
    }
    if (this.block === Block.None) this.block = Block.Paragraph
    this.meter.measureLine(index, end, this.block !== Block.Html)
    return undefined
  }

  /** End the paragraph (or HTML block): a violation if it crossed a limit. `next` is the block that goes on. */
  private endParagraph(next = Block.None): GuardViolation | undefined {
    this.block = next
    const counts = this.meter.counts
    const crossed = Object.entries(counts.crossed) as Array<[keyof InlineCounts['crossed'], number]>
    if (crossed.length === 0) {
      this.inlineWork += inlineWorkOf(counts)
      const first = counts.firstDelimiter
      this.meter.reset()
      if (this.inlineWork > this.limits.inlineWork) return violation('inlineWork', this.inlineWork, this.limits, pointAt(this.text, first))
      return undefined
    }
    const [limit, offset] = crossed.reduce((first, entry) => (entry[1] < first[1] ? entry : first))
    const value = limit === 'bracketDepth' || limit === 'htmlDepth' ? counts.deepest[limit] : counts[limit]
    return violation(limit, value, this.limits, pointAt(this.text, offset))
  }

  private lowered(): NextIndex {
    this.loweredText ??= new NextIndex(this.text.toLowerCase())
    return this.loweredText
  }
}

/**
 * What an HTML block starting at `index` is, by CommonMark's seven kinds:
 * the terminator of a raw one (kinds 1–5: `</script`, `-->`, `?>`, `>`,
 * `]]>`), `html` for one that ends at a blank line (6, and 7 when it stands
 * alone on its line and does not interrupt a paragraph), or `undefined`
 * when the line is not an HTML block.
 */
function htmlBlockKind(text: string, index: number, end: number, blockStart: boolean): string | undefined {
  const head = text.slice(index, Math.min(end, index + 16))
  const raw = RAW_BLOCK.exec(head)
  if (raw) return `</${raw[1]!.toLowerCase()}`
  if (head.startsWith('<!--')) return '-->'
  if (head.startsWith('<?')) return '?>'
  if (head.startsWith('<![CDATA[')) return ']]>'
  if (/^<![A-Za-z]/.test(head)) return '>'
  if (BLOCK_TAG.test(head)) return 'html'
  if (!blockStart || !/^<\/?[A-Za-z]/.test(head)) return undefined
  // Kind 7: a complete tag with nothing after it on its line.
  let close = index + 1
  while (close < end && text.charCodeAt(close) !== 0x3e) close++
  if (close >= end) return undefined
  for (let at = close + 1; at < end; at++) {
    const char = text.charCodeAt(at)
    if (char !== 0x20 && char !== 0x09) return undefined
  }
  return 'html'
}

function includesCode(text: string, from: number, end: number, code: number): boolean {
  for (let at = from; at < end; at++) if (text.charCodeAt(at) === code) return true
  return false
}

/** The offset past a list marker at `index` (`-`, `+`, `*`, `1.`, `1)` then white space or the line's end), or -1. A thematic break is no marker. */
function listMarkerEnd(text: string, index: number, end: number, breaks: BreakCache): number {
  const code = text.charCodeAt(index)
  let markerEnd = -1
  if (code === 0x2d || code === 0x2b || code === 0x2a) {
    markerEnd = index + 1
  } else {
    let digits = index
    while (digits < end && digits - index < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++
    const delimiter = text.charCodeAt(digits)
    if (digits > index && (delimiter === 0x2e || delimiter === 0x29)) markerEnd = digits + 1
  }
  if (markerEnd === -1) return -1
  const after = text.charCodeAt(markerEnd)
  if (markerEnd < end && after !== 0x20 && after !== 0x09) return -1
  if ((code === 0x2d || code === 0x2a) && isThematicBreak(text, index, end, code, breaks)) return -1
  return markerEnd
}

/**
 * Per line and marker character, the first offset that stops a thematic
 * break of that character: no break starts before it, so `- - - … x` is
 * read once, not once per marker.
 */
type BreakCache = Map<number, number>

/** `---`, `* * *`: three or more of one character, with only white space between, to the line's end. */
function isThematicBreak(text: string, index: number, end: number, code: number, breaks: BreakCache): boolean {
  const stop = breaks.get(code)
  if (stop !== undefined && index < stop) return false
  let count = 0
  for (let at = index; at < end; at++) {
    const char = text.charCodeAt(at)
    if (char === code) count++
    else if (char !== 0x20 && char !== 0x09) {
      breaks.set(code, at)
      return false
    }
  }
  return count >= 3
}

/** A table's delimiter row: `|`, `:`, `-` and white space only, with at least one `|` and one `-`. */
function isDelimiterRow(text: string, index: number, end: number): boolean {
  let pipe = false
  let dash = false
  for (let at = index; at < end; at++) {
    const char = text.charCodeAt(at)
    if (char === 0x7c) pipe = true
    else if (char === 0x2d) dash = true
    else if (char !== 0x3a && char !== 0x20 && char !== 0x09) return false
  }
  return pipe && dash
}

function closesFence(text: string, index: number, end: number, fence: {code: number; length: number}): boolean {
  const length = runLength(text, index, end, fence.code)
  if (length < fence.length) return false
  for (let at = index + length; at < end; at++) {
    const char = text.charCodeAt(at)
    if (char !== 0x20 && char !== 0x09) return false
  }
  return true
}

function runLength(text: string, index: number, end: number, code: number): number {
  let at = index
  while (at < end && text.charCodeAt(at) === code) at++
  return at - index
}

/** Lines: `\n`, `\r\n` and a lone `\r` each end one; text after the last break is one more. */
function countLines(text: string): number {
  let lines = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) lines++
  }
  const last = text.charCodeAt(text.length - 1)
  return text.length === 0 || last === 0x0a || last === 0x0d ? lines : lines + 1
}

/** The offset where line `line` (1-based) starts. */
function lineStartOf(text: string, line: number): number {
  let current = 1
  for (let index = 0; index < text.length && current < line; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      current++
      if (current === line) return index + 1
    }
  }
  return 0
}

/** Line and column (1-based, UTF-16 units) of an offset. */
function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: offset - lineStart + 1}
}

/**
 * A paragraph's share of the document's inline work: its emphasis
 * delimiters and closing brackets squared (micromark matches each closer by
 * walking back over them), plus its unclosed inline HTML openers times its
 * length (each is read to the paragraph's end), that product halved
 * (measured, a unit of it costs the parser about a sixteenth of a delimiter
 * pair's; halved, not divided by 16, so that one paragraph of unclosed
 * openers is refused at about 2 s of parsing, not 11 s: 5,000 `<!-- x `).
 */
function inlineWorkOf(counts: InlineCounts): number {
  const length = counts.start === -1 ? 0 : counts.end - counts.start
  return counts.emphasisDelimiters ** 2 + counts.closingBrackets ** 2 + Math.floor((counts.unclosedHtml * length) / 2)
}

const WHAT: Record<Exclude<keyof GuardLimits, 'containerDepth'>, string> = {
  bracketDepth: 'link brackets',
  htmlDepth: 'HTML elements',
  emphasisDelimiters: 'emphasis delimiters in one paragraph',
  closingBrackets: 'closing brackets in one paragraph',
  inlineWork:
    'units of inline parsing work (per paragraph: emphasis delimiters squared, plus closing brackets squared, plus unclosed HTML comments and declarations times its length / 2), by this paragraph',
  lines: 'lines',
  listItems: 'list items',
  nestedLines: 'lines in lists and block quotes, counting each line once per level',
}

function violation(
  limit: keyof GuardLimits,
  value: number,
  limits: GuardLimits,
  place: {line: number; column: number},
  kind?: string,
): GuardViolation {
  const bound = limits[limit]
  let reason: string
  if (limit === 'containerDepth' || limit === 'bracketDepth' || limit === 'htmlDepth') {
    reason = `too deeply nested: ${kind ?? WHAT[limit as 'bracketDepth']} ${value} deep (limit ${bound})`
  } else if (limit === 'lines' || limit === 'listItems' || limit === 'nestedLines') {
    reason = `too large to parse safely: ${value} ${WHAT[limit]} (limit ${bound})`
  } else {
    reason = `too costly to parse: ${value} ${WHAT[limit]} (limit ${bound})`
  }
  return {limit, value, line: place.line, column: place.column, reason}
}

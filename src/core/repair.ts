/**
 * Repair around removals: after the rules have found their spans, widen or
 * adjust them so that the Markdown around each one parses as it did, minus
 * what was removed.
 *
 * Rules stay finders; this is the one place that knows how a removal can
 * break its surroundings (CommonMark's own rules, checked locally with the
 * already-parsed tree and the source — nothing is parsed again):
 *
 * - An emphasis, strong, strikethrough or link whose content a removal
 *   emptied goes whole (`**<NA>**` → nothing, not `****`), and so does the
 *   one around it that is then empty.
 * - A closing `*`/`_`/`~` run must follow, and an opening one precede, a
 *   non-space character: a removal that would leave white space there takes
 *   it (`**Download [](…)**` → `**Download**`, not `**Download **`).
 * - At a block's start, white space after a removal does not render: it goes
 *   (four spaces would make a code block), and so does a `-`, `+`, `*`, `>`
 *   or `#` marker that would now open a list item, quote or heading.
 * - On a paragraph's later line, a removal that would leave the line blank
 *   (splitting the paragraph) or starting with a block marker (`- `, `# `,
 *   `> `, `1. `, a setext underline) takes the line break before it instead:
 *   the line joins the previous one, which renders the same.
 * - A removal that ends a line takes the spaces before it when they would
 *   make a hard line break that was not there.
 * - Whole lines removed from between a paragraph (or table, or quote) and a
 *   line that would now continue it keep their last line break, so a blank
 *   line still parts the blocks (no setext heading, no lazy continuation).
 *
 * Every adjusted removal stays one exact span of the input (so re-inserting
 * removed texts still gives the input back) and keeps its shape: an inline
 * removal only grows within its paragraph, never across a blank line. What
 * was done is recorded in the removal's `adjusted`.
 *
 * Not repaired (a pure removal cannot): digits or a fence exposed at a
 * block's start (`[](…) 2020. was a year`), two lists a removed block stood
 * between (CommonMark joins them), delimiter runs glued together
 * (`**a**<x>**b**`).
 */
import type {Nodes, Parents, Root} from 'mdast'
import type {Point, Removal} from './removal.js'

/** One removal being repaired: its current span and what was done to it. */
interface Piece {
  start: number
  end: number
  removal: Removal
  notes: string[]
}

const LF = 10
const CR = 13
const SPACE = 32
const TAB = 9
const GT = 62
const NUMBER_SIGN = 35

const ZS = /\p{Zs}/u

/** CommonMark's Unicode white space: tab, line feed, form feed, carriage return, and Zs. */
function isWhiteSpace(code: number): boolean {
  if (code === SPACE || code === TAB || code === LF || code === CR || code === 12) return true
  return code > 127 && ZS.test(String.fromCharCode(code))
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB
}

/** Inline containers that a removal can empty, by mdast type, as named in a note. */
const CONTAINER_NAMES: Readonly<Record<string, string>> = {
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  link: 'link',
  linkReference: 'link',
}

const DELIMITER_CHAR = /[*_~]/

/** Containers delimited by `*`, `_` or `~` runs, which must touch non-space characters. */
const DELIMITED: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete'])

/** An HTML block start of kinds 1–6: these interrupt a paragraph (CommonMark 4.6). */
const HTML_INTERRUPT =
  /^<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$))/i

/** A setext heading underline: a paragraph line above it becomes a heading. */
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/
/** A thematic break (`***`, `- - -`). */
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/

/**
 * Whether a line (its indentation already stripped) starts a block that can
 * interrupt a paragraph: an ATX heading, a fence, a quote, a thematic break,
 * a non-empty bullet item or item `1.`, an HTML block of kinds 1–6.
 */
function interruptsParagraph(line: string): boolean {
  return (
    /^#{1,6}(?:[ \t]|$)/.test(line) ||
    /^(?:`{3,}|~{3,})/.test(line) ||
    line.startsWith('>') ||
    THEMATIC_BREAK.test(line) ||
    /^(?:[-+*]|0*1[.)])[ \t]+\S/.test(line) ||
    HTML_INTERRUPT.test(line)
  )
}

/** A list item marker, empty or not. */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/

/**
 * What would open another block at a block's start and is only punctuation,
 * so the removal can take it: a bullet, `#`s, `>`, a fence's run, a
 * thematic break.
 */
const PUNCTUATION_MARKER = /^(?:(?:[-+*]|#{1,6})(?:[ \t]+|$)|>[ \t]*|`{3,}|~{3,}|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$)/

/** What a punctuation marker would have made, for a note. */
function blockMadeBy(marker: string): string {
  const first = marker.charAt(0)
  if (THEMATIC_BREAK.test(marker)) return 'a thematic break'
  if (first === '>') return 'a quote'
  if (first === '#') return 'a heading'
  if (first === '`' || first === '~') return 'a code block'
  return 'a list item'
}

/** The spans of every removal, sorted and never overlapping, growing as they are repaired. */
class Pieces {
  readonly list: Piece[]
  /** How many times {@link take} took anything. */
  changes = 0
  constructor(
    readonly text: string,
    removals: readonly Removal[],
  ) {
    this.list = removals
      .filter((removal) => removal.replacement === undefined && removal.end.offset > removal.start.offset)
      .map((removal) => ({start: removal.start.offset, end: removal.end.offset, removal, notes: []}))
      .sort((a, b) => a.start - b.start)
  }

  /** Index of the first piece ending after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0
    let high = this.list.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.list[middle]!.end <= offset) low = middle + 1
      else high = middle
    }
    return low
  }

  /** The piece holding `offset`, if any. */
  at(offset: number): Piece | undefined {
    const piece = this.list[this.firstEndingAfter(offset)]
    return piece && piece.start <= offset ? piece : undefined
  }

  /** Whether any piece touches `[start, end)`. */
  overlaps(start: number, end: number): boolean {
    const piece = this.list[this.firstEndingAfter(start)]
    return piece !== undefined && piece.start < end
  }

  /** The pieces that touch `[start, end)`. */
  overlapping(start: number, end: number): Piece[] {
    const found: Piece[] = []
    for (let index = this.firstEndingAfter(start); index < this.list.length && this.list[index]!.start < end; index++) found.push(this.list[index]!)
    return found
  }

  /** The pieces that lie within `[start, end)`. */
  within(start: number, end: number): Piece[] {
    const found: Piece[] = []
    for (let index = this.firstEndingAfter(start); index < this.list.length && this.list[index]!.start < end; index++) {
      const piece = this.list[index]!
      if (piece.start >= start && piece.end <= end) found.push(piece)
    }
    return found
  }

  /**
   * Whether what is kept of `[start, end)` is blank: white space, and `>`
   * markers at a line's start (a quote's prefix, never content).
   */
  keptIsBlank(start: number, end: number): boolean {
    let lineHead = false
    for (let offset = start; offset < end; offset++) {
      const piece = this.at(offset)
      if (piece) {
        offset = piece.end - 1
        lineHead = false
        continue
      }
      const code = this.text.charCodeAt(offset)
      if (code === LF) lineHead = true
      else if (code === GT && lineHead) continue
      else if (!isWhiteSpace(code)) return false
    }
    return true
  }

  /**
   * From `offset` forward (up to `limit`), past removed text and white space
   * (with `lines`, line breaks and the quote markers after them too): the
   * first kept offset that is neither.
   */
  skipForward(offset: number, limit: number, lines: boolean): number {
    let lineHead = false
    let at = offset
    while (at < limit) {
      const piece = this.at(at)
      if (piece) {
        at = piece.end
        lineHead = false
        continue
      }
      const code = this.text.charCodeAt(at)
      if (code === LF || code === CR) {
        if (!lines) break
        lineHead = true
      } else if (code === GT && lineHead) {
        // A quote marker after a line break: part of the line's prefix.
      } else if (!isWhiteSpace(code)) break
      at++
    }
    return Math.min(at, limit)
  }

  /** From `offset` backward (down to `limit`), past removed text and white space, line breaks and quote prefixes. */
  skipBackward(offset: number, limit: number): number {
    let at = offset
    while (at > limit) {
      const piece = this.at(at - 1)
      if (piece) {
        at = piece.start
        continue
      }
      const code = this.text.charCodeAt(at - 1)
      if (code === GT && isLinePrefix(this.text, at - 1)) {
        at--
        continue
      }
      if (!isWhiteSpace(code)) break
      at--
    }
    return Math.max(at, limit)
  }

  /**
   * Remove the kept text of `[start, end)` too, each kept stretch going with
   * the removal beside it (one that lies in the range, when there is one),
   * so every removal stays one exact span. Returns whether anything was taken.
   */
  take(start: number, end: number, note: string): boolean {
    let taken = false
    let cursor = start
    const inside = this.within(start, end)
    const touch = (piece: Piece) => {
      if (!piece.notes.includes(note)) piece.notes.push(note)
    }
    const attach = (from: number, to: number) => {
      if (to <= from) return
      // `[from, to)` is kept text: a piece holding `from - 1` ends at `from`, one holding `to` starts there.
      const left = from > 0 ? this.at(from - 1) : undefined
      const right = this.at(to)
      const leftInside = left !== undefined && inside.includes(left)
      const rightInside = right !== undefined && inside.includes(right)
      const piece = leftInside ? left : rightInside ? right : (left ?? right)
      if (!piece) return
      if (piece === left) piece.end = to
      else piece.start = from
      touch(piece)
      taken = true
      this.changes++
    }
    for (const piece of this.list.slice(this.firstEndingAfter(start))) {
      if (piece.start >= end) break
      attach(cursor, Math.min(piece.start, end))
      cursor = Math.max(cursor, piece.end)
    }
    attach(cursor, end)
    return taken
  }
}

/** Whether the `>` at `offset` stands in its line's prefix (only white space and `>` before it). */
function isLinePrefix(text: string, offset: number): boolean {
  for (let at = offset - 1; at >= 0; at--) {
    const code = text.charCodeAt(at)
    if (code === LF) return true
    if (code !== GT && !isSpaceOrTab(code)) return false
  }
  return true
}

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset of the line break (`\r\n` or `\n`) that ends the line holding `offset`, or the text's end. */
function lineContentEnd(text: string, offset: number): number {
  const lineFeed = text.indexOf('\n', offset)
  if (lineFeed === -1) return text.length
  return lineFeed > 0 && text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed
}

/** Start of the line break that ends the line before the one starting at `start`. */
function previousBreak(text: string, start: number): number {
  const lineFeed = start - 1
  return lineFeed > 0 && text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed
}

function startOf(node: Nodes): number | undefined {
  return node.position?.start.offset
}

function endOf(node: Nodes): number | undefined {
  return node.position?.end.offset
}

/** The kept text of `[start, end)`, removed pieces cut out. */
function keptText(pieces: Pieces, start: number, end: number): string {
  let text = ''
  let cursor = start
  for (const piece of pieces.list) {
    if (piece.end <= cursor) continue
    if (piece.start >= end) break
    text += pieces.text.slice(cursor, Math.max(cursor, piece.start))
    cursor = Math.max(cursor, piece.end)
  }
  return cursor < end ? text + pieces.text.slice(cursor, end) : text
}

/**
 * An inline container (emphasis, strong, strikethrough, link): if removals
 * emptied it, it goes whole; if they left white space against one of its
 * `*`/`_`/`~` runs, that white space goes.
 */
function repairContainer(node: Parents, pieces: Pieces): void {
  const name = CONTAINER_NAMES[node.type]
  const start = startOf(node as Nodes)
  const end = endOf(node as Nodes)
  const first = node.children[0]
  const last = node.children.at(-1)
  if (name === undefined || start === undefined || end === undefined || !first || !last) return
  const contentStart = startOf(first as Nodes)
  const contentEnd = endOf(last as Nodes)
  if (contentStart === undefined || contentEnd === undefined || !pieces.overlaps(contentStart, contentEnd)) return
  if (pieces.keptIsBlank(contentStart, contentEnd)) {
    const note = `widened to the ${name} it emptied`
    pieces.take(start, end, note)
    // Between two spaces, it takes those after it (one space stays between the words).
    const {text} = pieces
    const after = pieces.skipForward(end, lineContentEnd(text, end), false)
    if (start > 0 && isSpaceOrTab(text.charCodeAt(start - 1)) && !pieces.at(start - 1) && after > end && after < lineContentEnd(text, end)) {
      pieces.take(end, after, note)
    }
    return
  }
  if (!DELIMITED.has(node.type)) return
  // A removal that took one of its runs (a `<script>` that runs to the paragraph's end takes a
  // closing `*`) takes the other: alone, it would show as a literal `*`.
  const openerTaken = pieces.overlaps(start, contentStart)
  const closerTaken = pieces.overlaps(contentEnd, end)
  if (openerTaken !== closerTaken) {
    const note = `took the ${openerTaken ? 'closing' : 'opening'} \`${delimiterOf(pieces.text, start)}\` of the ${name} it took the other run of`
    if (openerTaken) pieces.take(contentEnd, end, note)
    else pieces.take(start, contentStart, note)
    return
  }
  if (openerTaken) return
  // The opening run must be followed, the closing run preceded, by a non-space character.
  // Not when another delimiter run stands beyond the white space (`**<x> *a* b**`): touching, the two
  // runs would be read as one run (and `***` counts in threes).
  const delimiter = delimiterOf(pieces.text, start)
  if (pieces.at(contentStart)) {
    const kept = pieces.skipForward(contentStart, contentEnd, true)
    if (!DELIMITER_CHAR.test(pieces.text.charAt(kept))) {
      pieces.take(contentStart, kept, `widened over the white space it left after the opening \`${delimiter}\``)
    }
  }
  if (pieces.at(contentEnd - 1)) {
    const kept = pieces.skipBackward(contentEnd, contentStart)
    if (!DELIMITER_CHAR.test(pieces.text.charAt(kept - 1))) {
      pieces.take(kept, contentEnd, `widened over the white space it left before the closing \`${delimiter}\``)
    }
  }
}

/** The delimiter run at `offset` (`**`, `_`, `~~`), for a note. */
function delimiterOf(text: string, offset: number): string {
  const char = text.charAt(offset)
  let end = offset
  while (text.charAt(end) === char && end - offset < 3) end++
  return text.slice(offset, end)
}

/** Visit the inline containers of `node`, innermost first (so an emptied one makes its parent empty in turn). */
function repairContainers(node: Parents, pieces: Pieces): void {
  for (const child of node.children) {
    const start = startOf(child as Nodes)
    const end = endOf(child as Nodes)
    if (!('children' in child) || (start !== undefined && end !== undefined && !pieces.overlaps(start, end))) continue
    repairContainers(child as Parents, pieces)
    if (CONTAINER_NAMES[child.type] !== undefined) repairContainer(child as Parents, pieces)
  }
}

/**
 * The lines of a paragraph (or setext heading's text): what a removal leaves
 * at a line's start and end must not change the block structure.
 */
function repairLines(block: Nodes, inContainer: boolean, pieces: Pieces): void {
  const blockStart = startOf(block)
  const blockEnd = endOf(block)
  if (blockStart === undefined || blockEnd === undefined) return
  const {text} = pieces
  // The last line of a setext heading is its underline: its text ends on the line before.
  const textEnd = block.type === 'heading' ? previousBreak(text, lineStart(text, blockEnd)) : blockEnd
  // Last line first: a line that joins the one above makes that one longer, which may decide what it
  // needs; and again while anything changed (a first line that all went makes the next one the first).
  for (let round = 0; round < 3; round++) {
    const changes = pieces.changes
    if (textEnd < blockEnd && pieces.keptIsBlank(blockStart, textEnd)) break
    repairLinesOnce(blockStart, textEnd, blockEnd, inContainer, pieces)
    if (pieces.changes === changes) break
  }
  // A setext heading whose text all went takes its underline: alone, `---` is a thematic break.
  if (textEnd < blockEnd && pieces.overlaps(blockStart, textEnd) && pieces.keptIsBlank(blockStart, textEnd)) {
    pieces.take(blockStart, blockEnd, 'took the underline of the heading it emptied, which alone would be a thematic break')
  }
}

function repairLinesOnce(blockStart: number, textEnd: number, blockEnd: number, inContainer: boolean, pieces: Pieces): void {
  const {text} = pieces
  const touching = pieces.overlapping(blockStart, textEnd).filter((piece) => piece.start > blockStart || piece.end < textEnd)
  for (const piece of touching.reverse()) {
    if (piece.start <= blockStart || pieces.keptIsBlank(blockStart, piece.start)) {
      repairBlockStart(piece, blockStart, textEnd, pieces)
      continue
    }
    const head = lineStart(text, piece.start)
    const lineEnd = lineContentEnd(text, piece.start)
    if (head > blockStart && isPrefixOnly(pieces, head, piece.start)) {
      // A removal that takes its line's break takes the line: nothing is left at its start.
      if (piece.end > lineEnd) continue
      const next = Math.min(pieces.skipForward(piece.end, lineEnd, false), textEnd)
      const restEnd = keptLineEnd(pieces, next, textEnd)
      const rest = keptText(pieces, next, restEnd).replace(/\r$/, '')
      const joint = keptBreakBefore(pieces, head, blockStart)
      // Already on the line of kept text before it (the line breaks between went): nothing to join.
      if (joint === undefined) continue
      if (rest === '') {
        // A blank line would end the paragraph there (a setext heading's text: even at its last line),
        // unless a removal takes the line break too.
        const lineFeed = text.indexOf('\n', lineEnd)
        if (lineFeed !== -1 && !pieces.at(lineFeed) && (restEnd < textEnd || textEnd < blockEnd)) {
          pieces.take(joint, next, 'took the line break before it, so no blank line splits the paragraph')
        }
      } else if (interruptsParagraph(rest) || SETEXT_UNDERLINE.test(rest) || (inContainer && LIST_MARKER.test(rest))) {
        if (!gluesDelimiter(pieces, joint, rest)) {
          pieces.take(joint, piece.start, 'took the line break before it, so what follows stays text of the paragraph')
        }
      }
      continue
    }
    const endLineEnd = lineContentEnd(text, piece.end)
    repairLineEnd(piece, endLineEnd, endLineEnd < textEnd, pieces)
  }
}

/**
 * The line break that will end the output line before the one starting at
 * `head`: the first kept one after the last kept text before `head` (lines
 * between that went or are blank come along). Undefined when no kept break
 * stands between that text and `head`.
 */
function keptBreakBefore(pieces: Pieces, head: number, blockStart: number): number | undefined {
  const {text} = pieces
  let found: number | undefined
  for (let at = head - 1; at >= blockStart; at--) {
    const piece = pieces.at(at)
    if (piece) {
      at = piece.start
      continue
    }
    const code = text.charCodeAt(at)
    if (code === LF) found = at > 0 && text.charCodeAt(at - 1) === CR && !pieces.at(at - 1) ? at - 1 : at
    else if (!isSpaceOrTab(code) && code !== GT && code !== CR) return found
  }
  return found
}

/** Where the output line holding `from` ends: the first kept line feed from `from` (or `limit`). */
function keptLineEnd(pieces: Pieces, from: number, limit: number): number {
  for (let at = from; at < limit; at++) {
    const piece = pieces.at(at)
    if (piece) at = piece.end - 1
    else if (pieces.text.charCodeAt(at) === LF) return at
  }
  return limit
}

/**
 * Whether joining a line to the one before would glue a `*`, `_` or `~` run
 * that ends the line before to what follows: to a letter or digit (the run
 * may no longer close: `**.**1. word`), or to a run of the same character
 * (they would be one run). Then the line is left as it is.
 */
function gluesDelimiter(pieces: Pieces, joint: number, rest: string): boolean {
  let at = joint
  while (at > 0 && pieces.at(at - 1)) at = pieces.at(at - 1)!.start
  const before = pieces.text.charAt(at - 1)
  const after = rest.charAt(0)
  return (before === '*' || before === '_' || before === '~') && (after === before || /[\p{L}\p{N}]/u.test(after))
}

/** Whether only a line's prefix (white space, quote markers) and removed text stand in `[from, to)`. */
function isPrefixOnly(pieces: Pieces, from: number, to: number): boolean {
  for (let offset = from; offset < to; offset++) {
    const piece = pieces.at(offset)
    if (piece) {
      offset = piece.end - 1
      continue
    }
    const code = pieces.text.charCodeAt(offset)
    if (!isSpaceOrTab(code) && code !== GT) return false
  }
  return true
}

/**
 * A removal at a block's start: the white space after it goes (it does not
 * render there, and four spaces would make a code block), and so does a
 * punctuation marker it would leave at the start (`- `, `> `, `# `).
 */
function repairBlockStart(piece: Piece, blockStart: number, blockEnd: number, pieces: Pieces): void {
  const {text} = pieces
  // A marker taken may leave its line blank: then the next line is the block's first (a few at most).
  for (let round = 0; round < 4; round++) {
    const next = pieces.skipForward(piece.end, blockEnd, true)
    if (next >= blockEnd) return
    if (text.lastIndexOf('\n', next - 1) >= piece.end) {
      // The next line's text comes up to this one: the white space before the block that the removal
      // took (after a list marker) goes back, and a marker with nothing after it keeps the break.
      if (piece.start < blockStart && /^[ \t]+$/.test(text.slice(piece.start, blockStart))) {
        piece.start = blockStart
        piece.notes.push('gave back the white space before the block, which its list marker needs')
        pieces.changes++
      }
      const before = piece.start > 0 ? text.charCodeAt(piece.start - 1) : LF
      if (!isWhiteSpace(before) && before !== GT) return
    }
    pieces.take(piece.end, next, 'took the white space after it at the start of the block')
    const rest = keptText(pieces, next, keptLineEnd(pieces, next, blockEnd)).replace(/\r$/, '')
    const marker = PUNCTUATION_MARKER.exec(rest)?.[0]
    if (!marker) return
    pieces.take(next, sourceEnd(pieces, next, marker.length), `took the \`${marker.trim()}\` it would have left at the start of the block, which would have made ${blockMadeBy(marker)}`)
  }
}

/** The offset in the source just past the first `length` kept characters from `from`. */
function sourceEnd(pieces: Pieces, from: number, length: number): number {
  let at = from
  for (let kept = 0; kept < length; at++) {
    const piece = pieces.at(at)
    if (piece) at = piece.end - 1
    else kept++
  }
  return at
}

/** A removal that ends a line (not its last): the spaces before it must not become a hard line break. */
function repairLineEnd(piece: Piece, lineEnd: number, breakFollows: boolean, pieces: Pieces): void {
  if (!breakFollows) return
  const {text} = pieces
  if (pieces.skipForward(piece.end, lineEnd, false) < lineEnd) return
  let trailing = 0
  for (let offset = lineEnd - 1; offset >= 0 && (pieces.at(offset) || text.charCodeAt(offset) === SPACE); offset--) {
    if (!pieces.at(offset)) trailing++
  }
  let before = 0
  while (lineEnd - before - 1 >= 0 && text.charCodeAt(lineEnd - before - 1) === SPACE) before++
  if (trailing < 2 || before >= 2) return
  let from = piece.start
  while (from > 0 && (text.charCodeAt(from - 1) === SPACE || (pieces.at(from - 1) && pieces.at(from - 1) !== piece))) {
    from = pieces.at(from - 1)?.start ?? from - 1
  }
  pieces.take(from, piece.start, 'took the spaces before it, which would have made a hard line break')
}

/** The chain of blocks from the root down to the deepest one holding `offset`. */
function blocksAt(tree: Root, offset: number): Nodes[] {
  const chain: Nodes[] = []
  let node: Nodes = tree
  for (;;) {
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') break
    const child: Nodes | undefined = (node.children as Nodes[]).find((candidate) => {
      const start = startOf(candidate)
      const end = endOf(candidate)
      return start !== undefined && end !== undefined && start <= offset && offset < end
    })
    if (!child) break
    chain.push(child)
    node = child
  }
  return chain
}

/**
 * Whether a line would join the block that ends on the line above it once
 * the lines between are gone: a paragraph (or table) takes a line that
 * cannot interrupt it, a setext underline makes it a heading, and a quote
 * takes a `>` line.
 */
function wouldJoin(above: readonly Nodes[], line: string, below: readonly Nodes[]): boolean {
  const leaf = above.at(-1)
  if (!leaf) return false
  const indent = /^[ \t]*/.exec(line)![0]
  const stripped = line.slice(indent.length)
  if (stripped.startsWith('>') && indent.replace(/\t/g, '    ').length < 4) return above.some((node) => node.type === 'blockquote')
  if (leaf.type !== 'paragraph' && leaf.type !== 'table') return false
  if (indent.replace(/\t/g, '    ').length >= 4) return true
  if (SETEXT_UNDERLINE.test(stripped)) return true
  // A table's header row interrupts a paragraph, but not as a lazy line (after a quote's or item's paragraph).
  if (leaf.type === 'paragraph' && above.length === 1 && below.some((node) => node.type === 'table')) return false
  if (interruptsParagraph(stripped)) return false
  // An item of an open list starts a new item whatever its number.
  if (LIST_MARKER.test(stripped) && above.some((node) => node.type === 'list')) return false
  return true
}

/**
 * Lines that removals take or leave blank, between two lines that stay.
 *
 * - Whole lines removed: when the line below would join the block above,
 *   the last removal keeps its last line break, so a blank line still parts
 *   them.
 * - A line whose content removals take but not its line break (two rules'
 *   removals side by side, or after a quote's `>` or indentation) is left
 *   blank: that blank line stays only where the line below would otherwise
 *   join the block above; elsewhere (inside an HTML block, which it would
 *   end; after a list item's first line, which it would close) the whole
 *   line goes.
 */
function repairBlockJunctions(tree: Root, pieces: Pieces): void {
  const {text, list} = pieces
  const runs: Array<[Piece, Piece]> = []
  for (let index = 0; index < list.length; index++) {
    const first = list[index]!
    let last = first
    while (list[index + 1] && list[index + 1]!.start === last.end) last = list[++index]!
    runs.push([first, last])
  }
  for (const [first, last] of runs) {
    if (first.start === 0) continue
    if (text.charCodeAt(first.start - 1) === LF) keepPartingLine(tree, pieces, first, last)
    else takeBlankedLine(tree, pieces, first, last)
  }
}

/** The blocks of the non-blank line ending just before `head` (a line start), or undefined. */
function blocksAbove(tree: Root, text: string, head: number): Nodes[] | undefined {
  if (head === 0) return undefined
  const aboveEnd = previousBreak(text, head)
  const aboveStart = lineStart(text, aboveEnd)
  const above = text.slice(aboveStart, aboveEnd)
  if (above.trim() === '') return undefined
  return blocksAt(tree, aboveStart + above.trimEnd().length - 1)
}

/** Whole lines from `first` to `last`: keep a line break when the line below would join the block above. */
function keepPartingLine(tree: Root, pieces: Pieces, first: Piece, last: Piece): void {
  const {text} = pieces
  const start = first.start
  // The whole lines the run takes: up to the last line start in it, where one of its removals ends.
  const end = text.charCodeAt(last.end - 1) === LF ? last.end : lineStart(text, last.end)
  const holder = end > start ? pieces.at(end - 1) : undefined
  if (!holder || holder.end !== end || end >= text.length) return
  const below = keptText(pieces, end, keptLineEnd(pieces, end, text.length)).replace(/\r$/, '')
  const aboveChain = blocksAbove(tree, text, start)
  if (!aboveChain || below.trim() === '') return
  const aboveLeaf = aboveChain.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  // The removal lies inside that block (lines of one paragraph), or that block goes too: nothing parts.
  if (aboveLeafStart === undefined || aboveLeafEnd === undefined || aboveLeafEnd > start) return
  if (pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd)) return
  if (!wouldJoin(aboveChain, below, blocksAt(tree, pieces.skipForward(end, text.length, false)))) return
  const breakLength = text.charCodeAt(end - 2) === CR ? 2 : 1
  if (holder.end - holder.start <= breakLength) return
  holder.end -= breakLength
  holder.notes.push('kept its last line break, so a blank line still parts the blocks around it')
  pieces.changes++
}

/** A run after a line's prefix that leaves the line blank: the line goes whole unless a blank line must part the blocks. */
function takeBlankedLine(tree: Root, pieces: Pieces, first: Piece, last: Piece): void {
  const {text} = pieces
  const head = lineStart(text, first.start)
  if (text.charCodeAt(last.end - 1) === LF || !isPrefixOnly(pieces, head, first.start)) return
  const contentEnd = lineContentEnd(text, last.end)
  if (pieces.skipForward(last.end, contentEnd, false) < contentEnd) return
  const next = text.indexOf('\n', contentEnd)
  if (next === -1 || next + 1 >= text.length) return
  const below = keptText(pieces, next + 1, keptLineEnd(pieces, next + 1, text.length)).replace(/\r$/, '')
  const aboveChain = blocksAbove(tree, text, head)
  if (!aboveChain || below.trim() === '') return
  const aboveLeaf = aboveChain.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  if (!aboveLeaf || aboveLeafStart === undefined || aboveLeafEnd === undefined) return
  if (aboveLeafEnd > first.start) {
    // Inside the block above: a paragraph's lines are repairLines' concern; an HTML block would end at the blank line.
    if (aboveLeaf.type !== 'html') return
  } else if (!pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd) && wouldJoin(aboveChain, below, blocksAt(tree, pieces.skipForward(next + 1, text.length, false)))) {
    return
  }
  pieces.take(head, next + 1, 'took its whole line, so no blank line is left where none was')
}

/**
 * A list's first item whose content all went, right below a paragraph line:
 * it goes whole. An empty item cannot interrupt a paragraph: its marker
 * would join the paragraph (`1.`) or underline it into a heading (`-`).
 */
function repairEmptyFirstItem(tree: Root, list: Parents, pieces: Pieces): void {
  const item = list.children[0] as Nodes | undefined
  const first = item && 'children' in item ? (item.children[0] as Nodes | undefined) : undefined
  const last = item && 'children' in item ? (item.children.at(-1) as Nodes | undefined) : undefined
  if (!item || !first || !last) return
  const itemStart = startOf(item)
  const itemEnd = endOf(item)
  const contentStart = startOf(first)
  const contentEnd = endOf(last)
  if (itemStart === undefined || itemEnd === undefined || contentStart === undefined || contentEnd === undefined) return
  if (!pieces.overlaps(contentStart, contentEnd) || !pieces.keptIsBlank(contentStart, contentEnd)) return
  const aboveLeaf = blocksAbove(tree, pieces.text, lineStart(pieces.text, itemStart))?.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  if (aboveLeaf?.type !== 'paragraph' || aboveLeafStart === undefined || aboveLeafEnd === undefined) return
  if (pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd)) return
  pieces.take(itemStart, itemEnd, 'took the list item it emptied, whose marker alone would join the paragraph above')
}

/**
 * The leaf blocks with inline content that removals touch: repair inside
 * them. `inContainer`: the block is in a quote or list, where a line (a lazy
 * one) starting with any list marker (not only a non-empty `1.`) is no
 * continuation of it but a new list.
 */
function repairInline(tree: Root, node: Nodes, inContainer: boolean, pieces: Pieces): void {
  const start = startOf(node)
  const end = endOf(node)
  if (start !== undefined && end !== undefined && !pieces.overlaps(start, end)) return
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    repairContainers(node, pieces)
    const setext = node.type === 'heading' && start !== undefined && pieces.text.charCodeAt(start) !== NUMBER_SIGN
    if (node.type === 'paragraph' || setext) repairLines(node, inContainer, pieces)
    if (node.type === 'tableCell' && start !== undefined && end !== undefined) repairRowStart(start, end, pieces)
    return
  }
  if (!('children' in node)) return
  for (const child of node.children) repairInline(tree, child as Nodes, inContainer || node.type === 'list' || node.type === 'blockquote', pieces)
  if (node.type === 'list') repairEmptyFirstItem(tree, node, pieces)
}

/** A table row without a leading `|` starts a line: what a removal leaves at its start must not open a block. */
function repairRowStart(cellStart: number, cellEnd: number, pieces: Pieces): void {
  const {text} = pieces
  const head = lineStart(text, cellStart)
  if (!isPrefixOnly(pieces, head, cellStart)) return
  const piece = pieces.overlapping(cellStart, cellEnd)[0]
  if (!piece || !pieces.keptIsBlank(cellStart, piece.start)) return
  repairBlockStart(piece, cellStart, cellEnd, pieces)
  // A row left blank would end the table: it goes whole.
  const end = text.indexOf('\n', cellStart)
  if (end !== -1 && pieces.keptIsBlank(head, end)) pieces.take(head, end + 1, 'took the table row it emptied, which blank would end the table')
}

/** Points of offsets in a text, computed on first use. */
function pointsOf(text: string): (offset: number) => Point {
  let starts: number[] | undefined
  return (offset) => {
    if (!starts) {
      starts = [0]
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
    }
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - starts[low]! + 1, offset}
  }
}

/**
 * Widen or adjust `removals` (found on `text`, parsed as `tree`) so the
 * Markdown around them parses as it did, minus the removed parts. Returns
 * the removals in source order; each adjusted one has its new span and text
 * and says what was done in `adjusted`. Replacements are left alone.
 */
export function repairRemovals(text: string, tree: Root, removals: readonly Removal[]): Removal[] {
  if (removals.length === 0) return [...removals]
  const pieces = new Pieces(text, removals)
  if (pieces.list.length === 0) return [...removals]
  for (const child of tree.children) repairInline(tree, child, false, pieces)
  repairBlockJunctions(tree, pieces)
  const changed = new Map<Removal, Piece>()
  for (const piece of pieces.list) if (piece.notes.length > 0) changed.set(piece.removal, piece)
  if (changed.size === 0) return [...removals]
  const point = pointsOf(text)
  return removals
    .map((removal) => {
      const piece = changed.get(removal)
      if (!piece) return removal
      const adjusted = [removal.adjusted, ...piece.notes].filter(Boolean).join('; ')
      return {...removal, start: point(piece.start), end: point(piece.end), text: text.slice(piece.start, piece.end), adjusted}
    })
    .sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
}

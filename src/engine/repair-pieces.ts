/**
 * The spans being repaired (src/engine/repair.ts) and the text they are cut
 * from: which offsets a removal holds, what is kept of a stretch of text,
 * where output lines start and end once the removals go. A span only ever
 * grows over kept text beside it (or gives back its own edge), so spans
 * stay sorted and never overlap.
 */
import type {Nodes} from 'mdast'
import type {Removal} from './removal.js'
import {firstIndexAtOrAfter} from './offsets.js'

/** One removal being repaired: its current span and what was done to it. */
export interface Piece {
  start: number
  end: number
  removal: Removal
  notes: string[]
}

export const LF = 10

export const CR = 13

export const SPACE = 32

const TAB = 9

export const GT = 62

const ZS = /\p{Zs}/u

/** CommonMark's Unicode white space: tab, line feed, form feed, carriage return, and Zs. */
export function isWhiteSpace(code: number): boolean {
  if (code === SPACE || code === TAB || code === LF || code === CR || code === 12) return true
  return code > 127 && ZS.test(String.fromCharCode(code))
}

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB
}

/** The spans of every removal, sorted and never overlapping, growing as they are repaired. */
export class Pieces {
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

  /** Offsets where lines start, built on first use (a long line of many removals asks once per removal). */
  private lineStarts: number[] | undefined

  private starts(): number[] {
    if (!this.lineStarts) {
      this.lineStarts = [0]
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1)
    }
    return this.lineStarts
  }

  /** Offset of the line break (`\r\n` or `\n`) that ends the line holding `offset`, or the text's end, by binary search (no scan over a long line per removal). */
  lineContentEnd(offset: number): number {
    const starts = this.starts()
    const low = firstIndexAtOrAfter(starts, offset + 1)
    // `starts[low]` is the first line start after `offset`: its line feed ends the line.
    if (low >= starts.length) return this.text.length
    const lineFeed = starts[low]! - 1
    return lineFeed > 0 && this.text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed
  }

  /** Start of the line holding `offset` (binary search: no scan back over a long line per removal). */
  lineStart(offset: number): number {
    if (offset <= 0) return 0
    // The last line start at or before `offset`, as `lineStart(text, offset)` finds it.
    const starts = this.starts()
    return starts[firstIndexAtOrAfter(starts, offset + 1) - 1]!
  }

  /** Index of the first piece ending after `offset`. */
  firstEndingAfter(offset: number): number {
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
    for (let index = this.firstEndingAfter(start); index < this.list.length && this.list[index]!.start < end; index++)
      found.push(this.list[index]!)
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

export function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** Start of the line break that ends the line before the one starting at `start`. */
export function previousBreak(text: string, start: number): number {
  const lineFeed = start - 1
  return lineFeed > 0 && text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed
}

export function startOf(node: Nodes): number | undefined {
  return node.position?.start.offset
}

export function endOf(node: Nodes): number | undefined {
  return node.position?.end.offset
}

/** The kept text of `[start, end)`, removed pieces cut out. */
export function keptText(pieces: Pieces, start: number, end: number): string {
  let text = ''
  let cursor = start
  for (let index = pieces.firstEndingAfter(start); index < pieces.list.length; index++) {
    const piece = pieces.list[index]!
    if (piece.start >= end) break
    text += pieces.text.slice(cursor, Math.max(cursor, piece.start))
    cursor = Math.max(cursor, piece.end)
  }
  return cursor < end ? text + pieces.text.slice(cursor, end) : text
}

/**
 * The kept text of `[start, end)` when every kept character passes
 * `allowed`, else undefined, found at the first one that does not: asking
 * whether the kept text before a removal is a marker (`1)`, `- `) costs a
 * few characters on a line of prose, not the whole line.
 */
export function keptTextIf(pieces: Pieces, start: number, end: number, allowed: (code: number) => boolean): string | undefined {
  for (let at = start; at < end; at++) {
    const piece = pieces.at(at)
    if (piece) at = piece.end - 1
    else if (!allowed(pieces.text.charCodeAt(at))) return undefined
  }
  return keptText(pieces, start, end)
}

/** Where the output line holding `from` ends: the first kept line feed from `from` (or `limit`). */
export function keptLineEnd(pieces: Pieces, from: number, limit: number): number {
  for (let at = from; at < limit; at++) {
    const piece = pieces.at(at)
    if (piece) at = piece.end - 1
    else if (pieces.text.charCodeAt(at) === LF) return at
  }
  return limit
}

/**
 * The line break that will end the output line before the one starting at
 * `head`: the first kept one after the last kept text before `head` (lines
 * between that went or are blank come along). Undefined when no kept break
 * stands between that text and `head`.
 */
export function keptBreakBefore(pieces: Pieces, head: number, blockStart: number): number | undefined {
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

/** Whether only a line's prefix (white space, quote markers) and removed text stand in `[from, to)`. */
export function isPrefixOnly(pieces: Pieces, from: number, to: number): boolean {
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

/** The offset in the source just past the first `length` kept characters from `from`. */
export function sourceEnd(pieces: Pieces, from: number, length: number): number {
  let at = from
  for (let kept = 0; kept < length; at++) {
    const piece = pieces.at(at)
    if (piece) at = piece.end - 1
    else kept++
  }
  return at
}

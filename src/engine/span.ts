/**
 * Span helpers: grow a found span so that removing it leaves tidy text.
 *
 * A block that stands on lines of its own goes with those whole lines; when it
 * sat between blank lines, one of them goes too, so no double gap is left.
 * A span that shares its line with other text is removed exactly.
 */

export interface Span {
  start: number
  end: number
}

function lineStart(text: string, offset: number): number {
  // `lastIndexOf(…, -1)` searches from 0 and would find a break there.
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset just past the line break that ends the line holding `offset` (or the text's end). */
function lineEndWithBreak(text: string, offset: number): number {
  const at = text.indexOf('\n', offset)
  return at === -1 ? text.length : at + 1
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code !== 32 && code !== 9 && code !== 13 && code !== 10) return false
  }
  return true
}

/** True when the line starting at `start` (up to its break) is blank. */
function isBlankLine(text: string, start: number): boolean {
  if (start >= text.length) return false
  return isBlank(text, start, lineEndWithBreak(text, start))
}

/**
 * Grow `[start, end)` to whole lines when only white space shares its lines,
 * and absorb one surrounding blank line when the block was set off by blank
 * lines on both sides (or stood at the start or end of the text).
 */
export function blockSpan(text: string, start: number, end: number): Span {
  const first = lineStart(text, start)
  const last = end > start && text.charCodeAt(end - 1) === 10 ? end : lineEndWithBreak(text, end)
  if (!isBlank(text, first, start) || !isBlank(text, end, last)) return {start, end}
  let from = first
  let to = last
  const blankBefore = from === 0 || isBlankLine(text, lineStart(text, from - 1))
  const blankAfter = to >= text.length || isBlankLine(text, to)
  if (blankBefore && blankAfter) {
    if (to < text.length) to = lineEndWithBreak(text, to)
    else if (from > 0) from = lineStart(text, from - 1)
  }
  return {start: from, end: to}
}

/** Grow `[start, end)` over white space on its right, up to (not past) a line break. */
export function inlineSpan(text: string, start: number, end: number): Span {
  let to = end
  while (to < text.length && (text.charCodeAt(to) === 32 || text.charCodeAt(to) === 9)) to++
  // Keep one space between words if the span sat between two words.
  const leftSpace = start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)
  if (!leftSpace && to > end && to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to--
  return {start, end: to}
}

/** First index in a start-sorted array whose start is >= `offset`. */
export function firstAtOrAfter<T extends {start: number}>(items: readonly T[], offset: number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (items[middle]!.start < offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The offsets of one character in a text, sorted, for questions that would
 * otherwise scan a long line once per removal ("where does this line
 * start?", "is there a `<` before this on its line?"): built once, each
 * answer a binary search.
 */

/** Sorted offsets of `char` (one UTF-16 unit) in `text`. */
export function offsetsOf(text: string, char: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) found.push(at)
  return found
}

/** Index of the first of `sorted` at or after `offset` (`sorted.length` if none). */
export function firstIndexAtOrAfter(sorted: readonly number[], offset: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]! < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** Whether one of `sorted` lies in `[from, to)`. */
export function anyBetween(sorted: readonly number[], from: number, to: number): boolean {
  const index = firstIndexAtOrAfter(sorted, from)
  return index < sorted.length && sorted[index]! < to
}

/** Start of the line holding `offset` given the sorted offsets of `text`'s line feeds: as `text.lastIndexOf('\n', offset - 1) + 1`. */
export function lineStartAt(lineFeeds: readonly number[], offset: number): number {
  if (offset <= 0) return 0
  const index = firstIndexAtOrAfter(lineFeeds, offset) - 1
  return index < 0 ? 0 : lineFeeds[index]! + 1
}

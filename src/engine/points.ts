/**
 * Points of a text: the line, column and offset of an offset, counted as the
 * parser counts lines (`\n`, `\r\n` and a lone `\r` end one; vfile-location),
 * built on first use and shared by everything that places a removal, a
 * warning or a repair, so they all agree.
 */
import {location} from 'vfile-location'

/** A point in a text: 1-indexed line and column, 0-indexed offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

/** The point of each offset of `text`, from 0 to its length (the end included); offsets outside are clamped. */
export function pointsOf(text: string): (offset: number) => Point {
  let place: ReturnType<typeof location> | undefined
  return (offset) => {
    place ??= location(text)
    const at = Math.max(0, Math.min(offset, text.length))
    const found = place.toPoint(at)!
    return {line: found.line, column: found.column, offset}
  }
}

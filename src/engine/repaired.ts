/**
 * Cleaning a document whose frontmatter was repaired before parsing: the
 * rules ran on the repaired text, and this carries what they found back to
 * the input — removals (merged with the repairs they overlap, the other
 * repairs as removals of their own), warnings, `strict` problems and the
 * lines of the record — so that every offset, line and column in the
 * record is the input's. Generic over the repair and the problem types, so
 * the engine knows no rule (the frontmatter rule's repairs and `strict`
 * problems are what clean.ts passes).
 */
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {EditMap, RecordedEdit} from './edit-map.js'
import {pointsOf} from './points.js'
import type {Removal} from './removal.js'

/** A problem found at a line and column (a `strict` frontmatter problem). */
interface PlacedProblem {
  readonly line: number
  readonly column: number
}

/** The finds on the repaired text, in the input's offsets, lines and columns. */
export interface Rebased<P extends PlacedProblem> {
  removals: Removal[]
  warnings: VFileMessage[]
  problems: P[]
  /** Offset in the repaired text → offset in the input. */
  toInput(offset: number): number
}

/** Carry removals, warnings and problems found on `map.text` back to `map.original`. */
export function rebase<P extends PlacedProblem>(
  map: EditMap<RecordedEdit>,
  found: {removals: readonly Removal[]; warnings: readonly VFileMessage[]; problems: readonly P[]},
): Rebased<P> {
  const point = pointsOf(map.original)
  const removals = map.composeRemovals(found.removals, point, (edit) => edit)
  const repairedPlace = location(map.text)
  const toInput = (offset: number) => map.toOriginal(offset, 'start')
  const warnings = found.warnings.map((message) => {
    const place = message.place
    if (!place) return message
    const start = 'start' in place ? place.start : place
    const end = 'end' in place ? place.end : place
    if (start.offset === undefined) return message
    const from = point(toInput(start.offset))
    const to = end.offset === undefined ? from : point(map.toOriginal(end.offset, 'end'))
    message.place = {start: from, end: to}
    message.line = from.line
    message.column = from.column
    return message
  })
  const problems = found.problems.map((problem) => {
    const offset = repairedPlace.toOffset({line: problem.line, column: problem.column})
    if (offset === undefined) return problem
    const {line, column} = point(toInput(offset))
    return {...problem, line, column}
  })
  return {removals, warnings, problems, toInput}
}

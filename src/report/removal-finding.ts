/**
 * A removal as a finding. What a fix removes often starts with the blank
 * line before a block and ends with the one after it (so that the text
 * closes up cleanly); a finding is shown where the removed text itself
 * starts and ends, so that `post.md:15:1  link-farm` names the label's line,
 * not the blank line above it. The exact span stays in `range` (offsets) and
 * `removed`, for whoever applies the fix. A removal of several parts (an
 * unlinked link's `[` and `](url)`) is one finding, not one per part.
 */
import {coveredEdit, removalGroups} from '../engine/group.js'
import type {RecordRemoval} from '../record.js'
import type {Finding, Severity} from './finding.js'

interface Point {
  line: number
  column: number
}

/** The point after `chunk`, which starts at `from` (`\n`, `\r\n` and a lone `\r` end a line). */
function advance(from: Point, chunk: string): Point {
  let {line, column} = from
  for (let index = 0; index < chunk.length; index++) {
    const code = chunk.charCodeAt(index)
    if (code === 10 || (code === 13 && chunk.charCodeAt(index + 1) !== 10)) {
      line++
      column = 1
    } else if (code !== 13) {
      column++
    }
  }
  return {line, column}
}

/**
 * Where to show a removal of `text` spanning `start`–`end`: from its first to
 * just after its last character that is not white space. A removal of white
 * space alone (a byte-order mark, blank lines) is shown as it is.
 */
export function shownRange(text: string, start: Point, end: Point): {line: number; column: number; endLine: number; endColumn: number} {
  const lead = text.length - text.trimStart().length
  if (lead === text.length) return {line: start.line, column: start.column, endLine: end.line, endColumn: end.column}
  const trail = text.length - text.trimEnd().length
  const from = advance(start, text.slice(0, lead))
  const to = advance(from, text.slice(lead, text.length - trail))
  return {line: from.line, column: from.column, endLine: to.line, endColumn: to.column}
}

/** The finding of one removal (of one span) of the file shown as `path`. */
export function removalFinding(path: string, removal: RecordRemoval, severity: Severity): Finding {
  return {
    path,
    ...shownRange(removal.text, removal.start, removal.end),
    rule: removal.rule,
    severity,
    message: removal.reason,
    removed: removal.text,
    range: [removal.start.offset, removal.end.offset],
    replacement: removal.replacement,
  }
}

/**
 * The finding of a removal made of `parts` (sorted; one part gives
 * {@link removalFinding}'s): shown from its first part's start to its last
 * part's end, `range` and `removed` covering them all in `text` (the file's
 * text, as the offsets count it), `replacement` what the clean text has
 * there (the words an unlinked link keeps, less anything else of
 * `removals`, the file's removals, between the parts), and each exact part
 * in `parts`.
 */
export function groupFinding(
  path: string,
  text: string,
  parts: readonly RecordRemoval[],
  severity: Severity,
  removals: readonly RecordRemoval[] = parts,
): Finding {
  const first = parts[0]!
  if (parts.length === 1) return removalFinding(path, first, severity)
  const last = parts[parts.length - 1]!
  const from = shownRange(first.text, first.start, first.end)
  const to = shownRange(last.text, last.start, last.end)
  const covered = coveredEdit(text, parts, removals)
  return {
    path,
    line: from.line,
    column: from.column,
    endLine: to.endLine,
    endColumn: to.endColumn,
    rule: first.rule,
    severity,
    message: first.reason,
    removed: covered.removed,
    range: [covered.start, covered.end],
    replacement: covered.replacement,
    parts: parts.map((part) => ({range: [part.start.offset, part.end.offset], removed: part.text, replacement: part.replacement})),
  }
}

/**
 * The findings of a file's removals (as in its record), one per removal: the
 * parts of a removal of several spans (entries sharing a `group`) make one.
 * `text` is the file's text; `severityOf` decides each removal's severity
 * from its first part.
 */
export function removalFindings(
  path: string,
  text: string,
  removals: readonly RecordRemoval[],
  severityOf: (removal: RecordRemoval) => Severity,
): Finding[] {
  return removalGroups(removals).map((parts) => groupFinding(path, text, parts, severityOf(parts[0]!), removals))
}

/**
 * A removal as a finding. What a fix removes often starts with the blank
 * line before a block and ends with the one after it (so that the text
 * closes up cleanly); a finding is shown where the removed text itself
 * starts and ends, so that `post.md:15:1  link-farm` names the label's line,
 * not the blank line above it. The exact span stays in `range` (offsets) and
 * `removed`, for whoever applies the fix.
 */
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

/** The finding of one removal of the file shown as `path`. */
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

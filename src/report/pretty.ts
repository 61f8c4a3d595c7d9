/**
 * The `pretty` reporter: one line per finding, for people, in the shape
 * compilers and linters use so that terminals and editors make it clickable.
 * Also the pieces the other reporters share: the count line, the finding
 * order, and reading the place out of a failed file's message.
 *
 * Colours (picocolors) only ever wrap the text: with colours off the lines are
 * exactly `path:line:col  rule-id  severity  message`: the rule id where
 * `file:line:col rule-id message` parsers (pre-commit, editors) expect it,
 * then the severity in words (`error`, `warning`) so that a log without
 * colours tells them apart.
 *
 * @example
 * ```
 * posts/deal.md:12:1  link-farm  error  Eight links in a row with no prose between them.
 * posts/deal.md: fixed
 * fixed 1 file; 0 errors left
 * ```
 */
import {createColors} from 'picocolors'
import {escapeControl} from './escape.js'
import type {CheckSummary, FileReport, Finding, Reporter, ReporterOptions} from './finding.js'

/** Findings in reading order: by line, then column (then end and rule, so that ties come out the same every run). */
export function byPosition(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  )
}

/** A file's findings sorted with {@link byPosition}, without touching the report. */
export function sortedFindings(report: FileReport): Finding[] {
  return [...report.findings].sort(byPosition)
}

/**
 * Where a failed file's message says the problem is: `report.error` reads
 * `path:line:col: cause` when the place is known, `path: cause` otherwise.
 *
 * @example failurePlace({path: 'a.md', error: 'a.md:3:1: bad YAML', …}) // {line: 3, column: 1}
 */
export function failurePlace(report: FileReport): {line: number; column: number} | undefined {
  const error = report.error
  if (error === undefined || !error.startsWith(`${report.path}:`)) return undefined
  const place = /^(\d+):(\d+): /.exec(error.slice(report.path.length + 1))
  if (!place) return undefined
  return {line: Number(place[1]), column: Number(place[2])}
}

/** How to paint the count line; identity functions give plain text. */
interface CountColors {
  readonly errors: (text: string) => string
  readonly warnings: (text: string) => string
  readonly failed: (text: string) => string
}

const plain = (text: string) => text
const noColors: CountColors = {errors: plain, warnings: plain, failed: plain}

/**
 * The count that ends `pretty` and `github` output (no newline):
 * `2 errors, 1 warning in 5 files`, `No findings in 3 files`, plus
 * `, 1 could not be checked` when files failed. With `--write` it says what
 * was fixed and what is left, not what was found:
 * `fixed 70 files; 0 errors left` (`; 3 warnings left` when warnings stay,
 * `; 1 could not be checked` when files failed).
 */
export function formatCount(summary: CheckSummary, colors: CountColors = noColors): string {
  const found = summary.errors + summary.warnings
  const where = `in ${plural(summary.files, 'file')}`
  const failed = summary.failed > 0 ? colors.failed(`${summary.failed} could not be checked`) : undefined
  if (summary.write && found > 0) {
    const errorsLeft = summary.errorsLeft ?? summary.errors
    const warningsLeft = summary.warningsLeft ?? summary.warnings
    const errors = `${plural(errorsLeft, 'error')} left`
    const parts = [`fixed ${plural(summary.fixed, 'file')}`, errorsLeft > 0 ? colors.errors(errors) : errors]
    if (warningsLeft > 0) parts.push(colors.warnings(`${plural(warningsLeft, 'warning')} left`))
    if (failed) parts.push(failed)
    return parts.join('; ')
  }
  const parts: string[] = []
  if (found === 0) parts.push(`No findings ${where}`)
  else {
    const errors = plural(summary.errors, 'error')
    const warnings = plural(summary.warnings, 'warning')
    parts.push(
      `${summary.errors > 0 ? colors.errors(errors) : errors}, ${summary.warnings > 0 ? colors.warnings(warnings) : warnings} ${where}`,
    )
  }
  if (failed) parts.push(failed)
  return parts.join(', ')
}

/** A message on one line: one finding, one line, whatever the message holds. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * The `pretty` reporter. Per file: its findings in reading order (a line
 * break in a message becomes a space), a failed
 * file's message (it names the file and, when known, the place), and with
 * `--write` a `path: fixed` line after a rewritten file's findings. At the
 * end: the count.
 */
export function createPrettyReporter(options: Pick<ReporterOptions, 'colors'>): Reporter {
  const c = createColors(options.colors)
  return {
    file(report) {
      const lines: string[] = []
      // A file name cannot forge a line or drive the terminal: its control characters are shown escaped.
      const path = escapeControl(report.path)
      if (report.error !== undefined) {
        // The message already names the file; prefix it only if it does not.
        const cause = report.error.startsWith(`${report.path}:`) ? report.error.slice(report.path.length + 1) : ` ${report.error}`
        lines.push(c.red(`${path}:${escapeControl(oneLine(cause))}`))
      }
      for (const finding of sortedFindings(report)) {
        const place = c.bold(`${finding.path === report.path ? path : escapeControl(finding.path)}:${finding.line}:${finding.column}`)
        // The severity in words: colour alone is lost in a CI log.
        const severity = finding.severity === 'warning' ? c.yellow('warning') : c.red('error')
        lines.push(`${place}  ${finding.rule}  ${severity}  ${escapeControl(oneLine(finding.message))}`)
      }
      if (report.fixed) lines.push(`${c.bold(path)}: ${c.green('fixed')}`)
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`
    },
    end(summary) {
      return `${formatCount(summary, {errors: c.red, warnings: c.yellow, failed: c.red})}\n`
    },
  }
}

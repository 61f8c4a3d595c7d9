/**
 * The `github` reporter: GitHub Actions workflow commands, which the runner
 * turns into annotations on the pull request's diff. One command per
 * finding (`::error` or `::warning`), one per failed file, and the plain
 * count line at the end (the runner prints it as ordinary log text).
 *
 * Values are escaped as the runner unescapes them: in the message `%`, CR and
 * LF; in properties also `:` and `,` (they separate the properties). Other
 * control characters are shown escaped (`\x1b`).
 *
 * @example
 * ```
 * ::error file=posts/deal.md,line=12,col=1,endLine=14,endColumn=1,title=decruft link-farm::Eight links in a row.
 * ```
 */
import {escapeControl} from './escape.js'
import type {Reporter} from './finding.js'
import {failurePlace, formatCount, sortedFindings} from './pretty.js'

/**
 * Escape a workflow command's message (the text after `::`). Other control
 * characters than CR and LF (which the runner unescapes) are shown as
 * escapes (`\x1b`), so nothing drives the log's terminal.
 */
export function escapeGithubData(text: string): string {
  return escapeControl(text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A'))
}

/** Escape a workflow command's property value (`file=…`, `title=…`). */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C')
}

function command(name: 'error' | 'warning', properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(',')
  return `::${name} ${props}::${escapeGithubData(message)}`
}

/**
 * The `github` reporter. A failed file becomes `::error file=<path>::<message>`,
 * with `line` and `col` when the message names the place.
 */
export function createGithubReporter(): Reporter {
  return {
    file(report) {
      const lines: string[] = []
      if (report.error !== undefined) {
        const place = failurePlace(report)
        const where: Array<readonly [string, string | number]> = [['file', report.path]]
        if (place) where.push(['line', place.line], ['col', place.column])
        lines.push(command('error', where, report.error))
      }
      for (const finding of sortedFindings(report)) {
        lines.push(
          command(
            finding.severity,
            [
              ['file', finding.path],
              ['line', finding.line],
              ['col', finding.column],
              ['endLine', finding.endLine],
              ['endColumn', finding.endColumn],
              ['title', `decruft ${finding.rule}`],
            ],
            finding.message,
          ),
        )
      }
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`
    },
    end(summary) {
      return `${formatCount(summary)}\n`
    },
  }
}

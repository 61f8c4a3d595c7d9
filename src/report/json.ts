/**
 * The `json` reporter: nothing while files are checked, then one JSON
 * document for programs. Every checked file is listed, clean ones too, so a
 * consumer sees what was looked at; a file's findings are in reading order.
 *
 * @example
 * ```json
 * {"version": 1,
 *  "files": [{"path": "posts/deal.md", "fixed": false, "findings": [{"line": 12, "column": 1, "endLine": 14,
 *             "endColumn": 1, "rule": "link-farm", "severity": "error", "message": "…", "removed": "…"}]}],
 *  "summary": {"files": 1, "errors": 1, "warnings": 0, "failed": 0, "fixed": 0}}
 * ```
 */
import type {FileReport, Reporter, Severity} from './finding.js'
import {sortedFindings} from './pretty.js'

/** The version of the document's shape; bumped when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1

/** One finding in the document (its file is the enclosing entry's `path`). */
export interface JsonFinding {
  line: number
  column: number
  endLine: number
  endColumn: number
  rule: string
  severity: Severity
  message: string
  /** The exact text a fix removes or replaces. */
  removed?: string
  /** Its offsets in the file, end exclusive (`line`–`endColumn` leave out the white space around it). */
  range?: [number, number]
  /** What a fix puts in its place. */
  replacement?: string
  /**
   * A removal of several parts (an unlinked link's `[` and `](url)`) is one
   * finding: `range` and `removed` cover all of it, `replacement` is what the
   * clean text has there (the words), and `parts` holds each exact part.
   */
  parts?: Array<{range: [number, number]; removed: string; replacement?: string}>
}

/** One checked file. */
export interface JsonFile {
  path: string
  /** With `--write`: whether the file was rewritten. */
  fixed: boolean
  /** Why the file could not be checked: `path:line:col: cause`. */
  error?: string
  findings: JsonFinding[]
}

/** The whole document `decruft check --reporter json` prints. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION
  files: JsonFile[]
  /** With `--write`, also what the fix left: `errorsLeft`, `warningsLeft` (absent without `--write`; additive, so still version 1). */
  summary: {files: number; errors: number; warnings: number; failed: number; fixed: number; errorsLeft?: number; warningsLeft?: number}
}

function toJsonFile(report: FileReport): JsonFile {
  const findings: JsonFinding[] = []
  for (const finding of sortedFindings(report)) {
    const entry: JsonFinding = {
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
    }
    if (finding.removed !== undefined) entry.removed = finding.removed
    if (finding.range !== undefined) entry.range = [finding.range[0], finding.range[1]]
    if (finding.replacement !== undefined) entry.replacement = finding.replacement
    if (finding.parts !== undefined) {
      entry.parts = finding.parts.map((part) => {
        const shown: {range: [number, number]; removed: string; replacement?: string} = {
          range: [part.range[0], part.range[1]],
          removed: part.removed,
        }
        if (part.replacement !== undefined) shown.replacement = part.replacement
        return shown
      })
    }
    findings.push(entry)
  }
  // Keys in a fixed order (`error` before the long `findings`), for people reading the document.
  return report.error === undefined
    ? {path: report.path, fixed: report.fixed, findings}
    : {path: report.path, fixed: report.fixed, error: report.error, findings}
}

/** The `json` reporter: prints nothing per file, then the {@link JsonReport} (two-space indented, final newline). */
export function createJsonReporter(): Reporter {
  const files: JsonFile[] = []
  return {
    file(report) {
      files.push(toJsonFile(report))
      return ''
    },
    end(summary) {
      const document: JsonReport = {
        version: JSON_REPORT_VERSION,
        files,
        summary: {
          files: summary.files,
          errors: summary.errors,
          warnings: summary.warnings,
          failed: summary.failed,
          fixed: summary.fixed,
          ...(summary.write
            ? {errorsLeft: summary.errorsLeft ?? summary.errors, warningsLeft: summary.warningsLeft ?? summary.warnings}
            : {}),
        },
      }
      return `${JSON.stringify(document, null, 2)}\n`
    },
  }
}

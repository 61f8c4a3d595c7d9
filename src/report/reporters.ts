/**
 * The reporters of `decruft check`, by name: `pretty` (people), `json`
 * (programs), `sarif` (code-scanning uploads), `github` (workflow
 * annotations). Each turns {@link FileReport}s into text as files are done
 * and a {@link CheckSummary} into text at the end; printing is the caller's.
 *
 * @example
 * ```ts
 * const reporter = createReporter('github', {colors: false, rules: [], version: '1.0.0'})
 * for (const report of reports) process.stdout.write(reporter.file(report))
 * process.stdout.write(reporter.end(summary))
 * ```
 */
import type {CheckSummary, FileReport, Reporter, ReporterName, ReporterOptions} from './finding.js'
import {createGithubReporter} from './github.js'
import {createJsonReporter} from './json.js'
import {createPrettyReporter} from './pretty.js'
import {createSarifReporter} from './sarif.js'

export {toSarifUri} from './sarif.js'

/** A new reporter (each keeps its own state: use one per run). */
export function createReporter(name: ReporterName, options: ReporterOptions): Reporter {
  switch (name) {
    case 'pretty':
      return createPrettyReporter(options)
    case 'json':
      return createJsonReporter()
    case 'sarif':
      return createSarifReporter(options)
    case 'github':
      return createGithubReporter()
  }
}

/** Run a reporter over finished reports: everything it prints, in order (for tests and one-shot callers). */
export function renderReport(reporter: Reporter, reports: readonly FileReport[], summary: CheckSummary): string {
  return reports.map((report) => reporter.file(report)).join('') + reporter.end(summary)
}

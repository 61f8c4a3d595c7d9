/**
 * `decruft check --stdin-filename <path>`: check the text on stdin as if it
 * were the file at `<path>` (which need not exist), the way an editor lints
 * the buffer it holds (ESLint's `--stdin-filename`, Prettier's
 * `--stdin-filepath`). The path decides what it decides for a file: the
 * config's and `.decruftignore`'s ignores, the site (generator and zone) of
 * its folder, and the name findings are reported under.
 *
 * - Without `--write`: the findings through the reporter, on stdout, as for
 *   one file; the exit code as for one file.
 * - With `--write` (`--fix`): the fixed text on stdout, whole, even when
 *   nothing changed (an editor replaces its buffer with it); errors a fix
 *   cannot remove are listed on stderr and exit 1; nothing is written.
 * - An ignored path: nothing is checked and the exit code is 0; without
 *   `--write` stdout gets nothing, with `--write` the text as it came, so an
 *   editor never empties a buffer (as Prettier does); a note on stderr
 *   unless `--quiet`.
 * - A text that cannot be read or cleaned (binary, too large, timed out):
 *   the cause on stderr, nothing on stdout, exit code 3.
 */
import {resolve} from 'node:path'
import {clean, CleanError} from '../index.js'
import {cleanFindings} from '../node/check-file.js'
import {cleanOptionsFor, failureMessage} from '../node/clean-file.js'
import {displayPath} from '../node/paths.js'
import {readArticleStream} from '../node/read.js'
import {createSiteDetector, frontmatterForFile} from '../node/site.js'
import {withinTime} from '../node/watchdog.js'
import type {CheckSummary, FileReport, RuleDescription} from '../report/finding.js'
import {createReporter} from '../report/reporters.js'
import type {CliConfig} from './args.js'
import type {CheckContext, CheckOutcome} from './check.js'

/** Check (or with `--write`, fix to stdout) the text on stdin as the file `config.stdinFilename`. */
export async function runCheckStdin(config: CliConfig, context: CheckContext, rules: readonly RuleDescription[]): Promise<CheckOutcome> {
  const absolute = resolve(context.cwd, config.stdinFilename ?? '')
  const display = displayPath(context.cwd, absolute).split('\\').join('/')
  if (!context.stdin) {
    context.report('no stdin to read from')
    return {failing: 0, warningsLeft: 0, failed: 0, nothing: true}
  }
  let text: string
  try {
    text = await readArticleStream(context.stdin, display, {maxBytes: config.maxBytes})
  } catch (error) {
    if (!(error instanceof CleanError)) throw error
    context.report(failureMessage(error, display))
    return {failing: 0, warningsLeft: 0, failed: 1, nothing: false}
  }
  if (context.ignored(absolute)) {
    if (!config.quiet) context.report(`${display}: ignored (config \`ignore\` or .decruftignore); not checked`)
    if (config.write) context.stdout.write(text)
    return {failing: 0, warningsLeft: 0, failed: 0, nothing: false}
  }
  let report: FileReport
  let fixedText: string
  try {
    const detector = context.detectSite ? createSiteDetector() : undefined
    const frontmatter = await frontmatterForFile(absolute, context.frontmatter, detector)
    const options = cleanOptionsFor(
      {
        rules: context.rules,
        filterLists: context.filterLists,
        templates: context.templates,
        enable: context.enable,
        disable: context.disable,
        maxBytes: config.maxBytes,
        timeoutMs: config.timeoutMs,
      },
      display,
      frontmatter,
    )
    // In this thread, only the watchdog can end a clean that overruns.
    const result = withinTime(() => clean(text, options), config.timeoutMs, display)
    fixedText = result.markdown
    report = {
      path: display,
      findings: cleanFindings(display, text, result, context.severity),
      fixed: config.write && result.markdown !== text,
    }
  } catch (error) {
    if (!(error instanceof CleanError)) throw error
    context.report(failureMessage(error, display))
    return {failing: 0, warningsLeft: 0, failed: 1, nothing: false}
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error')
  // A fix fails only on what it could not fix.
  const failing = config.write ? errors.filter((finding) => finding.removed === undefined) : errors
  const warnings = report.findings.filter((finding) => finding.severity === 'warning')
  const warningsLeft = (config.write ? warnings.filter((finding) => finding.removed === undefined) : warnings).length
  if (config.write) {
    context.stdout.write(fixedText)
    if (!config.quiet)
      for (const finding of failing)
        context.report(`${finding.path}:${finding.line}:${finding.column}: ${finding.rule}: ${finding.message} (not fixable)`)
    return {failing: failing.length, warningsLeft, failed: 0, nothing: false}
  }
  const reporter = createReporter(config.reporter ?? 'pretty', {
    colors: context.colors,
    rules,
    version: context.version,
  })
  const summary: CheckSummary = {
    files: 1,
    errors: errors.length,
    warnings: report.findings.length - errors.length,
    failed: 0,
    fixed: 0,
    write: false,
  }
  context.stdout.write(reporter.file(report))
  context.stdout.write(reporter.end(summary))
  return {failing: failing.length, warningsLeft, failed: 0, nothing: false}
}

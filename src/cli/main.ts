/**
 * The decruft command as a function: `main({argv, stdout, stderr, …})`
 * resolves to the exit code and never exits the process, so tests run it
 * in-process with their own streams and directories.
 *
 * Every message goes to stderr as `decruft: <path>:<line>:<col>: <cause>`
 * (line and column when known), one line each: control characters (in file
 * names, say) are shown escaped; stdout carries only the article in stdin
 * mode, the help and the version.
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {createColors} from 'picocolors'
import {clean, CleanError} from '../index.js'
import {failureMessage, serializeRecord} from '../node/clean-file.js'
import {expandOperands} from '../node/files.js'
import {outDirProblem, outInputConflict} from '../node/out-dir.js'
import {displayPath} from '../node/paths.js'
import {inShard} from '../node/shard.js'
import {readArticleStream} from '../node/read.js'
import {withinTime} from '../node/watchdog.js'
import {escapeControl} from '../report/escape.js'
import type {FileOutcome} from '../node/clean-file.js'
import {HELP, parseCliArgs, UsageError, type CliConfig} from './args.js'
import {useColor} from './color.js'
import {exceedsMaxWarnings, tooManyWarningsMessage} from './max-warnings.js'
import {writeReportFile} from './output-file.js'
import type {Output} from './output.js'
import {batchRunOptions, resolveSettings, type RunSettings} from './settings.js'

/** The exit codes of decruft. */
export const ExitCode = {
  /** Every input was cleaned and written. */
  ok: 0,
  /** Check mode found something (each printed), or `--strict` found frontmatter problems (the articles were written), or `--diff`: a file would change. */
  problems: 1,
  /** Bad usage, options, or rules file; nothing was written. */
  usage: 2,
  /** Some inputs could not be cleaned (each named on stderr); the others were written. */
  failures: 3,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** What a stream needs to be written to. */
export interface MainOptions {
  /** Arguments, without `node` and the script. */
  argv: readonly string[]
  /** Working directory for relative paths. Default: `process.cwd()`. */
  cwd?: string | undefined
  /** Read in stdin mode (`decruft -`). */
  stdin?: AsyncIterable<Uint8Array | string> | undefined
  stdout: Output
  stderr: Output
  /** Environment (NO_COLOR, FORCE_COLOR). Default: none. */
  env?: Readonly<Record<string, string | undefined>> | undefined
  /** Whether stderr is a terminal: enables the progress bar and colours. */
  isTTY?: boolean | undefined
  /** Whether stdout is a terminal: colours of check mode's findings. */
  stdoutIsTTY?: boolean | undefined
}

const STDIN_NAME = '<stdin>'

/** Run decruft. Resolves to an {@link ExitCode}; rejects only on a bug. */
export async function main(options: MainOptions): Promise<ExitCode> {
  const report = (message: string) => options.stderr.write(`decruft: ${escapeControl(message)}\n`)
  if (options.argv[0] === 'pack' || options.argv[0] === 'unpack') {
    const {runPack, runUnpack} = await import('./pack.js')
    const io = {cwd: options.cwd ?? process.cwd(), stdin: options.stdin, stdout: options.stdout, report}
    return options.argv[0] === 'pack' ? runPack(options.argv.slice(1), io) : runUnpack(options.argv.slice(1), io)
  }
  if (options.argv[0] === 'init') {
    const {runInit} = await import('./init.js')
    return runInit(options.argv.slice(1), {cwd: options.cwd ?? process.cwd(), stdout: options.stdout, report})
  }
  if (options.argv[0] === 'templates') {
    const {runTemplates} = await import('./templates.js')
    return runTemplates(options.argv.slice(1), {cwd: options.cwd ?? process.cwd(), stdin: options.stdin, stdout: options.stdout, report})
  }
  let config: CliConfig
  try {
    config = parseCliArgs(options.argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    report(error.message)
    report("try 'decruft --help'")
    return ExitCode.usage
  }
  if (config.help) {
    options.stdout.write(HELP)
    return ExitCode.ok
  }
  if (config.version) {
    options.stdout.write(`${await readVersion()}\n`)
    return ExitCode.ok
  }
  const cwd = options.cwd ?? process.cwd()
  const settings = await resolveSettings(config, cwd, report)
  if (!settings) return ExitCode.usage
  if (config.jsonl) {
    const {cleanStream} = await import('./stream.js')
    return cleanStream(config, settings, options, report)
  }
  if (config.diff) return diff(config, settings, cwd, options, report)
  if (config.mode === 'check') return check(config, settings, cwd, options, report)
  return config.stdin ? cleanStdin(config, settings, options, report) : cleanFiles(config, settings, cwd, options, report)
}

async function check(
  config: CliConfig,
  settings: RunSettings,
  cwd: string,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  const {runCheck} = await import('./check.js')
  // --output-file: the report is collected and written in one piece at the end; stdout gets nothing.
  const collected: string[] = []
  const reportOutput: Output = config.outputFile === undefined ? options.stdout : {write: (chunk: string) => collected.push(chunk)}
  const outcome = await runCheck(config, {
    cwd,
    rules: settings.rules,
    filterLists: settings.filterLists,
    templates: settings.templates,
    sources: settings.sources,
    enable: settings.enable,
    disable: settings.disable,
    severity: settings.severity,
    frontmatter: settings.frontmatter,
    detectSite: settings.detectSite,
    ignored: settings.ignored,
    // Findings go to stdout: colours follow stdout's terminal, as linters do (a file is no terminal).
    colors: colorsFor(config, options, config.outputFile === undefined ? options.stdoutIsTTY : false),
    version: await readVersion(),
    stdout: reportOutput,
    report,
    stdin: options.stdin,
  })
  if (
    config.outputFile !== undefined &&
    !(await writeReportFile({path: resolve(cwd, config.outputFile), display: config.outputFile}, collected.join(''), report))
  )
    return ExitCode.failures
  if (outcome.nothing) return ExitCode.usage
  const tooManyWarnings = exceedsMaxWarnings(outcome.warningsLeft, config.maxWarnings)
  if (tooManyWarnings) report(tooManyWarningsMessage(outcome.warningsLeft, config.maxWarnings!, config.write))
  if (outcome.failed > 0) return ExitCode.failures
  return outcome.failing > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok
}

/** `--diff`: 1 when a clean would change something, 0 when nothing, 3 when an input failed. */
async function diff(
  config: CliConfig,
  settings: RunSettings,
  cwd: string,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  const {runDiff} = await import('./diff.js')
  // The diff goes to stdout: colours follow stdout's terminal.
  const outcome = await runDiff(config, settings, {
    cwd,
    stdout: options.stdout,
    colors: colorsFor(config, options, options.stdoutIsTTY),
    report,
  })
  if (outcome.nothing) return ExitCode.usage
  if (outcome.failed > 0) return ExitCode.failures
  return outcome.changed > 0 ? ExitCode.problems : ExitCode.ok
}

async function cleanStdin(
  config: CliConfig,
  settings: RunSettings,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  if (!options.stdin) {
    report('no stdin to read from')
    return ExitCode.usage
  }
  try {
    const text = await readArticleStream(options.stdin, STDIN_NAME, {maxBytes: config.maxBytes})
    const cleanOptions = {
      rules: settings.rules,
      filterLists: settings.filterLists,
      templates: settings.templates,
      enable: settings.enable,
      disable: settings.disable,
      format: config.format,
      path: STDIN_NAME,
      maxLength: config.maxBytes,
      frontmatter: settings.frontmatter,
      timeout: config.timeoutMs,
    }
    // In this thread, only the watchdog can end a clean that overruns.
    const result = withinTime(() => clean(text, cleanOptions), config.timeoutMs, STDIN_NAME)
    // One output on stdout: the Markdown unless --json alone was asked for.
    options.stdout.write(config.json && !config.markdown ? serializeRecord(result.record) : result.markdown)
    for (const problem of result.record.problems) options.stderr.write(problemLine(STDIN_NAME, problem))
    return result.record.problems.length > 0 ? ExitCode.problems : ExitCode.ok
  } catch (error) {
    if (!(error instanceof CleanError)) throw error
    report(failureMessage(error, STDIN_NAME))
    return ExitCode.failures
  }
}

async function cleanFiles(
  config: CliConfig,
  settings: RunSettings,
  cwd: string,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  const out = resolve(cwd, config.out!)
  const outProblem = await outDirProblem(out)
  if (outProblem) {
    report(`${config.out}: ${outProblem}`)
    return ExitCode.usage
  }
  const expanded = await expandOperands(config.operands, {cwd, exclude: [out]})
  // Before any work: --out may not be, hold or sit inside an input.
  const conflict = await outInputConflict(out, config.operands, expanded.files, cwd)
  if (conflict) {
    report(conflict)
    return ExitCode.usage
  }
  const files = expanded.files.filter((file) => !settings.ignored(file.absolute))
  // Loaded only for a batch: check mode and stdin mode start faster without them.
  const [{runBatch}, {createProgress, PROGRESS_THRESHOLD}, {formatSummary}] = await Promise.all([
    import('../node/batch.js'),
    import('./progress.js'),
    import('./summary.js'),
  ])
  for (const error of expanded.errors) report(`${error.operand}: ${error.reason}`)
  // Nothing usable at all is a mistake in the command line, not a failed article.
  if (expanded.files.length === 0 && expanded.errors.length > 0) return ExitCode.usage
  if (!config.quiet) {
    for (const operand of expanded.empty) report(`${operand}: no Markdown files found`)
    for (const skipped of expanded.skipped) report(`${displayPath(cwd, skipped.path)}: ${skipped.reason}`)
  }

  // --report: each article's piece is spooled as it comes (node/report-file.ts), the page written at the end.
  const reportFile = config.report === undefined ? undefined : await import('../node/report-file.js')
  const reportWriter = reportFile ? await reportFile.openReport(resolve(cwd, config.report!)) : undefined
  const {shard} = config
  const selected = shard ? files.filter((file) => inShard(file.relative, shard)).length : files.length
  const interactive = options.isTTY === true && !config.quiet && selected > PROGRESS_THRESHOLD
  const progress = interactive ? createProgress(options.stderr, selected) : undefined
  const onFile = (outcome: FileOutcome) => {
    const lines = outcome.ok
      ? outcome.problems.map((problem) => problemLine(outcome.path, problem))
      : [`decruft: ${escapeControl(outcome.message)}\n`]
    for (const line of lines) {
      if (progress) progress.log(line)
      else options.stderr.write(line)
    }
    progress?.increment()
    reportWriter?.add(reportItemOf(outcome))
  }
  let summary
  try {
    summary = await runBatch(files, {
      ...batchRunOptions(config, settings),
      outDir: out,
      cwd,
      markdown: config.markdown,
      json: config.json,
      saveTemplates: config.saveTemplates === undefined ? undefined : resolve(cwd, config.saveTemplates),
      report: reportWriter !== undefined,
      onFile,
    })
  } catch (error) {
    await reportWriter?.abandon()
    if (!(error instanceof Error) || error.name !== 'TemplatesWriteError') throw error
    report(error.message)
    return ExitCode.usage
  } finally {
    progress?.stop()
  }
  const reportFailed = reportWriter !== undefined && !(await reportFile!.finishReport(reportWriter, config.report!, report))
  if (!config.quiet) {
    const colors = createColors(colorsFor(config, options))
    options.stderr.write(formatSummary(summary, {out: escapeControl(config.out!), colors}))
  }
  if (summary.failed > 0 || expanded.errors.length > 0 || reportFailed) return ExitCode.failures
  return summary.problems > 0 ? ExitCode.problems : ExitCode.ok
}

/** An article's piece of the review report, or the failure the report lists in its place. */
function reportItemOf(outcome: FileOutcome) {
  if (!outcome.ok) return {path: outcome.path, error: outcome.message}
  return outcome.report ?? {path: outcome.path, error: 'cleaned, but no report entry came back'}
}

/** `path:line:col  rule  error  reason`, as linters print a finding, the rule id where `file:line:col rule-id message` parsers expect it (a `--strict` problem fails the run: an error). */
function problemLine(path: string, problem: {line: number; column: number; rule: string; reason: string}): string {
  return escapeControl(`${path}:${problem.line}:${problem.column}  ${problem.rule}  error  ${problem.reason}`) + '\n'
}

/** Colours on stderr (the summary), or on stdout (check's findings) when `isTTY` says whether it is a terminal. */
function colorsFor(config: CliConfig, options: MainOptions, isTTY = options.isTTY): boolean {
  return useColor({flag: config.color, env: options.env ?? {}, isTTY})
}

async function readVersion(): Promise<string> {
  // From dist/cli/ and src/cli/ alike, the package root is two levels up.
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(text) as {version: string}).version
}

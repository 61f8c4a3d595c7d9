/**
 * The decruft command as a function: `main({argv, stdout, stderr, …})`
 * resolves to the exit code and never exits the process, so tests run it
 * in-process with their own streams and directories.
 *
 * Every message goes to stderr as `decruft: <path>:<line>:<col>: <cause>`
 * (line and column when known); stdout carries only the article in stdin
 * mode, the help and the version.
 */
import {readFile, stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import {createColors} from 'picocolors'
import {clean, CleanError, FrontmatterOptionsError, RulesError, withFrontmatterOptions, type FrontmatterOptions, type RuleSet} from '../index.js'
import {
  compileRuleSources,
  expandOperands,
  failureMessage,
  readArticleStream,
  runBatch,
  serializeRecord,
  describeSystemError,
  type FileOutcome,
  type RuleSources,
} from '../node/index.js'
import {HELP, parseCliArgs, UsageError, type CliConfig} from './args.js'
import {createProgress, PROGRESS_THRESHOLD} from './progress.js'
import {formatSummary} from './summary.js'

/** The exit codes of decruft. */
export const ExitCode = {
  /** Every input was cleaned and written. */
  ok: 0,
  /** `--strict` found frontmatter problems (each printed); the articles were written. */
  problems: 1,
  /** Bad usage, options, or rules file; nothing was written. */
  usage: 2,
  /** Some inputs could not be cleaned (each named on stderr); the others were written. */
  failures: 3,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** What a stream needs to be written to. */
export interface Output {
  write(chunk: string): unknown
}

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
}

const STDIN_NAME = '<stdin>'

/** Run decruft. Resolves to an {@link ExitCode}; rejects only on a bug. */
export async function main(options: MainOptions): Promise<ExitCode> {
  const report = (message: string) => options.stderr.write(`decruft: ${message}\n`)
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
  const rules = await loadRules(config, cwd, report)
  if (!rules) return ExitCode.usage
  // A dialect may come from a rules file: check it against the loaded rules.
  try {
    withFrontmatterOptions(rules.compiled, frontmatterOptions(config))
  } catch (error) {
    if (!(error instanceof FrontmatterOptionsError)) throw error
    report(`--frontmatter: ${error.message}`)
    return ExitCode.usage
  }
  return config.stdin ? cleanStdin(config, rules.compiled, options, report) : cleanFiles(config, rules.sources, cwd, options, report)
}

/** Read a list of text files; undefined (after reporting) when one cannot be read. */
async function readTexts(
  files: readonly string[],
  what: string,
  cwd: string,
  report: (message: string) => void,
): Promise<Array<{file: string; text: string}> | undefined> {
  const texts: Array<{file: string; text: string}> = []
  for (const file of files) {
    try {
      texts.push({text: await readFile(resolve(cwd, file), 'utf8'), file})
    } catch (error) {
      report(`${file}: cannot read ${what}: ${describeSystemError(error)}`)
      return undefined
    }
  }
  return texts
}

/** Read and compile the rules files and filter lists; undefined (after reporting) when one is bad. */
async function loadRules(
  config: CliConfig,
  cwd: string,
  report: (message: string) => void,
): Promise<{sources: RuleSources; compiled: RuleSet} | undefined> {
  const layers = await readTexts(config.rules, 'rules file', cwd, report)
  const lists = await readTexts(config.filterLists, 'filter list', cwd, report)
  if (!layers || !lists) return undefined
  const sources: RuleSources = {rules: layers, filterLists: lists.map(({file, text}) => ({name: file, text}))}
  try {
    const compiled = await compileRuleSources(sources)
    if (!config.quiet) {
      for (const list of compiled.filterLists?.stats ?? []) {
        const ignored = list.ignored === 0 ? '' : `; ${list.ignored} lines ignored (they cannot act on static Markdown, e.g. \`${list.ignoredSamples[0] ?? ''}\`)`
        report(`${list.name}: ${list.network} network and ${list.cosmetic} element filters${ignored}`)
      }
    }
    return {sources, compiled}
  } catch (error) {
    if (!(error instanceof RulesError)) throw error
    report(error.message)
    return undefined
  }
}

async function cleanStdin(
  config: CliConfig,
  rules: RuleSet,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  if (!options.stdin) {
    report('no stdin to read from')
    return ExitCode.usage
  }
  try {
    const text = await readArticleStream(options.stdin, STDIN_NAME, {maxBytes: config.maxBytes})
    const result = clean(text, {
      rules,
      enable: config.enable,
      disable: config.disable,
      format: config.format,
      path: STDIN_NAME,
      maxLength: config.maxBytes,
      frontmatter: frontmatterOptions(config),
    })
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
  sources: RuleSources,
  cwd: string,
  options: MainOptions,
  report: (message: string) => void,
): Promise<ExitCode> {
  const out = resolve(cwd, config.out!)
  const outProblem = await checkOutDir(out)
  if (outProblem) {
    report(`${config.out}: ${outProblem}`)
    return ExitCode.usage
  }
  const expanded = await expandOperands(config.operands, {cwd, exclude: [out]})
  for (const error of expanded.errors) report(`${error.operand}: ${error.reason}`)
  // Nothing usable at all is a mistake in the command line, not a failed article.
  if (expanded.files.length === 0 && expanded.errors.length > 0) return ExitCode.usage
  if (!config.quiet) for (const operand of expanded.empty) report(`${operand}: no Markdown files found`)

  const interactive = options.isTTY === true && !config.quiet && expanded.files.length > PROGRESS_THRESHOLD
  const progress = interactive ? createProgress(options.stderr, expanded.files.length) : undefined
  const onFile = (outcome: FileOutcome) => {
    const lines = outcome.ok ? outcome.problems.map((problem) => problemLine(outcome.path, problem)) : [`decruft: ${outcome.message}\n`]
    for (const line of lines) {
      if (progress) progress.log(line)
      else options.stderr.write(line)
    }
    progress?.increment()
  }
  let summary
  try {
    summary = await runBatch(expanded.files, {
      outDir: out,
      cwd,
      markdown: config.markdown,
      json: config.json,
      rules: sources.rules,
      filterLists: sources.filterLists,
      enable: config.enable,
      disable: config.disable,
      format: config.format,
      maxBytes: config.maxBytes,
      frontmatter: frontmatterOptions(config),
      concurrency: config.concurrency,
      onFile,
    })
  } finally {
    progress?.stop()
  }
  if (!config.quiet) {
    const colors = createColors(useColor(options))
    options.stderr.write(formatSummary(summary, {out: config.out!, colors}))
  }
  if (summary.failed > 0 || expanded.errors.length > 0) return ExitCode.failures
  return summary.problems > 0 ? ExitCode.problems : ExitCode.ok
}

/** The frontmatter options the command line asks for. */
function frontmatterOptions(config: CliConfig): FrontmatterOptions {
  return {dialect: config.dialect, zone: config.zone, strict: config.strict, derive: config.derive}
}

/** `path:line:col  rule  reason`, as linters print a finding. */
function problemLine(path: string, problem: {line: number; column: number; rule: string; reason: string}): string {
  return `${path}:${problem.line}:${problem.column}  ${problem.rule}  ${problem.reason}\n`
}

/** Why `out` cannot be the output directory, if it cannot. */
async function checkOutDir(out: string): Promise<string | undefined> {
  try {
    const stats = await stat(out)
    return stats.isDirectory() ? undefined : 'output exists and is not a directory'
  } catch (error) {
    const code = (error as {code?: unknown}).code
    return code === 'ENOENT' ? undefined : `cannot use as output directory: ${describeSystemError(error)}`
  }
}

function useColor(options: MainOptions): boolean {
  const env = options.env ?? {}
  if (env['NO_COLOR']) return false
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true
  return options.isTTY === true
}

async function readVersion(): Promise<string> {
  // From dist/cli/ and src/cli/ alike, the package root is two levels up.
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(text) as {version: string}).version
}

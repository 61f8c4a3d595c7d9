/**
 * `decruft check`: report what a clean would remove, as a linter does, or
 * with `--write` fix the files in place. Findings go to stdout through the
 * chosen reporter as each file is done (in input order); the exit code says
 * whether anything was found. Runs of more than 50 files are checked on
 * worker threads by the batch's rule (node/pool.ts: cores − 1 from three
 * cores on, in-process below); the output is the same.
 * Each file's time and memory are bounded as in a batch (node/bounded.ts).
 * With `--cache`, files unchanged since a run with the same settings are
 * answered from the cache (node/check-cache.ts).
 */
import {resolve} from 'node:path'
import type {RuleSet} from '../index.js'
import type {CompiledFilterLists} from '../filter-lists.js'
import {allRules, type RuleName, type TemplateIndex} from '../plugin-api.js'
import {checkFile, type CheckedFile, type CheckSettings} from '../node/check-file.js'
import {cacheFileFor, openCheckCache, runKey, withCheckCache} from '../node/check-cache.js'
import {Isolation, openBoundedPool, type Bounded, type FileLimits} from '../node/bounded.js'
import {expandOperands} from '../node/files.js'
import {runOrdered} from '../node/ordered.js'
import {displayPath} from '../node/paths.js'
import {threadsFor, usesWorkers} from '../node/pool.js'
import type {RuleSources} from '../node/rule-sources.js'
import {createSiteDetector} from '../node/site.js'
import type {CheckWorkerInput} from '../node/worker.js'
import type {CheckSummary, FileReport, ReporterName, RuleDescription, Severity} from '../report/finding.js'
import {createReporter} from '../report/reporters.js'
import type {CliConfig} from './args.js'
import type {Output} from './output.js'

/** Files checked at once: enough to overlap reading and writing with cleaning. */
const IN_FLIGHT = 8

/** Where the rules are documented, for reporters that link them (SARIF). */
export const RULES_URL = 'https://github.com/decruft/decruft#rules'

export interface CheckContext {
  readonly cwd: string
  readonly rules: RuleSet
  /** Filter lists for the `filter-list` rule, if any (a run option beside the rule set). */
  readonly filterLists: CompiledFilterLists | undefined
  /** A site-template index (`--templates FILE`), if any. */
  readonly templates?: TemplateIndex | undefined
  /** The rules files, filter lists and template index as text, for worker threads. */
  readonly sources: RuleSources
  readonly enable: readonly RuleName[]
  readonly disable: readonly RuleName[]
  readonly severity: Readonly<Record<string, Severity>>
  readonly frontmatter: CheckSettings['frontmatter']
  /** Look for each article's site (`--generator` not `none`). */
  readonly detectSite: boolean
  /** Files to skip (config `ignore`, `.decruftignore`). */
  readonly ignored: (absolute: string) => boolean
  readonly colors: boolean
  readonly version: string
  readonly stdout: Output
  readonly report: (message: string) => void
}

/** What a check run ends with: the exit code decides from these. */
export interface CheckOutcome {
  /** Findings that fail the check: errors, or in write mode the errors a fix could not remove. */
  readonly failing: number
  /** Inputs that could not be read or cleaned, and operands that named nothing. */
  readonly failed: number
  /** Operands that named nothing at all (a mistake in the command line when it is every operand). */
  readonly nothing: boolean
}

function ruleDescriptions(): RuleDescription[] {
  return allRules.map((rule) => ({id: rule.meta.id, description: rule.meta.description, helpUri: RULES_URL}))
}

/** Run check mode over the operands. */
export async function runCheck(config: CliConfig, context: CheckContext): Promise<CheckOutcome> {
  const expanded = await expandOperands(config.operands, {cwd: context.cwd})
  for (const error of expanded.errors) context.report(`${error.operand}: ${error.reason}`)
  for (const skipped of expanded.skipped) context.report(`${displayPath(context.cwd, skipped.path)}: ${skipped.reason}`)
  if (expanded.files.length === 0 && expanded.errors.length > 0) return {failing: 0, failed: expanded.errors.length, nothing: true}
  const files = expanded.files.filter((file) => !context.ignored(file.absolute))
  const reporter = createReporter((config.reporter ?? 'pretty') satisfies ReporterName, {
    colors: context.colors,
    rules: ruleDescriptions(),
    version: context.version,
  })
  const settings: CheckSettings = {
    rules: context.rules,
    filterLists: context.filterLists,
    templates: context.templates,
    enable: context.enable,
    disable: context.disable,
    maxBytes: config.maxBytes,
    frontmatter: context.frontmatter,
    detectSite: context.detectSite,
    // One detector per run: each folder's config is read once, and again in the next run.
    siteDetector: context.detectSite ? createSiteDetector() : undefined,
    severity: context.severity,
    write: config.write,
    timeoutMs: config.timeoutMs,
    ...(config.report === undefined ? {} : {report: true}),
  }
  // --report: each file's piece is spooled as it comes (node/report-file.ts), the page written at the end.
  const reportFile = config.report === undefined ? undefined : await import('../node/report-file.js')
  const reportWriter = reportFile ? await reportFile.openReport(resolve(context.cwd, config.report!)) : undefined
  const limits: FileLimits = {timeoutMs: config.timeoutMs, maxMemoryMb: config.maxMemoryMb}
  let errors = 0
  let warnings = 0
  let failing = 0
  let failed = 0
  let fixed = 0
  const emit = (report: CheckedFile) => {
    reportWriter?.add(report.reportPiece ?? {path: report.path, error: report.error ?? 'no report piece'})
    for (const finding of report.findings) {
      if (finding.severity === 'warning') warnings++
      else {
        errors++
        // A fix run fails only on what it could not fix.
        if (!config.write || finding.removed === undefined) failing++
      }
    }
    if (report.error !== undefined) failed++
    if (report.fixed) fixed++
    context.stdout.write(reporter.file(report))
  }
  const threads = threadsFor(config.concurrency)
  const pool = usesWorkers(files.length, threads) ? await openBoundedPool(threads, context.sources, limits) : undefined
  const isolation = pool ? undefined : new Isolation(context.sources, limits)
  const checkFiles = pool
    ? checkOnPool((input, display) => pool.run<FileReport>(input, 'checkInWorker', display), settings)
    : checkInProcess(isolation!, settings)
  // A report needs every file cleaned: the cache holds findings only, so it is not used with --report.
  const useCache = config.cache && reportWriter === undefined
  const cache = useCache
    ? await openCheckCache(await cacheFileFor(config.cacheLocation, context.cwd), context.version, config.quiet ? () => {} : context.report)
    : undefined
  const checkOne = cache
    ? withCheckCache(checkFiles, cache, {
        run: runKey({
          version: context.version,
          rules: context.sources.rules,
          filterLists: context.sources.filterLists,
          templates: context.sources.templates,
          enable: settings.enable,
          disable: settings.disable,
          severity: settings.severity,
          frontmatter: settings.frontmatter,
          detectSite: settings.detectSite === true,
          maxBytes: settings.maxBytes,
        }),
        frontmatter: settings.frontmatter,
        detector: settings.siteDetector,
        maxBytes: settings.maxBytes,
        write: settings.write,
      })
    : checkFiles
  try {
    await runOrdered(
      files.length,
      (index) => {
        const file = files[index]!
        return checkOne(file.absolute, displayPath(context.cwd, file.absolute).split('\\').join('/'))
      },
      emit,
      // On threads: two tasks queued per thread keep every thread busy between results.
      pool ? {concurrency: threads * 2, window: threads * 8} : {concurrency: IN_FLIGHT, window: IN_FLIGHT * 4},
    )
  } catch (error) {
    await reportWriter?.abandon()
    throw error
  } finally {
    await pool?.destroy()
    await isolation?.close()
  }
  await cache?.save()
  const reportFailed = reportWriter !== undefined && !(await reportFile!.finishReport(reportWriter, config.report!, context.report))
  const summary: CheckSummary = {files: files.length, errors, warnings, failed, fixed, write: config.write}
  context.stdout.write(reporter.end(summary))
  return {failing, failed: failed + expanded.errors.length + (reportFailed ? 1 : 0), nothing: false}
}

/** Check files in process, except one that could pass the memory cap: that one on the isolated worker. */
function checkInProcess(isolation: Isolation, settings: CheckSettings) {
  const isolated = checkOnPool((input, display) => isolation.run<FileReport>(input, 'checkInWorker', display), settings)
  // In this thread, only the watchdog can end a clean that overruns.
  const here: CheckSettings = {...settings, watchdog: true}
  return async (absolute: string, display: string): Promise<FileReport> =>
    (await isolation.wants(absolute)) ? isolated(absolute, display) : checkFile(absolute, display, here)
}

/**
 * Check files on worker threads (`run`: the pool's, or the isolated one's);
 * a worker ended for its time or memory, or that failed, is a failure of
 * that file.
 */
function checkOnPool(run: (input: CheckWorkerInput, display: string) => Promise<Bounded<FileReport>>, settings: CheckSettings) {
  // The compiled rules and the detector stay here: each worker compiles the pool's rule sources and has its own detector.
  const {rules: _compiled, filterLists: _lists, templates: _templates, siteDetector: _detector, ...workerSettings} = settings
  return async (file: string, display: string): Promise<FileReport> => {
    const bounded = await run({file, display, settings: workerSettings}, display)
    return bounded.ok ? bounded.value : {path: display, findings: [], fixed: false, error: bounded.message}
  }
}

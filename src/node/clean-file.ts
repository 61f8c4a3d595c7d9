/**
 * One article, start to end: read → clean → write. Shared by the in-process
 * batch and the worker threads, so both give the same bytes. Returns a small
 * outcome (counts, or the message of the failure), never the text, so a
 * batch holds nothing per article once it is done.
 */
import {sep} from 'node:path'
import {clean, CleanError, type CleanOptions, type FrontmatterOptions, type RuleSet} from '../index.js'
import type {CompiledFilterLists} from '../filter-lists.js'
import type {RuleName, TemplateIndex} from '../plugin-api.js'
import type {PhaseReporter} from './bounded.js'
import {injectFault} from './fault.js'
import {readArticle} from './read.js'
import {reportPieceOf, type ReportPiece} from './report-piece.js'
import {createSiteDetector, frontmatterForFile, type SiteLookup} from './site.js'
import {withinTime} from './watchdog.js'
import {writeOutputs, WriteError, type Output} from './write.js'

/** What to do with one article. Plain data: it crosses to worker threads. */
export interface FileTask {
  /** Absolute path of the input. */
  absolute: string
  /** Path of the input in messages (relative to the working directory). */
  display: string
  /** Path of the input relative to its operand: the record's `source`. */
  relative: string
  /** Absolute path of the clean Markdown to write, if wanted. */
  markdown?: string | undefined
  /** Absolute path of the JSON record to write, if wanted. */
  json?: string | undefined
}

/** How to clean, for every article of a batch. */
export interface CleanSettings extends SiteLookup {
  rules: RuleSet
  /** Filter lists for the `filter-list` rule, if any (a run option beside the rule set). */
  filterLists?: CompiledFilterLists | undefined
  /** A site-template index for the `site-template` rule, if any (learned by the batch, or `--templates`). */
  templates?: TemplateIndex | undefined
  enable: readonly RuleName[]
  disable: readonly RuleName[]
  format: boolean
  maxBytes: number
  fsync: boolean
  /** How frontmatter is written (dialect, zone, strict, derived fields). */
  frontmatter?: FrontmatterOptions | undefined
  /** Time budget of the clean in milliseconds, checked between its steps (`clean`'s `timeout`); 0 or none: no limit. */
  timeoutMs?: number | undefined
  /**
   * Also end a clean that overruns `timeoutMs` from outside, with `vm`'s
   * watchdog (watchdog.ts): for in-process runs, where no worker can be
   * ended. Default: false.
   */
  watchdog?: boolean | undefined
  /** Also return the article's piece of the review report (`--report`, report-piece.ts). Default: false. */
  report?: boolean | undefined
}

/** What {@link cleanOptionsFor} takes from a run's settings (a batch's, a check's, a stream's). */
export type RunCleanSettings = Pick<
  CleanSettings,
  'rules' | 'filterLists' | 'templates' | 'enable' | 'disable' | 'maxBytes' | 'timeoutMs'
> & {
  format?: boolean | undefined
}

/** The `clean` options of one article of a run: the run's settings, the path its messages name, its frontmatter options. */
export function cleanOptionsFor(settings: RunCleanSettings, path: string, frontmatter: FrontmatterOptions | undefined): CleanOptions {
  return {
    rules: settings.rules,
    filterLists: settings.filterLists,
    templates: settings.templates,
    enable: settings.enable,
    disable: settings.disable,
    ...(settings.format === undefined ? {} : {format: settings.format}),
    path,
    maxLength: settings.maxBytes,
    frontmatter,
    timeout: settings.timeoutMs,
  }
}

/** A `strict` problem in an article, for the report. */
export interface OutcomeProblem {
  line: number
  column: number
  rule: string
  reason: string
}

export type FileOutcome =
  | {
      ok: true
      /** The input, as in messages. */
      path: string
      /** Removals by rule id. */
      removals: Record<string, number>
      warnings: number
      /** With `strict`: frontmatter problems (the article is still written). */
      problems: OutcomeProblem[]
      /** Number of files written. */
      outputs: number
      /** With `report`: the article's piece of the review report. */
      report?: ReportPiece | undefined
    }
  | {
      ok: false
      path: string
      /** `path:line:column: cause` (line and column when known). */
      message: string
    }

/**
 * Clean one article and write its outputs. Never throws: a failure is an
 * outcome. `phases` (on worker threads) is told when cleaning and writing
 * start, so the run can time the clean and never end a worker mid-write.
 */
export async function cleanFile(task: FileTask, settings: CleanSettings, phases?: PhaseReporter): Promise<FileOutcome> {
  try {
    phases?.('clean')
    const text = await readArticle(task.absolute, task.display, {maxBytes: settings.maxBytes})
    const detector = settings.detectSite ? (settings.siteDetector ?? createSiteDetector()) : undefined
    const frontmatter = await frontmatterForFile(task.absolute, settings.frontmatter, detector)
    const options = cleanOptionsFor(settings, task.display, frontmatter)
    const cleanArticle = () => {
      injectFault(task.absolute)
      return clean(text, options)
    }
    const result = settings.watchdog ? withinTime(cleanArticle, settings.timeoutMs ?? 0, task.display) : cleanArticle()
    result.record.source = task.relative.split(sep).join('/')
    const outputs: Output[] = []
    if (task.markdown !== undefined) outputs.push({path: task.markdown, data: result.markdown})
    if (task.json !== undefined) outputs.push({path: task.json, data: serializeRecord(result.record)})
    phases?.('write')
    await writeOutputs(outputs, {fsync: settings.fsync})
    return {
      ok: true,
      path: task.display,
      removals: result.record.stats.removals,
      warnings: result.record.warnings.length,
      problems: result.record.problems,
      outputs: outputs.length,
      ...(settings.report ? {report: reportPieceOf(task.display, text, result)} : {}),
    }
  } catch (error) {
    return {ok: false, path: task.display, message: failureMessage(error, task.display)}
  }
}

/** The JSON record as written: two-space indented, one final newline. */
export function serializeRecord(record: unknown): string {
  return `${JSON.stringify(record, null, 2)}\n`
}

/** A one-line message naming the file (and the place, when known) and the cause. */
export function failureMessage(error: unknown, display: string): string {
  if (error instanceof CleanError) return error.message
  if (error instanceof WriteError) return `${display}: ${error.message}`
  const cause = error instanceof Error ? error.message : String(error)
  return `${display}: unexpected error: ${cause}`
}

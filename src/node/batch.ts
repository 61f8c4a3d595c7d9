/**
 * A batch: clean many articles into an output directory.
 *
 * Each article is read, cleaned and written on its own; a failure becomes a
 * message for that article and the batch goes on. Inputs are never written:
 * an output that would land on an input (or on another article's output) is
 * refused. Results are handed over one by one in input order and only counts
 * are kept, so memory does not grow with the number of articles.
 *
 * Unless told not to, a batch first learns its sites' templates from its own
 * articles (learn-templates.ts: read and parse each, on the worker pool when
 * the batch uses one, and count block hashes per site), then cleans every
 * article with that index, so the `site-template`
 * rule can remove what the site repeats (docs/templates.md).
 *
 * Large batches on a machine of three cores or more run on a pool of worker
 * threads (cores − 1; pool.ts says when workers pay); small ones, and any
 * batch on one or two cores, in-process. A batch on workers opens one pool
 * for both passes: the learned index reaches the workers through a shared
 * slot (learned-slot.ts) instead of a second pool. Both ways run
 * the same `cleanFile`, so the bytes written are the same either way. Each
 * article's time and memory are bounded either way (see bounded.ts): an
 * article past them fails alone.
 */
import {resolve} from 'node:path'
import type {FrontmatterOptions} from '../index.js'
import type {FilterListSource} from '../filter-lists.js'
import {disabledRules, parseTemplateIndex, serializeTemplateIndex, type ArticleSignature, type RuleName} from '../plugin-api.js'
import {DEFAULT_LIMITS, Isolation, openBoundedPool, type Bounded, type BoundedPool, type FileLimits} from './bounded.js'
import {cleanFile, type CleanSettings, type FileOutcome, type FileTask} from './clean-file.js'
import {outputPaths, type InputFile} from './files.js'
import {displayPath} from './paths.js'
import {DEFAULT_MAX_BYTES} from './read.js'
import {compileRuleSources, type CompiledRuleSources, type RuleSources} from './rule-sources.js'
import {runOrdered} from './ordered.js'
import {POOL_THRESHOLD, threadsFor, usesWorkers} from './pool.js'
import {createLearnedSlot, fillLearnedSlot} from './learned-slot.js'
import {learnTemplates, signatureOfFile, TemplatesWriteError, type LearnedTemplates, type SignatureTask} from './learn-templates.js'
import {inShard, type Shard} from './shard.js'
import {createSiteDetector} from './site.js'
import {writeFileSafely} from './write.js'
import type {WorkerInput, WorkerSettings} from './worker.js'

export {POOL_THRESHOLD}

export interface BatchOptions {
  /** Directory the outputs are written to (mirrors the inputs' relative paths). */
  outDir: string
  /** Directory that messages' paths are relative to. Default: `process.cwd()`. */
  cwd?: string | undefined
  /** Write the clean Markdown. Default: true. */
  markdown?: boolean | undefined
  /** Write the JSON record. Default: true. */
  json?: boolean | undefined
  /** Rules files (their text), merged over the defaults in order. */
  rules?: ReadonlyArray<{text: string; file: string}> | undefined
  /** Filter lists (Adblock Plus syntax) given as text. */
  filterLists?: readonly FilterListSource[] | undefined
  /** A saved site-template index (its JSON text and file name), added to what the batch learns. */
  templates?: {text: string; file: string} | undefined
  /**
   * Learn the sites' templates from the batch's own articles first (a pass
   * that reads and parses each one), then clean with that index (see
   * docs/templates.md). Default: true; skipped when `site-template` is off.
   */
  learnTemplates?: boolean | undefined
  /**
   * Write the template index the batch used (learned plus given) to this file.
   * With `shard`, every count is written (blocks seen in one article too), so
   * that the shards' indexes merge into exactly what one run learns.
   */
  saveTemplates?: string | undefined
  /** Rule ids or groups to switch on besides the defaults. */
  enable?: readonly RuleName[] | undefined
  /** Rule ids or groups to switch off. */
  disable?: readonly RuleName[] | undefined
  /** Canonical reformatting (see `clean`). Default: false. */
  format?: boolean | undefined
  /** Refuse inputs larger than this many bytes. Default: 1 MiB ({@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number | undefined
  /** How frontmatter is written: dialect, zone, `strict`, derived fields. */
  frontmatter?: FrontmatterOptions | undefined
  /**
   * Look for each article's site up the tree (Jekyll, Hugo, Hexo, Astro; see
   * `createSiteDetector`) and respect its generator and zone where
   * `frontmatter` names none. Default: false.
   */
  detectSite?: boolean | undefined
  /** Flush each output to disk before renaming it into place. Default: false. */
  fsync?: boolean | undefined
  /** Worker threads. Default: cores − 1 from three cores on, else 1 (see pool.ts); 1 keeps the batch in-process. */
  concurrency?: number | undefined
  /** `auto` (default): workers above {@link POOL_THRESHOLD} articles when `concurrency` > 1; or force one way. */
  pool?: 'auto' | 'workers' | 'inline' | undefined
  /**
   * Milliseconds one article may take to read and clean before it fails
   * (`timed out after N s`); 0: no limit. Default: 60 000.
   */
  timeoutMs?: number | undefined
  /**
   * Heap cap of the worker thread cleaning one article, in MB: an article past
   * it fails (`out of memory`). In process, articles that could pass it are
   * cleaned on an isolated worker. 0: no cap. Default: 2048.
   */
  maxMemoryMb?: number | undefined
  /**
   * Clean only the articles of this shard (shard.ts: by a hash of each
   * `relative` path), as if the others were not listed, except that outputs
   * are still planned over all of them: n shard runs write, between them,
   * exactly what one unsharded run writes. The learning pass (unless
   * `learnTemplates` is false) learns from the shard's articles only.
   */
  shard?: Shard | undefined
  /** Give each written article's piece of the review report in its outcome (`report`; `--report`). Default: false. */
  report?: boolean | undefined
  /** Called with each article's outcome, in input order. */
  onFile?: ((outcome: FileOutcome, index: number) => void) | undefined
}

export interface BatchSummary {
  /** Articles in the batch (in its shard, with `shard`). */
  files: number
  /** Articles cleaned and written. */
  written: number
  /** Articles that failed (nothing written for them). */
  failed: number
  /** Output files written. */
  outputs: number
  /** Removals by rule id, over all written articles. */
  removals: Record<string, number>
  warnings: number
  /** `strict` problems, over all written articles. */
  problems: number
  durationMs: number
  /** The learning pass, when there was one: articles counted, sites seen, its duration. */
  templates?: {articles: number; sites: number; durationMs: number} | undefined
  /** With `shard`: which one, and how many articles were listed in all. */
  shard?: {index: number; count: number; listed: number} | undefined
  /** How the batch ran. */
  mode: 'workers' | 'inline'
  threads: number
}

/** Articles in flight in-process: enough to overlap file I/O with cleaning. */
const INLINE_IN_FLIGHT = 8

type Planned = {task: FileTask} | {failure: FileOutcome}

/**
 * Clean `files` into `options.outDir`. Rejects only for a bad configuration
 * (rules, a template index) or a `saveTemplates` file that cannot be written
 * (`TemplatesWriteError`, before any article is cleaned).
 */
export async function runBatch(files: readonly InputFile[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  let sources: RuleSources = {
    rules: options.rules ?? [],
    filterLists: options.filterLists ?? [],
    ...(options.templates ? {templates: options.templates} : {}),
  }
  const settings: WorkerSettings = {
    enable: options.enable ?? [],
    disable: options.disable ?? [],
    format: options.format ?? false,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    fsync: options.fsync ?? false,
    frontmatter: options.frontmatter,
    detectSite: options.detectSite ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    ...(options.report ? {report: true} : {}),
  }
  // Compile in this thread first: a bad rules file fails the batch before any article.
  let compiled = await compileRuleSources(sources)
  // Planned over every listed article (an output two articles would share is refused
  // the same way in every shard), then narrowed to the shard.
  const planned = planOutputs(files, resolve(cwd, options.outDir), cwd, {
    markdown: options.markdown ?? true,
    json: options.json ?? true,
  })
  const {shard} = options
  const plan = shard ? planned.filter((_, index) => inShard(files[index]!.relative, shard)) : planned
  const concurrency = threadsFor(options.concurrency)
  const useWorkers = usesWorkers(plan.length, concurrency, options.pool)
  let summary: BatchSummary
  const limits: FileLimits = {timeoutMs: settings.timeoutMs ?? 0, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_LIMITS.maxMemoryMb}
  // One pool for both passes: the learned index reaches its workers through a shared slot.
  const slot = useWorkers ? createLearnedSlot() : undefined
  let pool = slot ? await openBoundedPool(concurrency, sources, limits, slot) : undefined
  try {
    let learned: Omit<LearnedTemplates, 'index'> | undefined
    /** What the clean pass uses of the learned index (blocks in at least minArticles articles), once the full one is saved. */
    let learnedForCleaning: string | undefined
    const templatesOff = disabledRules({enable: options.enable, disable: options.disable}).has('site-template')
    if ((options.learnTemplates ?? true) && !templatesOff) {
      const tasks = plan.flatMap((planned) => ('task' in planned ? [planned.task] : []))
      const {index, ...counts} = await learnOnce(tasks, {
        sources,
        compiled,
        maxBytes: settings.maxBytes,
        pool,
        threads: concurrency,
        limits,
      })
      learned = counts
      compiled = {...compiled, templates: index}
      // Cleans get what the rule can use: blocks in at least minArticles articles of their site.
      const text = serializeTemplateIndex(index, {minDf: compiled.rules.siteTemplate.minArticles})
      learnedForCleaning = text
      sources = {...sources, templates: {text, file: '(learned)'}}
      if (pool && slot && !fillLearnedSlot(slot, text)) {
        // Too large for the slot: workers that start with it.
        await pool.destroy()
        pool = undefined
        pool = await openBoundedPool(concurrency, sources, limits)
      }
    }
    if (options.saveTemplates !== undefined && compiled.templates) {
      try {
        // A shard's index keeps the blocks it saw once too: another shard may hold the same
        // block, and merged counts must add up to what one unsharded run counts.
        const text = serializeTemplateIndex(compiled.templates, shard ? {minDf: 1} : {})
        await writeFileSafely(options.saveTemplates, text, {fsync: settings.fsync})
      } catch (error) {
        const cause = error instanceof Error ? error.message : String(error)
        throw new TemplatesWriteError(`${displayPath(cwd, options.saveTemplates)}: cannot write the template index: ${cause}`, {
          cause: error,
        })
      }
    }
    if (learnedForCleaning !== undefined) {
      // In this thread too, the clean pass uses the index the workers get (the same removals), and the full
      // counts (every block seen once: most of the memory a large batch holds) are let go.
      compiled = {...compiled, templates: parseTemplateIndex(learnedForCleaning)}
    }
    summary = {
      files: plan.length,
      written: 0,
      failed: 0,
      outputs: 0,
      removals: {},
      warnings: 0,
      problems: 0,
      durationMs: 0,
      mode: useWorkers ? 'workers' : 'inline',
      threads: useWorkers ? concurrency : 1,
      ...(learned ? {templates: {articles: learned.articles, sites: learned.sites, durationMs: learned.durationMs}} : {}),
      ...(shard ? {shard: {index: shard.index, count: shard.count, listed: files.length}} : {}),
    }
    const counted = summary
    const emit = (outcome: FileOutcome, index: number) => {
      count(counted, outcome)
      options.onFile?.(outcome, index)
    }
    if (pool) {
      await runOnWorkers(plan, settings, pool, concurrency, emit)
    } else {
      // One detector for the batch: each folder's config is read once.
      // In this thread, only the watchdog can end a clean that overruns.
      const inline: CleanSettings = {
        ...settings,
        ...compiled,
        siteDetector: settings.detectSite ? createSiteDetector() : undefined,
        watchdog: true,
      }
      const isolation = new Isolation(sources, limits)
      const run = async (task: FileTask): Promise<FileOutcome> => {
        if (!(await isolation.wants(task.absolute))) return cleanFile(task, inline)
        const input: WorkerInput = {task, settings}
        return outcomeOf(await isolation.run<FileOutcome>(input, undefined, task.display), task)
      }
      try {
        await runOrdered(plan.length, (index) => runPlanned(plan[index]!, run), emit, {
          concurrency: INLINE_IN_FLIGHT,
          window: INLINE_IN_FLIGHT * 4,
        })
      } finally {
        await isolation.close()
      }
    }
  } finally {
    await pool?.destroy()
  }
  summary.durationMs = performance.now() - started
  return summary
}

/**
 * The learning pass (learn-templates.ts): on the batch's pool for a batch on
 * workers, else in this thread, with articles that could pass the memory cap
 * on the isolated worker.
 */
async function learnOnce(
  tasks: readonly FileTask[],
  context: {
    sources: RuleSources
    compiled: CompiledRuleSources
    maxBytes: number
    /** The batch's pool, for a batch on workers. */
    pool: BoundedPool | undefined
    threads: number
    limits: FileLimits
  },
): Promise<LearnedTemplates> {
  const {compiled, maxBytes} = context
  const viaWorker = async (run: BoundedPool['run'], task: FileTask) => {
    const input: SignatureTask = {task, maxBytes}
    const bounded = await run<ArticleSignature | null>(input, 'signatureInWorker', task.display)
    return bounded.ok ? (bounded.value ?? undefined) : undefined
  }
  const {pool} = context
  if (pool) {
    return learnTemplates(tasks, {
      rules: compiled.rules,
      start: compiled.templates,
      signatureOf: (task) => viaWorker(pool.run.bind(pool), task),
      concurrency: context.threads * 2,
    })
  }
  const isolation = new Isolation(context.sources, context.limits)
  try {
    return await learnTemplates(tasks, {
      rules: compiled.rules,
      start: compiled.templates,
      signatureOf: async (task) =>
        (await isolation.wants(task.absolute))
          ? viaWorker(isolation.run.bind(isolation), task)
          : signatureOfFile(task, compiled.rules, maxBytes),
      concurrency: INLINE_IN_FLIGHT,
    })
  } finally {
    await isolation.close()
  }
}

async function runOnWorkers(
  plan: readonly Planned[],
  settings: WorkerSettings,
  pool: BoundedPool,
  threads: number,
  emit: (outcome: FileOutcome, index: number) => void,
): Promise<void> {
  await runOrdered(
    plan.length,
    (index) =>
      runPlanned(plan[index]!, async (task) => {
        const input: WorkerInput = {task, settings}
        return outcomeOf(await pool.run<FileOutcome>(input, undefined, task.display), task)
      }),
    emit,
    // Two tasks queued per thread keep every thread busy between results.
    {concurrency: threads * 2, window: threads * 8},
  )
}

/** A worker's outcome, or the failure of a worker ended (or failed) on the article. */
function outcomeOf(bounded: Bounded<FileOutcome>, task: FileTask): FileOutcome {
  return bounded.ok ? bounded.value : {ok: false, path: task.display, message: bounded.message}
}

function runPlanned(planned: Planned, run: (task: FileTask) => Promise<FileOutcome>): Promise<FileOutcome> {
  return 'failure' in planned ? Promise.resolve(planned.failure) : run(planned.task)
}

/**
 * Decide each article's outputs, refusing any that would overwrite an input
 * or another article's output.
 */
function planOutputs(files: readonly InputFile[], outDir: string, cwd: string, wanted: {markdown: boolean; json: boolean}): Planned[] {
  const inputs = new Set(files.map((file) => file.absolute))
  const claimed = new Map<string, string>()
  return files.map((file): Planned => {
    const display = displayPath(cwd, file.absolute)
    let paths: {markdown: string; json: string}
    try {
      paths = outputPaths(outDir, file)
    } catch (error) {
      return {failure: {ok: false, path: display, message: `${display}: ${error instanceof Error ? error.message : String(error)}`}}
    }
    const targets = [wanted.markdown ? paths.markdown : undefined, wanted.json ? paths.json : undefined].filter(
      (path): path is string => path !== undefined,
    )
    for (const target of targets) {
      if (inputs.has(target)) {
        return {
          failure: {
            ok: false,
            path: display,
            message: `${display}: refusing to overwrite input ${displayPath(cwd, target)}; choose another --out`,
          },
        }
      }
      const owner = claimed.get(target)
      if (owner !== undefined) {
        return {
          failure: {ok: false, path: display, message: `${display}: output ${displayPath(cwd, target)} is already written for ${owner}`},
        }
      }
    }
    for (const target of targets) claimed.set(target, display)
    const task: FileTask = {absolute: file.absolute, display, relative: file.relative}
    if (wanted.markdown) task.markdown = paths.markdown
    if (wanted.json) task.json = paths.json
    return {task}
  })
}

function count(summary: BatchSummary, outcome: FileOutcome): void {
  if (!outcome.ok) {
    summary.failed++
    return
  }
  summary.written++
  summary.outputs += outcome.outputs
  summary.warnings += outcome.warnings
  summary.problems += outcome.problems.length
  for (const [rule, amount] of Object.entries(outcome.removals)) {
    summary.removals[rule] = (summary.removals[rule] ?? 0) + amount
  }
}

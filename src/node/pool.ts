/**
 * The worker-thread pool of large runs (batch and check): when to use it,
 * where the worker module is, and a pool that loads tinypool only when it
 * is opened (a hook checking two files never pays for it).
 *
 * When workers pay. A worker thread is a second V8 isolate: it loads decruft
 * and compiles the rules again (about 0.5 s of CPU and 50 MB each), warms up
 * its own JIT, and every result crosses threads. Measured on a 2-core
 * machine (500 and 2000 generated articles, alternating runs): two workers
 * used 30–40 % more CPU than one thread for the same articles, and the main
 * thread, the workers and their garbage collectors share the two cores, so
 * the pool was slower than one thread (1.2–1.4× the wall time, 1.6× the
 * memory), the more so when anything else ran. With three cores or more,
 * cores − 1 workers leave one core to the main thread (reading the results,
 * keeping them in order, counting) and the pool pays. Hence the default:
 * `cores − 1` worker threads from {@link MIN_POOL_CORES} cores on, none
 * (in-process) below; and workers only for runs of more than
 * {@link POOL_THRESHOLD} articles, below which starting them costs more than
 * it saves. `--concurrency n` overrides the number (n > 1: workers above the
 * threshold, whatever the cores).
 */
import {availableParallelism} from 'node:os'
import type {RuleSources} from './rule-sources.js'
import {watchTemporaryFiles} from './temporary-files.js'

/** Above this many articles a run uses worker threads (when it has more than one thread). */
export const POOL_THRESHOLD = 50

/** The fewest cores on which a run uses worker threads by default. */
export const MIN_POOL_CORES = 3

/** Threads a run uses by default on `cores` cores: `cores − 1` from {@link MIN_POOL_CORES} cores on, else 1 (in-process). */
export function defaultThreads(cores: number = availableParallelism()): number {
  return cores >= MIN_POOL_CORES ? cores - 1 : 1
}

/** Threads for a run: `concurrency` if given (at least 1), else {@link defaultThreads}. */
export function threadsFor(concurrency: number | undefined): number {
  return Math.max(1, Math.floor(concurrency ?? defaultThreads()))
}

/**
 * Whether `files` articles go to worker threads: `auto` above
 * {@link POOL_THRESHOLD} with more than one thread; `workers` and `inline`
 * force one way.
 */
export function usesWorkers(files: number, threads: number, pool: 'auto' | 'workers' | 'inline' = 'auto'): boolean {
  return pool === 'workers' || (pool === 'auto' && files > POOL_THRESHOLD && threads > 1)
}

/**
 * The compiled worker module (node/worker.js). Workers run JavaScript only:
 * when this module itself runs from TypeScript sources (under a test runner),
 * use the build.
 */
export function workerFile(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('../../dist/node/worker.js', import.meta.url)
  return new URL('./worker.js', import.meta.url)
}

/** What each worker starts with (tinypool's `workerData`). */
export interface PoolData {
  /** The run's rules files and filter lists, as text: each worker compiles them once. */
  sources: RuleSources
  /** Where each worker says which task it is cleaning, and since when (see bounded.ts). */
  clock?: PoolClock | undefined
  /**
   * The batch's learned template index, filled after the workers started (see
   * learned-slot.ts): once filled, it replaces `sources.templates` in cleans.
   */
  learned?: SharedArrayBuffer | undefined
}

/**
 * Shared between a pool and its workers: for worker `id` (tinypool's, from
 * 1), `Int32Array(slots)[2 * (id - 1)]` is the sequence number of the task
 * it is cleaning (0: none) and the next one when it started, in milliseconds
 * since `epoch` (a `Date.now()`).
 */
export interface PoolClock {
  slots: SharedArrayBuffer
  epoch: number
}

/** How one task is run. */
export interface PoolRunOptions {
  /** Aborting ends the task's worker (terminated, then replaced) and rejects with an `AbortError`. */
  signal?: AbortSignal | undefined
}

export interface WorkerPool {
  /** Run the worker module's export `name` (default: its default export) on `input`. */
  run<Output>(input: unknown, name?: string, options?: PoolRunOptions): Promise<Output>
  destroy(): Promise<void>
}

/**
 * A pool of `threads` worker threads running {@link workerFile}, each given
 * the run's rule sources. With `maxMemoryMb`, each worker's heap is capped
 * there: a task past it ends its worker, and is rejected with an error whose
 * `code` is `ERR_WORKER_OUT_OF_MEMORY`; the pool starts another worker.
 */
export async function openWorkerPool(
  threads: number,
  sources: RuleSources,
  limits: {maxMemoryMb?: number; clock?: PoolClock | undefined; learned?: SharedArrayBuffer | undefined} = {},
): Promise<WorkerPool> {
  const {default: Tinypool} = await import('tinypool')
  // The workers' temporary files are removed too if the run is interrupted.
  watchTemporaryFiles()
  const workerData: PoolData = {
    sources: {rules: sources.rules, filterLists: sources.filterLists, ...(sources.templates ? {templates: sources.templates} : {})},
    clock: limits.clock,
    ...(limits.learned ? {learned: limits.learned} : {}),
  }
  const pool = new Tinypool({
    filename: workerFile().href,
    minThreads: threads,
    maxThreads: threads,
    workerData,
    ...(limits.maxMemoryMb ? {resourceLimits: {maxOldGenerationSizeMb: limits.maxMemoryMb}} : {}),
  })
  return {
    run: (input, name, options = {}) =>
      pool.run(input, {
        ...(name === undefined ? {} : {name}),
        ...(options.signal ? {signal: options.signal} : {}),
      }),
    destroy: () => pool.destroy(),
  }
}

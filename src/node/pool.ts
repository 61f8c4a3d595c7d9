/**
 * The worker-thread pool of large runs (batch and check): when to use it,
 * where the worker module is, and a pool that loads tinypool only when it
 * is opened (a hook checking two files never pays for it).
 */
import {availableParallelism} from 'node:os'
import type {RuleSources} from './rule-sources.js'
import {watchTemporaryFiles} from './temporary-files.js'

/** Above this many articles a run uses worker threads (when there is more than one core). */
export const POOL_THRESHOLD = 50

/** Threads for a run: `concurrency` if given (at least 1), else one per core. */
export function threadsFor(concurrency: number | undefined): number {
  return Math.max(1, Math.floor(concurrency ?? availableParallelism()))
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
  limits: {maxMemoryMb?: number; clock?: PoolClock | undefined} = {},
): Promise<WorkerPool> {
  const {default: Tinypool} = await import('tinypool')
  // The workers' temporary files are removed too if the run is interrupted.
  watchTemporaryFiles()
  const workerData: PoolData = {
    sources: {rules: sources.rules, filterLists: sources.filterLists, ...(sources.templates ? {templates: sources.templates} : {})},
    clock: limits.clock,
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

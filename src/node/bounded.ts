/**
 * One bad file never stops or hangs a run: each file's time and memory are
 * bounded, so a runaway or out-of-memory article becomes one error for that
 * article (`post.md: timed out after 60 s`, `post.md: out of memory (limit
 * 2048 MB)`) and the run goes on.
 *
 * - On worker threads, each worker's heap is capped (`resourceLimits`): an
 *   article past the cap ends its worker, not the process. The worker marks
 *   in an array shared with the run when it starts reading and cleaning a
 *   task and when it starts writing; the clock runs in between, and a task
 *   past its budget is aborted, which terminates its worker (the pool starts
 *   another). Waiting in the queue and compiling the rules do not count, and
 *   a worker is never ended while it writes (no temporary file left behind).
 *   The worker's clean also checks its own budget between steps, and ends
 *   gracefully when it can.
 * - In process, no worker can be ended: a clean runs under `vm`'s watchdog
 *   (watchdog.ts), which ends it at the deadline, and checks its own budget
 *   between steps too (`clean({timeout})`, engine/deadline.ts). Nothing in a
 *   process caps the memory of one call, so an in-process run hands each
 *   file that could need more than the cap (larger than the cap / 4096, see
 *   {@link isolationThreshold}) to one isolated worker thread with the same
 *   limits, started on the first such file. Typical articles, and a hook
 *   checking one, never start a thread.
 */
import {stat} from 'node:fs/promises'
import {timedOutReason} from '../plugin-api.js'
import type {RuleSources} from './rule-sources.js'
import {openWorkerPool, type PoolClock} from './pool.js'

/** A file's budget. */
export interface FileLimits {
  /** Milliseconds one file may take to read and clean; 0: no limit. */
  timeoutMs: number
  /** Heap of a worker thread cleaning one file, in MB; 0: V8's default (and no isolation in process). */
  maxMemoryMb: number
}

/** Default time budget of a file: 60 s. */
export const DEFAULT_TIMEOUT_MS = 60_000
/** Default heap cap of a file's worker: 2048 MB. */
export const DEFAULT_MAX_MEMORY_MB = 2048
/**
 * The smallest heap cap accepted: a worker needs about 24 MB to load decruft
 * and clean a small article with the default rules (measured; 16 MB is not
 * enough), more with large filter lists.
 */
export const MIN_MAX_MEMORY_MB = 64

/** The default limits. */
export const DEFAULT_LIMITS: Readonly<FileLimits> = {timeoutMs: DEFAULT_TIMEOUT_MS, maxMemoryMb: DEFAULT_MAX_MEMORY_MB}

/**
 * Bytes of heap a parse may take per byte of input at worst: measured on a
 * list of short items (200 KB took 760 MB, 1 MB 3.2 GB), the most
 * memory-hungry shape found; ordinary articles take a few hundred at most.
 */
const HEAP_BYTES_PER_INPUT_BYTE = 4096

/**
 * Input size above which an in-process run cleans a file on an isolated
 * worker: the size whose worst-case parse could pass the heap cap (512 KiB
 * for the default 2048 MB). Infinity without a cap.
 */
export function isolationThreshold(limits: FileLimits): number {
  return limits.maxMemoryMb > 0 ? Math.floor((limits.maxMemoryMb * 1024 * 1024) / HEAP_BYTES_PER_INPUT_BYTE) : Number.POSITIVE_INFINITY
}

/** What a file's run reports: it starts reading and cleaning, or writing. */
export type FilePhase = 'clean' | 'write'

/** Tells the run which phase a file is in. */
export type PhaseReporter = (phase: FilePhase) => void

/**
 * The worker side of the pool's clock: a reporter that marks this worker's
 * slot with task `seq` while it reads and cleans (and clears it when writing
 * starts), or none when the pool keeps no clock.
 */
export function phaseReporter(
  clock: PoolClock | undefined,
  workerId: number | undefined,
  seq: number | undefined,
): PhaseReporter | undefined {
  if (!clock || workerId === undefined || seq === undefined) return undefined
  const slots = new Int32Array(clock.slots)
  const at = 2 * (workerId - 1)
  return (phase) => {
    if (phase === 'clean') {
      Atomics.store(slots, at + 1, Date.now() - clock.epoch)
      Atomics.store(slots, at, seq)
    } else {
      Atomics.store(slots, at, 0)
    }
  }
}

/** What a bounded task ends with: the worker's result, or the one-line message of why it has none. */
export type Bounded<Output> = {ok: true; value: Output} | {ok: false; message: string}

/** A worker pool whose tasks are each one file, run within the limits. */
export interface BoundedPool {
  /**
   * Run `input` (with its sequence number `seq` added) on the workers'
   * export `name`. Never rejects: a worker ended for its time or memory, or
   * that failed, is a message naming `display`.
   */
  run<Output>(input: object, name: string | undefined, display: string): Promise<Bounded<Output>>
  destroy(): Promise<void>
}

/**
 * A pool of `threads` workers with each heap capped at `limits.maxMemoryMb`
 * and each file timed: the workers mark in a shared array which task each is
 * cleaning and since when, and one timer here looks every
 * {@link clockInterval} ms and aborts a task past `limits.timeoutMs` (which
 * terminates its worker). One shared array and one timer for the run, an
 * AbortController per task: no message per task.
 */
export async function openBoundedPool(
  threads: number,
  sources: RuleSources,
  limits: FileLimits,
  learned?: SharedArrayBuffer | undefined,
): Promise<BoundedPool> {
  const clock: PoolClock | undefined = limits.timeoutMs > 0 ? {slots: new SharedArrayBuffer(8 * threads), epoch: Date.now()} : undefined
  const pool = await openWorkerPool(threads, sources, {maxMemoryMb: limits.maxMemoryMb, clock, learned})
  const running = new Map<number, AbortController>()
  let lastSeq = 0
  let watch: ReturnType<typeof setInterval> | undefined
  if (clock) {
    const slots = new Int32Array(clock.slots)
    watch = setInterval(() => {
      const now = Date.now() - clock.epoch
      for (let at = 0; at < slots.length; at += 2) {
        const controller = running.get(Atomics.load(slots, at))
        if (controller && now - Atomics.load(slots, at + 1) > limits.timeoutMs) controller.abort()
      }
    }, clockInterval(limits.timeoutMs))
    // The tasks keep the process alive, not the watch.
    watch.unref()
  }
  return {
    async run<Output>(input: object, name: string | undefined, display: string): Promise<Bounded<Output>> {
      const seq = ++lastSeq
      const controller = clock ? new AbortController() : undefined
      if (controller) running.set(seq, controller)
      try {
        const value = await pool.run<Output>(clock ? {...input, seq} : input, name, {signal: controller?.signal})
        return {ok: true, value}
      } catch (error) {
        if (controller?.signal.aborted) return {ok: false, message: `${display}: ${timedOutReason(limits.timeoutMs)}`}
        if ((error as {code?: unknown}).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return {ok: false, message: `${display}: ${outOfMemoryReason(limits.maxMemoryMb)}`}
        }
        return {ok: false, message: `${display}: worker failed: ${error instanceof Error ? error.message : String(error)}`}
      } finally {
        running.delete(seq)
      }
    },
    async destroy() {
      clearInterval(watch)
      await pool.destroy()
    },
  }
}

/** How often the clock is looked at: a twentieth of the budget, between 50 ms and 1 s. */
export function clockInterval(timeoutMs: number): number {
  return Math.min(1000, Math.max(50, Math.floor(timeoutMs / 20)))
}

/** `out of memory (limit 2048 MB)`. */
export function outOfMemoryReason(maxMemoryMb: number): string {
  return maxMemoryMb > 0 ? `out of memory (limit ${maxMemoryMb} MB)` : 'out of memory'
}

/**
 * The isolated worker of an in-process run: files that could pass the
 * memory cap are cleaned there, one at a time, within the limits; the
 * thread starts on the first such file and is closed with the run.
 */
export class Isolation {
  readonly #sources: RuleSources
  readonly #limits: FileLimits
  readonly #threshold: number
  #pool: Promise<BoundedPool> | undefined

  constructor(sources: RuleSources, limits: FileLimits) {
    this.#sources = sources
    this.#limits = limits
    this.#threshold = isolationThreshold(limits)
  }

  /** Whether the file at `absolute` goes to the isolated worker (it is larger than the threshold). */
  async wants(absolute: string): Promise<boolean> {
    if (this.#threshold === Number.POSITIVE_INFINITY) return false
    try {
      return (await stat(absolute)).size > this.#threshold
    } catch {
      // Reading it will say what is wrong, in process.
      return false
    }
  }

  /** Run `input` on the isolated worker's export `name` (see {@link BoundedPool}). */
  run<Output>(input: object, name: string | undefined, display: string): Promise<Bounded<Output>> {
    this.#pool ??= openBoundedPool(1, this.#sources, this.#limits)
    return this.#pool.then(
      (pool) => pool.run<Output>(input, name, display),
      (error: unknown) => ({ok: false, message: `${display}: worker failed: ${error instanceof Error ? error.message : String(error)}`}),
    )
  }

  /** End the worker, if one was started. */
  async close(): Promise<void> {
    const pool = this.#pool
    this.#pool = undefined
    if (pool) await (await pool).destroy()
  }
}

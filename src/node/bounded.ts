/**
 * One bad file never stops or hangs a run: each file's time and memory are
 * bounded, so a runaway or out-of-memory article becomes one error for that
 * article (`post.md: timed out after 60 s`, `post.md: out of memory (limit
 * 2048 MB)`) and the run goes on.
 *
 * - On worker threads, each worker's heap is capped (`resourceLimits`): an
 *   article past the cap ends its worker, not the process. The worker tells
 *   when it starts cleaning and when it starts writing (a `MessagePort` in the
 *   task); the clock runs in between, and a task past its budget is aborted,
 *   which terminates its worker (the pool starts another). Waiting in the
 *   queue and compiling the rules do not count, and a worker is never ended
 *   while it writes (no temporary file left behind).
 * - In process, a synchronous clean cannot be stopped from outside: it checks
 *   its own budget between steps (`clean({timeout})`, core/deadline.ts), and
 *   nothing there caps memory. So an in-process run hands each file that
 *   could need more memory than the cap (larger than the cap / 4096, see
 *   {@link isolationThreshold}) to one isolated worker thread with the same
 *   limits, started on the first such file. Typical articles, and a hook
 *   checking one, never start a thread.
 */
import {stat} from 'node:fs/promises'
import {MessageChannel, type MessagePort} from 'node:worker_threads'
import {timedOutReason} from '../index.js'
import type {RuleSources} from './rule-sources.js'
import {openWorkerPool, type WorkerPool} from './pool.js'

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
/** The smallest heap cap: below it a worker cannot load decruft and its rules. */
export const MIN_MAX_MEMORY_MB = 64

/** The default limits. */
export const DEFAULT_LIMITS: Readonly<FileLimits> = {timeoutMs: DEFAULT_TIMEOUT_MS, maxMemoryMb: DEFAULT_MAX_MEMORY_MB}

/**
 * Bytes of heap a parse may take per byte of input at worst: measured on a
 * list of short items (200 KB took 760 MB, 1 MB 3.2 GB), the most
 * memory-hungry shape found; ordinary articles take about a hundred.
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

/** What a worker reports on a task's port: it starts reading and cleaning, or writing. */
export type FilePhase = 'clean' | 'write'

/** Tells the run which phase a file is in (the worker side of the port). */
export type PhaseReporter = (phase: FilePhase) => void

/** A port's reporter, for the worker. */
export function phaseReporter(port: MessagePort | undefined): PhaseReporter | undefined {
  return port ? (phase) => port.postMessage(phase) : undefined
}

/** What a bounded task ends with: the worker's result, or the one-line message of why it has none. */
export type Bounded<Output> = {ok: true; value: Output} | {ok: false; message: string}

/**
 * Run `input` (with a `phases` port added) on the pool's export `name`,
 * within `limits`. Never rejects: a worker ended for its time or memory, or
 * that failed, is a message naming `display`.
 */
export async function runBounded<Output>(
  pool: WorkerPool,
  input: object,
  name: string | undefined,
  display: string,
  limits: FileLimits,
): Promise<Bounded<Output>> {
  const channel = limits.timeoutMs > 0 ? new MessageChannel() : undefined
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  channel?.port1.on('message', (phase: FilePhase) => {
    clearTimeout(timer)
    timer = phase === 'clean' ? setTimeout(() => controller.abort(), limits.timeoutMs) : undefined
  })
  try {
    const value = await pool.run<Output>(
      channel ? {...input, phases: channel.port2} : input,
      name,
      channel ? {signal: controller.signal, transferList: [channel.port2]} : {},
    )
    return {ok: true, value}
  } catch (error) {
    if (controller.signal.aborted) return {ok: false, message: `${display}: ${timedOutReason(limits.timeoutMs)}`}
    if ((error as {code?: unknown}).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return {ok: false, message: `${display}: ${outOfMemoryReason(limits.maxMemoryMb)}`}
    }
    return {ok: false, message: `${display}: worker failed: ${error instanceof Error ? error.message : String(error)}`}
  } finally {
    clearTimeout(timer)
    channel?.port1.close()
  }
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
  #pool: Promise<WorkerPool> | undefined

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

  /** Run `input` on the isolated worker's export `name` (see {@link runBounded}). */
  run<Output>(input: object, name: string | undefined, display: string): Promise<Bounded<Output>> {
    this.#pool ??= openWorkerPool(1, this.#sources, this.#limits)
    return this.#pool.then(
      (pool) => runBounded<Output>(pool, input, name, display, this.#limits),
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

/**
 * `decruft --jsonl`: clean a stream of JSONL articles into a stream of JSONL
 * results, one output line per input line, in input order (docs/jsonl.md).
 *
 * The input is read with back-pressure (jsonl-lines.ts): a line is pulled
 * only while fewer than a window of lines are read and not yet written, and
 * a line is written only once the output has drained, so a slow consumer
 * stops the reading and memory does not grow with the stream. A bad line
 * (not JSON, fields missing, too long, an article that fails) becomes an
 * error line and the stream goes on.
 *
 * Articles are cleaned as a folder run cleans files: in this thread for a
 * short stream, on the worker pool (same rule as a batch: more than
 * POOL_THRESHOLD articles and more than one thread) for a long one, which
 * the run tells by reading up to that many lines before it starts; each
 * article's time and memory are bounded the same way (bounded.ts). A stream
 * never learns site templates (it cannot hold the stream): it uses the
 * `templates` index it is given.
 */
import type {FrontmatterOptions} from '../index.js'
import type {FilterListSource} from '../filter-lists.js'
import type {RuleName} from '../plugin-api.js'
import {DEFAULT_LIMITS, Isolation, isolationThreshold, openBoundedPool, type FileLimits} from './bounded.js'
import {readJsonLines, type JsonLine} from './jsonl-lines.js'
import {DEFAULT_MAX_BYTES} from './read.js'
import {compileRuleSources, type RuleSources} from './rule-sources.js'
import {POOL_THRESHOLD, threadsFor, usesWorkers} from './pool.js'
import {codeOfMessage, processStreamLine, type StreamCleanSettings, type StreamOutcome, type StreamSettings} from './stream-clean.js'
import {failureLine, parseStreamLine, type StreamFailure} from './stream-line.js'
import {runOrderedStream} from './stream-ordered.js'
import type {StreamWorkerInput} from './worker.js'

/** Where the output lines go: a process stream (its `drain` is awaited) or a test's collector. */
export interface LineSink {
  /** Returns false when the sink wants the writer to wait for `drain`. */
  write(chunk: string): unknown
  once?(event: 'drain', listener: () => void): unknown
}

export interface StreamOptions {
  /** Rules files (their text), merged over the defaults in order. */
  rules?: ReadonlyArray<{text: string; file: string}> | undefined
  /** Filter lists (Adblock Plus syntax) given as text. */
  filterLists?: readonly FilterListSource[] | undefined
  /** A site-template index (its JSON text and file name) to clean with; the stream learns none. */
  templates?: {text: string; file: string} | undefined
  enable?: readonly RuleName[] | undefined
  disable?: readonly RuleName[] | undefined
  /** Canonical reformatting (see `clean`). Default: false. */
  format?: boolean | undefined
  /** Refuse texts larger than this many bytes. Default: 1 MiB ({@link DEFAULT_MAX_BYTES}). */
  maxBytes?: number | undefined
  /** How frontmatter is written: dialect, zone, `strict`, derived fields. */
  frontmatter?: FrontmatterOptions | undefined
  /** Use each line's `site` (written by `decruft pack`) where `frontmatter` names no generator. Default: true. */
  detectSite?: boolean | undefined
  /** Worker threads. Default: `defaultThreads()` (node/pool.ts: cores − 1 from three cores on, else 1); 1 keeps the stream in-process. */
  concurrency?: number | undefined
  /** `auto` (default): workers above {@link POOL_THRESHOLD} lines when `concurrency` > 1; or force one way. */
  pool?: 'auto' | 'workers' | 'inline' | undefined
  /** Milliseconds one article may take; 0: no limit. Default: 60 000. */
  timeoutMs?: number | undefined
  /** Heap cap of the worker thread cleaning one article, in MB; 0: none. Default: 2048. */
  maxMemoryMb?: number | undefined
  /** Longest input line accepted, in bytes. Default: {@link maxLineBytesFor}(`maxBytes`). */
  maxLineBytes?: number | undefined
  /** Called with each failure, in input order (the CLI names them on stderr). */
  onFailure?: ((failure: StreamFailure) => void) | undefined
  /** Called with each chunk's size as it is read (tests count how far the reader gets ahead). */
  onChunk?: ((bytes: number) => void) | undefined
}

export interface StreamSummary {
  /** Articles in the stream (non-blank lines). */
  articles: number
  /** Articles cleaned. */
  cleaned: number
  /** Error lines written. */
  failed: number
  durationMs: number
  mode: 'workers' | 'inline'
  threads: number
}

/** Lines in flight in-process: as a batch's files. */
const INLINE_IN_FLIGHT = 8

/**
 * The longest line accepted for texts of up to `maxBytes`: JSON may escape
 * a byte into six (`\u0001`), and a line carries other fields too (1 MiB).
 */
export function maxLineBytesFor(maxBytes: number): number {
  return 6 * maxBytes + 1024 * 1024
}

/**
 * Clean the JSONL articles of `input` into `output` (see the module
 * comment). Rejects only for a bad configuration (rules, filter lists, a
 * template index) or a failing output, before or while writing.
 */
export async function runStream(
  input: AsyncIterable<Uint8Array | string>,
  output: LineSink,
  options: StreamOptions = {},
): Promise<StreamSummary> {
  const started = performance.now()
  const sources: RuleSources = {
    rules: options.rules ?? [],
    filterLists: options.filterLists ?? [],
    ...(options.templates ? {templates: options.templates} : {}),
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const settings: StreamSettings = {
    enable: options.enable ?? [],
    disable: options.disable ?? [],
    format: options.format ?? false,
    maxBytes,
    frontmatter: options.frontmatter,
    detectSite: options.detectSite ?? true,
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
  }
  const compiled = await compileRuleSources(sources)
  const limits: FileLimits = {timeoutMs: settings.timeoutMs ?? 0, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_LIMITS.maxMemoryMb}
  const lines = nonBlank(readJsonLines(input, {maxLineBytes: options.maxLineBytes ?? maxLineBytesFor(maxBytes), onChunk: options.onChunk}))
  // The batch's rule needs the count: read up to the threshold first (a bounded look-ahead).
  const {head, rest} = await peek(lines, POOL_THRESHOLD + 1)
  const threads = threadsFor(options.concurrency)
  const useWorkers = usesWorkers(head.length, threads, options.pool)
  const summary: StreamSummary = {
    articles: 0,
    cleaned: 0,
    failed: 0,
    durationMs: 0,
    mode: useWorkers ? 'workers' : 'inline',
    threads: useWorkers ? threads : 1,
  }
  const emit = async (outcome: StreamOutcome) => {
    summary.articles++
    if (outcome.ok) {
      summary.cleaned++
      await writeLine(output, outcome.line)
    } else {
      summary.failed++
      options.onFailure?.(outcome.failure)
      await writeLine(output, failureLine(outcome.failure))
    }
  }
  const all = concat(head, rest)
  if (useWorkers) {
    const pool = await openBoundedPool(threads, sources, limits)
    try {
      const run = (line: JsonLine) =>
        guarded(line, maxBytes, async (text) => {
          const task: StreamWorkerInput = {raw: text, line: line.line, settings}
          const bounded = await pool.run<StreamOutcome>(task, 'cleanStreamInWorker', `line ${line.line}`)
          return bounded.ok ? bounded.value : failedOnWorker(text, line.line, bounded.message)
        })
      // Two lines queued per thread keep every thread busy between results.
      await runOrderedStream(all, run, emit, {concurrency: threads * 2, window: threads * 8})
    } finally {
      await pool.destroy()
    }
  } else {
    const inline: StreamCleanSettings = {...settings, ...compiled, watchdog: true}
    const isolation = new Isolation(sources, limits)
    const threshold = isolationThreshold(limits)
    const run = (line: JsonLine) =>
      guarded(line, maxBytes, async (text) => {
        // A line that could pass the memory cap is cleaned on the isolated worker, as a large file is.
        if (text.length * 3 <= threshold || Buffer.byteLength(text, 'utf8') <= threshold) return processStreamLine(text, line.line, inline)
        const task: StreamWorkerInput = {raw: text, line: line.line, settings}
        const bounded = await isolation.run<StreamOutcome>(task, 'cleanStreamInWorker', `line ${line.line}`)
        return bounded.ok ? bounded.value : failedOnWorker(text, line.line, bounded.message)
      })
    try {
      await runOrderedStream(all, run, emit, {concurrency: INLINE_IN_FLIGHT, window: INLINE_IN_FLIGHT * 4})
    } finally {
      await isolation.close()
    }
  }
  summary.durationMs = performance.now() - started
  return summary
}

/** Write one line, waiting for the sink to drain when it asks to. */
export async function writeLine(output: LineSink, text: string): Promise<void> {
  if (output.write(text) === false && output.once) await new Promise<void>((resolve) => output.once!('drain', resolve))
}

/** An oversize line's error, else the line cleaned by `clean`. */
async function guarded(line: JsonLine, maxBytes: number, clean: (text: string) => Promise<StreamOutcome>): Promise<StreamOutcome> {
  if ('text' in line) return clean(line.text)
  return {
    ok: false,
    failure: {
      line: line.line,
      id: null,
      code: 'line-too-long',
      message: `line ${line.line}: line too long (${line.oversize} bytes, limit ${maxLineBytesFor(maxBytes)} for --max-size ${maxBytes}); skipped unread`,
    },
  }
}

/** The error line of an article whose worker ended (time, memory) or failed: its id and path read from the line again. */
function failedOnWorker(raw: string, line: number, message: string): StreamOutcome {
  const {id, path} = parseStreamLine(raw, line)
  const where = path ?? `line ${line}`
  // The pool names the task `line N`; name the article as its clean would.
  const text = message.startsWith(`line ${line}: `) ? `${where}: ${message.slice(`line ${line}: `.length)}` : message
  return {ok: false, failure: {line, id, ...(path === undefined ? {} : {path}), code: codeOfMessage(message), message: text}}
}

async function* nonBlank(lines: AsyncIterable<JsonLine>): AsyncGenerator<JsonLine> {
  for await (const line of lines) if (!('text' in line) || line.text.trim() !== '') yield line
}

/** The first `count` items of `source` (or all, if fewer), and an iterator over the others. */
async function peek<T>(source: AsyncGenerator<T>, count: number): Promise<{head: T[]; rest: AsyncGenerator<T>}> {
  const head: T[] = []
  while (head.length < count) {
    const next = await source.next()
    if (next.done) break
    head.push(next.value)
  }
  return {head, rest: source}
}

async function* concat<T>(head: T[], rest: AsyncGenerator<T>): AsyncGenerator<T> {
  // Handed over one by one, so that the look-ahead is released as the run goes.
  while (head.length > 0) yield head.shift() as T
  yield* rest
}

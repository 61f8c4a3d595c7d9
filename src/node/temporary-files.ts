/**
 * The temporary files of the atomic writer: their names, and removing the
 * ones in flight when the process is interrupted (SIGINT, SIGTERM, SIGHUP).
 * Worker threads get no signals, so they announce their temporary files to
 * the main thread on a broadcast channel, and the main thread removes those
 * too. Only a SIGKILL or a power loss can leave one behind; the next run
 * that writes into that folder removes it ({@link sweepStaleTemporaryFiles}).
 */
import {unlinkSync} from 'node:fs'
import {readdir, unlink} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {BroadcastChannel, isMainThread, threadId} from 'node:worker_threads'

/** Temporary files being written (this thread's, and in the main thread those of worker threads), removed if the process is interrupted. */
const inFlight = new Set<string>()
let cleanupInstalled = false
let counter = 0

/** Where worker threads announce their temporary files to the main thread: `{add}` or `{remove}`. */
const CHANNEL_NAME = 'decruft:temporary-files'
let channel: BroadcastChannel | undefined

type ChannelMessage = {add: string} | {remove: string}

/**
 * Signals that end the process by default and that the writer cleans up
 * after. Not SIGXFSZ: Node ignores it, so a write past a file-size limit
 * fails with EFBIG (reported) instead of killing the process.
 */
const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

function removeInFlight(): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp)
    } catch {
      // Gone already.
    }
  }
  inFlight.clear()
}

/**
 * In the main thread: remove the temporary files in flight when the process
 * is interrupted, then let the signal do what it would have done (when
 * nobody else listens to it), and listen to worker threads' announcements.
 * Called on the first write, and by the worker pool when it opens (worker
 * threads get no signals; the main thread's ending ends them). Idempotent.
 */
export function watchTemporaryFiles(): void {
  if (cleanupInstalled || !isMainThread) return
  cleanupInstalled = true
  process.once('exit', removeInFlight)
  for (const signal of CLEANUP_SIGNALS) {
    process.once(signal, () => {
      removeInFlight()
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
    })
  }
  const listener = new BroadcastChannel(CHANNEL_NAME)
  listener.onmessage = (event) => {
    const message = (event as {data: ChannelMessage}).data
    if ('add' in message) inFlight.add(message.add)
    else inFlight.delete(message.remove)
  }
  // Listening never keeps the process alive.
  listener.unref()
}

function announce(message: ChannelMessage): void {
  if (isMainThread) return
  if (channel === undefined) {
    channel = new BroadcastChannel(CHANNEL_NAME)
    channel.unref()
  }
  channel.postMessage(message)
}

/** Record a temporary file just created. */
export function track(path: string): void {
  watchTemporaryFiles()
  inFlight.add(path)
  announce({add: path})
}

/** Forget a temporary file renamed into place or removed. */
export function untrack(path: string): void {
  inFlight.delete(path)
  announce({remove: path})
}

/** A temporary sibling of `target`, hidden and unique to this process, thread and call. */
export function temporaryPathFor(target: string): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER
  return join(dirname(target), `.${basename(target)}.decruft-${process.pid}-${threadId}-${counter}.tmp`)
}

/**
 * The temporary files this thread would remove if the process were interrupted now (in the main thread: the workers' too).
 *
 * @lintignore tests/write.test.ts calls it from dist/ in a child process.
 */
export function temporaryFilesInFlight(): string[] {
  return [...inFlight]
}

/** `.<name>.decruft-<pid>-<thread>-<n>.tmp`: the pid that wrote it. */
const TEMPORARY_NAME = /^\..+\.decruft-(\d+)-\d+-\d+\.tmp$/

/** Folders this thread has already swept (once per folder per run). */
const swept = new Set<string>()

/** Whether a process with this id is running (one we may not signal counts as running). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as {code?: string}).code === 'EPERM'
  }
}

/**
 * Remove the temporary files that a killed run (SIGKILL, power loss) left in
 * `folder`: those named by the writer whose process is no longer running.
 * Once per folder per thread, before the first write there; a file of a
 * run still going is left alone. Errors are ignored: sweeping is tidying,
 * never a reason to fail a write.
 */
export async function sweepStaleTemporaryFiles(folder: string): Promise<void> {
  if (swept.has(folder)) return
  swept.add(folder)
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return
  }
  for (const name of names) {
    const pid = TEMPORARY_NAME.exec(name)?.[1]
    if (pid !== undefined && !isRunning(Number(pid))) await unlink(join(folder, name)).catch(() => undefined)
  }
}

/**
 * A hard time limit on synchronous work in this thread: `clean()` of one
 * article in an in-process run. Nothing in a thread can stop its own
 * synchronous code, but `vm`'s watchdog can: it runs the call from a script
 * with a `timeout`, and a thread of Node's own ends the script (whatever runs
 * inside it, a runaway regular expression included) when the time is up.
 * It costs a small fraction of a millisecond per call, no worker start.
 *
 * The work is ended between any two instructions, so module state it was
 * changing may be left half done; decruft's rules keep none across articles
 * that matters (global regular expressions are reset before each use).
 * Worker threads need none of this: a task past its time ends its worker
 * (see bounded.ts).
 */
import {createContext, runInContext, type Context} from 'node:vm'
import {CleanError} from '../index.js'
import {timedOutReason} from '../plugin-api.js'

let context: Context | undefined

/**
 * Run `work` and return its result, or throw a CleanError `timed out after N
 * s` naming `display` when it takes longer than `timeoutMs` (0: no limit).
 * What `work` throws is thrown as it is.
 */
export function withinTime<T>(work: () => T, timeoutMs: number, display: string): T {
  if (timeoutMs <= 0) return work()
  context ??= createContext({})
  const holder = context as {work?: (() => T) | undefined}
  holder.work = work
  try {
    return runInContext('work()', context, {timeout: timeoutMs, displayErrors: false}) as T
  } catch (error) {
    if ((error as {code?: unknown}).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new CleanError(timedOutReason(timeoutMs), display)
    throw error
  } finally {
    holder.work = undefined
  }
}

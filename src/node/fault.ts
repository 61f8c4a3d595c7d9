/**
 * Fault injection for the tests of one bad file in a batch
 * (tests/faults.test.ts): with `DECRUFT_TEST_FAULT=<kind>:<file name>` in
 * the environment, the article of that base name misbehaves just before it
 * is cleaned, wherever it runs (in process or on a worker thread):
 *
 * - `spin`: loops forever (a runaway rule or parse, which only the end of
 *   its thread stops);
 * - `oom`: allocates until the heap is full (an out-of-memory parse).
 *
 * Nothing happens without the variable, and a test sets it only for the
 * decruft process it starts. Real hostile shapes are refused before parsing
 * (guards) or cleaned in linear time; this hook keeps the tests of the
 * backstop fast and deterministic whatever those do.
 */
import {basename} from 'node:path'

/** The environment variable the tests set. */
export const FAULT_ENV = 'DECRUFT_TEST_FAULT'

/** Misbehave as `DECRUFT_TEST_FAULT` asks when `path` is the article it names. */
export function injectFault(path: string): void {
  const fault = process.env[FAULT_ENV]
  if (!fault) return
  const colon = fault.indexOf(':')
  if (colon === -1 || basename(path) !== fault.slice(colon + 1)) return
  const kind = fault.slice(0, colon)
  if (kind === 'spin') spin()
  else if (kind === 'oom') exhaustMemory()
}

function spin(): void {
  let turns = 0
  // A loop the optimiser cannot drop; only terminating the thread ends it.
  for (;;) turns = (turns + 1) | 0
}

function exhaustMemory(): void {
  const hoard: number[][] = []
  for (;;) hoard.push(Array.from({length: 100_000}, (_, index) => index + hoard.length))
}

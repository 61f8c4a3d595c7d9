/**
 * The learned template index, handed to a worker pool that is already
 * running. A batch on workers learns its sites' templates on its pool, then
 * cleans on the same pool with what it learned; the workers started before
 * the index existed, so it cannot come in their `workerData`. Instead the
 * pool starts with an empty, growable SharedArrayBuffer (the slot), which
 * the batch fills once, after the learning pass and before the first clean
 * task; each worker reads it on its first clean (and a worker started later,
 * to replace one that was ended, finds it filled). One copy of the text for
 * the run, nothing sent per task, and no second pool to start (each worker
 * costs about half a second of CPU to load decruft and compile the rules).
 *
 * Layout: an Int32 at byte 0 holds the text's UTF-8 length plus one (0: not
 * filled yet), the bytes follow from byte 8.
 */

/** Virtual size reserved for the slot (only what is written is committed). */
export const LEARNED_SLOT_MAX_BYTES = 1 << 30

const HEADER = 8

/** A growable SharedArrayBuffer (ES2024; in Node's V8 from Node 20, not yet in this project's `lib`). */
export interface LearnedSlot extends SharedArrayBuffer {
  readonly maxByteLength: number
  grow(byteLength: number): void
}

const Growable = SharedArrayBuffer as unknown as new (byteLength: number, options: {maxByteLength: number}) => LearnedSlot

/** An empty slot, to give the pool's workers. */
export function createLearnedSlot(maxBytes = LEARNED_SLOT_MAX_BYTES): LearnedSlot {
  return new Growable(HEADER, {maxByteLength: HEADER + maxBytes})
}

/** Write `text` into `slot` (once); false when it does not fit (the caller then starts workers with it instead). */
export function fillLearnedSlot(slot: LearnedSlot, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8')
  if (HEADER + bytes.length > slot.maxByteLength) return false
  slot.grow(HEADER + bytes.length)
  new Uint8Array(slot, HEADER, bytes.length).set(bytes)
  // Published last: a reader that sees the length sees the bytes.
  Atomics.store(new Int32Array(slot, 0, 1), 0, bytes.length + 1)
  return true
}

/** The text in `slot`, or undefined while it is not filled. */
export function readLearnedSlot(slot: SharedArrayBuffer): string | undefined {
  const stored = Atomics.load(new Int32Array(slot, 0, 1), 0)
  if (stored === 0) return undefined
  return Buffer.from(slot, HEADER, stored - 1).toString('utf8')
}

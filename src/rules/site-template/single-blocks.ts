/**
 * The blocks of a site seen exactly once (in one article, once: `df` 1,
 * `ctxSeen` 1, one neighbour on each side), kept compact. Nearly every block
 * a site's index counts is one of them (the article's own text), and as a
 * `Map` entry with an object and two arrays each costs some 400 bytes; here
 * it is three numbers in a growable `Float64Array` (an open-addressing hash
 * table, linear probing, deletion by backward shift: no tombstones), about
 * 30–60 bytes.
 *
 * Hashes are cyrb53's (integers in [0, 2^53), exact as doubles); an empty
 * slot holds -1, which no hash is. A block seen again leaves this store
 * (`take`) for the site's `Map` (see learner.ts, template-index.ts).
 */

const EMPTY = -1
/** Numbers per slot: hash, the hash before, the hash after. */
const STRIDE = 3
const INITIAL_CAPACITY = 16
/** Grow past this share of slots in use (linear probing stays short below it). */
const MAX_LOAD = 0.8

/** A set of blocks seen once, each with its neighbour before and after (see the module comment). */
export class SingleBlocks {
  #slots: Float64Array
  #mask: number
  #shift: number
  #size = 0

  constructor() {
    this.#slots = new Float64Array(INITIAL_CAPACITY * STRIDE).fill(EMPTY)
    this.#mask = INITIAL_CAPACITY - 1
    this.#shift = 32 - Math.log2(INITIAL_CAPACITY)
  }

  /** Whether `hash` can be stored here (a non-negative number; every block hash is). */
  static holds(hash: number): boolean {
    return hash >= 0
  }

  /** Blocks held. */
  get size(): number {
    return this.#size
  }

  /** Whether `hash` is held. */
  has(hash: number): boolean {
    return this.#find(hash) >= 0
  }

  /**
   * Hold `hash` with its neighbours (a block not held yet: the caller checks).
   * False, and nothing held, when {@link SingleBlocks.holds} says it cannot be.
   */
  add(hash: number, previous: number, next: number): boolean {
    if (!SingleBlocks.holds(hash)) return false
    if (this.#size + 1 > (this.#mask + 1) * MAX_LOAD) this.#grow()
    this.#place(hash, previous, next)
    this.#size++
    return true
  }

  /** Remove `hash` and give its neighbours `[previous, next]`; undefined when it is not held. */
  take(hash: number): [previous: number, next: number] | undefined {
    const slot = this.#find(hash)
    if (slot < 0) return undefined
    const slots = this.#slots
    const neighbours: [number, number] = [slots[slot * STRIDE + 1]!, slots[slot * STRIDE + 2]!]
    this.#remove(slot)
    return neighbours
  }

  /** Remove `hash`; false when it was not held. */
  delete(hash: number): boolean {
    const slot = this.#find(hash)
    if (slot < 0) return false
    this.#remove(slot)
    return true
  }

  /** Remove every block (and give the memory back). */
  clear(): void {
    this.#slots = new Float64Array(INITIAL_CAPACITY * STRIDE).fill(EMPTY)
    this.#mask = INITIAL_CAPACITY - 1
    this.#shift = 32 - Math.log2(INITIAL_CAPACITY)
    this.#size = 0
  }

  /** Call `visit` with every block held, in no particular order (do not add or remove meanwhile). */
  forEach(visit: (hash: number, previous: number, next: number) => void): void {
    const slots = this.#slots
    for (let at = 0; at < slots.length; at += STRIDE) if (slots[at] !== EMPTY) visit(slots[at]!, slots[at + 1]!, slots[at + 2]!)
  }

  /** The slot `hash` would start probing at: a multiplicative hash of both halves of it. */
  #home(hash: number): number {
    const mixed = Math.imul((hash >>> 0) ^ Math.imul((hash / 4294967296) >>> 0, 0x85ebca6b), 0x9e3779b1)
    return (mixed >>> this.#shift) & this.#mask
  }

  /** The slot holding `hash`, or -1. */
  #find(hash: number): number {
    const slots = this.#slots
    const mask = this.#mask
    for (let slot = this.#home(hash); ; slot = (slot + 1) & mask) {
      const held = slots[slot * STRIDE]!
      if (held === hash) return slot
      if (held === EMPTY) return -1
    }
  }

  /** Put a block in the first free slot from its home (the table has room, and does not hold it). */
  #place(hash: number, previous: number, next: number): void {
    const slots = this.#slots
    const mask = this.#mask
    let slot = this.#home(hash)
    while (slots[slot * STRIDE] !== EMPTY) slot = (slot + 1) & mask
    slots[slot * STRIDE] = hash
    slots[slot * STRIDE + 1] = previous
    slots[slot * STRIDE + 2] = next
  }

  /** Empty `slot`, shifting back the blocks after it that probed past it, so every search still finds them. */
  #remove(slot: number): void {
    const slots = this.#slots
    const mask = this.#mask
    let hole = slot
    for (let at = (hole + 1) & mask; slots[at * STRIDE] !== EMPTY; at = (at + 1) & mask) {
      const home = this.#home(slots[at * STRIDE]!)
      // The block at `at` may move into the hole unless its home lies cyclically in (hole, at].
      const stays = hole <= at ? hole < home && home <= at : hole < home || home <= at
      if (stays) continue
      slots.copyWithin(hole * STRIDE, at * STRIDE, at * STRIDE + STRIDE)
      hole = at
    }
    slots[hole * STRIDE] = EMPTY
    this.#size--
  }

  #grow(): void {
    const old = this.#slots
    const capacity = (this.#mask + 1) * 2
    this.#slots = new Float64Array(capacity * STRIDE).fill(EMPTY)
    this.#mask = capacity - 1
    this.#shift = 32 - Math.log2(capacity)
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== EMPTY) this.#place(old[at]!, old[at + 1]!, old[at + 2]!)
  }
}

/**
 * A tiny seeded PRNG (mulberry32) and the few helpers the generator needs.
 * Deterministic across runs and platforms: same seed, same articles.
 */

/**
 * mulberry32: a 32-bit state PRNG returning floats in [0, 1).
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let state = seed >>> 0
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * @typedef {object} Random
 * @property {() => number} next
 * @property {(min: number, max: number) => number} int
 * @property {(p: number) => boolean} chance
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {<T>(items: readonly T[], count: number) => T[]} some
 * @property {(length: number) => string} digits
 * @property {(length: number) => string} hex
 */

/**
 * A random source with helpers.
 *
 * @param {number} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  const next = mulberry32(seed)
  /** @type {Random} */
  const random = {
    next,
    /** Integer in [min, max] (both inclusive). */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability `p`. */
    chance: (p) => next() < p,
    /** One element of a non-empty array. */
    pick: (items) => /** @type {any} */ (items[Math.floor(next() * items.length)]),
    /** `count` elements (with repeats) of a non-empty array. */
    some: (items, count) => Array.from({length: count}, () => /** @type {any} */ (items[Math.floor(next() * items.length)])),
    /** A decimal string of `length` digits (no leading zero). */
    digits: (length) => {
      let out = String(1 + Math.floor(next() * 9))
      while (out.length < length) out += String(Math.floor(next() * 10))
      return out
    },
    /** A lower-case hex string. */
    hex: (length) => {
      let out = ''
      while (out.length < length) out += Math.floor(next() * 16).toString(16)
      return out
    },
  }
  return random
}

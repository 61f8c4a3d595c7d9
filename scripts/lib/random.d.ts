/** Types for random.js (a seeded mulberry32 PRNG). */
export declare function mulberry32(seed: number): () => number

export interface Random {
  next(): number
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  some<T>(items: readonly T[], count: number): T[]
  digits(length: number): string
  hex(length: number): string
}

export declare function createRandom(seed: number): Random

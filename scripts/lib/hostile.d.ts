/** Types for hostile.js (the hostile input shapes of issue 12). */
export interface HostileShape {
  readonly name: string
  /** What `size` counts: `depth`, `items` or `characters`. */
  readonly unit: string
  /** The two sizes the benchmark runs (the second is the red team's). */
  readonly sizes: readonly [number, number]
  make(size: number): string
}
export declare const HOSTILE_SHAPES: readonly HostileShape[]
export declare function ordinaryArticle(characters: number, seed?: number): string

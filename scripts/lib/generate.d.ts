/** Types for generate.js (deterministic article generator). */
import type {Random} from './random.js'

export type Piece = (random: Random) => string

/** A block: a piece name (or `repeat`) and its seed. */
export type Block = readonly [name: string, seed: number]

export interface ArticleSpec {
  frontmatter?: string | null | undefined
  frontmatterSeed?: number | undefined
  blocks: readonly Block[]
  crlf?: boolean | undefined
  bom?: boolean | undefined
  /** Text spliced in at the start of body line `at` (modulo the line count). */
  insert?: {text: string; at: number} | undefined
}

export interface GeneratedArticle {
  name: string
  kind: string
  text: string
}

export declare const FRONTMATTERS: Readonly<Record<string, Piece>>
export declare const PIECES: Readonly<Record<string, Piece>>
export declare const PIECE_NAMES: readonly string[]
export declare const FRONTMATTER_STYLES: readonly string[]
export declare function buildArticle(spec: ArticleSpec): string
export declare function generateSpec(random: Random): {kind: string; spec: ArticleSpec}
export declare function generateCorpus(count: number, seed?: number): GeneratedArticle[]

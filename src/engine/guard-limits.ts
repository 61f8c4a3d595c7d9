/**
 * The limits the pre-parse guard (`guard.ts`) holds a document to, with
 * their defaults, and the refusal it gives when one is exceeded.
 *
 * Each limit bounds a measured cost of remark-parse (micromark) or of the
 * HTML parser, and sits far above what real articles need (the corpora's
 * deepest list is 4 levels, their longest article 1,206 lines and 221 list
 * items, their busiest paragraph a few dozen emphasis marks):
 * - nesting of block quotes and lists: each level is a container the parser
 *   re-checks on every line, and the tree's depth is the depth of every
 *   recursive walk after it (10,000 levels took remark-parse 74 s);
 * - emphasis delimiters and closing brackets in one paragraph: micromark
 *   matches each closer by walking back over the paragraph, so the cost is
 *   quadratic in their number (50,000 nested `*_` took minutes); and the sum
 *   of those squares over the document, since a thousand paragraphs each
 *   just under the limit cost as much (a 1 MiB document of them, ~45 s);
 * - nesting of link brackets and of HTML elements (deep trees);
 * - lines, list items, and lines times the containers they are in:
 *   micromark keeps some 5–20 KB of events per line or item until the tree
 *   is built (1.2 million `- a` lines took 4.4 GB; 8,000 lines each 64 block
 *   quotes deep, 1 MB, 4 s and 1.1 GB). These scale with the size limit, so
 *   raising `--max-size` raises them.
 */

/** How deep, and how many, before a document is refused unparsed. All counts; see {@link DEFAULT_GUARD_LIMITS}. */
export interface GuardLimits {
  /** Deepest nesting of block quotes and lists, together. Default: 64. */
  readonly containerDepth: number
  /** Deepest nesting of link and image brackets in one paragraph. Default: 64. */
  readonly bracketDepth: number
  /** Deepest nesting of HTML elements in one HTML block or paragraph. Default: 256. */
  readonly htmlDepth: number
  /** Emphasis delimiters (`*` and `_` that can open or close emphasis, `~` and `~~` of strikethrough) in one paragraph. Default: 3,000. */
  readonly emphasisDelimiters: number
  /** Closing brackets (`]`) in one paragraph. Default: 3,000. */
  readonly closingBrackets: number
  /**
   * The document's inline work: the sum over its paragraphs of the square of
   * their emphasis delimiters plus the square of their closing brackets (the
   * parser's cost grows so). Bounds many paragraphs each under the limits
   * above. Default: 100,000,000 (eleven paragraphs at those limits).
   */
  readonly inlineWork: number
  /** Lines in the document. Default: one per 32 characters of the size limit (32,768 at 1 MiB). */
  readonly lines: number
  /** List items in the document. Default: one per 100 characters of the size limit (10,486 at 1 MiB). */
  readonly listItems: number
  /**
   * Lines inside lists and block quotes, each counted once per level it is
   * nested in (the parser carries every open container on every line).
   * Default: one per 16 characters of the size limit (65,536 at 1 MiB).
   */
  readonly nestedLines: number
}

/** The nesting and per-paragraph limits; `lines`, `listItems` and `nestedLines` come from the size limit ({@link guardLimits}). */
export const DEFAULT_GUARD_LIMITS: Omit<GuardLimits, 'lines' | 'listItems' | 'nestedLines'> = {
  containerDepth: 64,
  bracketDepth: 64,
  htmlDepth: 256,
  emphasisDelimiters: 3000,
  closingBrackets: 3000,
  inlineWork: 100_000_000,
}

/** Characters of the size limit per allowed line, and per allowed list item. */
export const CHARACTERS_PER_LINE = 32
export const CHARACTERS_PER_LIST_ITEM = 100
export const CHARACTERS_PER_NESTED_LINE = 16

/** The limits in force: the defaults (lines and list items scaled from `maxLength`), overridden by `limits`. */
export function guardLimits(maxLength: number, limits: Partial<GuardLimits> = {}): GuardLimits {
  const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)) as Partial<GuardLimits>
  return {
    ...DEFAULT_GUARD_LIMITS,
    lines: Math.ceil(maxLength / CHARACTERS_PER_LINE),
    listItems: Math.ceil(maxLength / CHARACTERS_PER_LIST_ITEM),
    nestedLines: Math.ceil(maxLength / CHARACTERS_PER_NESTED_LINE),
    ...defined,
  }
}

/** Why a document is refused, and where (1-based line and column, columns in UTF-16 units as vfile's). */
export interface GuardViolation {
  /** Which limit: a key of {@link GuardLimits}. */
  readonly limit: keyof GuardLimits
  /** The measured value (the deepest nesting, or the count). */
  readonly value: number
  readonly line: number
  readonly column: number
  /** The message: `too deeply nested: …` or `too large to parse safely: …`, naming the limit. */
  readonly reason: string
}

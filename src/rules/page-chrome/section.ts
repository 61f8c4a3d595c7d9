/**
 * Rules section `pageChrome`: the thresholds of the structural page-chrome
 * classifier (jusText-like, on top-level Markdown blocks), the whole-page
 * gate, the languages whose stopwords it weighs, and the block texts that
 * end an article (terminators) or are page metadata.
 */
import {z} from 'zod'
import {entry, enabled, pattern} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'
import {STOPWORDS} from './stopwords.generated.js'

const ratio = z.number().min(0).max(1)

export const languageSchema = z
  .object({
    ...entry,
    /** A block is good (with `lengthHigh` characters) from this stopword density, near-good from `low`. */
    low: ratio.optional(),
    high: ratio.optional(),
    /**
     * How the density is measured: `words` (share of word tokens in the
     * list), `han-longest` (share of Han/Kana characters covered by a greedy
     * longest match of the list), `suffixes` (share of Hangul words ending in
     * one of `suffixes`: particles and verb endings).
     */
    match: z.enum(['words', 'han-longest', 'suffixes']).optional(),
    /** Words of the generated list that are not stopwords here (chrome words such as "home", "next"). */
    exclude: z.array(z.string().min(1)).optional(),
    /** Words added to the list. */
    extra: z.array(z.string().min(1)).optional(),
    /** For `match: suffixes`: the endings of a word in a sentence. */
    suffixes: z.array(z.string().min(1)).optional(),
  })
  .strict()

export const blockPatternSchema = z
  .object({
    ...entry,
    /** Pattern for the block's whole text (anchored for you), white space collapsed. */
    pattern,
  })
  .strict()

export const schema = z
  .object({
    /** `whole-page`: act only on files the whole-page gate accepts; `always`: every file; `never`: off. */
    scope: z.enum(['whole-page', 'always', 'never']).optional(),
    /** A block shorter than this (weighted characters) is short (jusText `length_low`). */
    lengthLow: z.number().int().min(1).optional(),
    /** A block at least this long with enough stopwords is good (jusText `length_high`). */
    lengthHigh: z.number().int().min(1).optional(),
    /** Weight of a Han, Kana or Hangul character in lengths (one carries more than a Latin letter). */
    cjkWeight: z.number().min(1).max(5).optional(),
    /** A block whose link text is more than this share of its text is bad. */
    maxLinkDensity: ratio.optional(),
    /** A short block with links above this density is bad. */
    shortMaxLinkDensity: ratio.optional(),
    /** A list whose items are mostly lone links of few words (menus, tags, related lists). */
    navList: z
      .object({
        minLinkOnlyShare: ratio.optional(),
        maxMeanWords: z.number().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The text runs on past at most this many chrome blocks to the next prose. */
    maxGapBlocks: z.number().int().min(0).optional(),
    /** A heading this close (characters) before a good block belongs to it. */
    maxHeadingDistance: z.number().int().min(0).optional(),
    /** When a file is a whole-page scrape (see docs/chrome.md). */
    wholePage: z
      .object({
        headMinBlocks: z.number().int().min(1).optional(),
        headMinLinks: z.number().int().min(1).optional(),
        headMinLinkDensity: ratio.optional(),
        /** Also needed in the head: this many link-dense blocks, or one nav list of `navListMinItems` items. */
        headMinDenseBlocks: z.number().int().min(1).optional(),
        navListMinItems: z.number().int().min(2).optional(),
        tailMinBlocks: z.number().int().min(1).optional(),
        tailMinLinks: z.number().int().min(1).optional(),
        tailMinLinkDensity: ratio.optional(),
        /** Never when the good prose above the title is more than this share of the prose below it. */
        headMaxProseShare: z.number().min(0).optional(),
        /** With the tail test, the head still needs this many links. */
        tailHeadMinLinks: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** The languages weighed by stopwords; others are judged by length and links only. */
    languages: z.array(languageSchema).optional(),
    /** Blocks that end the article (related posts, comments): after one, prose is chrome too. */
    terminators: z.array(blockPatternSchema).optional(),
    /** Blocks that are page metadata (counters, read times, copyright lines): always bad. */
    meta: z.array(blockPatternSchema).optional(),
  })
  .strict()

/** A language as the classifier weighs it. */
export interface ChromeLanguage {
  readonly id: string
  readonly low: number
  readonly high: number
  readonly match: 'words' | 'han-longest' | 'suffixes'
  readonly stopwords: ReadonlySet<string>
  /** Longest entry of the list, in characters (for `han-longest`). */
  readonly longest: number
  readonly suffixes: readonly string[]
}

export interface PageChromeRules {
  readonly scope: 'whole-page' | 'always' | 'never'
  readonly lengthLow: number
  readonly lengthHigh: number
  readonly cjkWeight: number
  readonly maxLinkDensity: number
  readonly shortMaxLinkDensity: number
  readonly navList: {readonly minLinkOnlyShare: number; readonly maxMeanWords: number}
  readonly maxHeadingDistance: number
  readonly maxGapBlocks: number
  readonly wholePage: {
    readonly headMinBlocks: number
    readonly headMinLinks: number
    readonly headMinLinkDensity: number
    readonly headMinDenseBlocks: number
    readonly navListMinItems: number
    readonly tailMinBlocks: number
    readonly tailMinLinks: number
    readonly tailMinLinkDensity: number
    readonly tailHeadMinLinks: number
    readonly headMaxProseShare: number
  }
  readonly languages: readonly ChromeLanguage[]
  /** The id of the terminator `text` (a block's whole text) is, if any. */
  terminator(text: string): string | undefined
  /** The id of the metadata pattern `text` matches, if any. */
  meta(text: string): string | undefined
}

type BlockPatternEntry = z.input<typeof blockPatternSchema>

function blockMatcher(list: readonly BlockPatternEntry[] | undefined): (text: string) => string | undefined {
  const compiled = enabled(list).map((item) => ({id: item.id, pattern: new RegExp(`^(?:${item.pattern})$`, 'iu')}))
  return (text) => {
    if (text.length === 0 || text.length > 200) return undefined
    return compiled.find((item) => item.pattern.test(text))?.id
  }
}

function compileLanguage(item: z.input<typeof languageSchema>): ChromeLanguage {
  const exclude = new Set((item.exclude ?? []).map((word) => word.toLowerCase()))
  const words = [...(STOPWORDS[item.id] ?? []), ...(item.extra ?? [])]
    .map((word) => word.toLowerCase())
    .filter((word) => !exclude.has(word))
  const stopwords = new Set(words)
  let longest = 0
  for (const word of stopwords) longest = Math.max(longest, word.length)
  return {
    id: item.id,
    low: item.low ?? 0.3,
    high: item.high ?? 0.34,
    match: item.match ?? 'words',
    stopwords,
    longest,
    suffixes: [...(item.suffixes ?? [])].sort((a, b) => b.length - a.length),
  }
}

export function compile(data: z.input<typeof schema> | undefined): PageChromeRules {
  const whole = data?.wholePage
  return {
    scope: data?.scope ?? 'whole-page',
    lengthLow: data?.lengthLow ?? 70,
    lengthHigh: data?.lengthHigh ?? 200,
    cjkWeight: data?.cjkWeight ?? 2.5,
    maxLinkDensity: data?.maxLinkDensity ?? 0.5,
    shortMaxLinkDensity: data?.shortMaxLinkDensity ?? 0.2,
    navList: {minLinkOnlyShare: data?.navList?.minLinkOnlyShare ?? 0.8, maxMeanWords: data?.navList?.maxMeanWords ?? 8},
    maxHeadingDistance: data?.maxHeadingDistance ?? 200,
    maxGapBlocks: data?.maxGapBlocks ?? 2,
    wholePage: {
      headMinBlocks: whole?.headMinBlocks ?? 3,
      headMinLinks: whole?.headMinLinks ?? 8,
      headMinLinkDensity: whole?.headMinLinkDensity ?? 0.4,
      headMinDenseBlocks: whole?.headMinDenseBlocks ?? 3,
      navListMinItems: whole?.navListMinItems ?? 4,
      tailMinBlocks: whole?.tailMinBlocks ?? 3,
      tailMinLinks: whole?.tailMinLinks ?? 10,
      tailMinLinkDensity: whole?.tailMinLinkDensity ?? 0.5,
      tailHeadMinLinks: whole?.tailHeadMinLinks ?? 6,
      headMaxProseShare: whole?.headMaxProseShare ?? 0.5,
    },
    languages: enabled(data?.languages).map(compileLanguage),
    terminator: blockMatcher(data?.terminators),
    meta: blockMatcher(data?.meta),
  }
}

/** The `pageChrome` section of a rules file. */
export const section = defineSection('pageChrome', schema, compile)

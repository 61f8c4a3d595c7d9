/**
 * Rules section `feedFooter`: the footers that feeds and cross-posting add
 * to an article ("The post X appeared first on Y.", "Originally published at
 * …"), and where in the article they may stand.
 */
import {z} from 'zod'
import {enabled, entry, holdsWord, pattern} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

export const footerPatternSchema = z
  .object({
    ...entry,
    /**
     * Pattern for the block's whole text (anchored for you: it must match
     * all of it). The text is the block's plain text — link words kept, URLs,
     * markup and tags dropped — with white space collapsed and curly quotes
     * and apostrophes made straight.
     */
    pattern,
    /** Only when the block holds a link (Markdown, HTML or a bare URL): for wordings a real sentence could also have. */
    needsLink: z.boolean().optional(),
    /**
     * Words (any case) one of which the text must hold for the pattern to be
     * tried: a cheap test that most blocks fail, so the pattern rarely runs.
     * Without `words` the pattern is tried on every block near the end.
     */
    words: z.array(z.string().min(1)).optional(),
    /**
     * The footer may also end a paragraph, glued after its last sentence
     * (scrapers append it to the last paragraph); then only the footer's
     * sentences go. For wordings no real sentence ends a paragraph with.
     */
    trailing: z.boolean().optional(),
  })
  .strict()

export const schema = z
  .object({
    /**
     * How far from the end a footer may stand: among the last `tailBlocks`
     * blocks of the article, counted from the end. Footers, calls to action,
     * headings, rules (`---`), link definitions and what earlier rules removed
     * do not count, so removing them never brings another block into reach.
     */
    tailBlocks: z.number().int().min(1).optional(),
    /** A footer is short: blocks whose text is longer (in characters) are never footers. */
    maxLength: z.number().int().min(1).optional(),
    /** What a footer says. */
    patterns: z.array(footerPatternSchema).optional(),
  })
  .strict()

export interface FooterMatcher {
  readonly id: string
  readonly note?: string | undefined
  readonly pattern: RegExp
  readonly needsLink: boolean
  /** Lower-case words one of which the text must hold; undefined: always tried. */
  readonly words?: readonly string[] | undefined
  /** Whether the footer may also be glued to the end of a paragraph. */
  readonly trailing: boolean
}

export interface FeedFooterRules {
  readonly tailBlocks: number
  readonly maxLength: number
  readonly patterns: readonly FooterMatcher[]
  /**
   * The pattern a block's text matches, if any. `text` is the block's plain
   * text (white space collapsed, quotes straight), `hasLink` whether the
   * block holds a link.
   */
  match(text: string, hasLink: boolean): FooterMatcher | undefined
  /** Whether some pattern may be glued to the end of a paragraph. */
  readonly hasTrailing: boolean
  /** Whether `lower` (a paragraph's lower-case text) holds a word of a `trailing` pattern. */
  mayEnd(lower: string): boolean
  /** The `trailing` pattern the text (the last sentences of a paragraph) matches, if any. */
  matchEnd(text: string, hasLink: boolean): FooterMatcher | undefined
}

export function compile(data: z.input<typeof schema> | undefined): FeedFooterRules {
  const maxLength = data?.maxLength ?? 400
  const patterns: FooterMatcher[] = enabled(data?.patterns).map((item) => ({
    id: item.id,
    note: item.note,
    pattern: new RegExp(`^(?:${item.pattern})$`, 'iu'),
    needsLink: item.needsLink ?? false,
    words: item.words?.map((word) => word.toLowerCase()),
    trailing: item.trailing ?? false,
  }))
  const trailing = patterns.filter((matcher) => matcher.trailing)
  const find = (candidates: readonly FooterMatcher[], text: string, hasLink: boolean) => {
    if (text.length === 0 || text.length > maxLength) return undefined
    const lower = text.toLowerCase()
    return candidates.find((matcher) => (hasLink || !matcher.needsLink) && holdsWord(lower, matcher.words) && matcher.pattern.test(text))
  }
  return {
    tailBlocks: data?.tailBlocks ?? 4,
    maxLength,
    patterns,
    match: (text, hasLink) => find(patterns, text, hasLink),
    hasTrailing: trailing.length > 0,
    mayEnd: (lower) => trailing.some((matcher) => holdsWord(lower, matcher.words)),
    matchEnd: (text, hasLink) => find(trailing, text, hasLink),
  }
}

/** The `feedFooter` section of a rules file. */
export const section = defineSection('feedFooter', schema, compile)

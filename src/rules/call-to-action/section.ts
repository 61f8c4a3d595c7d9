/**
 * Rules section `callToAction`: clap, follow, newsletter, donation and share
 * prompts, matched sentence by sentence, and where in the article they may
 * stand.
 *
 * A block is a call to action when every sentence of it is one — a `prompts`
 * sentence, a `companions` sentence ("Thanks for reading!") or a sentence of
 * emoji and punctuation only — and at least one is a prompt. Before a
 * sentence is matched, `preludes` are taken off its start ("If you liked
 * this post, ", "Please ", "Don't forget to "), so the prompts need not
 * spell out every way to lead into them.
 */
import {z} from 'zod'
import {enabled, entry, hostSchema, pattern, urlMatcher, type UrlMatcher} from '../../ruleset/matchers.js'
import {holdsWord} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

/**
 * Words (any case) one of which a sentence must hold for the pattern to be
 * tried: a cheap test most sentences fail, so the patterns rarely run.
 * Without `words` the pattern is tried on every sentence.
 */
const words = z.array(z.string().min(1)).optional()

const sentencePatternSchema = z
  .object({
    ...entry,
    /** Pattern for a whole sentence (anchored for you), without its final punctuation and emoji. */
    pattern,
    words,
  })
  .strict()

const preludeSchema = z
  .object({
    ...entry,
    /** Pattern for the start of a sentence (anchored at the start for you) that leads into a prompt. */
    pattern,
    words,
  })
  .strict()

export const schema = z
  .object({
    /**
     * How far from the end a call to action may stand: among the last
     * `tailBlocks` blocks, counted from the end. Calls to action, feed
     * footers, headings, rules (`---`), link definitions and what earlier
     * rules removed do not count.
     */
    tailBlocks: z.number().int().min(1).optional(),
    /** Blocks whose text is longer (in characters) are never calls to action. */
    maxLength: z.number().int().min(1).optional(),
    /** Sentences that ask the reader to clap, follow, subscribe, donate or share. */
    prompts: z.array(sentencePatternSchema).optional(),
    /** Sentences that may stand beside a prompt in its block but never make one alone ("Thanks for reading!"). */
    companions: z.array(sentencePatternSchema).optional(),
    /** Openings taken off a sentence before it is matched ("If you enjoyed this, "). */
    preludes: z.array(preludeSchema).optional(),
    /** Donation pages: a sentence holding `donationWords`, in a block that links one of these, is a prompt. */
    donationHosts: z.array(hostSchema).optional(),
    /** Words that make a sentence a donation prompt when its block links a donation host (pattern, not anchored). */
    donationWords: pattern.optional(),
    /** Headings that go with the calls to action under them, when everything after the heading went. */
    headings: z.array(sentencePatternSchema).optional(),
  })
  .strict()

export interface SentenceMatcher {
  readonly id: string
  readonly note?: string | undefined
  readonly pattern: RegExp
  /** Lower-case words one of which the sentence must hold; undefined: always tried. */
  readonly words?: readonly string[] | undefined
}

export interface CallToActionRules {
  readonly tailBlocks: number
  readonly maxLength: number
  readonly prompts: readonly SentenceMatcher[]
  readonly companions: readonly SentenceMatcher[]
  readonly preludes: readonly SentenceMatcher[]
  readonly donationHosts: readonly UrlMatcher[]
  readonly headings: readonly SentenceMatcher[]
  /**
   * The id of the prompt that makes a block a call to action, or undefined.
   * `text` is the block's plain text (line breaks kept, other white space
   * collapsed, quotes straight); `urls` the URLs it links; a sentence for
   * which `isNeutral` holds (a feed footer glued to the prompt) counts as
   * neither prompt nor content.
   */
  match(text: string, urls: readonly string[], isNeutral?: (sentence: string) => boolean): string | undefined
  /** The heading entry a heading's text matches, if any. */
  matchHeading(text: string): SentenceMatcher | undefined
}

/** Sentence ends: a line break, or `.!?…` (and closing quotes or brackets) before white space. */
const SENTENCE_BREAK = /\n+|(?<=[.!?…]["')\]]*)\s+/u
/** Punctuation, symbols and emoji parts at a sentence's edges; the clap emoji 👏 is kept (it says "clap"). */
const EDGE_START = /^(?:(?!👏)[\s\p{P}\p{S}\p{M}\u200d])+/u
const EDGE_END = /(?:(?!👏)[\s\p{P}\p{S}\p{M}\u200d])+$/u
const HAS_WORD = /[\p{L}\p{N}👏]/u

/** A sentence with its edges trimmed, or '' when it holds no word. */
function trimSentence(sentence: string): string {
  const trimmed = sentence.replace(EDGE_START, '').replace(EDGE_END, '')
  return HAS_WORD.test(trimmed) ? trimmed : ''
}

function anchored(source: string, whole: boolean): RegExp {
  return new RegExp(whole ? `^(?:${source})$` : `^(?:${source})`, 'iu')
}

function sentenceMatchers(list: ReadonlyArray<z.output<typeof sentencePatternSchema>> | undefined, whole: boolean): SentenceMatcher[] {
  return enabled(list).map((item) => ({
    id: item.id,
    note: item.note,
    pattern: anchored(item.pattern, whole),
    words: item.words?.map((word) => word.toLowerCase()),
  }))
}

/** The matchers whose words `lower` holds. */
function tryable(matchers: readonly SentenceMatcher[], lower: string): SentenceMatcher[] {
  return matchers.filter((matcher) => holdsWord(lower, matcher.words))
}

/** At most this many preludes are taken off one sentence. */
const MAX_PRELUDES = 4

export function compile(data: z.input<typeof schema> | undefined): CallToActionRules {
  const maxLength = data?.maxLength ?? 400
  const prompts = sentenceMatchers(data?.prompts, true)
  const companions = sentenceMatchers(data?.companions, true)
  const preludes = sentenceMatchers(data?.preludes, false)
  const headings = sentenceMatchers(data?.headings, true)
  const donationHosts = enabled(data?.donationHosts).map(urlMatcher)
  const donationWords = data?.donationWords === undefined ? undefined : new RegExp(data.donationWords, 'iu')

  /** The donation host a block links, if any. */
  const donationHostOf = (urls: readonly string[]): UrlMatcher | null => {
    for (const value of urls) {
      let url: URL
      try {
        url = new URL(value)
      } catch {
        continue
      }
      const host = donationHosts.find((matcher) => matcher.test(url))
      if (host) return host
    }
    return null
  }

  /** Take the preludes off a sentence's start. */
  const withoutPreludes = (sentence: string, lower: string): string => {
    const candidates = tryable(preludes, lower)
    let rest = sentence
    for (let round = 0; round < MAX_PRELUDES && candidates.length > 0; round++) {
      const prelude = candidates.find((matcher) => matcher.pattern.test(rest))
      if (!prelude) break
      const next = rest.replace(prelude.pattern, '')
      if (next === rest) break
      rest = trimSentence(next)
    }
    return rest
  }

  return {
    tailBlocks: data?.tailBlocks ?? 6,
    maxLength,
    prompts,
    companions,
    preludes,
    donationHosts,
    headings,
    match(text, urls, isNeutral) {
      if (text.length === 0 || text.length > maxLength) return undefined
      let found: string | undefined
      let donation: UrlMatcher | null | undefined
      for (const part of text.split(SENTENCE_BREAK)) {
        // Cheap tests first: most sentences hold none of the words of any prompt or companion.
        const lower = part.toLowerCase()
        const promptsHere = tryable(prompts, lower)
        const companionsHere = tryable(companions, lower)
        const maybeDonation = donationWords !== undefined && donationHosts.length > 0 && donationWords.test(part)
        if (promptsHere.length === 0 && companionsHere.length === 0 && !maybeDonation) {
          if (HAS_WORD.test(part) && !isNeutral?.(part)) return undefined
          continue
        }
        const sentence = trimSentence(part)
        if (!sentence) continue
        const rest = withoutPreludes(sentence, lower)
        if (!rest) continue
        const prompt = promptsHere.find((matcher) => matcher.pattern.test(rest))
        if (prompt) {
          found ??= prompt.id
          continue
        }
        if (maybeDonation && donationWords!.test(rest) && (donation ??= donationHostOf(urls))) {
          found ??= donation.id
          continue
        }
        // A companion stands beside a prompt; matched whole, before and after its prelude.
        if (companionsHere.some((matcher) => matcher.pattern.test(sentence) || matcher.pattern.test(rest))) continue
        if (isNeutral?.(part)) continue
        return undefined
      }
      return found
    },
    matchHeading(text) {
      const value = trimSentence(text)
      return value ? headings.find((matcher) => matcher.pattern.test(value)) : undefined
    },
  }
}

/** The `callToAction` section of a rules file. */
export const section = defineSection('callToAction', schema, compile)

/**
 * Leaked AI-prompt text in a keyword list. SEO tools sometimes write their
 * own prompt into `keywords:`, and once the list is split at commas the
 * prompt's sentences (and the comma-split pieces of them) are items too.
 *
 * An item is prompt text when
 *   1. it matches one of `rules.patterns` (by default: ends with a colon;
 *      starts "Sure,", "Here are", "As an AI", "I'm sorry"; mentions
 *      "long-tail keywords"), or
 *   2. it has more than `rules.maxWords` words (a sentence, not a keyword), or
 *   3. it holds a sentence break: `. ` followed by an upper-case letter (not
 *      after an abbreviation such as `U.S.` or `Dr.`), or it ends with `.`,
 *      `?` or `!` and has at least 6 words.
 * And a prompt sentence split at its commas leaves fragments that look like
 * keywords, so: the last item ending in a colon (`:` or `：`) and every item
 * before it are prompt text too, when that colon item is one of the first 5 items,
 * or when everything before it is prompt-like anyway (prompt text by 1–3, or
 * a fragment: three or more words starting with a lower-case letter).
 *
 * Words are runs separated by white space, so a long CJK keyword written
 * without spaces counts as one word and stays.
 *
 * Keeps: ordinary keywords, however phrased: `How to Fix Full Screen Not
 * Working on Windows 10`, `C++: the good parts` (a colon inside is fine),
 * `Node.js`, `U.S. tax guide`, `What Is RAID?` (a short question), `修复`.
 * The one cost of the colon rule: a short list that ends in a heading
 * (`printer, drivers, Summary:`) loses all three items.
 *
 * @example
 *   dropPromptText(['Analyze the main topics of the title:', 'printer driver'], defaultPromptTextRules)
 *   // → {kept: ['printer driver'], dropped: ['Analyze the main topics of the title:']}
 */

/** What marks an item of a keyword list as prompt text. */
export interface PromptTextRules {
  /** An item matching any of these is prompt text (e.g. ends with a colon; starts "Sure,"/"Here are"/"As an AI"/"I'm sorry"; contains "long-tail keywords"). */
  readonly patterns: readonly RegExp[]
  /** An item with more words than this is a sentence, not a keyword. */
  readonly maxWords: number
}

/** The items of a keyword list, parted; both keep the list's order and the items' spelling. */
export interface PromptTextResult {
  readonly kept: string[]
  readonly dropped: string[]
}

/** A colon item among this many first items takes everything before it. */
const COLON_ITEM_WINDOW = 5
/** An item ending in `.`, `?` or `!` is a sentence from this many words on. */
const SENTENCE_MIN_WORDS = 6

const ENDS_WITH_COLON = /[:：]\s*$/u
const SENTENCE_BREAK = /\.\s+(?=\p{Lu})/gu
const ENDS_AS_SENTENCE = /[.?!]\s*$/u
const FRAGMENT_START = /^\s*\p{Ll}/u
/** Words that end in a dot without ending a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs', 'jr', 'sr', 'no', 'fig', 'inc', 'ltd', 'co', 'approx'])

/**
 * The default rules (to move to the YAML rule data later): a trailing colon,
 * an assistant's opening or refusal, and "long-tail keywords"; 12 words at
 * most (`How to Fix Full Screen Not Working on Windows 10` has 10).
 */
export const defaultPromptTextRules: PromptTextRules = Object.freeze({
  patterns: Object.freeze([
    ENDS_WITH_COLON,
    // An assistant's opening; "Sure" alone is what the comma split leaves of "Sure, here are …".
    /^\s*(?:sure|certainly|absolutely|of course)\s*(?:[,!.]|$)/iu,
    /^\s*here(?:'s|’s| is| are)\b/iu,
    /^\s*as an ai\b/iu,
    /\bas an ai language model\b/iu,
    /^\s*i(?:'m|’m| am) sorry\b/iu,
    /^\s*i (?:cannot|can't|can’t|can not)\b/iu,
    /\blong[- ]tail keywords?\b/iu,
  ]),
  maxWords: 12,
})

function wordCount(item: string): number {
  let count = 0
  for (const word of item.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(word)) count++
  return count
}

/** Whether the dot at `index` closes an abbreviation (`U.S.`, `e.g.`, `Dr.`). */
function isAbbreviation(item: string, index: number): boolean {
  const word = /(?:^|\s)([\p{L}.]+)$/u.exec(item.slice(0, index))?.[1]
  if (word === undefined) return false
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())
}

function hasSentenceBreak(item: string, words: number): boolean {
  for (const match of item.matchAll(SENTENCE_BREAK)) if (!isAbbreviation(item, match.index)) return true
  return words >= SENTENCE_MIN_WORDS && ENDS_AS_SENTENCE.test(item)
}

/** Rules 1–3 of the header: the item alone is prompt text. */
function isPromptItem(item: string, rules: PromptTextRules): boolean {
  // `search` ignores `lastIndex`, so a pattern with the `g` flag holds no state here.
  if (rules.patterns.some((pattern) => item.search(pattern) >= 0)) return true
  const words = wordCount(item)
  return words > rules.maxWords || hasSentenceBreak(item, words)
}

/**
 * Part keyword items into kept items and prompt text, by the rules in this
 * module's header.
 *
 * @throws RangeError when `rules.maxWords` is not a positive integer.
 */
export function dropPromptText(items: readonly string[], rules: PromptTextRules): PromptTextResult {
  if (!Number.isInteger(rules.maxWords) || rules.maxWords < 1) {
    throw new RangeError(`maxWords must be a positive integer, got ${rules.maxWords}`)
  }
  const prompt = items.map((item) => isPromptItem(item, rules))
  let lastColon = -1
  items.forEach((item, index) => {
    if (ENDS_WITH_COLON.test(item)) lastColon = index
  })
  if (lastColon >= 0) {
    const promptLike = (item: string, index: number): boolean =>
      prompt[index] === true || ENDS_WITH_COLON.test(item) || (FRAGMENT_START.test(item) && wordCount(item) >= 3)
    const before = items.slice(0, lastColon)
    if (lastColon < COLON_ITEM_WINDOW || before.every(promptLike)) prompt.fill(true, 0, lastColon + 1)
  }
  const kept: string[] = []
  const dropped: string[] = []
  items.forEach((item, index) => (prompt[index] ? dropped : kept).push(item))
  return {kept, dropped}
}

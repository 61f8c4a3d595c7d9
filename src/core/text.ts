/**
 * Word counts and reading time: how the record's statistics and the rules
 * that weigh prose (duplicate-paragraph, link-farm, the frontmatter
 * description) measure text. One definition, so a "word" is the same thing
 * everywhere. Pure; no `node:*`.
 *
 * @example
 *   countWords("It's 42 — 東京")  // → 4 (`It's`, `42`, `東`, `京`)
 *   readingMinutes(231)          // → 2
 */

const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/** Count words: runs of letters/digits, and each CJK character as a word. */
export function countWords(text: string): number {
  let count = 0
  for (const _ of text.matchAll(WORD)) count++
  return count
}

/**
 * Reading time in whole minutes: `words / wordsPerMinute` (default 230)
 * rounded up, so any non-zero count reads in at least 1 minute; 0 words is 0.
 *
 * @throws RangeError for a negative or non-finite word count, or a
 *   `wordsPerMinute` that is not a positive finite number.
 */
export function readingMinutes(words: number, wordsPerMinute = 230): number {
  if (!Number.isFinite(words) || words < 0) throw new RangeError(`words must be a non-negative number, got ${words}`)
  if (!Number.isFinite(wordsPerMinute) || wordsPerMinute <= 0) {
    throw new RangeError(`wordsPerMinute must be a positive number, got ${wordsPerMinute}`)
  }
  return Math.ceil(words / wordsPerMinute)
}

/**
 * The document's language and the stopword density of a block in it, the
 * measure jusText separates prose from chrome with: prose is full of
 * function words ("the", "of", "的", "은"), menus and tickers are not.
 *
 * No `Intl.Segmenter` (slow, and its word breaks change with the ICU version,
 * so fixtures would not be stable): space-delimited scripts are split on
 * letters; Han and Kana runs are covered by a greedy longest match of the
 * language's list (density = covered characters / Han and Kana characters);
 * Hangul words count when they end in a particle or verb ending.
 *
 * The language is decided once per document: Hangul, then Kana, then Han by
 * their share of letters; otherwise a vote of the stopword lists over the
 * longer blocks (the list with most hits wins). Undecided (`und`) means the
 * classifier judges by length and links only (jusText's language-independent
 * mode).
 */
import type {Block} from '../../core/blocks.js'
import type {ChromeLanguage} from './section.js'

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu
const HAN_OR_KANA_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu
const HANGUL_WORD = /\p{Script=Hangul}+/gu

/** Letters and the CJK scripts among them, counted by code unit ranges (a loop: a regex per character is slow). */
function scriptCounts(text: string): {letters: number; hangul: number; kana: number; han: number} {
  const counts = {letters: 0, hangul: 0, kana: 0, han: 0}
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) counts.letters++
    } else if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) {
      counts.letters++
      counts.hangul++
    } else if (code >= 0x3040 && code <= 0x30ff) {
      counts.letters++
      counts.kana++
    } else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) {
      counts.letters++
      counts.han++
    } else if (
      code >= 0xc0 &&
      !(code >= 0x2000 && code <= 0x2bff) &&
      !(code >= 0x3000 && code <= 0x303f) &&
      !(code >= 0xff00 && code <= 0xff20)
    ) {
      counts.letters++
    }
  }
  return counts
}

/** The document's language among `languages`, or undefined (`und`). */
export function documentLanguage(blocks: readonly Block[], languages: readonly ChromeLanguage[]): ChromeLanguage | undefined {
  const text = blocks
    .filter(
      (block) =>
        block.kind === 'paragraph' || block.kind === 'quote' || block.kind === 'list' || block.kind === 'html' || block.kind === 'heading',
    )
    .map((block) => block.text)
    .join('\n')
  const scripts = scriptCounts(text)
  if (scripts.letters === 0) return undefined
  const byId = (id: string) => languages.find((language) => language.id === id)
  if (scripts.hangul / scripts.letters >= 0.3) return byId('ko')
  if (scripts.kana / scripts.letters >= 0.1) return byId('ja')
  if ((scripts.han + scripts.kana) / scripts.letters >= 0.3) return byId('zh') ?? byId('ja')
  const votes = new Map<ChromeLanguage, number>()
  const candidates = languages.filter((language) => language.match === 'words')
  // Four hundred words decide it; the rest of a long article would only repeat the vote.
  let budget = 400
  for (const block of blocks) {
    if (block.words < 8 || block.linkDensity > 0.5) continue
    if (budget <= 0) break
    budget -= block.words
    for (const [word] of block.text.toLowerCase().matchAll(WORD)) {
      for (const language of candidates) if (language.stopwords.has(word)) votes.set(language, (votes.get(language) ?? 0) + 1)
    }
  }
  let best: ChromeLanguage | undefined
  let bestVotes = 0
  let second = 0
  for (const [language, hits] of votes) {
    if (hits > bestVotes) {
      second = bestVotes
      best = language
      bestVotes = hits
    } else if (hits > second) second = hits
  }
  // Too few hits, or a tie: undecided.
  return bestVotes >= 5 && bestVotes > second * 1.2 ? best : undefined
}

/** The share of `text` that is stopwords of `language` (0–1), as the language's `match` measures it. */
export function stopwordDensity(text: string, language: ChromeLanguage): number {
  if (language.match === 'han-longest') return hanDensity(text, language)
  if (language.match === 'suffixes') return suffixDensity(text, language)
  let words = 0
  let hits = 0
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    words++
    if (language.stopwords.has(word)) hits++
  }
  return words === 0 ? 0 : hits / words
}

/** Covered share of the Han and Kana characters: greedy longest match of the list at each position. */
function hanDensity(text: string, language: ChromeLanguage): number {
  let total = 0
  let covered = 0
  const longest = Math.min(language.longest, 8)
  for (const [run] of text.matchAll(HAN_OR_KANA_RUN)) {
    total += run.length
    let at = 0
    while (at < run.length) {
      let length = Math.min(longest, run.length - at)
      while (length > 0 && !language.stopwords.has(run.slice(at, at + length))) length--
      if (length > 0) {
        covered += length
        at += length
      } else at++
    }
  }
  return total === 0 ? 0 : covered / total
}

/** Share of Hangul words that end in one of the language's suffixes (particles, verb endings). */
function suffixDensity(text: string, language: ChromeLanguage): number {
  let words = 0
  let hits = 0
  for (const [word] of text.matchAll(HANGUL_WORD)) {
    words++
    if (word.length > 1 && language.suffixes.some((suffix) => word.endsWith(suffix))) hits++
  }
  return words === 0 ? 0 : hits / words
}

/**
 * feed-footer: remove the footers that feeds and cross-posting add at the end
 * of an article.
 *
 * A footer is a whole block — a paragraph, or an HTML element such as
 * `<p>The post <a href="…">X</a> appeared first on <a href="…">Y</a>.</p>` —
 * whose entire text matches one of `rules: feedFooter.patterns`:
 * - feed aggregators: `This post appeared first on "Feed". [Read the entire article here](…)`;
 * - WordPress's RSS footer, `The post X appeared first on Y.`, and its real
 *   translations (`Der Beitrag X erschien zuerst auf Y.`, `La entrada X se
 *   publicó primero en Y.`, `O post X apareceu primeiro em Y.`, `L'article X
 *   est apparu en premier sur Y.`, Italian and Dutch);
 * - cross-post notes: `*Originally published at [example.com](…) on May 3,
 *   2018.*` (Medium), `This article was originally published on my blog`
 *   (Hashnode, dev.to), `Cross-posted from …`, `Also published here`, a lone
 *   `[Read the entire article](…)` or `Continue reading →` link, and the same
 *   notes in French, German, Spanish, Portuguese and Italian.
 * Footers glued together in one paragraph go together. The aggregator and
 * WordPress footers (patterns marked `trailing`) are also found glued after
 * the last sentence of a paragraph that stays ("… regular. This post
 * appeared first on …"): then only the footer's sentences go.
 *
 * A footer must stand among the last `feedFooter.tailBlocks` (4) blocks of
 * the article. What does not count, so that removing it never brings another
 * block into reach and cleaning stays idempotent: blocks that are
 * boilerplate themselves (footers, calls to action, whether or not that rule
 * is on), headings, rules, link definitions, embeds the sanitiser may drop,
 * later copies of a paragraph (duplicate-paragraph may drop them) and what
 * earlier rules removed; a list counts as the items it keeps (lists split by
 * an ad merge once the ad is gone). A thematic break (`---`, `***`, `<hr>`)
 * goes too when everything after it went: it was only there to set the
 * footer off. A top-level block that is an exact copy of a footer found at
 * the end goes wherever it stands (an aggregator that glued a feed's
 * excerpt and its whole post holds the footer twice).
 *
 * Keeps: a sentence that mentions first publication inside a longer
 * paragraph ("The idea was originally published at MIT in 1980, and …",
 * "… and this post appeared first on a forum in 2009 before …"),
 * anything higher up in the article that is not a copy of the end's footer, block quotes, list items, code blocks
 * and any block holding code (a footer shown as an example), and a rule that
 * separates the footer from content that stays (an author bio).
 *
 * @example
 *   Last paragraph of the article.
 *
 *   ---
 *
 *   *Originally published at [blog.example.com](https://blog.example.com/p) on May 3, 2018.*
 *   → "Last paragraph of the article.\n"
 *
 * The walk from the end of the article ({@link findTailBoilerplate}) lives in
 * `core/tail.ts` and is shared with the `call-to-action` rule; this module
 * keeps the footer tests, which that rule uses too ({@link isFeedFooter},
 * {@link isFooter}, {@link withoutGluedFooter}).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {isRemovalMessage, isRemoved, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan} from '../../engine/span.js'
import {findTailBoilerplate, type TailBlock, type TextBlock} from '../../core/tail.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {section} from './section.js'

export const meta = {
  id: 'feed-footer',
  description: 'Feed and cross-post footers ("The post X appeared first on Y.", "Originally published at …").',
  removalOnly: true,
  group: 'spam',
  shapes: ['block', 'inline', 'html'],
} as const

/** Sentence starts in one-line plain text: after `.!?…` (and closing quotes or brackets) and spaces. */
const SENTENCE_START = /(?<=[.!?…]["')\]]*) +(?=\S)/g
/** The first two words of a sentence, as they may be written in the source. */
const FIRST_WORDS = /^\S+(?: \S+)?/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A pattern for words of the plain text as the source may write them: any white space, curly or straight quotes. */
function sourcePattern(words: string): RegExp {
  const body = escapeRegExp(words).replace(/ /g, '\\s+').replace(/'/g, "['‘’]").replace(/"/g, '["“”]')
  return new RegExp(body, 'g')
}

/**
 * Where a footer glued after a paragraph's last sentence starts in the
 * source ("… should be regular. This post appeared first on "DB Notes".
 * [Read the entire article here](…)"), for the footer patterns marked
 * `trailing`. The footer is the longest run of whole sentences at the end of
 * the paragraph that one pattern matches entirely.
 */
function gluedFooter(block: TailBlock, source: string, footers: RuleSet['feedFooter']): {start: number; id: string} | undefined {
  if (block.node?.type !== 'paragraph') return undefined
  const plain = block.text.replace(/\n/g, ' ')
  const glued = gluedSuffix(plain, footers, block.urls.length > 0)
  if (!glued) return undefined
  const start = suffixStart(source, block.start, block.end, plain.slice(glued.at))
  return start === undefined ? undefined : {start, id: glued.id}
}

/**
 * Where the footers glued after the last sentence of `plain` start: the
 * longest run of whole sentences at its end (not all of it) that a
 * `trailing` footer pattern matches, and any such runs right before it
 * (two feeds' footers glued one after the other).
 */
function gluedSuffix(plain: string, footers: RuleSet['feedFooter'], hasLink: boolean): {at: number; id: string} | undefined {
  if (!footers.hasTrailing || !footers.mayEnd(plain.toLowerCase())) return undefined
  let glued: {at: number; id: string} | undefined
  for (let end = plain.length; ; ) {
    const found = lastGluedFooter(plain.slice(0, end).trimEnd(), footers, hasLink)
    if (!found) return glued
    glued = {at: found.at, id: glued ? `${found.id}, ${glued.id}` : found.id}
    end = found.at
  }
}

/** The longest run of whole sentences ending `plain` (not all of it) that a `trailing` pattern matches. */
function lastGluedFooter(plain: string, footers: RuleSet['feedFooter'], hasLink: boolean): {at: number; id: string} | undefined {
  SENTENCE_START.lastIndex = 0
  let found: RegExpExecArray | null
  while ((found = SENTENCE_START.exec(plain))) {
    const at = found.index + found[0].length
    if (plain.length - at > footers.maxLength) continue
    const matcher = footers.matchEnd(plain.slice(at), hasLink)
    if (matcher) return {at, id: matcher.id}
  }
  return undefined
}

/**
 * The source offset where the plain-text `suffix` of a paragraph starts: the
 * occurrence of its first words that has as many occurrences after it in the
 * source as the suffix has after its start. Undefined when the source does
 * not show them, or when they follow a letter or digit (not a sentence start)
 * or the footer's source holds code.
 */
function suffixStart(source: string, from: number, to: number, suffix: string): number | undefined {
  const words = FIRST_WORDS.exec(suffix)?.[0]
  if (!words) return undefined
  const pattern = sourcePattern(words)
  const inSuffix = suffix.match(pattern)?.length ?? 0
  const slice = source.slice(from, to)
  const offsets = [...slice.matchAll(pattern)].map((match) => from + match.index)
  const start = offsets[offsets.length - inSuffix]
  if (start === undefined || start === from) return undefined
  let before = start - 1
  while (before > from && /\s/.test(source[before]!)) before--
  if (LETTER_OR_DIGIT.test(source[before]!)) return undefined
  const footer = source.slice(start, to)
  return footer.includes('`') || /<(?:code|pre)\b/i.test(footer) ? undefined : start
}

/**
 * A test for the sentences of a block that are feed footers (a footer glued
 * to a call to action): the call-to-action rule counts them as neither
 * prompt nor content, so the block reads the same before and after this rule
 * removed the footer.
 */
export function isFooter(rules: RuleSet, block: TextBlock): (sentence: string) => boolean {
  const hasLink = block.urls.length > 0
  return (sentence) => rules.feedFooter.match(sentence.trim(), hasLink) !== undefined
}

/**
 * A block's text without a footer glued after its last sentence: what the
 * call-to-action rule judges, so a prompt with a footer glued to it reads the
 * same before and after this rule removed the footer.
 */
export function withoutGluedFooter(rules: RuleSet, block: TextBlock): string {
  const glued = gluedSuffix(block.text.replace(/\n/g, ' '), rules.feedFooter, block.urls.length > 0)
  return glued ? block.text.slice(0, glued.at).trim() : block.text
}

/** Whether a block is a feed footer whole, or footers glued together (`*Originally published …* The post … appeared first on …`). */
export function isFeedFooter(rules: RuleSet, block: TextBlock): boolean {
  const footers = rules.feedFooter
  const plain = block.text.replace(/\n/g, ' ')
  const hasLink = block.urls.length > 0
  if (footers.match(plain, hasLink)) return true
  const glued = gluedSuffix(plain, footers, hasLink)
  return glued !== undefined && footers.match(plain.slice(0, glued.at).trim(), hasLink) !== undefined
}

/** Report every feed-footer span in the tree. */
export function findFeedFooters(tree: Root, file: VFile, rules: RuleSet): void {
  const footers = rules.feedFooter
  if (footers.patterns.length === 0) return
  const source = String(file.value)
  findTailBoilerplate(tree, file, {
    ruleId: meta.id,
    tailBlocks: footers.tailBlocks,
    match(block) {
      const plain = block.text.replace(/\n/g, ' ')
      const hasLink = block.urls.length > 0
      const matcher = footers.match(plain, hasLink)
      if (matcher) return `Feed footer (${matcher.id})`
      // Footers glued together ("*Originally published at …*" and a WordPress footer on the next line) go as one.
      const glued = gluedSuffix(plain, footers, hasLink)
      const first = glued && footers.match(plain.slice(0, glued.at).trim(), hasLink)
      return first ? `Feed footers (${first.id}, ${glued.id})` : undefined
    },
    matchEnd(block) {
      const glued = gluedFooter(block, source, footers)
      return glued ? {start: glued.start, reason: `Feed footer glued to the last sentence (${glued.id})`} : undefined
    },
    isBoilerplate: (block) => rules.callToAction.match(withoutGluedFooter(rules, block), block.urls, isFooter(rules, block)) !== undefined,
    breakReason: 'Rule that only set off a feed footer',
  })
  removeCopiesOfFooters(tree, file, source)
}

/** Text compared for sameness: white space collapsed. */
function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A feed gives an aggregator the excerpt and the whole post, each with the
 * footer; glued together, the article holds the footer twice, once after the
 * excerpt. A top-level block that is exactly a footer found at the end (the
 * same words, white space aside) is that footer again, wherever it stands.
 * Only exact copies of a footer this rule already took: a footer-like
 * sentence higher up with no twin at the end stays.
 */
function removeCopiesOfFooters(tree: Root, file: VFile, source: string): void {
  const taken = new Set<string>()
  for (const message of file.messages) {
    if (isRemovalMessage(message) && message.ruleId === meta.id) taken.add(collapsed(message.actual))
  }
  taken.delete('')
  if (taken.size === 0) return
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'html') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || isRemoved(file, start, end)) continue
    if (!taken.has(collapsed(source.slice(start, end)))) continue
    reportRemoval(file, {
      ruleId: meta.id,
      reason: 'Feed footer again, a copy of the one at the end',
      shape: 'block',
      ...blockSpan(source, start, end),
    })
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findFeedFooters, section)

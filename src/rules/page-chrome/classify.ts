/**
 * The classifier of page-chrome: jusText on Markdown blocks.
 *
 * First each block alone ({@link classifyBlock}): code, tables, in-page
 * tables of contents and quotes of prose are `keep`; page metadata
 * (counters, read times, copyright lines), menus and tag or related lists
 * (lists of lone short links) and link-dense blocks are `bad`; short blocks
 * are `short` (or `bad` with links); longer ones are `good` or `near-good`
 * by their share of stopwords, `bad` without. Then the context pass
 * ({@link reviseByContext}): a `short` or `near-good` block takes the class
 * of the good or bad blocks round it, the document's edges counting as bad —
 * so a short line between two paragraphs is content, and between a menu and a
 * share row it is chrome. Headings take the class of the block they head.
 */
import type {Block} from '../../core/blocks.js'
import {stopwordDensity} from './language.js'
import type {ChromeLanguage, PageChromeRules} from './section.js'

/** A block's class: fixed (`good`, `bad`, `keep`), or to be decided by context (`near-good`, `short`); `skip`: not weighed. */
export type ChromeClass = 'good' | 'near-good' | 'short' | 'bad' | 'keep' | 'skip'

/** What the classifier found about a block. */
export interface Judged {
  readonly block: Block
  /** The class of the block alone. */
  readonly alone: ChromeClass
  /** The class after the context pass (`good`, `bad`, `keep` or `skip`). */
  final: ChromeClass
  /** Why it is `bad` alone: `meta:<id>`, `nav-list`, `link-dense`, `short-links`, `few-stopwords`, `terminator:<id>`, `known`. */
  readonly why: string
  readonly stopwordDensity: number
  /** Weighted length (CJK characters weighed by `cjkWeight`). */
  readonly length: number
  /** The terminator this block is, if any. */
  readonly terminator?: string | undefined
  /** What earlier rules already removed (known chrome). */
  readonly known: boolean
  /** The `short`/`near-good` neighbours that decided it in the context pass, as `prev|next`. */
  context?: string
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** Classify one block alone. */
export function classifyBlock(block: Block, rules: PageChromeRules, language: ChromeLanguage | undefined, known: boolean): Judged {
  const length = block.chars + (rules.cjkWeight - 1) * block.cjk
  const density = language && block.text ? round(stopwordDensity(block.text, language)) : 0
  const judged = (alone: ChromeClass, why: string, terminator?: string): Judged => ({
    block,
    alone,
    final: alone,
    why,
    stopwordDensity: density,
    length: Math.round(length),
    terminator,
    known,
  })
  if (block.kind === 'frontmatter' || block.kind === 'definition') return judged('skip', 'not weighed')
  if (known) return judged('bad', 'known')
  if (block.kind === 'code' || block.kind === 'table' || block.hasCode) return judged('keep', block.kind)
  if (block.kind === 'break') return judged('skip', 'break')
  const terminator =
    block.kind === 'heading' || block.kind === 'paragraph' || block.kind === 'html' ? rules.terminator(block.text) : undefined
  if (terminator) return judged('bad', `terminator:${terminator}`, terminator)
  if (block.kind === 'heading') return judged('skip', 'heading')
  const meta = rules.meta(block.text)
  if (meta) return judged('bad', `meta:${meta}`)
  if (block.links > 0 && block.anchorLinks === block.links && (block.kind === 'list' || block.linkDensity > 0.5))
    return judged('keep', 'in-page links')
  if (block.kind === 'quote' && block.linkDensity <= rules.maxLinkDensity && block.sentences > 0) return judged('keep', 'quote')
  const items = block.items
  if (
    items &&
    items.count >= 2 &&
    items.linkOnly / items.count >= rules.navList.minLinkOnlyShare &&
    items.meanWords <= rules.navList.maxMeanWords
  ) {
    return judged('bad', 'nav-list')
  }
  if (block.linkDensity > rules.maxLinkDensity) return judged('bad', 'link-dense')
  if (block.kind === 'image') return judged('short', 'image')
  const low = language?.low ?? 0
  const high = language?.high ?? 0
  if (length < rules.lengthLow) {
    if (block.linkDensity > rules.shortMaxLinkDensity) return judged('bad', 'short-links')
    // A short sentence of prose (the closing line of an article) is near-good: it goes only between chrome.
    const sentence = block.links === 0 && block.sentences > 0 && language !== undefined && density >= low
    return sentence ? judged('near-good', 'short-sentence') : judged('short', 'short')
  }
  // Two sentences of prose are good however short (a Chinese paragraph of 60 characters).
  if (density >= high) return judged(length > rules.lengthHigh || block.sentences >= 2 ? 'good' : 'near-good', 'stopwords')
  if (density >= low) return judged('near-good', 'stopwords')
  if (block.sentences >= 2 && block.links === 0) return judged('near-good', 'sentences')
  return judged('bad', 'few-stopwords')
}

/**
 * Whether the block takes part in the context pass. What earlier rules
 * removed counts as bad next to a short block (a date line beside a share
 * widget is chrome too), and not at all next to prose (an ad between two
 * paragraphs says nothing about them).
 */
function weighed(judged: Judged, knownCounts: boolean): boolean {
  return judged.alone !== 'skip' && (knownCounts || !judged.known)
}

function fixedClass(judged: Judged): 'good' | 'bad' | undefined {
  if (judged.alone === 'good' || judged.alone === 'keep') return 'good'
  if (judged.alone === 'bad') return 'bad'
  return undefined
}

/**
 * The nearest fixed class before (`step` −1) or after (+1) `index`, passing
 * over shorts (and near-goods unless `stopAtNearGood`); `bad` at an edge.
 */
function neighbour(
  list: readonly Judged[],
  index: number,
  step: 1 | -1,
  stopAtNearGood: boolean,
  knownCounts: boolean,
): 'good' | 'bad' | 'near-good' {
  for (let at = index + step; at >= 0 && at < list.length; at += step) {
    const judged = list[at]!
    if (!weighed(judged, knownCounts)) continue
    const fixed = fixedClass(judged)
    if (fixed) return fixed
    if (stopAtNearGood && judged.alone === 'near-good') return 'near-good'
  }
  return 'bad'
}

/**
 * jusText's context pass over the blocks (in document order). `anchor`, the
 * title, counts as good. Sets each block's `final` class and `context`.
 */
export function reviseByContext(list: readonly Judged[], anchor: number | undefined): void {
  const alone = (index: number) => list[index]!.alone
  // The title is good whatever it looks like alone, and so is the first prose after it (the lead of a short article).
  const lead =
    anchor === undefined
      ? -1
      : list.findIndex((judged, index) => index > anchor && (judged.alone === 'good' || judged.alone === 'near-good'))
  const view: Judged[] = list.map((judged, index) => (index === anchor || index === lead ? {...judged, alone: 'good' as const} : judged))
  list.forEach((judged, index) => {
    if (alone(index) !== 'short' || index === anchor) return
    const previous = neighbour(view, index, -1, false, true)
    const next = neighbour(view, index, 1, false, true)
    judged.context = `${previous}|${next}`
    if (previous === 'good' && next === 'good') judged.final = 'good'
    else if (previous === 'bad' && next === 'bad') judged.final = 'bad'
    else {
      const nearBefore = previous === 'bad' && neighbour(view, index, -1, true, true) === 'near-good'
      const nearAfter = next === 'bad' && neighbour(view, index, 1, true, true) === 'near-good'
      judged.final = nearBefore || nearAfter ? 'good' : 'bad'
    }
  })
  list.forEach((judged, index) => {
    if (alone(index) !== 'near-good' || index === anchor) return
    const previous = neighbour(view, index, -1, false, false)
    const next = neighbour(view, index, 1, false, false)
    judged.context = `${previous}|${next}`
    judged.final = previous === 'bad' && next === 'bad' ? 'bad' : 'good'
  })
  list.forEach((judged, index) => {
    if (judged.final === 'keep') judged.final = 'good'
    if (index === anchor || index === lead) judged.final = 'good'
  })
  // A heading belongs to what it heads: the class of the next weighed block (bad at the end).
  for (let index = list.length - 1, next: ChromeClass = 'bad'; index >= 0; index--) {
    const judged = list[index]!
    if (judged.why === 'heading' && index !== anchor) {
      judged.final = next
      judged.context = `heads ${next}`
    } else if (weighed(judged, false)) next = judged.final
  }
}

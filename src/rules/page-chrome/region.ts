/**
 * Where the article sits in a page: its title (the anchor), the whole-page
 * gate (is this file a scrape of a whole page, menus and all?) and the body
 * region the chrome lies round.
 *
 * The anchor is the heading that matches the frontmatter's `title`; without
 * a title, the first H1 (then H2) that heads a good block, then the first H1,
 * then the first good block. With a title that no heading matches, only an
 * H1 heading a good block: else the file starts with its text, and nothing
 * is chrome by position.
 *
 * The gate, on the blocks before the anchor (the head): at least
 * `headMinBlocks` blocks, `headMinLinks` links, a link density of
 * `headMinLinkDensity` over the head's text, and either a list of
 * `navListMinItems` lone short links or `headMinDenseBlocks` link-dense
 * blocks — a menu, sign-in links, breadcrumbs. Or a link-dense tail
 * (`tailMin*`: related lists, footer columns) below a head that still has
 * `tailHeadMinLinks` links at that link density (a blog's compact header).
 * Tables of contents (in-page links) and rows of images (badges, logos) do
 * not count: a README has them above its title. Never when the head holds
 * more prose than `headMaxProseShare` of the text's. A clean article, a
 * README with a badge row, a translated post with a link-dense note above
 * the title do not pass (none of the files of the test corpora does).
 */
import type {RootContent} from 'mdast'
import type {Block} from '../../core/blocks.js'
import type {Judged} from './classify.js'
import type {PageChromeRules} from './section.js'

/** How the anchor was found. */
export type AnchorKind = 'title' | 'h1' | 'h2' | 'first-h1' | 'first-good'

export interface Anchor {
  /** Index in the judged list. */
  readonly at: number
  readonly kind: AnchorKind
}

const FRONTMATTER_TITLE = /^title\s*[:=]\s*(.+?)\s*$/m
const QUOTED = /^(["'])(.*)\1$/
const SITE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{1,40}$/u
const NON_WORD = /[^\p{L}\p{N}]+/gu

function normalised(text: string): string {
  return text.toLowerCase().replace(NON_WORD, ' ').trim()
}

/** The frontmatter's `title`, if the file has one on one line. */
export function frontmatterTitle(blocks: readonly Block[]): string | undefined {
  const first = blocks[0]
  return first?.kind === 'frontmatter' ? frontmatterNodeTitle(first.node) : undefined
}

/** The `title` of a frontmatter node (YAML or TOML), if it has one on one line; undefined for any other node. */
export function frontmatterNodeTitle(node: RootContent | undefined): string | undefined {
  if (!node || (node.type !== 'yaml' && (node.type as string) !== 'toml') || !('value' in node)) return undefined
  const raw = FRONTMATTER_TITLE.exec(String(node.value))?.[1]
  if (!raw) return undefined
  // "The title | Site name": the page title's site suffix is not in the heading.
  const title = normalised(raw.replace(QUOTED, '$2').replace(SITE_SUFFIX, ''))
  return title.length > 0 ? title : undefined
}

/** Whether a heading's normalised text nearly matches the (normalised) title: holds it, or most of it. */
function isNearTitle(text: string, title: string): boolean {
  return text.length >= 4 && (text.includes(title) || (title.includes(text) && text.length >= 0.6 * title.length))
}

/** Whether a heading whose text (white space collapsed) is `text` may be the title {@link findAnchor} anchors on by the frontmatter's `title`. */
export function mayMatchTitle(text: string, title: string): boolean {
  const heading = normalised(text)
  return heading === title || isNearTitle(heading, title)
}

/** Whether the heading at `index` heads prose: a good block within `maxHeadingDistance`, past its own sub-headings. */
function headsGood(list: readonly Judged[], index: number, rules: PageChromeRules): boolean {
  let distance = 0
  const depth = list[index]!.block.depth
  for (let at = index + 1; at < list.length; at++) {
    const judged = list[at]!
    if (judged.alone === 'skip' && judged.why !== 'heading') continue
    if (judged.alone === 'good' || judged.alone === 'near-good' || judged.alone === 'keep') return true
    if (judged.why === 'heading') {
      if (judged.block.depth > depth) continue
      return false
    }
    distance += judged.length
    if (distance > rules.maxHeadingDistance) return false
  }
  return false
}

/** The article's title block, or undefined when the file has none to anchor on. */
export function findAnchor(list: readonly Judged[], rules: PageChromeRules): Anchor | undefined {
  const title = frontmatterTitle(list.map((judged) => judged.block))
  const headings = list.map((judged, at) => ({judged, at})).filter(({judged}) => judged.block.kind === 'heading')
  if (title) {
    const exact = headings.find(({judged}) => normalised(judged.block.text) === title)
    const near = exact ?? headings.find(({judged}) => isNearTitle(normalised(judged.block.text), title))
    if (near) return {at: near.at, kind: 'title'}
  }
  // With a title no heading matches, only an H1 heading a good block can be the title.
  for (const depth of title ? ([1] as const) : ([1, 2] as const)) {
    const found = headings.find(({judged, at}) => judged.block.depth === depth && !judged.terminator && headsGood(list, at, rules))
    if (found) return {at: found.at, kind: depth === 1 ? 'h1' : 'h2'}
  }
  if (title) return undefined
  const firstH1 = headings.find(({judged}) => judged.block.depth === 1)
  if (firstH1) return {at: firstH1.at, kind: 'first-h1'}
  const firstGood = list.findIndex((judged) => judged.alone === 'good')
  return firstGood === -1 ? undefined : {at: firstGood, kind: 'first-good'}
}

/** What the gate measured: whether the file is a whole-page scrape, and why. */
export interface Gate {
  readonly wholePage: boolean
  /** `head` or `tail`: the test that passed; `none`. */
  readonly trigger: 'head' | 'tail' | 'none'
  readonly headBlocks: number
  readonly headLinks: number
  readonly headLinkDensity: number
  readonly tailLinks: number
  readonly tailLinkDensity: number
}

interface Sum {
  blocks: number
  links: number
  chars: number
  linkChars: number
  dense: number
  navList: boolean
}

function sum(list: readonly Judged[], rules: PageChromeRules): Sum {
  const total: Sum = {blocks: 0, links: 0, chars: 0, linkChars: 0, dense: 0, navList: false}
  for (const {block, alone, why} of list) {
    if (alone === 'skip' && block.kind !== 'heading') continue
    // A table of contents is the article's, a row of badges or logos a README's: neither says "site menu".
    if (why === 'in-page links' || block.kind === 'image') continue
    total.blocks++
    total.links += block.links
    total.chars += block.chars
    total.linkChars += block.linkChars
    if (block.linkDensity >= 0.5 && block.links > 0) total.dense++
    const items = block.items
    if (items && items.count >= rules.wholePage.navListMinItems && items.linkOnly / items.count >= rules.navList.minLinkOnlyShare)
      total.navList = true
  }
  return total
}

/** Decide whether the file is a whole-page scrape, from its head (blocks before the anchor) and its tail (after the body). */
export function wholePageGate(head: readonly Judged[], tail: readonly Judged[], bodyProse: number, rules: PageChromeRules): Gate {
  const limits = rules.wholePage
  const top = sum(head, rules)
  // Prose above the title that rivals the text below it: the title is not where the article starts.
  const headProse = goodChars(head, 0, head.length)
  if (headProse > limits.headMaxProseShare * bodyProse) {
    return {
      wholePage: false,
      trigger: 'none',
      headBlocks: top.blocks,
      headLinks: top.links,
      headLinkDensity: 0,
      tailLinks: 0,
      tailLinkDensity: 0,
    }
  }
  const bottom = sum(tail, rules)
  const headLinkDensity = top.chars === 0 ? 0 : top.linkChars / top.chars
  const tailLinkDensity = bottom.chars === 0 ? 0 : bottom.linkChars / bottom.chars
  const headPasses =
    top.blocks >= limits.headMinBlocks &&
    top.links >= limits.headMinLinks &&
    headLinkDensity >= limits.headMinLinkDensity &&
    (top.navList || top.dense >= limits.headMinDenseBlocks)
  const tailPasses =
    bottom.blocks >= limits.tailMinBlocks &&
    bottom.links >= limits.tailMinLinks &&
    tailLinkDensity >= limits.tailMinLinkDensity &&
    top.links >= limits.tailHeadMinLinks &&
    headLinkDensity >= limits.headMinLinkDensity
  return {
    wholePage: headPasses || tailPasses,
    trigger: headPasses ? 'head' : tailPasses ? 'tail' : 'none',
    headBlocks: top.blocks,
    headLinks: top.links,
    headLinkDensity: Math.round(headLinkDensity * 100) / 100,
    tailLinks: bottom.links,
    tailLinkDensity: Math.round(tailLinkDensity * 100) / 100,
  }
}

/** The body region: from the anchor to its last good block before the first terminator (inclusive indices). */
export interface Region {
  readonly start: number
  /** Characters of good blocks in the region. */
  readonly prose: number
  /** First good block after the anchor (where the text starts), or `end + 1`. */
  readonly bodyStart: number
  readonly end: number
  /** The terminator that ends the article, if one does. */
  readonly terminator?: number | undefined
}

function goodChars(list: readonly Judged[], from: number, to: number): number {
  let chars = 0
  for (let at = from; at < to; at++) if (list[at]!.final === 'good' && list[at]!.block.kind !== 'heading') chars += list[at]!.block.chars
  return chars
}

function proseChars(list: readonly Judged[], from: number, to: number): number {
  let chars = 0
  for (let at = from; at < to; at++) {
    const {alone, block} = list[at]!
    if ((alone === 'good' || alone === 'near-good') && block.kind !== 'heading') chars += block.chars
  }
  return chars
}

/**
 * The judged list with only the terminator that ends the article after
 * `anchor` left: the first one after which no code or table follows (a
 * tutorial's "Comments" section is content) and whose prose after it
 * (comments) is less than half the prose before it (a "Read more" heading in
 * the middle of an article is not one). The others become what they would
 * be without their words: a heading, or a short block. Prose is judged alone
 * (before the context pass, which the terminators take part in).
 */
export function settleTerminators(list: readonly Judged[], anchor: number): Judged[] {
  let ended = false
  return list.map((judged, at) => {
    if (judged.terminator === undefined || at <= anchor) return judged
    if (!ended) {
      const codeAfter = list.slice(at + 1).some((next) => next.alone === 'keep' && next.why !== 'quote' && next.why !== 'in-page links')
      ended = !codeAfter && proseChars(list, at + 1, list.length) <= 0.5 * proseChars(list, anchor + 1, at)
      if (ended) return judged
    }
    const heading = judged.block.kind === 'heading'
    return {
      ...judged,
      alone: heading ? 'skip' : 'short',
      final: heading ? 'skip' : 'short',
      why: heading ? 'heading' : 'short',
      terminator: undefined,
    }
  })
}

/** The body region of the judged list anchored at `anchor`. */
export function bodyRegion(list: readonly Judged[], anchor: number, maxGapBlocks: number): Region {
  // The one terminator `settleTerminators` left after the anchor, if any.
  let terminator: number | undefined = list.findIndex((judged, at) => at > anchor && judged.terminator !== undefined)
  if (terminator === -1) terminator = undefined
  const limit = terminator ?? list.length
  // The text runs on while prose follows: good after context, or prose by itself (a one-sentence
  // paragraph after an ad and a tag row is still the article's; jusText's context would drop it)
  // across at most `maxGapBlocks` chrome blocks (what earlier rules removed and headings not counted).
  let end = anchor
  let gap = 0
  for (let at = anchor + 1; at < limit; at++) {
    const {final, alone, block, known} = list[at]!
    if (known || block.kind === 'heading' || alone === 'skip') continue
    const prose = final === 'good' || ((alone === 'good' || alone === 'near-good') && gap <= maxGapBlocks)
    if (prose && (gap <= maxGapBlocks || final === 'good')) {
      end = at
      gap = 0
    } else if (alone !== 'keep') gap++
  }
  // Images and code right after the last paragraph are the article's.
  while (end + 1 < limit && (list[end + 1]!.alone === 'keep' || list[end + 1]!.block.kind === 'image')) end++
  let bodyStart = anchor + 1
  while (bodyStart <= end && list[bodyStart]!.final !== 'good') bodyStart++
  return {start: anchor, bodyStart, end, terminator, prose: goodChars(list, anchor + 1, end + 1)}
}

/**
 * site-template: remove the blocks a site's template adds to every article
 * (a header of links, a share row, a newsletter box, a footer), learned from
 * the site's other articles. Without a template index (`clean(text,
 * {templates})`, `--templates FILE`, or a batch, which learns one first)
 * the rule does nothing.
 *
 * The index (template-index.ts) counts, per site, each block's normalised
 * hash over the site's articles (`df`) and samples its neighbours. In an
 * article, a top-level block is a candidate when `df` reaches
 * `max(minArticles, minShare × articles)`; consecutive candidates (blocks
 * an earlier rule removed, and thematic breaks, between them) form a run.
 * A run goes, block by block, only when all of these hold:
 * - **not the article**: it is at most `maxRunShare` of the article's
 *   characters of text (a whole article reposted under another title is mostly
 *   itself).
 * - **at an edge**: it touches the article's start (only its title heading
 *   or removed blocks before it: zone `head`) or its end (`tail`), or a
 *   block an earlier rule removed (`beside-junk`); or, inside the article
 *   (`inside`), each block is link-dense (`linkDenseShare`): a template's
 *   "Read also" box, never a paragraph, nor a label a site's documentation
 *   repeats ("Parameters:").
 * - **varied neighbours** on the side that faces the article (after a
 *   `head` run, before a `tail` run, both sides `inside`): the blocks
 *   seen there across the site's articles are at least
 *   `minContextDiversity` distinct per occurrence (out of a sample of
 *   `contextSample`). Inside a template every block has the same
 *   neighbours; only its outer edge meets the varying article. Tutorial
 *   steps reposted between their code blocks or images (which are never
 *   candidates, so they bound the run) recur with the same neighbours, and
 *   stay (the repost networks: one install step in 106 of 301 articles).
 * - **no keep kind**: no code, table or image with alt text in it.
 * A heading that ends a run, right above the article's text, is the
 * article's (a section heading the site's authors reuse), and stays.
 *
 * Each removal says how many of the site's articles hold the block, and its
 * `features` carry the numbers (site, df, articles, share, contextDiversity,
 * runBlocks, runShare, zone).
 *
 * @example
 *   (index: 40 articles of example.com, all opening with the same menu line)
 *   [Home](/) · [News](/news) · [Login](/login)
 *
 *   # Today's article
 *   → the menu line goes: "site template: in 40 of 40 articles of example.com (100 %), …"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {RunOptions} from '../../ruleset/run-options.js'
import {section} from './section.js'
import {
  blockLinkChars,
  blockTextChars,
  hashBlocks,
  isCountedBlock,
  isKeptBlock,
  type HashedBlock,
  type SignatureOptions,
} from './signature.js'
import {siteKeyOf} from './site-key.js'
import type {SiteTemplate, TemplateEntry} from './template-index.js'

export const meta = {
  id: 'site-template',
  description:
    "Blocks a site's template repeats around its articles, learned from the site's other articles (a no-op without a template index).",
  removalOnly: true,
  group: 'chrome',
  shapes: ['block'],
} as const

/**
 * A block of the article as the rule sees it. Its hash is taken for every
 * block; the rest (whether it is kept or counted, its text and link
 * characters) only when a run needs it: most blocks are no template, and
 * most articles hold none.
 */
class Block {
  #keep: boolean | undefined
  #counted: boolean | undefined
  #textChars: number | undefined
  #linkChars: number | undefined
  constructor(
    readonly hashed: HashedBlock,
    private readonly source: string,
    private readonly options: SignatureOptions,
    /** Removed whole by an earlier rule. */
    readonly removed: boolean,
    /** The index's entry for the block's hash, if the block is counted. */
    readonly found: TemplateEntry | undefined,
  ) {}
  get start(): number {
    return this.hashed.start
  }
  get end(): number {
    return this.hashed.end
  }
  get kind(): string {
    return this.hashed.kind
  }
  /** Code, a table, or an image with alt text: never removed. */
  get keep(): boolean {
    this.#keep ??= isKeptBlock(this.hashed, this.source)
    return this.#keep
  }
  get counted(): boolean {
    this.#counted ??= isCountedBlock(this.hashed, this.keep, this.options)
    return this.#counted
  }
  get entry(): TemplateEntry | undefined {
    // Looked up first, so a block the index does not hold is never measured.
    return this.found && this.counted ? this.found : undefined
  }
  get textChars(): number {
    this.#textChars ??= blockTextChars(this.hashed, this.source)
    return this.#textChars
  }
  get linkChars(): number {
    this.#linkChars ??= blockLinkChars(this.hashed)
    return this.#linkChars
  }
}

/** Distinct neighbours on one side per occurrence, over the sample. */
function diversity(entry: TemplateEntry | undefined, side: 'prev' | 'next', sample: number): number {
  if (!entry || entry.ctxSeen === 0) return 0
  return entry[side].length / Math.min(entry.ctxSeen, sample)
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`
}

/** Report the template runs of the article. */
export function findSiteTemplates(tree: Root, file: VFile, rules: RuleSet, run: RunOptions): void {
  const index = run.templates
  if (!index || index.sites.size === 0) return
  const options = rules.siteTemplate
  const source = String(file.value)
  const siteKey = siteKeyOf(tree, file.path, rules.filterList.siteKeys)
  const site = index.sites.get(siteKey)
  if (!site || site.articles < options.minArticles) return
  const minDf = Math.max(options.minArticles, Math.ceil(options.minShare * site.articles))
  const hashed = hashBlocks(tree, source)
  // Most articles hold no block the site repeats often enough: then nothing else is measured.
  const isFrequent = (block: HashedBlock) => (site.blocks.get(block.hash)?.df ?? 0) >= minDf
  if (!hashed.some(isFrequent)) return
  const removed = removedSpans(file)
  const blocks = hashed.map(
    (block) => new Block(block, source, options, removed.covers(block.start, block.end), site.blocks.get(block.hash)),
  )
  // Shares are of text, not source: a menu line is mostly URLs, an article mostly words (summed when a run is judged).
  let articleChars: number | undefined
  const articleCharsOf = () => (articleChars ??= blocks.reduce((sum, block) => (block.removed ? sum : sum + block.textChars), 0))
  // A template block an earlier rule removed (a share row) still belongs to the run: its neighbours are the run's edge.
  const isCandidate = (block: Block) => (block.found?.df ?? 0) >= minDf && block.counted
  const isTransparent = (block: Block) => block.removed || block.kind === 'thematicBreak'

  let at = 0
  while (at < blocks.length) {
    if (!isCandidate(blocks[at]!)) {
      at++
      continue
    }
    // A run: candidates, with removed blocks and thematic breaks between them.
    let last = at
    let next = at + 1
    while (next < blocks.length) {
      if (isCandidate(blocks[next]!)) last = next
      else if (!isTransparent(blocks[next]!)) break
      next++
    }
    judgeRun(blocks, at, last, {file, source, site, siteKey, options, articleChars: articleCharsOf})
    at = last + 1
  }
}

interface RunContext {
  file: VFile
  source: string
  site: SiteTemplate
  siteKey: string
  options: RuleSet['siteTemplate']
  /** Characters of text of the blocks no earlier rule removed. */
  articleChars: () => number
}

function isHeading(block: Block): boolean {
  return /^h[1-6]$/.test(block.kind)
}

/** Whether only removed blocks (and, at the start, the title heading) stand between the run and the document's edge. */
function touchesStart(blocks: readonly Block[], first: number): boolean {
  let headings = 0
  for (let index = 0; index < first; index++) {
    const block = blocks[index]!
    if (block.removed) continue
    if (isHeading(block) && ++headings === 1) continue
    return false
  }
  return true
}

function touchesEnd(blocks: readonly Block[], last: number): boolean {
  for (let index = last + 1; index < blocks.length; index++)
    if (!blocks[index]!.removed && blocks[index]!.kind !== 'definition') return false
  return true
}

function judgeRun(blocks: readonly Block[], first: number, runLast: number, context: RunContext): void {
  const {options, site} = context
  // A heading right above the article's text introduces that text, however often the site uses it ("## What I used"):
  // it leaves the run (the run ends above it), but what follows it still tells whether the run's edge varies.
  let last = runLast
  while (last >= first && isHeading(blocks[last]!) && blocks[last + 1] !== undefined && !blocks[last + 1]!.removed) {
    last--
    while (last >= first && blocks[last]!.removed) last--
  }
  if (last < first) return
  const members = blocks.slice(first, last + 1).filter((block) => !block.removed)
  if (members.length === 0 || members.some((block) => block.keep)) return
  const runChars = members.reduce((sum, block) => sum + block.textChars, 0)
  const articleChars = context.articleChars()
  const runShare = articleChars === 0 ? 1 : runChars / articleChars
  if (runShare > options.maxRunShare) return
  // How much the blocks before the run and after it vary across the site's articles.
  const before = diversity(blocks[first]!.entry, 'prev', options.contextSample)
  const after = diversity(blocks[runLast]!.entry, 'next', options.contextSample)
  const atStart = touchesStart(blocks, first)
  const atEnd = touchesEnd(blocks, last)
  const zone =
    atStart && !atEnd
      ? 'head'
      : atEnd && !atStart
        ? 'tail'
        : atStart
          ? 'whole'
          : blocks[first]!.removed || blocks[last]!.removed || blocks[first - 1]?.removed || blocks[last + 1]?.removed
            ? 'beside-junk'
            : 'inside'
  // At an edge, the side facing the article must vary (the other is the document's start or end); inside, both.
  const contextDiversity =
    zone === 'head' ? after : zone === 'tail' ? before : zone === 'inside' ? Math.min(before, after) : Math.max(before, after)
  if (contextDiversity < options.minContextDiversity) return
  if (zone === 'inside') {
    // Short plain lines recur inside documentation on purpose ("Parameters:", "Fixable: …"): only links are chrome there.
    const chromeLike = members.every(
      (block) => block.kind === 'thematicBreak' || (block.textChars > 0 && block.linkChars / block.textChars >= options.linkDenseShare),
    )
    if (!chromeLike) return
  }
  // A thematic break inside a run goes with it; one at the run's edge belongs to the article.
  while (members.length > 0 && !members[0]!.entry) members.shift()
  while (members.length > 0 && !members[members.length - 1]!.entry) members.pop()
  if (members.length === 0) return
  const lowestDf = Math.min(...members.filter((block) => block.entry).map((block) => block.entry!.df))
  for (const segment of segments(blocks, members)) {
    // One tidy span per segment, cut at its blocks' starts: one removal (and one reason) per block, no blank line left over.
    const whole = blockSpan(context.source, segment[0]!.start, segment[segment.length - 1]!.end)
    segment.forEach((block, index) => {
      const df = block.entry?.df ?? lowestDf
      const share = df / site.articles
      reportRemoval(context.file, {
        ruleId: meta.id,
        reason: `site template: in ${df} of ${site.articles} articles of ${context.siteKey} (${percent(share)}), neighbour diversity ${contextDiversity.toFixed(2)}, ${zone}`,
        shape: 'block',
        features: {
          site: context.siteKey,
          df,
          articles: site.articles,
          share: round(share),
          contextDiversity: round(contextDiversity),
          runBlocks: members.length,
          runShare: round(runShare),
          zone,
        },
        start: index === 0 ? whole.start : block.start,
        end: index === segment.length - 1 ? whole.end : segment[index + 1]!.start,
      })
    })
  }
}

/** The members split where a block an earlier rule removed stands between two of them. */
function segments(blocks: readonly Block[], members: readonly Block[]): Block[][] {
  const result: Block[][] = []
  for (const block of members) {
    const current = result[result.length - 1]
    const previous = current?.[current.length - 1]
    if (current && previous && blocks.indexOf(block) === blocks.indexOf(previous) + 1) current.push(block)
    else result.push([block])
  }
  return result
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findSiteTemplates, section)

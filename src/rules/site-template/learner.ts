/**
 * Learning a template index from articles: parse each one (the parser only,
 * no rules), take its blocks' signatures (signature.ts) and count them under
 * its site (site-key.ts). What an article adds is small and plain
 * ({@link ArticleSignature}: the site and, per counted block, its hash and
 * its neighbour pair), so worker threads can compute it and one thread fold
 * it in.
 *
 * Memory: hashes and counts only. A site holds at most `maxEntriesPerSite`
 * blocks; past it, the blocks seen in one article are dropped (a template
 * recurs, so it survives), then the rarest (lossy counting: a block that
 * recurs in a large share of articles is never lost). A block seen once (most
 * of them) is three numbers in the site's compact store (single-blocks.ts),
 * and moves to its map when seen again.
 *
 * An article too long or too deeply nested for `clean` is not counted (it
 * would fail there anyway).
 */
import {findParseHazard} from '../../engine/guard.js'
import {guardLimits} from '../../engine/guard-limits.js'
import {readableLineEndings} from '../../engine/line-endings.js'
import {createParser} from '../../pipeline.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'
import {blockSignatures, END, START} from './signature.js'
import {siteKeyOf} from './site-key.js'
import {
  emptySite,
  mergeSiteInto,
  promoteEntry,
  siteBlockCount,
  templateIndexToJson,
  uniteSamples,
  type SerializeOptions,
  type SiteTemplate,
  type TemplateIndex,
  type TemplateIndexJson,
} from './template-index.js'

/** What one article adds to an index: its site, and each counted block as `[hash, hash of the block before, hash of the block after]`. */
export interface ArticleSignature {
  site: string
  blocks: Array<[number, number, number]>
}

/** Options of {@link articleSignature} and {@link createTemplateLearner}. */
export interface LearnOptions {
  /** The rule set whose `siteTemplate` and `filterList.siteKeys` sections apply. Default: the defaults. */
  readonly rules?: RuleSet | undefined
  /** Articles longer than this many characters are not counted. Default: 1 MiB (`clean`'s default). */
  readonly maxLength?: number | undefined
}

const DEFAULT_MAX_LENGTH = 1024 * 1024
const parser = createParser()

/**
 * The signature of one article (see {@link ArticleSignature}); undefined
 * when `clean` would refuse it (too long, binary, a parse hazard).
 */
export function articleSignature(text: string, path: string | undefined, options: LearnOptions = {}): ArticleSignature | undefined {
  const rules = options.rules ?? defaultRuleSet()
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH
  if (text.length > maxLength || text.includes('\u0000')) return undefined
  const body = readableLineEndings(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  if (findParseHazard(body, guardLimits(maxLength, undefined))) return undefined
  const tree = parser.parse(body)
  const blocks = blockSignatures(tree, body, {maxBlockChars: rules.siteTemplate.maxBlockChars})
  const counted: Array<[number, number, number]> = []
  blocks.forEach((block, index) => {
    if (!block.counted) return
    counted.push([block.hash, blocks[index - 1]?.hash ?? START, blocks[index + 1]?.hash ?? END])
  })
  return {site: siteKeyOf(tree, path, rules.filterList.siteKeys), blocks: counted}
}

/** Builds a template index article by article. */
export interface TemplateLearner {
  /** Count one article (`path` names its folder when its frontmatter has no URL). False when it was not counted (see {@link articleSignature}). */
  add(text: string, options?: {path?: string | undefined}): boolean
  /** Count an article's signature (computed elsewhere, e.g. on a worker thread). */
  addSignature(signature: ArticleSignature): void
  /** Add the counts of an index (a saved one, another shard's). */
  merge(index: TemplateIndex): void
  /** The index so far (live: later adds change it). */
  readonly index: TemplateIndex
  /** The index as JSON (see `serializeTemplateIndex`). */
  toJSON(options?: SerializeOptions): TemplateIndexJson
}

/** A learner, empty, or starting from `start` (a saved index: its counts are copied). */
export function createTemplateLearner(options: LearnOptions & {start?: TemplateIndex | undefined} = {}): TemplateLearner {
  const rules = options.rules ?? defaultRuleSet()
  const {contextSample: sample, maxEntriesPerSite} = rules.siteTemplate
  const sites = new Map<string, SiteTemplate>()
  const index: TemplateIndex = {sites}
  if (options.start) for (const [key, site] of options.start.sites) mergeSiteInto(sites, key, site, sample)

  const addSignature = (signature: ArticleSignature): void => {
    let site = sites.get(signature.site)
    if (!site) {
      site = emptySite()
      sites.set(signature.site, site)
    }
    site.articles++
    const seen = new Set<number>()
    for (const [hash, previous, next] of signature.blocks) {
      // Seen before (in the map, or once: then it moves there), or new: a single, if the store holds its hash.
      let entry = promoteEntry(site, hash)
      if (!entry) {
        seen.add(hash)
        if (site.singles?.add(hash, previous, next)) continue
        entry = {df: 1, ctxSeen: 0, prev: [], next: []}
        site.blocks.set(hash, entry)
      } else if (!seen.has(hash)) {
        seen.add(hash)
        entry.df++
      }
      entry.ctxSeen++
      if (!entry.prev.includes(previous)) entry.prev = uniteSamples(entry.prev, [previous], sample)
      if (!entry.next.includes(next)) entry.next = uniteSamples(entry.next, [next], sample)
    }
    if (siteBlockCount(site) > maxEntriesPerSite) prune(site, maxEntriesPerSite)
  }

  return {
    add(text, addOptions = {}) {
      const signature = articleSignature(text, addOptions.path, options)
      if (!signature) return false
      addSignature(signature)
      return true
    },
    addSignature,
    merge(other) {
      for (const [key, site] of other.sites) {
        mergeSiteInto(sites, key, site, sample)
        const merged = sites.get(key)!
        if (siteBlockCount(merged) > maxEntriesPerSite) prune(merged, maxEntriesPerSite)
      }
    },
    index,
    toJSON: (serialize) => templateIndexToJson(index, serialize),
  }
}

/** Bring a site under `max` blocks: drop those seen once, then the rarest, down to nine tenths of `max`. */
function prune(site: SiteTemplate, max: number): void {
  site.singles?.clear()
  for (const [hash, entry] of site.blocks) if (entry.df <= 1) site.blocks.delete(hash)
  if (site.blocks.size <= max) return
  const target = Math.floor(max * 0.9)
  const byDf = [...site.blocks].sort((a, b) => a[1].df - b[1].df || a[0] - b[0])
  for (const [hash] of byDf.slice(0, byDf.length - target)) site.blocks.delete(hash)
}

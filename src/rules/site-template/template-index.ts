/**
 * The learned template index: per site, how many articles were seen and,
 * per block hash, in how many of them it stands (`df`), how often its
 * neighbours were seen (`ctxSeen`) and a sample of the distinct blocks seen
 * before it (`prev`) and after it (`next`): the hashes of those blocks, the
 * `contextSample` smallest of each side (a bottom-k sample, so adding and
 * merging give the same sample in any order; 0 stands for the start of the
 * article, 1 for its end). Hashes and counts only: no text of any article.
 *
 * The file (JSON):
 *
 *   {"version": 1, "hash": "cyrb53-v1", "normalise": "v1",
 *    "sites": {"example.com": {"articles": 240,
 *                              "blocks": {"<hash in base 36>": [df, ctxSeen, p, prev1 … prevP, next1, …]}}}}
 *
 * (`p`: how many of the numbers after it are the `prev` sample; the rest are `next`.)
 *
 * Merging adds `articles`, `df` and `ctxSeen` and unites the samples:
 * commutative and associative, so shards of a corpus and later runs share
 * one index. {@link parseTemplateIndex} refuses another version, hash or
 * normalisation. Pure: no I/O.
 *
 * In memory, a site keeps the blocks seen exactly once (`df` 1, `ctxSeen` 1,
 * one neighbour each side: nearly all of them) apart, in a compact store
 * (single-blocks.ts), and the rest in its `blocks` map; the file does not
 * tell them apart.
 */
import {HASH_VERSION, NORMALISE_VERSION} from './signature.js'
import {SingleBlocks} from './single-blocks.js'

/** One block of a site's template index. */
export interface TemplateEntry {
  /** Articles of the site the block stands in. */
  df: number
  /** Occurrences whose neighbours were sampled. */
  ctxSeen: number
  /** Distinct hashes of the blocks seen before it (0: the article's start), ascending, at most the sample size. */
  prev: number[]
  /** Distinct hashes of the blocks seen after it (1: the article's end), likewise. */
  next: number[]
}

/** What the index knows of one site. */
export interface SiteTemplate {
  /** Articles of the site counted. */
  articles: number
  /** Block hash → counts, of the blocks not in {@link SiteTemplate.singles} (the rule looks here: its candidates stand in at least two articles). */
  readonly blocks: Map<number, TemplateEntry>
  /**
   * The blocks seen exactly once (`df` 1, `ctxSeen` 1, one `prev`, one `next`), compact; none of them is in `blocks`.
   * Learners and {@link parseTemplateIndex} fill it; an index built by hand may leave it out (every block in `blocks`).
   */
  readonly singles?: SingleBlocks | undefined
}

/** Whether `entry` is a block seen exactly once (one for {@link SiteTemplate.singles}). */
export function isSingle(entry: TemplateEntry): boolean {
  return entry.df === 1 && entry.ctxSeen === 1 && entry.prev.length === 1 && entry.next.length === 1
}

/** An empty site. */
export function emptySite(): SiteTemplate & {readonly singles: SingleBlocks} {
  return {articles: 0, blocks: new Map(), singles: new SingleBlocks()}
}

/** Blocks a site holds, in both stores. */
export function siteBlockCount(site: SiteTemplate): number {
  return site.blocks.size + (site.singles?.size ?? 0)
}

/** Hold `entry` for `hash` in the store it belongs to (a single where the site has singles and it is one), and in that one only. */
function setEntry(site: SiteTemplate, hash: number, entry: TemplateEntry): void {
  if (site.singles && isSingle(entry) && site.singles.add(hash, entry.prev[0]!, entry.next[0]!)) {
    site.blocks.delete(hash)
    return
  }
  site.singles?.delete(hash)
  site.blocks.set(hash, entry)
}

/**
 * The entry of `hash` in the site's map, moved there first from its singles
 * (as `{df: 1, ctxSeen: 1, prev: [p], next: [n]}`) when it is one; undefined
 * when the site holds no such block.
 */
export function promoteEntry(site: SiteTemplate, hash: number): TemplateEntry | undefined {
  const entry = site.blocks.get(hash)
  if (entry) return entry
  const single = site.singles?.take(hash)
  if (!single) return undefined
  const promoted: TemplateEntry = {df: 1, ctxSeen: 1, prev: [single[0]], next: [single[1]]}
  site.blocks.set(hash, promoted)
  return promoted
}

/** A template index (see the module comment); build one with `createTemplateLearner`, read one with {@link parseTemplateIndex}. */
export interface TemplateIndex {
  readonly sites: ReadonlyMap<string, SiteTemplate>
}

/** The index file's JSON. */
export interface TemplateIndexJson {
  version: 1
  hash: string
  normalise: string
  sites: Record<string, {articles: number; blocks: Record<string, number[]>}>
}

/** A template index that cannot be read: names what is wrong. */
export class TemplateIndexError extends Error {
  override readonly name = 'TemplateIndexError'
}

/** The default size of each block's neighbour sample. */
export const DEFAULT_CONTEXT_SAMPLE = 8

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/**
 * Read an index from its JSON text (or the parsed value). Throws
 * {@link TemplateIndexError} naming the first problem.
 */
export function parseTemplateIndex(json: string | unknown): TemplateIndex {
  let data: unknown = json
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json)
    } catch (error) {
      throw new TemplateIndexError(`not JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const file = data as Partial<TemplateIndexJson> | null
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new TemplateIndexError('expected an object')
  if (file.version !== 1) throw new TemplateIndexError(`unsupported version ${JSON.stringify(file.version)} (expected 1)`)
  if (file.hash !== HASH_VERSION) throw new TemplateIndexError(`built with hash ${JSON.stringify(file.hash)}, expected "${HASH_VERSION}"`)
  if (file.normalise !== NORMALISE_VERSION) {
    throw new TemplateIndexError(`built with normalisation ${JSON.stringify(file.normalise)}, expected "${NORMALISE_VERSION}"`)
  }
  if (typeof file.sites !== 'object' || file.sites === null || Array.isArray(file.sites))
    throw new TemplateIndexError('`sites` must be an object')
  const sites = new Map<string, SiteTemplate>()
  for (const [key, site] of Object.entries(file.sites)) {
    if (typeof site !== 'object' || site === null || !isCount(site.articles))
      throw new TemplateIndexError(`site ${JSON.stringify(key)}: \`articles\` must be a count`)
    if (typeof site.blocks !== 'object' || site.blocks === null)
      throw new TemplateIndexError(`site ${JSON.stringify(key)}: \`blocks\` must be an object`)
    const parsed = emptySite()
    parsed.articles = site.articles
    for (const [hash, counts] of Object.entries(site.blocks)) {
      const value = Number.parseInt(hash, 36)
      if (!/^[0-9a-z]{1,11}$/.test(hash) || !Number.isSafeInteger(value))
        throw new TemplateIndexError(`site ${JSON.stringify(key)}: bad block hash ${JSON.stringify(hash)}`)
      if (!Array.isArray(counts) || counts.length < 3 || !counts.every(isCount) || counts[2]! > counts.length - 3) {
        throw new TemplateIndexError(`site ${JSON.stringify(key)}, block ${hash}: expected [df, ctxSeen, p, prev…, next…] of counts`)
      }
      const [df, ctxSeen, p, ...neighbours] = counts as number[]
      if (df! > site.articles)
        throw new TemplateIndexError(`site ${JSON.stringify(key)}, block ${hash}: df ${df} over ${site.articles} articles`)
      // The last of two spellings of one hash ("a", "0a") wins, as in one map.
      setEntry(parsed, value, {df: df!, ctxSeen: ctxSeen!, prev: sorted(neighbours.slice(0, p)), next: sorted(neighbours.slice(p))})
    }
    sites.set(key, parsed)
  }
  return {sites}
}

function sorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b)
}

/** Options of {@link templateIndexToJson}. */
export interface SerializeOptions {
  /** Blocks seen in fewer articles are left out (a block in one article of a site is no template). Default: 2. */
  readonly minDf?: number
}

/** The index as its JSON value, sites and blocks in a stable order (the same index writes the same bytes). */
export function templateIndexToJson(index: TemplateIndex, options: SerializeOptions = {}): TemplateIndexJson {
  const minDf = options.minDf ?? 2
  const sites: TemplateIndexJson['sites'] = {}
  for (const key of [...index.sites.keys()].sort()) {
    const site = index.sites.get(key)!
    const blocks: Record<string, number[]> = {}
    const kept: Array<[number, number[]]> = []
    for (const [hash, entry] of site.blocks)
      if (entry.df >= minDf) kept.push([hash, [entry.df, entry.ctxSeen, entry.prev.length, ...entry.prev, ...entry.next]])
    if (minDf <= 1) site.singles?.forEach((hash, previous, next) => kept.push([hash, [1, 1, 1, previous, next]]))
    kept.sort((a, b) => a[0] - b[0])
    for (const [hash, counts] of kept) blocks[hash.toString(36)] = counts
    sites[key] = {articles: site.articles, blocks}
  }
  return {version: 1, hash: HASH_VERSION, normalise: NORMALISE_VERSION, sites}
}

/** The index file's text: compact JSON and a final newline. */
export function serializeTemplateIndex(index: TemplateIndex, options: SerializeOptions = {}): string {
  return `${JSON.stringify(templateIndexToJson(index, options))}\n`
}

/** Unite two ascending samples, keeping the `size` smallest. */
export function uniteSamples(a: readonly number[], b: readonly number[], size: number): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, size)
}

/** Add `from` into `into` (counts add, samples unite; see the module comment). */
export function mergeSiteInto(into: Map<string, SiteTemplate>, key: string, from: SiteTemplate, sample: number): void {
  let site = into.get(key)
  if (!site) {
    site = emptySite()
    into.set(key, site)
  }
  site.articles += from.articles
  const add = (hash: number, entry: TemplateEntry): void => {
    const have = promoteEntry(site, hash)
    if (have) {
      have.df += entry.df
      have.ctxSeen += entry.ctxSeen
      have.prev = uniteSamples(have.prev, entry.prev, sample)
      have.next = uniteSamples(have.next, entry.next, sample)
    } else {
      setEntry(site, hash, {df: entry.df, ctxSeen: entry.ctxSeen, prev: entry.prev.slice(0, sample), next: entry.next.slice(0, sample)})
    }
  }
  // Adding moves blocks between the stores: read `from` first (it may be `site` itself, counted twice).
  const singles: number[] = []
  from.singles?.forEach((hash, previous, next) => singles.push(hash, previous, next))
  const entries = site === from ? [...from.blocks].map(([hash, entry]) => [hash, {...entry}] as const) : from.blocks
  for (const [hash, entry] of entries) add(hash, entry)
  for (let at = 0; at < singles.length; at += 3) add(singles[at]!, {df: 1, ctxSeen: 1, prev: [singles[at + 1]!], next: [singles[at + 2]!]})
}

/** Merge indexes into a new one (none is changed). Commutative and associative. */
export function mergeTemplateIndexes(indexes: readonly TemplateIndex[], sample = DEFAULT_CONTEXT_SAMPLE): TemplateIndex {
  const sites = new Map<string, SiteTemplate>()
  for (const index of indexes) for (const [key, site] of index.sites) mergeSiteInto(sites, key, site, sample)
  return {sites}
}

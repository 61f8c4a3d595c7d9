/**
 * The learner's compact store of blocks seen once (single-blocks.ts): the
 * store itself against a plain Map, and the learner, the index file and
 * merging against a reference of the Map-only counting it replaced (written
 * out again here, independently): the same counts, and a serialised index
 * byte for byte the same, on generated sites, the bench's generated articles
 * and random signatures (repeats in one article, shards, pruning).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {generateCorpus} from '../scripts/lib/generate.js'
import {createRuleSet} from '../src/index.js'
import {
  articleSignature,
  createTemplateLearner,
  mergeTemplateIndexes,
  parseTemplateIndex,
  serializeTemplateIndex,
  type ArticleSignature,
  type TemplateIndex,
} from '../src/plugin-api.js'
import {SingleBlocks} from '../src/rules/site-template/single-blocks.js'
import {repostNetwork, templateSites} from './support/template-sites.js'

const FC = {numRuns: Number(process.env['FC_RUNS'] ?? 40), seed: Number(process.env['FC_SEED'] ?? 15)}

// ---- The reference: every block an entry of one Map, as the learner counted before the compact store.

interface ReferenceEntry {
  df: number
  ctxSeen: number
  prev: number[]
  next: number[]
}
type ReferenceIndex = Map<string, {articles: number; blocks: Map<number, ReferenceEntry>}>

function unite(a: readonly number[], b: readonly number[], size: number): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, size)
}

function referenceLearn(signatures: readonly ArticleSignature[], sample: number, max: number): ReferenceIndex {
  const sites: ReferenceIndex = new Map()
  for (const signature of signatures) {
    let site = sites.get(signature.site)
    if (!site) sites.set(signature.site, (site = {articles: 0, blocks: new Map()}))
    site.articles++
    const seen = new Set<number>()
    for (const [hash, previous, next] of signature.blocks) {
      let entry = site.blocks.get(hash)
      if (!entry) site.blocks.set(hash, (entry = {df: 0, ctxSeen: 0, prev: [], next: []}))
      if (!seen.has(hash)) entry.df++
      seen.add(hash)
      entry.ctxSeen++
      entry.prev = unite(entry.prev, [previous], sample)
      entry.next = unite(entry.next, [next], sample)
    }
    if (site.blocks.size > max) {
      for (const [hash, entry] of site.blocks) if (entry.df <= 1) site.blocks.delete(hash)
      if (site.blocks.size > max) {
        const byDf = [...site.blocks].sort((a, b) => a[1].df - b[1].df || a[0] - b[0])
        for (const [hash] of byDf.slice(0, byDf.length - Math.floor(max * 0.9))) site.blocks.delete(hash)
      }
    }
  }
  return sites
}

function referenceSerialize(sites: ReferenceIndex, minDf: number): string {
  const out: Record<string, {articles: number; blocks: Record<string, number[]>}> = {}
  for (const key of [...sites.keys()].sort()) {
    const site = sites.get(key)!
    const blocks: Record<string, number[]> = {}
    for (const [hash, entry] of [...site.blocks].filter(([, e]) => e.df >= minDf).sort((a, b) => a[0] - b[0]))
      blocks[hash.toString(36)] = [entry.df, entry.ctxSeen, entry.prev.length, ...entry.prev, ...entry.next]
    out[key] = {articles: site.articles, blocks}
  }
  return `${JSON.stringify({version: 1, hash: 'cyrb53-v1', normalise: 'v1', sites: out})}\n`
}

// ---- Helpers.

function rulesWith(section: string) {
  return createRuleSet({text: `version: 1\nsiteTemplate:\n${section}`, file: 'test.yaml'})
}

function learnSignatures(signatures: readonly ArticleSignature[], rules = rulesWith('  contextSample: 8\n')): TemplateIndex {
  const learner = createTemplateLearner({rules})
  for (const signature of signatures) learner.addSignature(signature)
  return learner.index
}

function signaturesOf(articles: ReadonlyArray<{text: string; path: string}>): ArticleSignature[] {
  return articles.flatMap((article) => articleSignature(article.text, article.path) ?? [])
}

/** Random signatures over a small alphabet of hashes (repeats within and across articles, 0 and 1 among them) and a few sites. */
const arbitrarySignatures = (hashes: number) =>
  fc.array(
    fc.record({
      site: fc.constantFrom('a.example', 'b.example', 'dir:c'),
      blocks: fc.array(fc.tuple(fc.integer({min: 0, max: hashes}), fc.integer({min: 0, max: hashes}), fc.integer({min: 0, max: hashes})), {
        maxLength: 12,
        size: 'max',
      }),
    }),
    {maxLength: 60, size: 'max'},
  )

const SECTION = '  contextSample: 2\n'

describe('SingleBlocks', () => {
  it('holds what a Map holds, through adds, takes, deletes, growth and clears', () => {
    const operation = fc.oneof(
      {weight: 80, arbitrary: fc.tuple(fc.constant('add' as const), fc.nat(), fc.double({noNaN: true}), fc.double({noNaN: true}))},
      {weight: 20, arbitrary: fc.tuple(fc.constant('take' as const), fc.nat())},
      {weight: 20, arbitrary: fc.tuple(fc.constant('delete' as const), fc.nat())},
      {weight: 1, arbitrary: fc.tuple(fc.constant('clear' as const))},
    )
    // A pool of 53-bit hashes (random ones collide in the table, sequential ones hardly would) that share low or high halves.
    const pool = fc
      .array(fc.maxSafeNat(), {minLength: 20, maxLength: 400, size: 'max'})
      .map((hashes) => hashes.flatMap((hash) => [hash, hash % 2 ** 32, Math.floor(hash / 2 ** 32) * 2 ** 32 + 7]))
    fc.assert(
      fc.property(pool, fc.array(operation, {minLength: 200, maxLength: 2000, size: 'max'}), (hashes, operations) => {
        const store = new SingleBlocks()
        const model = new Map<number, [number, number]>()
        for (const [kind, pick, previous, next] of operations) {
          const hash = hashes[(pick ?? 0) % hashes.length]!
          if (kind === 'add' && !model.has(hash)) {
            expect(store.add(hash, previous, next)).toBe(true)
            model.set(hash, [previous, next])
          } else if (kind === 'take') {
            expect(store.take(hash)).toEqual(model.get(hash))
            model.delete(hash)
          } else if (kind === 'delete') {
            expect(store.delete(hash)).toBe(model.delete(hash))
          } else if (kind === 'clear') {
            store.clear()
            model.clear()
          }
        }
        expect(store.size).toBe(model.size)
        const held = new Map<number, [number, number]>()
        store.forEach((hash, previous, next) => held.set(hash, [previous, next]))
        expect(held).toEqual(model)
        for (const hash of model.keys()) expect(store.has(hash)).toBe(true)
      }),
      {...FC, numRuns: FC.numRuns * 2},
    )
  })

  it('refuses a hash no block has (negative, NaN) instead of mistaking it for an empty slot', () => {
    const store = new SingleBlocks()
    expect(store.add(-1, 0, 1)).toBe(false)
    expect(store.add(Number.NaN, 0, 1)).toBe(false)
    expect(store.size).toBe(0)
    expect(store.add(2 ** 53 - 1, 0, 1)).toBe(true)
    expect(store.take(2 ** 53 - 1)).toEqual([0, 1])
  })
})

describe('the learner with blocks seen once kept compact', () => {
  it('serialises generated sites and the bench articles byte for byte as the Map-only counting did', () => {
    const bench = generateCorpus(150, 7).map((article) => ({text: article.text, path: `${article.kind}/${article.name}`}))
    const signatures = signaturesOf([...templateSites(6), ...repostNetwork(8, 5), ...bench])
    const index = learnSignatures(signatures)
    const reference = referenceLearn(signatures, 8, 200_000)
    expect(reference.size).toBeGreaterThan(5)
    let singles = 0
    for (const site of index.sites.values()) singles += site.singles?.size ?? 0
    expect(singles).toBeGreaterThan(1000)
    for (const minDf of [1, 2, 5]) expect(serializeTemplateIndex(index, {minDf})).toBe(referenceSerialize(reference, minDf))
    expect(serializeTemplateIndex(index)).toBe(referenceSerialize(reference, 2))
    // Read back, it writes the same bytes again (singles go to the compact store there too).
    const text = serializeTemplateIndex(index, {minDf: 1})
    const parsed = parseTemplateIndex(text)
    expect(serializeTemplateIndex(parsed, {minDf: 1})).toBe(text)
    expect([...parsed.sites.values()].reduce((sum, site) => sum + (site.singles?.size ?? 0), 0)).toBe(singles)
  })

  it('counts random signatures as the reference does, pruning included', () => {
    fc.assert(
      fc.property(arbitrarySignatures(400), fc.constantFrom(100, 150, 100_000), (signatures, max) => {
        const index = learnSignatures(signatures, rulesWith(`${SECTION}  maxEntriesPerSite: ${max}\n`))
        const reference = referenceLearn(signatures, 2, max)
        for (const minDf of [1, 2]) expect(serializeTemplateIndex(index, {minDf})).toBe(referenceSerialize(reference, minDf))
        for (const site of index.sites.values()) expect(site.blocks.size + (site.singles?.size ?? 0)).toBeLessThanOrEqual(max)
      }),
      FC,
    )
  })

  it('merges shards (learned, or read back from their files) to what learning at once gives', () => {
    fc.assert(
      fc.property(
        arbitrarySignatures(60),
        fc.array(fc.integer({min: 0, max: 2}), {minLength: 60, maxLength: 60}),
        (signatures, shardOf) => {
          const rules = rulesWith(SECTION)
          const shards = [0, 1, 2].map((shard) =>
            learnSignatures(
              signatures.filter((_, at) => shardOf[at] === shard),
              rules,
            ),
          )
          const expected = referenceSerialize(referenceLearn(signatures, 2, 200_000), 1)
          expect(serializeTemplateIndex(mergeTemplateIndexes(shards, 2), {minDf: 1})).toBe(expected)
          const read = shards.map((shard) => parseTemplateIndex(serializeTemplateIndex(shard, {minDf: 1})))
          expect(serializeTemplateIndex(mergeTemplateIndexes([...read].reverse(), 2), {minDf: 1})).toBe(expected)
          // A learner that starts from one shard and merges the rest.
          const learner = createTemplateLearner({rules, start: read[1]})
          learner.merge(shards[2]!)
          learner.merge(read[0]!)
          expect(serializeTemplateIndex(learner.index, {minDf: 1})).toBe(expected)
        },
      ),
      FC,
    )
  })
})

describe('promotion out of the compact store', () => {
  const site = (index: TemplateIndex, key = 'a.example') => index.sites.get(key)!

  it('a block twice in one article: one article, two neighbour pairs, in the map', () => {
    const index = learnSignatures([
      {
        site: 'a.example',
        blocks: [
          [10, 0, 11],
          [11, 10, 10],
          [10, 11, 1],
        ],
      },
    ])
    expect(site(index).blocks.get(10)).toEqual({df: 1, ctxSeen: 2, prev: [0, 11], next: [1, 11]})
    expect(site(index).singles?.has(10)).toBe(false)
    expect(site(index).singles?.has(11)).toBe(true)
    expect(site(index).blocks.has(11)).toBe(false)
  })

  it('a block seen once in each of two shards: counts add when they are merged', () => {
    const a = learnSignatures([{site: 'a.example', blocks: [[10, 0, 1]]}])
    const b = learnSignatures([{site: 'a.example', blocks: [[10, 5, 1]]}])
    expect(site(a).singles?.has(10)).toBe(true)
    const merged = mergeTemplateIndexes([a, b])
    expect(site(merged).blocks.get(10)).toEqual({df: 2, ctxSeen: 2, prev: [0, 5], next: [1]})
    expect(site(merged).singles?.size).toBe(0)
    // The shards are not changed.
    expect(site(a).singles?.has(10)).toBe(true)
    expect(site(b).singles?.has(10)).toBe(true)
  })

  it('a block seen once, then in a later article', () => {
    const index = learnSignatures([
      {site: 'a.example', blocks: [[10, 0, 1]]},
      {site: 'a.example', blocks: [[10, 0, 7]]},
    ])
    expect(site(index).blocks.get(10)).toEqual({df: 2, ctxSeen: 2, prev: [0], next: [1, 7]})
    expect(site(index).singles?.has(10)).toBe(false)
  })

  it('pruning drops the blocks seen once first, from both stores', () => {
    const rules = rulesWith('  maxEntriesPerSite: 100\n')
    const signatures: ArticleSignature[] = []
    for (let article = 0; article < 120; article++)
      signatures.push({
        site: 'a.example',
        blocks: [
          [5, 0, 1000 + article],
          [1000 + article, 5, 1],
        ],
      })
    // Twice in the first article only: df 1 in the map, dropped with the singles.
    signatures[0]!.blocks.push([9, 0, 1], [9, 1, 1])
    const index = learnSignatures(signatures, rules)
    const reference = referenceLearn(signatures, 8, 100)
    expect(serializeTemplateIndex(index, {minDf: 1})).toBe(referenceSerialize(reference, 1))
    expect(site(index).blocks.get(5)?.df).toBe(120)
    expect(site(index).blocks.has(9)).toBe(false)
    expect(site(index).singles!.size).toBeLessThan(100)
  })

  it('reads a block seen once into the compact store, and the last of two spellings of one hash wins', () => {
    const text = serializeTemplateIndex(learnSignatures([{site: 'a.example', blocks: [[10, 0, 1]]}]), {minDf: 1})
    const index = parseTemplateIndex(text)
    expect(site(index).singles?.has(10)).toBe(true)
    expect(site(index).blocks.size).toBe(0)
    const twice = JSON.parse(text) as {sites: {'a.example': {articles: number; blocks: Record<string, number[]>}}}
    twice.sites['a.example'].articles = 3
    twice.sites['a.example'].blocks = {a: [1, 1, 1, 0, 1], '0a': [3, 3, 1, 0, 1]}
    expect(site(parseTemplateIndex(twice)).blocks.get(10)).toEqual({df: 3, ctxSeen: 3, prev: [0], next: [1]})
    expect(site(parseTemplateIndex(twice)).singles?.has(10)).toBe(false)
    twice.sites['a.example'].blocks = {'0a': [3, 3, 1, 0, 1], a: [1, 1, 1, 0, 1]}
    expect(site(parseTemplateIndex(twice)).blocks.has(10)).toBe(false)
    expect(site(parseTemplateIndex(twice)).singles?.has(10)).toBe(true)
  })
})

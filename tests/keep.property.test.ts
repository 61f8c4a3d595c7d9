/**
 * Properties of `keep` entries on generated articles (the pieces of
 * scripts/lib/generate.js, with CRLF or LF, with or without a BOM): keep a
 * random choice of the removals an article has, each by the text hash of
 * one of its parts or of the text its parts cover, as the review report's
 * "keep this" does, and
 *
 * - the chosen removals, every part, are listed in `kept` and not made;
 * - nothing else is kept but removals of the same text (give or take white
 *   space at the edges), and no removal appears that the run without
 *   entries did not make (some may go: a removal a kept one made possible);
 * - cleaning the output again with the same entries changes nothing.
 *
 * Rerun a failure with `FC_SEED=<seed> npx vitest run tests/keep.property.test.ts`;
 * `FC_RUNS` explores more.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildArticle, FRONTMATTER_STYLES, PIECE_NAMES, type ArticleSpec} from '../scripts/lib/generate.js'
import {clean} from '../src/clean.js'
import {removalGroups} from '../src/engine/group.js'
import {keepHash} from '../src/engine/keep-hash.js'
import type {RecordRemoval} from '../src/record.js'
import {createRuleSet} from '../src/ruleset/index.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 50)
const SEED = process.env['FC_SEED'] === undefined ? 20261206 : Number(process.env['FC_SEED'])

const specArbitrary: fc.Arbitrary<ArticleSpec> = fc.record({
  frontmatter: fc.constantFrom<string | null>(null, ...FRONTMATTER_STYLES),
  frontmatterSeed: fc.nat(),
  blocks: fc.array(fc.tuple(fc.constantFrom(...PIECE_NAMES, 'repeat'), fc.nat()), {minLength: 1, maxLength: 10}),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  insert: fc.constant(undefined),
})

/** Rules whose removals an entry may keep by hash here (frontmatter rewrites and safety are other matters). */
const KEEPABLE = (removal: RecordRemoval) => removal.rule !== 'frontmatter' && removal.rule !== 'unsafe-html'

const key = (removal: {rule: string; start: {offset: number}; end: {offset: number}}) =>
  `${removal.rule}@${removal.start.offset}-${removal.end.offset}`

describe('keep entries on generated articles', () => {
  it('keep exactly the chosen removals, make no new one, and stay idempotent', () => {
    fc.assert(
      fc.property(specArbitrary, fc.array(fc.boolean(), {maxLength: 40}), fc.nat(), (spec, choices, partSeed) => {
        const text = buildArticle(spec)
        const base = clean(text, {path: 'post.md'})
        const groups = removalGroups(base.removals.filter(KEEPABLE))
        const chosen = groups.filter((_, index) => choices[index] === true)
        if (chosen.length === 0) return
        // Each chosen removal by the hash of one part, or (when the seed says so) of the text its parts cover, as the report writes it.
        const named = chosen.map((parts, index) => {
          const pick = (partSeed + index) % (parts.length + 1)
          return pick < parts.length ? parts[pick]!.text : text.slice(parts[0]!.start.offset, parts[parts.length - 1]!.end.offset)
        })
        const yaml = ['keep:', ...named.map((named, index) => `  - id: keep-${index}\n    textHash: ${keepHash(named)}`), ''].join('\n')
        const rules = createRuleSet({text: yaml, file: 'keep.yaml'})
        const result = clean(text, {rules, path: 'post.md'})
        const chosenKeys = new Set(chosen.flat().map(key))
        const keptKeys = new Set((result.record.kept ?? []).map(key))
        for (const chosenKey of chosenKeys) expect(keptKeys).toContain(chosenKey)
        // Anything else kept has the text of a chosen one (give or take white space at its edges): a hash names every such span.
        const trimmed = new Set(named.map((name) => name.trim()))
        for (const parts of removalGroups(base.removals)) {
          if (!parts.some((part) => keptKeys.has(key(part))) || parts.some((part) => chosenKeys.has(key(part)))) continue
          const texts = [...parts.map((part) => part.text), text.slice(parts[0]!.start.offset, parts[parts.length - 1]!.end.offset)]
          expect(
            texts.some((candidate) => trimmed.has(candidate.trim())),
            key(parts[0]!),
          ).toBe(true)
        }
        const baseKeys = new Set(base.removals.map(key))
        for (const removal of result.removals) expect(baseKeys.has(key(removal)), key(removal)).toBe(true)
        for (const removal of result.removals) expect(chosenKeys.has(key(removal))).toBe(false)
        expect(clean(result.markdown, {rules, path: 'post.md'}).markdown).toBe(result.markdown)
      }),
      {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false},
    )
  }, 120_000)
})

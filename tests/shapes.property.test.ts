/**
 * Removal shapes hold on articles with broken markup (see
 * support/malformed-article.ts), every rule on — `call-to-action` too, and
 * `filter-list` with a small list:
 * - no removal breaks its rule's shape (the `throw` shape mode: a broken
 *   one fails the clean);
 * - every paragraph that holds no spam survives, byte for byte.
 *
 * Seeded; `FC_RUNS` and `FC_SEED` explore more (`FC_RUNS=5000 FC_SEED=$RANDOM
 * npx vitest run tests/shapes.property.test.ts`). A counterexample is a bug in
 * a rule or a shape too narrow: never weaken the property to pass it.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean, type CleanOptions} from '../src/index.js'
import {compileFilterLists} from '../src/filter-lists.js'
import {malformedArticle} from './support/malformed-article.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 300)
const SEED = process.env['FC_SEED'] === undefined ? 20250611 : Number(process.env['FC_SEED'])

const filterLists = compileFilterLists([{name: 'test-list.txt', text: '||ads.example^\n##.ad-box\n'}])
const options: CleanOptions = {filterLists, enable: ['call-to-action'], shapeCheck: 'throw'}

describe('removal shapes on articles with broken markup', () => {
  it(
    'no removal breaks its shape, and every paragraph without spam survives',
    () => {
      fc.assert(
        fc.property(malformedArticle, (article) => {
          const result = clean(article.text, options)
          for (const paragraph of article.clean) expect(result.markdown).toContain(paragraph)
        }),
        {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false},
      )
      // Explorations with thousands of runs take minutes on a loaded machine.
    },
    Math.max(60_000, NUM_RUNS * 100),
  )
})

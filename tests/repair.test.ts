/**
 * The repair step (src/engine/repair.ts): after a removal, the Markdown around
 * it parses as it did, minus the removed part.
 *
 * Judged independently of the repair code (tests/support/rendering.ts):
 * input and output are parsed with the project's parser and compared —
 * every leaf block that keeps text is one block of the same type in the same
 * containers (untouched ones span exactly the same text), no block of the
 * output joins two of the input, and every literal `*`, `_`, `~` the output
 * renders was one in the input (no `****`, no `**Download **`).
 *
 * On articles made to be damaged (tests/support/damage-prone.ts, which says
 * what it leaves out: what no removal can repair) and on the bench's
 * generated articles. The damage-prone articles are also held to the
 * engine's other properties: deterministic, idempotent, reconstructible.
 *
 * Seeded; `FC_RUNS=5000 FC_SEED=<n> npx vitest run tests/repair.test.ts` to
 * explore. A counterexample is a bug in the repair (or a new kind of damage
 * to teach it), never a reason to weaken the check.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {clean, type CleanResult, type CleanOptions} from '../src/index.js'
import {repairRemovals} from '../src/engine/repair.js'
import {removalsOf} from '../src/engine/removal.js'
import {createParser, runRules} from '../src/pipeline.js'
import {defaultRuleSet} from '../src/ruleset/index.js'
import {VFile} from 'vfile'
import {generateCorpus} from '../scripts/lib/generate.js'
import {damageProneArticle} from './support/damage-prone.js'
import {renderingDamage} from './support/rendering.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 150)
const SEED = process.env['FC_SEED'] === undefined ? 20240611 : Number(process.env['FC_SEED'])
const settings = {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false}

/** Removal-only rules: every removal is a pure span of the input. */
const options: CleanOptions = {disable: ['frontmatter']}

function damageOf(input: string, result: CleanResult): string[] {
  return renderingDamage(
    input,
    result.markdown,
    result.removals.map((removal) => ({start: removal.start.offset, end: removal.end.offset})),
  )
}

describe('removals leave the Markdown around them as it was', () => {
  it('on articles made to be damaged', () => {
    fc.assert(
      fc.property(damageProneArticle, (input) => {
        expect(damageOf(input, clean(input, options))).toEqual([])
      }),
      settings,
    )
  })

  it('on the bench generator articles', () => {
    const damaged = generateCorpus(40, 11)
      .map(({name, text}) => ({name, text: text.replace(/^\uFEFF/, '')}))
      .filter(({text}) => damageOf(text, clean(text, options)).length > 0)
      .map(({name}) => name)
    expect(damaged).toEqual([])
  })

  it('says what it adjusted, on removals that stay exact spans of the input, grouped by their first part', () => {
    let adjusted = 0
    fc.assert(
      fc.property(damageProneArticle, (input) => {
        const {removals} = clean(input, options)
        let end = 0
        const firstParts = new Map<string, number>()
        for (const removal of removals) {
          expect(removal.text).toBe(input.slice(removal.start.offset, removal.end.offset))
          expect(removal.start.offset).toBeGreaterThanOrEqual(end)
          end = removal.end.offset
          if (removal.group !== undefined && !firstParts.has(`${removal.rule} ${removal.group}`)) {
            firstParts.set(`${removal.rule} ${removal.group}`, removal.start.offset)
          }
          if (removal.adjusted !== undefined) {
            adjusted++
            expect(removal.adjusted).toMatch(/^(?:widened|took|kept|gave)\b/)
          }
        }
        // A group is keyed by the start of its first part, also when the repair moved that start.
        for (const [key, start] of firstParts) expect(Number(key.split(' ')[1])).toBe(start)
      }),
      settings,
    )
    // The articles are made so that some removals need repair: the property above is not vacuous.
    expect(adjusted).toBeGreaterThan(0)
  })

  it('keeps the parts of an unlinked link one removal when it widens the first part', () => {
    const input = 'Intro line\n[- cheap cable](https://amzn.to/x1y2z3) that works.\n'
    const result = clean(input, options)
    expect(result.markdown).toBe('Intro line- cheap cable that works.\n')
    expect(result.removals.map(({text, start, group}) => [text, start.offset, group])).toEqual([
      ['\n[', 10, 10],
      ['](https://amzn.to/x1y2z3)', 25, 10],
    ])
    expect(result.record.stats.removals).toEqual({'affiliate-link': 1})
  })

  it("holds a widened span to its rule's shapes together with the removal it touches (found with seed 11)", () => {
    // The two `<NA>` removals empty the list item between them: the first, widened to the item's marker, is a block only with the second.
    const input = 'Intro text\n1. <NA>- <NA>\n\nText.\n'
    const result = clean(input, {...options, shapeCheck: 'throw'})
    expect(result.markdown).toBe('Intro text\n\n\nText.\n')
    expect(result.removals.map(({text}) => text)).toEqual(['1. <NA>- ', '<NA>'])
  })
})

describe('the engine properties hold for repaired removals', () => {
  it('is deterministic and idempotent', () => {
    fc.assert(
      fc.property(damageProneArticle, (input) => {
        const once = clean(input, options)
        expect(clean(input, options).markdown).toBe(once.markdown)
        expect(clean(once.markdown, options).markdown).toBe(once.markdown)
      }),
      settings,
    )
  })

  it('is reconstructible: the removed texts put back give the input', () => {
    fc.assert(
      fc.property(damageProneArticle, (input) => {
        const result = clean(input, options)
        let text = result.markdown
        for (const removal of result.removals) text = text.slice(0, removal.start.offset) + removal.text + text.slice(removal.start.offset)
        expect(text).toBe(input)
      }),
      settings,
    )
  })
})

describe('repairRemovals', () => {
  const parser = createParser()
  const find = (text: string) => {
    const file = new VFile({value: text})
    const tree = parser.parse(text)
    runRules(tree, file, defaultRuleSet(), new Set(['frontmatter']))
    return {tree, removals: removalsOf(file)}
  }

  it('returns the removals as they were when nothing needs repair', () => {
    const text = 'Try this [book](https://amzn.to/abc1234) today.\n\n<script>x()</script>\n\nMore text.\n'
    const {tree, removals} = find(text)
    const repaired = repairRemovals(text, tree, removals)
    expect(removals.length).toBeGreaterThan(0)
    expect(repaired).toEqual(removals)
    repaired.forEach((removal, index) => expect(removal).toBe(removals[index]))
  })

  it('repairs once: repairing repaired removals changes nothing', () => {
    fc.assert(
      fc.property(damageProneArticle, (input) => {
        const {tree, removals} = find(input)
        const once = repairRemovals(input, tree, removals)
        expect(repairRemovals(input, tree, once).map(({start, end}) => [start.offset, end.offset])).toEqual(
          once.map(({start, end}) => [start.offset, end.offset]),
        )
      }),
      {...settings, numRuns: Math.ceil(NUM_RUNS / 3)},
    )
  })

  it('widens `**Download [](…)**` over the space and `**<NA>**` to the emphasis, and says so', () => {
    const text = '**Download [](https://amzn.to/x1y2z3)** now, or **<NA>** later.\n'
    const {tree, removals} = find(text)
    const repaired = repairRemovals(text, tree, removals)
    expect(repaired.map((removal) => [removal.text, removal.adjusted])).toEqual([
      [' [](https://amzn.to/x1y2z3)', 'widened over the white space it left before the closing `**`'],
      ['**<NA>** ', 'widened to the strong emphasis it emptied'],
    ])
  })
})

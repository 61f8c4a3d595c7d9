/**
 * Repairs of broken YAML (`repair-yaml.ts`, `repair.ts`) case by case, and
 * the edit map that carries what the rules find on repaired text back to
 * the input (`engine/edit-map.ts`), as a property: applying the composed
 * removals to the input gives what applying the found ones to the repaired
 * text gives. Whole articles: tests/frontmatter-repair.property.test.ts and
 * the fixtures under tests/fixtures/frontmatter/.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {applyRemovals} from '../src/engine/apply.js'
import {EditMap, type TextEdit} from '../src/engine/edit-map.js'
import type {Point, Removal} from '../src/engine/removal.js'
import {clean} from '../src/index.js'
import {defaultRuleSet} from '../src/plugin-api.js'
import {applyRepairs, repairYaml} from '../src/rules/frontmatter/repair-yaml.js'
import {findFrontmatterRepairs} from '../src/rules/frontmatter/repair.js'

const textKeys = new Set(['title', 'description'])
const repaired = (yaml: string) => {
  const repairs = repairYaml(yaml, {textKeys})
  return repairs === undefined ? undefined : applyRepairs(yaml, repairs)
}

describe('repairYaml', () => {
  it('quotes a single-line value that does not parse, whole', () => {
    expect(repaired('source: Storm Center, InfoCON: green\ndate: 2024-01-01')).toBe(
      "source: 'Storm Center, InfoCON: green'\ndate: 2024-01-01",
    )
    expect(repaired('title: A: B # not a comment')).toBe("title: 'A: B # not a comment'")
    expect(repaired("title: It's: here")).toBe('title: "It\'s: here"')
    expect(repaired('title: "Quoted" and more')).toBe(`title: '"Quoted" and more'`)
    expect(repaired('title: ""Doubled"" quotes')).toBe(`title: '""Doubled"" quotes'`)
    expect(repaired('title: "never closed')).toBe(`title: '"never closed'`)
  })

  it('quotes a value that starts with a YAML indicator', () => {
    for (const value of [
      '@user says',
      '`code` first',
      '%PDF',
      '| pipe',
      '> arrow',
      '!Breaking news',
      '&amp; Co',
      '*nix tools',
      '[Update] New',
      '{x} y',
      ', comma',
    ]) {
      const out = repaired(`title: ${value}`)
      expect(out, value).toBeDefined()
      expect(out).not.toBe(`title: ${value}`)
    }
    expect(repaired('title: [never closed')).toBe("title: '[never closed'")
  })

  it('escapes quotes inside a quoted value', () => {
    expect(repaired('title: ""AI" and more"')).toBe('title: "\\"AI\\" and more"')
    expect(repaired("title: 'It's here'")).toBe("title: 'It''s here'")
    // A backslash that is no YAML escape: the inner text is taken as written, in single quotes.
    expect(repaired('title: "C:\\Users "x""')).toBe(`title: 'C:\\Users "x"'`)
  })

  it('replaces tabs used as indentation', () => {
    expect(repaired('tags:\n\t- a\n\t- b')).toBe('tags:\n  - a\n  - b')
    expect(repaired('author:\n\tname: Sam\n\turl: https://x')).toBe('author:\n  name: Sam\n  url: https://x')
  })

  it('repairs nested values and list items, and only the lines that fail', () => {
    expect(repaired('author:\n  name: A: B\n  url: https://x.org/a:b')).toBe("author:\n  name: 'A: B'\n  url: https://x.org/a:b")
    expect(repaired('tags:\n  - @one\n  - two: three')).toBe("tags:\n  - '@one'\n  - two: three")
    expect(repaired('title: x\ndescription: |\n  a: b\n  &amp; c\nbad: A: B')).toBe(
      "title: x\ndescription: |\n  a: b\n  &amp; c\nbad: 'A: B'",
    )
  })

  it('returns no repairs for YAML that reads, valid colons, times and URLs included', () => {
    for (const yaml of [
      'title: "A: B"',
      'title: \'He said: "x"\'',
      'time: 10:30',
      'url: https://example.org/a?b=1#c',
      'note: C# and 16:9',
      'a: &x 1\nb: *x',
      '',
    ]) {
      expect(repairYaml(yaml, {textKeys}), yaml).toEqual([])
    }
  })

  it('gives up when no repair makes the YAML read', () => {
    for (const yaml of ['tags: [one, two\nauthor: x', 'title: ok\ntitle: dup', 'a: 1\n\tb: 2', 'title: x\nNot a key\ndate: y']) {
      expect(repairYaml(yaml, {textKeys}), yaml).toBeUndefined()
    }
  })

  it('records what it did: kind, key, the value as written and as read', () => {
    expect(repairYaml('title: ""AI" and more"', {textKeys})).toEqual([
      {
        kind: 'escape-quotes',
        start: 7,
        end: 22,
        replacement: '"\\"AI\\" and more"',
        key: 'title',
        reason: 'YAML repaired: quotes inside the quoted value escaped',
        old: '""AI" and more"',
        new: '"AI" and more',
      },
    ])
  })
})

describe('findFrontmatterRepairs', () => {
  const rules = defaultRuleSet()
  const kinds = (text: string) => findFrontmatterRepairs(text, rules).edits.map((edit) => edit.kind)
  it('puts a closing fence before the first heading, or before a blank line and Markdown', () => {
    expect(findFrontmatterRepairs('---\ntitle: x\n# Heading\n', rules).edits).toEqual([
      expect.objectContaining({kind: 'closing-fence', start: 13, end: 13, replacement: '---\n'}),
    ])
    expect(findFrontmatterRepairs('---\r\ntitle: x\r\n\r\nText.\r\n\r\n---\r\n', rules).edits).toEqual([
      expect.objectContaining({kind: 'closing-fence', start: 15, end: 15, replacement: '---\r\n'}),
    ])
    expect(findFrontmatterRepairs('---\ntitle: x', rules).edits).toEqual([
      expect.objectContaining({kind: 'closing-fence', start: 12, replacement: '\n---'}),
    ])
  })
  it('leaves a thematic break before Markdown alone, and a fence closing a damaged entry', () => {
    expect(kinds('---\nNote: this is not frontmatter.\n\nText.\n')).toEqual([])
    expect(kinds('---\ntitle: x\nBroken line\ndate: y\n---\nBody.\n')).toEqual([])
    expect(kinds('---\ntitle: ok\n---\n\n# Heading\n')).toEqual([])
    expect(kinds('+++\ntitle = \n+++\n')).toEqual([])
  })
})

describe('joining a second block stacked on the first', () => {
  const rules = defaultRuleSet()
  const kinds = (text: string) => findFrontmatterRepairs(text, rules).edits.map((edit) => edit.kind)
  it('joins it when it holds a schema key, no key of the first, and no blank line', () => {
    expect(kinds('---\nreviewed: yes\n---\n---\ntitle: A: B\n---\nBody.\n')).toEqual(['join-blocks', 'quote-value'])
    expect(kinds('---\n---\n---\ntitle: x\n---\n')).toEqual(['join-blocks'])
  })
  it('leaves it when a key repeats, no schema key is named, a blank line shows prose, or a rule follows the block', () => {
    expect(kinds('---\ntitle: x\n---\n---\ntitle: y\n---\n')).toEqual([])
    expect(kinds('---\nx: 1\n---\n---\nreviewer: sam\n---\n')).toEqual([])
    expect(kinds('---\nx: 1\n---\n---\nSummary: a sentence.\n\n---\n')).toEqual([])
    expect(kinds('---\nx: 1\n---\n\n---\ntitle: y\n---\n')).toEqual([])
  })
  it('records the join as a removal of the two fences, also inside a rewrite for a dialect', () => {
    const text = '---\nreviewed: yes\n---\n---\ntitle: A: B\n---\n\nBody.\n'
    const tidy = clean(text)
    expect(tidy.markdown).toBe("---\nreviewed: yes\ntitle: 'A: B'\n---\n\nBody.\n")
    expect(tidy.removals.map((removal) => [removal.text, removal.replacement])).toEqual([
      ['---\n---\n', ''],
      ['A: B', "'A: B'"],
    ])
    const hugo = clean(text, {frontmatter: {dialect: 'hugo'}})
    expect(hugo.markdown).toBe("---\ntitle: 'A: B'\nreviewed: yes\n---\n\nBody.\n")
    expect(hugo.removals).toHaveLength(1)
    expect(hugo.removals[0]!.text).toBe('reviewed: yes\n---\n---\ntitle: A: B')
  })
})

describe('clean() with repaired frontmatter', () => {
  it('maps lines, warnings and strict problems back to the input', () => {
    const text = '---\ntitle: Fix: it\ndate: someday\n# Heading\n\nText.\n'
    const {record} = clean(text, {frontmatter: {strict: true, dialect: 'hugo'}})
    expect(record.headings).toEqual([{depth: 1, text: 'Heading', line: 4}])
    expect(record.problems).toEqual([expect.objectContaining({line: 3, column: 1})])
    const tidy = clean(text)
    expect(tidy.record.warnings).toEqual([expect.objectContaining({rule: 'frontmatter', line: 3, column: 1})])
  })

  it('does not repair with the frontmatter rule off', () => {
    const text = '---\ntitle: A: B\n---\n\nText.\n'
    expect(clean(text, {disable: ['frontmatter']}).markdown).toBe(text)
  })
})

describe('EditMap', () => {
  const point = (offset: number): Point => ({line: 1, column: offset + 1, offset})
  const removal = (start: number, end: number, text: string, replacement?: string): Removal => ({
    ruleId: 'r',
    reason: 'found',
    start: point(start),
    end: point(end),
    text: text.slice(start, end),
    ...(replacement === undefined ? {} : {replacement}),
  })

  it('maps offsets back: inside an edit a start goes to its start, an end to its end; around a deletion, a start after it, an end before', () => {
    const map = new EditMap('abcdef', [
      {start: 1, end: 2, replacement: 'XYZ'},
      {start: 4, end: 5, replacement: ''},
    ])
    expect(map.text).toBe('aXYZcdf')
    expect([0, 1, 2, 4, 5, 6, 7].map((offset) => map.toOriginal(offset, 'start'))).toEqual([0, 1, 1, 2, 3, 5, 6])
    expect([1, 2, 4, 6].map((offset) => map.toOriginal(offset, 'end'))).toEqual([1, 2, 2, 4])
  })

  /** Sorted, disjoint spans of a text of `length`, some empty. */
  const spans = (length: number, count: number) =>
    fc.uniqueArray(fc.integer({min: 0, max: length}), {minLength: 0, maxLength: count * 2}).map((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b)
      const out: Array<[number, number]> = []
      for (let index = 0; index + 1 < sorted.length; index += 2) out.push([sorted[index]!, sorted[index + 1]!])
      return out
    })

  it('composes removals so that applying them to the input gives the cleaned repaired text', () => {
    const arbitrary = fc
      .record({text: fc.string({unit: fc.constantFrom('a', 'b', '\n', ' ', ':'), maxLength: 30}), edits: fc.nat(), removals: fc.nat()})
      .chain(({text}) =>
        fc.record({
          text: fc.constant(text),
          edits: spans(text.length, 3).chain((cuts) =>
            fc.tuple(
              ...cuts.map(([start, end]) =>
                fc.string({unit: fc.constantFrom('Q', "'", '-'), maxLength: 4}).map((replacement): TextEdit => ({start, end, replacement})),
              ),
            ),
          ),
        }),
      )
      .chain(({text, edits}) => {
        const map = new EditMap(text, edits)
        return fc.record({
          map: fc.constant(map),
          removals: spans(map.text.length, 4).chain((cuts) =>
            fc.tuple(
              ...cuts.map(([start, end]) =>
                fc
                  .option(fc.string({unit: fc.constantFrom('z', '\n'), maxLength: 3}), {nil: undefined})
                  .map((replacement) => removal(start, end, map.text, replacement)),
              ),
            ),
          ),
        })
      })
    fc.assert(
      fc.property(arbitrary, ({map, removals}) => {
        const found = removals.filter((item) => item.end.offset > item.start.offset || item.replacement)
        const composed = map.composeRemovals(found, point, (edit) => ({...edit, ruleId: 'repair', reason: 'repaired'}))
        expect(applyRemovals(map.original, composed)).toBe(applyRemovals(map.text, found))
        for (const item of composed) expect(item.text).toBe(map.original.slice(item.start.offset, item.end.offset))
        // Every edit is in some composed removal.
        for (const edit of map.edits) {
          if (edit.start === edit.end && edit.replacement === '') continue
          expect(
            composed.some((item) => item.start.offset <= edit.start && edit.end <= item.end.offset && item.replacement !== undefined),
          ).toBe(true)
        }
      }),
      {numRuns: 2000, seed: 7},
    )
  })
})

describe('a removal of several parts in a repaired article', () => {
  it('stays one removal, its group the input offset of its first part', () => {
    const input = '---\ntitle: x: y\n---\n\nGet it [here](https://amzn.to/abc) now.\n'
    const {removals, record} = clean(input)
    const parts = removals.filter((removal) => removal.rule === 'affiliate-link')
    expect(parts.map((removal) => removal.text)).toEqual(['[', '](https://amzn.to/abc)'])
    expect(parts.map((removal) => removal.group)).toEqual([input.indexOf('[here'), input.indexOf('[here')])
    expect(record.stats.removals['affiliate-link']).toBe(1)
  })
})

describe('a removal in an article whose frontmatter was repaired', () => {
  it('keeps what it says: what the repair step adjusted, and a matter of taste', () => {
    const input = '---\ntitle: x: y\ndate: 2024-01-02 03:04:05\n---\n\n**Download [](https://amzn.to/x)** now\n'
    const {removals} = clean(input)
    const link = removals.find((removal) => removal.rule === 'affiliate-link')!
    expect(link.text).toBe(' [](https://amzn.to/x)')
    expect(link.adjusted).toMatch(/white space/)
    const date = removals.find((removal) => removal.key === 'date')!
    expect(date.severity).toBe('warning')
  })
})

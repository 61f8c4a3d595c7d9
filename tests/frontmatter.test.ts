/**
 * The frontmatter rule beyond its fixtures: list normalisation, invalid YAML
 * and TOML kept with a warning naming the file's line, and the data, changes and
 * replacements it records. Dates: tests/dates.test.ts; properties:
 * tests/frontmatter.property.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'
import {normalizeList} from '../src/rules/frontmatter/lists.js'

const onlyFrontmatter = ruleIds.filter((id) => id !== 'frontmatter')
const run = (text: string, rules = createRuleSet()) => clean(text, {disable: onlyFrontmatter, rules})

describe('normalizeList', () => {
  const comma = {split: /\s*[,，;；]\s*/u, names: true, trim: true, collapse: true, dedupe: true}
  it('splits one string, trims, drops empties and case-insensitive repeats', () => {
    expect(normalizeList(' Alpha, beta ;alpha,,Gamma，Beta ', comma)).toEqual({
      value: ['Alpha', 'beta', 'Gamma'],
      notes: ['comma string split into a list', '2 duplicates dropped', '1 empty item dropped'],
      junk: true,
    })
  })
  it('makes a lone string a one-item list, an empty string an empty list', () => {
    expect(normalizeList('solo', comma)).toEqual({value: ['solo'], notes: ['string made a one-item list'], junk: false})
    expect(normalizeList('  ', comma)).toEqual({value: [], notes: ['empty string made an empty list'], junk: false})
  })
  it('reduces tag objects to their trimmed names', () => {
    expect(
      normalizeList(
        [
          {name: 'tech ', slug: 'tech'},
          {name: 'Web', slug: 'web'},
        ],
        comma,
      ),
    ).toEqual({
      value: ['tech', 'Web'],
      notes: ['2 tag objects reduced to their names', '1 item trimmed'],
      junk: true,
    })
  })
  it('leaves clean lists, and lists it does not understand, alone', () => {
    expect(normalizeList(['a', 'b', 3], comma)).toEqual({value: ['a', 'b', 3], notes: [], junk: false})
    expect(normalizeList([['nested']], comma)).toBeUndefined()
    expect(normalizeList([{slug: 'no-name'}], comma)).toBeUndefined()
    expect(normalizeList(null, comma)).toBeUndefined()
    expect(normalizeList(42, comma)).toBeUndefined()
  })
  it('runs only the transforms it is given', () => {
    expect(normalizeList([' a ', 'A'], {})).toEqual({value: [' a ', 'A'], notes: [], junk: false})
    expect(normalizeList(['a  b', 'a b'], {collapse: true, dedupe: true})).toEqual({
      value: ['a b'],
      notes: ['white space collapsed in 1 item', '1 duplicate dropped'],
      junk: true,
    })
  })
  it('says when only the shape or white space changed (a matter of taste), not junk', () => {
    expect(normalizeList('a, b', comma)).toMatchObject({value: ['a', 'b'], junk: false})
    expect(normalizeList([' a', 'b '], comma)).toMatchObject({value: ['a', 'b'], junk: false})
    expect(normalizeList(['a', 'A'], comma)).toMatchObject({value: ['a'], junk: true})
    expect(normalizeList(['a', ''], comma)).toMatchObject({value: ['a'], junk: true})
    expect(normalizeList([{name: 'x'}], {trim: true})).toBeUndefined()
  })
})

describe('frontmatter rule', () => {
  /** The one frontmatter warning of a result (unreadable frontmatter). */
  const unreadable = (text: string, options = {}) => {
    const result = clean(text, {disable: onlyFrontmatter, ...options})
    return {result, warnings: result.record.warnings.filter((warning) => warning.rule === 'frontmatter')}
  }

  it('keeps YAML no repair makes readable, warns with the line and column in the file, cleans the rest', () => {
    const text = '---\ntitle: Ok\ntags: [one, two\nauthor: Someone\n---\n\nBody.\n'
    const {result, warnings} = unreadable(text)
    expect(result.markdown).toBe(text)
    expect(result.removals).toEqual([])
    expect(result.record.frontmatter).toEqual({})
    expect(warnings).toHaveLength(1)
    const [warning] = warnings
    expect(warning!.line).toBeGreaterThanOrEqual(3)
    expect(warning!.line).toBeLessThanOrEqual(5)
    expect(warning!.reason).toMatch(/^Invalid YAML in the frontmatter: .+; the frontmatter is kept as written$/)
    const message = result.messages.find((candidate) => candidate.ruleId === 'frontmatter')
    expect(message?.fatal).toBe(false)
  })

  it('makes unreadable frontmatter a problem with strict', () => {
    const text = '---\ntitle: Ok\ntags: [one, two\n---\n\nBody.\n'
    const {result, warnings} = unreadable(text, {frontmatter: {strict: true}})
    expect(warnings).toEqual([])
    expect(result.record.problems).toEqual([
      expect.objectContaining({rule: 'frontmatter', reason: expect.stringMatching(/^Invalid YAML in the frontmatter: /)}),
    ])
    expect(result.markdown).toBe(text)
  })

  it('keeps a duplicate key, pointing at the second one', () => {
    const text = '---\ntitle: One\ndate: 2024-01-01\ntitle: Two\n---\nBody.\n'
    const {result, warnings} = unreadable(text)
    expect(result.markdown).toBe(text)
    expect(warnings).toEqual([
      {rule: 'frontmatter', reason: 'Duplicate key `title` in the frontmatter; the frontmatter is kept as written', line: 4, column: 1},
    ])
  })

  it('keeps invalid TOML, naming the line in the file', () => {
    for (const text of ['+++\ntitle = "Ok"\ndate = \n+++\n\nBody.\n', '+++\ntitle = "One"\ntitle = "Two"\n+++\nBody.\n']) {
      const {result, warnings} = unreadable(text)
      expect(result.markdown).toBe(text)
      expect(warnings).toEqual([expect.objectContaining({line: 3, reason: expect.stringMatching(/^Invalid TOML in the frontmatter: /)})])
    }
  })

  it('counts lines in the file, not in the YAML, and after a removed BOM', () => {
    const {result, warnings} = unreadable('\uFEFF---\na: 1\ntags: [x\n---\n')
    expect(warnings).toEqual([expect.objectContaining({line: 3})])
    // The BOM goes all the same (a change of its own, not of the YAML).
    expect(result.markdown).toBe('---\na: 1\ntags: [x\n---\n')
  })

  it('keeps frontmatter it cannot read with --format too', () => {
    for (const block of ['---\ntitle: x\ntitle: y\n---\n', '---\n- a list\n- not a mapping\n---\n']) {
      const {markdown} = clean(`${block}\n*Body* text.\n`, {format: true})
      expect(markdown).toBe(`${block}_Body_ text.\n`)
    }
  })

  it('cleans the body of an article whose frontmatter it keeps', () => {
    const text = '---\ntitle: x\ntitle: y\n---\n\nRead [this](https://example.com/?utm_source=feed).\n'
    const result = clean(text)
    expect(result.markdown).toBe('---\ntitle: x\ntitle: y\n---\n\nRead [this](https://example.com/).\n')
    expect(result.removals.map((removal) => removal.rule)).toEqual(['tracking-param'])
    expect(result.record.warnings.map((warning) => warning.rule)).toEqual(['frontmatter'])
  })

  it('records the normalised data, in the author’s order', () => {
    const text = '---\nzeta: 1\nkeywords: b, a\ndate: 2024-09-11 23:53:11\nnested: {x: [1, 2]}\n---\nBody.\n'
    const {record} = run(text)
    expect(Object.keys(record.frontmatter)).toEqual(['zeta', 'keywords', 'date', 'nested'])
    expect(record.frontmatter).toEqual({zeta: 1, keywords: ['b', 'a'], date: '2024-09-11T23:53:11', nested: {x: [1, 2]}})
  })

  it('records each change with its key, the old entry and the new one', () => {
    const text = '---\ntitle: T\nkeywords: b, a\n---\nBody.\n'
    const {removals, markdown} = run(text)
    expect(removals).toHaveLength(1)
    expect(removals[0]).toMatchObject({
      rule: 'frontmatter',
      key: 'keywords',
      reason: 'keywords: comma string split into a list',
      text: 'keywords: b, a',
      replacement: 'keywords:\n  - b\n  - a',
      start: {line: 3, column: 1, offset: 13},
    })
    expect(markdown).toBe('---\ntitle: T\nkeywords:\n  - b\n  - a\n---\nBody.\n')
  })

  it('writes replacements with the file’s CRLF line endings', () => {
    const text = '---\r\ntitle: T\r\nkeywords: b, a\r\n---\r\nBody.\r\n'
    const {markdown, removals} = run(text)
    expect(removals[0]?.replacement).toBe('keywords:\r\n  - b\r\n  - a')
    expect(markdown).toBe('---\r\ntitle: T\r\nkeywords:\r\n  - b\r\n  - a\r\n---\r\nBody.\r\n')
  })

  it('keeps the quoting of a rewritten date', () => {
    const {markdown} = run("---\ndate: '2024-09-11 23:53:11'\n---\n")
    expect(markdown).toBe("---\ndate: '2024-09-11T23:53:11'\n---\n")
  })

  it('takes `published: false` for the publish flag it is (Jekyll, Hexo), not for a date', () => {
    const text = '---\ntitle: Draft\npublished: false\n---\nBody.\n'
    const {markdown, record} = run(text)
    expect(markdown).toBe(text)
    expect(record.warnings).toEqual([])
    const jekyll = clean(text, {disable: onlyFrontmatter, frontmatter: {dialect: 'jekyll'}})
    expect(jekyll.record.frontmatter).toEqual({title: 'Draft', published: false})
  })

  it('warns about a date it cannot read and leaves it', () => {
    const {markdown, record} = run('---\ndate: next Tuesday\nupdated: 17\n---\nBody.\n')
    expect(markdown).toBe('---\ndate: next Tuesday\nupdated: 17\n---\nBody.\n')
    expect(record.removals).toEqual([])
    expect(record.warnings.map((warning) => [warning.rule, warning.line])).toEqual([
      ['frontmatter', 2],
      ['frontmatter', 3],
    ])
  })

  it('leaves a frontmatter that is not a mapping, with a warning', () => {
    const text = '---\njust a sentence\n---\nBody.\n'
    const {markdown, record} = run(text)
    expect(markdown).toBe(text)
    expect(record.frontmatter).toEqual({})
    expect(record.warnings).toHaveLength(1)
  })

  it('sets empty data when there is no frontmatter or an empty one', () => {
    for (const text of ['Just a body.\n', '---\n---\nBody.\n']) {
      const {markdown, record} = run(text)
      expect(markdown).toBe(text)
      expect(record.frontmatter).toEqual({})
    }
  })

  it('reads TOML frontmatter', () => {
    const text = '+++\ntitle = "x"\nweight = 3\n+++\nBody.\n'
    const {markdown, record} = run(text)
    expect(markdown).toBe(text)
    expect(record.frontmatter).toEqual({title: 'x', weight: 3})
  })

  it('keeps an alias with its own value under its own name when the canonical key is also set', () => {
    const text = '---\ntags: [a]\ntag: b\n---\n'
    const tidied = run(text)
    expect(tidied.markdown).toBe('---\ntags: [a]\ntag:\n  - b\n---\n')
    expect(tidied.record.warnings).toEqual([])
    const canonical = clean(text, {disable: onlyFrontmatter, frontmatter: {dialect: 'canonical'}})
    expect(canonical.record.frontmatter).toEqual({tags: ['a'], tag: ['b']})
    expect(canonical.record.warnings.map((warning) => warning.reason)).toEqual([
      'Frontmatter key `tag` is another name for `tags`, which is also set to something else; kept under its own name',
    ])
  })

  it('drops an alias that repeats its canonical key', () => {
    const {markdown, record} = run('---\ndescription: Same words\nseo_desc: Same  words\n---\n')
    expect(markdown).toBe('---\ndescription: Same words\n---\n')
    expect(record.changes).toEqual([{key: 'seo_desc', old: 'Same  words', reason: 'same as `description`, dropped'}])
  })

  it('leaves entries holding anchors, so aliases to them still resolve', () => {
    const text = '---\nkeywords: &k a, b\nsummary: *k\n---\n'
    expect(run(text).markdown).toBe(text)
  })

  it('drops an excerpt that repeats the description, but keeps a different one', () => {
    const same = run('---\ndescription: Some  text\nexcerpt: Some text\nnext: 1\n---\n')
    expect(same.markdown).toBe('---\ndescription: Some text\nnext: 1\n---\n')
    expect(same.record.frontmatter).toEqual({description: 'Some text', next: 1})
    const different = '---\ndescription: Some text\nexcerpt: Other text\n---\n'
    expect(run(different).markdown).toBe(different)
  })

  it('is idempotent on what it writes', () => {
    const text = "---\nTags: 'x , y,X'\ndate: 2024-9-1 8:05:00 +02:00\ncategories:\n- name: ' a'\n---\nBody.\n"
    const once = run(text).markdown
    expect(once).toBe('---\ntags:\n  - x\n  - y\ndate: 2024-09-01T08:05:00+02:00\ncategories:\n- a\n---\nBody.\n')
    expect(run(once).removals).toEqual([])
  })
})

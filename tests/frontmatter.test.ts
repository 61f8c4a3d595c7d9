/**
 * The frontmatter rule beyond its fixtures: the date parser (a table, and the
 * same answers in every time zone), list normalisation, invalid YAML failing
 * with the file's line, and the data and replacements it records.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {clean, CleanError, createRuleSet, ruleIds} from '../src/index.js'
import {normalizeDate} from '../src/plugins/frontmatter/dates.js'
import {normalizeList} from '../src/plugins/frontmatter/lists.js'

const onlyFrontmatter = ruleIds.filter((id) => id !== 'frontmatter')
const run = (text: string, rules = createRuleSet()) => clean(text, {disable: onlyFrontmatter, rules})

describe('normalizeDate', () => {
  const table: Array<[string, string | undefined, boolean?]> = [
    // Already ISO 8601: left exactly as written.
    ['2024-08-16T00:52:37.791Z', '2024-08-16T00:52:37.791Z', false],
    ['2019-04-01T21:18:00.000Z', '2019-04-01T21:18:00.000Z', false],
    ['2024-08-16T02:52:37+02:00', '2024-08-16T02:52:37+02:00', false],
    ['2024-08-16T02:52Z', '2024-08-16T02:52Z', false],
    ['2024-01-05', '2024-01-05', false],
    // Loose forms → toISOString(); no zone means UTC.
    ['2024-09-11 23:53:11', '2024-09-11T23:53:11.000Z', true],
    ['2024-09-11T23:53:11', '2024-09-11T23:53:11.000Z', true],
    ['2025-03-05 17:00:00 +00:00', '2025-03-05T17:00:00.000Z', true],
    ['2025-03-05 17:00:00 +05:30', '2025-03-05T11:30:00.000Z', true],
    ['2025-03-05 01:00:00 -0800', '2025-03-05T09:00:00.000Z', true],
    ['2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.100Z', true],
    ['2024-09-11 23:53', '2024-09-11T23:53:00.000Z', true],
    ['2024-09-11t23:53:11.5z', '2024-09-11T23:53:11.500Z', true],
    ['2024-09-11 23:53:11.7919Z', '2024-09-11T23:53:11.791Z', true],
    ['2024/09/11 23:53:11', '2024-09-11T23:53:11.000Z', true],
    ['2024-12-31 23:30:00 -01:00', '2025-01-01T00:30:00.000Z', true],
    ['2024-2-9', '2024-02-09', true],
    ['0099-06-01 12:00:00', '0099-06-01T12:00:00.000Z', true],
    // RFC 2822, as RSS writes it.
    ['Wed, 11 Sep 2024 23:53:11 GMT', '2024-09-11T23:53:11.000Z', true],
    ['11 Sep 2024 23:53:11 +0200', '2024-09-11T21:53:11.000Z', true],
    ['Mon, 04 Mar 2024 08:00:00 PST', '2024-03-04T16:00:00.000Z', true],
    // Not dates: left as written (undefined).
    ['soon', undefined],
    ['2024-02-30 10:00:00', undefined],
    ['2023-02-29', undefined],
    ['2024-13-01', undefined],
    ['2024-09-11 24:00:00', undefined],
    ['2024-09-11 23:60:00', undefined],
    ['1717000000', undefined],
    ['', undefined],
  ]

  it.each(table)('%s → %s', (input, iso, changed) => {
    const result = normalizeDate(input)
    expect(result?.iso).toBe(iso)
    if (result) expect(result.changed).toBe(changed)
  })

  it('says when it took a zone-less time as UTC', () => {
    expect(normalizeDate('2024-09-11 23:53:11')?.zone).toBe('assumed-utc')
    expect(normalizeDate('2024-09-11 23:53:11 +00:00')?.zone).toBe('given')
    expect(normalizeDate('2024-09-11')?.zone).toBe('date')
  })

  describe('does not depend on the machine time zone', () => {
    const original = process.env['TZ']
    afterEach(() => {
      if (original === undefined) delete process.env['TZ']
      else process.env['TZ'] = original
    })
    for (const zone of ['America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/London']) {
      it(zone, () => {
        process.env['TZ'] = zone
        // Node re-reads TZ when it is assigned: prove the zone is in effect.
        expect(new Date(2024, 6, 1).getTimezoneOffset()).not.toBe(0)
        for (const [input, iso] of table) expect(normalizeDate(input)?.iso).toBe(iso)
      })
    }
  })
})

describe('normalizeList', () => {
  const comma = /\s*[,，;；]\s*/u
  it('splits one string, trims, drops empties and case-insensitive repeats', () => {
    expect(normalizeList(' Alpha, beta ;alpha,,Gamma，Beta ', comma)).toEqual({
      value: ['Alpha', 'beta', 'Gamma'],
      notes: ['comma string split into a list', '2 duplicates dropped', '1 empty item dropped'],
    })
  })
  it('makes a lone string a one-item list, an empty string an empty list', () => {
    expect(normalizeList('solo', comma)?.value).toEqual(['solo'])
    expect(normalizeList('  ', comma)).toEqual({value: [], notes: ['empty string made an empty list']})
  })
  it('reduces tag objects to their trimmed names', () => {
    expect(normalizeList([{name: 'tech ', slug: 'tech'}, {name: 'Web', slug: 'web'}], comma)).toEqual({
      value: ['tech', 'Web'],
      notes: ['2 tag objects reduced to their names', '1 item trimmed'],
    })
  })
  it('leaves clean lists, and lists it does not understand, alone', () => {
    expect(normalizeList(['a', 'b', 3], comma)).toEqual({value: ['a', 'b', 3], notes: []})
    expect(normalizeList([['nested']], comma)).toBeUndefined()
    expect(normalizeList([{slug: 'no-name'}], comma)).toBeUndefined()
    expect(normalizeList(null, comma)).toBeUndefined()
    expect(normalizeList(42, comma)).toBeUndefined()
  })
})

describe('frontmatter rule', () => {
  it('fails on invalid YAML with the line and column in the file', () => {
    const text = '---\ntitle: Ok\ntags: [one, two\nauthor: Someone\n---\n\nBody.\n'
    let error: unknown
    try {
      run(text)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(CleanError)
    const cleanError = error as CleanError
    expect(cleanError.line).toBeGreaterThanOrEqual(3)
    expect(cleanError.line).toBeLessThanOrEqual(5)
    expect(cleanError.message).toMatch(new RegExp(`^input\\.md:${cleanError.line}:\\d+: Invalid YAML in the frontmatter`))
  })

  it('fails on a duplicate key, pointing at the second one', () => {
    const text = '---\ntitle: One\ndate: 2024-01-01\ntitle: Two\n---\nBody.\n'
    expect(() => run(text)).toThrowError(/^input\.md:4:1: Duplicate key `title` in the frontmatter$/)
  })

  it('counts lines in the file, not in the YAML, and after a removed BOM', () => {
    const text = '\uFEFF---\na: 1\nb: : :\n---\n'
    expect(() => run(text)).toThrowError(/^input\.md:3:\d+: /)
  })

  it('records the normalised data, in the author’s order', () => {
    const text = '---\nzeta: 1\nkeywords: b, a\ndate: 2024-09-11 23:53:11\nnested: {x: [1, 2]}\n---\nBody.\n'
    const {record} = run(text)
    expect(Object.keys(record.frontmatter)).toEqual(['zeta', 'keywords', 'date', 'nested'])
    expect(record.frontmatter).toEqual({zeta: 1, keywords: ['b', 'a'], date: '2024-09-11T23:53:11.000Z', nested: {x: [1, 2]}})
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
    expect(markdown).toBe("---\ndate: '2024-09-11T23:53:11.000Z'\n---\n")
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

  it('sets empty data when there is no frontmatter, an empty one, or TOML', () => {
    for (const text of ['Just a body.\n', '---\n---\nBody.\n', '+++\ntitle = "x"\n+++\nBody.\n']) {
      const {markdown, record} = run(text)
      expect(markdown).toBe(text)
      expect(record.frontmatter).toEqual({})
    }
  })

  it('does not rename an alias when the canonical key is also set', () => {
    const rules = createRuleSet({frontmatter: {keys: [{id: 'tags', key: 'tags', type: 'list', aliases: ['tag']}]}})
    const text = '---\ntags: [a]\ntag: b\n---\n'
    const {markdown, record} = run(text, rules)
    expect(markdown).toBe(text)
    expect(record.warnings.map((warning) => warning.reason)).toEqual([
      'Frontmatter key `tag` is another name for `tags`, which is also set; left as is',
    ])
  })

  it('leaves entries holding anchors, so aliases to them still resolve', () => {
    const text = '---\nkeywords: &k a, b\nsummary: *k\n---\n'
    expect(run(text).markdown).toBe(text)
  })

  it('drops an excerpt that repeats the description, but keeps a different one', () => {
    const same = run('---\ndescription: Some  text\nexcerpt: Some text\nnext: 1\n---\n')
    expect(same.markdown).toBe('---\ndescription: Some  text\nnext: 1\n---\n')
    expect(same.record.frontmatter).toEqual({description: 'Some  text', next: 1})
    const different = '---\ndescription: Some text\nexcerpt: Other text\n---\n'
    expect(run(different).markdown).toBe(different)
  })

  it('is idempotent on what it writes', () => {
    const text = "---\nTags: 'x , y,X'\ndate: 2024-9-1 8:05:00 +02:00\ncategories:\n- name: ' a'\n---\nBody.\n"
    const once = run(text).markdown
    expect(once).toBe("---\ntags:\n  - x\n  - y\ndate: 2024-09-01T06:05:00.000Z\ncategories:\n- a\n---\nBody.\n")
    expect(run(once).removals).toEqual([])
  })
})

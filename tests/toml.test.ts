/**
 * TOML frontmatter: the spans `readToml` finds for each top-level entry
 * (keys in every spelling, values whose text holds `=`, `#`, `[`, `]`,
 * multi-line arrays and strings, sections and arrays of tables, CRLF),
 * entries that must not be spliced, syntax errors with their line and
 * column, and writing TOML back. A property test renders random documents
 * in varied styles and checks each entry's span is exactly the text rendered
 * for it. Rerun a failure with `FC_SEED=<seed> npx vitest run tests/toml.test.ts`.
 */
import fc from 'fast-check'
import {parse, TomlDate} from 'smol-toml'
import {describe, expect, it} from 'vitest'
import {readToml, writeToml, writeTomlEntry, type TomlEntry} from '../src/rules/frontmatter/toml.js'

const SEED = process.env['FC_SEED'] === undefined ? 20250101 : Number(process.env['FC_SEED'])

/** Read text that must be valid; fail the test otherwise. */
function read(text: string): {data: Record<string, unknown>; entries: readonly TomlEntry[]} {
  const result = readToml(text)
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.message} (${result.line}:${result.column})`)
  return result
}

function entry(entries: readonly TomlEntry[], key: string): TomlEntry {
  const found = entries.find((candidate) => candidate.key === key)
  if (!found) throw new Error(`no entry ${key}`)
  return found
}

/** What each entry's span holds, by key. */
function spans(text: string): Record<string, string> {
  const spansByKey: Record<string, string> = {}
  for (const {key, start, end} of read(text).entries) spansByKey[key] = text.slice(start, end)
  return spansByKey
}

describe('readToml: spans of plain entries', () => {
  it('gives key, value, offsets, line and column of simple keys', () => {
    const text = 'title = "Hello"\ncount   =   3   # how many\n\n  draft=false\n'
    const {entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['title', 'count', 'draft'])
    expect(entries[0]).toMatchObject({value: 'Hello', start: 0, end: 15, line: 1, column: 1, editable: true})
    expect(entries[1]).toMatchObject({value: 3, start: 16, line: 2, column: 1, editable: true})
    expect(text.slice(entries[1]!.start, entries[1]!.end)).toBe('count   =   3')
    expect(entries[2]).toMatchObject({value: false, line: 4, column: 3, editable: true})
    expect(text.slice(entries[2]!.start, entries[2]!.end)).toBe('draft=false')
  })

  it('matches the module example', () => {
    const {entries} = read('title = "Hi" # greeting\ntags = ["a",\n  "b"]\n')
    expect(entries.map(({key, start, end, line, column}) => ({key, start, end, line, column}))).toEqual([
      {key: 'title', start: 0, end: 12, line: 1, column: 1},
      {key: 'tags', start: 24, end: 43, line: 2, column: 1},
    ])
  })

  it('unquotes quoted keys and keeps the quotes in the span', () => {
    const text = '"my key" = 1\n\'lit key\' = 2\n"a\\u0062" = 3\n"dots.in.quotes" = 4\n"" = 5\n'
    const {entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['my key', 'lit key', 'ab', 'dots.in.quotes', ''])
    expect(entries.map((e) => e.line)).toEqual([1, 2, 3, 4, 5])
    expect(spans(text)).toEqual({
      'my key': '"my key" = 1',
      'lit key': "'lit key' = 2",
      ab: '"a\\u0062" = 3',
      'dots.in.quotes': '"dots.in.quotes" = 4',
      '': '"" = 5',
    })
  })

  it('is not fooled by =, #, [, ], quotes and escapes inside strings', () => {
    const text = [
      's = "a = [b] # not a comment \\" still in"  # a comment',
      "path = 'C:\\dir\\' # the backslash is literal",
      'empty = ""',
      'next = 1',
    ].join('\n')
    expect(spans(text)).toEqual({
      s: 's = "a = [b] # not a comment \\" still in"',
      path: "path = 'C:\\dir\\'",
      empty: 'empty = ""',
      next: 'next = 1',
    })
  })

  it('spans multi-line strings whose lines look like keys, headers and comments', () => {
    const body = 'body = """\n[not.a.header]\nk = v # not a comment\n\\"""\n"" """'
    const raw = "raw = '''\n[[nor.this]]\n# nor this\n'''"
    const text = `${body}\n${raw}\nafter = "x"\n`
    const {data, entries} = read(text)
    expect(spans(text)).toEqual({body, raw, after: 'after = "x"'})
    expect(data['body']).toBe('[not.a.header]\nk = v # not a comment\n"""\n"" ')
    expect(entry(entries, 'after').line).toBe(10)
  })

  it('ends a multi-line string after up to two extra closing quotes', () => {
    const text = 'a = """x""""" # five\nb = \'\'\'y\'\'\'\'\nc = 1'
    const {data} = read(text)
    expect(data).toEqual({a: 'x""', b: "y'", c: 1})
    expect(spans(text)).toEqual({a: 'a = """x"""""', b: "b = '''y''''", c: 'c = 1'})
  })

  it('spans multi-line arrays with comments, nested arrays and a trailing comma', () => {
    const tags = ['tags = [', '  "a]",   # a comment with ] and [ and "', "  'b#',", '  [1, [2, 3]],', '  # a comment line = x', ']'].join(
      '\n',
    )
    const text = `${tags} # trailing\nnext = true\n`
    const {data, entries} = read(text)
    expect(spans(text)).toEqual({tags, next: 'next = true'})
    expect(data['tags']).toEqual(['a]', 'b#', [1, [2, 3]]])
    expect(entry(entries, 'next')).toMatchObject({line: 7, column: 1, editable: true})
  })

  it('spans inline tables, dates written with a space, and special floats', () => {
    const author = 'author = {name = "Ann # B", links = ["x]", { y = "}" }]}'
    const text = `${author}\nwhen = 1979-05-27 07:32:00Z # zulu\nday = 1979-05-27\nodd = [nan, -inf, +1_000, 0x1F]\n`
    const {data} = read(text)
    expect(spans(text)).toEqual({
      author,
      when: 'when = 1979-05-27 07:32:00Z',
      day: 'day = 1979-05-27',
      odd: 'odd = [nan, -inf, +1_000, 0x1F]',
    })
    expect(data['when']).toBeInstanceOf(TomlDate)
    expect((data['when'] as TomlDate).toISOString()).toBe('1979-05-27T07:32:00.000Z')
    expect((data['day'] as TomlDate).isDate()).toBe(true)
  })

  it('joins contiguous dotted keys of one root into one editable entry', () => {
    const text = 'site.name = "x"\n# between\nsite . "base url" = "y"\nsite.deep.er = 1 # c\nother = 2\n'
    const {data, entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['site', 'other'])
    expect(entry(entries, 'site')).toMatchObject({
      value: {name: 'x', 'base url': 'y', deep: {er: 1}},
      start: 0,
      line: 1,
      editable: true,
    })
    expect(spans(text)['site']).toBe('site.name = "x"\n# between\nsite . "base url" = "y"\nsite.deep.er = 1')
    expect(data['other']).toBe(2)
  })
})

describe('readToml: sections', () => {
  const text = [
    'title = "T"',
    '',
    '[params]',
    'color = "red" # trailing',
    '# comment inside',
    'size = 2',
    '',
    '# comment before the next section',
    '[ params . "social media" ]',
    'x = "y" # not in the span',
    '',
    '[[menu]]',
    'name = "home"',
    '',
    '[[menu]] # header comment',
    'name = "about"',
    '[empty]   # only a header',
    '',
  ].join('\n')

  it('spans a table and its sub-tables from the first [ to the last value', () => {
    const {entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['title', 'params', 'menu', 'empty'])
    const params = entry(entries, 'params')
    expect(params).toMatchObject({line: 3, column: 1, editable: true})
    expect(params.value).toEqual({color: 'red', size: 2, 'social media': {x: 'y'}})
    expect(text.slice(params.start, params.end)).toBe(
      '[params]\ncolor = "red" # trailing\n# comment inside\nsize = 2\n\n# comment before the next section\n[ params . "social media" ]\nx = "y"',
    )
  })

  it('spans arrays of tables, and a section that is only a header', () => {
    const {entries} = read(text)
    const menu = entry(entries, 'menu')
    expect(menu).toMatchObject({line: 12, column: 1, editable: true})
    expect(menu.value).toEqual([{name: 'home'}, {name: 'about'}])
    expect(text.slice(menu.start, menu.end)).toBe('[[menu]]\nname = "home"\n\n[[menu]] # header comment\nname = "about"')
    expect(spans(text)['empty']).toBe('[empty]')
    expect(entry(entries, 'empty')).toMatchObject({value: {}, line: 17, editable: true})
  })

  it('joins root dotted keys with a directly following section of the same root', () => {
    const source = 'a.x = 1\n[a.b]\ny = 2\n'
    expect(read(source).entries).toHaveLength(1)
    expect(read(source).entries[0]).toMatchObject({key: 'a', editable: true})
    expect(spans(source)['a']).toBe('a.x = 1\n[a.b]\ny = 2')
  })

  it('keys a quoted header root by its unquoted text', () => {
    const source = '["my.site" . sub]\nk = 1\n'
    expect(read(source).entries[0]).toMatchObject({key: 'my.site', value: {sub: {k: 1}}, editable: true})
  })
})

describe('readToml: entries that must not be spliced', () => {
  it('marks interleaved dotted keys not editable, spanning first to last', () => {
    const text = 'a.x = 1\nb = 2\na.y = 3\n'
    const {entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['a', 'b'])
    expect(entry(entries, 'a')).toMatchObject({value: {x: 1, y: 3}, start: 0, editable: false})
    expect(spans(text)['a']).toBe('a.x = 1\nb = 2\na.y = 3')
    expect(entry(entries, 'b')).toMatchObject({editable: true})
  })

  it('marks interleaved sections not editable', () => {
    const text = '[a]\nx = 1\n[b]\ny = 2\n[a.c]\nz = 3\n'
    const {entries} = read(text)
    expect(entries.map((e) => e.key)).toEqual(['a', 'b'])
    expect(entry(entries, 'a')).toMatchObject({editable: false, line: 1})
    expect(spans(text)['a']).toBe('[a]\nx = 1\n[b]\ny = 2\n[a.c]\nz = 3')
    expect(entry(entries, 'b')).toMatchObject({editable: true, line: 3})
    expect(spans(text)['b']).toBe('[b]\ny = 2')
  })

  it('marks interleaved arrays of tables not editable', () => {
    const {entries} = read('[[p]]\nn = 1\n[q]\n[[p]]\nn = 2\n')
    expect(entry(entries, 'p')).toMatchObject({value: [{n: 1}, {n: 2}], editable: false})
    expect(entry(entries, 'q').editable).toBe(true)
  })
})

describe('readToml: CRLF', () => {
  const lf = 'title = "Hi" # c\ntags = [\n  "a", # x\n  "b",\n]\n\n[params]\nk = """\nline\n"""\n'
  const crlf = lf.replaceAll('\n', '\r\n')

  it('gives offsets into the CRLF text, the same lines and columns, and no \\r in a span', () => {
    const fromLf = read(lf)
    const fromCrlf = read(crlf)
    expect(fromCrlf.entries.map((e) => [e.key, e.line, e.column, e.editable])).toEqual(
      fromLf.entries.map((e) => [e.key, e.line, e.column, e.editable]),
    )
    for (const e of fromCrlf.entries) {
      const span = crlf.slice(e.start, e.end)
      expect(span.endsWith('\r')).toBe(false)
      expect(span.replaceAll('\r\n', '\n')).toBe(spans(lf)[e.key])
    }
    expect(entry(fromCrlf.entries, 'tags').start).toBe(crlf.indexOf('tags'))
    expect(entry(fromCrlf.entries, 'params')).toMatchObject({start: crlf.indexOf('[params]'), line: 7})
    expect(crlf.slice(entry(fromCrlf.entries, 'params').end)).toBe('\r\n')
  })
})

describe('readToml: syntax errors', () => {
  it('names line and column of a missing value', () => {
    expect(readToml('a = 1\nb = 2\nc =\n')).toEqual({ok: false, line: 3, column: 4, message: 'Invalid TOML document: invalid value'})
  })

  it('names the line of a duplicate key, with LF or CRLF', () => {
    for (const eol of ['\n', '\r\n']) {
      const result = readToml(['a = 1', 'b = 2', 'a = 3'].join(eol))
      expect(result).toMatchObject({ok: false, line: 3, column: 1})
      if (!result.ok) expect(result.message).toMatch(/redefine/)
    }
  })

  it('keeps only the first line of the message and never throws', () => {
    for (const bad of ['[', '"', 'a = "x\nb = 1', 'a = [1,,]', '= 1', 'a = 1 b = 2', '\u0000', '[a]\n[a]\n', 'x = {']) {
      const result = readToml(bad)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.message).not.toContain('\n')
        expect(result.line).toBeGreaterThanOrEqual(1)
        expect(result.column).toBeGreaterThanOrEqual(1)
      }
    }
  })

  it('reads an empty document as no entries', () => {
    expect(readToml('')).toEqual({ok: true, data: {}, entries: []})
    expect(readToml('# only a comment\r\n\r\n')).toEqual({ok: true, data: {}, entries: []})
  })
})

describe('readToml: data', () => {
  it('is made of plain objects, keeps TomlDate, and keeps __proto__ as an own key', () => {
    const {data} = read('"__proto__" = {polluted = true}\nd = 2024-01-02T03:04:05+02:00\n[t]\nlist = [{x = 1}]\n')
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(Object.hasOwn(data, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(Object.getOwnPropertyDescriptor(data, '__proto__')!.value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    const table = data['t'] as {list: Array<Record<string, unknown>>}
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(table.list[0])).toBe(Object.prototype)
    expect(data['d']).toBeInstanceOf(TomlDate)
    expect((data['d'] as TomlDate).toISOString()).toBe('2024-01-02T03:04:05.000+02:00')
  })
})

describe('writeToml', () => {
  const data = {
    title: 'A "quoted" # title\nwith two lines',
    'odd key': 'x = [y]',
    count: 42,
    ratio: 0.5,
    draft: false,
    tags: ['a', 'b, c', ''],
    params: {color: 'red', social: {x: 'y'}},
    published: new TomlDate('2024-05-06T07:08:09Z'),
    day: new TomlDate('2024-05-06'),
  }

  it('round-trips through readToml', () => {
    const written = writeToml(data)
    expect(written.endsWith('\n')).toBe(false)
    const back = read(written).data
    expect(back).toEqual(data)
    expect((back['published'] as TomlDate).toISOString()).toBe('2024-05-06T07:08:09.000Z')
    expect((back['day'] as TomlDate).isDate()).toBe(true)
  })

  it('uses the given line ending throughout', () => {
    const written = writeToml(data, '\r\n')
    expect(written).toContain('\r\n')
    expect(written.replaceAll('\r\n', '')).not.toContain('\n')
    expect(written.endsWith('\r\n')).toBe(false)
    expect(read(written).data).toEqual(data)
  })

  it('writes a plain Date as an offset date-time, and strings as strings', () => {
    const written = writeToml({when: new Date(Date.UTC(2020, 1, 3, 4, 5, 6)), text: '2020-02-03'})
    expect(written).toBe('when = 2020-02-03T04:05:06.000Z\ntext = "2020-02-03"')
    const back = read(written).data
    expect(back['when']).toBeInstanceOf(TomlDate)
    expect((back['when'] as TomlDate).getTime()).toBe(Date.UTC(2020, 1, 3, 4, 5, 6))
    expect(back['text']).toBe('2020-02-03')
  })

  it('writes an empty object as an empty string', () => {
    expect(writeToml({})).toBe('')
  })
})

describe('writeTomlEntry', () => {
  it('quotes the key only when it is not bare', () => {
    expect(writeTomlEntry('title', 'x')).toBe('title = "x"')
    expect(writeTomlEntry('my-key_2', 1)).toBe('my-key_2 = 1')
    expect(writeTomlEntry('my key', 3)).toBe('"my key" = 3')
    expect(writeTomlEntry('a.b', true)).toBe('"a.b" = true')
    expect(writeTomlEntry('', 0)).toBe('"" = 0')
  })

  it('refuses tables, arrays of tables and null', () => {
    expect(writeTomlEntry('t', {a: 1})).toBeUndefined()
    expect(writeTomlEntry('t', {})).toBeUndefined()
    expect(writeTomlEntry('t', [{a: 1}, {a: 2}])).toBeUndefined()
    expect(writeTomlEntry('t', null)).toBeUndefined()
    expect(writeTomlEntry('t', undefined)).toBeUndefined()
  })

  it('re-parses to the same value', () => {
    const values: Array<[string, unknown]> = [
      ['s', 'line one\nline "two" # = [x]'],
      ['n', -12],
      ['f', 3.25],
      ['b', true],
      ['list', ['a', 'b']],
      ['mixed', [1, 'two', [3], {four: 4}]],
      ['empty', []],
      ['date', new TomlDate('1999-12-31T23:59:59.5-05:00')],
      ['local', new TomlDate('1999-12-31T23:59:59')],
      ['__proto__', 'kept'],
      ['weird "key" #', 1],
    ]
    for (const [key, value] of values) {
      const line = writeTomlEntry(key, value)
      expect(line).toBeDefined()
      expect(line).not.toContain('\n')
      const back = read(line!)
      expect(Object.keys(back.data)).toEqual([key])
      expect(back.data[key]).toEqual(value)
      expect(back.entries[0]).toMatchObject({key, start: 0, end: line!.length, editable: true})
    }
  })
})

// ---------------------------------------------------------------------------
// Property: random documents, rendered in varied styles

type Scalar = string | number | boolean | Date
type Value = Scalar | Value[]

const KEY_CHARS = ['a', 'b', 'z', '0', '-', '_', ' ', '.', '"', "'", '#', '=', '[', 'é']
const STRING_CHARS = ['a', 'b', ' ', '=', '#', '[', ']', '{', '}', ',', '.', '"', "'", '\\', '\n', '\t', 'é']

const keyArbitrary = fc.string({unit: fc.constantFrom(...KEY_CHARS), maxLength: 6})
const stringArbitrary = fc.string({unit: fc.constantFrom(...STRING_CHARS), maxLength: 12})
const scalarArbitrary: fc.Arbitrary<Scalar> = fc.oneof(
  stringArbitrary,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true}),
)
const valueArbitrary: fc.Arbitrary<Value> = fc.oneof(
  {weight: 3, arbitrary: scalarArbitrary},
  fc.array(scalarArbitrary, {maxLength: 4}),
  fc.array(fc.array(scalarArbitrary, {maxLength: 2}), {maxLength: 2}),
)
const styleArbitrary = fc.constantFrom('canonical', 'spaced', 'literal', 'multi-line', 'multi-line-array')
const separatorArbitrary = fc.constantFrom('\n', '\n\n', '  # note = [x] "\n', '\n# comment ]\n\n', '\t\n')

const documentArbitrary = fc.record({
  pairs: fc.uniqueArray(fc.record({key: keyArbitrary, value: valueArbitrary, style: styleArbitrary}), {
    selector: (pair) => pair.key,
    maxLength: 6,
  }),
  tables: fc.uniqueArray(
    fc.record({key: keyArbitrary, members: fc.uniqueArray(fc.tuple(keyArbitrary, scalarArbitrary), {selector: ([k]) => k, maxLength: 3})}),
    {selector: (table) => table.key, maxLength: 3},
  ),
  separators: fc.array(separatorArbitrary, {minLength: 12, maxLength: 12}),
  crlf: fc.boolean(),
})

/** The key as TOML writes it (quoted only when not bare). */
function tomlKey(key: string): string {
  return writeTomlEntry(key, 0)!.replace(/ = 0$/, '')
}

/** A value as TOML writes it inline. */
function tomlValue(value: Value): string {
  return writeTomlEntry('x', value)!.replace(/^x = /, '')
}

/** One `key = value` entry, in the given style (falling back to canonical when the style cannot hold the value). */
function renderPair(key: string, value: Value, style: string): string {
  const k = tomlKey(key)
  if (style === 'spaced') return `${k}   =\t${tomlValue(value)}`
  if (typeof value === 'string' && style === 'literal' && !/['\n\t]/.test(value)) return `${k} = '${value}'`
  if (typeof value === 'string' && style === 'multi-line') {
    const body = value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\t', '\\t')
    return `${k} = """\n${body}"""`
  }
  if (Array.isArray(value) && style === 'multi-line-array') {
    return `${k} = [\n${value.map((item) => `  ${tomlValue(item)}, # item ] [ "\n`).join('')}]`
  }
  return `${k} = ${tomlValue(value)}`
}

function renderTable(key: string, members: ReadonlyArray<readonly [string, Scalar]>): string {
  const lines = members.map(([k, v], index) => (index === 1 ? `# inside\n${renderPair(k, v, 'canonical')}` : renderPair(k, v, 'canonical')))
  return [`[${tomlKey(key)}]`, ...lines].join('\n')
}

describe('readToml: property', () => {
  it('finds, for every entry, exactly the text rendered for it', () => {
    fc.assert(
      fc.property(documentArbitrary, ({pairs, tables, separators, crlf}) => {
        const tableKeys = new Set(tables.map((table) => table.key))
        const pieces = [
          ...pairs
            .filter((pair) => !tableKeys.has(pair.key))
            .map((pair) => ({key: pair.key, text: renderPair(pair.key, pair.value, pair.style)})),
          ...tables.map((table) => ({key: table.key, text: renderTable(table.key, table.members)})),
        ]
        const eol = crlf ? '\r\n' : '\n'
        const rendered = pieces.map((piece) => ({key: piece.key, text: piece.text.replaceAll('\n', eol)}))
        const text = rendered.map((piece, index) => piece.text + (separators[index] ?? '\n').replaceAll('\n', eol)).join('')

        const result = readToml(text)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        expect(result.entries.map((e) => e.key)).toEqual(rendered.map((piece) => piece.key))
        result.entries.forEach((e, index) => {
          const span = text.slice(e.start, e.end)
          expect(span).toBe(rendered[index]!.text)
          expect(e.editable).toBe(true)
          const before = text.slice(0, e.start)
          expect(e.line).toBe(before.split('\n').length)
          expect(e.column).toBe(before.length - before.lastIndexOf('\n'))
          // The span alone is a document holding exactly this entry.
          const alone = parse(span)
          expect(Object.keys(alone)).toEqual([e.key])
          expect(read(span).data[e.key]).toEqual(e.value)
        })
      }),
      {numRuns: 300, seed: SEED},
    )
  })
})

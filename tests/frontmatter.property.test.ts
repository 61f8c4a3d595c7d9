/**
 * The frontmatter rule's promises, as properties over messy generated
 * frontmatter: YAML (or TOML between `+++`, written by smol-toml from the
 * same data) built from the schema's keys and their aliases in random case
 * and order — titles, dates in a dozen formats and some garbage, tag lists as
 * comma strings, flow and block lists and Ghost `{name, slug}` objects,
 * descriptions repeated (modulo white space) as excerpt/summary/seo_desc,
 * image URLs with `utm_` parameters, drafts as `"yes"`/`"no"` — mixed with
 * unknown keys, empty values, comments, CRLF line endings and a BOM.
 *
 * Each property runs with no dialect and with every dialect, in UTC, in
 * America/New_York and with no zone known, and tidying in place for each
 * site generator (no zone known; Hexo also in Europe/Berlin):
 * 1. idempotent: cleaning the output again gives the same bytes and records
 *    no change;
 * 2. deterministic: two runs give identical bytes and records;
 * 3. no data lost: every input key holding data is in the output under its
 *    name, under the name a change says it was renamed to, or was dropped as
 *    `same as` a key that is in the output; every item of a list survives
 *    (compared case-insensitively, white space collapsed) unless a change
 *    names it as leaked prompt text; unknown keys keep their values;
 * 4. the output frontmatter parses (YAML, or TOML when it stays TOML), holds
 *    what the record says, and the body after it is byte-identical;
 * 5. with a dialect: the dialect's keys come first, in its order, then the
 *    rest;
 * 6. every date read from the input is written in the dialect's (or site
 *    generator's) format (ISO 8601 without either), or, for a generator, kept exactly
 *    as written in a form that generator reads (its `reads`); with no zone
 *    known, a date-time read without a zone is written without one, and one
 *    naming its offset where the format has none is kept (warned).
 *
 * The generator is checked too: its text parses back to the data it meant.
 * A failing property prints its seed and a shrunk counterexample (`text` is
 * the exact input); rerun one with
 * `FC_SEED=<seed> npx vitest run tests/frontmatter.property.test.ts`, and
 * run more cases with `FC_RUNS=300` (per property and option set).
 */
import fc from 'fast-check'
import {parse as parseToml, stringify as stringifyToml, TomlDate} from 'smol-toml'
import {Document, isMap, isScalar, isSeq, parseDocument, Scalar} from 'yaml'
import {describe, expect, it} from 'vitest'
import {clean, type CleanResult} from '../src/index.js'
import {defaultRuleSet, parseDate, ruleIds} from '../src/plugin-api.js'
import type {FrontmatterOptions} from '../src/rules/frontmatter/options.js'

/** Runs per property and option set: 12 option sets, so 480 articles per property. */
const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 40)
const SEED = process.env['FC_SEED'] === undefined ? 20240711 : Number(process.env['FC_SEED'])
const settings = {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false}

const ONLY_FRONTMATTER = ruleIds.filter((id) => id !== 'frontmatter')
const RULES = defaultRuleSet()
const SCHEMA = RULES.frontmatter

// ---------------------------------------------------------------------------
// Generators

/** One generated entry: a key, its value, and how it is written in YAML. */
interface GenEntry {
  readonly key: string
  readonly value: unknown
  /** A readable date (by construction), for property 6. */
  readonly readableDate: boolean
  readonly style: EntryStyle
}

interface EntryStyle {
  readonly quote: Scalar.Type
  readonly flow: boolean
  readonly flush: boolean
  /** Extra spaces after the colon and at the end of the entry's first line. */
  readonly colonPad: string
  readonly endPad: string
  readonly comment: string | null
  /** How `null` is written: `key:`, `key: null`, `key: ~`. */
  readonly nullText: string
}

/** One generated article. */
interface Case {
  /** The exact input. */
  readonly text: string
  readonly format: 'yaml' | 'toml'
  /** What the frontmatter is meant to hold (checked by the generator test). */
  readonly data: Record<string, unknown>
  /** Input keys holding a date that is readable by construction. */
  readonly readableDates: readonly string[]
}

const ws = fc.constantFrom('', '', '', ' ', '  ', '\t')

const WORDS = [
  'Printers',
  'printer fix',
  'Driver Update',
  'web',
  'Tech',
  'how-to',
  'C++',
  'Node.js',
  'data science',
  'AI',
  'été',
  '日本語',
  'Open Source',
  'yes',
  'null',
]
const PROMPT_ITEMS = ['Here are some keywords:', 'Analyze the main topics of the title', 'long-tail keywords for printers', 'Certainly']

/** A list item as a messy author writes it: odd case, padding, doubled inner spaces. */
const listItem = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS), fc.constantFrom('as is', 'upper', 'lower'), ws, ws, fc.boolean())
      .map(([word, kase, lead, trail, doubled]) => {
        const cased = kase === 'upper' ? word.toUpperCase() : kase === 'lower' ? word.toLowerCase() : word
        return lead + (doubled ? cased.replace(' ', '  ') : cased) + trail
      }),
  },
  {weight: 1, arbitrary: fc.constantFrom(...PROMPT_ITEMS)},
  {weight: 1, arbitrary: fc.constantFrom('', ' ')},
)

const slugOf = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')

const listValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.array(listItem, {minLength: 1, maxLength: 5}), fc.constantFrom(', ', ',', ' , ', ';', '，'))
    .map(([items, separator]) => items.join(separator)),
  fc.array(listItem, {minLength: 1, maxLength: 5}),
  fc.array(
    fc.tuple(listItem, ws).map(([name, trail]) => ({name: name + trail, slug: slugOf(name) || 'x'})),
    {minLength: 1, maxLength: 4},
  ),
  fc.array(fc.oneof(listItem, fc.constantFrom(2024, 7)), {minLength: 1, maxLength: 4}),
  listItem,
)

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const pad2 = (value: number) => String(value).padStart(2, '0')

interface DateParts {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
  ms: number
}

/** Ways to write a date that the rule documents it can read. */
const DATE_FORMATS: ReadonlyArray<(p: DateParts) => string> = [
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)}T${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}${p.ms ? `.${p.ms}` : ''}Z`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)}T${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}+05:30`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)}T${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}-07:00`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)}`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)} +05:30`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)} -5`,
  (p) => `${p.y}-${pad2(p.mo)}-${pad2(p.d)}t${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}z`,
  (p) => `${p.y}/${pad2(p.mo)}/${pad2(p.d)}`,
  (p) => `Mon, ${p.d} ${MONTHS[p.mo - 1]} ${p.y} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)} +0000`,
  (p) => `${p.d} ${MONTHS[p.mo - 1]} ${p.y} ${pad2(p.h)}:${pad2(p.mi)} GMT`,
  (p) => `${MONTHS[p.mo - 1]} ${pad2(p.d)} ${p.y}`,
  (p) => `${LONG_MONTHS[p.mo - 1]} ${p.d}, ${p.y} ${((p.h + 11) % 12) + 1}:${pad2(p.mi)} ${p.h < 12 ? 'AM' : 'PM'}`,
  (p) => `${p.d} ${LONG_MONTHS[p.mo - 1]} ${p.y}`,
]

const dateParts: fc.Arbitrary<DateParts> = fc.record({
  y: fc.integer({min: 1998, max: 2031}),
  mo: fc.integer({min: 1, max: 12}),
  d: fc.integer({min: 1, max: 28}),
  h: fc.integer({min: 0, max: 23}),
  mi: fc.integer({min: 0, max: 59}),
  s: fc.integer({min: 0, max: 59}),
  ms: fc.constantFrom(0, 0, 0, 250),
})

const readableDate = fc
  .tuple(dateParts, fc.integer({min: 0, max: DATE_FORMATS.length - 1}))
  .map(([parts, format]) => DATE_FORMATS[format]!(parts))
const GARBAGE_DATES = ['soon', 'yesterday', 'TBD', '05/03/2025', '2024-02-30', '2024-13-01', 'next week']

const DESCRIPTIONS = ['A short guide to fixing printers.', 'How we rebuilt the site in a weekend', 'Notes: on caching, and why it matters']

/** The same text, re-spaced: what `sameValue` must still see as the same. */
const respaced = (text: string) =>
  fc.constantFrom(text, `  ${text} `, text.replace(' ', '  '), text.replace(' ', '\n'), text.replaceAll(' ', '\t'))

const URLS = ['https://cdn.example.com/img/cover.png', 'https://example.org/a.jpg?w=800', 'https://example.net/path/hero.webp#top']
const urlValue = fc
  .tuple(fc.constantFrom(...URLS), fc.constantFrom('', 'utm_source=feed', 'utm_source=feed&utm_medium=rss', 'utm_campaign=x&ref=home'), ws)
  .map(([url, params, pad]) => {
    if (params === '') return pad + url
    const [base, hash] = url.split('#') as [string, string | undefined]
    return `${pad}${base}${base.includes('?') ? '&' : '?'}${params}${hash === undefined ? '' : `#${hash}`}`
  })

const emptyValue = fc.constantFrom<unknown>('', null, [], {}, '   ')

/** Unknown keys: identifiers that are no field's name or alias (nor YAML's null/true/false). */
const unknownKey = fc
  .stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/)
  .filter((key) => !SCHEMA.aliases.has(key.toLowerCase()) && !/^(?:null|true|false)$/i.test(key))

const unknownScalar = fc.oneof(
  fc.integer({min: -1000, max: 100000}),
  fc.constantFrom(1.5, -0.25, 3.75),
  fc.boolean(),
  fc.constantFrom('yes', 'null', '2024-01-01', '#not a comment', 'a: b', "it's", '  padded  '),
  fc.string({maxLength: 10}),
)
const unknownValue: fc.Arbitrary<unknown> = fc.oneof(
  {weight: 4, arbitrary: unknownScalar},
  {weight: 1, arbitrary: fc.array(unknownScalar, {maxLength: 3})},
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.stringMatching(/^[a-z]{1,5}$/).filter((k) => !/^(?:null|true|false)$/.test(k)),
      fc.oneof(unknownScalar, fc.array(unknownScalar, {maxLength: 2})),
      {maxKeys: 3},
    ),
  },
)

interface Field {
  readonly keys: readonly string[]
  readonly value: fc.Arbitrary<unknown>
  readonly date?: boolean
}

function fields(description: string): Field[] {
  const descriptionValue = fc.oneof({weight: 3, arbitrary: respaced(description)}, {weight: 1, arbitrary: fc.constantFrom(...DESCRIPTIONS)})
  const dateValue = fc.oneof({weight: 5, arbitrary: readableDate}, {weight: 1, arbitrary: fc.constantFrom(...GARBAGE_DATES)})
  return [
    {
      keys: ['title', 'Title', 'TITLE'],
      value: fc.oneof(fc.constantFrom('Hello  World', '  Fixing printers ', 'Post: part 2', 'Multi\nline title'), fc.constant(404)),
    },
    {keys: ['slug', 'Slug'], value: fc.constantFrom('my-post', ' my-post ')},
    {keys: ['date', 'Date', 'DATE', 'pubDate', 'published', 'publishDate', 'created_at', 'datePublished'], value: dateValue, date: true},
    {
      keys: ['updated', 'Updated', 'lastmod', 'LastMod', 'modified', 'updatedDate', 'last_modified_at', 'dateModified'],
      value: dateValue,
      date: true,
    },
    {
      keys: ['author', 'Author'],
      value: fc.constantFrom<unknown>('Jane Doe', ['Jane', 'Ann '], {name: 'Jane', url: 'https://jane.example'}),
    },
    {
      keys: ['description', 'Description', 'seo_desc', 'meta_description', 'seoDescription', 'excerpt', 'EXCERPT', 'summary', 'Summary'],
      value: descriptionValue,
    },
    {keys: ['tags', 'tag', 'Tags', 'TAGS'], value: listValue},
    {keys: ['categories', 'category', 'Categories'], value: listValue},
    {keys: ['keywords', 'keyword', 'Keywords', 'meta_keywords'], value: listValue},
    {
      keys: ['image', 'Image', 'images', 'thumbnail', 'coverImage', 'heroImage', 'cover', 'og_image', 'featured_image'],
      value: fc.oneof(urlValue, fc.array(urlValue, {minLength: 1, maxLength: 2})),
    },
    {keys: ['canonical_url', 'canonical', 'canonicalURL'], value: urlValue},
    {keys: ['lang', 'language', 'locale'], value: fc.constantFrom('en', ' en-US ')},
    {keys: ['draft', 'Draft'], value: fc.constantFrom<unknown>(true, false, 'yes', 'no', 'true', 'False', 'off', 'maybe')},
  ]
}

const entryStyle: fc.Arbitrary<EntryStyle> = fc.record({
  quote: fc.constantFrom(Scalar.PLAIN, Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL),
  flow: fc.boolean(),
  flush: fc.boolean(),
  colonPad: fc.constantFrom('', '', '', '  '),
  endPad: fc.constantFrom('', '', '', '  '),
  comment: fc.option(fc.constantFrom('# a comment', '#', '  # indented: comment'), {nil: null, freq: 4}),
  nullText: fc.constantFrom('', ' null', ' ~'),
})

function entryOf(description: string): fc.Arbitrary<GenEntry> {
  const known = fields(description).map((field) =>
    fc
      .record({
        key: fc.constantFrom(...field.keys),
        value: fc.oneof(
          {
            weight: 6,
            arbitrary: field.value.map((value) => ({value, readable: field.date === true && !GARBAGE_DATES.includes(value as string)})),
          },
          {weight: 1, arbitrary: emptyValue.map((value) => ({value, readable: false}))},
        ),
        style: entryStyle,
      })
      .map(({key, value, style}): GenEntry => ({key, value: value.value, readableDate: value.readable, style})),
  )
  const unknown = fc
    .record({key: unknownKey, value: fc.oneof({weight: 5, arbitrary: unknownValue}, {weight: 1, arbitrary: emptyValue}), style: entryStyle})
    .map(({key, value, style}): GenEntry => ({key, value, readableDate: false, style}))
  return fc.oneof({weight: 4, arbitrary: fc.oneof(...known)}, {weight: 1, arbitrary: unknown})
}

function yamlText(key: string, value: unknown, style: EntryStyle | undefined): string {
  const document = new Document({[key]: value})
  const node = document.get(key, true)
  if (style && isScalar(node) && typeof value === 'string') node.type = style.quote
  if (style && isSeq(node) && node.items.length > 0) node.flow = style.flow
  return document.toString({lineWidth: 0, indentSeq: !(style?.flush ?? false)}).replace(/\n$/, '')
}

/** Whether a YAML text parses to exactly `{[key]: value}`. */
function yamlHolds(text: string, key: string, value: unknown): boolean {
  const document = parseDocument(text, {uniqueKeys: true})
  return document.errors.length === 0 && sameData(document.toJS(), {[key]: value})
}

/**
 * One YAML entry in the given style. The `yaml` package does the quoting;
 * a style it cannot honour (it writes `Notes:` plain on a line of its own,
 * which does not parse) falls back to its default.
 */
function yamlEntry(entry: GenEntry): string {
  const {key, value, style} = entry
  let text = value === null ? `${key}:${style.nullText}` : yamlText(key, value, style)
  const lines = text.split('\n')
  lines[0] = lines[0]!.replace(`${key}: `, `${key}:${style.colonPad} `) + style.endPad
  text = lines.join('\n')
  if (!yamlHolds(text, key, value)) text = yamlText(key, value, undefined)
  return (style.comment === null ? '' : `${style.comment}\n`) + text
}

const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/

const BODIES = [
  '',
  'Body.\n',
  '\n# Heading\n\nA paragraph with **bold** and a [link](https://example.com/?utm_source=x).\n',
  '\nIntro with trailing spaces  \n\n---\n\nAfter a rule.\n\n---\n',
  'No final line break',
  '\n\n\n<!-- comment -->\n',
]

const caseArbitrary: fc.Arbitrary<Case> = fc
  .constantFrom(...DESCRIPTIONS)
  .chain((description) =>
    fc.record({
      entries: fc.uniqueArray(entryOf(description), {selector: (entry) => entry.key, maxLength: 12}),
      format: fc.constantFrom<'yaml' | 'toml'>('yaml', 'yaml', 'toml'),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      body: fc.constantFrom(...BODIES),
      tomlDates: fc.boolean(),
      leadComment: fc.option(fc.constantFrom('# exported by a tool', '# note: frontmatter'), {nil: null}),
      leadBlank: fc.oneof({weight: 6, arbitrary: fc.constant(false)}, {weight: 1, arbitrary: fc.constant(true)}),
    }),
  )
  .map(({entries, format, crlf, bom, body, tomlDates, leadComment, leadBlank}): Case => {
    const eol = crlf ? '\r\n' : '\n'
    const data: Record<string, unknown> = {}
    const readableDates: string[] = []
    let front: string
    if (format === 'yaml') {
      for (const entry of entries) data[entry.key] = entry.value
      // An indented comment right after a block scalar would be part of it: such a comment starts its line.
      const lines = entries.map((entry, index) => {
        const previous = entries[index - 1]
        const afterBlockScalar =
          previous !== undefined &&
          /:\s*[|>]/.test(
            yamlEntry(previous)
              .split('\n')
              .find((line) => !line.startsWith('#') && !line.startsWith(' ')) ?? '',
          )
        return yamlEntry(
          afterBlockScalar && entry.style.comment !== null
            ? {...entry, style: {...entry.style, comment: entry.style.comment.trimStart()}}
            : entry,
        )
      })
      if (leadComment !== null) lines.push(leadComment)
      front = lines.length === 0 ? '' : `${lines.join('\n')}\n`
    } else {
      // TOML has no null; ISO-like dates may become native TOML dates.
      for (const entry of entries) {
        if (entry.value === null) continue
        const value =
          tomlDates && entry.readableDate && TOML_DATE.test(entry.value as string) ? new TomlDate(entry.value as string) : entry.value
        data[entry.key] = value
      }
      front = (leadComment === null ? '' : `${leadComment}\n`) + stringifyToml(data)
    }
    for (const entry of entries) if (entry.readableDate && entry.key in data) readableDates.push(entry.key)
    const fence = format === 'yaml' ? '---' : '+++'
    const text = `${bom ? '\uFEFF' : ''}${fence}\n${leadBlank ? '\n' : ''}${front}${fence}\n${body}`.replaceAll('\n', eol)
    return {text, format, data, readableDates}
  })

// ---------------------------------------------------------------------------
// Reading documents

const OPTION_SETS: FrontmatterOptions[] = [
  ...[undefined, 'canonical', 'hugo', 'jekyll', 'hexo', 'astro'].flatMap((dialect) =>
    ['UTC', 'America/New_York', undefined].map((zone) => (dialect === undefined ? {zone} : {dialect, zone})),
  ),
  // Tidying in place for a site generator (as when its site is found): with no zone known, and Hexo in its site's zone.
  ...['hugo', 'jekyll', 'hexo', 'astro'].map((generator) => ({generator, zone: undefined})),
  {generator: 'hexo', zone: 'Europe/Berlin'},
]

const cache = new Map<string, CleanResult>()
/** Clean with only the frontmatter rule (memoised: every property sees the same inputs). */
function run(text: string, options: FrontmatterOptions): CleanResult {
  const key = `${JSON.stringify(options)}\u0000${text}`
  let result = cache.get(key)
  if (!result) {
    if (cache.size > 20000) cache.clear()
    result = clean(text, {disable: ONLY_FRONTMATTER, frontmatter: options})
    cache.set(key, result)
  }
  return result
}

interface SplitDocument {
  readonly fence: '---' | '+++'
  /** The text between the fences. */
  readonly front: string
  /** Everything after the closing fence's three characters. */
  readonly rest: string
}

function splitDocument(text: string): SplitDocument {
  const unbommed = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const open = /^(---|\+\+\+)\r?\n/.exec(unbommed)
  if (!open) throw new Error(`no frontmatter fence at the start of ${JSON.stringify(text)}`)
  const fence = open[1] as '---' | '+++'
  for (let start = open[0].length; ; ) {
    const lineBreak = unbommed.indexOf('\n', start)
    const line = unbommed.slice(start, lineBreak === -1 ? unbommed.length : lineBreak).replace(/\r$/, '')
    if (line === fence) return {fence, front: unbommed.slice(open[0].length, start), rest: unbommed.slice(start + 3)}
    if (lineBreak === -1) throw new Error(`no closing ${fence} in ${JSON.stringify(text)}`)
    start = lineBreak + 1
  }
}

/** The top-level entries of a frontmatter text, in order; throws on invalid YAML/TOML or duplicate keys. */
function readFront({fence, front}: SplitDocument): Array<[string, unknown]> {
  if (fence === '+++') return Object.entries(parseToml(front))
  const document = parseDocument(front, {uniqueKeys: true})
  if (document.errors.length > 0) throw new Error(`output YAML does not parse: ${document.errors[0]!.message}\n${front}`)
  if (document.contents === null) return []
  if (!isMap(document.contents)) throw new Error(`output YAML is not a mapping:\n${front}`)
  return document.contents.items.map((pair) => [
    String(isScalar(pair.key) ? pair.key.value : pair.key),
    (pair.value as {toJS?: (doc: Document) => unknown} | null)?.toJS?.(document) ?? (isScalar(pair.value) ? pair.value.value : null),
  ])
}

function isDate(value: unknown): value is Date {
  return value instanceof Date
}

/** Equal data; a TOML date equals the date text it was written from. */
function sameData(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.toISOString() === b.toISOString()
  if (isDate(a) && typeof b === 'string') return sameData(b, a)
  if (typeof a === 'string' && isDate(b)) {
    try {
      return new TomlDate(a).toISOString() === b.toISOString()
    } catch {
      return false
    }
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameData(item, b[index]))
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    return (
      keysA.length === keysB.length &&
      keysA.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    )
  }
  return Object.is(a, b)
}

const show = (value: unknown) => JSON.stringify(value, (_, item: unknown) => (isDate(item) ? `Date(${item.toISOString()})` : item))

// ---------------------------------------------------------------------------
// What the input holds

const normalItem = (value: unknown) => String(value).replace(/\s+/g, ' ').trim().toLowerCase()

/** The canonical field a key names (case-insensitively), if any. */
const fieldOf = (key: string) => SCHEMA.aliases.get(key.toLowerCase())
const specOf = (key: string) => {
  const field = fieldOf(key)
  return field === undefined ? undefined : SCHEMA.keys.get(field)
}

/** The items of a list field's value as the author wrote them (undefined: not a plain list). */
function listItems(key: string, value: unknown): string[] | undefined {
  const spec = specOf(key)
  if (spec?.type !== 'list') return undefined
  if (typeof value === 'string') return spec.split ? value.split(spec.split) : [value]
  if (!Array.isArray(value)) return undefined
  const items: string[] = []
  for (const item of value) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') items.push(String(item))
    else if (item !== null && typeof item === 'object' && typeof (item as {name?: unknown}).name === 'string')
      items.push((item as {name: string}).name)
    else if (item !== null) return undefined
  }
  return items
}

/** Whether a value holds anything: not '', null, [], {}, blank text, nor a list of only those. */
function holdsData(key: string, value: unknown): boolean {
  const items = listItems(key, value)
  if (items) return items.some((item) => item.trim() !== '')
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.some((item) => holdsData('', item))
  if (isDate(value)) return true
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}

/** The output key an input key's value went to: its own name, or the one a change renamed it to. */
function outputKeyOf(inputKey: string, result: CleanResult, output: Record<string, unknown>): string | undefined {
  if (Object.hasOwn(output, inputKey)) return inputKey
  const renamed = result.record.changes.find((change) => change.from === inputKey && 'new' in change)
  return renamed && Object.hasOwn(output, renamed.key) ? renamed.key : undefined
}

const SAME_AS = /same as `([^`]+)`/

/**
 * Where an input key's data is in the output: its output key, or (for a key
 * dropped as a copy) the output key of the key it copies. Fails when neither.
 */
function whereIs(
  inputKey: string,
  inputValue: unknown,
  result: CleanResult,
  output: Record<string, unknown>,
  context: string,
): string | undefined {
  const direct = outputKeyOf(inputKey, result, output)
  if (direct !== undefined) return direct
  const dropped = result.record.changes.find((change) => (change.from ?? change.key) === inputKey && !('new' in change))
  const named = dropped && SAME_AS.exec(dropped.reason)?.[1]
  if (named !== undefined) {
    const target = outputKeyOf(named, result, output)
    expect(target, `${context}: \`${inputKey}\` dropped as the same as \`${named}\`, which is not in the output`).toBeDefined()
    return target
  }
  // Only leaked prompt text, all of it named in the change: the key may go.
  const items = (listItems(inputKey, inputValue) ?? []).filter((item) => item.trim() !== '')
  if (
    dropped &&
    /prompt text/.test(dropped.reason) &&
    items.every((item) => dropped.reason.toLowerCase().includes(`"${normalItem(item)}"`))
  )
    return undefined
  expect.fail(
    `${context}: input key \`${inputKey}\` holds data but is not in the output, renamed or dropped as a copy (changes: ${show(result.record.changes)})`,
  )
}

// ---------------------------------------------------------------------------
// Dates and order

const TOKEN = /\[\.SSS\]|YYYY|SSS|ZZ|MM|DD|HH|mm|ss|Z/y
const TOKEN_PATTERN: Readonly<Record<string, string>> = {
  '[.SSS]': String.raw`(?:\.\d{3})?`,
  YYYY: String.raw`\d{4}`,
  SSS: String.raw`\d{3}`,
  ZZ: String.raw`[+-]\d{4}`,
  MM: String.raw`\d{2}`,
  DD: String.raw`\d{2}`,
  HH: String.raw`\d{2}`,
  mm: String.raw`\d{2}`,
  ss: String.raw`\d{2}`,
  Z: String.raw`(?:Z|[+-]\d{2}:\d{2})`,
}

/** A dialect's date format as a pattern; a bare day is always `YYYY-MM-DD`. */
function datePattern(format: string): RegExp {
  let source = ''
  for (let index = 0; index < format.length; ) {
    TOKEN.lastIndex = index
    const token = TOKEN.exec(format)?.[0]
    if (token === undefined) {
      source += format[index]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      index++
    } else {
      source += TOKEN_PATTERN[token]
      index += token.length
    }
  }
  return new RegExp(String.raw`^(?:\d{4}-\d{2}-\d{2}|${source})$`)
}

/** The brief's pattern for RFC 3339 dialects (canonical, hugo, astro), independent of `datePattern`. */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2}))?$/
/** Without a dialect, ISO 8601 as written stays. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/
/** With no zone known, a date-time read without one is written without one (ISO 8601 local time). */
const ISO_8601_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?$/
/** An offset at the end of a date-time. */
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/

/** Known keys (the dialect's names) in the dialect's order, before every other key. */
function expectDialectOrder(keys: readonly string[], dialectId: string, what: string): void {
  const dialect = SCHEMA.dialects.get(dialectId)!
  const rank = new Map(dialect.keys.map((field, index) => [field.key, index]))
  let last = -1
  let unknownSeen: string | undefined
  for (const key of keys) {
    const position = rank.get(key)
    if (position === undefined) {
      unknownSeen ??= key
      continue
    }
    expect(unknownSeen, `${what}: known key \`${key}\` after other key \`${unknownSeen}\` in [${keys.join(', ')}]`).toBeUndefined()
    expect(position, `${what}: \`${key}\` out of ${dialectId} order in [${keys.join(', ')}]`).toBeGreaterThan(last)
    last = position
  }
}

const isTable = (value: unknown) =>
  (value !== null && typeof value === 'object' && !Array.isArray(value) && !isDate(value)) ||
  (Array.isArray(value) && value.length > 0 && value.every((item) => item !== null && typeof item === 'object' && !isDate(item)))

// ---------------------------------------------------------------------------
// The properties

const label = (options: FrontmatterOptions) =>
  `${options.dialect ?? (options.generator === undefined ? 'no dialect' : `${options.generator} site`)}, ${options.zone ?? 'no zone'}`

describe('the generator', () => {
  it('writes valid YAML/TOML without duplicate keys that holds the data it meant', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const entries = readFront(splitDocument(input.text))
        expect(new Set(entries.map(([key]) => key)).size).toBe(entries.length)
        const read = Object.fromEntries(entries)
        expect(sameData(read, input.data), `${show(read)}\n≠ ${show(input.data)}`).toBe(true)
      }),
      {...settings, numRuns: 300},
    )
  })
})

describe.each(OPTION_SETS.map((options) => [label(options), options] as const))('frontmatter properties (%s)', (what, options) => {
  it('1. is idempotent: a second run gives the same bytes and records no change', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const once = run(input.text, options)
        const twice = run(once.markdown, options)
        expect(twice.markdown).toBe(once.markdown)
        expect(twice.record.changes).toEqual([])
      }),
      settings,
    )
  })

  it('2. is deterministic: two runs give identical bytes and records', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const a = clean(input.text, {disable: ONLY_FRONTMATTER, frontmatter: options})
        const b = clean(input.text, {disable: ONLY_FRONTMATTER, frontmatter: options})
        expect(b.markdown).toBe(a.markdown)
        expect(show(b.record)).toBe(show(a.record))
      }),
      settings,
    )
  })

  it('3. loses no data: keys kept, renamed or dropped as a copy; list items and unknown values survive', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const result = run(input.text, options)
        const inputEntries = readFront(splitDocument(input.text))
        const outputs = {record: result.record.frontmatter, file: Object.fromEntries(readFront(splitDocument(result.markdown)))}
        for (const [where, output] of Object.entries(outputs)) {
          for (const [key, value] of inputEntries) {
            if (!holdsData(key, value)) continue
            const context = `${what}, ${where}`
            const target = whereIs(key, value, result, output, context)
            if (target === undefined) continue
            if (fieldOf(key) === undefined) {
              expect(
                sameData(output[target], value),
                `${context}: unknown key \`${key}\` changed: ${show(value)} → ${show(output[target])}`,
              ).toBe(true)
            }
            const items = listItems(key, value)
            const outItems = listItems(key, output[target])
            if (!items || !outItems) continue
            const kept = new Set(outItems.map(normalItem))
            const promptReasons = result.record.changes
              .filter((change) => (change.key === target || change.key === key || change.from === key) && /prompt text/.test(change.reason))
              .map((change) => change.reason.toLowerCase())
            for (const item of items.map(normalItem)) {
              if (item === '' || kept.has(item) || promptReasons.some((reason) => reason.includes(`"${item}"`))) continue
              expect.fail(`${context}: item "${item}" of \`${key}\` lost: ${show(value)} → \`${target}\`: ${show(output[target])}`)
            }
          }
        }
      }),
      settings,
    )
  })

  it('4. writes frontmatter that parses and holds the recorded data, and leaves the body byte for byte', () => {
    const dialect = options.dialect === undefined ? undefined : SCHEMA.dialects.get(options.dialect)
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const result = run(input.text, options)
        const before = splitDocument(input.text)
        const after = splitDocument(result.markdown)
        expect(after.rest).toBe(before.rest)
        expect(after.fence).toBe(input.format === 'toml' && (dialect === undefined || dialect.keepToml) ? '+++' : '---')
        const written = Object.fromEntries(readFront(after))
        expect(
          sameData(written, result.record.frontmatter),
          `written ${show(written)}\n≠ recorded ${show(result.record.frontmatter)}`,
        ).toBe(true)
      }),
      settings,
    )
  })

  // Key order is a dialect's promise: without one the author's order stays (property 4 checks the data).
  ;(options.dialect === undefined ? () => undefined : it)('5. writes the dialect’s keys first, in its order', () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const result = run(input.text, options)
        expectDialectOrder(Object.keys(result.record.frontmatter), options.dialect!, `${what}, record`)
        const written = readFront(splitDocument(result.markdown))
        if (splitDocument(result.markdown).fence === '---') {
          expectDialectOrder(
            written.map(([key]) => key),
            options.dialect!,
            `${what}, file`,
          )
        } else {
          // TOML puts tables after plain keys: the order holds within each group.
          expectDialectOrder(
            written.filter(([, value]) => !isTable(value)).map(([key]) => key),
            options.dialect!,
            `${what}, file (plain keys)`,
          )
          expectDialectOrder(
            written.filter(([, value]) => isTable(value)).map(([key]) => key),
            options.dialect!,
            `${what}, file (tables)`,
          )
        }
      }),
      settings,
    )
  })

  it('6. writes every readable date in the dialect’s format', () => {
    // A dialect's format and reading, else (tidying in place) the site generator's.
    const writer = options.dialect ?? options.generator
    const format = writer === undefined ? undefined : SCHEMA.dialects.get(writer)!.dateFormat
    const pattern = format === undefined ? ISO_8601 : datePattern(format)
    const rfc3339 = ['canonical', 'hugo', 'astro'].includes(writer ?? '')
    const reads = writer === undefined ? undefined : SCHEMA.dialects.get(writer)!.reads
    // With no zone known, a date-time without a zone is written in the format without its offset.
    const local = format === undefined ? ISO_8601_LOCAL : datePattern(format.replace(/[ \t]*ZZ?/g, ''))
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const result = run(input.text, options)
        const outputs = {record: result.record.frontmatter, file: Object.fromEntries(readFront(splitDocument(result.markdown)))}
        for (const [where, output] of Object.entries(outputs)) {
          for (const key of input.readableDates) {
            const target = outputKeyOf(key, result, output)
            if (target === undefined) continue
            const value = output[target]
            // Without a dialect a native TOML date stays as it is.
            if (isDate(value) && options.dialect === undefined) continue
            const text = isDate(value) ? value.toISOString() : value
            expect(typeof text, `${what}, ${where}: \`${target}\` (from \`${key}\`) is ${show(value)}`).toBe('string')
            // Kept as written: only a form the dialect's generator reads.
            const written = input.data[key]
            if (reads && text === written && reads.dates.some((form) => form.test((text as string).trim()))) continue
            // An offset the format has no place for, and no zone to convert it to: kept, with a warning.
            if (
              options.zone === undefined &&
              format !== undefined &&
              !format.includes('Z') &&
              (typeof written === 'string' || isDate(written)) &&
              parseDate(written)?.zone === 'given'
            ) {
              expect(text, `${what}, ${where}: \`${target}\` (from \`${key}\`)`).toBe(isDate(written) ? written.toISOString() : written)
              expect(
                result.record.warnings.some((warning) => warning.reason.includes(`\`${key}\` names its offset`)),
                `${what}: a warning for \`${key}\``,
              ).toBe(true)
              continue
            }
            const zoneless = options.zone === undefined && typeof written === 'string' && parseDate(written)?.zone === 'default'
            if (zoneless) {
              // Never silently UTC: no offset is made up.
              if (text !== written) expect(text, `${what}, ${where}: \`${target}\` (from \`${key}\`: ${written})`).not.toMatch(OFFSET)
              if (text !== written || format !== undefined)
                expect(text, `${what}, ${where}: \`${target}\` (from \`${key}\`)`).toMatch(local)
              continue
            }
            expect(text, `${what}, ${where}: \`${target}\` (from \`${key}\`)`).toMatch(pattern)
            if (rfc3339) expect(text, `${what}, ${where}: \`${target}\` (from \`${key}\`)`).toMatch(RFC_3339)
          }
        }
      }),
      settings,
    )
  })
})

/**
 * Repairing scrapers' broken frontmatter, as properties over generated
 * articles: frontmatter written the way scrapers break it — a value with
 * `: ` (and ` #`) left unquoted, quotes inside quotes not escaped (`""A" b"`),
 * a value starting with a YAML indicator (`@`, `` ` ``, `%`, `!`, `*`,
 * `&amp;`, `[x] y`, `{x} y`, `| `, `> `), tabs as list indentation, the
 * closing fence missing before the body (a heading, or a blank line and a
 * paragraph, a later `---` in the body or not), the entries split over two
 * blocks stacked one on the other — beside entries written
 * right, with a body holding a tracking parameter, LF or CRLF.
 *
 * For every such article, tidied in place or written for a dialect:
 * 1. clean() does not throw, and the body is cleaned (no `utm_` left);
 * 2. the output's frontmatter is YAML that parses, and every entry holds
 *    what was meant (the value as written, quoting aside; a title with its
 *    character references decoded); entries written right keep their bytes;
 * 3. every repair is recorded: a `changes` entry of the right kind per
 *    damaged entry, a removal for a fence put in or two blocks joined, and
 *    putting each removal's
 *    replacement in place of its text in the input gives the output;
 * 4. the output cleans to itself, with nothing to record.
 *
 * Run more cases with `FC_RUNS=2000`; rerun a failure with `FC_SEED=<seed>`.
 */
import fc from 'fast-check'
import {parseDocument, stringify} from 'yaml'
import {describe, expect, it} from 'vitest'
import {clean, type RecordRemoval} from '../src/index.js'
import {decodeCharacterReferences} from '../src/rules/frontmatter/entities.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 300)
const SEED = process.env['FC_SEED'] === undefined ? 20241105 : Number(process.env['FC_SEED'])

type Damage = 'none' | 'colon' | 'inner-quotes' | 'indicator' | 'tabs'
const REPAIR_OF: Record<Exclude<Damage, 'none'>, string> = {
  colon: 'quote-value',
  'inner-quotes': 'escape-quotes',
  indicator: 'quote-value',
  tabs: 'tab-indent',
}

/** Words a scraped value is made of: digits, times, `#` and `&` inside words, apostrophes. */
const WORD = fc.constantFrom(
  'alpha',
  'Beta',
  'news',
  'release',
  '2024',
  'v2.4',
  '23:59',
  'C#',
  'Q&A',
  'AT&T',
  "it's",
  'x-ray',
  'Sep',
  '17th)',
  '(Tue,',
)
const words = (min: number, max: number) => fc.array(WORD, {minLength: min, maxLength: max}).map((list) => list.join(' '))
const INDICATORS = ['@', '`', '%', '!', '*', '&amp; ', '[x] ', '{y} ', '| ', '> '] as const

/** One entry: its key, how it is written, what it means, and its damage. */
interface Entry {
  readonly key: string
  readonly written: string
  /** The value meant (compared with the output's data). */
  readonly meant: unknown
  readonly damage: Damage
}

const KEYS = ['source', 'subtitle', 'credit', 'via', 'feed', 'series', 'kicker', 'byline']

function entry(key: string): fc.Arbitrary<Entry> {
  return fc.oneof(
    // Written right: a plain value of words that YAML reads as text.
    words(1, 3)
      .filter((value) => typeof parseDocument(`k: ${value}`).toJS()?.k === 'string' && !/^[\d(]/.test(value))
      .map((value): Entry => ({key, written: `${key}: ${value}`, meant: value, damage: 'none'})),
    fc.tuple(words(1, 2), words(1, 2), fc.option(words(1, 2), {nil: undefined})).map(([a, b, comment]): Entry => {
      const value = `${a}: ${b}${comment === undefined ? '' : ` #${comment}`}`
      return {key, written: `${key}: ${value}`, meant: value, damage: 'colon'}
    }),
    fc.tuple(words(1, 2), words(1, 2), fc.boolean()).map(([a, b, first]): Entry => {
      const inner = first ? `"${a}" ${b}` : `${a} "${b}"`
      return {key, written: `${key}: "${inner}"`, meant: inner, damage: 'inner-quotes'}
    }),
    fc.tuple(fc.constantFrom(...INDICATORS), words(1, 2)).map(([indicator, rest]): Entry => {
      const value = `${indicator}${rest}`
      return {key, written: `${key}: ${value}`, meant: value, damage: 'indicator'}
    }),
    fc
      .array(fc.constantFrom('kitchen', 'knives', 'care', 'steel'), {minLength: 1, maxLength: 3})
      .map((items): Entry => ({key, written: `${key}:\n${items.map((item) => `\t- ${item}`).join('\n')}`, meant: items, damage: 'tabs'})),
  )
}

interface Article {
  readonly text: string
  readonly entries: readonly Entry[]
  readonly title: {written: string; meant: string; damaged: boolean}
  readonly fence: 'closed' | 'before-heading' | 'before-paragraph'
  /** How many entries went into a first block stacked on the second (which holds the title); -1: one block. */
  readonly stacked: number
  readonly crlf: boolean
  /** The dialect it is cleaned for (none: tidied in place). */
  readonly dialect: string | undefined
}

const article: fc.Arbitrary<Article> = fc
  .record({
    keys: fc.uniqueArray(fc.constantFrom(...KEYS), {minLength: 1, maxLength: 5}),
    title: fc.tuple(words(1, 2), words(1, 2), fc.boolean(), fc.constantFrom('', ' &amp; more', '&#x21;')),
    fence: fc.constantFrom('closed', 'closed', 'before-heading', 'before-paragraph'),
    laterRule: fc.boolean(),
    stacked: fc.integer({min: -3, max: 2}),
    crlf: fc.boolean(),
    dialect: fc.constantFrom(undefined, undefined, 'hugo', 'astro', 'jekyll'),
  })
  .chain(({keys, title, fence, laterRule, stacked: split, crlf, dialect}) =>
    fc.tuple(...keys.map((key) => entry(key))).map((entries): Article => {
      const stacked = fence === 'closed' && split >= 0 ? Math.min(split, entries.length) : -1
      const [a, b, colon, entity] = title
      const titleValue = colon ? `${a}: ${b}${entity}` : `Guide to ${a}${entity}`
      const titleWritten = colon ? `title: ${titleValue}` : `title: ${JSON.stringify(titleValue)}`
      const written = entries.map((item) => item.written)
      const head =
        stacked === -1
          ? ['---', titleWritten, ...written]
          : ['---', ...written.slice(0, stacked), '---', '---', titleWritten, ...written.slice(stacked)]
      const body =
        fence === 'before-heading'
          ? ['# Getting started', '', 'Read [the notes](https://example.com/notes?utm_source=feed&id=7) first.']
          : ['', 'Read [the notes](https://example.com/notes?utm_source=feed&id=7) first.']
      if (laterRule) body.push('', '---', '', 'More below the rule.')
      const lines = fence === 'closed' ? [...head, '---', ...body] : [...head, ...body]
      const text = `${lines.join('\n')}\n`
      return {
        text: crlf ? text.replace(/\n/g, '\r\n') : text,
        entries,
        title: {written: titleWritten, meant: decodeCharacterReferences(titleValue).replace(/\s+/g, ' ').trim(), damaged: colon},
        fence,
        stacked,
        crlf,
        dialect,
      }
    }),
  )

/** The output with each removal's replacement put in place of its text in the input. */
function reconstruct(input: string, removals: readonly RecordRemoval[]): string {
  let out = ''
  let cursor = 0
  for (const removal of removals) {
    expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
    out += input.slice(cursor, removal.start.offset) + (removal.replacement ?? '')
    cursor = removal.end.offset
  }
  return out + input.slice(cursor)
}

function frontmatterText(markdown: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(markdown)
  expect(match, 'the output has a closed frontmatter block').not.toBeNull()
  return match![1]!
}

describe('repairing scrapers’ frontmatter (properties)', () => {
  it('the generator damages the YAML it says it damages', () => {
    fc.assert(
      fc.property(article, ({text, entries, title, fence, stacked}) => {
        const broken = entries.some((item) => item.damage !== 'none') || title.damaged || fence !== 'closed'
        if (!broken || fence !== 'closed' || stacked !== -1) return
        const yaml = frontmatterText(text)
        const document = parseDocument(yaml)
        let reads = document.errors.length === 0 && document.warnings.length === 0
        try {
          document.toJS()
        } catch {
          reads = false
        }
        // `&amp;` as an anchor reads, but loses the reference: the only damage that parses.
        const onlyAnchor = entries.every((item) => item.damage === 'none' || item.written.includes(': &amp;')) && !title.damaged
        if (!onlyAnchor) expect(reads).toBe(false)
      }),
      {numRuns: 100, seed: SEED},
    )
  })

  it('never throws, cleans the body, repairs what was meant, records every repair, and is idempotent', () => {
    fc.assert(
      fc.property(article, ({text, entries, title, fence, stacked, crlf, dialect}) => {
        const options = {path: 'scraped.md', frontmatter: {dialect}}
        const result = clean(text, options)
        const {markdown, record} = result
        // 1. The body is cleaned.
        expect(markdown).not.toContain('utm_')
        // 2. The frontmatter parses and holds what was meant.
        const yaml = frontmatterText(markdown)
        const document = parseDocument(yaml)
        expect(document.errors).toEqual([])
        const data = document.toJS() as Record<string, unknown>
        expect(data['title']).toBe(title.meant)
        for (const item of entries) {
          expect(data[item.key], item.written).toEqual(item.meant)
          if (item.damage === 'none') expect(yaml.split(/\r?\n/)).toContain(item.written)
        }
        expect(record.frontmatter['title']).toBe(title.meant)
        // 3. Every repair is recorded.
        for (const item of entries) {
          if (item.damage === 'none') continue
          const repair = REPAIR_OF[item.damage]
          expect(record.changes, `${item.written} repaired as ${repair}`).toContainEqual(expect.objectContaining({key: item.key, repair}))
        }
        if (title.damaged) expect(record.changes).toContainEqual(expect.objectContaining({key: 'title', repair: 'quote-value'}))
        if (fence !== 'closed') {
          const inserted = record.removals.filter(
            (removal) => removal.rule === 'frontmatter' && removal.text === '' && /^---\r?\n$/.test(removal.replacement ?? ''),
          )
          expect(inserted).toHaveLength(1)
          expect(inserted[0]!.reason).toMatch(/closing `---` fence/)
          if (fence === 'before-heading')
            expect(record.headings).toEqual([
              {depth: 1, text: 'Getting started', line: text.slice(0, text.indexOf('# Getting')).split('\n').length},
            ])
        }
        if (stacked !== -1) {
          // Alone, or taken into a rewrite of the block that spans it.
          const joined = record.removals.filter((removal) => /\n---\r?\n---\r?\n/.test(`\n${removal.text}`))
          expect(joined).toHaveLength(1)
          expect(joined[0]!.reason).toMatch(/second block right after the first joined/)
        }
        expect(reconstruct(text, record.removals)).toBe(markdown)
        if (crlf) expect(markdown.replace(/\r\n/g, '')).not.toContain('\n')
        // 4. Idempotent, nothing left to record.
        const again = clean(markdown, options)
        expect(again.markdown).toBe(markdown)
        expect(again.removals).toEqual([])
        expect(again.record.warnings).toEqual([])
      }),
      {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false},
    )
  })

  it('leaves valid YAML alone: colons in quoted values, URLs, times, `C#`', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...KEYS), {minLength: 1, maxLength: 5}), words(1, 3), (keys, value) => {
        const lines = keys.map((key, index) => {
          switch (index % 4) {
            case 0:
              return `${key}: ${stringify(`${value}: ${value}`).trimEnd()}`
            case 1:
              return `${key}: https://example.org/a:b/${index}?q=1#frag`
            case 2:
              return `${key}: 10:${String(10 + index).padStart(2, '0')}`
            default:
              return `${key}: 'He said: "${index}"'`
          }
        })
        const text = `---\ntitle: Clean\n${lines.join('\n')}\n---\n\nBody.\n`
        const result = clean(text)
        expect(result.markdown).toBe(text)
        expect(result.record.changes).toEqual([])
      }),
      {numRuns: Math.min(NUM_RUNS, 200), seed: SEED},
    )
  })
})

/**
 * The README stays true about the rules: every rule has its row, with its
 * group, and no row names a rule that does not exist; the frontmatter schema
 * table and each dialect's table match the rules data (with what each
 * dialect's generator reads as written).
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allRules, defaultRuleSet, defaultRulesData, ruleIds, type Shape, SHAPES} from '../src/plugin-api.js'

const SHAPE_NAMES = Object.keys(SHAPES) as Shape[]

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (spam|boilerplate|safety|frontmatter)(?: \(off\))? \|/gm)].map((match) => ({id: match[1]!, group: match[2]!}))

describe('README rules table', () => {
  it('has one row per rule, in pipeline order, with the rule group', () => {
    expect(rows.map((row) => row.id)).toEqual(ruleIds)
    expect(rows.map((row) => row.group)).toEqual(allRules.map((rule) => rule.meta.group))
  })
  it('marks exactly the rules that are off by default', () => {
    const off = [...readme.matchAll(/^\| `([a-z-]+)` \| [a-z]+ \(off\) \|/gm)].map((match) => match[1])
    expect(off).toEqual(allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id))
  })
  it('names every option of the command line', async () => {
    const {HELP} = await import('../src/cli/args.js')
    for (const option of HELP.match(/--[a-z-]+/g) ?? []) expect(readme, option).toMatch(new RegExp('[`, ]' + option + '\\b'))
  })
})

describe('README removal shapes table', () => {
  it('lists for each shape exactly the rules that declare it', () => {
    const table = [...readme.matchAll(/^\| `([a-z-]+)` \| [^|]+ \| ((?:`[a-z-]+`(?:, )?)+) \|$/gm)]
      .filter((match) => (SHAPE_NAMES as readonly string[]).includes(match[1]!))
      .map((match) => [match[1]!, [...match[2]!.matchAll(/`([a-z-]+)`/g)].map((rule) => rule[1]!)] as const)
    expect(new Map(table)).toEqual(new Map(SHAPE_NAMES.map((shape) => [shape, ruleIds.filter((id) => allRules.find((rule) => rule.meta.id === id)!.meta.shapes.includes(shape))])))
  })
})

/** The lines of the README section that starts with `heading` (up to the next heading of the same or a higher level). */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`)
  expect(start, heading).toBeGreaterThan(-1)
  const level = /^#+/.exec(heading)![0].length
  const rest = readme.slice(start + heading.length + 2)
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'))
  return next === -1 ? rest : rest.slice(0, next)
}

describe('README frontmatter tables', () => {
  const frontmatter = defaultRulesData.frontmatter!
  it('list the schema keys in order, with their types, aliases and requirement', () => {
    const rows = [...section('### The canonical schema').matchAll(/^\| `([^`]+)` \| ([a-z]+) \| (.*?) \| (.*?) \| (yes)? \|$/gm)]
    expect(rows.map((row) => [row[1], row[2]])).toEqual(frontmatter.keys!.map((key) => [key.key, key.type]))
    for (const [index, key] of frontmatter.keys!.entries()) {
      const aliases = [...rows[index]![3]!.matchAll(/`([^`]+)`/g)].map((match) => match[1])
      expect(aliases, key.key).toEqual(key.aliases ?? [])
      expect(rows[index]![5] === 'yes', key.key).toBe(key.required === true)
    }
  })
  it('give each dialect a table with its keys, names and shapes, in order, and its date format', () => {
    const compiled = defaultRuleSet().frontmatter.dialects
    for (const dialect of frontmatter.dialects!) {
      const text = section(`#### \`${dialect.id}\``)
      expect(text, dialect.id).toContain(`\`${dialect.dateFormat}\``)
      const rows = [...text.matchAll(/^\| `([^`]+)` \| `([^`]+)` \| (.*?) \|$/gm)].map((row) => ({
        field: row[1],
        key: row[2],
        shape: row[3] === 'always a list' ? 'list' : row[3] === 'one value' ? 'single' : undefined,
      }))
      expect(rows, dialect.id).toEqual(dialect.keys.map((key) => ({field: key.field, key: key.key ?? key.field, shape: key.shape})))
      for (const required of compiled.get(dialect.id)!.required) expect(text, `${dialect.id} requires ${required}`).toContain(`\`${required}\``)
      // What the generator reads as written is listed, by id, and the keys whose string it reads as a list.
      for (const form of dialect.reads?.dates ?? []) expect(text, `${dialect.id} reads ${form.id}`).toContain(`\`${form.id}\``)
      for (const key of (dialect.reads?.stringLists ?? []).flatMap((item) => item.keys)) expect(text, `${dialect.id} reads a \`${key}\` string`).toContain(`\`${key}\``)
    }
  })
})

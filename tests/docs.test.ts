/**
 * The docs stay true to the code: the rules reference has a row per rule
 * with its group (and its page) and says what each removes and keeps, the
 * command-line reference names every option, the removal shapes table lists
 * for each shape the rules that declare it, the frontmatter schema and dialect tables match the rules
 * data (with what each dialect's generator reads as written), and every
 * relative link of the README, CONTRIBUTING.md and docs/ leads to a file
 * that exists and, with an `#anchor`, to a heading in it.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {dirname, join, normalize} from 'node:path'
import {describe, expect, it} from 'vitest'
import {allRules, defaultRuleSet, defaultRulesData, ruleIds, type Shape, SHAPES} from '../src/plugin-api.js'
import {anchorsOf, readDoc, relativeLinksOf, root, sectionOf} from './support/docs.js'

const SHAPE_NAMES = Object.keys(SHAPES) as Shape[]

describe('docs/rules.md rules table', () => {
  const rules = readDoc('docs/rules.md')
  const rows = [
    ...rules.matchAll(/^\| \[`([a-z-]+)`\]\(rules\/([a-z-]+)\.md\) \| (spam|boilerplate|safety|frontmatter|chrome)(?: \(off\))? \|/gm),
  ].map((match) => ({id: match[1]!, page: match[2]!, group: match[3]!}))
  it('has one row per rule, in pipeline order, with the rule group, linked to its page', () => {
    expect(rows.map((row) => row.id)).toEqual(ruleIds)
    expect(rows.map((row) => row.page)).toEqual(ruleIds)
    expect(rows.map((row) => row.group)).toEqual(allRules.map((rule) => rule.meta.group))
  })
  it('says for each rule, in pipeline order, what it removes and what it keeps', () => {
    const section = sectionOf(rules, '## What each rule removes and keeps')!
    expect([...section.matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1])).toEqual(ruleIds)
    for (const id of ruleIds) expect(sectionOf(section, `### \`${id}\``), id).toMatch(/^\n\*\*Removes:\*\* .+\n\n\*\*Keeps:\*\* .+\n/)
  })
  it('marks exactly the rules that are off by default', () => {
    const off = [...rules.matchAll(/^\| \[`([a-z-]+)`\]\([^)]+\) \| [a-z]+ \(off\) \|/gm)].map((match) => match[1])
    expect(off).toEqual(allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id))
  })
})

describe('docs/cli.md', () => {
  it('names every option of the command line', async () => {
    const {HELP} = await import('../src/cli/args.js')
    const cli = readDoc('docs/cli.md')
    for (const option of HELP.match(/--[a-z-]+/g) ?? []) expect(cli, option).toMatch(new RegExp('[`, ]' + option + '\\b'))
  })
})

describe('docs/check-and-hooks.md', () => {
  it('describes every option of check mode in its table', async () => {
    const {HELP} = await import('../src/cli/args.js')
    const checkOptions = HELP.slice(HELP.indexOf('Check mode'), HELP.indexOf('Options:')).match(/--[a-z-]+/g) ?? []
    expect(checkOptions.length).toBeGreaterThan(0)
    const rows = readDoc('docs/check-and-hooks.md')
      .split('\n')
      .filter((line) => line.startsWith('| `--'))
    for (const option of checkOptions)
      expect(
        rows.some((row) => row.startsWith(`| \`${option}`)),
        option,
      ).toBe(true)
  })
})

describe('docs/architecture.md removal shapes table', () => {
  it('lists for each shape exactly the rules that declare it', () => {
    const table = [...readDoc('docs/architecture.md').matchAll(/^\| `([a-z-]+)` \| [^|]+ \| ((?:`[a-z-]+`(?:, )?)+) \|$/gm)]
      .filter((match) => (SHAPE_NAMES as readonly string[]).includes(match[1]!))
      .map((match) => [match[1]!, [...match[2]!.matchAll(/`([a-z-]+)`/g)].map((rule) => rule[1]!)] as const)
    expect(new Map(table)).toEqual(
      new Map(
        SHAPE_NAMES.map((shape) => [
          shape,
          ruleIds.filter((id) => allRules.find((rule) => rule.meta.id === id)!.meta.shapes.includes(shape)),
        ]),
      ),
    )
  })
})

describe('docs/frontmatter.md tables', () => {
  const doc = readDoc('docs/frontmatter.md')
  /** The lines of the section that starts with `heading`; fails when there is none. */
  function section(heading: string): string {
    const text = sectionOf(doc, heading)
    expect(text, heading).toBeDefined()
    return text!
  }
  const frontmatter = defaultRulesData.frontmatter!
  it('list the schema keys in order, with their types, aliases and requirement', () => {
    const rows = [...section('## The canonical schema').matchAll(/^\| `([^`]+)` \| ([a-z]+) \| (.*?) \| (.*?) \| (yes)? \|$/gm)]
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
      const text = section(`### \`${dialect.id}\``)
      expect(text, dialect.id).toContain(`\`${dialect.dateFormat}\``)
      const rows = [...text.matchAll(/^\| `([^`]+)` \| `([^`]+)` \| (.*?) \|$/gm)].map((row) => ({
        field: row[1],
        key: row[2],
        shape: row[3] === 'always a list' ? 'list' : row[3] === 'one value' ? 'single' : undefined,
      }))
      expect(rows, dialect.id).toEqual(dialect.keys.map((key) => ({field: key.field, key: key.key ?? key.field, shape: key.shape})))
      for (const required of compiled.get(dialect.id)!.required)
        expect(text, `${dialect.id} requires ${required}`).toContain(`\`${required}\``)
      // What the generator reads as written is listed, by id, and the keys whose string it reads as a list.
      for (const form of dialect.reads?.dates ?? []) expect(text, `${dialect.id} reads ${form.id}`).toContain(`\`${form.id}\``)
      for (const key of (dialect.reads?.stringLists ?? []).flatMap((item) => item.keys))
        expect(text, `${dialect.id} reads a \`${key}\` string`).toContain(`\`${key}\``)
    }
  })
})

/** The project's hand-written and generated Markdown documents. */
function documents(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(root, dir), {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory() ? docs(`${dir}/${entry.name}`) : entry.name.endsWith('.md') ? [`${dir}/${entry.name}`] : [],
    )
  return ['README.md', 'CONTRIBUTING.md', ...docs('docs')]
}

describe('links', () => {
  it('every relative link leads to a file that exists, and every #anchor to a heading there', () => {
    const broken: string[] = []
    for (const doc of documents()) {
      for (const {target, line} of relativeLinksOf(readDoc(doc))) {
        const [path, anchor] = target.split('#') as [string, string | undefined]
        const file = path === '' ? doc : normalize(join(dirname(doc), decodeURI(path)))
        if (file.startsWith('..') || !existsSync(join(root, file))) {
          broken.push(`${doc}:${line}: ${target}: no such file`)
          continue
        }
        if (
          anchor !== undefined &&
          !(statSync(join(root, file)).isFile() && file.endsWith('.md') && anchorsOf(readDoc(file)).has(anchor))
        ) {
          broken.push(`${doc}:${line}: ${target}: no heading #${anchor} in ${file}`)
        }
      }
    }
    expect(broken).toEqual([])
  })
  it('are checked in every document (the link reader finds links)', () => {
    expect(relativeLinksOf(readDoc('README.md')).map((link) => link.target)).toContain('docs/cli.md')
    expect(relativeLinksOf('see `[a](nowhere.md)` and [b](b.md)\n\n```\n[c](c.md)\n```\n')).toEqual([{target: 'b.md', line: 1}])
  })
})

/**
 * The README is the front page: short (at most 15 KB), the quick start first
 * (the two commands it names are the package's `start` and `test` scripts,
 * and CI runs that same test command), then a table of the rules that agrees
 * with the rules themselves, an options table that names every option of the
 * command line, the exit codes the command line uses, and links that resolve.
 * The reference text it used to hold is in docs/ (tests/docs.test.ts).
 */
import {describe, expect, it} from 'vitest'
import {allRules, ruleIds} from '../src/plugin-api.js'
import {anchorsOf, proseLines, readDoc, sectionOf} from './support/docs.js'

const readme = readDoc('README.md')

describe('README', () => {
  it('is at most 15 KB', () => {
    expect(Buffer.byteLength(readme, 'utf8')).toBeLessThanOrEqual(15_000)
  })
  it('has the quick start as its first section, with the package scripts it names', () => {
    const headings = proseLines(readme).filter((line) => line.startsWith('## '))
    expect(headings[0]).toBe('## Quick start')
    const quickStart = sectionOf(readme, '## Quick start')!
    const commands = [...quickStart.matchAll(/^(?:npm ci && )?npm (start|test)\b/gm)].map((match) => match[1])
    expect(commands).toEqual(['start', 'test'])
    const scripts = (JSON.parse(readDoc('package.json')) as {scripts: Record<string, string>}).scripts
    expect(scripts['start']).toBe('node bin/decruft.js input --out output')
    expect(scripts['test']).toBeDefined()
    expect(quickStart).toContain('`decruft input --out output`')
  })
  it('runs in CI the test command of its quick start', () => {
    expect(
      readDoc('.ci/run')
        .split('\n')
        .map((line) => line.trim()),
    ).toContain('npm test')
  })
})

describe('README rules table', () => {
  const rows = [
    ...readme.matchAll(
      /^\| \[`([a-z-]+)`\]\(docs\/rules\/([a-z-]+)\.md\) \| (spam|boilerplate|safety|frontmatter|chrome)( \(off\))? \| [^|\n]+ \|$/gm,
    ),
  ]
  it('has one row per rule, in pipeline order, with the rule group, linked to its page', () => {
    expect(rows.map((row) => row[1])).toEqual(ruleIds)
    expect(rows.map((row) => row[2])).toEqual(ruleIds)
    expect(rows.map((row) => row[3])).toEqual(allRules.map((rule) => rule.meta.group))
  })
  it('marks exactly the rules that are off by default', () => {
    expect(rows.filter((row) => row[4] !== undefined).map((row) => row[1])).toEqual(
      allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id),
    )
  })
})

describe('README options table', () => {
  it('names every option of the command line, each in a one-line row', async () => {
    const {HELP} = await import('../src/cli/args.js')
    const table = sectionOf(readme, '## Options')!
    const rows = table.split('\n').filter((line) => line.startsWith('| `'))
    for (const row of rows) expect(row, 'a one-line cell').toMatch(/^\| [^|]+ \| [^|]+ \|$/)
    const named = rows.map((row) => row.split(' | ')[0]!).join(' ')
    for (const option of HELP.match(/--[a-z-]+/g) ?? []) expect(named, option).toMatch(new RegExp('[`, ]' + option + '\\b'))
  })
})

describe('README exit codes', () => {
  it('lists each exit code of the command line once, in order', async () => {
    const {ExitCode} = await import('../src/cli/main.js')
    const codes = [...sectionOf(readme, '## Exit codes')!.matchAll(/^\| (\d) \|/gm)].map((match) => Number(match[1]))
    expect(codes).toEqual(Object.values(ExitCode).sort())
  })
})

describe('README links', () => {
  it('link to every page of docs/', () => {
    for (const page of ['cli', 'check-and-hooks', 'rules', 'frontmatter', 'record', 'library', 'limits', 'architecture'])
      expect(readme).toContain(`](docs/${page}.md)`)
    expect(readme).toContain('](CONTRIBUTING.md)')
    expect(readme).toContain('](LICENSE)')
  })
  it('has headings with the anchors other documents link to', () => {
    expect(anchorsOf(readme)).toContain('quick-start')
  })
})

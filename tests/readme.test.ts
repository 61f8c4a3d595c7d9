/** The README stays true about the rules: every rule has its row, with its group, and no row names a rule that does not exist. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allRules, ruleIds} from '../src/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| ([a-z]+)(?: \(off\))? \|/gm)].map((match) => ({id: match[1]!, group: match[2]!}))

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

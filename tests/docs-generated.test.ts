/**
 * docs/rules/<id>.md are generated (`npm run docs:generate`) from each rule's
 * meta, its default rules and its fixtures. The committed pages must be what
 * the generator writes now, so a changed rule, YAML entry or fixture without
 * regenerated docs fails here; and the page shows every fixture case of its rule.
 */
import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {allRules, ruleIds} from '../src/plugin-api.js'
import {renderRuleDocs} from '../scripts/lib/rule-docs.js'
import {readDoc, root} from './support/docs.js'

const pages = renderRuleDocs(
  root,
  allRules.map((rule) => rule.meta),
)

describe('docs/rules/', () => {
  it('holds exactly one page per rule', () => {
    expect(readdirSync(`${root}docs/rules`).sort()).toEqual(ruleIds.map((id) => `${id}.md`).sort())
  })
  for (const [file, text] of pages) {
    it(`${file} is what npm run docs:generate writes`, () => {
      expect(readDoc(`docs/rules/${file}`), `docs/rules/${file} is out of date: run npm run docs:generate`).toBe(text)
    })
  }
  it('shows every fixture case of each rule as an example, under its name', () => {
    for (const id of ruleIds) {
      const cases = readdirSync(`${root}tests/fixtures/${id}`).filter((name) => /^(removes|keeps)-/.test(name))
      expect(cases.length, id).toBeGreaterThan(0)
      const headings = [...pages.get(`${id}.md`)!.matchAll(/^#### (.+)$/gm)].map((match) => match[1])
      expect(headings.sort(), id).toEqual(cases.sort())
      for (const name of cases)
        expect(pages.get(`${id}.md`), `${id}/${name} input`).toContain(
          readDoc(`tests/fixtures/${id}/${name}/input.md`).replace('\uFEFF', '').trimEnd(),
        )
    }
  })
})

/**
 * Fixture-driven rule tests.
 *
 * `tests/fixtures/<rule-id>/<case>/input.md` runs through `clean` with only
 * that rule on (plus an optional `rules.yaml` layered over the defaults, an
 * optional `filters.txt` filter list, and optional `options.json`: more
 * `clean` options, such as `{"frontmatter": {"dialect": "hugo"}}`, and
 * `"enable"`: other rules to run too, whose removals the case may then hold) and
 * must give `output.md` byte for byte (with a `site/` folder: the case's
 * other articles of one site, learned with input.md into a site-template index
 * that the clean is given as `templates`), and `removals.json` (rule and exact
 * text of each removal, the `group` the parts of a removal of several
 * spans share, its severity when it is a warning, and what the repair step
 * adjusted, if anything); frontmatter cases also give `changes.json` (each
 * value change, old → new, and the `strict` problems). Every case is also checked to be idempotent (the
 * output cleans to itself) and to behave the same with CRLF and with CR-only line endings.
 * Case folders are named `removes-*` or `keeps-*`; a `keeps-*` case must
 * remove nothing. A missing expected file fails; run with
 * `UPDATE_FIXTURES=1` to write baselines, then read them before committing.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet, type CleanOptions, type RuleId, type RuleSet} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'
import {compileFilterLists} from '../src/filter-lists.js'
import {createTemplateLearner} from '../src/plugin-api.js'

const root = new URL('./fixtures/', import.meta.url).pathname
const update = process.env['UPDATE_FIXTURES'] === '1'

function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

function expectFile(path: string, actual: string): void {
  const expected = read(path)
  if (expected === undefined || (update && expected !== actual)) {
    if (!update) throw new Error(`missing expected file ${path} (run with UPDATE_FIXTURES=1 to write it)`)
    writeFileSync(path, actual)
    return
  }
  expect(actual).toBe(expected)
}

const ruleFolders = readdirSync(root, {withFileTypes: true}).filter((entry) => entry.isDirectory())

describe('fixture folders', () => {
  it('are named after rule ids', () => {
    for (const folder of ruleFolders) expect(ruleIds).toContain(folder.name)
  })
  it('give every rule both removes-* and keeps-* cases', () => {
    for (const id of ruleIds) {
      const cases = existsSync(join(root, id)) ? readdirSync(join(root, id)) : []
      expect(
        cases.some((name) => name.startsWith('removes-')),
        `${id} has a removes-* case`,
      ).toBe(true)
      expect(
        cases.some((name) => name.startsWith('keeps-')),
        `${id} has a keeps-* case`,
      ).toBe(true)
    }
  })
})

for (const folder of ruleFolders) {
  const ruleId = folder.name
  describe(ruleId, () => {
    for (const name of readdirSync(join(root, ruleId)).sort()) {
      const dir = join(root, ruleId, name)
      const input = read(join(dir, 'input.md'))
      if (input === undefined) continue
      const extra = read(join(dir, 'rules.yaml'))
      const rules: RuleSet = extra === undefined ? createRuleSet() : createRuleSet({text: extra, file: join(dir, 'rules.yaml')})
      const filters = read(join(dir, 'filters.txt'))
      const filterLists = filters === undefined ? undefined : compileFilterLists([{name: 'filters.txt', text: filters}])
      const options = JSON.parse(read(join(dir, 'options.json')) ?? '{}') as CleanOptions
      if (existsSync(join(dir, 'site'))) {
        // The site's articles and the input, learned as one batch would (each under its file name: one folder).
        const learner = createTemplateLearner({rules})
        for (const file of readdirSync(join(dir, 'site')).sort()) learner.add(read(join(dir, 'site', file))!, {path: file})
        learner.add(input, {path: options.path ?? `${name}.md`})
        options.templates = learner.index
      }
      // Rules the case switches on besides its own (`"enable"` in options.json): the body around a kept frontmatter.
      const also = options.enable ?? []
      const disable = ruleIds.filter((id) => id !== ruleId && !also.includes(id))
      const run = (text: string) =>
        clean(text, {...options, rules, filterLists, enable: [ruleId as RuleId, ...also], disable, path: options.path ?? `${name}.md`})

      it(`${name}: output and removals`, () => {
        const result = run(input)
        expectFile(join(dir, 'output.md'), result.markdown)
        // The parts of a removal of several spans (an unlinked link) show their shared `group`; a matter of taste its
        // severity; a removal the repair step adjusted what it did (src/core/repair.ts).
        const summary = result.removals.map(({rule, text, group, severity, adjusted}) => ({
          rule,
          text,
          ...(group === undefined ? {} : {group}),
          ...(severity ? {severity} : {}),
          ...(adjusted ? {adjusted} : {}),
        }))
        expectFile(join(dir, 'removals.json'), `${JSON.stringify(summary, null, 2)}\n`)
        if (ruleId === 'frontmatter') {
          const {changes, problems} = result.record
          expectFile(join(dir, 'changes.json'), `${JSON.stringify({changes, problems}, null, 2)}\n`)
        }
        if (name.startsWith('keeps-')) {
          expect(result.removals.filter((removal) => removal.rule === ruleId)).toEqual([])
        } else {
          expect(result.removals.filter((removal) => removal.rule === ruleId).length).toBeGreaterThan(0)
        }
        for (const removal of result.removals) expect([ruleId, ...also]).toContain(removal.rule)
      })

      it(`${name}: idempotent`, () => {
        const once = run(input).markdown
        expect(run(once).markdown).toBe(once)
      })

      it(`${name}: same with CRLF line endings`, () => {
        const lf = input.replace(/\r\n/g, '\n')
        const crlf = lf.replace(/\n/g, '\r\n')
        const fromLf = run(lf)
        const fromCrlf = run(crlf)
        expect(fromCrlf.markdown.replace(/\r\n/g, '\n')).toBe(fromLf.markdown)
        expect(fromCrlf.removals.map((r) => r.rule)).toEqual(fromLf.removals.map((r) => r.rule))
      })

      it(`${name}: same with CR-only line endings, and idempotent`, () => {
        const lf = input.replace(/\r\n/g, '\n')
        const cr = lf.replace(/\n/g, '\r')
        const fromLf = run(lf)
        const fromCr = run(cr)
        expect(fromCr.markdown.replace(/\r/g, '\n')).toBe(fromLf.markdown)
        expect(fromCr.removals.map((r) => r.rule)).toEqual(fromLf.removals.map((r) => r.rule))
        expect(run(fromCr.markdown).markdown).toBe(fromCr.markdown)
      })
    }
  })
}

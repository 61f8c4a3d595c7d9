import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {clean, createRuleSet, RulesError, type RulesData} from '../src/index.js'
import {defaultRulesData, mergeRules, parseRules, rulesJsonSchema, recordJsonSchema, recordSchema} from '../src/plugin-api.js'

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

describe('generated files are in sync (run `npm run rules:generate`)', () => {
  it('src/ruleset/default-rules.ts matches rules/default/*.yaml', () => {
    const names = readdirSync(new URL('../rules/default', import.meta.url))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
    let data: RulesData = {version: 1}
    for (const name of names) data = mergeRules(data, parseRules(read(`rules/default/${name}`), `rules/default/${name}`))
    expect(defaultRulesData).toEqual(data)
  })
  it('each default rules file holds the section of the rule it is named after', () => {
    for (const name of readdirSync(new URL('../rules/default', import.meta.url))) {
      const data = parseRules(read(`rules/default/${name}`), name) as Record<string, unknown>
      const sections = Object.keys(data).filter((key) => key !== 'version')
      expect(sections.map((key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) + '.yaml')).toEqual([name])
    }
  })
  it('rules/schema.json matches the zod schema', () => {
    expect(JSON.parse(read('rules/schema.json'))).toEqual(rulesJsonSchema())
  })
  it('schema/record.schema.json matches the zod schema', () => {
    expect(JSON.parse(read('schema/record.schema.json'))).toEqual(recordJsonSchema())
  })
})

function rulesError(text: string): RulesError {
  try {
    parseRules(text, 'my-rules.yaml')
  } catch (error) {
    if (error instanceof RulesError) return error
    throw error
  }
  throw new Error('expected a RulesError')
}

describe('parseRules errors name file, line, column and key path', () => {
  it('YAML syntax', () => {
    const error = rulesError('adBlock:\n  markers: [\n')
    expect(error.file).toBe('my-rules.yaml')
    expect(error.line).toBeGreaterThanOrEqual(2)
    expect(error.message).toMatch(/^my-rules\.yaml:\d+:\d+: /)
  })
  it('unknown key', () => {
    const error = rulesError('version: 1\nlinkFarm:\n  minLinks: 3\n  labelz: []\n')
    expect(error.line).toBe(4)
    expect(error.column).toBe(3)
    expect(error.path).toBe('linkFarm.labelz')
  })
  it('invalid regular expression', () => {
    const error = rulesError('adBlock:\n  markers:\n    - id: broken\n      begin: "(unclosed"\n      end: "x"\n')
    expect(error.line).toBe(4)
    expect(error.path).toBe('adBlock.markers.0.begin')
    expect(error.message).toContain('regular expression')
  })
  it('bad id', () => {
    const error = rulesError('adBlock:\n  markers:\n    - id: Not Kebab\n      begin: a\n      end: b\n')
    expect(error.path).toBe('adBlock.markers.0.id')
    expect(error.line).toBe(3)
  })
})

describe('user rules merge over the defaults by id', () => {
  const markers = (data: ReturnType<typeof mergeRules>) => data.adBlock?.markers?.map((marker) => marker.id) ?? []
  it('adds new ids and keeps the defaults', () => {
    const merged = mergeRules(defaultRulesData, parseRules('adBlock:\n  markers:\n    - {id: promo, begin: promo start, end: promo end}\n'))
    expect(markers(merged)).toContain('promo')
    expect(markers(merged)).toContain('affiliate-ads')
  })
  it('replaces an entry with the same id, in place', () => {
    const merged = mergeRules(defaultRulesData, parseRules('adBlock:\n  markers:\n    - {id: affiliate-ads, begin: x, end: y}\n'))
    expect(merged.adBlock?.markers?.find((marker) => marker.id === 'affiliate-ads')?.begin).toBe('x')
    expect(markers(merged).indexOf('affiliate-ads')).toBe(markers(defaultRulesData).indexOf('affiliate-ads'))
  })
  it('switches an entry off with enabled: false', () => {
    const rules = createRuleSet({text: 'adBlock:\n  markers:\n    - {id: affiliate-ads, enabled: false}\n', file: 'off.yaml'})
    expect(rules.adBlock.markers.map((marker) => marker.id)).not.toContain('affiliate-ads')
    const text = 'a\n\n<!-- affiliate ads begin -->\nad\n<!-- affiliate ads end -->\n\nb\n'
    expect(clean(text, {rules}).markdown).toBe(text)
  })
  it('starts from nothing with extends: none', () => {
    const rules = createRuleSet({text: 'extends: none\n', file: 'none.yaml'})
    expect(rules.adBlock.markers).toEqual([])
  })
  it('traces an invalid merged entry back to the layer file and line', () => {
    const text = 'adBlock:\n  markers:\n    - id: promo\n      begin: x\n    - id: affiliate-ads\n      begin: "("\n'
    let error: unknown
    try {
      createRuleSet({text, file: 'user.yaml'})
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RulesError)
    const rulesError = error as RulesError
    expect(rulesError.file).toBe('user.yaml')
    // Either problem may be reported first; both are on the user's own lines.
    expect([3, 6]).toContain(rulesError.line)
    expect(rulesError.path).toMatch(/^adBlock\.markers\.[01]/)
  })
  it('user markers work without code changes', () => {
    const rules = createRuleSet({
      text: 'adBlock:\n  markers:\n    - {id: promo, begin: "^promo start$", end: "^promo end$"}\n',
      file: 'promo.yaml',
    })
    const result = clean('keep\n\n<!--promo start-->\nbuy!\n<!--promo end-->\n\nkeep too\n', {rules})
    expect(result.markdown).toBe('keep\n\nkeep too\n')
    expect(result.removals[0]?.reason).toContain('promo')
  })
})

describe('records', () => {
  it('validate against the record schema', () => {
    const text = read('tests/fixtures/ad-block/removes-marked-region/input.md')
    const result = clean(text, {path: 'a.md'})
    expect(() => recordSchema.parse(result.record)).not.toThrow()
    expect(result.record.stats.removals['ad-block']).toBe(result.removals.filter((r) => r.rule === 'ad-block').length)
  })
})

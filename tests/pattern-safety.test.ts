/**
 * User patterns are vetted when the rules file loads: a pattern that can
 * backtrack catastrophically (`(a+)+$` took 92 s on a 30-character comment)
 * is refused with file:line:col (exit 2), and every default pattern passes.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {createRuleSet, RulesError} from '../src/index.js'
import {defaultRulesData, rulesSchema} from '../src/plugin-api.js'
import {catastrophicBacktracking} from '../src/ruleset/pattern-safety.js'
import {tree} from './support/temp-tree.js'

const AD_RULES = (begin: string) =>
  ['version: 1', 'adBlock:', '  markers:', '    - id: my-ads', `      begin: '${begin}'`, "      end: 'my ads end'", ''].join('\n')

describe('catastrophicBacktracking', () => {
  it.each(['(a+)+$', '^(\\w+\\s?)*$', '(?:x*y*)+z', '(?:\\d+){1,100}', '(?:a+a)+', '((ab)*)+c'])('refuses %s', (source) => {
    expect(catastrophicBacktracking(source)).toMatch(/repeats inside/)
  })
  it.each([
    '^\\s*(?:(?:google|adsense)\\s+)?ads?\\s+begin\\s*$',
    '(?:[a-z0-9-]+\\.)+example\\.com',
    '(?: (?:it|this|\\d+))*',
    '(?:[-_][a-z0-9]+)*',
    '(?:[\\p{L}\\p{N}]+ ?){1,6}',
    '.{0,120}',
    'not (a valid',
  ])('lets %s through', (source) => {
    expect(catastrophicBacktracking(source)).toBeUndefined()
  })
})

describe('rules files', () => {
  it('every default pattern passes the check', () => {
    const result = rulesSchema.safeParse(defaultRulesData)
    expect(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([])
  })

  it('a catastrophic user pattern is refused with its file, line and column', () => {
    let error: unknown
    try {
      createRuleSet({text: AD_RULES('(a+)+$'), file: 'my-rules.yaml'})
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RulesError)
    const rules = error as RulesError
    expect([rules.file, rules.line, rules.column, rules.path]).toEqual(['my-rules.yaml', 5, 14, 'adBlock.markers.0.begin'])
    expect(rules.message).toMatch(
      /^my-rules\.yaml:5:14: adBlock\.markers\.0\.begin: unsafe regular expression: `a\+` repeats inside `\(a\+\)\+`/,
    )
  })

  it('a safe user pattern loads', () => {
    expect(() => createRuleSet({text: AD_RULES('^my ads begin$'), file: 'my-rules.yaml'})).not.toThrow()
  })

  it('the CLI exits 2 before any article, naming the pattern', async () => {
    const root = tree({'in/a.md': '# A\n\nText.\n', 'my-rules.yaml': AD_RULES('(a+)+$')})
    const chunks: string[] = []
    const sink = {write: (chunk: string) => chunks.push(chunk)}
    const code = await main({
      argv: ['in', '--out', 'out', '--rules', 'my-rules.yaml'],
      cwd: root,
      stdin: undefined,
      stdout: {write: () => true},
      stderr: sink,
      env: {},
      isTTY: false,
    } as never)
    expect(code).toBe(ExitCode.usage)
    expect(chunks.join('')).toMatch(/^decruft: my-rules\.yaml:5:14: adBlock\.markers\.0\.begin: unsafe regular expression/m)
    expect(existsSync(join(root, 'out'))).toBe(false)
  })
})

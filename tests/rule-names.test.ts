/**
 * Rule ids and group names are string-literal unions derived from the
 * registry, so a typo in a selection fails `tsc` (the `@ts-expect-error`
 * lines below are checked by `npm run typecheck`: each must be an error),
 * and still fails at run time when the names come untyped (a command line,
 * a config file).
 */
import {describe, expect, it} from 'vitest'
import {clean, CleanError, UnknownRuleError, type RuleGroup, type RuleId, type RuleSelection} from '../src/index.js'
import {disabledRules, isRuleName, registry, ruleGroups, ruleIds, ruleNames} from '../src/plugin-api.js'

describe('rule ids and groups as types', () => {
  it('rejects unknown names at compile time and at run time', () => {
    // @ts-expect-error — `ad-blok` is not a rule id or group
    const typo: RuleSelection = {disable: ['ad-blok']}
    // @ts-expect-error — `spam-rules` is not a group
    const group: RuleGroup = 'spam-rules'
    // @ts-expect-error — a group is not a rule id
    const id: RuleId = 'spam'
    expect(() => disabledRules(typo)).toThrow(UnknownRuleError)
    // @ts-expect-error — clean's options are typed the same way
    expect(() => clean('Text.\n', {enable: ['link-frm']})).toThrow(CleanError)
    expect(isRuleName(group)).toBe(false)
    expect(isRuleName(id)).toBe(true)
  })

  it('accepts every registry id and group, and nothing else', () => {
    const selection: RuleSelection = {enable: ['call-to-action', 'boilerplate'], disable: ['ad-block', 'safety']}
    expect(disabledRules(selection).has('unsafe-html')).toBe(true)
    expect(ruleIds).toEqual(registry.map((rule) => rule.meta.id))
    expect([...ruleGroups.keys()].sort()).toEqual([...new Set(registry.map((rule) => rule.meta.group))].sort())
    expect(ruleNames([...ruleIds, ...ruleGroups.keys()])).toHaveLength(ruleIds.length + ruleGroups.size)
    expect(() => ruleNames(['link-farm', 'linkfarm'])).toThrow(/unknown rule id or group `linkfarm`/)
  })
})

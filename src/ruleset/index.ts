/** Rule sets: the schema, loading, merging and compiling of `rules/`. */
import {compileRules, type RuleSet} from './compile.js'
import {defaultRulesData} from './default-rules.js'
import {parseRules} from './load.js'
import {mergeRules} from './merge.js'
import type {RulesData} from './schema.js'

export {compileRules, hostPattern, type RuleSet} from './compile.js'
export {defaultRulesData} from './default-rules.js'
export {parseRules, RulesError} from './load.js'
export {mergeRules} from './merge.js'
export {rulesJsonSchema, rulesSchema, type RulesData} from './schema.js'

let defaults: RuleSet | undefined

/** The compiled default rule set (compiled once, then shared: it is immutable). */
export function defaultRuleSet(): RuleSet {
  defaults ??= compileRules(defaultRulesData)
  return defaults
}

/**
 * Build a rule set from the defaults and any number of user rules, given as
 * data or as the text of a rules file (`{text, file}`), merged in order.
 */
export function createRuleSet(...layers: Array<RulesData | {text: string; file: string}>): RuleSet {
  if (layers.length === 0) return defaultRuleSet()
  let data: RulesData = defaultRulesData
  for (const layer of layers) {
    const over = 'text' in layer && typeof layer.text === 'string' ? parseRules(layer.text, layer.file) : (layer as RulesData)
    data = mergeRules(data, over)
  }
  return compileRules(data)
}

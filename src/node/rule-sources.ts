/** The rule set of a batch, built the same way in the main thread and in each worker. */
import {compileFilterLists, createRuleSet, withFilterLists, type FilterListSource, type RuleSet} from '../index.js'

export interface RuleSources {
  /** Rules files (their text), merged over the defaults in order. */
  readonly rules: ReadonlyArray<{text: string; file: string}>
  /** Filter lists (Adblock Plus syntax). */
  readonly filterLists: readonly FilterListSource[]
}

/** Rules files over the defaults, plus filter lists if any. Throws `RulesError` for a bad rules file. */
export function compileRuleSources(sources: RuleSources): RuleSet {
  const rules = createRuleSet(...sources.rules)
  return sources.filterLists.length === 0 ? rules : withFilterLists(rules, compileFilterLists(sources.filterLists))
}

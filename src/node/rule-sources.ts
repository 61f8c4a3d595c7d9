/** The rule set and filter lists of a batch, built the same way in the main thread and in each worker. */
import {createRuleSet, type RuleSet} from '../index.js'
import type {CompiledFilterLists, FilterListSource} from '../filter-lists.js'

export interface RuleSources {
  /** Rules files (their text), merged over the defaults in order. */
  readonly rules: ReadonlyArray<{text: string; file: string}>
  /** Filter lists (Adblock Plus syntax). */
  readonly filterLists: readonly FilterListSource[]
}

/** Rule sources compiled: the rule set, and the filter lists (a run option beside it) if any were given. */
export interface CompiledRuleSources {
  readonly rules: RuleSet
  readonly filterLists?: CompiledFilterLists | undefined
}

/**
 * Rules files over the defaults, plus filter lists if any. Rejects with
 * `RulesError` for a bad rules file. The adblocker is loaded only when there
 * are lists (it costs ~80 ms of start-up).
 */
export async function compileRuleSources(sources: RuleSources): Promise<CompiledRuleSources> {
  const rules = createRuleSet(...sources.rules)
  if (sources.filterLists.length === 0) return {rules}
  const {compileFilterLists} = await import('../filter-lists.js')
  return {rules, filterLists: compileFilterLists(sources.filterLists)}
}

/**
 * Adblock Plus / EasyList filter lists (`--filter-list`), compiled once and
 * carried on the rule set for the `filter-list` rule.
 *
 * (Being written: compiles nothing yet.)
 */
import type {RuleSet} from './compile.js'

/** A filter list as given: its name (file path) and text. */
export interface FilterListSource {
  readonly name: string
  readonly text: string
}

/** Filter lists compiled for matching. */
export interface CompiledFilterLists {
  readonly names: readonly string[]
}

/** Compile filter lists. */
export function compileFilterLists(lists: readonly FilterListSource[]): CompiledFilterLists {
  return {names: lists.map((list) => list.name)}
}

/** The rule set with these filter lists added (the rule set itself is not changed). */
export function withFilterLists(rules: RuleSet, lists: CompiledFilterLists): RuleSet {
  return Object.freeze({...rules, filterLists: lists})
}

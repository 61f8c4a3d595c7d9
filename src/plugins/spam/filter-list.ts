/**
 * filter-list: Elements and URLs blocked by the Adblock Plus / EasyList filter lists given with --filter-list.
 *
 * (Being written: finds nothing yet.)
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'filter-list',
  description: 'Elements and URLs blocked by the Adblock Plus / EasyList filter lists given with --filter-list.',
  removalOnly: true,
  group: 'spam',
} as const

/** Report every filter-list span in the tree. */
export function findFilterListMatches(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const filterList = defineRule(meta, findFilterListMatches, defaultRuleSet)
export default filterList.plugin

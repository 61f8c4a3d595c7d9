/**
 * ad-slot: TODO (being written).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'ad-slot',
  description: 'TODO',
  removalOnly: true,
} as const

export function findAdSlots(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const adSlot = defineRule(meta, findAdSlots, defaultRuleSet)
export default adSlot.plugin

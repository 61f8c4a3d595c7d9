/**
 * link-farm: TODO (being written).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'link-farm',
  description: 'TODO',
  removalOnly: true,
} as const

export function findLinkFarms(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const linkFarm = defineRule(meta, findLinkFarms, defaultRuleSet)
export default linkFarm.plugin

/**
 * affiliate-link: TODO (being written).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'affiliate-link',
  description: 'TODO',
  removalOnly: true,
} as const

export function findAffiliateLinks(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const affiliateLink = defineRule(meta, findAffiliateLinks, defaultRuleSet)
export default affiliateLink.plugin

/**
 * feed-footer: Feed and cross-post footers ("The post X appeared first on Y.", "Originally published at …").
 *
 * (Being written: finds nothing yet.)
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'feed-footer',
  description: 'Feed and cross-post footers ("The post X appeared first on Y.", "Originally published at …").',
  removalOnly: true,
  group: 'spam',
} as const

/** Report every feed-footer span in the tree. */
export function findFeedFooters(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const feedFooter = defineRule(meta, findFeedFooters, defaultRuleSet)
export default feedFooter.plugin

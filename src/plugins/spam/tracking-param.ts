/**
 * tracking-param: Tracking parameters (utm_*, fbclid, gclid, …) in the URLs of links that stay.
 *
 * (Being written: finds nothing yet.)
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'tracking-param',
  description: 'Tracking parameters (utm_*, fbclid, gclid, …) in the URLs of links that stay.',
  removalOnly: true,
  group: 'spam',
} as const

/** Report every tracking-param span in the tree. */
export function findTrackingParams(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const trackingParam = defineRule(meta, findTrackingParams, defaultRuleSet)
export default trackingParam.plugin

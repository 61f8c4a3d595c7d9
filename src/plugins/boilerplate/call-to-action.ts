/**
 * call-to-action: Calls to action: clap, follow, subscribe and donation prompts.
 *
 * (Being written: finds nothing yet.)
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'call-to-action',
  description: 'Calls to action: clap, follow, subscribe and donation prompts.',
  removalOnly: true,
  group: 'boilerplate',
  enabledByDefault: false,
} as const

/** Report every call-to-action span in the tree. */
export function findCallsToAction(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const callToAction = defineRule(meta, findCallsToAction, defaultRuleSet)
export default callToAction.plugin

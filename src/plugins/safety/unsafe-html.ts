/**
 * unsafe-html: What the sanitiser drops from HTML that stays: scripts, event handlers, javascript: and data: URLs, iframes from hosts not allowed.
 *
 * (Being written: finds nothing yet.)
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'unsafe-html',
  description: 'What the sanitiser drops from HTML that stays: scripts, event handlers, javascript: and data: URLs, iframes from hosts not allowed.',
  removalOnly: true,
  group: 'safety',
} as const

/** Report every unsafe-html span in the tree. */
export function findUnsafeHtml(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const unsafeHtml = defineRule(meta, findUnsafeHtml, defaultRuleSet)
export default unsafeHtml.plugin

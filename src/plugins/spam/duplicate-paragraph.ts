/**
 * duplicate-paragraph: TODO (being written).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'duplicate-paragraph',
  description: 'TODO',
  removalOnly: true,
} as const

export function findDuplicateParagraphs(_tree: Root, _file: VFile, _rules: RuleSet): void {}

export const duplicateParagraph = defineRule(meta, findDuplicateParagraphs, defaultRuleSet)
export default duplicateParagraph.plugin

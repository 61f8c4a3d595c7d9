/**
 * frontmatter: TODO (being written).
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'

export const meta = {
  id: 'frontmatter',
  description: 'TODO',
  removalOnly: false,
} as const

/** The frontmatter of the file, normalised: stored by the finder on `file.data.frontmatter`. */
export type FrontmatterData = Record<string, unknown>

export function normalizeFrontmatter(_tree: Root, file: VFile, _rules: RuleSet): void {
  ;(file.data as {frontmatter?: FrontmatterData}).frontmatter = {}
}

export const frontmatter = defineRule(meta, normalizeFrontmatter, defaultRuleSet)
export default frontmatter.plugin

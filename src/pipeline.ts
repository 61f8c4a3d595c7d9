/**
 * The pipeline, in one place: how a document is parsed and which rules run,
 * in which order.
 *
 * Order matters only for overlapping finds: a span inside an earlier removal
 * is not reported again. Broad, certain rules come first (a marked ad region
 * takes the ad units inside it); affiliate buttons go before link farms are
 * looked for (a button between a label and its list would otherwise hide the
 * farm until a second clean); guesses last (a duplicate paragraph is only a
 * duplicate once the ads are out of the way). Frontmatter is independent.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {Rule} from './core/rule.js'
import {remarkGfmWithoutAutolinkLiterals} from './gfm.js'
import {frontmatter} from './plugins/frontmatter/frontmatter.js'
import {adBlock} from './plugins/spam/ad-block.js'
import {adSlot} from './plugins/spam/ad-slot.js'
import {affiliateLink} from './plugins/spam/affiliate-link.js'
import {duplicateParagraph} from './plugins/spam/duplicate-paragraph.js'
import {linkFarm} from './plugins/spam/link-farm.js'
import type {RuleSet} from './ruleset/compile.js'

/** Every rule, in the order it runs. */
export const allRules: readonly Rule[] = [adBlock, adSlot, affiliateLink, linkFarm, duplicateParagraph, frontmatter]

/** The ids of every rule. */
export const ruleIds: readonly string[] = allRules.map((rule) => rule.meta.id)

/** The parser every rule expects: CommonMark + GFM (no autolink literals, see gfm.ts) + YAML/TOML frontmatter, positions kept. */
export function createParser(): Processor<Root> {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmWithoutAutolinkLiterals) as unknown as Processor<Root>
}

/** Run the enabled rules' finders over a parsed tree. */
export function runRules(
  tree: Root,
  file: import('vfile').VFile,
  rules: RuleSet,
  disabled: ReadonlySet<string> = new Set(),
): void {
  for (const rule of allRules) {
    if (!disabled.has(rule.meta.id)) rule.find(tree, file, rules)
  }
}

/**
 * A unified preset: every decruft rule as a plugin, for use in another
 * pipeline after remark-parse and remark-frontmatter. The rules only report;
 * apply the removals with `applyRemovals(String(file), removalsOf(file))`.
 */
export function remarkDecruft(this: Processor, options: {rules?: RuleSet; disable?: readonly string[]} = {}) {
  const disabled = new Set(options.disable ?? [])
  for (const rule of allRules) {
    if (!disabled.has(rule.meta.id)) this.use(rule.plugin, options.rules ? {rules: options.rules} : {})
  }
}

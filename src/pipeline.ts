/**
 * The pipeline, in one place: how a document is parsed and which rules run,
 * in which order.
 *
 * Order matters only for overlapping finds: a span inside an earlier removal
 * is not reported again. Broad, certain rules come first (a marked ad region
 * takes the ad units inside it); affiliate buttons go before link farms are
 * looked for (a button between a label and its list would otherwise hide the
 * farm until a second clean); guesses last (a duplicate paragraph is only a
 * duplicate once the ads are out of the way). Tracking parameters are
 * stripped only from links that stay (an affiliate link goes whole). The
 * sanitiser runs after every spam rule, so it only sees HTML that stays and
 * records only what it drops from that. Frontmatter is independent.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {frontmatterEnd} from './core/fences.js'
import type {Deadline} from './engine/deadline.js'
import {INLINE_UNSUPPRESSIBLE_GROUPS, isInlineSuppressible, type Rule} from './engine/rule.js'
import {remarkGfmWithoutAutolinkLiterals} from './gfm.js'
import {frontmatter} from './rules/frontmatter/index.js'
import {adBlock} from './rules/ad-block/index.js'
import {adSlot} from './rules/ad-slot/index.js'
import {affiliateLink} from './rules/affiliate-link/index.js'
import {duplicateParagraph} from './rules/duplicate-paragraph/index.js'
import {linkFarm} from './rules/link-farm/index.js'
import {feedFooter} from './rules/feed-footer/index.js'
import {filterList} from './rules/filter-list/index.js'
import {trackingParam} from './rules/tracking-param/index.js'
import {callToAction} from './rules/call-to-action/index.js'
import {unsafeHtml} from './rules/unsafe-html/index.js'
import type {RuleSet} from './ruleset/compile.js'

/** Every rule, in the order it runs. */
export const allRules: readonly Rule[] = [
  adBlock,
  adSlot,
  filterList,
  affiliateLink,
  trackingParam,
  linkFarm,
  feedFooter,
  callToAction,
  duplicateParagraph,
  unsafeHtml,
  frontmatter,
]

/** The ids of every rule. */
export const ruleIds: readonly string[] = allRules.map((rule) => rule.meta.id)

/** The rule groups, each with the ids of its rules. */
export const ruleGroups: ReadonlyMap<string, readonly string[]> = new Map(
  [...new Set(allRules.map((rule) => rule.meta.group))].map((group) => [
    group,
    allRules.filter((rule) => rule.meta.group === group).map((rule) => rule.meta.id),
  ]),
)

/**
 * The ids of the rules inline suppression comments cannot keep the finds of
 * (the `safety` group, see `INLINE_UNSUPPRESSIBLE_GROUPS` in engine/rule.ts),
 * and the names of those groups.
 */
export const inlineProtected: {readonly ruleIds: ReadonlySet<string>; readonly groups: ReadonlySet<string>} = {
  ruleIds: new Set(allRules.filter((rule) => !isInlineSuppressible(rule.meta)).map((rule) => rule.meta.id)),
  groups: INLINE_UNSUPPRESSIBLE_GROUPS,
}

/** Which rules to switch on or off: rule ids or group names (`spam`, `boilerplate`, `safety`, `frontmatter`). */
export interface RuleSelection {
  /** Rules or groups to switch on, on top of the defaults (for rules off by default, such as `call-to-action`). */
  readonly enable?: readonly string[] | undefined
  /** Rules or groups to switch off; wins over `enable`. */
  readonly disable?: readonly string[] | undefined
}

/** An unknown rule id or group name in a {@link RuleSelection}. */
export class UnknownRuleError extends Error {
  override readonly name = 'UnknownRuleError'
}

function expand(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const group = ruleGroups.get(name)
    if (group) return group
    if (ruleIds.includes(name)) return [name]
    throw new UnknownRuleError(
      `unknown rule id or group \`${name}\` (rules: ${ruleIds.join(', ')}; groups: ${[...ruleGroups.keys()].join(', ')})`,
    )
  })
}

/** The ids of the rules that do not run, given a selection. Throws {@link UnknownRuleError}. */
export function disabledRules(selection: RuleSelection = {}): Set<string> {
  const disabled = new Set(allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id))
  for (const id of expand(selection.enable ?? [])) disabled.delete(id)
  for (const id of expand(selection.disable ?? [])) disabled.add(id)
  return disabled
}

/**
 * The parser every rule expects: CommonMark + GFM (no autolink literals, see
 * gfm.ts) + YAML/TOML frontmatter, positions kept. A document that opens
 * with a fence nothing closes has no frontmatter, and is parsed without the
 * frontmatter extension: after a failed attempt it leaves micromark blind
 * to the lists and block quotes in the rest of the document (`---\n\n- a`
 * parses as a rule and a paragraph; micromark-extension-frontmatter#5).
 */
export function createParser(): Processor<Root> {
  const withoutFrontmatter = unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals).freeze()
  const parseWithout = withoutFrontmatter.parser!
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfmWithoutAutolinkLiterals)
    .use(function frontmatterOnlyWhenClosed(this: Processor) {
      const parseWith = this.parser!
      this.parser = (document, file) => (frontmatterEnd(document) === -1 ? parseWithout(document, file) : parseWith(document, file))
    }) as unknown as Processor<Root>
}

/**
 * Run the enabled rules' finders over a parsed tree. With a `deadline`, its
 * budget is checked before each rule (see engine/deadline.ts).
 */
export function runRules(
  tree: Root,
  file: import('vfile').VFile,
  rules: RuleSet,
  disabled: ReadonlySet<string> = new Set(),
  deadline?: Deadline,
): void {
  for (const rule of allRules) {
    if (disabled.has(rule.meta.id)) continue
    deadline?.check()
    rule.find(tree, file, rules)
  }
}

/**
 * A unified preset: every decruft rule as a plugin, for use in another
 * pipeline after remark-parse and remark-frontmatter. The rules only report;
 * apply the removals with `applyRemovals(String(file), removalsOf(file))`.
 */
export function remarkDecruft(this: Processor, options: {rules?: RuleSet} & RuleSelection = {}) {
  const disabled = disabledRules(options)
  for (const rule of allRules) {
    if (!disabled.has(rule.meta.id)) this.use(rule.plugin, options.rules ? {rules: options.rules} : {})
  }
}

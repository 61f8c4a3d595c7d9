/**
 * The pipeline, in one place: how a document is parsed and which rules run,
 * in which order. The rules and their order are the registry's
 * (`src/rules/index.ts`, which says why that order); here each gets its
 * unified plugin, and a selection of rule ids and groups is resolved.
 */
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Plugin, type Processor} from 'unified'
import {frontmatterEnd} from './engine/fences.js'
import type {Deadline} from './engine/deadline.js'
import {INLINE_UNSUPPRESSIBLE_GROUPS, isInlineSuppressible, type RuleDefinition, type RuleMeta} from './engine/rule.js'
import {remarkGfmWithoutAutolinkLiterals} from './gfm.js'
import {registry, type RegisteredRule, type RuleGroup, type RuleId} from './rules/index.js'
import type {RuleSet} from './ruleset/compile.js'
import {defaultRuleSet} from './ruleset/index.js'
import type {RunOptions} from './ruleset/run-options.js'

export type {RuleGroup, RuleId} from './rules/index.js'

/** Options every rule plugin takes: the compiled rule set (the defaults when omitted) and the run's options beside it. */
export interface RuleOptions extends RunOptions {
  /** The compiled rule set; the defaults when omitted. */
  readonly rules?: RuleSet | undefined
}

/** A rule: its meta, its finder, its rules-file section and its unified plugin. */
export type Rule<Definition extends RuleDefinition = RuleDefinition<RuleMeta<RuleId, RuleGroup>>> = Definition & {
  /** The rule as a unified plugin, for use after remark-parse and remark-frontmatter; it only reports (see {@link remarkDecruft}). */
  readonly plugin: Plugin<[RuleOptions?], Root>
}

/** The rule as a unified plugin: it finds with the given rule set (the defaults when none) and run options. */
function withPlugin<Definition extends RuleDefinition>(rule: Definition): Rule<Definition> {
  const plugin: Plugin<[RuleOptions?], Root> = function (options) {
    const rules = options?.rules ?? defaultRuleSet()
    const run = runOptionsOf(options)
    return (tree, file) => {
      rule.find(tree, file, rules, run)
    }
  }
  Object.defineProperty(plugin, 'name', {value: rule.meta.id})
  return {...rule, plugin}
}

/** The run options among plugin options (only the ones given, so a rule sees the same object shape as from `clean`). */
function runOptionsOf(options: RunOptions | undefined): RunOptions {
  return {
    ...(options?.filterLists ? {filterLists: options.filterLists} : {}),
    ...(options?.frontmatter ? {frontmatter: options.frontmatter} : {}),
    ...(options?.templates ? {templates: options.templates} : {}),
  }
}

/** Every rule, in the order it runs (the registry's), each with its unified plugin. */
export const allRules: readonly Rule[] = registry.map((rule) => withPlugin<RuleDefinition<RuleMeta<RuleId, RuleGroup>>>(rule))

/** Each rule by its id, with its unified plugin: `unified().use(remarkParse).use(rules['link-farm'].plugin)`. */
export const rulesById: {readonly [Id in RuleId]: Rule<Extract<RegisteredRule, {readonly meta: {readonly id: Id}}>>} = Object.fromEntries(
  allRules.map((rule) => [rule.meta.id, rule]),
) as never

/** The ids of every rule. */
export const ruleIds: readonly RuleId[] = allRules.map((rule) => rule.meta.id)

/** The rule groups (by {@link RuleGroup} name), each with the ids of its rules. */
export const ruleGroups: ReadonlyMap<string, readonly RuleId[]> = new Map<string, readonly RuleId[]>(
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

/** A rule id or a group name, as `--enable`/`--disable` and {@link RuleSelection} take them. */
export type RuleName = RuleId | RuleGroup

/** Which rules to switch on or off: rule ids or group names (`spam`, `boilerplate`, `safety`, `frontmatter`). */
export interface RuleSelection {
  /** Rules or groups to switch on, on top of the defaults (for rules off by default, such as `call-to-action`). */
  readonly enable?: readonly RuleName[] | undefined
  /** Rules or groups to switch off; wins over `enable`. */
  readonly disable?: readonly RuleName[] | undefined
}

/** An unknown rule id or group name in a {@link RuleSelection}. */
export class UnknownRuleError extends Error {
  override readonly name = 'UnknownRuleError'
}

/** Whether a name is a rule id. */
export function isRuleId(name: string): name is RuleId {
  return (ruleIds as readonly string[]).includes(name)
}

/** Whether a name is a rule id or a group name. */
export function isRuleName(name: string): name is RuleName {
  return ruleGroups.has(name) || isRuleId(name)
}

/** Names checked to be rule ids or group names; throws {@link UnknownRuleError} naming the first that is not. */
export function ruleNames(names: readonly string[]): RuleName[] {
  return names.map((name) => {
    if (isRuleName(name)) return name
    throw new UnknownRuleError(
      `unknown rule id or group \`${name}\` (rules: ${ruleIds.join(', ')}; groups: ${[...ruleGroups.keys()].join(', ')})`,
    )
  })
}

function expand(names: readonly string[]): RuleId[] {
  return ruleNames(names).flatMap((name) => ruleGroups.get(name) ?? [name as RuleId])
}

/**
 * The ids of the rules that do not run, given a selection. Throws
 * {@link UnknownRuleError} (names given as untyped strings, as from a
 * command line, are checked here).
 */
export function disabledRules(selection: RuleSelection = {}): Set<string> {
  const disabled = new Set<string>(allRules.filter((rule) => rule.meta.enabledByDefault === false).map((rule) => rule.meta.id))
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
 * Run the enabled rules' finders over a parsed tree, with the run's options
 * beside the rule set. With a `deadline`, its budget is checked before each
 * rule (see engine/deadline.ts).
 */
export function runRules(
  tree: Root,
  file: import('vfile').VFile,
  rules: RuleSet,
  disabled: ReadonlySet<string> = new Set(),
  deadline?: Deadline,
  run: RunOptions = {},
): void {
  for (const rule of allRules) {
    if (disabled.has(rule.meta.id)) continue
    deadline?.check()
    rule.find(tree, file, rules, run)
  }
}

/**
 * A unified preset: every decruft rule as a plugin, for use in another
 * pipeline after remark-parse and remark-frontmatter. The rules only report;
 * apply the removals with `applyRemovals(String(file), removalsOf(file))`.
 */
export function remarkDecruft(this: Processor, options: RuleOptions & RuleSelection = {}) {
  const disabled = disabledRules(options)
  const pluginOptions: RuleOptions = {...(options.rules ? {rules: options.rules} : {}), ...runOptionsOf(options)}
  for (const rule of allRules) {
    if (!disabled.has(rule.meta.id)) this.use(rule.plugin, pluginOptions)
  }
}

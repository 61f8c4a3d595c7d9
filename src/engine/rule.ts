/**
 * The shape every cleanup rule shares: meta, a pure finder and its
 * rules-file section. `defineRule` hands the finder the tree, the file, the
 * compiled rule set and the run's options, and tells the file when inline
 * suppression comments cannot keep the rule's finds (the `safety` group, see
 * {@link INLINE_UNSUPPRESSIBLE_GROUPS}). The unified adapter (a plugin that
 * takes the defaults when given no rule set) is made by the pipeline
 * (`allRules` in `src/pipeline.ts`), which knows the default rules.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {RuleSet} from '../ruleset/compile.js'
import type {RunOptions} from '../ruleset/run-options.js'
import type {RuleSection} from '../ruleset/section.js'
import {enterRule} from './shape-check.js'
import type {Shape} from './shape.js'
import {protectFromInlineSuppression} from './suppression.js'

/** What a rule is, for docs, config and reporters. */
export interface RuleMeta<Id extends string = string, Group extends GroupName = GroupName> {
  /** Kebab-case id, also the rule's file name and fixture folder. */
  readonly id: Id
  /** One line: what the rule removes. */
  readonly description: string
  /** Whether the rule only removes spans (its removals can be re-inserted to restore the input). */
  readonly removalOnly: boolean
  /** The group the rule belongs to; `--enable`/`--disable` take a group name for all its rules. */
  readonly group: Group
  /** Whether the rule runs unless switched off. Default: true. */
  readonly enabledByDefault?: boolean
  /**
   * The shapes of what the rule may remove (see `engine/shape.ts`). Each
   * removal names one of them, or has the only one; a span that breaks its
   * shape is never recorded.
   */
  readonly shapes: readonly [Shape, ...Shape[]]
}

/**
 * The groups a rule may belong to (the registry's `RuleGroup` is the union
 * of those its rules use): `spam` (ads, affiliate links, link farms, feed
 * footers, repeats, tracking parameters), `boilerplate` (calls to action;
 * off by default), `safety` (sanitising kept HTML), `frontmatter`, `chrome`
 * (widgets, site templates and page chrome round the article).
 */
export type GroupName = 'spam' | 'boilerplate' | 'safety' | 'frontmatter' | 'chrome'

/**
 * Groups whose finds inline suppression comments (`<!-- decruft-disable -->`,
 * see `engine/suppression.ts`) cannot keep: scraped content decides nothing
 * about safety. Only the user's config or flags (`--disable unsafe-html`)
 * switch these rules off.
 */
export const INLINE_UNSUPPRESSIBLE_GROUPS: ReadonlySet<GroupName> = new Set(['safety'])

/** Whether inline suppression comments may keep a rule's finds (not for the groups in {@link INLINE_UNSUPPRESSIBLE_GROUPS}). */
export function isInlineSuppressible(meta: Pick<RuleMeta, 'group'>): boolean {
  return !INLINE_UNSUPPRESSIBLE_GROUPS.has(meta.group)
}

/**
 * A finder: reads the tree and the source, reports removals on `file`. It
 * gets the compiled rule set and this run's options (filter lists,
 * frontmatter options) beside it.
 */
export type Finder = (tree: Root, file: VFile, rules: RuleSet, run: RunOptions) => void

/**
 * A rule as its folder defines it: its meta, its finder (wrapped, see
 * {@link defineRule}) and its rules-file section (or why it has none). The
 * registry (`src/rules/index.ts`) lists these; the pipeline gives each its
 * unified plugin.
 */
export interface RuleDefinition<Meta extends RuleMeta = RuleMeta, Own extends RuleSection = RuleSection> {
  readonly meta: Meta
  readonly find: (tree: Root, file: VFile, rules: RuleSet, run?: RunOptions) => void
  readonly section: Own
}

/**
 * Define a rule. The finder is wrapped so that, while it runs, the file
 * knows the rule and the shapes it declares (see `engine/shape-check.ts`),
 * and, for the rules inline suppression comments cannot keep, that they
 * cannot.
 */
export function defineRule<const Meta extends RuleMeta, const Own extends RuleSection>(
  meta: Meta,
  finder: Finder,
  section: Own,
): RuleDefinition<Meta, Own> {
  const find = (tree: Root, file: VFile, rules: RuleSet, run: RunOptions = {}): void => {
    if (!isInlineSuppressible(meta)) protectFromInlineSuppression(file, meta.id)
    const leave = enterRule(file, tree, meta)
    try {
      finder(tree, file, rules, run)
    } finally {
      leave()
    }
  }
  return {meta, find, section}
}

/**
 * The shape every cleanup rule shares: a pure finder plus a thin unified
 * adapter. `defineRule` stamps the rule id on the plugin and hands the finder
 * the tree, the file and the compiled rule set, and tells the file when
 * inline suppression comments cannot keep the rule's finds (the `safety`
 * group, see {@link INLINE_UNSUPPRESSIBLE_GROUPS}).
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {RuleSet} from '../ruleset/compile.js'
import {enterRule} from './shape-check.js'
import type {Shape} from './shape.js'
import {protectFromInlineSuppression} from './suppression.js'

/** What a rule is, for docs, config and reporters. */
export interface RuleMeta {
  /** Kebab-case id, also the rule's file name and fixture folder. */
  readonly id: string
  /** One line: what the rule removes. */
  readonly description: string
  /** Whether the rule only removes spans (its removals can be re-inserted to restore the input). */
  readonly removalOnly: boolean
  /** The group the rule belongs to; `--enable`/`--disable` take a group name for all its rules. */
  readonly group: RuleGroup
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
 * Rule groups: `spam` (ads, affiliate links, link farms, feed footers,
 * repeats, tracking parameters), `boilerplate` (calls to action; off by
 * default), `safety` (sanitising kept HTML), `frontmatter`.
 */
export type RuleGroup = 'spam' | 'boilerplate' | 'safety' | 'frontmatter'

/**
 * Groups whose finds inline suppression comments (`<!-- decruft-disable -->`,
 * see `engine/suppression.ts`) cannot keep: scraped content decides nothing
 * about safety. Only the user's config or flags (`--disable unsafe-html`)
 * switch these rules off.
 */
export const INLINE_UNSUPPRESSIBLE_GROUPS: ReadonlySet<RuleGroup> = new Set(['safety'])

/** Whether inline suppression comments may keep a rule's finds (not for the groups in {@link INLINE_UNSUPPRESSIBLE_GROUPS}). */
export function isInlineSuppressible(meta: Pick<RuleMeta, 'group'>): boolean {
  return !INLINE_UNSUPPRESSIBLE_GROUPS.has(meta.group)
}

/** Options every rule plugin takes. */
export interface RuleOptions {
  /** The compiled rule set; the defaults when omitted. */
  readonly rules?: RuleSet | undefined
}

/** A finder: reads the tree and the source, reports removals on `file`. */
export type Finder = (tree: Root, file: VFile, rules: RuleSet) => void

/** A rule: its meta and its unified plugin. */
export interface Rule {
  readonly meta: RuleMeta
  readonly plugin: Plugin<[RuleOptions?], Root>
  readonly find: Finder
}

/**
 * Define a rule. `defaults` gives the rule set used when the plugin is
 * attached without one. The finder is wrapped so that, while it runs, the
 * file knows the rule and the shapes it declares (see `engine/shape-check.ts`).
 */
export function defineRule(meta: RuleMeta, finder: Finder, defaults: () => RuleSet): Rule {
  const find: Finder = (tree, file, rules) => {
    if (!isInlineSuppressible(meta)) protectFromInlineSuppression(file, meta.id)
    const leave = enterRule(file, tree, meta)
    try {
      finder(tree, file, rules)
    } finally {
      leave()
    }
  }
  const plugin: Plugin<[RuleOptions?], Root> = function (options) {
    const rules = options?.rules ?? defaults()
    return (tree, file) => {
      find(tree, file, rules)
    }
  }
  Object.defineProperty(plugin, 'name', {value: meta.id})
  return {meta, plugin, find}
}

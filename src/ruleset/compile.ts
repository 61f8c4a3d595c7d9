/**
 * Compile validated rules data into an immutable {@link RuleSet}: each
 * section's compiler (`sections/<rule-id>.ts`) turns patterns into regular
 * expressions once and hosts into matchers. Plugins get the rule set as an
 * option; nothing here is module state.
 */
import type {RulesData} from './schema.js'
import {sections} from './schema.js'
import type {CompiledFilterLists} from '../rules/filter-list/lists.js'
import type {FrontmatterOptions} from '../rules/frontmatter/options.js'

export type {LabelMatcher, Matcher, UrlMatcher} from './matchers.js'
export {hostPattern} from './matchers.js'
export type {MarkerMatcher} from '../rules/ad-block/section.js'
export type {ElementMatcher} from '../rules/ad-slot/section.js'
export type {CompiledFrontmatterKey} from '../rules/frontmatter/section.js'

type Sections = typeof sections

/** The compiled, read-only cleanup knowledge handed to every plugin. */
export type RuleSet = {readonly [K in keyof Sections]: Readonly<ReturnType<Sections[K]['compile']>>} & {
  /** Filter lists given with `--filter-list` (see `withFilterLists`). */
  readonly filterLists?: CompiledFilterLists | undefined
  /** How this run writes frontmatter (see `withFrontmatterOptions`). */
  readonly frontmatterOptions?: FrontmatterOptions | undefined
}

/** Compile validated rules data. */
export function compileRules(data: RulesData): RuleSet {
  const compiled: Record<string, unknown> = {}
  for (const [key, section] of Object.entries(sections)) {
    compiled[key] = Object.freeze((section.compile as (input: unknown) => unknown)(data[key as keyof Sections]))
  }
  return Object.freeze(compiled) as RuleSet
}

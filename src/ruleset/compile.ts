/**
 * Compile validated rules data into an immutable {@link RuleSet}: each
 * section's compiler (`src/rules/<rule-id>/section.ts`, listed by the
 * registry) turns patterns into regular expressions once and hosts into
 * matchers. Plugins get the rule set as an option; nothing here is module
 * state.
 */
import type {RulesData, Sections} from './schema.js'
import {sections} from './schema.js'
import {compileKeep, type KeepEntry} from './keep.js'

export type {LabelMatcher, UrlMatcher} from './matchers.js'
export type {ElementMatcher} from '../rules/ad-slot/section.js'

/**
 * The compiled, read-only cleanup knowledge handed to every plugin: one
 * member per rules-file section of the registry. What a run adds (filter
 * lists, frontmatter options) travels beside it (`RunOptions`).
 */
export type RuleSet = {readonly [K in keyof Sections]: Readonly<ReturnType<Sections[K]['compile']>>} & {
  /** The `keep` entries: what the rules must not remove (see `keep.ts`, honoured by `engine/keep.ts`). */
  readonly keep: readonly KeepEntry[]
}

/** Compile validated rules data. */
export function compileRules(data: RulesData): RuleSet {
  const compiled: Record<string, unknown> = {}
  for (const [key, section] of Object.entries(sections)) {
    compiled[key] = Object.freeze((section.compile as (input: unknown) => unknown)(data[key as keyof Sections]))
  }
  compiled['keep'] = compileKeep(data.keep)
  return Object.freeze(compiled) as RuleSet
}

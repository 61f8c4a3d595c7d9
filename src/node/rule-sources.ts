/** The rule set, filter lists and template index of a batch, built the same way in the main thread and in each worker. */
import {createRuleSet, type RuleSet} from '../index.js'
import type {CompiledFilterLists, FilterListSource} from '../filter-lists.js'
import {parseTemplateIndex, type TemplateIndex} from '../plugin-api.js'

export interface RuleSources {
  /** Rules files (their text), merged over the defaults in order. */
  readonly rules: ReadonlyArray<{text: string; file: string}>
  /** Filter lists (Adblock Plus syntax). */
  readonly filterLists: readonly FilterListSource[]
  /** A site-template index as its JSON text (`--templates`, or what the batch learned), if any. */
  readonly templates?: {readonly text: string; readonly file: string} | undefined
}

/** Rule sources compiled: the rule set, and the filter lists and template index (run options beside it) if any were given. */
export interface CompiledRuleSources {
  readonly rules: RuleSet
  readonly filterLists?: CompiledFilterLists | undefined
  readonly templates?: TemplateIndex | undefined
}

/**
 * Rules files over the defaults, plus filter lists and a template index if
 * any. Rejects with `RulesError` for a bad rules file, `TemplateIndexError`
 * (its message naming the file) for a bad index. The adblocker is loaded
 * only when there are lists (it costs ~80 ms of start-up).
 */
export async function compileRuleSources(sources: RuleSources): Promise<CompiledRuleSources> {
  const rules = createRuleSet(...sources.rules)
  const templates = sources.templates ? templateIndexOf(sources.templates) : undefined
  const withTemplates = templates ? {templates} : {}
  if (sources.filterLists.length === 0) return {rules, ...withTemplates}
  const {compileFilterLists} = await import('../filter-lists.js')
  return {rules, filterLists: compileFilterLists(sources.filterLists), ...withTemplates}
}

/** Parse a template index, its file named in the error. */
function templateIndexOf(source: {text: string; file: string}): TemplateIndex {
  try {
    return parseTemplateIndex(source.text)
  } catch (error) {
    if (error instanceof Error && error.name === 'TemplateIndexError')
      error.message = `${source.file}: not a template index: ${error.message}`
    throw error
  }
}

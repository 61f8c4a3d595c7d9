/** Rule sets: the schema, loading, merging and compiling of `rules/`. */
import {compileRules, type RuleSet} from './compile.js'
import {defaultRulesData} from './default-rules.js'
import {readRulesLayer, validateRules} from './load.js'
import {mergeRules} from './merge.js'
import type {RulesData} from './schema.js'

export {compileRules, type RuleSet} from './compile.js'
export {defaultRulesData} from './default-rules.js'
export {parseRules, RulesError} from './load.js'
export {mergeRules} from './merge.js'
export {rulesJsonSchema, rulesSchema, type RulesData} from './schema.js'

let defaults: RuleSet | undefined

/** The compiled default rule set (compiled once, then shared: it is immutable). */
export function defaultRuleSet(): RuleSet {
  defaults ??= compileRules(defaultRulesData)
  return defaults
}

/** A path in merged data → the same entry's path in the layer (list entries are matched by id). */
function originIn(merged: unknown, layerData: unknown) {
  return (path: readonly (string | number)[]): Array<string | number> => {
    const out: Array<string | number> = []
    let inMerged: unknown = merged
    let inLayer: unknown = layerData
    for (const part of path) {
      let next: string | number = part
      if (typeof part === 'number' && Array.isArray(inMerged) && Array.isArray(inLayer)) {
        const id = (inMerged[part] as {id?: unknown} | undefined)?.id
        const index = inLayer.findIndex((entry) => (entry as {id?: unknown} | undefined)?.id === id)
        next = index === -1 ? part : index
      }
      out.push(next)
      inMerged = (inMerged as Record<string | number, unknown> | undefined)?.[part]
      inLayer = (inLayer as Record<string | number, unknown> | undefined)?.[next]
    }
    return out
  }
}

/**
 * Build a rule set from the defaults and any number of user rules, given as
 * data or as the text of a rules file (`{text, file}`), merged in order.
 * Layers may give partial entries (an `id` and the fields they change).
 * Throws `RulesError` naming the layer's file, line and key path.
 */
export function createRuleSet(...layers: Array<RulesData | {text: string; file: string}>): RuleSet {
  if (layers.length === 0) return defaultRuleSet()
  let data: RulesData = defaultRulesData
  for (const layer of layers) {
    if ('text' in layer && typeof layer.text === 'string') {
      const read = readRulesLayer(layer.text, layer.file)
      const merged = mergeRules(data, read.data as RulesData)
      data = validateRules(merged, read, originIn(merged, read.data))
    } else {
      data = mergeRules(data, layer as RulesData)
    }
  }
  return compileRules(data)
}

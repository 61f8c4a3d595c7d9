/**
 * Merge a user's rules over a base: list entries merge by `id` (a user entry
 * with a known id replaces it, a new id is added, `enabled: false` switches
 * one off); plain values are replaced. `extends: none` drops the base.
 */
import type {RulesData} from './schema.js'

type Plain = Record<string, unknown>

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasIds(list: unknown[]): list is Array<{id: string}> {
  return list.every((item) => isPlain(item) && typeof item['id'] === 'string')
}

function mergeValue(base: unknown, over: unknown): unknown {
  if (over === undefined) return base
  if (Array.isArray(base) && Array.isArray(over) && hasIds(base) && hasIds(over)) {
    const merged = base.map((item) => {
      const replacement = over.find((candidate) => candidate.id === item.id)
      return replacement ? {...item, ...replacement} : item
    })
    for (const item of over) if (!base.some((candidate) => candidate.id === item.id)) merged.push(item)
    return merged
  }
  if (isPlain(base) && isPlain(over)) {
    const merged: Plain = {...base}
    for (const [key, value] of Object.entries(over)) merged[key] = mergeValue(base[key], value)
    return merged
  }
  return over
}

/** Merge `over` onto `base`, as a user rules file onto the defaults. */
export function mergeRules(base: RulesData, over: RulesData): RulesData {
  if (over.extends === 'none') return over
  return mergeValue(base, over) as RulesData
}

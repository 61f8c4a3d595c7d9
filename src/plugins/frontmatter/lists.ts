/**
 * Frontmatter lists (`tags`, `categories`, `keywords`): one string becomes a
 * list, items are trimmed, empty items dropped, and repeats dropped
 * case-insensitively keeping the first spelling. Tag objects from Ghost
 * exports (`{name: 'tech ', slug: tech}`) become their trimmed names.
 *
 * Keeps: a list holding anything else (nested lists, objects without a
 * `name`) untouched, and numbers and booleans as they are.
 *
 * @example
 *   normalizeList('Printer Fix, printer fix,,Drivers', comma)
 *   // → {value: ['Printer Fix', 'Drivers'], notes: ['comma string split into a list', '1 duplicate dropped', '1 empty item dropped']}
 */

/** A normalised list and what was done to it (empty notes: nothing changed). */
export interface ListNormalization {
  value: unknown[]
  notes: string[]
}

type Item = string | number | boolean

const COMMA = /[,，]/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Drop empty items and case-insensitive repeats; note what went. */
function tidy(items: readonly (Item | null)[], notes: string[]): Item[] {
  const seen = new Set<string>()
  const kept: Item[] = []
  let empty = 0
  let repeated = 0
  for (const item of items) {
    if (item === null || item === '') {
      empty++
      continue
    }
    const identity = String(item).toLowerCase()
    if (seen.has(identity)) {
      repeated++
      continue
    }
    seen.add(identity)
    kept.push(item)
  }
  if (repeated > 0) notes.push(`${plural(repeated, 'duplicate')} dropped`)
  if (empty > 0) notes.push(`${plural(empty, 'empty item')} dropped`)
  return kept
}

function splitString(value: string, split: RegExp | undefined, notes: string[]): Item[] {
  if (value.trim() === '') {
    notes.push('empty string made an empty list')
    return []
  }
  const parts = split ? value.split(split).filter((part): part is string => typeof part === 'string') : [value]
  const trimmed = parts.map((part) => part.trim())
  if (trimmed.length > 1) notes.push(`${COMMA.test(value) ? 'comma string' : 'string'} split into a list`)
  else notes.push('string made a one-item list')
  return tidy(trimmed, notes)
}

/** One list item as written → its normalised form; undefined when the list is not a plain list. */
function listItem(item: unknown, counts: {trimmed: number; objects: number}): Item | null | undefined {
  if (item === null || typeof item === 'number' || typeof item === 'boolean') return item
  if (typeof item === 'string') {
    const trimmed = item.trim()
    if (trimmed !== item) counts.trimmed++
    return trimmed
  }
  if (isPlainObject(item) && typeof item['name'] === 'string') {
    counts.objects++
    const trimmed = item['name'].trim()
    if (trimmed !== item['name']) counts.trimmed++
    return trimmed
  }
  return undefined
}

function normalizeArray(value: readonly unknown[], notes: string[]): Item[] | undefined {
  const counts = {trimmed: 0, objects: 0}
  const items: (Item | null)[] = []
  for (const item of value) {
    const normal = listItem(item, counts)
    if (normal === undefined) return undefined
    items.push(normal)
  }
  if (counts.objects > 0) notes.push(`${plural(counts.objects, 'tag object')} reduced to ${counts.objects === 1 ? 'its name' : 'their names'}`)
  if (counts.trimmed > 0) notes.push(`${plural(counts.trimmed, 'item')} trimmed`)
  return tidy(items, notes)
}

/**
 * Normalise the value of a list-typed key. Returns undefined when the value
 * is neither a string nor a plain list (left as written).
 */
export function normalizeList(value: unknown, split: RegExp | undefined): ListNormalization | undefined {
  const notes: string[] = []
  if (typeof value === 'string') return {value: splitString(value, split, notes), notes}
  if (!Array.isArray(value)) return undefined
  const items = normalizeArray(value, notes)
  return items && {value: items, notes}
}

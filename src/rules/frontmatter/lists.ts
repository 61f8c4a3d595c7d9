/**
 * Frontmatter lists (`tags`, `categories`, `keywords`): one string becomes a
 * list, items are trimmed and their inner white space collapsed, empty items
 * dropped, and repeats dropped case-insensitively keeping the first spelling.
 * Tag objects from Ghost exports (`{name: 'tech ', slug: tech}`) become their
 * names. Each step is one of the key's transforms and can be left out.
 *
 * Each result says whether junk went (repeats, empty items, tag objects)
 * or only the shape and white space changed, which is a matter of taste.
 *
 * Keeps: a list holding anything else (nested lists, objects without a
 * `name`) untouched, and numbers and booleans as they are.
 *
 * @example
 *   normalizeList('Printer Fix, printer fix,,Drivers', {split: comma, trim: true, dedupe: true})
 *   // → {value: ['Printer Fix', 'Drivers'], notes: ['comma string split into a list', '1 duplicate dropped', '1 empty item dropped']}
 */

/** Which list transforms run (see `rules: frontmatter.keys[].transforms`). */
export interface ListTransforms {
  /** Split one string into items on this pattern (no pattern: one item). */
  readonly split?: RegExp | undefined
  /** Reduce `{name, slug}` objects to their names. */
  readonly names?: boolean | undefined
  /** Trim items. */
  readonly trim?: boolean | undefined
  /** Collapse runs of white space inside items. */
  readonly collapse?: boolean | undefined
  /** Drop case-insensitive repeats (the first spelling stays) and empty items. */
  readonly dedupe?: boolean | undefined
}

/** A normalised list and what was done to it (empty notes: nothing changed). */
export interface ListNormalization {
  value: unknown[]
  notes: string[]
  /**
   * Whether something that does not belong went (a repeat, an empty item, a
   * `{name, slug}` object); false when only the shape or white space changed.
   */
  junk: boolean
}

/** The notes of one normalisation, and whether any of them is about junk. */
interface Notes extends Array<string> {
  junk?: boolean
}

type Item = string | number | boolean

const COMMA = /[,，]/
const WHITE_SPACE = /\s+/g

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Drop empty items and case-insensitive repeats; note what went. */
function tidy(items: readonly (Item | null)[], notes: Notes): Item[] {
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
  if (repeated > 0 || empty > 0) notes.junk = true
  return kept
}

/** Trim and collapse one string item as the transforms say; counts what changed. */
function tidyText(text: string, transforms: ListTransforms, counts: {trimmed: number; collapsed: number}): string {
  let out = text
  if (transforms.trim) out = out.trim()
  if (out !== text) counts.trimmed++
  if (transforms.collapse) {
    const collapsed = out.replace(WHITE_SPACE, ' ')
    if (collapsed !== out) counts.collapsed++
    out = collapsed
  }
  return out
}

function noteCounts(counts: {trimmed: number; collapsed: number; objects: number}, notes: Notes): void {
  if (counts.objects > 0) {
    notes.push(`${plural(counts.objects, 'tag object')} reduced to ${counts.objects === 1 ? 'its name' : 'their names'}`)
    notes.junk = true
  }
  if (counts.trimmed > 0) notes.push(`${plural(counts.trimmed, 'item')} trimmed`)
  if (counts.collapsed > 0) notes.push(`white space collapsed in ${plural(counts.collapsed, 'item')}`)
}

function splitString(value: string, transforms: ListTransforms, notes: Notes): Item[] {
  if (value.trim() === '') {
    notes.push('empty string made an empty list')
    return []
  }
  const {split} = transforms
  const parts = split ? value.split(split).filter((part): part is string => typeof part === 'string') : [value]
  if (parts.length > 1) notes.push(`${COMMA.test(value) ? 'comma string' : 'string'} split into a list`)
  else notes.push('string made a one-item list')
  // A one-item list from a string: trimming it is part of the split, not worth a note.
  const counts = {trimmed: 0, collapsed: 0, objects: 0}
  const items = parts.map((part) => tidyText(part, {...transforms, trim: true}, counts))
  counts.trimmed = 0
  noteCounts(counts, notes)
  return transforms.dedupe ? tidy(items, notes) : items
}

/** One list item as written → its normalised form; undefined when the list is not a plain list. */
function listItem(
  item: unknown,
  transforms: ListTransforms,
  counts: {trimmed: number; collapsed: number; objects: number},
): Item | null | undefined {
  if (item === null || typeof item === 'number' || typeof item === 'boolean') return item
  if (typeof item === 'string') return tidyText(item, transforms, counts)
  if (transforms.names && isPlainObject(item) && typeof item['name'] === 'string') {
    counts.objects++
    return tidyText(item['name'], transforms, counts)
  }
  return undefined
}

function normalizeArray(value: readonly unknown[], transforms: ListTransforms, notes: Notes): Item[] | undefined {
  const counts = {trimmed: 0, collapsed: 0, objects: 0}
  const items: (Item | null)[] = []
  for (const item of value) {
    const normal = listItem(item, transforms, counts)
    if (normal === undefined) return undefined
    items.push(normal)
  }
  noteCounts(counts, notes)
  if (transforms.dedupe) return tidy(items, notes)
  return items.some((item) => item === null) ? undefined : (items as Item[])
}

/**
 * Normalise the value of a list-typed key. Returns undefined when the value
 * is neither a string nor a plain list (left as written).
 */
export function normalizeList(value: unknown, transforms: ListTransforms): ListNormalization | undefined {
  const notes: Notes = []
  if (typeof value === 'string') {
    const items = splitString(value, transforms, notes)
    return {value: items, notes: [...notes], junk: notes.junk === true}
  }
  if (!Array.isArray(value)) return undefined
  const items = normalizeArray(value, transforms, notes)
  return items && {value: items, notes: [...notes], junk: notes.junk === true}
}

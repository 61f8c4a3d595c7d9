/**
 * One frontmatter value, normalised by its field's type and transforms:
 * - `string`: trimmed, inner white space collapsed (`trim`, `collapse`);
 * - `list`: see `lists.ts`, then prompt text dropped (`prompt-text`);
 * - `date`: parsed (`dates.ts`) and written as ISO 8601, or in the dialect's
 *   format; without a dialect, a value that already is ISO 8601 stays;
 * - `url`: trimmed, tracking parameters cut (`tracking-params`); a list of
 *   URLs (Hugo's `images`) item by item;
 * - `boolean`: `"true"`, `"yes"`, `"on"` (and their opposites) become booleans;
 * - `any`: left as it is.
 *
 * Returns the new value and one note per change, or `unreadable` for a date
 * it cannot read (the caller warns and leaves it).
 */
import type {RuleSet} from '../../ruleset/compile.js'
import {CANONICAL_DATE_FORMAT, type CompiledFrontmatterKey} from '../../ruleset/sections/frontmatter.js'
import {formatDate, offsetZone, parseDate} from './dates.js'
import {normalizeList} from './lists.js'
import {dropPromptText} from './prompt-text.js'
import {stripTrackingParams} from './urls.js'

export interface ValueContext {
  readonly rules: RuleSet
  /** The zone of dates without one, and of dates written. */
  readonly zone: string
  /** The dialect's date format; undefined when tidying in place (ISO dates stay as written). */
  readonly dateFormat: string | undefined
  /** Whether the output is TOML, where a native TOML date stays as it is. */
  readonly toml: boolean
}

export interface NormalizedValue {
  readonly value: unknown
  readonly notes: readonly string[]
}

const WHITE_SPACE = /\s+/g
const TRUE = /^(?:true|yes|on)$/i
const FALSE = /^(?:false|no|off)$/i

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function normalizeString(value: unknown, spec: CompiledFrontmatterKey): NormalizedValue {
  if (typeof value !== 'string') return {value, notes: []}
  const notes: string[] = []
  let out = value
  if (spec.transforms.has('trim')) {
    const trimmed = out.trim()
    if (trimmed !== out) notes.push('trimmed')
    out = trimmed
  }
  if (spec.transforms.has('collapse')) {
    const collapsed = out.replace(WHITE_SPACE, ' ')
    if (collapsed !== out) notes.push(out.includes('\n') ? 'lines joined' : 'white space collapsed')
    out = collapsed
  }
  return {value: out, notes}
}

function normalizeListValue(value: unknown, spec: CompiledFrontmatterKey, context: ValueContext): NormalizedValue {
  const {transforms} = spec
  const normal = normalizeList(value, {
    split: transforms.has('split') ? spec.split : undefined,
    names: transforms.has('names'),
    trim: transforms.has('trim'),
    collapse: transforms.has('collapse'),
    dedupe: transforms.has('dedupe'),
  })
  if (!normal) return {value, notes: []}
  const notes = [...normal.notes]
  let items = normal.value
  const promptText = context.rules.frontmatter.promptText
  if (transforms.has('prompt-text') && promptText.keys.has(spec.key) && items.every((item) => typeof item === 'string')) {
    const result = dropPromptText(items as string[], promptText)
    if (result.dropped.length > 0) {
      notes.push(`${plural(result.dropped.length, 'item')} of leaked prompt text dropped (${result.dropped.map((item) => `"${item}"`).join(', ')})`)
      items = result.kept
    }
  }
  return {value: items, notes}
}

/** What a date became, or `unreadable`. */
function normalizeDateValue(value: unknown, context: ValueContext): NormalizedValue | 'unreadable' {
  const parsed = parseDate(value, context.zone)
  if (!parsed) return 'unreadable'
  const written = typeof value === 'string' ? value : value instanceof Date ? undefined : String(value)
  // Tidying in place, ISO 8601 as written stays; a native TOML date stays in TOML.
  if ((context.dateFormat === undefined && parsed.iso) || (value instanceof Date && context.toml)) return {value, notes: []}
  const format = context.dateFormat ?? CANONICAL_DATE_FORMAT
  // A date that names its offset keeps it (the same instant, the author's clock), where the format prints one.
  const zone = parsed.offset !== undefined && format.includes('Z') ? offsetZone(parsed.offset) : context.zone
  const iso = formatDate(parsed, format, zone)
  if (iso === written) return {value, notes: []}
  const from = written ?? (value as Date).toISOString()
  const assumed = parsed.zone === 'default' ? ` (no time zone given: taken as ${context.zone})` : ''
  return {value: iso, notes: [`\`${from}\` written as \`${iso}\`${assumed}`]}
}

function normalizeUrl(value: unknown, spec: CompiledFrontmatterKey, context: ValueContext): NormalizedValue {
  if (Array.isArray(value)) {
    const notes: string[] = []
    const items = value.map((item) => {
      const normal = normalizeUrl(item, spec, context)
      notes.push(...normal.notes)
      return normal.value
    })
    return {value: notes.length === 0 ? value : items, notes}
  }
  if (typeof value !== 'string') return {value, notes: []}
  const notes: string[] = []
  let out = value
  if (spec.transforms.has('trim') && out.trim() !== out) {
    out = out.trim()
    notes.push('trimmed')
  }
  if (spec.transforms.has('tracking-params')) {
    const stripped = stripTrackingParams(out, context.rules.trackingParam.params)
    if (stripped.removed.length > 0) {
      notes.push(`tracking ${stripped.removed.length === 1 ? 'parameter' : 'parameters'} ${stripped.removed.map((param) => `\`${param}\``).join(', ')} removed`)
      out = stripped.url
    }
  }
  return {value: out, notes}
}

function normalizeBoolean(value: unknown): NormalizedValue {
  if (typeof value !== 'string') return {value, notes: []}
  const trimmed = value.trim()
  const bool = TRUE.test(trimmed) ? true : FALSE.test(trimmed) ? false : undefined
  if (bool === undefined) return {value, notes: []}
  return {value: bool, notes: [`\`"${value}"\` made the boolean \`${bool}\``]}
}

/** Normalise one value by its field. */
export function normalizeValue(value: unknown, spec: CompiledFrontmatterKey, context: ValueContext): NormalizedValue | 'unreadable' {
  if (value === null || value === undefined) return {value, notes: []}
  switch (spec.type) {
    case 'string':
      return normalizeString(value, spec)
    case 'list':
      return normalizeListValue(value, spec, context)
    case 'date':
      return normalizeDateValue(value, context)
    case 'url':
      return normalizeUrl(value, spec, context)
    case 'boolean':
      return normalizeBoolean(value)
    case 'any':
      return {value, notes: []}
  }
}

/** Whether a value holds nothing: `null`, blank text, an empty list or mapping. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0
  return false
}

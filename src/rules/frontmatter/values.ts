/**
 * One frontmatter value, normalised by its field's type and transforms:
 * - `string`: trimmed, inner white space collapsed (`trim`, `collapse`);
 * - `list`: see `lists.ts`, then prompt text dropped (`prompt-text`);
 * - `date`: parsed (`dates.ts`) and written as ISO 8601, or in the dialect's
 *   (or site generator's) format; without a dialect, a value that already is
 *   ISO 8601 stays; a date-time without a zone, when no zone is known, is
 *   written without one;
 * - `url`: trimmed, tracking parameters cut (`tracking-params`); a list of
 *   URLs (Hugo's `images`) item by item;
 * - `boolean`: `"true"`, `"yes"`, `"on"` (and their opposites) become booleans;
 * - `any`: left as it is.
 *
 * A value the site's generator reads as written (`reads` of its dialect: a
 * date form, a string where a list belongs) is left as it is.
 *
 * Returns the new value, one note per change and whether any change took
 * junk out (rather than only changing the form: a matter of taste), or
 * `unreadable` for a date it cannot read (the caller warns and leaves it).
 */
import type {RuleSet} from '../../ruleset/compile.js'
import type {CompiledFrontmatterKey, CompiledReads} from './section.js'
import {formatDate, offsetZone, parseDate, withoutOffset} from './dates.js'
import {normalizeList} from './lists.js'
import {dropPromptText} from './prompt-text.js'
import {stripTrackingParams} from './urls.js'

export interface ValueContext {
  readonly rules: RuleSet
  /** The zone of dates without one, and of dates written; undefined when none is known (such dates stay without one). */
  readonly zone: string | undefined
  /** How a date that is rewritten is written: the dialect's (or generator's) format, else ISO 8601. */
  readonly dateFormat: string
  /** Whether a date already in ISO 8601 stays as written (tidying in place). */
  readonly keepIso: boolean
  /** What the site's generator reads as written; such values stay. */
  readonly reads: CompiledReads | undefined
  /** Whether the output is TOML, where a native TOML date stays as it is. */
  readonly toml: boolean
}

export interface NormalizedValue {
  readonly value: unknown
  readonly notes: readonly string[]
  /** Whether junk went (repeats, tracking parameters, prompt text …), not only the form changed. */
  readonly junk: boolean
  /** Whether the value stays because the site's generator reads it as written (so `strict` does not judge its type). */
  readonly generatorReads?: boolean
  /** Why a value that should change was left as written (the caller warns). */
  readonly warning?: string
}

const UNCHANGED = (value: unknown): NormalizedValue => ({value, notes: [], junk: false})

const WHITE_SPACE = /\s+/g
const TRUE = /^(?:true|yes|on)$/i
const FALSE = /^(?:false|no|off)$/i

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function normalizeString(value: unknown, spec: CompiledFrontmatterKey): NormalizedValue {
  if (typeof value !== 'string') return UNCHANGED(value)
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
  return {value: out, notes, junk: false}
}

/**
 * Whether the generator reads this string where a list belongs as written:
 * Jekyll's `categories: travel portugal` (two categories), Hugo's `tags:
 * travel` (one). Not when the key's `split` pattern would split it (a comma
 * string means a list the generator would not see).
 */
function readsStringList(value: string, spec: CompiledFrontmatterKey, context: ValueContext, key: string): boolean {
  // Padding or a line break is tidied as usual.
  if (!context.reads?.stringLists.has(key.toLowerCase()) || value.trim() !== value || value === '' || /[\r\n]/.test(value)) return false
  return !spec.split || value.split(spec.split).length < 2
}

function normalizeListValue(value: unknown, spec: CompiledFrontmatterKey, context: ValueContext, key: string): NormalizedValue {
  if (typeof value === 'string' && readsStringList(value, spec, context, key)) return {...UNCHANGED(value), generatorReads: true}
  const {transforms} = spec
  const normal = normalizeList(value, {
    split: transforms.has('split') ? spec.split : undefined,
    names: transforms.has('names'),
    trim: transforms.has('trim'),
    collapse: transforms.has('collapse'),
    dedupe: transforms.has('dedupe'),
  })
  if (!normal) return UNCHANGED(value)
  const notes = [...normal.notes]
  let junk = normal.junk
  let items = normal.value
  const promptText = context.rules.frontmatter.promptText
  if (transforms.has('prompt-text') && promptText.keys.has(spec.key) && items.every((item) => typeof item === 'string')) {
    const result = dropPromptText(items as string[], promptText)
    if (result.dropped.length > 0) {
      notes.push(
        `${plural(result.dropped.length, 'item')} of leaked prompt text dropped (${result.dropped.map((item) => `"${item}"`).join(', ')})`,
      )
      items = result.kept
      junk = true
    }
  }
  return {value: items, notes, junk}
}

/** Whether the generator reads this date text as written. */
function generatorReadsDate(value: unknown, context: ValueContext): boolean {
  if (typeof value !== 'string' || !context.reads) return false
  const text = value.trim()
  return context.reads.dates.some((pattern) => pattern.test(text))
}

/** What a date became, or `unreadable`. */
function normalizeDateValue(value: unknown, context: ValueContext): NormalizedValue | 'unreadable' {
  // Without a known zone, a date-time without one is read as a wall clock (in UTC) and written without an offset.
  const parsed = parseDate(value, context.zone ?? 'UTC')
  if (!parsed) return 'unreadable'
  // A form the site's generator reads stays, as does ISO 8601 when tidying and a native TOML date in TOML.
  if (generatorReadsDate(value, context)) return {...UNCHANGED(value), generatorReads: true}
  if ((context.keepIso && parsed.iso) || (value instanceof Date && context.toml)) return UNCHANGED(value)
  const floating = parsed.zone === 'default' && context.zone === undefined
  const format = floating ? withoutOffset(context.dateFormat) : context.dateFormat
  // A date that names its offset keeps it (the same instant, the author's clock), where the format prints one;
  // an exact instant with no zone to print it in is printed in UTC, with its `Z`.
  const named = parsed.offset !== undefined && format.includes('Z') ? offsetZone(parsed.offset) : undefined
  const zone = named ?? context.zone ?? (floating || format.includes('Z') ? 'UTC' : undefined)
  // An instant the format cannot print without a zone, and no zone known: left as it is, rather than made up.
  if (zone === undefined && parsed.zone === 'given') {
    return {
      ...UNCHANGED(value),
      warning:
        'names its offset, which the date format has no place for, and no time zone is known to write it in (`--timezone`); left as written',
    }
  }
  const written = typeof value === 'string' ? value : value instanceof Date ? undefined : String(value)
  const text = formatDate(parsed, format, zone ?? 'UTC')
  if (text === written) return UNCHANGED(value)
  const from = written ?? (value as Date).toISOString()
  const assumed = parsed.zone === 'default' && context.zone !== undefined ? ` (no time zone given: taken as ${context.zone})` : ''
  return {value: text, notes: [`\`${from}\` written as \`${text}\`${assumed}`], junk: false}
}

function normalizeUrl(value: unknown, spec: CompiledFrontmatterKey, context: ValueContext): NormalizedValue {
  if (Array.isArray(value)) {
    const notes: string[] = []
    let junk = false
    const items = value.map((item) => {
      const normal = normalizeUrl(item, spec, context)
      notes.push(...normal.notes)
      junk ||= normal.junk
      return normal.value
    })
    return {value: notes.length === 0 ? value : items, notes, junk}
  }
  if (typeof value !== 'string') return UNCHANGED(value)
  const notes: string[] = []
  let junk = false
  let out = value
  if (spec.transforms.has('trim') && out.trim() !== out) {
    out = out.trim()
    notes.push('trimmed')
  }
  if (spec.transforms.has('tracking-params')) {
    const stripped = stripTrackingParams(out, context.rules.trackingParam.params)
    if (stripped.removed.length > 0) {
      notes.push(
        `tracking ${stripped.removed.length === 1 ? 'parameter' : 'parameters'} ${stripped.removed.map((param) => `\`${param}\``).join(', ')} removed`,
      )
      out = stripped.url
      junk = true
    }
  }
  return {value: out, notes, junk}
}

function normalizeBoolean(value: unknown): NormalizedValue {
  if (typeof value !== 'string') return UNCHANGED(value)
  const trimmed = value.trim()
  const bool = TRUE.test(trimmed) ? true : FALSE.test(trimmed) ? false : undefined
  if (bool === undefined) return UNCHANGED(value)
  return {value: bool, notes: [`\`"${value}"\` made the boolean \`${bool}\``], junk: false}
}

/** Normalise one value by its field; `key` is the key as written (how a generator reads a string can depend on it). */
export function normalizeValue(
  value: unknown,
  spec: CompiledFrontmatterKey,
  context: ValueContext,
  key: string = spec.key,
): NormalizedValue | 'unreadable' {
  if (value === null || value === undefined) return UNCHANGED(value)
  switch (spec.type) {
    case 'string':
      return normalizeString(value, spec)
    case 'list':
      return normalizeListValue(value, spec, context, key)
    case 'date':
      return normalizeDateValue(value, context)
    case 'url':
      return normalizeUrl(value, spec, context)
    case 'boolean':
      return normalizeBoolean(value)
    case 'any':
      return UNCHANGED(value)
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

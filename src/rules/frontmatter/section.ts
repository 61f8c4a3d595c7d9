/**
 * Rules section `frontmatter`: the canonical frontmatter schema (keys, their
 * types, aliases and transforms, in output order), the junk to drop
 * (duplicated values, prompt text in keyword lists), the default time zone,
 * and the dialects (`hugo`, `jekyll` …) that say how each generator wants the
 * same fields written, and what it reads as written (`reads`: date forms, a
 * string where a list belongs), which is then left alone.
 */
import {z} from 'zod'
import {isTimeZone} from './dates.js'
import {enabled, entry, labelSchema, pattern, regex} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

/** What a value is; each type has default transforms (see `DEFAULT_TRANSFORMS`). */
export const fieldTypes = ['string', 'list', 'date', 'url', 'boolean', 'any'] as const
export type FieldType = (typeof fieldTypes)[number]

/** Named steps a value goes through; a key's `transforms` replaces its type's defaults. */
export const transformNames = ['entities', 'trim', 'collapse', 'split', 'names', 'dedupe', 'prompt-text', 'tracking-params'] as const
export type TransformName = (typeof transformNames)[number]

/** The transforms a type gets when its key names none. */
export const DEFAULT_TRANSFORMS: Readonly<Record<FieldType, readonly TransformName[]>> = {
  string: ['entities', 'trim', 'collapse'],
  list: ['split', 'names', 'trim', 'collapse', 'dedupe'],
  date: [],
  url: ['trim', 'tracking-params'],
  boolean: [],
  any: [],
}

export const frontmatterKeySchema = z
  .object({
    ...entry,
    /** Canonical key name. */
    key: z.string().min(1),
    type: z.enum(fieldTypes),
    /** Other names the same field goes by (matched case-insensitively). */
    aliases: z.array(z.string().min(1)).optional(),
    /** For lists given as one string: the separator pattern. */
    split: pattern.optional(),
    /** The steps applied to the value, in order; the type's defaults when omitted. */
    transforms: z.array(z.enum(transformNames)).optional(),
    /** `--strict` reports the key when it is missing. */
    required: z.boolean().optional(),
  })
  .strict()

export const frontmatterDuplicateSchema = z
  .object({
    ...entry,
    /** The key dropped… */
    drop: z.string(),
    /** …when its value equals this key's value. */
    sameAs: z.string(),
  })
  .strict()

export const promptTextSchema = z
  .object({
    /** List keys whose items are checked for leaked prompt text. */
    keys: z.array(z.string()).optional(),
    /** An item with more words than this is a sentence, not a keyword. */
    maxWords: z.number().int().positive().optional(),
    /** An item matching one of these (whole-item patterns are anchored by you) is prompt text. */
    patterns: z.array(labelSchema).optional(),
  })
  .strict()

/** An IANA zone name, `UTC`, or a fixed offset `+05:30`; checked when the rule set is compiled. */
const zone = z.string().refine((value) => isTimeZone(value), {
  message: 'not a time zone (an IANA name such as `Europe/Paris`, `UTC`, or an offset such as `+05:30`)',
})

export const dialectKeySchema = z
  .object({
    /** The canonical key this entry writes. */
    field: z.string(),
    /** The generator's name for it; the canonical key when omitted. */
    key: z.string().optional(),
    /** `list`: one value is written as a one-item list; `single`: a one-item list is written as its item. */
    shape: z.enum(['list', 'single']).optional(),
  })
  .strict()

/** How a generator reads one string where a list belongs: as its space-separated words, or as one item. */
export const stringListReadings = ['words', 'item'] as const
export type StringListReading = (typeof stringListReadings)[number]

export const stringListSchema = z
  .object({
    /** The keys, as written (matched case-insensitively). */
    keys: z.array(z.string().min(1)).min(1),
    /** `words`: Jekyll's `categories: travel portugal` is two categories; `item`: one. */
    as: z.enum(stringListReadings),
  })
  .strict()

export const readsSchema = z
  .object({
    /** Date text the generator reads as written (each a pattern for the whole trimmed value): such a date stays, and is no finding. */
    dates: z.array(labelSchema).optional(),
    /** Keys whose one string the generator reads as a list: such a string stays (when the key's `split` pattern does not split it). */
    stringLists: z.array(stringListSchema).optional(),
    /** Keys the generator's own scaffold leaves empty (Hexo's `tags:`), as written (matched case-insensitively): an empty value there stays. */
    emptyKeys: z.array(z.string().min(1)).optional(),
  })
  .strict()

export const dialectSchema = z
  .object({
    ...entry,
    /** Where the generator documents its frontmatter. */
    url: z.string().optional(),
    /** How dates with a time are written (tokens `YYYY MM DD HH mm ss SSS [.SSS] Z ZZ`); dates without a time are always `YYYY-MM-DD`. */
    dateFormat: z.string().min(1),
    /** The generator's keys, in the order they are written; canonical keys not listed follow under their own names, unknown keys last. */
    keys: z.array(dialectKeySchema),
    /** Canonical keys `--strict` requires under this dialect; the schema's `required` keys when omitted. */
    required: z.array(z.string()).optional(),
    /** Whether TOML frontmatter stays TOML (the generator reads it); otherwise it is written as YAML. */
    keepToml: z.boolean().optional(),
    /** What the generator reads as written: values it reads stay as they are under this dialect, and when its site is detected. */
    reads: readsSchema.optional(),
  })
  .strict()

export const schema = z
  .object({
    /** The zone of dates written without one. Default: none (a date without a zone stays without one). */
    zone: zone.optional(),
    /** Whether a key with an empty value (`''`, `null`, `[]`, `{}`) is dropped. Default: true. */
    dropEmpty: z.boolean().optional(),
    keys: z.array(frontmatterKeySchema).optional(),
    duplicates: z.array(frontmatterDuplicateSchema).optional(),
    promptText: promptTextSchema.optional(),
    dialects: z.array(dialectSchema).optional(),
  })
  .strict()

export type FrontmatterDuplicate = z.output<typeof frontmatterDuplicateSchema>
export type FrontmatterDialectData = z.output<typeof dialectSchema>

export interface CompiledFrontmatterKey {
  readonly key: string
  readonly type: FieldType
  readonly split?: RegExp | undefined
  readonly transforms: ReadonlySet<TransformName>
  readonly required: boolean
  readonly note?: string | undefined
}

export interface CompiledDialectKey {
  /** The canonical key. */
  readonly field: string
  /** The key written. */
  readonly key: string
  readonly shape?: 'list' | 'single' | undefined
}

/** What a generator reads as written (see `reads` in a dialect). */
export interface CompiledReads {
  /** Date text it reads as written. */
  readonly dates: readonly RegExp[]
  /** Lower-case key as written → how it reads one string there. */
  readonly stringLists: ReadonlyMap<string, StringListReading>
  /** Lower-case keys whose empty value stays. */
  readonly emptyKeys: ReadonlySet<string>
}

export interface CompiledDialect {
  readonly id: string
  readonly note?: string | undefined
  readonly url?: string | undefined
  readonly dateFormat: string
  /** Every canonical key, in output order, with the name this dialect writes. */
  readonly keys: readonly CompiledDialectKey[]
  readonly required: readonly string[]
  readonly keepToml: boolean
  /** What its generator reads as written; undefined for a dialect that names none (`canonical`). */
  readonly reads?: CompiledReads | undefined
}

export interface CompiledPromptText {
  readonly keys: ReadonlySet<string>
  readonly maxWords: number
  readonly patterns: readonly RegExp[]
}

export interface FrontmatterRules {
  /** Canonical key → its spec, in schema (output) order. */
  readonly keys: ReadonlyMap<string, CompiledFrontmatterKey>
  /** Lower-case canonical key or alias → canonical key. */
  readonly aliases: ReadonlyMap<string, string>
  readonly duplicates: readonly FrontmatterDuplicate[]
  readonly promptText: CompiledPromptText
  /** The zone of dates written without one; undefined when none is set (such dates then stay without one). */
  readonly zone: string | undefined
  readonly dropEmpty: boolean
  /** Dialect id → dialect; always holds `canonical` (the schema's own names and order). */
  readonly dialects: ReadonlyMap<string, CompiledDialect>
}

/** The canonical dialect's date format: RFC 3339 with milliseconds only when there are some. */
export const CANONICAL_DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ss[.SSS]Z'

export const CANONICAL_DIALECT = 'canonical'

function compileDialect(data: FrontmatterDialectData, keys: ReadonlyMap<string, CompiledFrontmatterKey>): CompiledDialect {
  const listed: CompiledDialectKey[] = data.keys
    .filter((item) => keys.has(item.field))
    .map((item) => ({field: item.field, key: item.key ?? item.field, shape: item.shape}))
  const named = new Set(listed.map((item) => item.field))
  for (const key of keys.keys()) if (!named.has(key)) listed.push({field: key, key})
  return {
    id: data.id,
    note: data.note,
    url: data.url,
    dateFormat: data.dateFormat,
    keys: listed,
    required: data.required ?? [...keys.values()].filter((key) => key.required).map((key) => key.key),
    keepToml: data.keepToml ?? false,
    reads: data.reads === undefined ? undefined : compileReads(data.reads),
  }
}

function compileReads(data: z.output<typeof readsSchema>): CompiledReads {
  const stringLists = new Map<string, StringListReading>()
  for (const item of data.stringLists ?? []) for (const key of item.keys) stringLists.set(key.toLowerCase(), item.as)
  return {
    dates: enabled(data.dates).map((item) => regex(item.pattern)),
    stringLists,
    emptyKeys: new Set((data.emptyKeys ?? []).map((key) => key.toLowerCase())),
  }
}

export function compile(data: z.input<typeof schema> | undefined): FrontmatterRules {
  const keys = new Map<string, CompiledFrontmatterKey>()
  const aliases = new Map<string, string>()
  for (const entry of enabled(data?.keys)) {
    keys.set(entry.key, {
      key: entry.key,
      type: entry.type,
      split: entry.split === undefined ? undefined : regex(entry.split),
      transforms: new Set(entry.transforms ?? DEFAULT_TRANSFORMS[entry.type]),
      required: entry.required ?? false,
      note: entry.note,
    })
    aliases.set(entry.key.toLowerCase(), entry.key)
  }
  for (const entry of enabled(data?.keys)) {
    for (const alias of entry.aliases ?? []) if (!aliases.has(alias.toLowerCase())) aliases.set(alias.toLowerCase(), entry.key)
  }
  const dialects = new Map<string, CompiledDialect>()
  dialects.set(
    CANONICAL_DIALECT,
    compileDialect(
      {id: CANONICAL_DIALECT, note: 'The schema’s own key names and order.', dateFormat: CANONICAL_DATE_FORMAT, keys: []},
      keys,
    ),
  )
  for (const dialect of enabled(data?.dialects)) dialects.set(dialect.id, compileDialect(dialect, keys))
  return {
    keys,
    aliases,
    duplicates: enabled(data?.duplicates),
    promptText: {
      keys: new Set(data?.promptText?.keys ?? []),
      maxWords: data?.promptText?.maxWords ?? 14,
      patterns: enabled(data?.promptText?.patterns).map((item) => regex(item.pattern)),
    },
    zone: data?.zone,
    dropEmpty: data?.dropEmpty ?? true,
    dialects,
  }
}

/** The `frontmatter` section of a rules file. */
export const section = defineSection('frontmatter', schema, compile)

/** Rules section `frontmatter`: canonical keys, their types and aliases, and duplicate values to drop. */
import {z} from 'zod'
import {enabled, entry, pattern, regex} from './common.js'

export const frontmatterKeySchema = z
  .object({
    ...entry,
    /** Canonical key name. */
    key: z.string(),
    type: z.enum(['string', 'list', 'date', 'url', 'any']),
    /** Other names the same field goes by; renamed to `key`. */
    aliases: z.array(z.string()).optional(),
    /** For lists given as one string: the separator pattern. */
    split: pattern.optional(),
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

export const schema = z
  .object({
    keys: z.array(frontmatterKeySchema).optional(),
    duplicates: z.array(frontmatterDuplicateSchema).optional(),
  })
  .strict()

export type FrontmatterKey = z.output<typeof frontmatterKeySchema>
export type FrontmatterDuplicate = z.output<typeof frontmatterDuplicateSchema>

export interface CompiledFrontmatterKey {
  readonly key: string
  readonly type: FrontmatterKey['type']
  readonly split?: RegExp | undefined
}

export interface FrontmatterRules {
  readonly keys: ReadonlyMap<string, CompiledFrontmatterKey>
  /** Alias (lower-case) → canonical key. */
  readonly aliases: ReadonlyMap<string, string>
  readonly duplicates: readonly FrontmatterDuplicate[]
}

export function compile(data: z.input<typeof schema> | undefined): FrontmatterRules {
  const keys = new Map<string, CompiledFrontmatterKey>()
  const aliases = new Map<string, string>()
  for (const entry of enabled(data?.keys)) {
    keys.set(entry.key, {key: entry.key, type: entry.type, split: entry.split === undefined ? undefined : regex(entry.split)})
    aliases.set(entry.key.toLowerCase(), entry.key)
  }
  for (const entry of enabled(data?.keys)) {
    for (const alias of entry.aliases ?? []) if (!aliases.has(alias.toLowerCase())) aliases.set(alias.toLowerCase(), entry.key)
  }
  return {keys, aliases, duplicates: enabled(data?.duplicates)}
}

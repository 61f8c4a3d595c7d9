/**
 * The `keep` section of a rules file: entries that keep what a rule would
 * remove, written by hand or by the review report's "keep this".
 *
 * An entry names removals by any of `rule` (the rule id), `textHash`
 * (`keepHash` of the removed text, see `engine/keep-hash.ts`), `url` (the
 * removed text links to or embeds exactly this URL) and `host` (… a URL on
 * this host or a sub-domain of it), and may limit itself to articles by
 * `paths` (gitignore-style patterns, the `ignore` package, on the article's
 * path as given to `clean()`). It needs at least one of the four conditions,
 * and all it gives must hold. `rule` + `paths` alone switches a rule off for
 * those folders. Entries merge by `id` like every rules list.
 *
 * Compiled once: the `paths` patterns into an `ignore` matcher, so the
 * engine (`engine/keep.ts`) only asks it per article.
 *
 * @example
 *   keep:
 *     - id: keep-3f2a9c1b0d4e5f60
 *       note: kept in review (link-farm in blog/post.md)
 *       rule: link-farm
 *       textHash: 3f2a9c1b0d4e5f60
 */
import ignore, {type Ignore} from 'ignore'
import {z} from 'zod'
import {KEEP_HASH_LENGTH} from '../engine/keep-hash.js'
import {registry} from '../rules/index.js'
import {id, note} from './matchers.js'

const ruleIds = registry.map((rule) => rule.meta.id) as [string, ...string[]]

/** One `keep` entry as written. */
export const keepEntrySchema = z
  .object({
    id,
    note,
    /** Only removals by this rule id. */
    rule: z.enum(ruleIds, {error: `not a rule id (rules: ${ruleIds.join(', ')})`}).optional(),
    /** `keepHash` of the removal's exact text: 16 lower-case hex digits. */
    textHash: z
      .string()
      .regex(new RegExp(`^[0-9a-f]{${KEEP_HASH_LENGTH}}$`), `a text hash is ${KEEP_HASH_LENGTH} lower-case hex digits (keepHash)`)
      .optional(),
    /** The removed text links to or embeds exactly this URL. */
    url: z.url({error: 'not a URL'}).optional(),
    /** The removed text links to or embeds a URL on this host or a sub-domain of it. */
    host: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i,
        'not a host name (no wildcards: a host matches its sub-domains)',
      )
      .optional(),
    /** Gitignore-style patterns on the article's path (POSIX, relative); every article when absent. */
    paths: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((entry) => entry.rule !== undefined || entry.textHash !== undefined || entry.url !== undefined || entry.host !== undefined, {
    error: 'a keep entry needs at least one of rule, textHash, url, host',
  })

/** The `keep` section: a list of entries. */
export const keepSchema = z.array(keepEntrySchema)

/** A `keep` entry as written. */
export type KeepEntryData = z.input<typeof keepEntrySchema>

/** A compiled `keep` entry: the conditions it gives, its paths as a matcher. */
export interface KeepEntry {
  readonly id: string
  readonly note?: string | undefined
  readonly rule?: string | undefined
  readonly textHash?: string | undefined
  readonly url?: string | undefined
  /** Lower-cased. */
  readonly host?: string | undefined
  /** Matches the article paths the entry applies to; absent: every article. */
  readonly paths?: Ignore | undefined
}

/** Compile the `keep` section (none given: no entries). */
export function compileKeep(data: readonly KeepEntryData[] | undefined): readonly KeepEntry[] {
  return Object.freeze(
    (data ?? []).map((entry) =>
      Object.freeze({
        id: entry.id,
        note: entry.note,
        rule: entry.rule,
        textHash: entry.textHash,
        url: entry.url,
        host: entry.host?.toLowerCase(),
        paths: entry.paths ? ignore().add(entry.paths) : undefined,
      }),
    ),
  )
}

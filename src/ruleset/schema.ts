/**
 * The schema of a rules file, written once here. `rules/schema.json` (for
 * editors) is generated from it by `npm run rules:generate`.
 *
 * Every list entry has a kebab-case `id` and a `note` saying why it is there;
 * a user rules file merges over the defaults by id (see `merge.ts`).
 */
import {z} from 'zod'

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lower-case letters, digits and dashes')
const note = z.string().optional()
const enabled = z.boolean().optional()

/** A regular-expression source, checked for syntax at load time. */
const pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'iu')
      return true
    } catch {
      return false
    }
  },
  {message: 'not a valid regular expression'},
)

/** A host name; `*` stands for one label part. A host matches itself and its sub-domains. */
const host = z.string().regex(/^[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?(\.[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?)+$/i, 'not a host name')

const entry = {id, note, enabled}

export const adMarkerSchema = z
  .object({
    ...entry,
    /** Pattern for the text of the opening comment. */
    begin: pattern,
    /** Pattern for the text of the closing comment. */
    end: pattern,
  })
  .strict()

export const adElementSchema = z
  .object({
    ...entry,
    /** Tag name, e.g. `ins`; any tag when omitted. */
    tag: z.string().optional(),
    /** A class the element must have. */
    class: z.string().optional(),
    /** Attributes that must be present, with a pattern their value must match. */
    attributes: z.record(z.string(), pattern).optional(),
    /** Pattern the element's content must match (for inline scripts). */
    content: pattern.optional(),
  })
  .strict()

export const hostSchema = z
  .object({
    ...entry,
    host,
    /** Pattern the URL path (with query) must match; any path when omitted. */
    path: pattern.optional(),
  })
  .strict()

export const paramSchema = z
  .object({
    ...entry,
    /** Query parameter name (case-insensitive), e.g. `AFFILIATE`. */
    param: z.string(),
    /** Only on these hosts; any host when omitted. */
    hosts: z.array(host).optional(),
  })
  .strict()

export const labelSchema = z
  .object({
    ...entry,
    /** Pattern for the whole label text (trimmed, case-insensitive). */
    pattern,
  })
  .strict()

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

export const rulesSchema = z
  .object({
    /** Format version of the rules file. */
    version: z.literal(1).optional(),
    /** Replace the default rules instead of merging over them. */
    extends: z.enum(['default', 'none']).optional(),
    adBlock: z.object({markers: z.array(adMarkerSchema).optional()}).strict().optional(),
    adSlot: z
      .object({
        /** Elements that are ad units wherever they stand. */
        elements: z.array(adElementSchema).optional(),
        /** Hosts that serve ads: iframes, scripts, images, videos from them go. */
        hosts: z.array(hostSchema).optional(),
        /** Images at most this many pixels wide or high are tracking pixels. */
        pixelMaxSize: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
    affiliateLink: z
      .object({
        /** Affiliate networks and cloaking redirectors. */
        hosts: z.array(hostSchema).optional(),
        /** Query parameters that mark a link as an affiliate link. */
        params: z.array(paramSchema).optional(),
        /** Link labels that make an affiliate link a retail button, removed whole. */
        buttons: z.array(labelSchema).optional(),
      })
      .strict()
      .optional(),
    linkFarm: z
      .object({
        /** Labels that introduce a link farm ("Also read:"). */
        labels: z.array(labelSchema).optional(),
        /** Classes of an HTML element holding such a label. */
        labelClasses: z.array(z.string()).optional(),
        /** Fewest links a list needs to be a link farm. */
        minLinks: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    duplicateParagraph: z
      .object({
        /** A repeated prose paragraph shorter than this (in characters of text) is kept. */
        minLength: z.number().int().min(1).optional(),
        /** A repeated paragraph with fewer words is kept. */
        minWords: z.number().int().min(1).optional(),
        /** How many of the first top-level paragraphs count as the intro. */
        introParagraphs: z.number().int().min(0).optional(),
        /** How many of the last top-level blocks count as the outro, where a pasted-again intro sits. */
        outroBlocks: z.number().int().min(0).optional(),
        /** An intro pasted again in the outro goes from this many characters of text… */
        minIntroLength: z.number().int().min(1).optional(),
        /** …and this many words. */
        minIntroWords: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    frontmatter: z
      .object({
        keys: z.array(frontmatterKeySchema).optional(),
        duplicates: z.array(frontmatterDuplicateSchema).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()

/** A rules file as written. */
export type RulesData = z.input<typeof rulesSchema>
export type AdMarker = z.output<typeof adMarkerSchema>
export type AdElement = z.output<typeof adElementSchema>
export type HostEntry = z.output<typeof hostSchema>
export type ParamEntry = z.output<typeof paramSchema>
export type LabelEntry = z.output<typeof labelSchema>
export type FrontmatterKey = z.output<typeof frontmatterKeySchema>
export type FrontmatterDuplicate = z.output<typeof frontmatterDuplicateSchema>

/** The JSON Schema of a rules file, for editors. */
export function rulesJsonSchema(): unknown {
  return z.toJSONSchema(rulesSchema, {target: 'draft-2020-12', io: 'input'})
}

/**
 * The schema of a rules file, composed from the sections of the registry's
 * rules (`src/rules/<rule-id>/section.ts`, in registry order). `rules/schema.json` (for editors) is generated
 * from it by `npm run rules:generate`.
 *
 * Every list entry has a kebab-case `id` and a `note` saying why it is there;
 * a user rules file merges over the defaults by id (see `merge.ts`).
 */
import {z} from 'zod'
import {registry, type RegisteredRule} from '../rules/index.js'
import {keepSchema} from './keep.js'

/** Each rules-file section, by its key, with its schema and compiler. */
export type Sections = {readonly [R in RegisteredRule as R['section']['key']]: R['section']}

/** Each rules-file section, by its key, with its schema and compiler, in registry order. */
export const sections = Object.fromEntries(registry.map((rule) => [rule.section.key, rule.section])) as unknown as Sections

type SectionShape = {[K in keyof Sections]: z.ZodOptional<Sections[K]['schema']>}

export const rulesSchema = z
  .object({
    /** Format version of the rules file. */
    version: z.literal(1).optional(),
    /** Replace the default rules instead of merging over them. */
    extends: z.enum(['default', 'none']).optional(),
    ...(Object.fromEntries(Object.entries(sections).map(([key, section]) => [key, section.schema.optional()])) as SectionShape),
    /** What the rules must not remove: entries by rule, text hash, URL or host, optionally for some paths (see `keep.ts`). */
    keep: keepSchema.optional(),
  })
  .strict()

/** A rules file as written. */
export type RulesData = z.input<typeof rulesSchema>

/** The JSON Schema of a rules file, for editors. */
export function rulesJsonSchema(): unknown {
  return z.toJSONSchema(rulesSchema, {target: 'draft-2020-12', io: 'input'})
}

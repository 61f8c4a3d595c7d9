/**
 * A rule's section of the rules file: its key (`adBlock` for `ad-block`),
 * its zod schema and the compiler that turns validated data into the
 * compiled part of the rule set. Each rule folder's `section.ts` defines one
 * with {@link defineSection}; the rules-file schema, the `RuleSet` type and
 * `compileRules` are derived from the registry's sections (see `schema.ts`).
 */
import type {z} from 'zod'

/** A rules-file section: key, schema, compiler. */
export interface Section<Key extends string = string, Schema extends z.ZodType = z.ZodType, Compiled = unknown> {
  /** The section's key in a rules file (the rule id in camelCase). */
  readonly key: Key
  readonly schema: Schema
  /** Compile the section's validated data (undefined: none given) into what the rule reads. */
  readonly compile: (data: z.input<Schema> | undefined) => Compiled
}

/** What a rule declares about the rules file: its section. */
export type RuleSection = Section<string, z.ZodType, unknown>

/** Define a rule's rules-file section. */
export function defineSection<const Key extends string, Schema extends z.ZodType, Compiled>(
  key: Key,
  schema: Schema,
  compile: (data: z.input<Schema> | undefined) => Compiled,
): Section<Key, Schema, Compiled> {
  return {key, schema, compile}
}

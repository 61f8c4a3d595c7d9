/**
 * Rules section `filterList`: what the rule needs, besides the filter lists
 * given for the run (`--filter-list`, in their own syntax), to apply them —
 * the frontmatter keys that name the article's own URL. Its host decides
 * which site-specific filters (`example.com##.promo`) and page exceptions
 * (`@@||example.com^$document`) apply; without one, only generic filters do.
 */
import {z} from 'zod'
import {defineSection} from '../../ruleset/section.js'

/** A key as compared: lower case, letters only (`canonical_url`, `canonicalURL` and `canonical-url` are one key). */
export function siteKeyForm(key: string): string {
  return key.toLowerCase().replace(/[^a-z]/g, '')
}

export const schema = z
  .object({
    /**
     * Top-level frontmatter keys whose value is the article's own URL, most
     * trusted first: when several hold an absolute http(s) URL, the first in
     * this list wins. Compared in lower case, letters only.
     */
    siteKeys: z
      .array(
        z
          .string()
          .min(1)
          .refine((key) => siteKeyForm(key) !== '', {message: 'a key needs at least one ASCII letter'}),
      )
      .optional(),
  })
  .strict()

/** The compiled `filterList` section. */
export interface FilterListRules {
  /** The site keys as compared (see {@link siteKeyForm}), most trusted first, no repeats. */
  readonly siteKeys: readonly string[]
}

export function compile(data: z.input<typeof schema> | undefined): FilterListRules {
  return {siteKeys: Object.freeze([...new Set((data?.siteKeys ?? []).map(siteKeyForm))])}
}

export const section = defineSection('filterList', schema, compile)

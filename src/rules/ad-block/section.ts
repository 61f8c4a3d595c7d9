/** Rules section `adBlock`: comment pairs that wrap an ad region. */
import {z} from 'zod'
import {enabled, entry, pattern, regex, type Matcher} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

export const adMarkerSchema = z
  .object({
    ...entry,
    /** Pattern for the text of the opening comment. */
    begin: pattern,
    /** Pattern for the text of the closing comment. */
    end: pattern,
  })
  .strict()

export const schema = z.object({markers: z.array(adMarkerSchema).optional()}).strict()

export interface MarkerMatcher extends Matcher {
  readonly begin: RegExp
  readonly end: RegExp
}

export interface AdBlockRules {
  readonly markers: readonly MarkerMatcher[]
}

export function compile(data: z.input<typeof schema> | undefined): AdBlockRules {
  return {markers: enabled(data?.markers).map((m) => ({id: m.id, note: m.note, begin: regex(m.begin), end: regex(m.end)}))}
}

/** The `adBlock` section of a rules file. */
export const section = defineSection('adBlock', schema, compile)

/** Rules section `adSlot`: ad units, ad-serving hosts and tracking pixels. */
import {z} from 'zod'
import {
  enabled,
  entry,
  hostSchema,
  labelMatcher,
  labelSchema,
  pattern,
  regex,
  urlMatcher,
  type LabelMatcher,
  type Matcher,
  type UrlMatcher,
} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

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
    /** Only when the element is empty: no text and no media inside, only white space, comments and empty tags (a placeholder the ad never filled). */
    empty: z.boolean().optional(),
  })
  .strict()

export const schema = z
  .object({
    /** Elements that are ad units wherever they stand. */
    elements: z.array(adElementSchema).optional(),
    /** Hosts that serve ads: iframes, scripts, images, videos from them go. */
    hosts: z.array(hostSchema).optional(),
    /** Text left where an ad stood ("Advertisement", "Story continues below advertisement"): a paragraph or HTML block whose whole text is one goes. */
    labels: z.array(labelSchema).optional(),
    /** What an ad plugin writes in a lone HTML comment where an ad stood (`<!-- ad label -->`, `<!-- /ad -->`): an HTML block that is only such a comment goes. */
    commentLabels: z.array(labelSchema).optional(),
    /** Images at most this many pixels wide or high are tracking pixels. */
    pixelMaxSize: z.number().int().min(0).max(10).optional(),
  })
  .strict()

export interface ElementMatcher extends Matcher {
  readonly tag?: string | undefined
  readonly class?: string | undefined
  readonly attributes: ReadonlyArray<readonly [string, RegExp]>
  readonly content?: RegExp | undefined
  /** Matches only an empty element (see the schema's `empty`). */
  readonly empty?: boolean | undefined
}

export interface AdSlotRules {
  readonly elements: readonly ElementMatcher[]
  readonly hosts: readonly UrlMatcher[]
  readonly labels: readonly LabelMatcher[]
  readonly commentLabels: readonly LabelMatcher[]
  readonly pixelMaxSize: number
}

export function compile(data: z.input<typeof schema> | undefined): AdSlotRules {
  return {
    elements: enabled(data?.elements).map((e) => ({
      id: e.id,
      note: e.note,
      tag: e.tag?.toLowerCase(),
      class: e.class,
      attributes: Object.entries(e.attributes ?? {}).map(([name, source]) => [name.toLowerCase(), regex(source)] as const),
      content: e.content === undefined ? undefined : regex(e.content),
      empty: e.empty ?? false,
    })),
    hosts: enabled(data?.hosts).map(urlMatcher),
    labels: enabled(data?.labels).map(labelMatcher),
    commentLabels: enabled(data?.commentLabels).map(labelMatcher),
    pixelMaxSize: data?.pixelMaxSize ?? 1,
  }
}

/** The `adSlot` section of a rules file. */
export const section = defineSection('adSlot', schema, compile)

/**
 * Rules section `linkFarm`: the labels that introduce a link farm, the labels
 * of real reference lists that must stay, and the thresholds of label-less
 * detection (a block of links to sister articles with no label at all).
 */
import {z} from 'zod'
import {enabled, hostSchema, labelMatcher, labelSchema, urlMatcher, type LabelMatcher, type UrlMatcher} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

const labelless = z
  .object({
    /** Whether blocks of links without a label are looked for at all. Default: true. */
    enabled: z.boolean().optional(),
    /** Fewest items (each one link) such a block needs. Default: 3. */
    minLinks: z.number().int().min(2).optional(),
    /** Share of the links that must point to one site (registrable domain). Default: 0.75. */
    minSameSite: z.number().min(0).max(1).optional(),
    /** Whether a block between two removed spans (an ad right before it and right after it) counts as placed like a farm, wherever it stands. Default: true. */
    betweenSpam: z.boolean().optional(),
    /** Short paragraphs (sign-offs, footers) allowed after a farm at the end of the article. */
    tail: z
      .object({
        /** How many. Default: 2. */
        maxParagraphs: z.number().int().min(0).optional(),
        /** At most this many words each (a CJK character counts as a word). Default: 30. */
        maxWords: z.number().int().min(0).optional(),
      })
      .strict()
      .optional(),
    /** A paragraph of at most this many words with no closing punctuation reads as a label ("Our picks"): the block after it stays. Default: 6. */
    labelWords: z.number().int().min(0).optional(),
    /** Hosts of reference material (docs, encyclopaedias, code hosts): a block linking there stays. */
    referenceHosts: z.array(hostSchema).optional(),
    /** URL paths of reference material on any host (`/docs/…`): a block linking there stays. */
    referencePaths: z.array(labelSchema).optional(),
  })
  .strict()

export const schema = z
  .object({
    /** Labels that introduce a link farm ("Also read:"). */
    labels: z.array(labelSchema).optional(),
    /**
     * Labels that are a farm even with one link, when a paragraph holds
     * nothing but the label and its links (`**Lire aussi :** [Titre](…)`,
     * the inline block of news sites). Only unambiguous ones: "See also: [the
     * manual](…)" is a real pointer and is not listed.
     */
    oneLinkLabels: z.array(labelSchema).optional(),
    /** Labels of real lists of links ("Further reading", "References"): never a farm, and the block they introduce stays. */
    keepLabels: z.array(labelSchema).optional(),
    /** Classes of an HTML element holding such a label. */
    labelClasses: z.array(z.string()).optional(),
    /** Fewest links a list needs to be a link farm. */
    minLinks: z.number().int().min(1).optional(),
    /** Blocks of links to sister articles without a label. */
    labelless: labelless.optional(),
  })
  .strict()

/** Compiled label-less detection settings (see the schema for defaults). */
export interface LabellessRules {
  readonly enabled: boolean
  readonly minLinks: number
  readonly minSameSite: number
  readonly betweenSpam: boolean
  readonly tailParagraphs: number
  readonly tailWords: number
  readonly labelWords: number
  readonly referenceHosts: readonly UrlMatcher[]
  readonly referencePaths: readonly LabelMatcher[]
}

export interface LinkFarmRules {
  readonly labels: readonly LabelMatcher[]
  readonly keepLabels: readonly LabelMatcher[]
  readonly oneLinkLabels: readonly LabelMatcher[]
  readonly labelClasses: ReadonlySet<string>
  readonly minLinks: number
  readonly labelless: LabellessRules
}

export function compile(data: z.input<typeof schema> | undefined): LinkFarmRules {
  const options = data?.labelless
  return {
    labels: enabled(data?.labels).map(labelMatcher),
    keepLabels: enabled(data?.keepLabels).map(labelMatcher),
    oneLinkLabels: enabled(data?.oneLinkLabels).map(labelMatcher),
    labelClasses: new Set(data?.labelClasses ?? []),
    minLinks: data?.minLinks ?? 3,
    labelless: {
      enabled: options?.enabled ?? true,
      minLinks: options?.minLinks ?? 3,
      minSameSite: options?.minSameSite ?? 0.75,
      betweenSpam: options?.betweenSpam ?? true,
      tailParagraphs: options?.tail?.maxParagraphs ?? 2,
      tailWords: options?.tail?.maxWords ?? 30,
      labelWords: options?.labelWords ?? 6,
      referenceHosts: enabled(options?.referenceHosts).map(urlMatcher),
      referencePaths: enabled(options?.referencePaths).map(labelMatcher),
    },
  }
}

/** The `linkFarm` section of a rules file. */
export const section = defineSection('linkFarm', schema, compile)

/** Rules section `linkFarm`: labels and thresholds for lists of links to sister articles. */
import {z} from 'zod'
import {enabled, labelMatcher, labelSchema, type LabelMatcher} from './common.js'

export const schema = z
  .object({
    /** Labels that introduce a link farm ("Also read:"). */
    labels: z.array(labelSchema).optional(),
    /** Classes of an HTML element holding such a label. */
    labelClasses: z.array(z.string()).optional(),
    /** Fewest links a list needs to be a link farm. */
    minLinks: z.number().int().min(1).optional(),
  })
  .strict()

export interface LinkFarmRules {
  readonly labels: readonly LabelMatcher[]
  readonly labelClasses: ReadonlySet<string>
  readonly minLinks: number
}

export function compile(data: z.input<typeof schema> | undefined): LinkFarmRules {
  return {
    labels: enabled(data?.labels).map(labelMatcher),
    labelClasses: new Set(data?.labelClasses ?? []),
    minLinks: data?.minLinks ?? 3,
  }
}

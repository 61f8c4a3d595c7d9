/** Rules section `feedFooter`: feed and cross-post footers. */
import {z} from 'zod'

export const schema = z.object({}).strict()

export interface FeedFooterRules {}

export function compile(_data: z.input<typeof schema> | undefined): FeedFooterRules {
  return {}
}

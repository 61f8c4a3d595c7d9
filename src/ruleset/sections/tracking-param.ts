/** Rules section `trackingParam`: query parameters that only track, stripped from kept links. */
import {z} from 'zod'

export const schema = z.object({}).strict()

export interface TrackingParamRules {}

export function compile(_data: z.input<typeof schema> | undefined): TrackingParamRules {
  return {}
}

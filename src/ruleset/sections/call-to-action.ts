/** Rules section `callToAction`: clap, follow, newsletter and donation prompts. */
import {z} from 'zod'

export const schema = z.object({}).strict()

export interface CallToActionRules {}

export function compile(_data: z.input<typeof schema> | undefined): CallToActionRules {
  return {}
}

/** Rules section `unsafeHtml`: the sanitiser schema for HTML that stays. */
import {z} from 'zod'

export const schema = z.object({}).strict()

export interface UnsafeHtmlRules {}

export function compile(_data: z.input<typeof schema> | undefined): UnsafeHtmlRules {
  return {}
}

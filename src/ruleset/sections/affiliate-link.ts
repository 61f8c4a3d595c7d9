/** Rules section `affiliateLink`: affiliate networks, cloaking redirects and retail buttons. */
import {z} from 'zod'
import {enabled, hostSchema, labelMatcher, labelSchema, paramMatcher, paramSchema, urlMatcher, type LabelMatcher, type UrlMatcher} from './common.js'

export const schema = z
  .object({
    /** Affiliate networks and cloaking redirectors. */
    hosts: z.array(hostSchema).optional(),
    /** Query parameters that mark a link as an affiliate link. */
    params: z.array(paramSchema).optional(),
    /** Link labels that make an affiliate link a retail button, removed whole. */
    buttons: z.array(labelSchema).optional(),
  })
  .strict()

export interface AffiliateLinkRules {
  readonly hosts: readonly UrlMatcher[]
  readonly params: readonly UrlMatcher[]
  readonly buttons: readonly LabelMatcher[]
}

export function compile(data: z.input<typeof schema> | undefined): AffiliateLinkRules {
  return {
    hosts: enabled(data?.hosts).map(urlMatcher),
    params: enabled(data?.params).map(paramMatcher),
    buttons: enabled(data?.buttons).map(labelMatcher),
  }
}

/**
 * The schema of a rules file, composed from one section per rule
 * (`sections/<rule-id>.ts`). `rules/schema.json` (for editors) is generated
 * from it by `npm run rules:generate`.
 *
 * Every list entry has a kebab-case `id` and a `note` saying why it is there;
 * a user rules file merges over the defaults by id (see `merge.ts`).
 */
import {z} from 'zod'
import * as adBlock from '../rules/ad-block/section.js'
import * as adSlot from '../rules/ad-slot/section.js'
import * as affiliateLink from '../rules/affiliate-link/section.js'
import * as callToAction from '../rules/call-to-action/section.js'
import * as duplicateParagraph from '../rules/duplicate-paragraph/section.js'
import * as feedFooter from '../rules/feed-footer/section.js'
import * as frontmatter from '../rules/frontmatter/section.js'
import * as linkFarm from '../rules/link-farm/section.js'
import * as trackingParam from '../rules/tracking-param/section.js'
import * as unsafeHtml from '../rules/unsafe-html/section.js'

/** Each rules-file section, by its key, with its schema and compiler. */
export const sections = {
  adBlock,
  adSlot,
  affiliateLink,
  trackingParam,
  linkFarm,
  feedFooter,
  callToAction,
  duplicateParagraph,
  unsafeHtml,
  frontmatter,
} as const

export const rulesSchema = z
  .object({
    /** Format version of the rules file. */
    version: z.literal(1).optional(),
    /** Replace the default rules instead of merging over them. */
    extends: z.enum(['default', 'none']).optional(),
    adBlock: adBlock.schema.optional(),
    adSlot: adSlot.schema.optional(),
    affiliateLink: affiliateLink.schema.optional(),
    trackingParam: trackingParam.schema.optional(),
    linkFarm: linkFarm.schema.optional(),
    feedFooter: feedFooter.schema.optional(),
    callToAction: callToAction.schema.optional(),
    duplicateParagraph: duplicateParagraph.schema.optional(),
    unsafeHtml: unsafeHtml.schema.optional(),
    frontmatter: frontmatter.schema.optional(),
  })
  .strict()

/** A rules file as written. */
export type RulesData = z.input<typeof rulesSchema>
export type {HostEntry, LabelEntry, ParamEntry} from './matchers.js'
export type {FrontmatterDuplicate, FrontmatterKey} from '../rules/frontmatter/section.js'

/** The JSON Schema of a rules file, for editors. */
export function rulesJsonSchema(): unknown {
  return z.toJSONSchema(rulesSchema, {target: 'draft-2020-12', io: 'input'})
}

/**
 * The schema of a rules file, composed from one section per rule
 * (`sections/<rule-id>.ts`). `rules/schema.json` (for editors) is generated
 * from it by `npm run rules:generate`.
 *
 * Every list entry has a kebab-case `id` and a `note` saying why it is there;
 * a user rules file merges over the defaults by id (see `merge.ts`).
 */
import {z} from 'zod'
import * as adBlock from './sections/ad-block.js'
import * as adSlot from './sections/ad-slot.js'
import * as affiliateLink from './sections/affiliate-link.js'
import * as callToAction from './sections/call-to-action.js'
import * as duplicateParagraph from './sections/duplicate-paragraph.js'
import * as feedFooter from './sections/feed-footer.js'
import * as frontmatter from './sections/frontmatter.js'
import * as linkFarm from './sections/link-farm.js'
import * as trackingParam from './sections/tracking-param.js'
import * as unsafeHtml from './sections/unsafe-html.js'

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
export type {HostEntry, LabelEntry, ParamEntry} from './sections/common.js'
export type {FrontmatterDuplicate, FrontmatterKey} from './sections/frontmatter.js'

/** The JSON Schema of a rules file, for editors. */
export function rulesJsonSchema(): unknown {
  return z.toJSONSchema(rulesSchema, {target: 'draft-2020-12', io: 'input'})
}

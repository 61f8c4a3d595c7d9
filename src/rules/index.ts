/**
 * The registry: every rule, once, in the order the pipeline runs them. All
 * else is derived from this list — the pipeline order and the groups
 * (`src/pipeline.ts`), the `RuleId` and `RuleGroup` unions, the rules-file
 * sections, their schema and `rules/schema.json`, and the `RuleSet` type
 * (`src/ruleset/schema.ts`, `src/ruleset/compile.ts`).
 *
 * Order matters only for overlapping finds: a span inside an earlier removal
 * is not reported again. Broad, certain rules come first (a marked ad region
 * takes the ad units inside it); affiliate buttons go before link farms are
 * looked for (a button between a label and its list would otherwise hide the
 * farm until a second clean); guesses last (a duplicate paragraph is only a
 * duplicate once the ads are out of the way). Tracking parameters are
 * stripped only from links that stay (an affiliate link goes whole). The
 * sanitiser runs after every spam rule, so it only sees HTML that stays and
 * records only what it drops from that. Frontmatter is independent.
 *
 * Adding a rule: a folder `src/rules/<id>/` whose `index.ts` exports `rule`
 * (`defineRule(meta, finder, section)`) and whose `section.ts` exports
 * `section` (`defineSection(key, schema, compile)`), one line here,
 * `rules/default/<id>.yaml`, and fixtures `tests/fixtures/<id>/removes-*` and
 * `keeps-*` (`tests/rules-layout.test.ts` checks them all).
 */
import {rule as adBlock} from './ad-block/index.js'
import {rule as adSlot} from './ad-slot/index.js'
import {rule as affiliateLink} from './affiliate-link/index.js'
import {rule as callToAction} from './call-to-action/index.js'
import {rule as duplicateParagraph} from './duplicate-paragraph/index.js'
import {rule as feedFooter} from './feed-footer/index.js'
import {rule as filterList} from './filter-list/index.js'
import {rule as frontmatter} from './frontmatter/index.js'
import {rule as linkFarm} from './link-farm/index.js'
import {rule as pageChrome} from './page-chrome/index.js'
import {rule as siteTemplate} from './site-template/index.js'
import {rule as trackingParam} from './tracking-param/index.js'
import {rule as unsafeHtml} from './unsafe-html/index.js'
import {rule as widget} from './widget/index.js'

/** Every rule, in the order it runs. */
export const registry = [
  adBlock,
  adSlot,
  filterList,
  affiliateLink,
  trackingParam,
  linkFarm,
  feedFooter,
  callToAction,
  widget,
  siteTemplate,
  pageChrome,
  duplicateParagraph,
  unsafeHtml,
  frontmatter,
] as const

/** A rule of the registry. */
export type RegisteredRule = (typeof registry)[number]

/** The id of a rule (`ad-block`, `link-farm` …). */
export type RuleId = RegisteredRule['meta']['id']

/** The name of a rule group (`spam`, `boilerplate`, `safety`, `frontmatter`). */
export type RuleGroup = RegisteredRule['meta']['group']

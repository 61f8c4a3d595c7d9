/**
 * call-to-action: remove the prompts that close many blog posts — clap,
 * follow-me, newsletter, donation and share requests. Off by default (group
 * `boilerplate`): they are the author's own words, not spam; switch the rule
 * on with `--enable call-to-action` (or `--enable boilerplate`).
 *
 * A block goes when every sentence of it is a call to action
 * (`rules: callToAction.prompts`: "Give it a clap 👏", "Follow me on
 * Twitter for more", "Subscribe to my newsletter", "Buy me a coffee", "Share
 * this article with your friends"), a companion that goes with one
 * (`companions`: "Thanks for reading!", "Happy coding!") or only emoji — and
 * at least one sentence is a prompt. Openings such as "If you liked this
 * post, " or "Don't forget to " (`preludes`) are looked past; a feed footer
 * in the same block counts as neither. The defaults are English, with the
 * common newsletter, follow-me, coffee and thank-you wordings in French,
 * Spanish, German and Portuguese. A sentence that
 * speaks of supporting or donating counts too when its block links a
 * donation page (`donationHosts`: Ko-fi, Patreon, PayPal.me, Buy Me a Coffee,
 * GitHub Sponsors…). Blocks are paragraphs, HTML elements and list items
 * (a list whose items all go goes whole), among the last
 * `callToAction.tailBlocks` (6) blocks of the article, counted as the
 * `feed-footer` rule counts them. A heading over them (`headings`: "Support
 * me", "Stay in touch", "Before you go") and a rule (`---`) before them go
 * too when everything after them went.
 *
 * Keeps: a paragraph where one sentence is not a prompt (an author's
 * sign-off with real content), "Thanks for reading!" alone, a tutorial
 * sentence about building a newsletter signup form, "follow" in another sense
 * ("follow the steps", "follow me through the setup"), prompts higher up in
 * the article, block quotes, and anything holding code.
 *
 * @example
 *   Last paragraph of the article.
 *
 *   If you enjoyed this, give it a clap 👏 and follow me on Twitter for more!
 *   → "Last paragraph of the article.\n"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {defineRule} from '../../engine/rule.js'
import {findTailBoilerplate} from '../../core/tail.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {section} from './section.js'
import {isFeedFooter, isFooter, withoutGluedFooter} from '../feed-footer/index.js'

export const meta = {
  id: 'call-to-action',
  description: 'Calls to action: clap, follow, subscribe and donation prompts.',
  removalOnly: true,
  group: 'boilerplate',
  enabledByDefault: false,
  shapes: ['block', 'inline', 'html'],
} as const

/** Report every call-to-action span in the tree. */
export function findCallsToAction(tree: Root, file: VFile, rules: RuleSet): void {
  const prompts = rules.callToAction
  if (prompts.prompts.length === 0 && prompts.donationHosts.length === 0) return
  findTailBoilerplate(tree, file, {
    ruleId: meta.id,
    tailBlocks: prompts.tailBlocks,
    lists: true,
    match(block) {
      const id = prompts.match(withoutGluedFooter(rules, block), block.urls, isFooter(rules, block))
      return id === undefined ? undefined : `Call to action (${id})`
    },
    isBoilerplate: (block) => isFeedFooter(rules, block),
    matchHeading(text) {
      const heading = prompts.matchHeading(text)
      return heading ? `Heading over calls to action (${heading.id})` : undefined
    },
    breakReason: 'Rule that only set off calls to action',
  })
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findCallsToAction, section)

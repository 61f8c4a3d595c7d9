/**
 * Warnings (rule id `suppression`) for suppression comments that cannot do
 * what they say because they try to switch off the `safety` group: scraped
 * content decides nothing about safety, so inline comments never keep the
 * sanitiser's finds (see `engine/suppression.ts`); only the user's config or
 * flags can switch those rules off.
 *
 * - a comment that names a safety rule or the group
 *   (`<!-- decruft-disable unsafe-html -->`) is warned about wherever it is;
 * - a comment that names no rule (`<!-- decruft-disable -->`, so every rule)
 *   is warned about when a safety removal falls in its scope and is made
 *   anyway.
 *
 * The unknown-id warning (a typo) lives with `clean`; a protected group name
 * is not unknown, it gets the warning here instead.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reportWarning} from './engine/removal.js'
import {directivesOf, overriddenDirectives, protectedDirectiveRules} from './engine/suppression.js'
import {inlineProtected} from './pipeline.js'

const GROUPS = () => [...inlineProtected.groups].map((group) => `\`${group}\``).join(', ')

/** Warn (on `file`) about each directive that names a rule or group inline comments cannot switch off. Returns the warnings. */
export function warnProtectedDirectiveRules(file: VFile): VFileMessage[] {
  const before = file.messages.length
  for (const {directive, ruleId} of protectedDirectiveRules(directivesOf(file), inlineProtected.ruleIds, inlineProtected.groups)) {
    reportWarning(file, {
      ruleId: 'suppression',
      reason: `\`${ruleId}\` in a \`decruft-${directive.kind}\` comment is ignored: rules of the ${GROUPS()} group cannot be disabled inline (only by config or flags)`,
      start: directive.start,
      end: directive.end,
    })
  }
  return file.messages.slice(before)
}

/**
 * Warn (on `file`, after its rules ran) about each directive that names no
 * rule and would have kept a safety removal that was made anyway.
 */
export function warnOverriddenDirectives(file: VFile): void {
  for (const directive of overriddenDirectives(file)) {
    if (directive.rules.length > 0) continue
    reportWarning(file, {
      ruleId: 'suppression',
      reason: `a \`decruft-${directive.kind}\` comment without rule ids keeps no safety removal in its scope: rules of the ${GROUPS()} group cannot be disabled inline (only by config or flags)`,
      start: directive.start,
      end: directive.end,
    })
  }
}

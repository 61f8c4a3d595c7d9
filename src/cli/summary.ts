/** The end-of-batch summary printed on stderr. */
import type {Colors} from 'picocolors/types.js'
import {isRuleId, ruleIds} from '../plugin-api.js'
import type {BatchSummary} from '../node/index.js'

/**
 * ```
 * decruft: 71 files: 70 written to out/, 1 failed (1.42 s, 2 worker threads)
 *   shard 0/3: 71 of 212 articles
 *   site templates learned from 71 articles of 2 sites (0.21 s)
 *   ad-block              120
 *   link-farm              40
 *   total                 160 removals
 * ```
 */
export function formatSummary(summary: BatchSummary, options: {out: string; colors: Colors}): string {
  const {colors} = options
  const failed = summary.failed > 0 ? colors.red(`${summary.failed} failed`) : '0 failed'
  const how = summary.mode === 'workers' ? `${summary.threads} worker threads` : 'in-process'
  const lines = [
    `decruft: ${plural(summary.files, 'file')}: ${colors.green(`${summary.written} written`)} to ${options.out}, ${failed} ` +
      colors.dim(`(${seconds(summary.durationMs)}, ${how})`),
  ]
  if (summary.shard) {
    const {index, count, listed} = summary.shard
    lines.push(`  shard ${index}/${count}: ${summary.files} of ${plural(listed, 'article')}`)
  }
  if (summary.templates) {
    const {articles, sites, durationMs} = summary.templates
    lines.push(
      colors.dim(`  site templates learned from ${plural(articles, 'article')} of ${plural(sites, 'site')} (${seconds(durationMs)})`),
    )
  }
  const rules = orderRules(Object.keys(summary.removals))
  const width = Math.max(5, ...rules.map((rule) => rule.length))
  let total = 0
  for (const rule of rules) {
    const amount = summary.removals[rule] ?? 0
    total += amount
    lines.push(`  ${rule.padEnd(width)} ${String(amount).padStart(7)}`)
  }
  lines.push(`  ${'total'.padEnd(width)} ${String(total).padStart(7)} ${total === 1 ? 'removal' : 'removals'}`)
  if (summary.warnings > 0) lines.push(`  ${plural(summary.warnings, 'warning')} (see the .json records)`)
  if (summary.problems > 0) lines.push(colors.red(`  ${plural(summary.problems, 'frontmatter problem')} (--strict; listed above)`))
  return `${lines.join('\n')}\n`
}

/** Rules in pipeline order, then any others alphabetically: the same order every run. */
function orderRules(rules: readonly string[]): string[] {
  const known = ruleIds.filter((id) => rules.includes(id))
  const others = rules.filter((id) => !isRuleId(id)).sort()
  return [...known, ...others]
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

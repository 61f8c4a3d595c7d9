/**
 * What the review report keeps of one cleaned article: its body (the text
 * as read, each removal with its rule, reason, features, offsets, keep hash
 * and the URLs in it, the frontmatter changes) and its line in the page's
 * index (path, title, counts by rule, an excerpt of the removed text for
 * search). Pure: built from `clean()`'s result, in the thread that cleaned
 * the article, so only these small objects travel (compressed, see
 * src/node/report-entry-file.ts).
 */
import type {CleanResult} from '../clean.js'
import {keepHash} from '../engine/keep-hash.js'
import {hostOf, urlsIn} from '../engine/keep-urls.js'
import {allRules} from '../pipeline.js'

/** A removal as the page shows it. */
export interface ReportRemoval {
  rule: string
  reason: string
  /** UTF-16 offsets into the article's text (counting a BOM), end exclusive. */
  start: number
  end: number
  /** `keepHash` of the removed text: what a `textHash` keep entry names. */
  hash: string
  /** What was put in its place (frontmatter rewrites). */
  replacement?: string
  /** The frontmatter key concerned. */
  key?: string
  /** Shared by the parts of a removal of several spans. */
  group?: number
  severity?: 'warning'
  features?: Readonly<Record<string, string | number | boolean>>
  /** The absolute http(s) URLs the removed text links to or embeds (what a `url` keep entry names), each once. */
  urls?: string[]
  /** The hosts of the URLs in it, protocol-relative ones too (what a `host` keep entry names), each once. */
  hosts?: string[]
  /** Set when the rule is one no `keep` entry can steer (the `safety` group): the page offers no "keep this". */
  locked?: true
}

/** A frontmatter change, its values as JSON text (absent: no value). */
export interface ReportChange {
  key: string
  from?: string
  before?: string
  after?: string
}

/** The body of one article in the report, decoded when the article is opened. */
export interface ReportBody {
  path: string
  title: string
  /** The article as read. */
  text: string
  removals: ReportRemoval[]
  changes: ReportChange[]
}

/** One article's line in the page's index. */
export interface ReportIndexEntry {
  /** Path (the run's display path, POSIX). */
  p: string
  /** Title ('' when none). */
  t: string
  /** Removals by rule id (a removal of several parts counts once). */
  r: Record<string, number>
  /** An excerpt of the removed text, white space collapsed, for search. */
  s: string
  /** Why the article failed (no body then). */
  e?: string
}

/** Characters of removed text kept per article for search: the index stays small at 10,000 articles. */
export const SEARCH_EXCERPT_LENGTH = 400

/** Rules whose removals `keep` entries never keep (the `safety` group: `unsafe-html`). */
const LOCKED_RULES: ReadonlySet<string> = new Set(allRules.filter((rule) => rule.meta.group === 'safety').map((rule) => rule.meta.id))

function jsonOf(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value)
}

function titleOf(result: CleanResult): string {
  const title = (result.record.frontmatter as Record<string, unknown>)['title']
  if (typeof title === 'string' && title.trim() !== '') return title.trim()
  return result.record.headings[0]?.text ?? ''
}

/** The report's body and index line of an article cleaned from `text` under `path`. */
export function reportEntryOf(path: string, text: string, result: CleanResult): {body: ReportBody; index: ReportIndexEntry} {
  const removals = result.removals.map((removal): ReportRemoval => {
    // The URLs the engine's keep matching reads (engine/keep-urls.ts); a `url` entry takes absolute ones only.
    const found = urlsIn(removal.text)
    const urls = found.filter((url) => /^https?:\/\//i.test(url))
    const hosts = [...new Set(found.map(hostOf).filter((host): host is string => host !== undefined))]
    return {
      rule: removal.rule,
      reason: removal.reason,
      start: removal.start.offset,
      end: removal.end.offset,
      hash: keepHash(removal.text),
      ...(removal.replacement === undefined ? {} : {replacement: removal.replacement}),
      ...(removal.key === undefined ? {} : {key: removal.key}),
      ...(removal.group === undefined ? {} : {group: removal.group}),
      ...(removal.severity === undefined ? {} : {severity: removal.severity}),
      ...(removal.features === undefined ? {} : {features: removal.features}),
      ...(urls.length === 0 ? {} : {urls}),
      ...(hosts.length === 0 ? {} : {hosts}),
      ...(LOCKED_RULES.has(removal.rule) ? {locked: true as const} : {}),
    }
  })
  const changes = result.record.changes.map((change): ReportChange => {
    const before = jsonOf(change.old)
    const after = jsonOf(change.new)
    return {
      key: change.key,
      ...(change.from === undefined ? {} : {from: change.from}),
      ...(before === undefined ? {} : {before}),
      ...(after === undefined ? {} : {after}),
    }
  })
  const title = titleOf(result)
  let excerpt = ''
  for (const removal of result.removals) {
    if (excerpt.length >= SEARCH_EXCERPT_LENGTH) break
    const words = removal.text.replace(/\s+/g, ' ').trim()
    if (words !== '') excerpt += `${excerpt === '' ? '' : ' '}${words}`
  }
  return {
    body: {path, title, text, removals, changes},
    index: {p: path, t: title, r: {...result.record.stats.removals}, s: excerpt.slice(0, SEARCH_EXCERPT_LENGTH)},
  }
}

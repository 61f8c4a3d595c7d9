/**
 * Honour the rules file's `keep` entries (`ruleset/keep.ts`): a removal an
 * entry matches is not made, like one an inline `decruft-disable` comment
 * keeps (`suppression.ts`), but chosen by the user's config rather than by
 * the article.
 *
 * Matched on the removals as they will be recorded (after the repair that
 * widens a span, and split around earlier passes' removals; `passes.ts`
 * calls {@link keepRemovals} on each pass's finds), so an entry written from
 * the record or the review report (`keepHash` of a removal's `text`, the
 * URLs in it) names exactly what the record showed. A removal of several
 * parts (`group`) is kept whole when any part matches. What a kept removal
 * had absorbed (smaller removals inside it) stays with it: its text is
 * kept as it was, which keeps the clean idempotent.
 *
 * What it never keeps: removals of rules that the config cannot steer by
 * content (the `safety` group, `unsafe-html`: `protectedRules`). An entry
 * that matches one keeps nothing there, and the caller warns (rule id
 * `keep`); only `--disable` switches safety off.
 *
 * @example
 *   keep: [{id: 'keep-ours', host: 'ours.example'}]
 *   // an affiliate link to https://shop.ours.example/x is left in place,
 *   // and the record lists it in `kept`: {rule, keep: 'keep-ours', start, end}
 */
import type {KeepEntry} from '../ruleset/keep.js'
import {keepHash} from './keep-hash.js'
import {hostOf, isOnHost, urlsIn} from './keep-urls.js'
import type {Removal} from './removal.js'

/** A span a `keep` entry kept: the rule that would have removed it and the entry's id, in the pass's offsets. */
export interface KeptSpan {
  rule: string
  keep: string
  start: number
  end: number
}

/** An entry that matched a removal it may not keep (a `safety` rule's). */
export interface OverriddenKeep {
  entry: KeepEntry
  removal: Removal
}

/** What {@link keepRemovals} decided. */
export interface KeepResult {
  /** The removals to make, in the order given. */
  made: Removal[]
  /** The parts not made, each with the entry that kept its removal. */
  kept: KeptSpan[]
  /** Matches on removals that may not be kept, each entry once. */
  overridden: OverriddenKeep[]
}

/** The article path as the `ignore` package takes it (POSIX, relative, no `./`), or undefined when it cannot be one. */
function relativePath(path: string): string | undefined {
  const posix = path.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '')
  if (posix === '' || posix.startsWith('/') || /^[a-z]:/i.test(posix) || posix.split('/').includes('..')) return undefined
  return posix
}

/**
 * The entries that apply to the article at `path` (its path as given to
 * `clean()`): those without `paths`, and those whose patterns match it. An
 * absolute path or one outside the working folder matches no pattern.
 */
export function keepEntriesFor(entries: readonly KeepEntry[], path: string): KeepEntry[] {
  if (entries.length === 0) return []
  const relative = relativePath(path)
  return entries.filter((entry) => entry.paths === undefined || (relative !== undefined && entry.paths.ignores(relative)))
}

/** Per part: its text's hash and hosts, computed once, only when an entry asks. */
class PartFacts {
  #hash: string | undefined
  #urls: string[] | undefined
  #hosts: string[] | undefined
  constructor(readonly text: string) {}
  get hash(): string {
    this.#hash ??= keepHash(this.text)
    return this.#hash
  }
  get urls(): string[] {
    this.#urls ??= urlsIn(this.text)
    return this.#urls
  }
  get hosts(): string[] {
    this.#hosts ??= this.urls.map(hostOf).filter((host): host is string => host !== undefined)
    return this.#hosts
  }
}

/** Whether `entry` names the removal part with these facts (every condition it gives holds). */
function matches(entry: KeepEntry, ruleId: string, facts: PartFacts): boolean {
  if (entry.rule !== undefined && entry.rule !== ruleId) return false
  if (entry.textHash !== undefined && entry.textHash !== facts.hash) return false
  if (entry.url !== undefined && !facts.urls.includes(entry.url)) return false
  const host = entry.host
  if (host !== undefined && !facts.hosts.some((urlHost) => isOnHost(urlHost, host))) return false
  return true
}

/**
 * Split `removals` (one pass's, with settled groups) into those to make and
 * those `entries` keep (entries already chosen for the article, see
 * {@link keepEntriesFor}). A removal of several parts goes whole either
 * way. Removals by `protectedRules` are always made.
 */
export function keepRemovals(removals: readonly Removal[], entries: readonly KeepEntry[], protectedRules: ReadonlySet<string>): KeepResult {
  if (entries.length === 0) return {made: [...removals], kept: [], overridden: []}
  const keptGroups = new Map<string, string>()
  const keptParts = new Map<Removal, string>()
  const overridden = new Map<KeepEntry, Removal>()
  for (const removal of removals) {
    const facts = new PartFacts(removal.text)
    const entry = entries.find((candidate) => matches(candidate, removal.ruleId, facts))
    if (entry === undefined) continue
    if (protectedRules.has(removal.ruleId)) {
      if (!overridden.has(entry)) overridden.set(entry, removal)
      continue
    }
    if (removal.group === undefined) keptParts.set(removal, entry.id)
    else if (!keptGroups.has(groupKey(removal))) keptGroups.set(groupKey(removal), entry.id)
  }
  const made: Removal[] = []
  const kept: KeptSpan[] = []
  for (const removal of removals) {
    const by = removal.group === undefined ? keptParts.get(removal) : keptGroups.get(groupKey(removal))
    if (by === undefined) made.push(removal)
    else kept.push({rule: removal.ruleId, keep: by, start: removal.start.offset, end: removal.end.offset})
  }
  return {made, kept, overridden: [...overridden].map(([entry, removal]) => ({entry, removal}))}
}

function groupKey(removal: Removal): string {
  return `${removal.ruleId}\u0000${removal.group}`
}

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
 * What it never keeps: removals of the rules the caller names
 * (`unkeepable`): the `safety` group (`unsafe-html`), which the config may
 * not steer by content, and the `frontmatter` rewrites, whose record
 * (`frontmatter`, `changes`) would no longer match the text. An entry that
 * matches one keeps nothing there, and the caller warns (rule id `keep`);
 * only `--disable` switches those rules off.
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

/** An entry that matched a removal it may not keep (an `unkeepable` rule's). */
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

/** At most this many white-space characters are added or dropped at each edge when matching a text hash. */
const EDGE_SLACK = 8

/** Whether the character at `index` is white space a repair may add to or drop from a span's edge. */
function isEdgeSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** The offsets `[start, end)` of `text` may take with up to {@link EDGE_SLACK} white-space characters more or fewer at each edge, the exact one first. */
function edgeOffsets(text: string, offset: number, direction: -1 | 1, limit: number): number[] {
  const offsets = [offset]
  // Outwards: white space next to the span; inwards: white space at its edge (never past `limit`).
  for (let at = offset, count = 0; count < EDGE_SLACK; count++) {
    const index = direction === -1 ? at - 1 : at
    if (index < 0 || index >= text.length || !isEdgeSpace(text, index)) break
    at += direction
    offsets.push(at)
  }
  for (let at = offset, count = 0; count < EDGE_SLACK; count++) {
    const index = direction === -1 ? at : at - 1
    if ((direction === -1 ? at >= limit : at <= limit) || !isEdgeSpace(text, index)) break
    at -= direction
    offsets.push(at)
  }
  return offsets
}

/**
 * The entry hashes (of `wanted`) that the text from `start` to `end` of
 * `text` has, give or take white space at its edges: the repair step widens
 * a span over the blank line beside it or not depending on its neighbours,
 * so the same block has a line break more or fewer once another removal
 * around it is made or kept (and on a second clean of the output).
 */
function hashesNear(text: string, start: number, end: number, wanted: ReadonlySet<string>, found: Set<string>): void {
  const starts = edgeOffsets(text, start, -1, end)
  const ends = edgeOffsets(text, end, 1, start)
  for (const from of starts) {
    for (const to of ends) {
      if (to <= from) continue
      const hash = keepHash(text.slice(from, to))
      if (wanted.has(hash)) found.add(hash)
    }
  }
}

/** What the entries ask of one removal (its parts), computed once, only when an entry asks. */
class RemovalFacts {
  #hashes: Set<string> | undefined
  #urls: string[] | undefined
  #hosts: string[] | undefined
  constructor(
    readonly text: string,
    readonly parts: readonly Removal[],
    readonly wanted: ReadonlySet<string>,
  ) {}
  /** The wanted hashes of any part's text or of the text the parts cover (edges give or take white space). */
  get hashes(): ReadonlySet<string> {
    if (this.#hashes === undefined) {
      const found = new Set<string>()
      for (const part of this.parts) hashesNear(this.text, part.start.offset, part.end.offset, this.wanted, found)
      if (this.parts.length > 1) {
        hashesNear(this.text, this.parts[0]!.start.offset, this.parts[this.parts.length - 1]!.end.offset, this.wanted, found)
      }
      this.#hashes = found
    }
    return this.#hashes
  }
  get urls(): string[] {
    this.#urls ??= [...new Set(this.parts.flatMap((part) => urlsIn(part.text)))]
    return this.#urls
  }
  get hosts(): string[] {
    this.#hosts ??= this.urls.map(hostOf).filter((host): host is string => host !== undefined)
    return this.#hosts
  }
}

/** Whether `entry` names the removal (every condition it gives holds for the removal, any of its parts). */
function matches(entry: KeepEntry, ruleId: string, facts: RemovalFacts): boolean {
  if (entry.rule !== undefined && entry.rule !== ruleId) return false
  if (entry.textHash !== undefined && !facts.hashes.has(entry.textHash)) return false
  if (entry.url !== undefined && !facts.urls.includes(entry.url)) return false
  const host = entry.host
  if (host !== undefined && !facts.hosts.some((urlHost) => isOnHost(urlHost, host))) return false
  return true
}

/**
 * Split `removals` (one pass's, with settled groups; offsets into `text`)
 * into those to make and those `entries` keep (entries already chosen for
 * the article, see {@link keepEntriesFor}). A removal of several parts goes
 * whole either way: an entry names it by any part (or by the text its parts
 * cover). A text hash names the text give or take white space at its edges.
 * Removals by `unkeepable` rules are always made.
 */
export function keepRemovals(
  text: string,
  removals: readonly Removal[],
  entries: readonly KeepEntry[],
  unkeepable: ReadonlySet<string>,
): KeepResult {
  if (entries.length === 0) return {made: [...removals], kept: [], overridden: []}
  const wanted = new Set(entries.flatMap((entry) => (entry.textHash === undefined ? [] : [entry.textHash])))
  const removalsByKey = new Map<Removal | string, Removal[]>()
  for (const removal of removals) {
    const key = removal.group === undefined ? removal : groupKey(removal)
    const parts = removalsByKey.get(key)
    if (parts) parts.push(removal)
    else removalsByKey.set(key, [removal])
  }
  const keptBy = new Map<Removal | string, string>()
  const overridden = new Map<KeepEntry, Removal>()
  for (const [key, parts] of removalsByKey) {
    const first = parts[0]!
    const facts = new RemovalFacts(text, parts, wanted)
    const entry = entries.find((candidate) => matches(candidate, first.ruleId, facts))
    if (entry === undefined) continue
    if (unkeepable.has(first.ruleId)) {
      if (!overridden.has(entry)) overridden.set(entry, first)
      continue
    }
    keptBy.set(key, entry.id)
  }
  const made: Removal[] = []
  const kept: KeptSpan[] = []
  for (const removal of removals) {
    const by = keptBy.get(removal.group === undefined ? removal : groupKey(removal))
    if (by === undefined) made.push(removal)
    else kept.push({rule: removal.ruleId, keep: by, start: removal.start.offset, end: removal.end.offset})
  }
  return {made, kept, overridden: [...overridden].map(([entry, removal]) => ({entry, removal}))}
}

function groupKey(removal: Removal): string {
  return `${removal.ruleId}\u0000${removal.group}`
}

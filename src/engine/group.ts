/**
 * Removals of several parts. Some removals cannot be one span and still be
 * exact: an unlinked link loses its `[` and its `](url "title")` but keeps
 * the words between them; an unwrapped HTML element loses its opening and
 * closing tags; a span found on a later pass is split around what an
 * earlier pass removed. Each part is recorded as its own exact span (so
 * re-inserting the removed texts still gives back the input), and the parts
 * of one removal share a `group`: the start offset of the first part. A
 * removal of one part has none.
 *
 * Counts and findings go by removal, not by part: {@link removalGroups} and
 * {@link countRemovals} are what reporters and summaries use.
 *
 * @example
 *   `Fix it with [Driver Easy](https://aff.example/de) today.`
 *   → `[` (group 12) and `](https://aff.example/de)` (group 12): one removal.
 */

/** What grouping needs of a removal: its start offset and its group, if any. */
export interface GroupedPart {
  readonly start: {readonly offset: number}
  readonly group?: number | undefined
}

/**
 * Settle the groups of `removals` (sorted by start) in place: the parts that
 * share a rule id and a group key (the rule's own choice) get the start
 * offset of their first part as their group; a key left on a single part (its
 * partner was absorbed by a larger removal) is dropped.
 */
export function settleGroups<T extends {ruleId: string; start: {offset: number}; group?: number}>(removals: T[]): T[] {
  const parts = new Map<string, T[]>()
  for (const removal of removals) {
    if (removal.group === undefined) continue
    const key = `${removal.ruleId}\u0000${removal.group}`
    const list = parts.get(key)
    if (list) list.push(removal)
    else parts.set(key, [removal])
  }
  for (const list of parts.values()) {
    if (list.length === 1) {
      delete list[0]!.group
      continue
    }
    const first = Math.min(...list.map((part) => part.start.offset))
    for (const part of list) part.group = first
  }
  return removals
}

/**
 * The removals of a file as whole removals: each entry holds the parts of
 * one removal (one part for most), in the order of the first parts. Expects
 * settled groups (see {@link settleGroups}), as in the record.
 */
export function removalGroups<T extends GroupedPart>(removals: readonly T[]): T[][] {
  const groups: T[][] = []
  const byKey = new Map<number, T[]>()
  for (const removal of removals) {
    if (removal.group === undefined) {
      groups.push([removal])
      continue
    }
    const parts = byKey.get(removal.group)
    if (parts) parts.push(removal)
    else {
      const created = [removal]
      byKey.set(removal.group, created)
      groups.push(created)
    }
  }
  for (const parts of byKey.values()) parts.sort((a, b) => a.start.offset - b.start.offset)
  return groups
}

/** Removals per rule id, a removal of several parts counted once. */
export function countRemovals<T extends GroupedPart>(removals: readonly T[], ruleOf: (removal: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const parts of removalGroups(removals)) {
    const rule = ruleOf(parts[0]!)
    counts[rule] = (counts[rule] ?? 0) + 1
  }
  return counts
}

/** What {@link coveredEdit} needs of a removal: its span and what takes its place. */
export interface EditedPart extends GroupedPart {
  readonly end: {readonly offset: number}
  readonly replacement?: string | undefined
}

/**
 * The one edit that does what a removal of several `parts` does: the text
 * they cover, from the first part's start to the last part's end, and what
 * the clean text has in its place — the words an unlinked link keeps, minus
 * whatever else `removals` (every removal of the file, sorted by start)
 * takes from between the parts (a farm found on a second pass covers the ad
 * the first pass removed).
 */
export function coveredEdit(
  text: string,
  parts: readonly EditedPart[],
  removals: readonly EditedPart[] = parts,
): {start: number; end: number; removed: string; replacement: string} {
  const start = parts[0]!.start.offset
  const end = parts[parts.length - 1]!.end.offset
  let low = 0
  let high = removals.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (removals[middle]!.start.offset < start) low = middle + 1
    else high = middle
  }
  let replacement = ''
  let at = start
  for (let index = low; index < removals.length && removals[index]!.start.offset < end; index++) {
    const removal = removals[index]!
    if (removal.start.offset < at || removal.end.offset > end) continue
    replacement += text.slice(at, removal.start.offset) + (removal.replacement ?? '')
    at = removal.end.offset
  }
  return {start, end, removed: text.slice(start, end), replacement: replacement + text.slice(at, end)}
}

/**
 * Edits made before parsing, and how to carry what was found on the edited
 * text back to the original.
 *
 * Broken frontmatter is repaired before the document is parsed (a quoted
 * value, a closing fence put in): the rules then run on the repaired text,
 * and their removals are offsets into it. A record speaks of the input, so
 * each removal is mapped back, and one that overlaps a repair takes the
 * repair in (one span of the input, one replacement: `title: A: B` →
 * `title: 'A: B'` trimmed and quoted is one change). A repair no removal
 * overlaps is a removal of its own. Applying the result to the input gives
 * what applying the removals to the edited text gives.
 */
import type {Point, Removal} from './removal.js'

/** An edit of the original text: `[start, end)` (original offsets) becomes `replacement`. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly replacement: string
}

/** An edit made before parsing, as it is recorded: why, and the frontmatter key it is about. */
export interface RecordedEdit extends TextEdit {
  readonly ruleId: string
  readonly reason: string
  readonly key?: string | undefined
}

/** Where one edit sits in the edited text. */
interface Placed<E extends TextEdit> {
  readonly edit: E
  readonly start: number
  readonly end: number
}

/** The original text, the edited text, and the offsets between them. */
export class EditMap<E extends TextEdit = TextEdit> {
  /** The text with every edit applied. */
  readonly text: string
  private readonly placed: ReadonlyArray<Placed<E>>

  /** `edits` are sorted by `start` and do not overlap. */
  constructor(
    readonly original: string,
    readonly edits: readonly E[],
  ) {
    let text = ''
    let cursor = 0
    const placed: Array<Placed<E>> = []
    for (const edit of edits) {
      if (edit.start < cursor || edit.end < edit.start) throw new RangeError(`overlapping or reversed edit at ${edit.start}–${edit.end}`)
      text += original.slice(cursor, edit.start)
      placed.push({edit, start: text.length, end: text.length + edit.replacement.length})
      text += edit.replacement
      cursor = edit.end
    }
    this.text = text + original.slice(cursor)
    this.placed = placed
  }

  /**
   * The original offset of an offset in the edited text. Inside an edit's
   * new text, a start maps to the edit's start and an end to its end; where
   * original text was deleted, a start maps after it and an end before it.
   */
  toOriginal(offset: number, side: 'start' | 'end'): number {
    let shift = 0
    for (const {edit, start, end} of this.placed) {
      if (offset < start || (offset === start && side === 'end')) break
      if (offset < end) return side === 'start' ? edit.start : edit.end
      shift = edit.end - end
    }
    return offset + shift
  }

  /**
   * Removals found on the edited text (sorted, not overlapping), as removals
   * of the original: mapped back, merged with the edits they overlap, and
   * the edits no removal overlaps added as removals of their own. `point`
   * gives the line and column of an original offset.
   */
  composeRemovals(removals: readonly Removal[], point: (offset: number) => Point, describe: (edit: E) => RecordedEdit): Removal[] {
    const groups = groupOverlapping(removals, this.placed)
    const out: Removal[] = []
    for (const group of groups) {
      // The group's span in the edited text, and in the original (an edit gives its own bounds: a deletion is empty in the edited text).
      const start = Math.min(...group.removals.map((removal) => removal.start.offset), ...group.edits.map((placed) => placed.start))
      const end = Math.max(...group.removals.map((removal) => removal.end.offset), ...group.edits.map((placed) => placed.end))
      const from = Math.min(
        ...group.removals.map((removal) => this.toOriginal(removal.start.offset, 'start')),
        ...group.edits.map((placed) => placed.edit.start),
      )
      const to = Math.max(
        ...group.removals.map((removal) =>
          removal.end.offset === removal.start.offset
            ? this.toOriginal(removal.start.offset, 'start')
            : this.toOriginal(removal.end.offset, 'end'),
        ),
        ...group.edits.map((placed) => placed.edit.end),
      )
      let replacement = ''
      let cursor = start
      for (const removal of group.removals) {
        replacement += this.text.slice(cursor, removal.start.offset) + (removal.replacement ?? '')
        cursor = removal.end.offset
      }
      replacement += this.text.slice(cursor, end)
      const first = group.removals[0]
      if (first && group.removals.length === 1 && group.edits.length === 0) {
        // Alone, a removal keeps all it says (reason, severity, what the repair step adjusted), at the input's
        // offsets; a part of a removal of several parts keeps its group: its first part's start, mapped back.
        const removal: Removal = {...first, start: point(from), end: point(to), text: this.original.slice(from, to)}
        if (first.group !== undefined) removal.group = this.toOriginal(first.group, 'start')
        out.push(removal)
        continue
      }
      const recorded = group.edits.map((placed) => describe(placed.edit))
      // Merged with a repair, it is one change of a broken file: an error, its reasons joined.
      const removal: Removal = {
        ruleId: first?.ruleId ?? recorded[0]!.ruleId,
        reason: [...recorded.map((edit) => edit.reason), ...group.removals.map((found) => found.reason)].join('; '),
        start: point(from),
        end: point(to),
        text: this.original.slice(from, to),
      }
      // A pure removal that took in no edit stays a pure removal.
      if (group.edits.length > 0 || first?.replacement !== undefined) removal.replacement = replacement
      const key = first?.key ?? recorded.find((edit) => edit.key !== undefined)?.key
      if (key !== undefined) removal.key = key
      out.push(removal)
    }
    return out.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
  }
}

interface Group<E extends TextEdit> {
  removals: Removal[]
  edits: Array<Placed<E>>
}

/** Whether two spans of the edited text overlap (an empty one overlaps a span it lies strictly inside). */
function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aStart === aEnd && bStart === bEnd) return false
  if (aStart === aEnd) return bStart < aStart && aStart < bEnd
  if (bStart === bEnd) return aStart < bStart && bStart < aEnd
  return aStart < bEnd && bStart < aEnd
}

/** Removals and edits grouped by overlap (connected groups), in text order. */
function groupOverlapping<E extends TextEdit>(removals: readonly Removal[], placed: ReadonlyArray<Placed<E>>): Array<Group<E>> {
  type Item =
    | {kind: 'removal'; removal: Removal; start: number; end: number}
    | {kind: 'edit'; placed: Placed<E>; start: number; end: number}
  const items: Item[] = [
    ...removals.map((removal): Item => ({kind: 'removal', removal, start: removal.start.offset, end: removal.end.offset})),
    ...placed.map((edit): Item => ({kind: 'edit', placed: edit, start: edit.start, end: edit.end})),
  ]
  // Union-find over the overlap graph; removals never overlap each other, nor edits each other.
  const parent = items.map((_, index) => index)
  const find = (index: number): number => {
    let root = index
    while (parent[root] !== root) root = parent[root]!
    return root
  }
  for (let a = 0; a < removals.length; a++) {
    for (let b = removals.length; b < items.length; b++) {
      if (overlaps(items[a]!.start, items[a]!.end, items[b]!.start, items[b]!.end)) parent[find(a)] = find(b)
    }
  }
  const byRoot = new Map<number, Group<E>>()
  const order = items.map((item, index) => ({item, index})).sort((x, y) => x.item.start - y.item.start || x.item.end - y.item.end)
  for (const {item, index} of order) {
    const root = find(index)
    let group = byRoot.get(root)
    if (!group) byRoot.set(root, (group = {removals: [], edits: []}))
    if (item.kind === 'removal') group.removals.push(item.removal)
    else group.edits.push(item.placed)
  }
  return [...byRoot.values()]
}

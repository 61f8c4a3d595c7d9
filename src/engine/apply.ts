/**
 * Apply recorded removals to the original text.
 *
 * Like markdownlint's `fixInfo`: rules only find spans, this one function
 * splices them, so every byte outside the spans stays the author's.
 */
import type {Removal} from './removal.js'

/** An edit on text: replace `[start, end)` with `replacement`. */
export interface Edit {
  start: number
  end: number
  replacement?: string
}

/** Turn removals into edits. */
export function editsOf(removals: readonly Removal[]): Edit[] {
  return removals.map((removal) => {
    const edit: Edit = {start: removal.start.offset, end: removal.end.offset}
    if (removal.replacement !== undefined) edit.replacement = removal.replacement
    return edit
  })
}

/**
 * Apply edits to `text`. Edits are sorted by position; an edit that lies
 * inside an earlier one is dropped (the outer one already took its text). An
 * insertion (an empty span with a replacement) at the offset where another
 * edit starts goes first.
 * Partly overlapping edits are a bug in a rule and throw.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  // At one offset: an insertion first (it goes before what a removal there takes), then the longer span.
  const sorted = [...edits].sort((a, b) => a.start - b.start || Number(a.end > a.start) - Number(b.end > b.start) || b.end - a.end)
  let result = ''
  let cursor = 0
  for (const edit of sorted) {
    if (edit.start < cursor) {
      if (edit.end <= cursor) continue
      throw new RangeError(`overlapping edits at ${edit.start}–${edit.end} (previous ends at ${cursor})`)
    }
    result += text.slice(cursor, edit.start) + (edit.replacement ?? '')
    cursor = edit.end
  }
  return result + text.slice(cursor)
}

/** Apply removals to `text`. */
export function applyRemovals(text: string, removals: readonly Removal[]): string {
  return applyEdits(text, editsOf(removals))
}

/**
 * unsafe-html cuts: what the parts of the rule hand each other — a span the
 * sanitiser (or a Markdown URL check) drops, what kind of markup it is, and
 * how overlapping cuts merge. A cut becomes a removal only in report.ts.
 */
import type {Shape} from '../../engine/shape.js'
import type {Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'

export type Policy = RuleSet['unsafeHtml']

/**
 * How a removal relates to the markup: a whole element (or image, or
 * definition), one tag of an unwrapped element, an attribute (goes with the
 * white space before it), or link syntax (goes exactly).
 */
export type CutKind = 'whole' | 'tag' | 'attribute' | 'exact'

export interface Cut extends Span {
  reason: string
  kind: CutKind
  /**
   * Shared by the parts of one removal (an unwrapped element's opening and
   * closing tags, an unlinked link's `[` and `](url)`, the pieces of a cut
   * split around earlier removals): the first part's start.
   */
  group?: number | undefined
  /** Set for Markdown syntax (links, images, definitions); HTML cuts are `html`, markup inside a raw-text element `inline`. */
  shape?: Shape
  /** For a piece of a cut split around earlier removals: the whole cut (its shape is checked). */
  partOf?: Span
}

/** The shape of what a cut removes. */
export function shapeOf(cut: Cut): Shape {
  return cut.shape ?? (cut.kind === 'exact' ? 'inline' : 'html')
}

/** The smallest span holding both. */
function hull(a: Span, b: Span): Span {
  return {start: Math.min(a.start, b.start), end: Math.max(a.end, b.end)}
}

/** Sort and merge cuts; an outer cut keeps its reason, `whole` wins over other kinds. */
export function mergeCuts(cuts: readonly Cut[]): Cut[] {
  const sorted = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Cut[] = []
  for (const cut of sorted) {
    const last = merged[merged.length - 1]
    if (last && cut.start < last.end) {
      if (cut.end > last.end) last.end = cut.end
      if (cut.kind === 'whole') last.kind = 'whole'
      if (last.partOf || cut.partOf) last.partOf = hull(last.partOf ?? last, cut.partOf ?? cut)
      continue
    }
    merged.push({...cut})
  }
  return merged
}

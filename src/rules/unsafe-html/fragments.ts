/**
 * unsafe-html's fragments: sanitise an HTML fragment until nothing more goes
 * (after removing, parse again without the removed spans: unwrapping
 * `<select>` frees an `<img>` it had swallowed; `<<blink>script>` makes a
 * script), mapping what each round finds back to source offsets and around
 * what earlier rules removed. A fragment that holds no start tag and no
 * comment the rules drop is not parsed at all.
 */
import type {Root as HastRoot} from 'hast'
import {parseHtmlFragment, type HtmlFragment} from '../../core/html-tree.js'
import type {Span} from '../../engine/span.js'
import {mergeCuts, type Cut, type Policy} from './cut.js'
import {judgeTree} from './judge.js'
import {WHITE_SPACE} from './tags.js'

/** Rounds of sanitise → remove → parse again before a fragment is given up on (it goes whole). */
const MAX_ROUNDS = 4

interface Reparsed {
  root: HastRoot
  html: string
  /** Map an offset of `html` to the source; at a gap, a start maps past it, an end before it. */
  map(offset: number, side: 'start' | 'end'): number
}

/** Parse a fragment again with `gaps` (source spans, sorted, merged) taken out. */
function reparse(fragment: HtmlFragment, gaps: readonly Span[]): Reparsed {
  let html = ''
  let at = 0
  const moved: Array<{at: number; length: number}> = []
  for (const gap of gaps) {
    const start = Math.max(gap.start - fragment.start, at)
    const end = Math.min(gap.end - fragment.start, fragment.html.length)
    if (end <= start) continue
    html += fragment.html.slice(at, start)
    moved.push({at: html.length, length: end - start})
    at = end
  }
  html += fragment.html.slice(at)
  return {
    root: parseHtmlFragment(html, 0),
    html,
    map(offset, side) {
      let shift = 0
      for (const gap of moved) {
        if (gap.at > offset || (gap.at === offset && side === 'end')) break
        shift += gap.length
      }
      return fragment.start + offset + shift
    },
  }
}

function covered(spans: readonly Span[], cut: Span): boolean {
  return spans.some((span) => span.start <= cut.start && cut.end <= span.end)
}

/** Everything the sanitiser drops from a fragment, in source offsets; `earlier` are spans earlier rules removed from it. */
export function sanitiseFragment(fragment: HtmlFragment, policy: Policy, earlier: readonly Span[], after: string): Cut[] {
  const closedAfter = (tag: string) => new RegExp(`^\\s*</${tag}[\\s/>]`, 'i').test(after)
  let cuts: Cut[] = []
  let round: Reparsed =
    earlier.length === 0 ? {root: fragment.root, html: fragment.html, map: (offset) => offset} : reparse(fragment, earlier)
  let base = earlier.length === 0 ? fragment.start : 0
  for (let count = 0; count < MAX_ROUNDS; count++) {
    const found = judgeTree(round.root, round.html, base, policy, closedAfter).map((cut) => ({
      ...cut,
      start: round.map(cut.start, 'start'),
      end: round.map(cut.end, 'end'),
      group: cut.group === undefined ? undefined : round.map(cut.group, 'start'),
    }))
    const taken = [...earlier, ...cuts]
    const fresh = found.filter((cut) => cut.end > cut.start && !covered(taken, cut))
    if (fresh.length === 0) return cuts
    cuts = mergeCuts([...cuts, ...fresh])
    round = reparse(fragment, mergeCuts([...earlier.map((span) => ({...span, reason: '', kind: 'exact' as const})), ...cuts]))
    base = 0
  }
  return [{start: fragment.start, end: fragment.end, reason: 'HTML that does not settle when sanitised removed', kind: 'whole'}]
}

/** Whether the non-white-space text of a fragment lies wholly inside `spans`. */
export function coversFragment(fragment: HtmlFragment, spans: readonly Span[]): boolean {
  let at = 0
  for (const span of spans) {
    const start = span.start - fragment.start
    if (start > at && !WHITE_SPACE.test(fragment.html.slice(at, start))) return false
    at = Math.max(at, span.end - fragment.start)
  }
  return at >= fragment.html.length || WHITE_SPACE.test(fragment.html.slice(at))
}

/** `cut` without the parts earlier rules removed: pieces of one removal (they share a group), each naming the cut it is part of. */
export function outside(cut: Cut, earlier: readonly Span[]): Cut[] {
  const pieces: Cut[] = []
  const partOf = {start: cut.start, end: cut.end}
  let from = cut.start
  for (const span of earlier) {
    if (span.end <= from || span.start >= cut.end) continue
    if (span.start > from) pieces.push({...cut, start: from, end: span.start, partOf})
    from = Math.max(from, span.end)
  }
  if (from < cut.end) pieces.push(from === cut.start ? cut : {...cut, start: from, end: cut.end, partOf})
  if (pieces.length > 1 && cut.group === undefined) for (const piece of pieces) piece.group = pieces[0]!.start
  return pieces
}

const START_TAG = /<[a-z]/i
const COMMENT_ONLY = /^(?:\s*<!--(?:(?!--!?>)[^])*--!?>)*\s*$/
const MARKUP_DECLARATION = /<[!?]/

/**
 * Whether a fragment cannot hold anything the sanitiser drops, without
 * parsing it: no start tag, and either no comment-like markup or only
 * closed comments that the rules keep (`<!-- more -->`). End tags alone
 * carry nothing (a browser ignores attributes on them).
 */
export function isInert(html: string, policy: Policy): boolean {
  if (START_TAG.test(html)) return false
  if (!MARKUP_DECLARATION.test(html)) return true
  return policy.comments && COMMENT_ONLY.test(html)
}

/** Earlier removals (sorted spans) that overlap `[start, end)`. */
export function spansWithin(spans: readonly Span[], start: number, end: number): Span[] {
  return spans.filter((span) => span.end > start && span.start < end)
}

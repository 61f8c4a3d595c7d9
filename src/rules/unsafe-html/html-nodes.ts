/**
 * unsafe-html and Markdown's HTML nodes: Markdown and HTML split the source
 * differently, so a removal never takes part of an inline HTML node (the
 * `]]>` of a CDATA section, a comment's end) nor the end of an HTML block
 * that runs to a `-->` or `</pre>`: the markup they hid would come alive.
 */
import type {HtmlFragment} from '../../core/html-tree.js'
import type {Span} from '../../engine/span.js'
import {mergeCuts, type Cut} from './cut.js'

/**
 * Grow removals inside a paragraph's inline HTML to whole HTML nodes where
 * they take part of one: Markdown and HTML split `<![CDATA[ … ]]>` or a
 * comment differently, and removing the `]]>` that closed one would make the
 * markup it hid live. Attributes stay exact (they never take a node's end).
 */
export function wholeHtmlNodes(cuts: readonly Cut[], nodes: readonly Span[]): Cut[] {
  const grown = cuts.map((cut) => {
    if (cut.kind === 'attribute') return cut
    let {start, end} = cut
    for (const node of nodes) {
      if (node.end <= start || node.start >= end) continue
      if (node.start < start) start = node.start
      if (node.end > end) end = node.end
    }
    return start === cut.start && end === cut.end ? cut : {...cut, start, end, kind: 'whole' as const}
  })
  return mergeCuts(grown)
}

/** What ends an HTML block of CommonMark types 1–5 (a raw-text element, a comment, `<?…?>`, `<!…>`, CDATA). */
const BLOCK_ENDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\t >]|\r?\n|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]

function without(fragment: HtmlFragment, spans: readonly Span[]): string {
  let out = ''
  let at = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start - fragment.start, at)
    if (start > at) out += fragment.html.slice(at, start)
    at = Math.max(at, Math.min(span.end - fragment.start, fragment.html.length))
  }
  return out + fragment.html.slice(at)
}

/**
 * Whether an HTML block of types 1–5 keeps what ends it once `found` goes: a
 * block whose `]]>` or `</pre>` went would run on over the blocks after it.
 */
export function keepsBlockEnd(fragment: HtmlFragment, earlier: readonly Span[], found: readonly Span[]): boolean {
  const kind = BLOCK_ENDS.find(([start]) => start.test(fragment.html))
  if (!kind) return true
  const before = without(fragment, earlier)
  if (!kind[1].test(before)) return true
  const after = without(fragment, [...earlier, ...found])
  return after.trim() === '' || kind[1].test(after)
}

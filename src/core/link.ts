/**
 * Helpers shared by the rules that remove or unlink links (affiliate-link,
 * filter-list, unsafe-html): where a link's text ends, which node goes with a
 * link that goes whole, and how neighbouring whole removals merge and grow.
 */
import type {Link, LinkReference, Nodes, Parents} from 'mdast'
import type {Shape} from '../engine/shape.js'
import {blockSpan, inlineSpan, type Span} from '../engine/span.js'

/** Inline wrappers a link may be the only content of (`**[Buy](…)**`). */
export const INLINE_WRAPPERS: ReadonlySet<string> = new Set(['strong', 'emphasis', 'delete'])

/** Offset of the `]` that closes a link's text, or -1. */
export function closingBracket(text: string, node: Link | LinkReference, start: number): number {
  const last = node.children.at(-1)?.position?.end.offset
  if (last !== undefined && text.charCodeAt(last) === 93) return last
  // No children (or positions): scan for the matching bracket, minding escapes.
  let depth = 0
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 92) index++
    else if (code === 91) depth++
    else if (code === 93 && --depth === 0) return index
  }
  return -1
}

function isBlankText(node: Nodes): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

/**
 * The node to remove with a link (or image) that goes whole: climb through
 * `wrappers`, a paragraph and a list item it is the only content of.
 */
export function outermost(start: Nodes, ancestors: readonly Parents[], wrappers: ReadonlySet<string> = INLINE_WRAPPERS): Nodes {
  let node: Nodes = start
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const parent = ancestors[index]!
    if (!parent.children.every((child) => child === node || isBlankText(child as Nodes))) break
    if (wrappers.has(parent.type) || parent.type === 'paragraph') node = parent
    else if (parent.type === 'listItem' && node.type === 'paragraph') node = parent
    else break
    if (parent.type === 'listItem') break
  }
  return node
}

/** The shape of a node removed whole: a paragraph or list item is a block, anything else an inline span. */
export function wholeNodeShape(node: Nodes): Shape {
  return node.type === 'paragraph' || node.type === 'listItem' ? 'block' : 'inline'
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * Grow a span that goes whole: to its lines when it stands alone on them,
 * else over the spaces after it (and, at a line end, the spaces before it).
 */
export function wholeSpan(text: string, start: number, end: number): Span {
  const block = blockSpan(text, start, end)
  if (block.start !== start || block.end !== end) return block
  const span = inlineSpan(text, start, end)
  const next = text.charCodeAt(span.end)
  if (span.end === text.length || next === 10 || next === 13) {
    while (span.start > 0 && isSpaceOrTab(text.charCodeAt(span.start - 1))) span.start--
  }
  return span
}

function isGap(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isSpaceOrTab(text.charCodeAt(index))) return false
  return true
}

/** A find: a span, why, its shape, and whether it goes whole (grown by {@link settleFindings}) or exactly. */
export interface Finding extends Span {
  reason: string
  shape: Shape
  whole?: boolean
  /** Shared by the parts of one removal (an unlinked link's `[` and `](url)`): the first part's start. */
  group?: number
}

/**
 * Merge whole removals that only spaces separate (`[Buy Now](…) [View On
 * Amazon](…)` on one line, two banners) so the line goes as one, fold a whole
 * removal inside another into it, then grow each with {@link wholeSpan}.
 * Growing takes only white space, so a shape holds; a run merged from finds
 * of different shapes stands inside one line of one block: `inline`.
 */
export function settleFindings(text: string, findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end)
  const settled: Finding[] = []
  let run: Finding | undefined
  const flush = () => {
    if (run) settled.push({...wholeSpan(text, run.start, run.end), reason: run.reason, shape: run.shape})
    run = undefined
  }
  for (const finding of findings) {
    if (!finding.whole) {
      flush()
      settled.push(finding)
      continue
    }
    if (run && finding.start >= run.end && isGap(text, run.end, finding.start)) {
      run.end = Math.max(run.end, finding.end)
      if (!run.reason.includes(finding.reason)) run.reason += `; ${finding.reason}`
      if (run.shape !== finding.shape) run.shape = 'inline'
      continue
    }
    if (run && finding.start < run.end) {
      // Inside the run already (an image inside a removed wrapper).
      run.end = Math.max(run.end, finding.end)
      continue
    }
    flush()
    run = {...finding}
  }
  flush()
  return settled.sort((a, b) => a.start - b.start || b.end - a.end)
}

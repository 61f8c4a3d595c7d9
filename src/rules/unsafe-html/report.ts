/**
 * unsafe-html's report: turns cuts into tidy removals. An attribute goes
 * with the white space before it; whole elements and tags that only white
 * space separates go as one run, taking their lines when they stand alone
 * on them (and one blank line); link syntax goes exactly. What lies inside
 * a removed element is not reported again.
 */
import type {VFile} from 'vfile'
import {reportRemoval} from '../../engine/removal.js'
import type {Shape} from '../../engine/shape.js'
import {blockSpan, inlineSpan, type Span} from '../../engine/span.js'
import {mergeCuts, shapeOf, type Cut} from './cut.js'
import {SPACE, WHITE_SPACE} from './tags.js'

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * An attribute goes with the white space before it (`<a href="x"
 * onclick="y">` → `<a href="x">`) — unless a `/` follows it: `<pre
 * title="x"/>` keeps its space (`<pre />`), since `<pre/` would no longer
 * open the HTML block that holds the rest.
 */
function attributeSpan(text: string, cut: Cut): Span {
  let start = cut.start
  // `onclick=>`: the HTML parser places an empty value's attribute on its name; the `=` goes too.
  const end = cut.end + (EMPTY_VALUE.exec(text.slice(cut.end, cut.end + 64))?.[0].length ?? 0)
  if (text.charAt(end) === '/') return {start, end}
  while (start > 0 && SPACE.test(text.charAt(start - 1))) start--
  return {start, end}
}

/** An `=` with no value after an attribute name: only white space, then the tag's end. */
const EMPTY_VALUE = /^[\t\n\f\r ]*=(?=[\t\n\f\r ]*(?:>|$))/

/**
 * Spans for a run of whole elements and tags that only white space
 * separates: when the run stands on lines of its own, those lines go (and
 * one blank line), shared out between its members. Otherwise each member
 * that stands on lines of its own takes them; a whole element inside a line
 * takes the spaces after it (at the end of a line, those before it); a tag
 * inside a line goes exactly.
 */
function runSpans(text: string, run: readonly Cut[]): Span[] {
  const first = run[0]!
  const last = run[run.length - 1]!
  const block = blockSpan(text, first.start, last.end)
  if (block.start !== first.start || block.end !== last.end) {
    const starts = run.map((cut, index) => (index === 0 ? block.start : Math.max(run[index - 1]!.end, lineStart(text, cut.start))))
    return run.map((_, index) => ({start: starts[index]!, end: starts[index + 1] ?? block.end}))
  }
  let previousEnd = lineStart(text, first.start)
  return run.map((cut) => {
    const own = blockSpan(text, cut.start, cut.end)
    let span: Span = own
    if (own.start === cut.start && own.end === cut.end && cut.kind === 'whole') {
      span = inlineSpan(text, cut.start, cut.end)
      const next = text.charCodeAt(span.end)
      if (span.end === text.length || next === 10 || next === 13) {
        while (span.start > previousEnd && (text.charCodeAt(span.start - 1) === 32 || text.charCodeAt(span.start - 1) === 9)) span.start--
      }
    }
    span = {start: Math.max(span.start, previousEnd), end: span.end}
    previousEnd = span.end
    return span
  })
}

/** Report `cuts` as removals of `ruleId`: merged, grown to tidy spans, in source order. */
export function reportCuts(file: VFile, ruleId: string, text: string, cuts: readonly Cut[]): void {
  const blocks = mergeCuts(cuts.filter((cut) => cut.kind === 'whole' || cut.kind === 'tag'))
  const inBlock = (cut: Cut) => blocks.some((block) => block.start <= cut.start && cut.end <= block.end)
  const findings: Array<{span: Span; reason: string; shape: Shape; group?: number | undefined; partOf?: Span | undefined}> = []
  for (const cut of cuts) {
    const about = {reason: cut.reason, shape: shapeOf(cut), group: cut.group, partOf: cut.partOf}
    if (cut.kind === 'attribute' && !inBlock(cut)) findings.push({span: attributeSpan(text, cut), ...about})
    else if (cut.kind === 'exact' && !inBlock(cut)) findings.push({span: cut, ...about})
  }
  let run: Cut[] = []
  const flush = () => {
    if (run.length === 0) return
    const spans = runSpans(text, run)
    run.forEach((cut, index) =>
      findings.push({span: spans[index]!, reason: cut.reason, shape: shapeOf(cut), group: cut.group, partOf: cut.partOf}),
    )
    run = []
  }
  for (const cut of blocks) {
    const previous = run[run.length - 1]
    if (previous && !WHITE_SPACE.test(text.slice(previous.end, cut.start))) flush()
    run.push(cut)
  }
  flush()
  findings.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  for (const {span, reason, shape, group, partOf} of findings) {
    reportRemoval(file, {
      ruleId,
      reason,
      shape,
      start: span.start,
      end: span.end,
      ...(group === undefined ? {} : {group}),
      ...(partOf ? {partOf} : {}),
    })
  }
}

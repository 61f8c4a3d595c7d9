/**
 * Scoring a cleaned page against its gold labels (scripts/lib/pages.js), for
 * `npm run eval` and tests/eval.test.ts.
 *
 * What was removed is read from the record's removal spans (offsets into the
 * input; decruft splices exactly those spans, so they are what left the
 * text), intersected with the labelled segments: junk chars removed, content
 * chars removed. A second, record-independent view checks the output text:
 * a content block whose text no longer appears in the output is "lost".
 */

/** @typedef {import('./pages.js').Segment} Segment */
/** @typedef {{start: number, end: number, rule: string}} Span */
/**
 * @typedef {object} PageScore
 * @property {Record<string, {chars: number, removed: number}>} kinds Per segment kind (`junk:menu`, `content:paragraph` …).
 * @property {number} junkChars
 * @property {number} junkRemoved
 * @property {number} contentChars
 * @property {number} contentRemoved
 * @property {string[]} lostBlocks Content blocks missing from the output (first 60 chars).
 * @property {string[]} rulesOutsideFrontmatter Rules that removed something outside the frontmatter.
 */

/**
 * The removal spans of a record (replacements inside the frontmatter are spans too; they only overlap the frontmatter segment).
 *
 * @param {ReadonlyArray<{rule: string, start: {offset: number}, end: {offset: number}}>} removals
 * @returns {Span[]}
 */
export function spansOf(removals) {
  return removals.map((removal) => ({start: removal.start.offset, end: removal.end.offset, rule: removal.rule}))
}

/**
 * Characters of [start, end) covered by the spans (overlapping spans counted once).
 *
 * @param {number} start
 * @param {number} end
 * @param {readonly Span[]} spans Sorted by start.
 */
function covered(start, end, spans) {
  let total = 0
  let reach = start
  for (const span of spans) {
    if (span.end <= reach) continue
    if (span.start >= end) break
    const from = Math.max(reach, span.start)
    const to = Math.min(end, span.end)
    if (to > from) {
      total += to - from
      reach = to
    }
  }
  return total
}

/**
 * Score one page.
 *
 * @param {string} input
 * @param {readonly Segment[]} segments
 * @param {readonly Span[]} spans
 * @param {string} output
 * @returns {PageScore}
 */
export function scorePage(input, segments, spans, output) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end)
  /** @type {PageScore} */
  const score = {kinds: {}, junkChars: 0, junkRemoved: 0, contentChars: 0, contentRemoved: 0, lostBlocks: [], rulesOutsideFrontmatter: []}
  const frontmatterEnd = segments.find((segment) => segment.kind === 'frontmatter')?.end ?? 0
  score.rulesOutsideFrontmatter = [...new Set(sorted.filter((span) => span.end > frontmatterEnd + 1).map((span) => span.rule))].sort()
  const outputLines = new Set(output.split('\n').map((line) => line.trim()))
  for (const segment of segments) {
    if (segment.kind === 'frontmatter') continue
    const chars = segment.end - segment.start
    const removed = covered(segment.start, segment.end, sorted)
    const entry = (score.kinds[segment.kind] ??= {chars: 0, removed: 0})
    entry.chars += chars
    entry.removed += removed
    if (segment.junk) {
      score.junkChars += chars
      score.junkRemoved += removed
    } else {
      score.contentChars += chars
      score.contentRemoved += removed
      const lines = input.slice(segment.start, segment.end).split('\n')
      if (lines.some((line) => line.trim() !== '' && !outputLines.has(line.trim()))) {
        score.lostBlocks.push(input.slice(segment.start, segment.end).slice(0, 60))
      }
    }
  }
  return score
}

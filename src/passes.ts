/**
 * Find every removal in a document, re-parsing only when a removal changed
 * how the rest parses.
 *
 * Raw HTML in Markdown swallows what is glued to it: a line right after an ad
 * region (`<!-- ads end -->` then `## Heading` on the next line) belongs to
 * the region's HTML block, so the rules cannot see it as Markdown. Once the
 * region is gone, it is Markdown again — and may hold spam of its own. Cleaning
 * in one pass would then not be idempotent (a second run would find more).
 *
 * So: one pass finds removals on the original; if a removal that held HTML
 * leaves its junction at the start of a non-blank line (the only way removing
 * HTML can change block structure), the pure removals are applied, the
 * result is parsed again and the rules run on it, and what they find is mapped
 * back to the original's offsets (split around earlier removals, so every
 * recorded text is exact; the pieces of one are parts of one removal, see
 * engine/group.ts). Most articles need one pass; a glued one, two.
 * Each pass's removals are repaired (src/engine/repair.ts) with that pass's
 * tree before they count, so what follows sees them as they will be applied.
 */
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {NO_DEADLINE, type Deadline} from './engine/deadline.js'
import {EditMap} from './engine/edit-map.js'
import {settleGroups} from './engine/group.js'
import {anyBetween, lineStartAt, offsetsOf} from './engine/offsets.js'
import {keepEntriesFor, keepRemovals, type KeptSpan, type OverriddenKeep} from './engine/keep.js'
import {isRemovalMessage, removalsOf, reportWarning, type Point, type Removal} from './engine/removal.js'
import {pointsOf} from './engine/points.js'
import {repairRemovals} from './engine/repair.js'
import {repairKeepsShape, setShapeCheckMode, type ShapeCheckMode} from './engine/shape-check.js'
import type {Shape} from './engine/shape.js'
import {findDirectives, setInertDirectives} from './engine/suppression.js'
import {allRules, createParser, inlineProtected, ruleIds, runRules} from './pipeline.js'
import type {RuleSet} from './ruleset/compile.js'
import type {RunOptions} from './ruleset/run-options.js'
import {warnOverriddenDirectives} from './suppression-warnings.js'

/**
 * Rules whose removals `keep` entries never keep (engine/keep.ts): the
 * `safety` group (scraped content decides nothing about safety) and the
 * frontmatter rewrites (the record's `frontmatter` and `changes` would not
 * match the text).
 */
const UNKEEPABLE: ReadonlySet<string> = new Set([...inlineProtected.ruleIds, 'frontmatter'])

/** At most this many passes (the first included). */
const MAX_PASSES = 4
/** Rules that rewrite rather than remove run in the first pass only. */
const FIRST_PASS_ONLY = 'frontmatter'

export interface Passes {
  /** Every removal, in the body's offsets, sorted. */
  removals: Removal[]
  /** The tree of the last pass, and its removals in its own offsets. */
  tree: Root
  treeRemovals: Removal[]
  /** Map an offset of the last pass's text to the body's. */
  toBody(offset: number): number
  /** Warnings of every pass (mapped to the body), and the first pass's file (for its data). */
  warnings: VFileMessage[]
  file: VFile
  /** The parts `keep` entries kept (not made), in the body's offsets, sorted (see engine/keep.ts). */
  kept: KeptSpan[]
}

const parser = createParser()

const declaredShapes = new Map<string, readonly Shape[]>(allRules.map((rule) => [rule.meta.id, rule.meta.shapes]))
const shapesOf = (ruleId: string) => declaredShapes.get(ruleId)

const ENDS_WITH_BLANK_LINE = /\n[ \t]*\r?\n$/
/** What may stand before a block on its line: block quote and list markers. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*$/
/** A line that opens a block at a block's start but is text inside a paragraph: a link definition, an HTML block (type 7). */
const OPENS_BLOCK_AT_START = /^(?:[ \t]*>)*[ \t]{0,3}[[<]/
const MARKER_LINE = /^[ \t]*<!--([\s\S]*?)-->[ \t]*\r?$/

/**
 * The text to parse: `body` with each ad-region end marker that is glued to
 * the next line blanked out (spaces, same length, so every offset stays).
 * The blank line ends the region's HTML block where the marker is, so what
 * follows parses as the Markdown it will be once the region is gone — in the
 * common case (a blank line before the region) no second parse is needed.
 * Returns the offsets just past each blanked line, too.
 */
function maskGluedEndMarkers(body: string, rules: RuleSet, disabled: ReadonlySet<string>): {text: string; masked: Set<number>} {
  const masked = new Set<number>()
  if (disabled.has('ad-block') || rules.adBlock.markers.length === 0 || !body.includes('<!--')) return {text: body, masked}
  // Pieces joined once at the end: re-slicing the whole text per marker was quadratic in large documents.
  const pieces: string[] = []
  let copied = 0
  for (let start = 0; start < body.length; ) {
    const lineEnd = body.indexOf('\n', start)
    const end = lineEnd === -1 ? body.length : lineEnd
    const line = body.slice(start, end)
    const marker = line.includes('<!--') ? MARKER_LINE.exec(line) : null
    if (marker && lineEnd !== -1 && !isBlankLine(body, lineEnd + 1) && rules.adBlock.markers.some((m) => m.end.test(marker[1]!))) {
      pieces.push(body.slice(copied, start), line.replace(/[^\r]/g, ' '))
      copied = end
      masked.add(lineEnd + 1)
    }
    start = end + 1
  }
  if (pieces.length === 0) return {text: body, masked}
  pieces.push(body.slice(copied))
  return {text: pieces.join(''), masked}
}

/**
 * Whether removing these spans may have changed how the rest of the text
 * parses: a removed span held HTML, and what followed it was glued to it (no
 * blank line between), so it was part of the HTML block and is Markdown now.
 */
export function changesStructure(text: string, removals: readonly Removal[], masked: ReadonlySet<number> = new Set()): boolean {
  // Found once, on first use: many removals on one long line must not each scan the line back to its start.
  let lineFeedOffsets: number[] | undefined
  let angleOffsets: number[] | undefined
  const lineFeeds = () => (lineFeedOffsets ??= offsetsOf(text, '\n'))
  const angles = () => (angleOffsets ??= offsetsOf(text, '<'))
  for (let index = 0; index < removals.length; index++) {
    const removal = removals[index]!
    if (removal.replacement !== undefined) continue
    // Whole blocks gone from between two lists: the lists become one (CommonMark
    // joins list items a blank line apart), which may make a farm of two halves.
    // Removals with only blank lines between them (an ad region, then an ad unit) go as one.
    // Only a removal from a line's start can take whole blocks (checked first: most are inline).
    if (removal.start.offset === 0 || text.charCodeAt(removal.start.offset - 1) === 10) {
      let through = index
      while (
        removals[through + 1] &&
        removals[through + 1]!.replacement === undefined &&
        isBlankBetween(text, removals[through]!.end.offset, removals[through + 1]!.start.offset)
      ) {
        through++
      }
      const end = removals[through]!.end.offset
      if (joinsLists(text, removal.start.offset, end)) return true
      // Whole blocks that a rule after link-farm took, with links right below.
      if (AFTER_LINK_FARM.has(removal.ruleId)) {
        const below = lineBelow(text, removal.start.offset, end)
        if (below !== -1 && LINK_LINE.test(text.slice(below, below + 24))) return true
      }
    }
    // A comment left open hid what followed it from every rule (an "Also
    // read:" list commented out); once it goes, that content is seen.
    if (removal.text.startsWith('<!--') && !removal.text.trimEnd().endsWith('-->')) return true
    const headStart = lineStartAt(lineFeeds(), removal.start.offset)
    const lineHead = text.slice(headStart, removal.start.offset)
    if (!removal.text.includes('<')) {
      // Whole Markdown lines at the start of a block: the line glued below now
      // starts that block, where `[x]: url` is a link definition and `<tag>`
      // an HTML block (in the middle of a paragraph, both are plain text).
      if (!removal.text.endsWith('\n') || !CONTAINER_MARKERS.test(lineHead)) continue
      const startsBlock =
        lineHead.trim() !== '' || removal.start.offset === 0 || isBlankLine(text, lineStartOf(text, removal.start.offset - 1))
      if (startsBlock && OPENS_BLOCK_AT_START.test(text.slice(removal.end.offset, removal.end.offset + 80))) return true
      continue
    }
    // Removals that follow on without a gap (two stacked ad units) act as one.
    let last = removal
    while (removals[index + 1]?.start.offset === last.end.offset && removals[index + 1]!.replacement === undefined) {
      last = removals[++index]!
    }
    // It ended its line: markup before it on that line may now stand alone
    // (a tag alone on its line opens an HTML block).
    if (anyBetween(angles(), headStart, removal.start.offset) && isBlankLine(text, last.end.offset)) return true
    if (ENDS_WITH_BLANK_LINE.test(last.text) || last.end.offset >= text.length) continue
    // Its end marker was blanked for the parse, and a blank line came before
    // it: what follows was parsed just as it will stand in the output.
    if (masked.has(last.end.offset) && (removal.start.offset === 0 || isBlankLine(text, lineStartOf(text, removal.start.offset - 1))))
      continue
    // What follows is on the span's own line or glued on the next one.
    if (!isBlankLine(text, last.end.offset) || !isBlankLine(text, nextLineStart(text, last.end.offset))) return true
  }
  return false
}

/** A line that starts with a link, after a list marker (`marker` '') or with or without one (`'?'`). */
function linkLine(marker: '' | '?'): RegExp {
  return new RegExp(`^[ \\t]{0,3}(?:>[ \\t]?)*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+)${marker}[*_]{0,3}(?:\\[|<a[ \\t\\r\\n])`, 'i')
}

/** A line indented under a list item (its continuation). */
const CONTINUATION_LINE = /^(?:[ \t]{2,}|\t)\S/

/**
 * A line that starts a list item holding a link first (after up to 3 spaces
 * and any `>` markers; the link may be emphasised): the lists whose joining
 * can change what a rule finds are lists of links.
 */
const LINK_ITEM_LINE = linkLine('')

/**
 * Whether `[start, end)` takes whole lines from between a list of links and
 * an item of links: the last non-blank line above it is in such a list (an
 * item line, or an indented line under one) and the first non-blank line
 * below starts such an item.
 */
function joinsLists(text: string, start: number, end: number): boolean {
  const below = lineBelow(text, start, end)
  if (below === -1 || !LINK_ITEM_LINE.test(text.slice(below, below + 24))) return false
  let above = lineStartOf(text, start - 1)
  while (above > 0 && isBlankLine(text, above)) above = lineStartOf(text, above - 1)
  if (start === 0 || isBlankLine(text, above)) return false
  // An item line, or a line indented under one (its continuation).
  for (let line = above; ; line = lineStartOf(text, line - 1)) {
    const head = text.slice(line, line + 24)
    if (LINK_ITEM_LINE.test(head)) return true
    if (!CONTINUATION_LINE.test(head) || line === 0) return false
  }
}

/**
 * When `[start, end)` is whole lines: the start of the first non-blank line
 * after it; otherwise, or when only blank lines follow, -1.
 */
function lineBelow(text: string, start: number, end: number): number {
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return -1
  if (end < text.length && text.charCodeAt(end - 1) !== 10 && !isBlankLine(text, end)) return -1
  let below = end === 0 || text.charCodeAt(end - 1) === 10 ? end : nextLineStart(text, end)
  while (below < text.length && isBlankLine(text, below)) {
    const lineEnd = text.indexOf('\n', below)
    below = lineEnd === -1 ? text.length : lineEnd + 1
  }
  return below < text.length ? below : -1
}

/** A line that starts with a link, in a list item or not (the link may be emphasised). */
const LINK_LINE = linkLine('?')

/**
 * Rules that run after link-farm. What they remove whole (a paragraph pasted
 * twice, a call to action) may have stood between a label and its links,
 * which link-farm, having run before, saw apart.
 */
const AFTER_LINK_FARM: ReadonlySet<string> = new Set(ruleIds.slice(ruleIds.indexOf('link-farm') + 1))

/** Whether `text` holds only white space from `start` to `end`. */
function isBlankBetween(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false
  }
  return true
}

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text.charCodeAt(offset - 1) === 10) return offset
  const lineEnd = text.indexOf('\n', offset)
  return lineEnd === -1 ? text.length : lineEnd + 1
}

/** Whether the text from `offset` to the end of its line is white space. */
function isBlankLine(text: string, offset: number): boolean {
  const lineEnd = text.indexOf('\n', offset)
  return text.slice(offset, lineEnd === -1 ? text.length : lineEnd).trim() === ''
}

/** At most this many extra runs to settle which suppression comments are inert. */
const MAX_DIRECTIVE_ROUNDS = 4

/**
 * Run the rules over `body` until the text's structure stops changing.
 * `shapeCheck` says what a removal that breaks its shape does in every pass
 * (see engine/shape-check.ts; the environment's mode when omitted). The
 * `deadline` is checked after each parse and before each rule.
 *
 * A suppression comment inside a span another removal takes is gone from
 * the output, so it must act on nothing now either (or a second clean would
 * do what this one did not): the rules run with every comment in force, the
 * comments a removal overlaps are made inert, and the rules run again, until
 * no more go (they only ever go, so this ends; a run adds nothing when no
 * comment lies in a removal, the usual case, and none at all without
 * comments). A comment that keeps the removal that would take it stays in
 * force: that removal is never made.
 */
export function findRemovalsInPasses(
  body: string,
  path: string,
  rules: RuleSet,
  disabled: ReadonlySet<string>,
  shapeCheck?: ShapeCheckMode,
  deadline: Deadline = NO_DEADLINE,
  run: RunOptions = {},
): Passes {
  const directives = findDirectives(body)
  const inert = new Set<number>()
  for (let round = 0; ; round++) {
    const passes = findRemovalsWith(body, path, rules, disabled, shapeCheck, (start) => inert.has(start), deadline, run)
    const taken = directives.filter((directive) => !inert.has(directive.start) && overlapsRemoval(passes.removals, directive))
    if (taken.length === 0 || round === MAX_DIRECTIVE_ROUNDS) return passes
    for (const directive of taken) inert.add(directive.start)
  }
}

/** Whether a removal (sorted by start) overlaps `[span.start, span.end)`. */
function overlapsRemoval(removals: readonly Removal[], span: {start: number; end: number}): boolean {
  return removals.some((removal) => removal.start.offset < span.end && span.start < removal.end.offset)
}

/** {@link findRemovalsInPasses} with the suppression comments that start where `isInert` says made inert. */
function findRemovalsWith(
  body: string,
  path: string,
  rules: RuleSet,
  disabled: ReadonlySet<string>,
  shapeCheck: ShapeCheckMode | undefined,
  isInert: (start: number) => boolean,
  deadline: Deadline,
  run: RunOptions,
): Passes {
  const first = new VFile({value: body, path})
  setShapeCheckMode(first, shapeCheck)
  setInertDirectives(first, isInert)
  const {text: parsed, masked} = maskGluedEndMarkers(body, rules, disabled)
  let tree = parser.parse(parsed)
  runRules(tree, first, rules, disabled, deadline, run)
  warnOverriddenDirectives(first)
  // Masked end markers lie inside removals, so the body's text serves the repair as well as the parsed one.
  // A repaired first part may start earlier: its group takes its new start.
  // The user's `keep` entries for this article: what they match is not made (engine/keep.ts).
  const keepEntries = keepEntriesFor(rules.keep, path)
  const warnedKeeps = new Set<string>()
  const firstFound = settleGroups(repairRemovals(body, tree, removalsOf(first), repairKeepsShape(first, tree, shapesOf)))
  const firstKept = keepRemovals(body, firstFound, keepEntries, UNKEEPABLE)
  const all = firstKept.made
  const kept = firstKept.kept
  let treeRemovals = all
  let toBody = (offset: number) => offset
  const warnings = first.messages.filter((message) => !isRemovalMessage(message))
  const seenWarnings = new Set(warnings.map((message) => `${message.line}:${message.column}:${message.reason}`))
  warnings.push(...warnOverriddenKeeps(first, firstKept.overridden, warnedKeeps))
  let passText = body
  const later = new Set([...disabled, FIRST_PASS_ONLY])
  const point = pointsOf(body)
  for (let pass = 1; pass < MAX_PASSES && changesStructure(passText, treeRemovals, pass === 1 ? masked : undefined); pass++) {
    const pure = all.filter((removal) => removal.replacement === undefined)
    // The text this pass reads, and its offsets mapped back to the body: at a gap, a start maps past it, an end before it.
    const edited = new EditMap(
      body,
      pure.map((removal) => ({start: removal.start.offset, end: removal.end.offset, replacement: ''})),
    )
    const gaps = edited.edits
    const map = (offset: number, side: 'start' | 'end') => edited.toOriginal(offset, side)
    passText = edited.text
    const file = new VFile({value: passText, path})
    setShapeCheckMode(file, shapeCheck)
    setInertDirectives(file, (start) => isInert(map(start, 'start')))
    deadline.check()
    tree = parser.parse(file)
    runRules(tree, file, rules, later, deadline, run)
    warnOverriddenDirectives(file)
    treeRemovals = repairRemovals(passText, tree, removalsOf(file), repairKeepsShape(file, tree, shapesOf))
    toBody = (offset) => map(offset, 'start')
    for (const message of file.messages) {
      if (isRemovalMessage(message)) continue
      const start = point(map((message.place as {start: Point}).start.offset, 'start'))
      const key = `${start.line}:${start.column}:${message.reason}`
      if (seenWarnings.has(key)) continue
      seenWarnings.add(key)
      message.place = {start, end: start}
      message.line = start.line
      message.column = start.column
      warnings.push(message)
    }
    const found: Removal[] = []
    const foundIn = new Map<Removal, Removal>()
    for (const removal of treeRemovals) {
      // Split the mapped span around earlier removals, so each piece's text is exact;
      // the pieces are parts of one removal (as the parts of a removal found in this pass are).
      let from = map(removal.start.offset, 'start')
      const to = map(removal.end.offset, 'end')
      const pieces: Removal[] = []
      for (const gap of gaps) {
        if (gap.end <= from || gap.start >= to) continue
        if (gap.start > from) pieces.push({...removal, start: point(from), end: point(gap.start), text: body.slice(from, gap.start)})
        from = gap.end
      }
      if (to > from) pieces.push({...removal, start: point(from), end: point(to), text: body.slice(from, to)})
      const group = removal.group === undefined ? (pieces.length > 1 ? pieces[0]!.start.offset : undefined) : map(removal.group, 'start')
      for (const piece of pieces) {
        if (group === undefined) delete piece.group
        else piece.group = group
        foundIn.set(piece, removal)
      }
      found.push(...pieces)
    }
    const passKept = keepRemovals(body, found, keepEntries, UNKEEPABLE)
    warnings.push(...warnOverriddenKeeps(first, passKept.overridden, warnedKeeps))
    if (passKept.kept.length > 0) {
      const made = new Set(passKept.made.map((piece) => foundIn.get(piece)))
      treeRemovals = treeRemovals.filter((removal) => made.has(removal))
      kept.push(...passKept.kept)
    }
    all.push(...passKept.made)
    all.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
    settleGroups(all)
    if (treeRemovals.length === 0) break
  }
  return {removals: all, tree, treeRemovals, toBody, warnings, file: first, kept: uniqueSpans(kept)}
}

/** Kept spans sorted, each once (a later pass finds again what an earlier one kept). */
function uniqueSpans(kept: KeptSpan[]): KeptSpan[] {
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
  return kept.filter((span, index) => {
    const before = kept[index - 1]
    return !before || before.start !== span.start || before.end !== span.end || before.rule !== span.rule
  })
}

/**
 * A warning (rule id `keep`) for each `keep` entry, once per article, that
 * matched a removal it may not keep ({@link UNKEEPABLE}), placed at that
 * removal.
 */
function warnOverriddenKeeps(file: VFile, overridden: readonly OverriddenKeep[], warned: Set<string>): VFileMessage[] {
  const messages: VFileMessage[] = []
  for (const {entry, removal} of overridden) {
    if (warned.has(entry.id)) continue
    warned.add(entry.id)
    const why = removal.ruleId === 'frontmatter' ? 'a frontmatter rewrite; set the frontmatter options, or' : 'safety;'
    reportWarning(file, {
      ruleId: 'keep',
      reason: `keep entry \`${entry.id}\` matches a \`${removal.ruleId}\` removal, which keep entries cannot keep (${why} switch the rule off with \`--disable ${removal.ruleId}\`): it is made`,
      start: removal.start.offset,
      end: removal.end.offset,
    })
    messages.push(file.messages[file.messages.length - 1]!)
  }
  return messages
}

/**
 * Repair around removals: after the rules have found their spans, widen or
 * adjust them so that the Markdown around each one parses as it did, minus
 * what was removed.
 *
 * Rules stay finders; this is the one place that knows how a removal can
 * break its surroundings (CommonMark's own rules, checked locally with the
 * already-parsed tree and the source — nothing is parsed again):
 *
 * - Inline: an emphasis, strikethrough or link whose content removals
 *   emptied goes whole (`**<NA>**` → nothing, not `****`), and so does the
 *   one around it that is then empty; white space a removal would leave
 *   against a `*`/`_`/`~` run goes (`**Download [](…)**` → `**Download**`);
 *   a removal that took one run of an emphasis takes the other.
 * - A block's start: the white space after a removal goes (it does not
 *   render there; four spaces would make code), and so does a `-`, `+`, `*`,
 *   `#`, `>`, fence or thematic break it would leave there; a removal right
 *   after `1)` or `-` takes the white space that would make it a marker.
 * - A paragraph's later line: a removal that would leave it blank
 *   (splitting the paragraph) or starting with a block marker (`- `, `# `,
 *   `> `, `1. `, a setext underline) takes the line break before it: the
 *   line joins the previous one (the same rendering, words aside that only
 *   the line break parted). A removal that ends a line takes the spaces
 *   before it when they would make a hard line break.
 * - Blocks: a setext heading or a list's first item (right below a
 *   paragraph) that removals emptied goes whole (alone, `---` is a rule and
 *   `-` an underline); lines removed from between a paragraph (or table, or
 *   quote) and a line that would join it keep one line break, so a blank
 *   line still parts them; a line removals leave blank where no blank line
 *   may stand (inside an HTML block, after an item's empty first line) goes
 *   whole; a removal after a list marker that takes its line breaks gives
 *   them back when the next line starts a block of its own.
 *
 * Every adjusted removal stays one exact span of the input (so re-inserting
 * removed texts still gives the input back); an inline one only grows within
 * its paragraph, never across a blank line. What was done is recorded in
 * the removal's `adjusted`.
 *
 * The module is in four: this one (inline repairs, a paragraph's lines, the
 * entry point), repair-blocks.ts (between blocks), repair-markers.ts (what a
 * line's start means), repair-pieces.ts (the spans and the kept text).
 *
 * Not repaired (a pure removal cannot): an ordered-list number or an HTML
 * tag left at a block's start (`[](…)2020. was a year`); two delimiter runs
 * a removal leaves touching or with only white space between them
 * (`**a**<x>*b*`, `**<x> *a* b**`); a line that cannot join the one before
 * without gluing a `*`/`_`/`~` run ending it to what follows (`**a**` then
 * `<x>* b`, `**.**` then `<x>1. b`); two lists a removed block stood
 * between (CommonMark joins them).
 */
import type {Nodes, Parents, Root} from 'mdast'
import {pointsOf} from './points.js'
import type {Removal} from './removal.js'
import type {Span} from './span.js'
import {repairBlockJunctions, repairEmptyFirstItem} from './repair-blocks.js'
import {
  blockMadeBy,
  interruptsParagraph,
  isMarkerCharacter,
  LIST_MARKER,
  MARKER_WITHOUT_SPACE,
  PUNCTUATION_MARKER,
  SETEXT_UNDERLINE,
} from './repair-markers.js'
import {
  endOf,
  GT,
  isPrefixOnly,
  isSpaceOrTab,
  isWhiteSpace,
  keptBreakBefore,
  keptLineEnd,
  keptText,
  keptTextIf,
  LF,
  Pieces,
  previousBreak,
  SPACE,
  sourceEnd,
  startOf,
  type Piece,
} from './repair-pieces.js'

const NUMBER_SIGN = 35

/** Inline containers that a removal can empty, by mdast type, as named in a note. */
const CONTAINER_NAMES: Readonly<Record<string, string>> = {
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  link: 'link',
  linkReference: 'link',
}

const DELIMITER_CHAR = /[*_~]/

/** Containers delimited by `*`, `_` or `~` runs, which must touch non-space characters. */
const DELIMITED: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete'])

/**
 * An inline container (emphasis, strong, strikethrough, link): if removals
 * emptied it, it goes whole; if they left white space against one of its
 * `*`/`_`/`~` runs, that white space goes.
 */
function repairContainer(node: Parents, pieces: Pieces): void {
  const name = CONTAINER_NAMES[node.type]
  const start = startOf(node as Nodes)
  const end = endOf(node as Nodes)
  const first = node.children[0]
  const last = node.children.at(-1)
  if (name === undefined || start === undefined || end === undefined || !first || !last) return
  const contentStart = startOf(first as Nodes)
  const contentEnd = endOf(last as Nodes)
  if (contentStart === undefined || contentEnd === undefined || !pieces.overlaps(contentStart, contentEnd)) return
  // One removal holds it whole (a button its rule took): that removal's own span stands.
  const holder = pieces.at(start)
  if (holder && holder.end >= end) return
  if (pieces.keptIsBlank(contentStart, contentEnd)) {
    const note = `widened to the ${name} it emptied`
    pieces.take(start, end, note)
    // Between two spaces, it takes those after it (one space stays between the words).
    const {text} = pieces
    const lineEnd = pieces.lineContentEnd(end)
    const after = pieces.skipForward(end, lineEnd, false)
    let before = start
    while (before > 0 && pieces.at(before - 1)) before = pieces.at(before - 1)!.start
    if (before > 0 && isSpaceOrTab(text.charCodeAt(before - 1)) && after > end && after < lineEnd) pieces.take(end, after, note)
    return
  }
  if (!DELIMITED.has(node.type)) return
  // A removal that took one of its runs (a `<script>` that runs to the paragraph's end takes a
  // closing `*`) takes the other: alone, it would show as a literal `*`.
  const openerTaken = pieces.overlaps(start, contentStart)
  const closerTaken = pieces.overlaps(contentEnd, end)
  if (openerTaken !== closerTaken) {
    const note = `took the ${openerTaken ? 'closing' : 'opening'} \`${delimiterOf(pieces.text, start)}\` of the ${name} it took the other run of`
    if (openerTaken) pieces.take(contentEnd, end, note)
    else pieces.take(start, contentStart, note)
    return
  }
  if (openerTaken) return
  // The opening run must be followed, the closing run preceded, by a non-space character.
  // Not when another delimiter run stands beyond the white space (`**<x> *a* b**`): touching, the two
  // runs would be read as one run (and `***` counts in threes).
  const delimiter = delimiterOf(pieces.text, start)
  if (pieces.at(contentStart)) {
    const kept = pieces.skipForward(contentStart, contentEnd, true)
    if (!DELIMITER_CHAR.test(pieces.text.charAt(kept))) {
      pieces.take(contentStart, kept, `widened over the white space it left after the opening \`${delimiter}\``)
    }
  }
  if (pieces.at(contentEnd - 1)) {
    const kept = pieces.skipBackward(contentEnd, contentStart)
    if (!DELIMITER_CHAR.test(pieces.text.charAt(kept - 1))) {
      pieces.take(kept, contentEnd, `widened over the white space it left before the closing \`${delimiter}\``)
    }
  }
}

/** The delimiter run at `offset` (`**`, `_`, `~~`), for a note. */
function delimiterOf(text: string, offset: number): string {
  const char = text.charAt(offset)
  let end = offset
  while (text.charAt(end) === char && end - offset < 3) end++
  return text.slice(offset, end)
}

/** Visit the inline containers of `node`, innermost first (so an emptied one makes its parent empty in turn). */
function repairContainers(node: Parents, pieces: Pieces): void {
  for (const child of node.children) {
    const start = startOf(child as Nodes)
    const end = endOf(child as Nodes)
    if (!('children' in child) || (start !== undefined && end !== undefined && !pieces.overlaps(start, end))) continue
    repairContainers(child as Parents, pieces)
    if (CONTAINER_NAMES[child.type] !== undefined) repairContainer(child as Parents, pieces)
  }
}

/**
 * The lines of a paragraph (or setext heading's text): what a removal leaves
 * at a line's start and end must not change the block structure.
 */
function repairLines(block: Nodes, inContainer: boolean, pieces: Pieces): void {
  const blockStart = startOf(block)
  const blockEnd = endOf(block)
  if (blockStart === undefined || blockEnd === undefined) return
  const {text} = pieces
  // The last line of a setext heading is its underline: its text ends on the line before.
  const textEnd = block.type === 'heading' ? previousBreak(text, pieces.lineStart(blockEnd)) : blockEnd
  // Last line first: a line that joins the one above makes that one longer, which may decide what it
  // needs; and again while anything changed (a first line that all went makes the next one the first).
  for (let round = 0; round < 3; round++) {
    const changes = pieces.changes
    if (textEnd < blockEnd && pieces.keptIsBlank(blockStart, textEnd)) break
    repairLinesOnce(blockStart, textEnd, blockEnd, inContainer, pieces)
    if (pieces.changes === changes) break
  }
  // A setext heading whose text all went takes its underline: alone, `---` is a thematic break.
  if (textEnd < blockEnd && pieces.overlaps(blockStart, textEnd) && pieces.keptIsBlank(blockStart, textEnd)) {
    pieces.take(blockStart, blockEnd, 'took the underline of the heading it emptied, which alone would be a thematic break')
  }
}

function repairLinesOnce(blockStart: number, textEnd: number, blockEnd: number, inContainer: boolean, pieces: Pieces): void {
  const {text} = pieces
  const touching = pieces.overlapping(blockStart, textEnd).filter((piece) => piece.start > blockStart || piece.end < textEnd)
  for (const piece of touching.reverse()) {
    keepMarkerGlued(piece, blockStart, pieces)
    if (piece.start <= blockStart || pieces.keptIsBlank(blockStart, piece.start)) {
      repairBlockStart(piece, blockStart, textEnd, pieces)
      continue
    }
    const head = pieces.lineStart(piece.start)
    const lineEnd = pieces.lineContentEnd(piece.start)
    if (head > blockStart && isPrefixOnly(pieces, head, piece.start)) {
      // A removal that takes its line's break takes the line: nothing is left at its start.
      if (piece.end > lineEnd) continue
      const next = Math.min(pieces.skipForward(piece.end, lineEnd, false), textEnd)
      const restEnd = keptLineEnd(pieces, next, textEnd)
      const rest = keptText(pieces, next, restEnd).replace(/\r$/, '')
      const joint = keptBreakBefore(pieces, head, blockStart)
      // Already on the line of kept text before it (the line breaks between went): nothing to join.
      if (joint === undefined) continue
      if (rest === '') {
        // A blank line would end the paragraph there (a setext heading's text: even at its last line),
        // unless a removal takes the line break too.
        const lineFeed = text.indexOf('\n', lineEnd)
        if (lineFeed !== -1 && !pieces.at(lineFeed) && (restEnd < textEnd || textEnd < blockEnd)) {
          pieces.take(joint, next, 'took the line break before it, so no blank line splits the paragraph')
        }
      } else if (interruptsParagraph(rest) || SETEXT_UNDERLINE.test(rest) || (inContainer && LIST_MARKER.test(rest))) {
        if (!gluesDelimiter(pieces, joint, rest)) {
          pieces.take(joint, piece.start, 'took the line break before it, so what follows stays text of the paragraph')
        }
      }
      continue
    }
    const endLineEnd = pieces.lineContentEnd(piece.end)
    repairLineEnd(piece, endLineEnd, endLineEnd < textEnd, pieces)
  }
}

/**
 * A removal right after a marker-like token at a line's start (`1)[](…) **Download**`)
 * must not bring it the white space that makes it a marker (`1) **Download**`
 * is a list item): the white space after the removal goes.
 */
function keepMarkerGlued(piece: Piece, blockStart: number, pieces: Pieces): void {
  const {text} = pieces
  const head = pieces.lineStart(piece.start)
  const contentStart = head < blockStart ? blockStart : head + (/^[ \t>]*/.exec(text.slice(head, piece.start))?.[0].length ?? 0)
  if (contentStart >= piece.start) return
  const before = keptTextIf(pieces, contentStart, piece.start, isMarkerCharacter)
  const after = text.charCodeAt(piece.end)
  if (before === undefined || !MARKER_WITHOUT_SPACE.test(before) || pieces.at(piece.end) || !isSpaceOrTab(after)) return
  const next = pieces.skipForward(piece.end, pieces.lineContentEnd(piece.end), false)
  pieces.take(piece.end, next, `took the white space after it, which would have made the \`${before}\` before it a block marker`)
}

/**
 * Whether joining a line to the one before would glue a `*`, `_` or `~` run
 * that ends the line before to what follows: to a letter or digit (the run
 * may no longer close: `**.**1. word`), or to a run of the same character
 * (they would be one run). Then the line is left as it is.
 */
function gluesDelimiter(pieces: Pieces, joint: number, rest: string): boolean {
  let at = joint
  while (at > 0 && pieces.at(at - 1)) at = pieces.at(at - 1)!.start
  const before = pieces.text.charAt(at - 1)
  const after = rest.charAt(0)
  return (before === '*' || before === '_' || before === '~') && (after === before || /[\p{L}\p{N}]/u.test(after))
}

/**
 * A removal at a block's start: the white space after it goes (it does not
 * render there, and four spaces would make a code block), and so does a
 * punctuation marker it would leave at the start (`- `, `> `, `# `).
 */
function repairBlockStart(piece: Piece, blockStart: number, blockEnd: number, pieces: Pieces): void {
  const {text} = pieces
  // A marker taken may leave its line blank: then the next line is the block's first (a few at most).
  for (let round = 0; round < 4; round++) {
    const next = pieces.skipForward(piece.end, blockEnd, true)
    if (next >= blockEnd) return
    if (text.lastIndexOf('\n', next - 1) >= piece.end) {
      // The next line's text comes up to this one: the white space before the block that the removal
      // took (after a list marker) goes back, and a marker with nothing after it keeps the break.
      if (piece.start < blockStart && /^[ \t]+$/.test(text.slice(piece.start, blockStart))) {
        piece.start = blockStart
        piece.notes.push('gave back the white space before the block, which its list marker needs')
        pieces.changes++
      }
      const before = piece.start > 0 ? text.charCodeAt(piece.start - 1) : LF
      if (!isWhiteSpace(before) && before !== GT) return
    }
    pieces.take(piece.end, next, 'took the white space after it at the start of the block')
    const rest = keptText(pieces, next, keptLineEnd(pieces, next, blockEnd)).replace(/\r$/, '')
    const marker = PUNCTUATION_MARKER.exec(rest)?.[0]
    if (!marker) return
    pieces.take(
      next,
      sourceEnd(pieces, next, marker.length),
      `took the \`${marker.trim()}\` it would have left at the start of the block, which would have made ${blockMadeBy(marker)}`,
    )
  }
}

/** A removal that ends a line (not its last): the spaces before it must not become a hard line break. */
function repairLineEnd(piece: Piece, lineEnd: number, breakFollows: boolean, pieces: Pieces): void {
  if (!breakFollows) return
  const {text} = pieces
  if (pieces.skipForward(piece.end, lineEnd, false) < lineEnd) return
  let trailing = 0
  for (let offset = lineEnd - 1; offset >= 0 && (pieces.at(offset) || text.charCodeAt(offset) === SPACE); offset--) {
    if (!pieces.at(offset)) trailing++
  }
  let before = 0
  while (lineEnd - before - 1 >= 0 && text.charCodeAt(lineEnd - before - 1) === SPACE) before++
  if (trailing < 2 || before >= 2) return
  let from = piece.start
  while (from > 0 && (text.charCodeAt(from - 1) === SPACE || (pieces.at(from - 1) && pieces.at(from - 1) !== piece))) {
    from = pieces.at(from - 1)?.start ?? from - 1
  }
  pieces.take(from, piece.start, 'took the spaces before it, which would have made a hard line break')
}

/**
 * The leaf blocks with inline content that removals touch: repair inside
 * them. `inContainer`: the block is in a quote or list, where a line (a lazy
 * one) starting with any list marker (not only a non-empty `1.`) is no
 * continuation of it but a new list.
 */
function repairInline(tree: Root, node: Nodes, inContainer: boolean, pieces: Pieces): void {
  const start = startOf(node)
  const end = endOf(node)
  if (start !== undefined && end !== undefined && !pieces.overlaps(start, end)) return
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    repairContainers(node, pieces)
    const setext = node.type === 'heading' && start !== undefined && pieces.text.charCodeAt(start) !== NUMBER_SIGN
    if (node.type === 'paragraph' || setext) repairLines(node, inContainer, pieces)
    if (node.type === 'tableCell' && start !== undefined && end !== undefined) repairRowStart(start, end, pieces)
    return
  }
  if (!('children' in node)) return
  for (const child of node.children)
    repairInline(tree, child as Nodes, inContainer || node.type === 'list' || node.type === 'blockquote', pieces)
  if (node.type === 'list') repairEmptyFirstItem(tree, node, pieces)
}

/** A table row without a leading `|` starts a line: what a removal leaves at its start must not open a block. */
function repairRowStart(cellStart: number, cellEnd: number, pieces: Pieces): void {
  const {text} = pieces
  const head = pieces.lineStart(cellStart)
  if (!isPrefixOnly(pieces, head, cellStart)) return
  const piece = pieces.overlapping(cellStart, cellEnd)[0]
  if (!piece || !pieces.keptIsBlank(cellStart, piece.start)) return
  repairBlockStart(piece, cellStart, cellEnd, pieces)
  // A row left blank would end the table: it goes whole.
  const end = text.indexOf('\n', cellStart)
  if (end !== -1 && pieces.keptIsBlank(head, end))
    pieces.take(head, end + 1, 'took the table row it emptied, which blank would end the table')
}

/**
 * Widen or adjust `removals` (found on `text`, parsed as `tree`) so the
 * Markdown around them parses as it did, minus the removed parts. Returns
 * the removals in source order; each adjusted one has its new span and text
 * and says what was done in `adjusted`. Replacements are left alone.
 */
export function repairRemovals(
  text: string,
  tree: Root,
  removals: readonly Removal[],
  keepsShape: (removal: Removal, span: Span, run: Span) => boolean = () => true,
): Removal[] {
  if (removals.length === 0) return [...removals]
  const pieces = new Pieces(text, removals)
  if (pieces.list.length === 0) return [...removals]
  for (const child of tree.children) repairInline(tree, child, false, pieces)
  repairBlockJunctions(tree, pieces)
  const changed = new Map<Removal, Piece>()
  for (const piece of pieces.list) if (piece.notes.length > 0) changed.set(piece.removal, piece)
  if (changed.size === 0) return [...removals]
  const point = pointsOf(text)
  const runOf = contiguousRuns(pieces.list)
  return removals
    .map((removal) => {
      const piece = changed.get(removal)
      // An adjusted span must still have a shape its rule declares, alone or with the removals it touches
      // (two removals that empty a list item take its line together; see shape-check.ts); if not, the removal stays as found.
      if (!piece || !keepsShape(removal, piece, runOf(piece))) return removal
      const adjusted = [removal.adjusted, ...piece.notes].filter(Boolean).join('; ')
      return {...removal, start: point(piece.start), end: point(piece.end), text: text.slice(piece.start, piece.end), adjusted}
    })
    .sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
}

/** The run of touching spans (no kept character between them) that holds each piece, after the repair. */
function contiguousRuns(list: readonly Piece[]): (piece: Piece) => Span {
  const sorted = [...list].sort((a, b) => a.start - b.start)
  const runs = new Map<Piece, Span>()
  let run: Span | undefined
  let members: Piece[] = []
  const close = () => {
    for (const member of members) runs.set(member, run!)
    members = []
  }
  for (const piece of sorted) {
    if (run && piece.start <= run.end) run.end = Math.max(run.end, piece.end)
    else {
      if (run) close()
      run = {start: piece.start, end: piece.end}
    }
    members.push(piece)
  }
  if (run) close()
  return (piece) => runs.get(piece) ?? piece
}

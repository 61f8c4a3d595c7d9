/**
 * Repair between blocks (see src/engine/repair.ts): the lines that removals
 * take or leave blank must not join blocks that were apart (a paragraph and
 * the `---` below it, a quote and a lazy line), nor part lines that were
 * one block (an HTML block, a list item's lines); a setext heading's text
 * or a list's first item that removals emptied goes whole.
 */
import type {Nodes, Parents, Root} from 'mdast'
import {interruptsParagraph, isMarkerCharacter, LIST_MARKER, MARKERS_ONLY, SETEXT_UNDERLINE} from './repair-markers.js'
import {
  CR,
  endOf,
  isPrefixOnly,
  isWhiteSpace,
  keptLineEnd,
  keptText,
  keptTextIf,
  LF,
  lineStart,
  previousBreak,
  startOf,
  type Piece,
  type Pieces,
} from './repair-pieces.js'

/** The chain of blocks from the root down to the deepest one holding `offset`. */
function blocksAt(tree: Root, offset: number): Nodes[] {
  const chain: Nodes[] = []
  let node: Nodes = tree
  for (;;) {
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') break
    const child: Nodes | undefined = (node.children as Nodes[]).find((candidate) => {
      const start = startOf(candidate)
      const end = endOf(candidate)
      return start !== undefined && end !== undefined && start <= offset && offset < end
    })
    if (!child) break
    chain.push(child)
    node = child
  }
  return chain
}

/**
 * Whether a line would join the block that ends on the line above it once
 * the lines between are gone: a paragraph (or table) takes a line that
 * cannot interrupt it, a setext underline makes it a heading, and a quote
 * takes a `>` line.
 */
function wouldJoin(above: readonly Nodes[], line: string, below: readonly Nodes[]): boolean {
  const leaf = above.at(-1)
  if (!leaf) return false
  const indent = /^[ \t]*/.exec(line)![0]
  const stripped = line.slice(indent.length)
  if (stripped.startsWith('>') && indent.replace(/\t/g, '    ').length < 4) return above.some((node) => node.type === 'blockquote')
  if (leaf.type !== 'paragraph' && leaf.type !== 'table') return false
  if (indent.replace(/\t/g, '    ').length >= 4) return true
  if (SETEXT_UNDERLINE.test(stripped)) return true
  // A table's header row interrupts a paragraph, but not as a lazy line (after a quote's or item's paragraph).
  if (leaf.type === 'paragraph' && above.length === 1 && below.some((node) => node.type === 'table')) return false
  if (interruptsParagraph(stripped)) return false
  // An item of an open list starts a new item whatever its number.
  if (LIST_MARKER.test(stripped) && above.some((node) => node.type === 'list')) return false
  return true
}

/**
 * Lines that removals take or leave blank, between two lines that stay.
 *
 * - Removals from a line's start: when what follows them would join the
 *   block above, the last of their line breaks stays, so a blank line still
 *   parts them.
 * - A line whose content removals take but not its line break (two rules'
 *   removals side by side, or after a quote's `>` or indentation) is left
 *   blank: that blank line stays only where the line below would otherwise
 *   join the block above; elsewhere (inside an HTML block, which it would
 *   end; after a list item's first line, which it would close) the whole
 *   line goes.
 */
export function repairBlockJunctions(tree: Root, pieces: Pieces): void {
  const {text, list} = pieces
  const runs: Piece[][] = []
  for (let index = 0; index < list.length; index++) {
    const run = [list[index]!]
    while (list[index + 1] && list[index + 1]!.start === run.at(-1)!.end) run.push(list[++index]!)
    runs.push(run)
  }
  for (const run of runs) {
    const first = run[0]!
    if (first.start === 0) continue
    if (text.charCodeAt(first.start - 1) === LF) keepPartingLine(tree, pieces, run)
    else if (text.charCodeAt(run.at(-1)!.end - 1) === LF) keepBreakAfterMarker(pieces, first, run.at(-1)!)
    else takeBlankedLine(tree, pieces, first, run.at(-1)!)
  }
}

/** The blocks of the non-blank line ending just before `head` (a line start), or undefined. */
function blocksAbove(tree: Root, text: string, head: number): Nodes[] | undefined {
  if (head === 0) return undefined
  const aboveEnd = previousBreak(text, head)
  const aboveStart = lineStart(text, aboveEnd)
  const above = text.slice(aboveStart, aboveEnd)
  if (above.trim() === '') return undefined
  return blocksAt(tree, aboveStart + above.trimEnd().length - 1)
}

/**
 * A run of removals from a line's start: what follows it starts the line
 * after the one above. When it would join the block above, one of the run's
 * line breaks (the last one a removal ends with) stays, so a blank line
 * still parts them.
 */
function keepPartingLine(tree: Root, pieces: Pieces, run: readonly Piece[]): void {
  const {text} = pieces
  const start = run[0]!.start
  const end = run.at(-1)!.end
  if (end >= text.length) return
  const below = keptText(pieces, end, keptLineEnd(pieces, end, text.length)).replace(/\r$/, '')
  const aboveChain = blocksAbove(tree, text, start)
  if (!aboveChain || below.trim() === '') return
  const aboveLeaf = aboveChain.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  // The removal lies inside that block (lines of one paragraph), or that block goes too: nothing parts.
  if (aboveLeafStart === undefined || aboveLeafEnd === undefined || aboveLeafEnd > start) return
  if (pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd)) return
  if (!wouldJoin(aboveChain, below, blocksAt(tree, pieces.skipForward(end, text.length, false)))) return
  for (const piece of [...run].reverse()) {
    if (text.charCodeAt(piece.end - 1) !== LF) continue
    const breakLength = text.charCodeAt(piece.end - 2) === CR ? 2 : 1
    if (piece.end - piece.start <= breakLength) continue
    piece.end -= breakLength
    piece.notes.push('kept its last line break, so a blank line still parts the blocks around it')
    pieces.changes++
    return
  }
}

/**
 * A run after a list marker or quote prefix that takes its line's break (an
 * unclosed comment that goes with the blank line after it): the next line
 * would come up onto the marker's line, and a next item become a list in
 * this one. When the next line starts a block of its own, the run gives its
 * line breaks back.
 */
function keepBreakAfterMarker(pieces: Pieces, first: Piece, last: Piece): void {
  const {text} = pieces
  const head = pieces.lineStart(first.start)
  const markers = keptTextIf(pieces, head, first.start, isMarkerCharacter)
  if (markers === undefined || !MARKERS_ONLY.test(markers)) return
  let contentEnd = last.end
  while (contentEnd > last.start && isWhiteSpace(text.charCodeAt(contentEnd - 1))) contentEnd--
  const breakAt = text.indexOf('\n', contentEnd)
  if (contentEnd === last.start || breakAt === -1 || breakAt >= last.end) return
  const next = keptText(pieces, last.end, keptLineEnd(pieces, last.end, text.length))
    .replace(/\r$/, '')
    .replace(/^[ \t]*/, '')
  if (next === '' || !(interruptsParagraph(next) || LIST_MARKER.test(next))) return
  last.end = pieces.lineContentEnd(contentEnd)
  last.notes.push('gave back the line breaks after it, which would have brought the next block up to the marker before it')
  pieces.changes++
}

/** A run after a line's prefix that leaves the line blank: the line goes whole unless a blank line must part the blocks. */
function takeBlankedLine(tree: Root, pieces: Pieces, first: Piece, last: Piece): void {
  const {text} = pieces
  const head = pieces.lineStart(first.start)
  if (text.charCodeAt(last.end - 1) === LF || !isPrefixOnly(pieces, head, first.start)) return
  const contentEnd = pieces.lineContentEnd(last.end)
  if (pieces.skipForward(last.end, contentEnd, false) < contentEnd) return
  const next = text.indexOf('\n', contentEnd)
  if (next === -1 || next + 1 >= text.length) return
  const below = keptText(pieces, next + 1, keptLineEnd(pieces, next + 1, text.length)).replace(/\r$/, '')
  const aboveChain = blocksAbove(tree, text, head)
  if (!aboveChain || below.trim() === '') return
  const aboveLeaf = aboveChain.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  if (!aboveLeaf || aboveLeafStart === undefined || aboveLeafEnd === undefined) return
  if (aboveLeafEnd > first.start) {
    // Inside the block above: a paragraph's lines are repairLines' concern; an HTML block would end at the blank line.
    if (aboveLeaf.type !== 'html') return
  } else if (
    !pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd) &&
    wouldJoin(aboveChain, below, blocksAt(tree, pieces.skipForward(next + 1, text.length, false)))
  ) {
    return
  }
  pieces.take(head, next + 1, 'took its whole line, so no blank line is left where none was')
}

/**
 * A list's first item whose content all went, right below a paragraph line:
 * it goes whole. An empty item cannot interrupt a paragraph: its marker
 * would join the paragraph (`1.`) or underline it into a heading (`-`).
 */
export function repairEmptyFirstItem(tree: Root, list: Parents, pieces: Pieces): void {
  const item = list.children[0] as Nodes | undefined
  const first = item && 'children' in item ? (item.children[0] as Nodes | undefined) : undefined
  const last = item && 'children' in item ? (item.children.at(-1) as Nodes | undefined) : undefined
  if (!item || !first || !last) return
  const itemStart = startOf(item)
  const itemEnd = endOf(item)
  const contentStart = startOf(first)
  const contentEnd = endOf(last)
  if (itemStart === undefined || itemEnd === undefined || contentStart === undefined || contentEnd === undefined) return
  if (!pieces.overlaps(contentStart, contentEnd) || !pieces.keptIsBlank(contentStart, contentEnd)) return
  const aboveLeaf = blocksAbove(tree, pieces.text, pieces.lineStart(itemStart))?.at(-1)
  const aboveLeafStart = aboveLeaf ? startOf(aboveLeaf) : undefined
  const aboveLeafEnd = aboveLeaf ? endOf(aboveLeaf) : undefined
  if (aboveLeaf?.type !== 'paragraph' || aboveLeafStart === undefined || aboveLeafEnd === undefined) return
  if (pieces.keptIsBlank(aboveLeafStart, aboveLeafEnd)) return
  pieces.take(itemStart, itemEnd, 'took the list item it emptied, whose marker alone would join the paragraph above')
}

/**
 * Removal shapes: what a removal may look like, defined once.
 *
 * Every rule declares the shapes of what it removes (`RuleMeta.shapes`) and
 * every removal names its shape; {@link shapeViolation} tells whether a span
 * keeps it. A rule whose own parsing goes wrong (an attribute quote never
 * closed, a bracket that does not close) finds spans that run on over the
 * article; a shape is the independent check that stops such a span from
 * taking what was never the rule's to take.
 *
 * The shapes, each defined on a span's *core* — the span without the white
 * space (spaces, tabs, line breaks) round it, which tidying takes along:
 * - `url-part`: inside one URL — no white space, no line break, none of
 *   `<`, `>`, `"`, `` ` `` (tracking parameters).
 * - `inline`: inside one leaf block of the tree (a paragraph, heading, table
 *   cell, HTML block, link definition), so never across a blank line outside
 *   an HTML block (a link's markup, a bare URL, a footer glued to a sentence).
 * - `block`: whole blocks — starts at a line start (after container markers
 *   such as `> ` or a list marker) and ends at a line end or the end of the
 *   text (an ad label, a link farm's label and list, a repeated paragraph),
 *   or, starting inside a line, takes the rest of the paragraph or HTML block
 *   it starts in (a link farm's label after a link, and the list below),
 *   and takes no part of a code block or the frontmatter without all of it
 *   (cut, those change how everything after them parses). It may take whole
 *   lines of a paragraph (a link farm's label on the last line of one) or of
 *   an HTML block (what stays of that is HTML, or Markdown again, which a
 *   second pass reads).
 * - `html`: HTML markup — it starts with `<` and lies inside one leaf block
 *   (a tag, an element, a comment, unclosed markup running to the end of
 *   its HTML block: whatever the HTML parser made of it there); or it spans
 *   several blocks from a start tag to an end tag of the same name (an ad
 *   unit wrapping Markdown), or from a comment to a comment (a marked ad
 *   region), and its first and last tags hold no blank line; or it is one
 *   attribute of a tag (`name="value"` inside one block; a name or an
 *   unquoted value ends at white space, `/` or `>`).
 * - `frontmatter`: inside the frontmatter block; when there is none, a new
 *   block inserted at offset 0 or an unterminated one (from a fence at offset
 *   0 to a line end) replaced.
 *
 * Pure: text, span and (optionally) the block structure of the parsed tree
 * in, a reason out. Without a structure the checks that need the tree fall
 * back to the text alone: "inside one block" becomes "holds no blank line".
 */
import type {Nodes, Root} from 'mdast'
import {frontmatterEnd} from './fences.js'
import {firstAtOrAfter, type Span} from './span.js'

/** The shapes a removal may have; see the module comment for each one's definition. */
export type Shape = 'url-part' | 'inline' | 'block' | 'html' | 'frontmatter'

/** Every shape, with its one-line definition (for messages and docs). */
export const SHAPES: Readonly<Record<Shape, string>> = {
  'url-part': 'inside one URL (no white space, line break, `<`, `>`, `"` or backtick)',
  inline: 'inside one leaf block (paragraph, heading, table cell, HTML block, definition)',
  block: 'whole blocks, from a line start to a line end',
  html: 'HTML markup: tags, comments and elements from their start to their end, or one attribute of a tag',
  frontmatter: 'inside the frontmatter block',
}

/** What a leaf block is to the checks: HTML blocks may hold blank lines and unclosed markup. */
type LeafKind = 'text' | 'html' | 'code' | 'frontmatter'

/** A block that holds no other block, as offsets into the text. */
export interface Leaf extends Span {
  readonly kind: LeafKind
}

/** The block structure of a parsed text: its leaf blocks, sorted, and its frontmatter. */
export interface ShapeStructure {
  /** Leaf blocks in source order; they never overlap. */
  readonly leaves: readonly Leaf[]
  /** The frontmatter block (fences included), when the text has one. */
  readonly frontmatter?: Span | undefined
}

const LEAF_NAMES: Readonly<Record<LeafKind, string>> = {
  text: 'a paragraph',
  html: 'an HTML block',
  code: 'a code block',
  frontmatter: 'the frontmatter',
}

const LEAF_KINDS: Readonly<Record<string, LeafKind>> = {
  paragraph: 'text',
  heading: 'text',
  tableCell: 'text',
  definition: 'text',
  thematicBreak: 'text',
  html: 'html',
  code: 'code',
  yaml: 'frontmatter',
  toml: 'frontmatter',
}

/** The leaf blocks and frontmatter of a parsed tree (inline HTML belongs to its paragraph). */
export function shapeStructure(tree: Root): ShapeStructure {
  const leaves: Leaf[] = []
  let frontmatter: Span | undefined
  const walk = (node: Nodes): void => {
    const kind = LEAF_KINDS[node.type]
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (kind !== undefined) {
      if (start === undefined || end === undefined) return
      leaves.push({start, end, kind})
      if (kind === 'frontmatter' && frontmatter === undefined) frontmatter = {start, end}
      return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  leaves.sort((a, b) => a.start - b.start)
  return {leaves, frontmatter}
}

// ---------------------------------------------------------------------------
// Text helpers

function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** The span without the white space round it. */
function coreOf(text: string, span: Span): Span {
  let {start, end} = span
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--
  return {start, end}
}

const BLANK_LINE = /\n[ \t]*\r?\n/

function holdsBlankLine(text: string, start: number, end: number): boolean {
  return BLANK_LINE.test(text.slice(start, end))
}

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/** What may stand before a block on its line: indentation, block quote markers, list markers, a task box. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)(?:[ \t]+\[[ xX]\](?=[ \t]|$))?))*[ \t]*$/
/** Whether `offset` starts a line's content: only indentation and container markers (`> `, `- `) stand before it. */
export function startsLine(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === 10 || CONTAINER_PREFIX.test(text.slice(lineStart(text, offset), offset))
}

/** The rest of a line after a block's end: white space only. */
const LINE_REST = /^[ \t]*\r?(?:\n|$)/

/** Index of the last leaf starting at or before `offset`, or -1. */
function leafIndexAt(leaves: readonly Leaf[], offset: number): number {
  return firstAtOrAfter(leaves, offset + 1) - 1
}

/** The leaf that holds `[start, end)` whole, if one does. */
function leafHolding(leaves: readonly Leaf[], start: number, end: number): Leaf | undefined {
  const leaf = leaves[leafIndexAt(leaves, start)]
  return leaf && end <= leaf.end ? leaf : undefined
}

/**
 * Whether `[start, end)` reaches into a paragraph, heading, table cell,
 * definition or code block other than the block it starts in: Markdown
 * content, which an HTML element opened in one block and closed in another
 * (`<a href>` in a heading, `</a>` three paragraphs on) holds only by
 * accident of broken markup.
 */
export function spansMarkdownBlocks(structure: ShapeStructure, start: number, end: number): boolean {
  const {leaves} = structure
  const first = leafIndexAt(leaves, start)
  const own = first >= 0 && start < leaves[first]!.end ? leaves[first] : undefined
  for (let index = Math.max(0, first); index < leaves.length; index++) {
    const leaf = leaves[index]!
    if (leaf.start >= end) break
    if (leaf === own || leaf.end <= start) continue
    if (leaf.kind === 'text' || leaf.kind === 'code') return true
  }
  return false
}

// ---------------------------------------------------------------------------
// The shapes

function urlPartViolation(text: string, span: Span): string | undefined {
  const part = text.slice(span.start, span.end)
  if (/[\s]/.test(part)) return 'a URL never holds white space or a line break'
  if (/[<>"`]/.test(part)) return 'a URL never holds `<`, `>`, `"` or a backtick'
  return undefined
}

function inlineViolation(text: string, span: Span, structure: ShapeStructure | undefined): string | undefined {
  const core = coreOf(text, span)
  if (core.start === core.end) return undefined
  if (!structure) return holdsBlankLine(text, core.start, core.end) ? 'it holds a blank line' : undefined
  if (!leafHolding(structure.leaves, core.start, core.end)) return 'it is not inside one leaf block'
  return undefined
}

function blockViolation(text: string, span: Span, structure: ShapeStructure | undefined): string | undefined {
  const {start, end} = span
  if (!startsLine(text, start) && !takesRest(text, span, structure)) {
    return 'it neither starts at a line start nor takes the rest of the block it starts in'
  }
  if (end < text.length && text.charCodeAt(end - 1) !== 10 && !LINE_REST.test(text.slice(end, end + 256))) {
    return 'it does not end at a line end'
  }
  if (!structure) return undefined
  const {leaves} = structure
  for (let index = Math.max(0, leafIndexAt(leaves, start)); index < leaves.length; index++) {
    const leaf = leaves[index]!
    if (leaf.start >= end) break
    if (leaf.kind === 'text' || leaf.kind === 'html' || leaf.end <= start || (leaf.start >= start && leaf.end <= end)) continue
    // A leaf it only touches with white space (a line's indentation) is not taken.
    const from = Math.max(leaf.start, start)
    const to = Math.min(leaf.end, end)
    if (coreOf(text, {start: from, end: to}).start < to) return `it takes part of ${LEAF_NAMES[leaf.kind]}`
  }
  return undefined
}

/**
 * Whether a span starting inside a line takes the rest of the paragraph or
 * HTML block it starts in (a link farm's label after a link, and the list
 * under it); without the tree, the rest of its line.
 */
function takesRest(text: string, span: Span, structure: ShapeStructure | undefined): boolean {
  if (!structure) {
    const lineEnd = text.indexOf('\n', span.start)
    return lineEnd === -1 ? span.end === text.length : span.end > lineEnd
  }
  const leaf = structure.leaves[leafIndexAt(structure.leaves, span.start)]
  return leaf !== undefined && (leaf.kind === 'text' || leaf.kind === 'html') && span.start < leaf.end && span.end >= leaf.end
}

/** A comment, declaration, processing instruction, CDATA section or tag at the start of a string. */
const LEADING_MARKUP =
  // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: `[^]` is "any character, line breaks too", on purpose.
  /^(?:<!--(?:-?>|[^]*?--!?>)|<!\[CDATA\[[^]*?\]\]>|<![^>]*>|<\?[^>]*>|<(\/?)([A-Za-z][\w:-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>)/
/** One attribute as the HTML tokenizer reads one: a name (anything but white space, `/`, `>`; `=` only first), maybe a value (maybe empty: `onclick=>`). */
const ATTRIBUTE = /^[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)?)?$/
/** An attribute whose value is quoted. */
const QUOTED_VALUE_END = /=\s*(?:"[^"]*"|'[^']*')$/
/** An end tag at the end of a string. */
const LAST_END_TAG = /<\/([A-Za-z][\w:-]*)[ \t\r\n]*>$/
/** A comment's end. */
const COMMENT_END = /--!?>$/

function htmlViolation(text: string, span: Span, structure: ShapeStructure | undefined, removedEndAt?: RemovedEndAt): string | undefined {
  const core = coreOf(text, span)
  if (core.start === core.end) return undefined
  const markup = text.slice(core.start, core.end)
  if (markup.charCodeAt(0) !== 60) return attributeViolation(text, core, markup, structure, removedEndAt)
  // Markup inside one block: whatever the HTML parser made of it (an element closed by the next tag, an unclosed one).
  if (structure ? leafHolding(structure.leaves, core.start, core.end) : !BLANK_LINE.test(markup)) return undefined
  // Across blocks: from a start tag to its end tag, or from a comment to a comment.
  const head = LEADING_MARKUP.exec(markup)
  if (!head) return 'it spans several blocks but does not start with a whole tag or comment'
  if (head[2] !== undefined) {
    if (BLANK_LINE.test(head[0])) return 'its first tag holds a blank line'
    if (head[1] !== '') return 'it spans several blocks but starts with an end tag'
    const end = LAST_END_TAG.exec(markup)
    if (!end || end[1]!.toLowerCase() !== head[2].toLowerCase())
      return `it spans several blocks but does not end with the \`</${head[2]}>\` that closes its first tag`
    if (BLANK_LINE.test(end[0])) return 'its last tag holds a blank line'
    return undefined
  }
  if (markup.startsWith('<!--') && COMMENT_END.test(markup)) return undefined
  return 'it spans several blocks but does not run from a start tag to its end tag, nor from a comment to a comment'
}

/** An attribute: one `name="value"`, in a tag (what follows it goes on with the tag). */
function attributeViolation(
  text: string,
  core: Span,
  markup: string,
  structure: ShapeStructure | undefined,
  removedEndAt: RemovedEndAt | undefined,
): string | undefined {
  if (!ATTRIBUTE.test(markup)) return 'it neither starts with `<` nor is one attribute'
  if (BLANK_LINE.test(markup)) return 'an attribute never holds a blank line'
  if (structure && !leafHolding(structure.leaves, core.start, core.end)) return 'an attribute is not inside one block'
  // A quoted value ends at its quote (another attribute may follow at once); a name or an
  // unquoted value ends where white space, `/` or `>` follows, as the text stands (past
  // what earlier removals took).
  if (QUOTED_VALUE_END.test(markup)) return undefined
  let next = core.end
  for (let skip = removedEndAt?.(next) ?? -1; skip > next; skip = removedEndAt?.(next) ?? -1) next = skip
  const after = text.charCodeAt(next)
  if (next < text.length && !isWhiteSpace(after) && after !== 62 && after !== 47) return 'an attribute ends where its tag goes on'
  return undefined
}

function frontmatterViolation(text: string, span: Span, structure: ShapeStructure | undefined): string | undefined {
  const end = structure ? undefined : frontmatterEnd(text)
  const block = structure ? structure.frontmatter : end !== undefined && end !== -1 ? {start: 0, end: fenceEnd(text, end)} : undefined
  if (block) return span.start >= block.start && span.end <= block.end ? undefined : 'it is not inside the frontmatter block'
  if (span.start !== 0) return 'there is no frontmatter block, and it does not start at the top of the text'
  if (span.end === 0) return undefined
  // An unterminated block replaced from its opening fence.
  if ((end ?? frontmatterEnd(text)) !== -1) return 'there is no frontmatter block here'
  return span.end === text.length || text.charCodeAt(span.end - 1) === 10 || LINE_REST.test(text.slice(span.end, span.end + 256))
    ? undefined
    : 'it does not end at a line end'
}

/** Where the closing fence's marker ends, given the end of its line (as the parser's frontmatter node ends). */
function fenceEnd(text: string, lineEnd: number): number {
  return text.slice(0, lineEnd).replace(/[ \t]*(?:\r\n?|\n)?$/, '').length
}

/** The end of the removed span that holds `offset`, or -1: text an earlier removal took. */
export type RemovedEndAt = (offset: number) => number

const CHECKS: Readonly<
  Record<Shape, (text: string, span: Span, structure: ShapeStructure | undefined, removedEndAt?: RemovedEndAt) => string | undefined>
> = {
  'url-part': urlPartViolation,
  inline: inlineViolation,
  block: blockViolation,
  html: htmlViolation,
  frontmatter: frontmatterViolation,
}

/**
 * Why `[span.start, span.end)` of `text` breaks `shape`, or undefined when
 * it keeps it. `structure` (from {@link shapeStructure} on the tree parsed
 * from `text`) enables the checks on leaf blocks; `removedEndAt` lets them
 * read the text round the span as it stands once earlier removals went (the
 * sanitiser judges HTML so). An empty span (an insertion) keeps every shape
 * but `frontmatter`, whose place is checked.
 */
export function shapeViolation(
  text: string,
  span: Span,
  shape: Shape,
  structure?: ShapeStructure,
  removedEndAt?: RemovedEndAt,
): string | undefined {
  if (span.start < 0 || span.end > text.length || span.start > span.end) return 'it lies outside the text'
  if (span.start === span.end && shape !== 'frontmatter') return undefined
  return CHECKS[shape](text, span, structure, removedEndAt)
}

/**
 * Reading the frontmatter block: where it sits in the file (YAML between
 * `---` fences or TOML between `+++`), and its top-level entries with their
 * spans, so each can be rewritten alone and named in diagnostics.
 *
 * Invalid YAML or TOML (and a duplicate key) is not read: the caller keeps
 * the block as written and names the line, column and cause (broken YAML is
 * repaired before parsing when it can be, see `repair.ts`). Entries the rule
 * must not splice (YAML anchors and
 * aliases, a flow mapping `{a: 1}`, TOML dotted keys spread over the
 * document) are read but marked not editable.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {type Document, isAlias, isMap, isNode, isScalar, isSeq, visit, type Pair} from 'yaml'
import {parseYaml as parseYamlText} from './yaml-document.js'
import {reportWarning} from '../../engine/removal.js'
import {readToml} from './toml.js'

const RULE_ID = 'frontmatter'

/** The frontmatter block and where it sits in the file. */
export interface Block {
  readonly format: 'yaml' | 'toml'
  /** The text between the fences. */
  readonly text: string
  /** File offset of the text's first character. */
  readonly start: number
  /** File line of the text's first line. */
  readonly line: number
  /** File offsets of the opening fence and of the end of the closing fence. */
  readonly from: number
  readonly to: number
  /** The file's line ending, used for rewritten entries. */
  readonly eol: string
}

/** One top-level entry of the frontmatter. */
export interface Entry {
  /** The key as written. */
  readonly name: string
  /** The value as read. */
  readonly original: unknown
  /** The YAML value node (for its style); undefined in TOML. */
  readonly node: unknown
  /** Offsets in the block text: key start, end of the value (no trailing line break), key end. */
  readonly start: number
  readonly end: number
  readonly keyEnd: number
  /** Offset in the block text where the comment lines before the entry begin (its `start` when none). */
  readonly lead: number
  /** Offset in the block text where the entry's lines end: its value, a comment on its last line, indented comment lines after it (no line break). */
  readonly tail: number
  /** Whether a YAML block sequence sits at the key's column (`- a` rather than `  - a`). */
  readonly flushSequence: boolean
  /** Whether the entry can be spliced alone. */
  readonly editable: boolean
  /** A TOML table (`[params]`), which has to come after the plain keys. */
  readonly table: boolean
}

/** Frontmatter that does not read: the cause, and the offset in the block text it points at. */
export interface Unreadable {
  readonly unreadable: string
  readonly offset: number
}

/** What `readEntries` found: the entries, and whether the YAML uses anchors (no entry may then be moved). */
export interface Entries {
  readonly entries: readonly Entry[]
  readonly anchors: boolean
  /** Text before the first entry's lead and after the last entry's tail (comments), kept when the block is rebuilt. */
  readonly header: string
  readonly trailer: string
}

const INDENTATION = /^[ \t]*$/
const TOP_COMMENT_OR_BLANK = /^(?:#.*|[ \t]*)$/
const INDENTED_COMMENT = /^[ \t]+#.*$/

/** The frontmatter block, or undefined when the file has none. */
export function findBlock(tree: Root, text: string): Block | undefined {
  // remark-frontmatter makes `toml` nodes too; mdast's types only name `yaml`.
  const node = tree.children[0] as {type: string; value?: unknown; position?: Root['position']} | undefined
  if (
    !node ||
    (node.type !== 'yaml' && node.type !== 'toml') ||
    typeof node.value !== 'string' ||
    node.position?.start.offset === undefined
  )
    return undefined
  const from = node.position.start.offset
  const to = node.position.end.offset ?? from
  const fenceEnd = text.indexOf('\n', from)
  const start = fenceEnd + 1
  if (fenceEnd === -1 || text.slice(start, start + node.value.length) !== node.value) return undefined
  return {
    format: node.type === 'toml' ? 'toml' : 'yaml',
    text: node.value,
    start,
    line: node.position.start.line + 1,
    from,
    to,
    eol: text.charCodeAt(fenceEnd - 1) === 13 ? '\r\n' : '\n',
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}

/** The key (at any depth) that starts at `offset`: the one a duplicate-key error points at. */
function keyAt(document: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value)
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13
}

/** Where an entry's text ends: after its value, before trailing white space and line breaks. */
function entryEnd(text: string, keyEnd: number, valueEnd: number): number {
  let end = Math.max(keyEnd, valueEnd)
  while (end > keyEnd) {
    const code = text.charCodeAt(end - 1)
    if (code !== 32 && code !== 9 && !isLineBreak(code)) break
    end--
  }
  return end
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

/** Where the comment and blank lines right before `start` begin (not before `floor`). */
/**
 * Where the comment lines right before `start` begin (not before `floor`):
 * comments at column 0, with blank lines between them. An indented comment
 * stays with the entry above it (moved under a block scalar, it would join
 * the scalar's text).
 */
function leadOf(text: string, start: number, floor: number): number {
  const lineStart = start > 0 ? text.lastIndexOf('\n', start - 1) + 1 : 0
  if (!INDENTATION.test(text.slice(lineStart, start))) return start
  let lead = lineStart
  let firstComment = lineStart
  while (lead > floor) {
    // `lastIndexOf` with a negative position still looks at index 0: start the line at 0 by hand.
    const previousStart = lead >= 2 ? text.lastIndexOf('\n', lead - 2) + 1 : 0
    if (previousStart < floor || previousStart >= lead) break
    const line = text.slice(previousStart, lead - 1).replace(/\r$/, '')
    if (!TOP_COMMENT_OR_BLANK.test(line)) break
    lead = previousStart
    if (line.startsWith('#')) firstComment = previousStart
  }
  return firstComment
}

/** The end of the line holding `offset` (before its line break). */
function lineEndOf(text: string, offset: number): number {
  const index = text.indexOf('\n', offset)
  if (index === -1) return text.length
  return text.charCodeAt(index - 1) === 13 ? index - 1 : index
}

/** Where an entry's lines end: the end of its last line, then any indented comment lines right after it. */
function tailOf(text: string, end: number): number {
  let tail = lineEndOf(text, end)
  for (;;) {
    const next = text.indexOf('\n', tail)
    if (next === -1) return tail
    const nextEnd = lineEndOf(text, next + 1)
    if (!INDENTED_COMMENT.test(text.slice(next + 1, nextEnd))) return tail
    tail = nextEnd
  }
}

function headerOf(text: string, entries: readonly Entry[]): string {
  const first = entries[0]
  return first ? text.slice(0, first.lead).replace(/\r?\n$/, '') : ''
}

function trailerOf(text: string, entries: readonly Entry[]): string {
  const last = entries.at(-1)
  if (!last) return text
  const lineBreak = text.indexOf('\n', last.tail)
  return lineBreak === -1 ? '' : text.slice(lineBreak + 1)
}

function hasAnchor(node: unknown): boolean {
  if (!isNode(node)) return false
  let found = false
  visit(node, {
    Node(_, child) {
      if (child.anchor || isAlias(child)) {
        found = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

/** Parse YAML; invalid YAML (and duplicate keys, and an alias to no anchor) is unreadable, with its cause and offset. */
function parseYaml(block: Block, file: VFile): Document.Parsed | Unreadable {
  const {document} = parseYamlText(block.text)
  const error = document.errors[0]
  if (error) {
    const reason =
      error.code === 'DUPLICATE_KEY'
        ? `Duplicate key \`${keyAt(document, error.pos[0]) ?? '?'}\` in the frontmatter`
        : `Invalid YAML in the frontmatter: ${firstLine(error.message)}`
    return {unreadable: reason, offset: error.pos[0]}
  }
  try {
    document.toJS()
  } catch (caught) {
    return {
      unreadable: `Invalid YAML in the frontmatter: ${firstLine(caught instanceof Error ? caught.message : String(caught))}`,
      offset: 0,
    }
  }
  for (const warning of document.warnings) {
    reportWarning(file, {
      ruleId: RULE_ID,
      reason: `Frontmatter YAML: ${firstLine(warning.message)}`,
      start: block.start + warning.pos[0],
      end: block.start + warning.pos[1],
    })
  }
  return document
}

function readYamlEntries(block: Block, file: VFile): Entries | Unreadable | undefined {
  const document = parseYaml(block, file)
  if ('unreadable' in document) return document
  const contents = document.contents
  if (contents === null) return {entries: [], anchors: false, header: '', trailer: block.text}
  if (!isMap(contents)) {
    reportWarning(file, {
      ruleId: RULE_ID,
      reason: 'Frontmatter is not a mapping of keys to values; left as is',
      start: block.start,
      end: block.start + block.text.length,
    })
    return undefined
  }
  const {text} = block
  const flow = contents.flow === true
  let anchors = false
  let floor = 0
  const entries = contents.items.map((item): Entry => {
    const {key, value} = item as Pair<unknown, unknown>
    const plainKey = isScalar(key) && key.range !== undefined && key.range !== null && !flow
    const name = isScalar(key) ? String(key.value) : JSON.stringify(isNode(key) ? key.toJS(document) : key)
    const keyStart = plainKey ? key.range![0] : 0
    const keyEnd = plainKey ? key.range![1] : 0
    const valueRange = isNode(value) ? (value.range ?? undefined) : undefined
    const end = plainKey ? entryEnd(text, keyEnd, valueRange?.[1] ?? keyEnd) : 0
    const anchored = hasAnchor(value) || (isNode(key) && hasAnchor(key))
    if (anchored) anchors = true
    const entry: Entry = {
      name,
      original: isNode(value) ? value.toJS(document) : (value ?? null),
      node: value ?? null,
      start: keyStart,
      end,
      keyEnd,
      lead: plainKey ? leadOf(text, keyStart, floor) : keyStart,
      tail: plainKey ? tailOf(text, end) : end,
      flushSequence: isSeq(value) && !value.flow && valueRange !== undefined && columnOf(text, valueRange[0]) === columnOf(text, keyStart),
      editable: plainKey && !anchored,
      table: false,
    }
    if (plainKey) floor = text.indexOf('\n', entry.tail) + 1 || text.length
    return entry
  })
  if (flow) return {entries, anchors: true, header: '', trailer: ''}
  return {entries, anchors, header: headerOf(text, entries), trailer: trailerOf(text, entries)}
}

function readTomlEntries(block: Block): Entries | Unreadable {
  const read = readToml(block.text)
  if (!read.ok)
    return {unreadable: `Invalid TOML in the frontmatter: ${read.message}`, offset: offsetOf(block.text, read.line, read.column)}
  let floor = 0
  const entries = read.entries.map((item): Entry => {
    const entry: Entry = {
      name: item.key,
      original: item.value,
      node: undefined,
      start: item.start,
      end: item.end,
      keyEnd: item.start,
      lead: item.editable ? leadOf(block.text, item.start, floor) : item.start,
      tail: item.editable ? tailOf(block.text, item.end) : item.end,
      flushSequence: false,
      editable: item.editable,
      table: block.text.charCodeAt(item.start) === 91,
    }
    if (item.editable) floor = block.text.indexOf('\n', entry.tail) + 1 || block.text.length
    return entry
  })
  return {entries, anchors: false, header: headerOf(block.text, entries), trailer: trailerOf(block.text, entries)}
}

/**
 * The block's top-level entries; undefined when the frontmatter is not a
 * mapping (warned, left as is); {@link Unreadable} when it does not parse.
 */
export function readEntries(block: Block, file: VFile): Entries | Unreadable | undefined {
  return block.format === 'yaml' ? readYamlEntries(block, file) : readTomlEntries(block)
}

/** The offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const lineBreak = text.indexOf('\n', offset)
    if (lineBreak === -1) break
    offset = lineBreak + 1
  }
  return Math.min(offset + column - 1, text.length)
}

/** The file line and column of an offset in the block text. */
export function placeOf(block: Block, offset: number): {line: number; column: number} {
  let line = block.line
  for (let index = block.text.indexOf('\n'); index !== -1 && index < offset; index = block.text.indexOf('\n', index + 1)) line++
  return {line, column: columnOf(block.text, offset) + 1}
}

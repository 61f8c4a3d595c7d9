/**
 * Writing frontmatter entries back: one changed YAML entry in the author's
 * style (quoting, flow or block lists, list indentation), a TOML entry, or a
 * whole block in a dialect's order, where entries that did not change keep
 * their bytes and the comments before them.
 */
import {Document, isScalar, isSeq, stringify} from 'yaml'
import type {Block, Entry} from './block.js'
import {writeToml, writeTomlEntry} from './toml.js'

const FINAL_LINE_BREAK = /\n$/
const LINE_BREAK = /\n/g

/** An entry as it goes out. */
export interface OutEntry {
  /** The key written. */
  readonly key: string
  readonly value: unknown
  /** The entry it comes from (undefined for a derived field). */
  readonly from?: Entry | undefined
  /** Whether the value differs from what was read. */
  readonly changed: boolean
}

function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(LINE_BREAK, eol)
}

/** One YAML entry `key: value`, in the style of the node it replaces (if any). */
export function yamlEntryText(key: string, value: unknown, like: unknown, flushSequence: boolean, eol: string): string {
  const document = new Document({[key]: value})
  const node = document.get(key, true)
  if (isScalar(like) && isScalar(node) && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE') && typeof value === 'string') {
    node.type = like.type
  }
  if (isSeq(like) && isSeq(node) && like.flow) node.flow = true
  const text = document.toString({lineWidth: 0, indentSeq: !flushSequence, flowCollectionPadding: false})
  return withEol(text.replace(FINAL_LINE_BREAK, ''), eol)
}

/** A renamed key with an unchanged value keeps the value's bytes. */
export function renamedEntryText(key: string, entry: Entry, block: Block): string {
  return stringify(key).replace(FINAL_LINE_BREAK, '') + block.text.slice(entry.keyEnd, entry.end)
}

/** One TOML entry, or undefined when it cannot be written alone (a table). */
export function tomlEntryText(key: string, value: unknown): string | undefined {
  return writeTomlEntry(key, value)
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** Whether TOML writes the value as a table (`[a]`) or an array of tables (`[[a]]`). */
function isTomlTable(value: unknown): boolean {
  return isPlainObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isPlainObject))
}

const BARE_TOML_KEY = /^[A-Za-z0-9_-]+$/

/** A TOML key, quoted when it is not bare. */
function tomlKey(key: string): string {
  return BARE_TOML_KEY.test(key) ? key : JSON.stringify(key)
}

/**
 * The YAML text of a whole block, in the given order. An entry that keeps
 * its key and value is copied with the comment lines before it; the others
 * are written fresh (in the style of what they replace).
 */
export function yamlBlockText(
  out: readonly OutEntry[],
  block: Block | undefined,
  around: {header: string; trailer: string},
  reuse: boolean,
): string {
  const eol = block?.eol ?? '\n'
  const parts: string[] = []
  if (reuse && around.header.trim() !== '') parts.push(around.header)
  for (const entry of out) {
    const from = entry.from
    if (reuse && block && from?.editable && block.format === 'yaml') {
      if (!entry.changed && from.name === entry.key) {
        parts.push(block.text.slice(from.lead, from.tail))
        continue
      }
      const lead = block.text.slice(from.lead, from.start)
      const text = entry.changed
        ? yamlEntryText(entry.key, entry.value, from.node, from.flushSequence, eol)
        : renamedEntryText(entry.key, from, block)
      parts.push(lead + text)
      continue
    }
    parts.push(yamlEntryText(entry.key, entry.value, from?.node, from?.flushSequence ?? false, eol))
  }
  if (around.trailer.trim() !== '' && reuse) parts.push(around.trailer.replace(/\r?\n$/, ''))
  return parts.join(eol)
}

/**
 * The TOML text of a whole block: plain keys first, tables after (TOML
 * requires it). An entry that keeps its key and value is copied with the
 * comment lines before it; the others are written fresh.
 */
export function tomlBlockText(out: readonly OutEntry[], block: Block, around: {header: string; trailer: string}): string {
  const plain: string[] = []
  if (block.format === 'toml' && around.header.trim() !== '') plain.push(around.header)
  const tables: string[] = []
  for (const entry of out) {
    const from = entry.from
    // Decided by the value written: a `[[keywords]]` table reduced to names is a plain key now.
    const isTable = isTomlTable(entry.value)
    const into = isTable ? tables : plain
    if (from?.editable && block.format === 'toml' && !entry.changed && from.name === entry.key) {
      into.push(block.text.slice(from.lead, from.tail))
      continue
    }
    if (from?.editable && block.format === 'toml' && !entry.changed && !isTable) {
      // Renamed only: the value keeps its bytes (a TOML date its spelling).
      const equals = block.text.indexOf('=', from.start)
      if (equals !== -1 && equals < from.end) {
        into.push(block.text.slice(from.lead, from.start) + tomlKey(entry.key) + ' ' + block.text.slice(equals, from.tail))
        continue
      }
    }
    const single = isTable ? undefined : writeTomlEntry(entry.key, entry.value)
    into.push(single ?? writeToml({[entry.key]: entry.value}, block.eol))
  }
  // A blank line sets each table off, as TOML is usually written.
  const parts = [plain.join(block.eol), ...tables].filter((part) => part !== '')
  if (block.format === 'toml' && around.trailer.trim() !== '') parts.push(around.trailer.replace(/\r?\n$/, ''))
  return parts.join(block.eol + block.eol)
}

/**
 * frontmatter: normalise the YAML frontmatter, with minimal edits.
 *
 * Driven by `rules: frontmatter` (each key's canonical name, type, aliases
 * and split pattern; which keys duplicate which):
 * - a list key (`keywords`, `tags`, `categories`) given as one string is split
 *   into a list; items are trimmed, empty ones and case-insensitive repeats
 *   dropped (the first spelling stays); Ghost tag objects (`{name, slug}`)
 *   become their names;
 * - a date key becomes ISO 8601 (`2024-09-11 23:53:11` → `2024-09-11T23:53:11.000Z`,
 *   no zone means UTC; see `dates.ts`);
 * - a key named by an alias is renamed to its canonical key;
 * - a key that repeats another (`excerpt` same as `description`) goes.
 *
 * Each changed top-level entry is one replacement (old entry text → new,
 * serialised with `yaml` in the file's line endings); everything else keeps
 * its bytes: unknown keys, comments, quoting, the author's key order.
 * The normalised data goes to `file.data.frontmatter` for the JSON record.
 *
 * Keeps: values already clean (ISO dates quoted or not, plain lists), dates
 * it cannot read (warned), a frontmatter that is not a mapping (warned), TOML
 * frontmatter, and entries holding YAML anchors (rewriting would break aliases).
 * Invalid YAML and duplicate keys fail the file with the file's line and column.
 *
 * @example
 *   ---
 *   date: 2024-09-11 23:53:11
 *   keywords: Printer Fix,Driver Update
 *   ---
 *   → date: 2024-09-11T23:53:11.000Z
 *     keywords:
 *       - Printer Fix
 *       - Driver Update
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, stringify, visit, type Pair} from 'yaml'
import {reportRemoval, reportWarning, SOURCE} from '../../core/removal.js'
import {defineRule} from '../../core/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {defaultRuleSet} from '../../ruleset/index.js'
import {normalizeDate} from './dates.js'
import {normalizeList} from './lists.js'

export const meta = {
  id: 'frontmatter',
  description: 'Normalises YAML frontmatter: lists, ISO 8601 dates, alias keys, duplicated fields.',
  removalOnly: false,
  group: 'frontmatter',
} as const

/** The frontmatter of the file, normalised: stored by the finder on `file.data.frontmatter`. */
export type FrontmatterData = Record<string, unknown>

const WHITE_SPACE = /\s+/g
const LINE_BREAK = /\n/g
const FINAL_LINE_BREAK = /\n$/
const INDENTATION = /^[ \t]*$/

/** The YAML between the `---` fences, and where it sits in the file. */
interface YamlBlock {
  /** The YAML source. */
  text: string
  /** File offset of its first character. */
  start: number
  /** File line of its first line. */
  line: number
  /** The file's line ending, used for rewritten entries. */
  eol: string
}

/** One top-level entry of the frontmatter mapping. */
interface Entry {
  /** The key as written. */
  readonly name: string
  /** The key on output: the canonical key when `name` is an alias. */
  key: string
  /** The value as plain data, normalised. */
  value: unknown
  /** The value node (for its style), null for `key:` with nothing after it. */
  readonly node: unknown
  /** Offsets in the YAML text: key start, end of the value (no trailing line break). */
  readonly start: number
  readonly end: number
  /** Offset in the YAML text where the key ends (a rename keeps what follows). */
  readonly keyEnd: number
  /** Whether a block sequence value sits at the key's column (`- a` rather than `  - a`). */
  readonly flushSequence: boolean
  /** Whether the rule may change this entry (a plain key, no anchors inside). */
  readonly editable: boolean
  /** What changed, for the reason; empty when nothing did. */
  readonly notes: string[]
  valueChanged: boolean
  dropped: boolean
}

function storeData(file: VFile, data: FrontmatterData): void {
  ;(file.data as {frontmatter?: FrontmatterData}).frontmatter = data
}

/** Set an own property, even one named `__proto__`. */
function setOwn(data: FrontmatterData, key: string, value: unknown): void {
  Object.defineProperty(data, key, {value, enumerable: true, writable: true, configurable: true})
}

/** The YAML frontmatter block, or undefined when there is none (or it is TOML: left as is). */
function yamlBlock(tree: Root, text: string): YamlBlock | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml' || node.position?.start.offset === undefined) return undefined
  const fenceEnd = text.indexOf('\n', node.position.start.offset)
  const start = fenceEnd + 1
  if (fenceEnd === -1 || text.slice(start, start + node.value.length) !== node.value) return undefined
  return {text: node.value, start, line: node.position.start.line + 1, eol: text.charCodeAt(fenceEnd - 1) === 13 ? '\r\n' : '\n'}
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

/** Parse the block; invalid YAML (and duplicate keys) fail the file at the file's line and column. */
function parseBlock(block: YamlBlock, file: VFile): Document.Parsed {
  const lineCounter = new LineCounter()
  const document = parseDocument(block.text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    const {line, col} = lineCounter.linePos(error.pos[0])
    const reason =
      error.code === 'DUPLICATE_KEY'
        ? `Duplicate key \`${keyAt(document, error.pos[0]) ?? '?'}\` in the frontmatter`
        : `Invalid YAML in the frontmatter: ${firstLine(error.message)}`
    file.fail(reason, {place: {line: block.line + line - 1, column: col}, ruleId: meta.id, source: SOURCE})
  }
  for (const warning of document.warnings) {
    reportWarning(file, {
      ruleId: meta.id,
      reason: `Frontmatter YAML: ${firstLine(warning.message)}`,
      start: block.start + warning.pos[0],
      end: block.start + warning.pos[1],
    })
  }
  return document
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

function hasAnchor(node: unknown): boolean {
  if (!isNode(node)) return false
  let found = false
  visit(node, {
    Node(_, child) {
      if (child.anchor) {
        found = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

/** Read one entry; `editable` is false in a flow mapping (`{a: 1}`), which has no entry lines to rewrite. */
function readEntry(pair: Pair<unknown, unknown>, document: Document.Parsed, text: string, flow: boolean): Entry {
  const {key, value} = pair
  const plainKey = isScalar(key) && key.range !== undefined && key.range !== null
  const name = isScalar(key) ? String(key.value) : JSON.stringify(isNode(key) ? key.toJS(document) : key)
  const keyStart = plainKey ? key.range![0] : 0
  const keyEnd = plainKey ? key.range![1] : 0
  const valueRange = isNode(value) ? (value.range ?? undefined) : undefined
  const flushSequence = isSeq(value) && !value.flow && valueRange !== undefined && columnOf(text, valueRange[0]) === columnOf(text, keyStart)
  return {
    name,
    key: name,
    value: isNode(value) ? value.toJS(document) : (value ?? null),
    node: value ?? null,
    start: keyStart,
    end: entryEnd(text, keyEnd, valueRange?.[1] ?? keyEnd),
    keyEnd,
    flushSequence,
    editable: !flow && plainKey && !isAlias(value) && !hasAnchor(value),
    notes: [],
    valueChanged: false,
    dropped: false,
  }
}

/** Rename alias keys to their canonical key, unless that key is already there. */
function renameAliases(entries: readonly Entry[], rules: RuleSet, file: VFile, block: YamlBlock): void {
  const taken = new Set(entries.map((entry) => entry.name))
  for (const entry of entries) {
    if (!entry.editable) continue
    const canonical = rules.frontmatter.aliases.get(entry.name.toLowerCase())
    if (canonical === undefined || canonical === entry.name) continue
    if (taken.has(canonical)) {
      reportWarning(file, {
        ruleId: meta.id,
        reason: `Frontmatter key \`${entry.name}\` is another name for \`${canonical}\`, which is also set; left as is`,
        start: block.start + entry.start,
        end: block.start + entry.keyEnd,
      })
      continue
    }
    taken.add(canonical)
    entry.key = canonical
    entry.notes.push(`renamed from \`${entry.name}\``)
  }
}

function normalizeDateEntry(entry: Entry, file: VFile, block: YamlBlock): void {
  if (entry.value === null) return
  const normal = typeof entry.value === 'string' ? normalizeDate(entry.value) : undefined
  if (!normal) {
    reportWarning(file, {
      ruleId: meta.id,
      reason: `Frontmatter \`${entry.key}\` is not a date this rule can read; left as written`,
      start: block.start + entry.start,
      end: block.start + entry.end,
    })
    return
  }
  if (!normal.changed) return
  entry.notes.push(`\`${String(entry.value)}\` written as ISO 8601${normal.zone === 'assumed-utc' ? ' (no time zone given: taken as UTC)' : ''}`)
  entry.value = normal.iso
  entry.valueChanged = true
}

/** Normalise each entry's value by its key's type. */
function normalizeValues(entries: readonly Entry[], rules: RuleSet, file: VFile, block: YamlBlock): void {
  for (const entry of entries) {
    const spec = rules.frontmatter.keys.get(entry.key)
    if (!spec || !entry.editable) continue
    if (spec.type === 'list') {
      const normal = normalizeList(entry.value, spec.split)
      if (!normal || normal.notes.length === 0) continue
      entry.notes.push(...normal.notes)
      entry.value = normal.value
      entry.valueChanged = true
    } else if (spec.type === 'date') {
      normalizeDateEntry(entry, file, block)
    }
  }
}

/** Collapse white space, so that a re-wrapped copy still counts as the same text. */
function collapse(value: string): string {
  return value.replace(WHITE_SPACE, ' ').trim()
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return collapse(a) === collapse(b)
  return a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b)
}

/** Drop keys that only repeat another key (`rules: frontmatter.duplicates`). */
function dropDuplicates(entries: readonly Entry[], rules: RuleSet): void {
  for (const rule of rules.frontmatter.duplicates) {
    const original = entries.find((entry) => entry.key === rule.sameAs && !entry.dropped)
    if (!original) continue
    for (const entry of entries) {
      if (entry.key !== rule.drop || entry.dropped || !entry.editable || !sameValue(entry.value, original.value)) continue
      entry.dropped = true
      entry.notes.splice(0, entry.notes.length, `same as \`${rule.sameAs}\`, dropped`)
    }
  }
}

/** Serialise one entry as `yaml` would, keeping the author's quoting and list style. */
function entryText(entry: Entry, eol: string): string {
  const document = new Document({[entry.key]: entry.value})
  const node = document.get(entry.key, true)
  const like = entry.node
  if (isScalar(like) && isScalar(node) && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE')) node.type = like.type
  if (isSeq(like) && isSeq(node) && like.flow) node.flow = true
  const text = document.toString({lineWidth: 0, indentSeq: !entry.flushSequence, flowCollectionPadding: false})
  return text.replace(FINAL_LINE_BREAK, '').replace(LINE_BREAK, eol)
}

/** A renamed key with an unchanged value keeps the value's bytes. */
function renamedText(entry: Entry, block: YamlBlock): string {
  return stringify(entry.key).replace(FINAL_LINE_BREAK, '') + block.text.slice(entry.keyEnd, entry.end)
}

/** From the start of the entry's line (when only indentation precedes it) through its line break. */
function droppedSpan(text: string, start: number, end: number): {start: number; end: number} {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const from = INDENTATION.test(text.slice(lineStart, start)) ? lineStart : start
  const lineBreak = text.indexOf('\n', end)
  return {start: from, end: lineBreak === -1 ? text.length : lineBreak + 1}
}

function reportEntry(entry: Entry, file: VFile, block: YamlBlock): void {
  if (entry.notes.length === 0) return
  const reason = `${entry.key}: ${entry.notes.join(', ')}`
  const start = block.start + entry.start
  const end = block.start + entry.end
  if (entry.dropped) {
    reportRemoval(file, {ruleId: meta.id, reason, key: entry.key, ...droppedSpan(String(file.value), start, end)})
    return
  }
  const replacement = entry.valueChanged ? entryText(entry, block.eol) : renamedText(entry, block)
  reportRemoval(file, {ruleId: meta.id, reason, key: entry.key, start, end, replacement})
}

/** Normalise the frontmatter: report each changed entry, store the normalised data. */
export function normalizeFrontmatter(tree: Root, file: VFile, rules: RuleSet): void {
  const data: FrontmatterData = {}
  storeData(file, data)
  const block = yamlBlock(tree, String(file.value))
  if (!block) return
  const document = parseBlock(block, file)
  const contents = document.contents
  if (contents === null) return
  if (!isMap(contents)) {
    reportWarning(file, {
      ruleId: meta.id,
      reason: 'Frontmatter is not a mapping of keys to values; left as is',
      start: block.start,
      end: block.start + block.text.length,
    })
    return
  }
  const flow = contents.flow === true
  const entries = contents.items.map((pair) => readEntry(pair as Pair<unknown, unknown>, document, block.text, flow))
  renameAliases(entries, rules, file, block)
  normalizeValues(entries, rules, file, block)
  dropDuplicates(entries, rules)
  for (const entry of entries) {
    if (!entry.dropped) setOwn(data, entry.key, entry.value)
    reportEntry(entry, file, block)
  }
}

export const frontmatter = defineRule(meta, normalizeFrontmatter, defaultRuleSet)
export default frontmatter.plugin

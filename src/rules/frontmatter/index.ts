/**
 * frontmatter: normalise the frontmatter (YAML, or TOML between `+++`) by the
 * schema in `rules: frontmatter`.
 *
 * Every key is matched to a field of the schema by its name or an alias
 * (case-insensitively); its value goes through the field type's transforms
 * (`values.ts`: lists split and deduplicated, dates parsed in the default
 * zone and written as ISO 8601, URLs stripped of tracking parameters,
 * prompt text dropped from keywords …). Junk goes: empty values, a key that
 * repeats another (`excerpt` equal to `description`, `seo_desc` equal to
 * `description`). With `derive`, missing fields are filled in.
 *
 * With a site generator (`generator`, or a dialect that names what its
 * generator `reads`), values the generator reads as written stay as they are:
 * Jekyll's `date: 2024-05-02 09:30:00 +0200` and `categories: travel
 * portugal`, Hexo's zone-less dates, Astro's `pubDate: 'Jul 08 2022'`.
 *
 * Each change is reported as an error when junk went (or a derived field
 * was added), and as a warning (`severity: 'warning'`) when only the form
 * changed — a date format, a list shape, white space, a key's case or order.
 *
 * Without a dialect, the block is tidied in place: each changed entry is one
 * replacement, everything else keeps its bytes, key names and order (only
 * `Title` becomes `title`). With a dialect (`canonical`, `hugo`, `jekyll` …)
 * the block is rewritten in that dialect's names, order, date format and
 * list shapes; unknown keys follow the known ones, and entries that did not
 * change keep their bytes and comments.
 *
 * Every change is recorded with the old and new value (`file.data.
 * frontmatterChanges`); the output data goes to `file.data.frontmatter`;
 * with `strict`, problems go to `file.data.frontmatterProblems`.
 *
 * Keeps: dates it cannot read (warned), a frontmatter that is not a mapping
 * (warned), entries holding YAML anchors or aliases (rewriting them would
 * break the aliases; under a dialect such a file is tidied in place instead,
 * warned), a date's own offset where the format prints one.
 * Invalid YAML/TOML and duplicate keys are kept as written, with a warning
 * naming the line, column and cause (a problem with `strict`); scrapers'
 * broken YAML is repaired before parsing where it can be (`repair.ts`).
 *
 * @example
 *   ---
 *   date: 2024-09-11 23:53:11
 *   keywords: Printer Fix,Driver Update
 *   ---
 *   → date: 2024-09-11T23:53:11     (no zone known: none is made up)
 *     keywords:
 *       - Printer Fix
 *       - Driver Update
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {isRemoved, reportRemoval, reportWarning, type RemovalSeverity} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {RunOptions} from '../../ruleset/run-options.js'
import {section} from './section.js'
import {CANONICAL_DATE_FORMAT, type CompiledDialect, type CompiledFrontmatterKey, type CompiledReads} from './section.js'
import {findBlock, placeOf, readEntries, type Block, type Entries, type Entry, type Unreadable} from './block.js'
import {firstParagraphText, slugFromPath, slugify, summarize} from './derive.js'
import {decodeCharacterReferences} from './entities.js'
import type {FrontmatterOptions} from './options.js'
import type {YamlRepairKind} from './repair-yaml.js'
import {typeProblem, type StrictProblem} from './strict.js'
import {isEmptyValue, normalizeValue, type ValueContext} from './values.js'
import {renamedEntryText, tomlBlockText, tomlEntryText, yamlBlockText, yamlEntryText, type OutEntry} from './write.js'

export const meta = {
  id: 'frontmatter',
  description: 'Normalises frontmatter by the schema: lists, dates, URLs, junk keys; writes a generator’s dialect on request.',
  removalOnly: false,
  group: 'frontmatter',
  shapes: ['frontmatter'],
} as const

/** The frontmatter of the file as written out: stored on `file.data.frontmatter`. */
export type FrontmatterData = Record<string, unknown>

/** One change to a value or key, old → new. */
export interface FrontmatterChange {
  /** The key written (for a dropped key: its name as written). */
  key: string
  /** The key as written, when it was renamed. */
  from?: string
  /** The value as read; absent for a derived field. */
  old?: unknown
  /** The value written; absent when the key was dropped. */
  new?: unknown
  reason: string
  /** The kind of repair, when the change repaired YAML that did not read (`quote-value`, `escape-quotes`, `tab-indent`); `old` is then the text as written. */
  repair?: YamlRepairKind
}

/** What the rule leaves on `file.data`. */
export interface FrontmatterFileData {
  frontmatter?: FrontmatterData
  frontmatterChanges?: FrontmatterChange[]
  frontmatterProblems?: StrictProblem[]
  /** Whether the block was left as written because it could not be read (not YAML or TOML that parses, not a mapping). */
  frontmatterKept?: boolean
}

/** One entry on its way through the rule. */
interface State {
  readonly entry: Entry | undefined
  /** The field it fills, if any (none for unknown keys and for a second, different value of a field). */
  spec: CompiledFrontmatterKey | undefined
  value: unknown
  /** The key written. */
  key: string
  notes: string[]
  changed: boolean
  dropped: boolean
  /** Whether junk went (an empty value, a copy, a repeat, tracking parameters …), not only the form changed. */
  junk: boolean
  /** Whether the value stays because the site's generator reads it as written. */
  generatorReads: boolean
}

const JEKYLL_DATE_PREFIX = /(?:^|[/\\])(\d{4}-\d{2}-\d{2})-[^/\\]*$/

function dataOf(file: VFile): FrontmatterFileData {
  return file.data as FrontmatterFileData
}

/** Set an own property, even one named `__proto__`. */
function setOwn(data: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(data, key, {value, enumerable: true, writable: true, configurable: true})
}

/** Collapse white space, so that a re-wrapped copy still counts as the same text. */
function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function sameValue(a: unknown, b: unknown): boolean {
  // A one-item list holds the same as its item (`image: [x]` and `heroImage: x`), as a dialect's shapes make them.
  if (Array.isArray(a) && a.length === 1 && !Array.isArray(b)) return sameValue(a[0], b)
  if (Array.isArray(b) && b.length === 1 && !Array.isArray(a)) return sameValue(a, b[0])
  if (typeof a === 'string' && typeof b === 'string') return collapse(a) === collapse(b)
  return a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b)
}

function live(states: readonly State[]): State[] {
  return states.filter((state) => !state.dropped)
}

/** The `entities` transform: HTML character references in a text value decoded (see `entities.ts`). */
function decodeEntities(state: State, spec: CompiledFrontmatterKey): void {
  if (!spec.transforms.has('entities') || typeof state.value !== 'string') return
  const decoded = decodeCharacterReferences(state.value)
  if (decoded === state.value) return
  state.value = decoded
  state.notes.push('HTML character references decoded')
  state.changed = true
  // A scraper's leftover markup (a site shows `&amp;` as written): junk, not a matter of taste.
  state.junk = true
}

/** Normalise each value by its field; dates it cannot read are warned about and left. */
function normalizeStates(states: readonly State[], context: ValueContext, file: VFile, block: Block | undefined, rewrite: boolean): void {
  for (const state of states) {
    const {entry, spec} = state
    if (!spec || !entry || (!entry.editable && !rewrite)) continue
    decodeEntities(state, spec)
    const normal = normalizeValue(state.value, spec, context, entry.name)
    if (normal === 'unreadable') {
      if (block) {
        reportWarning(file, {
          ruleId: meta.id,
          reason: `Frontmatter \`${entry.name}\` is not a date this rule can read; left as written`,
          start: block.start + entry.start,
          end: block.start + entry.end,
        })
      }
      continue
    }
    if (normal.generatorReads) state.generatorReads = true
    if (normal.warning !== undefined && block) {
      reportWarning(file, {
        ruleId: meta.id,
        reason: `Frontmatter \`${entry.name}\` ${normal.warning}`,
        start: block.start + entry.start,
        end: block.start + entry.end,
      })
    }
    if (normal.notes.length === 0) continue
    state.value = normal.value
    state.notes.push(...normal.notes)
    state.changed = true
    if (normal.junk) state.junk = true
  }
}

/** Drop empty values and keys that repeat another key's value. */
function dropJunk(
  states: readonly State[],
  rules: RuleSet,
  dialect: CompiledDialect | undefined,
  reads: CompiledReads | undefined,
  file: VFile,
  block: Block | undefined,
): void {
  const rewrite = dialect !== undefined
  // Of two names for one field, the one the output will use wins: the dialect's name, else the schema's.
  const rank = (state: State) => {
    const name = state.entry?.name
    if (name === undefined || !state.spec) return 2
    if (dialect && name === dialect.keys.find((field) => field.field === state.spec!.key)?.key) return 0
    return name === state.spec.key ? 1 : 2
  }
  const dropAllowed = (state: State) => !state.dropped && state.entry !== undefined && (state.entry.editable || rewrite)
  if (rules.frontmatter.dropEmpty) {
    for (const state of states) {
      if (!dropAllowed(state) || !isEmptyValue(state.value)) continue
      // An empty key the generator's own scaffold writes (Hexo's `tags:`) is no junk there.
      if (state.entry && state.notes.length === 0 && reads?.emptyKeys.has(state.entry.name.toLowerCase())) continue
      state.dropped = true
      state.junk = true
      // A value emptied by its transforms keeps the notes that say why.
      state.notes.push(state.notes.length === 0 ? 'empty, dropped' : 'nothing left, dropped')
    }
  }
  // Two names for one field: an equal value is a copy; a different one keeps its own name and no field.
  const byField = new Map<string, State>()
  for (const state of states) {
    if (!state.spec || state.dropped) continue
    const first = byField.get(state.spec.key)
    if (!first) {
      byField.set(state.spec.key, state)
      continue
    }
    const [primary, other] = rank(state) < rank(first) ? [state, first] : [first, state]
    byField.set(state.spec.key, primary)
    if (dropAllowed(other) && sameValue(other.value, primary.value)) {
      other.dropped = true
      other.junk = true
      other.notes.splice(0, other.notes.length, `same as \`${primary.entry?.name ?? primary.key}\`, dropped`)
    } else {
      // Under a dialect the two would write one key: the other one keeps its own name.
      if (rewrite && block && other.entry) {
        reportWarning(file, {
          ruleId: meta.id,
          reason: `Frontmatter key \`${other.entry.name}\` is another name for \`${primary.entry?.name ?? state.spec.key}\`, which is also set to something else; kept under its own name`,
          start: block.start + other.entry.start,
          end: block.start + other.entry.end,
        })
      }
      other.spec = undefined
    }
  }
  for (const rule of rules.frontmatter.duplicates) {
    const original = byField.get(rule.sameAs)
    const copy = byField.get(rule.drop)
    if (!original || !copy || original.dropped || !dropAllowed(copy) || !sameValue(copy.value, original.value)) continue
    copy.dropped = true
    copy.junk = true
    copy.notes.splice(0, copy.notes.length, `same as \`${original.entry?.name ?? rule.sameAs}\`, dropped`)
  }
}

/** Fill in the missing fields `derive` asks for. */
function deriveStates(states: State[], options: FrontmatterOptions, rules: RuleSet, tree: Root, file: VFile): void {
  const has = (key: string) => states.some((state) => !state.dropped && state.spec?.key === key)
  const add = (key: string, value: unknown, note: string) => {
    const spec = rules.frontmatter.keys.get(key)
    if (!spec) return
    states.push({entry: undefined, spec, value, key, notes: [note], changed: true, dropped: false, junk: false, generatorReads: false})
  }
  const derive = new Set(options.derive ?? [])
  if (derive.has('slug') && !has('slug')) {
    const title = states.find((state) => !state.dropped && state.spec?.key === 'title')?.value
    const fromTitle = typeof title === 'string' ? slugify(title) : undefined
    const fromPath = fromTitle === undefined && file.path ? slugFromPath(file.path) : undefined
    const slug = fromTitle ?? fromPath
    if (slug !== undefined) add('slug', slug, fromTitle !== undefined ? 'derived from the title' : 'derived from the file name')
  }
  if (derive.has('description') && !has('description')) {
    const paragraph = firstParagraphText(tree, (start, end) => isRemoved(file, start, end))
    if (paragraph !== undefined) add('description', summarize(paragraph), 'derived from the first paragraph')
  }
  if (derive.has('date') && !has('date') && file.path) {
    const day = JEKYLL_DATE_PREFIX.exec(file.path)?.[1]
    if (day !== undefined) add('date', day, 'derived from the file name')
  }
}

/** Shape a value for the dialect (`images: [x]`, `heroImage: x`); a note when the shape changed. */
function shape(value: unknown, wanted: 'list' | 'single' | undefined): {value: unknown; note?: string} {
  if (wanted === 'list' && !Array.isArray(value)) return {value: [value], note: 'made a one-item list'}
  if (wanted === 'single' && Array.isArray(value) && value.length === 1) return {value: value[0], note: 'one-item list made a single value'}
  return {value}
}

/** The entries as a dialect writes them: its fields in its order, then the rest in the author's order. */
function dialectOrder(states: readonly State[], dialect: CompiledDialect, file: VFile, block: Block | undefined): OutEntry[] {
  const out: OutEntry[] = []
  const placed = new Set<State>()
  for (const field of dialect.keys) {
    const state = states.find((candidate) => !candidate.dropped && candidate.spec?.key === field.field)
    if (!state) continue
    placed.add(state)
    const shaped = shape(state.value, field.shape)
    if (shaped.note) {
      state.notes.push(shaped.note)
      state.value = shaped.value
      state.changed = true
    }
    if (field.shape === 'single' && Array.isArray(shaped.value) && block && state.entry) {
      reportWarning(file, {
        ruleId: meta.id,
        reason: `Frontmatter \`${state.entry.name}\` holds ${shaped.value.length} values where ${dialect.id} expects one; kept as a list`,
        start: block.start + state.entry.start,
        end: block.start + state.entry.end,
      })
    }
    if (state.entry && state.entry.name !== field.key) state.notes.push(`renamed from \`${state.entry.name}\``)
    state.key = field.key
    out.push({key: field.key, value: state.value, from: state.entry, changed: state.changed})
  }
  const used = new Set(out.map((entry) => entry.key))
  for (const state of states) {
    if (state.dropped || placed.has(state)) continue
    // A key kept under its own name must not collide with a name the dialect writes.
    let key = state.key
    for (let n = 2; used.has(key); n++) key = `${state.key}_${n}`
    if (key !== state.key) {
      state.notes.push(`renamed from \`${state.key}\` (the dialect writes another field under that name)`)
      state.key = key
    }
    used.add(key)
    out.push({key, value: state.value, from: state.entry, changed: state.changed})
  }
  return out
}

/** Without a dialect, only a case variant of a canonical key is renamed (`Title` → `title`). */
function tidyKeys(states: readonly State[]): void {
  const names = new Set(live(states).map((state) => state.key))
  for (const state of states) {
    const {entry, spec} = state
    if (
      state.dropped ||
      !entry ||
      !spec ||
      !entry.editable ||
      entry.name === spec.key ||
      entry.name.toLowerCase() !== spec.key.toLowerCase()
    )
      continue
    if (names.has(spec.key)) continue
    names.add(spec.key)
    state.key = spec.key
    state.notes.push(`renamed from \`${entry.name}\``)
  }
}

/** From the start of the entry's lead (comments before it) through its line break. */
function droppedSpan(block: Block, entry: Entry): {start: number; end: number} {
  const text = block.text
  const lineStart = entry.start > 0 ? text.lastIndexOf('\n', entry.start - 1) + 1 : 0
  const from = text.slice(lineStart, entry.start).trim() === '' ? lineStart : entry.start
  // Through the entry's tail: indented comment lines after it belong to it (left behind, they would join a block scalar above).
  const lineBreak = text.indexOf('\n', entry.tail)
  if (lineBreak !== -1) return {start: block.start + from, end: block.start + lineBreak + 1}
  // The last entry: take the line break before it instead, so no blank line is left.
  const before = from === lineStart && lineStart > 0 ? lineStart - (text.charCodeAt(lineStart - 2) === 13 ? 2 : 1) : from
  return {start: block.start + before, end: block.start + text.length}
}

/**
 * How a change counts in check mode: junk going (an empty value, a copy, a
 * repeat, tracking parameters, prompt text) and a derived field asked for
 * are errors; a change of form alone (a date format, a list shape, white
 * space, a key's case or order) is a matter of taste, a warning.
 */
function severityOf(states: readonly State[]): RemovalSeverity | undefined {
  return states.some((state) => state.notes.length > 0 && (state.junk || state.entry === undefined)) ? undefined : 'warning'
}

/** {@link severityOf} as the field of a removal (absent for an error). */
function severityField(states: readonly State[]): {severity?: RemovalSeverity} {
  const severity = severityOf(states)
  return severity === undefined ? {} : {severity}
}

function reasonOf(state: State): string {
  return `${state.key}: ${state.notes.join(', ')}`
}

/** Where new entries go at the end of the block, and the text that puts `entries` there. */
function appendAt(block: Block, entries: readonly string[]): {offset: number; text: string} {
  const offset = block.start + block.text.length
  const joined = entries.join(block.eol)
  return block.text === '' ? {offset, text: joined + block.eol} : {offset, text: block.eol + joined}
}

/** Tidy in place: one replacement per changed entry, derived fields appended. */
function writeTidy(states: readonly State[], block: Block | undefined, read: Entries, file: VFile): void {
  if (!block) {
    writeNewBlock(states, file)
    return
  }
  if (
    block.format === 'toml' &&
    states.some(
      (state) =>
        state.entry &&
        !state.dropped &&
        state.notes.length > 0 &&
        (!state.entry.editable || state.entry.table || tomlEntryText(state.key, state.value) === undefined),
    )
  ) {
    writeWholeBlock(
      states.filter((state) => !state.dropped).map((state) => outOf(state)),
      states,
      {block, read, file},
      'toml',
      'TOML rewritten',
    )
    return
  }
  const added: string[] = []
  const addedStates: State[] = []
  for (const state of states) {
    const {entry} = state
    if (state.notes.length === 0) continue
    if (!entry) {
      added.push(
        block.format === 'yaml'
          ? yamlEntryText(state.key, state.value, undefined, false, block.eol)
          : (tomlEntryText(state.key, state.value) ?? ''),
      )
      addedStates.push(state)
      continue
    }
    if (state.dropped) {
      reportRemoval(file, {
        ruleId: meta.id,
        reason: reasonOf(state),
        key: state.key,
        ...droppedSpan(block, entry),
        ...severityField([state]),
      })
      continue
    }
    const replacement =
      block.format === 'toml'
        ? tomlEntryText(state.key, state.value)!
        : state.changed
          ? yamlEntryText(state.key, state.value, entry.node, entry.flushSequence, block.eol)
          : renamedEntryText(state.key, entry, block)
    reportRemoval(file, {
      ruleId: meta.id,
      reason: reasonOf(state),
      key: state.key,
      start: block.start + entry.start,
      end: block.start + entry.end,
      replacement,
      ...severityField([state]),
    })
  }
  if (added.length > 0) {
    const {offset, text} = appendAt(block, added)
    reportRemoval(file, {
      ruleId: meta.id,
      reason: addedStates.map(reasonOf).join('; '),
      start: offset,
      end: offset,
      replacement: text,
      ...severityField(addedStates),
    })
  }
}

function outOf(state: State): OutEntry {
  return {key: state.key, value: state.value, from: state.entry, changed: state.changed}
}

/** A frontmatter block where there was none (derived fields only). */
function writeNewBlock(states: readonly State[], file: VFile): void {
  const added = states.filter((state) => !state.dropped)
  if (added.length === 0) return
  const text = `---\n${yamlBlockText(added.map(outOf), undefined, {header: '', trailer: ''}, false)}\n---\n`
  reportRemoval(file, {
    ruleId: meta.id,
    reason: added.map(reasonOf).join('; '),
    start: 0,
    end: 0,
    replacement: text,
    ...severityField(added),
  })
}

/** Replace the whole block text (or the block with its fences, when YAML replaces TOML). */
function writeWholeBlock(
  out: readonly OutEntry[],
  states: readonly State[],
  {block, read, file}: {block: Block; read: Entries; file: VFile},
  format: 'yaml' | 'toml',
  what: string,
): void {
  const reuse = format === 'yaml' && block.format === 'yaml'
  const text = format === 'toml' ? tomlBlockText(out, block, read) : yamlBlockText(out, block, read, reuse && !read.anchors)
  const notes = states.filter((state) => state.notes.length > 0).map(reasonOf)
  if (format !== block.format) {
    const fence = format === 'yaml' ? '---' : '+++'
    const replacement = `${fence}${block.eol}${text}${block.eol}${fence}`
    reportRemoval(file, {
      ruleId: meta.id,
      reason: [`${what}`, ...notes].join('; '),
      start: block.from,
      end: block.to,
      replacement,
      ...severityField(states),
    })
    return
  }
  if (text === block.text) return
  const replacement = block.text === '' && text !== '' ? text + block.eol : text
  reportRemoval(file, {
    ruleId: meta.id,
    reason: [what, ...notes].join('; '),
    start: block.start,
    end: block.start + block.text.length,
    replacement,
    ...severityField(states),
  })
}

function recordChanges(states: readonly State[], file: VFile): void {
  const changes: FrontmatterChange[] = []
  for (const state of states) {
    if (state.notes.length === 0) continue
    const change: FrontmatterChange = {key: state.key, reason: state.notes.join(', ')}
    if (state.entry && state.entry.name !== state.key) change.from = state.entry.name
    if (state.entry) change.old = state.entry.original
    if (!state.dropped) change.new = state.value
    changes.push(change)
  }
  dataOf(file).frontmatterChanges = changes
}

/** `strict`: required fields missing, values of the wrong type. */
function checkStrict(
  states: readonly State[],
  rules: RuleSet,
  dialect: CompiledDialect | undefined,
  block: Block | undefined,
): StrictProblem[] {
  const problems: StrictProblem[] = []
  const fence = block ? {line: block.line - 1, column: 1} : {line: 1, column: 1}
  const required = dialect?.required ?? [...rules.frontmatter.keys.values()].filter((spec) => spec.required).map((spec) => spec.key)
  const kept = live(states)
  for (const key of required) {
    if (kept.some((state) => state.spec?.key === key)) continue
    const name = dialect?.keys.find((field) => field.field === key)?.key ?? key
    problems.push({reason: `Required frontmatter key \`${name}\` is missing`, key, ...fence})
  }
  for (const state of kept) {
    // A value the site's generator reads as written is of the right type for it.
    if (!state.spec || state.generatorReads) continue
    const problem = typeProblem(state.value, state.spec)
    if (!problem) continue
    const place = block && state.entry ? placeOf(block, state.entry.start) : fence
    problems.push({reason: `Frontmatter \`${state.key}\` ${problem}`, key: state.spec.key, ...place})
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}

/**
 * Frontmatter that does not parse (and that no repair made readable) stays
 * as written; its line, column and cause are a warning, or with `strict` a
 * problem. The body is cleaned all the same.
 */
function keepUnreadable(block: Block, read: Unreadable, options: FrontmatterOptions, file: VFile): void {
  const reason = `${read.unreadable}; the frontmatter is kept as written`
  if (options.strict) {
    dataOf(file).frontmatterProblems = [{reason, key: '', ...placeOf(block, read.offset)}]
    return
  }
  reportWarning(file, {ruleId: meta.id, reason, start: block.start + read.offset, end: block.start + read.offset})
}

/** Normalise the frontmatter: report each change, store the data, changes and problems. */
export function normalizeFrontmatter(tree: Root, file: VFile, rules: RuleSet, run: RunOptions): void {
  const options = run.frontmatter ?? {}
  let dialect = options.dialect === undefined ? undefined : rules.frontmatter.dialects.get(options.dialect)
  const data: FrontmatterData = {}
  const fileData = dataOf(file)
  fileData.frontmatter = data
  fileData.frontmatterChanges = []
  const block = findBlock(tree, String(file.value))
  const read = block ? readEntries(block, file) : {entries: [], anchors: false, header: '', trailer: ''}
  if (!read || 'unreadable' in read) fileData.frontmatterKept = true
  if (!read) return
  if ('unreadable' in read) {
    keepUnreadable(block!, read, options, file)
    return
  }
  if (dialect && read.anchors && block?.format === 'yaml') {
    // Moving or rewriting an anchored entry would break the aliases to it: tidy this file in place instead.
    reportWarning(file, {
      ruleId: meta.id,
      reason: `Frontmatter uses YAML anchors or aliases; tidied in place instead of written for ${dialect.id}`,
      start: block.start,
      end: block.start + block.text.length,
    })
    dialect = undefined
  }
  const rewrite = dialect !== undefined
  const states: State[] = read.entries.map((entry) => {
    const canonical = rules.frontmatter.aliases.get(entry.name.toLowerCase())
    const spec = canonical === undefined ? undefined : rules.frontmatter.keys.get(canonical)
    return {
      entry,
      // `published: false` (Jekyll's and Hexo's flag) is not the date `published` is another name for.
      spec: spec?.type === 'date' && typeof entry.original === 'boolean' ? undefined : spec,
      value: entry.original,
      key: entry.name,
      notes: [],
      changed: false,
      dropped: false,
      junk: false,
      generatorReads: false,
    }
  })
  const zone = options.zone ?? rules.frontmatter.zone
  const toml = block?.format === 'toml' && (!dialect || dialect.keepToml)
  // What the generator reads as written: the chosen dialect's, else the site generator's.
  const generator = options.generator === undefined ? undefined : rules.frontmatter.dialects.get(options.generator)
  const reads = dialect ? dialect.reads : generator?.reads
  const dateFormat = dialect?.dateFormat ?? generator?.dateFormat ?? CANONICAL_DATE_FORMAT
  // Tidying with no generator known, ISO 8601 as written stays; a generator's `reads` says what stays for it.
  normalizeStates(states, {rules, zone, dateFormat, keepIso: !dialect && !reads, reads, toml}, file, block, rewrite)
  dropJunk(states, rules, dialect, reads, file, block)
  deriveStates(states, options, rules, tree, file)
  if (dialect) {
    const out = dialectOrder(states, dialect, file, block)
    const format = block?.format === 'toml' && dialect.keepToml ? 'toml' : 'yaml'
    if (block) writeWholeBlock(out, states, {block, read, file}, format, `frontmatter written for ${dialect.id}`)
    else writeNewBlock(states, file)
    for (const entry of out) setOwn(data, entry.key, entry.value)
  } else {
    tidyKeys(states)
    writeTidy(states, block, read, file)
    for (const state of live(states)) setOwn(data, state.key, state.value)
  }
  recordChanges(states, file)
  if (options.strict) fileData.frontmatterProblems = checkStrict(states, rules, dialect, block)
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, normalizeFrontmatter, section)

/**
 * Repairing a document's broken YAML frontmatter before it is parsed, so
 * that a scraper's unquoted title costs one recorded repair, not the whole
 * article.
 *
 * Runs on the raw text (the Markdown parser decides where the frontmatter
 * ends, so a missing closing fence must be put in before it parses):
 * - between `---` fences, YAML that does not read is repaired line by line
 *   (`repair-yaml.ts`: quoting, escaping quotes, tabs);
 * - `closing-fence`: when the block has no closing fence, or its YAML does
 *   not read because the body was taken in (a later `---` thematic break
 *   closed it), the fence goes in after the last line that is frontmatter —
 *   before the first heading, paragraph or blank line followed by Markdown.
 *   Only when those lines name at least one key of the schema (`title`,
 *   `date` …), read as YAML (repaired if need be), and no key line follows
 *   before a later fence: `---` then a paragraph is left as Markdown;
 * - `join-blocks`: a second block right after the first (`---` on the line
 *   after the closing fence, then key lines without a blank one, then `---`)
 *   is joined to it, as a generator reads only the first and shows the
 *   second as a rule and a heading made of `key: value` lines. Only when the
 *   second names a schema key, has no key the first has, and the two read as
 *   YAML together (repaired if need be).
 *
 * Each repair is an edit of the text with its reason and key; the caller
 * runs the rules on the repaired text and maps what they find back. When no
 * repair makes the YAML read, nothing is repaired: the frontmatter rule then
 * keeps the block's bytes and warns.
 *
 * @example
 *   ---                              ---
 *   title: Fix: the driver     →     title: 'Fix: the driver'
 *   # Step one                       ---
 *                                    # Step one
 */
import type {RecordedEdit} from '../../engine/edit-map.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {FrontmatterChange} from './index.js'
import {repairYaml, type RepairKind, type YamlRepair, type YamlRepairOptions} from './repair-yaml.js'
import {BLOCK_SCALAR_HEADER, keyLine, linesOf, type KeyLine, type Line} from './yaml-lines.js'

/** A repair as an edit of the document, recorded under the `frontmatter` rule. */
export interface FrontmatterRepair extends RecordedEdit {
  readonly kind: RepairKind
}

/** What repairing a document found: the edits (sorted) and the changes to record. */
export interface FrontmatterRepairs {
  readonly edits: readonly FrontmatterRepair[]
  readonly changes: readonly FrontmatterChange[]
}

const NONE: FrontmatterRepairs = {edits: [], changes: []}
const RULE_ID = 'frontmatter'
const OPENING_FENCE = /^---[ \t]*(\r?\n)/
const CLOSING_FENCE = /^---[ \t]*$/

/** A top-level key line (no indentation, no `- ` markers). */
function topKey(text: string): KeyLine | undefined {
  const entry = keyLine(text)
  return entry && entry.markers === '' ? entry : undefined
}

function isBlank(text: string): boolean {
  return text.trim() === ''
}

/**
 * The lines at the start that are frontmatter: key lines at column 0, lines
 * indented under them, `- ` items under a key with no value, and blank and
 * comment lines between such lines (not after the last). Returns the index
 * of the last such line (-1 when none) and the keys seen.
 */
function frontmatterLines(lines: readonly Line[], limit: number): {last: number; keys: string[]} {
  const keys: string[] = []
  let last = -1
  let open = false // the last key has no value on its line: items or a block may follow
  let blockScalar = false
  for (let index = 0; index < limit; index++) {
    const text = lines[index]!.text
    const indented = /^[ \t]/.test(text)
    if (blockScalar && (isBlank(text) || indented)) {
      if (!isBlank(text)) last = index
      continue
    }
    blockScalar = false
    if (isBlank(text) || text.trimStart().startsWith('#')) continue
    if (indented) {
      // Under an entry: only right after one (after a blank line, indented text is Markdown code).
      if (last !== index - 1) break
      last = index
      continue
    }
    if (/^-(?:[ \t]|$)/.test(text)) {
      if (!open) break
      last = index
      continue
    }
    const entry = topKey(text)
    if (!entry) break
    keys.push(entry.name)
    const value = entry.value
    open = value === ''
    blockScalar = BLOCK_SCALAR_HEADER.test(value)
    last = index
  }
  return {last, keys}
}

/** The repairs of one YAML text, as document edits and changes; `at` maps an offset of the text to the document's. */
function toDocument(repairs: readonly YamlRepair[], at: number | ((offset: number) => number)): FrontmatterRepairs {
  const offsetOf = typeof at === 'number' ? (offset: number) => at + offset : at
  const edits: FrontmatterRepair[] = []
  const changes: FrontmatterChange[] = []
  for (const repair of repairs) {
    edits.push({
      kind: repair.kind,
      ruleId: RULE_ID,
      start: offsetOf(repair.start),
      end: offsetOf(repair.end),
      replacement: repair.replacement,
      reason: repair.key === '' ? repair.reason : `${repair.key}: ${repair.reason}`,
      key: repair.key === '' ? undefined : repair.key,
    })
    // Tabs in several lines of one entry: one change.
    if (repair.kind === 'tab-indent' && changes.some((change) => change.key === repair.key && change.repair === 'tab-indent')) continue
    const change: FrontmatterChange = {key: repair.key, reason: repair.reason, repair: repair.kind}
    if (repair.old !== undefined) change.old = repair.old
    if (repair.new !== undefined) change.new = repair.new
    changes.push(change)
  }
  return {edits, changes}
}

/** The schema's text fields (their names and aliases, lower case): where an unclosed `[` is text. */
function textKeysOf(rules: RuleSet): Set<string> {
  const keys = new Set<string>()
  for (const [alias, key] of rules.frontmatter.aliases) if (rules.frontmatter.keys.get(key)?.type === 'string') keys.add(alias)
  return keys
}

/** The top-level keys named by lines `[from, to)`. */
function keysIn(lines: readonly Line[], from: number, to: number): string[] {
  const keys: string[] = []
  for (let index = from; index < to; index++) {
    const entry = topKey(lines[index]!.text)
    if (entry) keys.push(entry.name)
  }
  return keys
}

/**
 * A second block right after the first one (closed at line `close`), joined
 * to it: the fences between go, and the YAML of both, read as one, is
 * repaired if need be. Undefined when there is no such block, or when it
 * cannot be joined.
 */
function joinSecondBlock(
  text: string,
  lines: readonly Line[],
  contentStart: number,
  close: number,
  rules: RuleSet,
  options: YamlRepairOptions,
): FrontmatterRepairs | undefined {
  if (!CLOSING_FENCE.test(lines[close + 1]?.text ?? '')) return undefined
  const from = close + 2
  const end = lines.findIndex((line, index) => index >= from && CLOSING_FENCE.test(line.text))
  if (end === -1 || end === from) return undefined
  // No blank line in it: Markdown reads it all as one heading (`key: value …` underlined by the fence), never as prose.
  if (lines.slice(from, end).some((line) => isBlank(line.text))) return undefined
  // Every line is frontmatter (comment lines aside), and it names a schema key.
  const lastText = lines.slice(from, end).findLastIndex((line) => !line.text.trimStart().startsWith('#'))
  const walked = frontmatterLines(lines.slice(from), end - from)
  if (walked.last !== lastText || lastText === -1) return undefined
  if (!walked.keys.some((key) => rules.frontmatter.aliases.has(key.toLowerCase()))) return undefined
  const firstKeys = new Set(keysIn(lines, 0, close))
  if (walked.keys.some((key) => firstKeys.has(key))) return undefined
  const first = close === 0 ? '' : text.slice(contentStart, lines[close - 1]!.end)
  const separator = close === 0 ? '' : text.slice(lines[close - 1]!.end, lines[close]!.start)
  const secondStart = lines[from]!.start
  const joined = first + separator + text.slice(secondStart, lines[end - 1]!.end)
  const repairs = repairYaml(joined, options)
  if (!repairs) return undefined
  const boundary = first.length + separator.length
  const found = toDocument(repairs, (offset) => (offset < boundary ? contentStart + offset : secondStart + offset - boundary))
  const join: FrontmatterRepair = {
    kind: 'join-blocks',
    ruleId: RULE_ID,
    start: lines[close]!.start,
    end: secondStart,
    replacement: '',
    reason: 'Frontmatter: a second block right after the first joined to it (it would be read as Markdown: a rule and a heading)',
  }
  return {edits: [...found.edits, join].sort((a, b) => a.start - b.start), changes: found.changes}
}

/** The repairs that make the document's YAML frontmatter read (none when it reads, or when nothing makes it). */
export function findFrontmatterRepairs(text: string, rules: RuleSet): FrontmatterRepairs {
  const open = OPENING_FENCE.exec(text)
  if (!open) return NONE
  const eol = open[1]!
  const contentStart = open[0].length
  const lines = linesOf(text, contentStart)
  const close = lines.findIndex((line) => CLOSING_FENCE.test(line.text))
  const options = {textKeys: textKeysOf(rules)}
  if (close !== -1) {
    const joined = joinSecondBlock(text, lines, contentStart, close, rules, options)
    if (joined) return joined
    const end = close === 0 ? contentStart : lines[close - 1]!.end
    const repairs = repairYaml(text.slice(contentStart, end), options)
    if (repairs) return toDocument(repairs, contentStart)
  }
  // No closing fence, or the YAML up to it does not read: does the frontmatter end before it?
  const limit = close === -1 ? lines.length : close
  const {last, keys} = frontmatterLines(lines, limit)
  if (last === -1 || !keys.some((key) => rules.frontmatter.aliases.has(key.toLowerCase()))) return NONE
  if (close !== -1) {
    // The fence closed Markdown, not a damaged entry: no key line may stand between.
    for (let index = last + 1; index < close; index++) if (topKey(lines[index]!.text)) return NONE
  }
  const repairs = repairYaml(text.slice(contentStart, lines[last]!.end), options)
  if (!repairs) return NONE
  const found = toDocument(repairs, contentStart)
  const after = lines[last + 1]
  const at = after ? after.start : text.length
  const fence: FrontmatterRepair = {
    kind: 'closing-fence',
    ruleId: RULE_ID,
    start: at,
    end: at,
    replacement: after ? `---${eol}` : `${eol}---`,
    reason: `Frontmatter had no closing \`---\` fence${close === -1 ? '' : ' before the body'}; one added after its last entry, so the body is not read as YAML`,
  }
  return {edits: [...found.edits, fence], changes: found.changes}
}

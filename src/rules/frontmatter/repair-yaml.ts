/**
 * Repairing the YAML that scrapers break, line by line.
 *
 * Scrapers write values without quoting them: `source: SANS Internet Storm
 * Center, InfoCON: green` (a `: ` inside a plain value), `title: ""AI
 * alignment" and more"` (quotes inside quotes, not escaped), `title: @user
 * on X` (a character YAML reserves), tabs as indentation. Such YAML does not
 * parse, and the whole article would be lost to a cleaner that refuses it.
 *
 * Only when the text does not parse (or an anchor is an HTML character
 * reference: `title: &amp; Co` is valid YAML that loses `&amp;`), and only
 * lines that do not parse on their own, are touched:
 * - `quote-value`: a single-line value, plain or with quotes that do not
 *   enclose it, is quoted whole (`A: B` → `'A: B'`), so it reads as the text
 *   written, ` #` and all;
 * - `escape-quotes`: a value between quotes that holds the same quotes
 *   unescaped gets them escaped (`""A" b"` → `"\"A\" b"`);
 * - `tab-indent`: tabs used as indentation become spaces (two, or four when
 *   two do not parse).
 * A value that opens a flow list and never closes it (`tags: [a, b`) is only
 * quoted where the key holds text (`title`): elsewhere it is a list whose end
 * was lost, and quoting it would make it something else.
 *
 * The repaired text must parse as a whole, or nothing is repaired. A line
 * that parses is never changed, nor is a value's meaning beyond quoting.
 *
 * @example
 *   title: 10:30: Breaking: news   →   title: '10:30: Breaking: news'
 */
import {isScalar, visit, type Document} from 'yaml'
import {parseYaml} from './yaml-document.js'
import {BLOCK_SCALAR_HEADER, isBlankOrComment, keyLine, linesOf, type Line} from './yaml-lines.js'

/** The kinds of repair of a YAML line, recorded in `changes[].repair`. */
export type YamlRepairKind = 'quote-value' | 'escape-quotes' | 'tab-indent'

/** Every kind of repair: the line repairs, and those of the block's fences (`repair.ts`), which concern no key. */
export type RepairKind = YamlRepairKind | 'closing-fence' | 'join-blocks'

/** One repair: `[start, end)` of the YAML text becomes `replacement`. */
export interface YamlRepair {
  readonly kind: YamlRepairKind
  readonly start: number
  readonly end: number
  readonly replacement: string
  /** The top-level key of the entry repaired. */
  readonly key: string
  /** Why, without the key: `YAML repaired: value quoted, as it holds \`: \``. */
  readonly reason: string
  /** The value as written and as read after the repair (quoting repairs only). */
  readonly old?: string
  readonly new?: string
}

export interface YamlRepairOptions {
  /** Keys whose value is text (lower case): a value opening a flow list that never closes is quoted only under these. */
  readonly textKeys: ReadonlySet<string>
}

/** Tab widths tried for tabs used as indentation, in order. */
const TAB_WIDTHS = [2, 4] as const

/** A character reference read as an anchor name: `&amp;` → anchor `amp;`. */
const ENTITY_ANCHOR = /^(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$/
/** A sequence item whose value follows on its line: `- value`. */
const ITEM_LINE = /^((?:-[ \t]+)+)(.*?)[ \t]*$/

const parse = parseYaml

/** Whether reading the document into data fails (an alias to no anchor). */
function toJsFails(document: Document.Parsed): boolean {
  try {
    document.toJS({maxAliasCount: 100})
    return false
  } catch {
    return true
  }
}

function hasEntityAnchor(document: Document.Parsed): boolean {
  let found = false
  visit(document, {
    Node(_, node) {
      if (node.anchor && ENTITY_ANCHOR.test(node.anchor)) {
        found = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

/** A local tag (`!Important`, not `!!str`) that resolves to nothing: the tag ate a word of the value. */
function hasUnresolvedLocalTag(document: Document.Parsed, text: string): boolean {
  return document.warnings.some((warning) => warning.code === 'TAG_RESOLVE_FAILED' && /^![^!<]/.test(text.slice(warning.pos[0])))
}

/** Whether `text` is YAML that reads as written. */
export function yamlReads(text: string): boolean {
  const {document} = parse(text)
  if (document.errors.length > 0 || hasUnresolvedLocalTag(document, text)) return false
  // Anchors and aliases are rare in frontmatter: look for them only when their characters are there.
  return !(text.includes('&') && hasEntityAnchor(document)) && !(text.includes('*') && toJsFails(document))
}

/** The cause of a line's failure, in words. */
function causeOf(value: string, message: string | undefined): string {
  const first = value[0] ?? ''
  const reads: Record<string, string> = {
    '&': 'an anchor',
    '*': 'an alias',
    '!': 'a tag',
    '|': 'a block scalar',
    '>': 'a block scalar',
    '[': 'a flow list',
    '{': 'a flow mapping',
    '%': 'a directive',
  }
  if (first === '"' || first === "'") return `its quotes do not enclose it`
  if (reads[first]) return `it starts with \`${first}\`, which YAML reads as ${reads[first]}`
  if (first === '@') return 'it starts with `@`, which YAML reserves'
  if (first === '`') return 'it starts with `` ` ``, which YAML reserves'
  if (',]}?-:'.includes(first)) return `it starts with \`${first}\`, which YAML reads as markup`
  if (/:[ \t]/.test(value)) return 'it holds `: `'
  return message ?? 'it does not parse'
}

/** The value written as one quoted scalar: single quotes, or double ones when that needs no escape. */
function quote(value: string): string {
  if (value.includes("'") && !value.includes('"') && !value.includes('\\')) return `"${value}"`
  return `'${value.replace(/'/g, "''")}'`
}

/** `"` inside a double-quoted scalar's inner text escaped, unless a backslash escapes it already. */
function escapeDoubleQuotes(inner: string): string {
  return inner.replace(/(\\*)"/g, (whole, slashes: string) => (slashes.length % 2 === 1 ? whole : `${slashes}\\"`))
}

/** Whether a flow collection opened at the value's start closes on the line. */
function closesFlow(value: string): boolean {
  let depth = 0
  let quote: string | undefined
  for (const char of value) {
    if (quote) {
      if (char === quote) quote = undefined
      continue
    }
    if (char === '"' || char === "'") quote = char
    else if (char === '[' || char === '{') depth++
    else if (char === ']' || char === '}') {
      depth--
      if (depth === 0) return true
    }
  }
  return false
}

interface LineCheck {
  readonly fails: boolean
  readonly message?: string | undefined
  readonly value?: unknown
}

/** Parse one entry alone; an alias whose anchor the whole text defines counts as fine. */
function checkAlone(text: string, anchors: ReadonlySet<string>): LineCheck {
  const {document} = parse(text)
  const error = document.errors[0]
  if (error) return {fails: true, message: error.message.split('\n')[0]}
  if (hasUnresolvedLocalTag(document, text) || hasEntityAnchor(document)) return {fails: true}
  let unresolved = false
  visit(document, {
    Alias(_, alias) {
      if (!anchors.has(alias.source)) unresolved = true
    },
  })
  if (unresolved) return {fails: true}
  let value: unknown
  visit(document, {
    Pair(_, pair) {
      value = isScalar(pair.value) ? pair.value.value : pair.value
      return visit.BREAK
    },
    Seq(_, seq) {
      const item = seq.items[0]
      value = isScalar(item) ? item.value : item
      return visit.BREAK
    },
  })
  return {fails: false, value}
}

/** The anchors the text defines, read leniently (the text does not parse). */
function anchorsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/(?:^|[\s[{,])&([^\s,[\]{}]+)/g)].map((match) => match[1]!))
}

/** The width of a line's indentation, a tab counting `tabWidth`. */
function indentOf(text: string, tabWidth: number): number {
  let width = 0
  for (const char of text) {
    if (char === ' ') width++
    else if (char === '\t') width += tabWidth
    else break
  }
  return width
}

/** Lines the parser finds tabs in the indentation of (0-indexed). */
function tabLinesOf(text: string): Set<number> {
  const {document, lineCounter} = parse(text)
  const lines = new Set<number>()
  for (const error of document.errors) if (error.code === 'TAB_AS_INDENT') lines.add(lineCounter.linePos(error.pos[0]).line - 1)
  return lines
}

/** Tabs in the indentation of the lines the parser names, as spaces: one repair per line. */
function tabRepairs(lines: readonly Line[], tabLines: ReadonlySet<number>, keys: readonly string[], width: number): YamlRepair[] {
  const repairs: YamlRepair[] = []
  for (const index of [...tabLines].sort((a, b) => a - b)) {
    const line = lines[index]
    const indentation = line ? /^[ \t]*/.exec(line.text)![0] : ''
    if (!line || !indentation.includes('\t')) continue
    repairs.push({
      kind: 'tab-indent',
      start: line.start,
      end: line.start + indentation.length,
      replacement: indentation.replace(/\t/g, ' '.repeat(width)),
      key: keys[index] ?? '',
      reason: 'YAML repaired: tabs used as indentation replaced by spaces',
    })
  }
  return repairs
}

/** The top-level key each line belongs to ('' before the first). */
function topKeysOf(lines: readonly Line[]): string[] {
  let key = ''
  return lines.map((line) => {
    if (/^[^\s#-]/.test(line.text)) {
      const entry = keyLine(line.text)
      if (entry && entry.markers === '') key = entry.name
    }
    return key
  })
}

/** Quoting repairs for the single-line values that do not parse alone. */
function quoteRepairs(
  text: string,
  lines: readonly Line[],
  keys: readonly string[],
  width: number,
  options: YamlRepairOptions,
): YamlRepair[] {
  const repairs: YamlRepair[] = []
  const anchors = anchorsOf(text)
  let blockScalarIndent = -1
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (isBlankOrComment(line.text)) continue
    const indent = indentOf(line.text, width)
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) continue
      blockScalarIndent = -1
    }
    const content = line.text.slice(line.text.length - line.text.trimStart().length)
    const entry = keyLine(content)
    const itemMatch = entry ? undefined : ITEM_LINE.exec(content)
    const value = entry ? entry.value : itemMatch?.[2]
    if (value === undefined || value === '' || value.startsWith('#')) continue
    if (BLOCK_SCALAR_HEADER.test(value)) {
      blockScalarIndent = indent
      continue
    }
    // A value that goes on below (a plain scalar over lines, a flow list) is not a single-line value.
    const markers = (entry ? entry.markers : itemMatch![1]!).length
    let next = index + 1
    while (next < lines.length && isBlankOrComment(lines[next]!.text)) next++
    if (next < lines.length && indentOf(lines[next]!.text, width) > indent + markers) continue
    const alone = entry ? `${entry.key}: ${value}` : `- ${value}`
    const check = checkAlone(alone, anchors)
    if (!check.fails) continue
    const key = keys[index] ?? ''
    const textKey = entry !== undefined && entry.markers === '' && indent === 0 && options.textKeys.has(entry.name.toLowerCase())
    if ((value.startsWith('[') || value.startsWith('{')) && !closesFlow(value) && !textKey) continue
    const repair = quoteRepair(value, alone.slice(0, alone.length - value.length), anchors, check.message)
    if (!repair) continue
    // The value ends the line (trailing white space aside).
    const valueStart = line.start + line.text.trimEnd().length - value.length
    const nested = entry && (indent > 0 || markers > 0) ? `\`${entry.name}\` ` : itemMatch ? 'list item ' : ''
    repairs.push({
      kind: repair.kind,
      start: valueStart,
      end: valueStart + value.length,
      replacement: repair.text,
      key,
      reason: `YAML repaired: ${nested}${repair.what}`,
      old: value,
      new: repair.value,
    })
  }
  return repairs
}

/** How to quote one failing value, checked to read back as the text meant; undefined when nothing does. */
function quoteRepair(
  value: string,
  prefix: string,
  anchors: ReadonlySet<string>,
  message: string | undefined,
): {kind: YamlRepairKind; text: string; value: string; what: string} | undefined {
  const reads = (text: string) => {
    const check = checkAlone(prefix + text, anchors)
    return !check.fails && typeof check.value === 'string' ? check.value : undefined
  }
  const open = value[0]
  if (value.length >= 2 && (open === '"' || open === "'") && value.endsWith(open)) {
    const inner = value.slice(1, -1)
    const candidates = open === '"' ? [`"${escapeDoubleQuotes(inner)}"`, quote(inner)] : [`'${inner.replace(/'{1,2}/g, "''")}'`]
    for (const text of candidates) {
      const read = reads(text)
      if (read !== undefined) return {kind: 'escape-quotes', text, value: read, what: 'quotes inside the quoted value escaped'}
    }
    return undefined
  }
  const text = quote(value)
  if (reads(text) !== value) return undefined
  const comment = / #/.test(value) ? ' (` #` in it is text, not a comment)' : ''
  return {kind: 'quote-value', text, value, what: `value quoted, as ${causeOf(value, message)}${comment}`}
}

/** Apply repairs (sorted, disjoint) to `text`. */
export function applyRepairs(text: string, repairs: readonly YamlRepair[]): string {
  let out = ''
  let cursor = 0
  for (const repair of [...repairs].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, repair.start) + repair.replacement
    cursor = repair.end
  }
  return out + text.slice(cursor)
}

/**
 * The repairs that make `text` (the YAML between the fences) read: `[]` when
 * it reads already, undefined when no repair makes it.
 */
export function repairYaml(text: string, options: YamlRepairOptions): YamlRepair[] | undefined {
  if (yamlReads(text)) return []
  const lines = linesOf(text)
  const keys = topKeysOf(lines)
  const tabLines = tabLinesOf(text)
  for (const width of tabLines.size > 0 ? TAB_WIDTHS : [TAB_WIDTHS[0]]) {
    const tabs = tabRepairs(lines, tabLines, keys, width)
    const quotes = quoteRepairs(text, lines, keys, width, options)
    const repairs = [...tabs, ...quotes].sort((a, b) => a.start - b.start)
    if (repairs.length > 0 && yamlReads(applyRepairs(text, repairs))) return repairs
  }
  return undefined
}

/**
 * TOML frontmatter (Hugo's `+++` fences): read it with smol-toml, find where
 * each top-level entry's text sits, and write TOML back.
 *
 * smol-toml gives the values; it keeps no positions. A small scanner walks
 * the text once and finds, for every top-level key, the span of its text, so
 * diagnostics can name a line and column and one changed entry can be spliced
 * into the author's text without touching the rest.
 *
 * Keeps: spans cover the key and its value, never a trailing comment, the
 * white space or the line break after it, nor comments and blank lines
 * between entries. A comment *inside* a multi-line array, or between the
 * lines of one `[table]` section, lies inside that entry's span.
 *
 * Refuses to guess: an entry whose text is not one contiguous run (dotted
 * keys or `[sections]` for one root interleaved with other entries) is
 * `editable: false`; so is any entry whose span, parsed on its own, does not
 * give back exactly `{[key]: value}` — an odd case the scanner misread turns
 * into "don't splice", never into a wrong splice.
 *
 * @example
 *   readToml('title = "Hi" # greeting\ntags = ["a",\n  "b"]\n')
 *   // → {ok: true, data: {title: 'Hi', tags: ['a', 'b']}, entries: [
 *   //      {key: 'title', start: 0, end: 12, line: 1, column: 1, editable: true, …},
 *   //      {key: 'tags', start: 24, end: 43, line: 2, column: 1, editable: true, …}]}
 *   writeTomlEntry('my key', 3) // → '"my key" = 3'
 */
import {parse, stringify, TomlError} from 'smol-toml'

/** One top-level entry of a TOML document. */
export interface TomlEntry {
  /** The key (unquoted: `"my key" = 1` → `my key`; a dotted top-level key `a.b = 1` → entry key `a`, and the entry spans every line of `a.…` — if dotted keys for the same root are not contiguous, see "not editable"). */
  readonly key: string
  /** The value as parsed by smol-toml (TomlDate stays a TomlDate). */
  readonly value: unknown
  /** Offsets in the TOML text: start of the key; end of the value (no trailing comment/white space/line break). For a table `[a]`/`[[a]]` or `[a.b]` headed section: from the `[` of the first header for root `a` to the end of the last non-blank, non-comment line of the last section for root `a`. */
  readonly start: number
  readonly end: number
  /** 1-based line and column of `start` in the TOML text. */
  readonly line: number
  readonly column: number
  /** False when the entry's text is not one contiguous span (e.g. `a.x = 1`, `b = 2`, `a.y = 3`, or sections for root `a` interleaved with others); callers must not splice such entries. */
  readonly editable: boolean
}

/** What {@link readToml} found: the data and its entries, or where the syntax broke. */
export type TomlRead =
  | {readonly ok: true; readonly data: Record<string, unknown>; readonly entries: readonly TomlEntry[]}
  | {readonly ok: false; readonly line: number; readonly column: number; readonly message: string}

/**
 * Parse the TOML between the fences. Never throws on bad input: a syntax
 * error gives `{ok: false}` with 1-based line and column and the first line
 * of smol-toml's message. `data` is a plain object with the normal prototype
 * (smol-toml's null-prototype objects are copied recursively; TomlDate values
 * are kept; a `__proto__` key stays an own property). Entries are in
 * document order. Columns count UTF-16 code units, as JavaScript strings do.
 */
export function readToml(text: string): TomlRead {
  let parsed: Record<string, unknown>
  try {
    parsed = parse(text)
  } catch (error) {
    return syntaxError(error)
  }
  const data = toPlainObject(parsed)
  return {ok: true, data, entries: findEntries(text, data)}
}

/**
 * Serialise top-level data as TOML (smol-toml's `stringify`), with `eol`
 * line endings (default `'\n'`) and no trailing line break. Plain `Date`
 * values are written as TOML offset date-times (UTC, `Z`); strings stay
 * strings; `null`/`undefined` members of a table are left out.
 *
 * @throws TypeError for values TOML cannot hold (functions, symbols, invalid
 *   dates, `null` inside an array).
 */
export function writeToml(data: Record<string, unknown>, eol = '\n'): string {
  // smol-toml writes strings JSON-escaped, so every '\n' it emits is a line break.
  return stringify(data).replace(/\n$/, '').replaceAll('\n', eol)
}

/**
 * Serialise one top-level entry `key = value`, for splicing a single changed
 * entry. The key is quoted only when it is not a bare key. Returns
 * `undefined` for values that cannot be one `key = value` line: tables,
 * arrays of tables, `null` and `undefined`.
 *
 * @throws TypeError as {@link writeToml} does.
 */
export function writeTomlEntry(key: string, value: unknown): string | undefined {
  if (value === null || value === undefined || isTable(value) || isArrayOfTables(value)) return undefined
  return stringify(withOwnKey(key, value)).replace(/\n$/, '')
}

// ---------------------------------------------------------------------------
// Reading: errors and plain data

function syntaxError(error: unknown): TomlRead {
  const message = (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? ''
  if (error instanceof TomlError) return {ok: false, line: error.line, column: error.column, message}
  return {ok: false, line: 1, column: 1, message}
}

/** A table as smol-toml builds it: an object that is neither an array nor a date. */
function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** What smol-toml's stringify writes as `[[key]]` sections. */
function isArrayOfTables(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isTable)
}

/** `{[key]: value}`, with `__proto__` as an own property rather than the prototype. */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true})
  return object
}

function toPlainObject(table: Record<string, unknown>): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const key of Object.keys(table)) {
    Object.defineProperty(object, key, {value: toPlain(table[key]), writable: true, enumerable: true, configurable: true})
  }
  return object
}

function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain)
  if (isTable(value)) return toPlainObject(value)
  return value
}

// ---------------------------------------------------------------------------
// Entries: pieces found by the scanner, grouped by root key

/** A run of text that belongs to one root key: a `key = value` line or a `[section]`. */
interface Piece {
  readonly root: string
  readonly start: number
  end: number
}

function findEntries(text: string, data: Record<string, unknown>): TomlEntry[] {
  const scan = scanPieces(text)
  const runs = mergeAdjacent(scan.pieces)
  const lines = lineStarts(text)
  const entries: TomlEntry[] = []
  const seen = new Set<string>()
  for (const run of runs) {
    if (seen.has(run.root) || !Object.hasOwn(data, run.root)) continue
    seen.add(run.root)
    const ownRuns = runs.filter((other) => other.root === run.root)
    const last = ownRuns[ownRuns.length - 1] ?? run
    const value = data[run.root]
    const editable = scan.complete && ownRuns.length === 1 && spanReproduces(text.slice(run.start, run.end), run.root, value)
    entries.push({key: run.root, value, start: run.start, end: last.end, ...lineColumn(lines, run.start), editable})
  }
  // Only when the scanner gave up early: keys it never reached, with no position.
  for (const key of Object.keys(data)) {
    if (!seen.has(key)) entries.push({key, value: data[key], start: 0, end: 0, line: 1, column: 1, editable: false})
  }
  return entries
}

/** Consecutive pieces with the same root become one run (`a.x = 1` then `a.y = 2`; `[a]` then `[a.b]`). */
function mergeAdjacent(pieces: readonly Piece[]): Piece[] {
  const runs: Piece[] = []
  for (const piece of pieces) {
    const previous = runs[runs.length - 1]
    if (previous && previous.root === piece.root) previous.end = piece.end
    else runs.push({...piece})
  }
  return runs
}

/**
 * Whether `span`, parsed as a document of its own, is exactly `{[key]: value}`.
 * Values are compared through smol-toml's serialisation, which is canonical
 * for parsed values (dates keep their TOML kind, NaN compares equal).
 */
function spanReproduces(span: string, key: string, value: unknown): boolean {
  try {
    const alone = parse(span)
    const keys = Object.keys(alone)
    return keys.length === 1 && keys[0] === key && stringify({v: alone[key]}) === stringify({v: value})
  } catch {
    return false
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

function lineColumn(starts: readonly number[], offset: number): {line: number; column: number} {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - (starts[low] ?? 0) + 1}
}

// ---------------------------------------------------------------------------
// The scanner: positions only, values come from smol-toml

/** The scanner met something it does not understand. */
class ScanError extends Error {}

const BARE_KEY_CHAR = /[A-Za-z0-9_-]/
/** Characters that end an unquoted value (number, boolean, date, inf, nan). */
const SCALAR_END = /[ \t\r\n#,\]}]/
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME_AFTER_SPACE = /^ \d{2}:/

/**
 * The top-level statements of a document, in order: every root-level
 * `key = value` is a piece; every `[header]` opens a piece that grows with
 * the key/value lines of its section. `complete` is false when the scanner
 * stopped at something it did not understand (the pieces before it stand).
 */
function scanPieces(text: string): {pieces: Piece[]; complete: boolean} {
  const scanner = new Scanner(text)
  const pieces: Piece[] = []
  let section: Piece | undefined
  try {
    for (scanner.skipTrivia(); !scanner.done(); scanner.skipTrivia()) {
      if (scanner.peek() === '[') {
        section = scanner.readHeader()
        pieces.push(section)
      } else {
        const pair = scanner.readKeyValue()
        if (section) section.end = pair.end
        else pieces.push(pair)
      }
      scanner.expectLineEnd()
    }
  } catch (error) {
    if (error instanceof ScanError) return {pieces, complete: false}
    throw error
  }
  return {pieces, complete: true}
}

/** A cursor over TOML text that steps over keys, values, comments and headers. */
class Scanner {
  private position = 0

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.position >= this.text.length
  }

  peek(offset = 0): string {
    return this.text.charAt(this.position + offset)
  }

  /** `[a.b]` or `[[a]]`, from its `[` to its last `]`. */
  readHeader(): Piece {
    const start = this.position
    const array = this.peek(1) === '['
    this.position += array ? 2 : 1
    this.skipSpaces()
    const root = this.readKey()
    this.skipSpaces()
    this.expect(array ? ']]' : ']')
    return {root, start, end: this.position}
  }

  /** `key = value`, from the key's first character to the value's last. */
  readKeyValue(): Piece {
    const start = this.position
    const root = this.readKey()
    this.skipSpaces()
    this.expect('=')
    this.skipSpaces()
    this.skipValue()
    return {root, start, end: this.position}
  }

  /** After a statement: spaces, an optional comment, then a line break or the end. */
  expectLineEnd(): void {
    this.skipSpaces()
    if (this.peek() === '#') this.skipComment()
    if (this.done()) return
    if (this.peek() === '\n') this.position += 1
    else if (this.peek() === '\r' && this.peek(1) === '\n') this.position += 2
    else this.fail('expected the end of the line')
  }

  /** Spaces, tabs, line breaks and comments. */
  skipTrivia(): void {
    for (;;) {
      const char = this.peek()
      if (char === ' ' || char === '\t' || char === '\n' || (char === '\r' && this.peek(1) === '\n')) this.position += 1
      else if (char === '#') this.skipComment()
      else return
    }
  }

  /** A possibly dotted key (`a`, `"my key"`, `a . 'b'`); returns its first segment, unquoted. */
  private readKey(): string {
    const root = this.readKeySegment()
    for (;;) {
      const save = this.position
      this.skipSpaces()
      if (this.peek() !== '.') {
        this.position = save
        return root
      }
      this.position += 1
      this.skipSpaces()
      this.readKeySegment()
    }
  }

  private readKeySegment(): string {
    const start = this.position
    const char = this.peek()
    if (char === '"' || char === "'") {
      this.skipSingleLineString(char)
      return unquoteKey(this.text.slice(start, this.position))
    }
    while (BARE_KEY_CHAR.test(this.peek())) this.position += 1
    if (this.position === start) this.fail('expected a key')
    return this.text.slice(start, this.position)
  }

  private skipValue(): void {
    const char = this.peek()
    if (this.text.startsWith('"""', this.position) || this.text.startsWith("'''", this.position)) {
      this.skipMultiLineString(char)
    } else if (char === '"' || char === "'") this.skipSingleLineString(char)
    else if (char === '[') this.skipArray()
    else if (char === '{') this.skipInlineTable()
    else this.skipScalar()
  }

  /** `"…"` with backslash escapes, or `'…'` without. */
  private skipSingleLineString(quote: string): void {
    this.position += 1
    for (;;) {
      const char = this.peek()
      if (char === '' || char === '\n') this.fail('unterminated string')
      this.position += 1
      if (char === quote) return
      if (char === '\\' && quote === '"') this.position += 1
    }
  }

  /** `"""…"""` or `'''…'''`; up to two quotes right before the closing three belong to the content. */
  private skipMultiLineString(quote: string): void {
    const fence = quote.repeat(3)
    this.position += 3
    for (;;) {
      if (this.done()) this.fail('unterminated multi-line string')
      if (this.text.startsWith(fence, this.position)) {
        this.position += 3
        for (let extra = 0; extra < 2 && this.peek() === quote; extra++) this.position += 1
        return
      }
      if (this.peek() === '\\' && quote === '"') this.position += 1
      this.position += 1
    }
  }

  /** `[ … ]`, across lines, with comments and a trailing comma. */
  private skipArray(): void {
    this.position += 1
    for (;;) {
      this.skipTrivia()
      if (this.peek() === ']') break
      this.skipValue()
      this.skipTrivia()
      if (this.peek() === ',') this.position += 1
      else if (this.peek() !== ']') this.fail('expected , or ] in an array')
    }
    this.position += 1
  }

  /** `{ k = v, … }`; line breaks inside are tolerated (TOML 1.1, and smol-toml, allow them). */
  private skipInlineTable(): void {
    this.position += 1
    for (;;) {
      this.skipTrivia()
      if (this.peek() === '}') break
      this.readKey()
      this.skipSpaces()
      this.expect('=')
      this.skipSpaces()
      this.skipValue()
      this.skipTrivia()
      if (this.peek() === ',') this.position += 1
      else if (this.peek() !== '}') this.fail('expected , or } in an inline table')
    }
    this.position += 1
  }

  /** Numbers, booleans, inf/nan and dates; `1979-05-27 07:32:00` may hold one space. */
  private skipScalar(): void {
    const start = this.position
    this.skipUntilScalarEnd()
    if (this.position === start) this.fail('expected a value')
    if (
      LOCAL_DATE.test(this.text.slice(start, this.position)) &&
      TIME_AFTER_SPACE.test(this.text.slice(this.position, this.position + 4))
    ) {
      this.position += 1
      this.skipUntilScalarEnd()
    }
  }

  private skipUntilScalarEnd(): void {
    while (!this.done() && !SCALAR_END.test(this.peek())) this.position += 1
  }

  private skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.position += 1
  }

  /** From `#` up to (not including) the line break. */
  private skipComment(): void {
    while (!this.done() && this.peek() !== '\n' && this.peek() !== '\r') this.position += 1
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.position)) this.fail(`expected ${token}`)
    this.position += token.length
  }

  private fail(message: string): never {
    throw new ScanError(`${message} at offset ${this.position}`)
  }
}

/** The text of a quoted key (`"a\u0062"` → `ab`), decoded by smol-toml itself. */
function unquoteKey(quoted: string): string {
  try {
    const key = Object.keys(parse(`${quoted} = 0`))[0]
    if (key !== undefined) return key
  } catch {
    // Fall through: the scanner cannot read this key.
  }
  throw new ScanError(`unreadable key ${quoted}`)
}

/**
 * The inline half of the pre-parse guard: what one paragraph (or HTML
 * block) holds that makes the parsers' cost explode, measured in one pass
 * over its lines, with no backtracking.
 *
 * Measured per paragraph, as micromark resolves them per paragraph:
 * - emphasis delimiters: `*` and `_` runs that can open or close emphasis
 *   (CommonMark's flanking rules; a `_` inside a word cannot), and `~`/`~~`
 *   of GFM strikethrough, counted in characters: micromark matches each
 *   closer by walking back over the paragraph, so their cost is quadratic
 *   (25,000 `a~~ ` took 13 s, 100,000 over 5 minutes);
 * - closing brackets, for the same reason, and the nesting of `[`;
 * - the nesting of HTML elements (void elements, self-closing tags and the
 *   elements whose end tag a browser may infer, such as `p` and `li`, do not
 *   nest), as the HTML parser will build it.
 * - inline HTML that is never closed: a `<!--`, `<?`, `<![CDATA[` or `<!x`
 *   whose closer (`-->`, `?>`, `]]>`, `>`) is not on its line makes
 *   micromark read on to the end of the paragraph before it gives up, once
 *   per opener (10,000 `<!-- x ` on one line took 5.7 s, `<![CDATA[ x `
 *   11 s): counted as unclosed openers, whose cost is their number times the
 *   paragraph's length.
 * Code spans (matched backtick runs on one line), backslash escapes and
 * closed HTML comments are skipped. It errs towards passing: it never reads more
 * into a document than the parser would, only less.
 */
import {VOID_ELEMENTS} from './html-elements.js'

/** Elements that never hold others, or whose end tag a browser infers (they do not nest). */
const NON_NESTING = new Set([
  ...VOID_ELEMENTS,
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
])

/** What one paragraph holds: the counts, the deepest nesting, and where each first crossed its limit. */
export interface InlineCounts {
  emphasisDelimiters: number
  closingBrackets: number
  /** Inline HTML openers (`<!--`, `<?`, `<![CDATA[`, `<!x`) not closed on their line. */
  unclosedHtml: number
  /** Offset of the paragraph's first emphasis delimiter, closing bracket or unclosed opener (for the place of `inlineWork`). */
  firstDelimiter: number
  /** The paragraph's extent: the start of its first measured line and the end of its last (-1 before any). */
  start: number
  end: number
  /** Current nesting, and the deepest this paragraph reached. */
  bracketDepth: number
  htmlDepth: number
  deepest: {bracketDepth: number; htmlDepth: number}
  crossed: Partial<Record<'emphasisDelimiters' | 'closingBrackets' | 'bracketDepth' | 'htmlDepth', number>>
}

export interface InlineLimits {
  readonly emphasisDelimiters: number
  readonly closingBrackets: number
  readonly bracketDepth: number
  readonly htmlDepth: number
}

const isWhitespace = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || (code > 0x7f && /\s/.test(String.fromCharCode(code)))

const isPunctuation = (code: number): boolean =>
  (code >= 0x21 && code <= 0x2f) ||
  (code >= 0x3a && code <= 0x40) ||
  (code >= 0x5b && code <= 0x60) ||
  (code >= 0x7b && code <= 0x7e) ||
  (code > 0x7f && /[\p{P}\p{S}]/u.test(String.fromCharCode(code)))

/** The ASCII characters the meter looks at: `\\`, backtick, `*`, `_`, `~`, `[`, `]`, `<`. */
const SPECIAL = new Uint8Array(128)
for (const char of '\\`*_~[]<') SPECIAL[char.charCodeAt(0)] = 1

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
const isTagNameChar = (code: number): boolean => isAsciiLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d

/**
 * Measures the paragraphs of one document. Feed it the inline part of each
 * line (`measureLine`), call `reset` where a paragraph ends, and read
 * `counts` before that.
 */
export class InlineMeter {
  counts: InlineCounts = freshCounts()
  private readonly comments: NextIndex

  constructor(
    private readonly text: string,
    private readonly limits: InlineLimits,
  ) {
    this.comments = new NextIndex(text)
  }

  /** Start a new paragraph. */
  reset(): void {
    this.counts = freshCounts()
  }

  /**
   * Measure `text[start, end)` (one line's inline content; `end` excludes
   * the line break). `markup` is false inside an HTML block, where
   * micromark reads no emphasis or links, only HTML.
   */
  measureLine(start: number, end: number, markup: boolean): void {
    const text = this.text
    if (this.counts.start === -1) this.counts.start = start
    this.counts.end = end
    let backticks: Map<number, number> | undefined
    let index = start
    while (index < end) {
      const code = text.charCodeAt(index)
      if (code >= 0x80 || SPECIAL[code] === 0) {
        index++
        continue
      }
      if (code === 0x5c /* \ */) {
        index += 2
        continue
      }
      if (code === 0x60 /* ` */ && markup) {
        backticks ??= codeSpanEnds(text, start, end)
        const runEnd = runEndOf(text, index, end, code)
        index = backticks.get(index) ?? runEnd
        continue
      }
      if ((code === 0x2a /* * */ || code === 0x5f /* _ */ || code === 0x7e) /* ~ */ && markup) {
        const runEnd = runEndOf(text, index, end, code)
        // GFM strikethrough: runs of one or two tildes only.
        const delimiter = code !== 0x7e || runEnd - index <= 2
        if (delimiter && canOpenOrClose(text, index, runEnd, start, end, code)) this.add('emphasisDelimiters', runEnd - index, index)
        index = runEnd
        continue
      }
      if (code === 0x5b /* [ */ && markup) {
        this.deeper('bracketDepth', index)
        index++
        continue
      }
      if (code === 0x5d /* ] */ && markup) {
        this.add('closingBrackets', 1, index)
        if (this.counts.bracketDepth > 0) this.counts.bracketDepth--
        index++
        continue
      }
      if (code === 0x3c /* < */) {
        const opener = unclosedOpener(text, index)
        if (opener) {
          // Closed on this line: skipped. Not: read as text, and counted (the parser reads to the paragraph's end for it).
          const close = this.comments.next(opener.closer, index + opener.length)
          if (close !== -1 && close < end) {
            index = close + opener.closer.length
          } else {
            // In an HTML block the parser reads no inline HTML: nothing to rescan there.
            if (markup) {
              if (this.counts.firstDelimiter === -1) this.counts.firstDelimiter = index
              this.counts.unclosedHtml++
            }
            index += opener.length
          }
          continue
        }
        index = this.measureTag(index, end)
        continue
      }
      index++
    }
  }

  /** A tag at `index` (`<name …>` or `</name>` on this line) changes the HTML depth; returns where to go on. */
  private measureTag(index: number, end: number): number {
    const text = this.text
    const closing = text.charCodeAt(index + 1) === 0x2f
    const nameStart = index + (closing ? 2 : 1)
    if (!isAsciiLetter(text.charCodeAt(nameStart))) return index + 1
    let nameEnd = nameStart + 1
    while (nameEnd < end && isTagNameChar(text.charCodeAt(nameEnd))) nameEnd++
    // The tag ends at the next `>` on this line; another `<` first means it was not a tag (its text is read as text).
    let close = nameEnd
    while (close < end && text.charCodeAt(close) !== 0x3e && text.charCodeAt(close) !== 0x3c) close++
    if (close >= end || text.charCodeAt(close) !== 0x3e) return index + 1
    const name = text.slice(nameStart, nameEnd).toLowerCase()
    if (!NON_NESTING.has(name) && text.charCodeAt(close - 1) !== 0x2f) {
      if (closing) {
        if (this.counts.htmlDepth > 0) this.counts.htmlDepth--
      } else {
        this.deeper('htmlDepth', index)
      }
    }
    return close + 1
  }

  private add(measure: 'emphasisDelimiters' | 'closingBrackets', amount: number, offset: number): void {
    if (this.counts.firstDelimiter === -1) this.counts.firstDelimiter = offset
    this.counts[measure] += amount
    if (this.counts[measure] > this.limits[measure]) this.counts.crossed[measure] ??= offset
  }

  private deeper(measure: 'bracketDepth' | 'htmlDepth', offset: number): void {
    const counts = this.counts
    const depth = ++counts[measure]
    if (depth > counts.deepest[measure]) counts.deepest[measure] = depth
    if (depth > this.limits[measure]) counts.crossed[measure] ??= offset
  }
}

/** An inline HTML construct micromark scans to its closer at `index`: its opener's length and closer. */
function unclosedOpener(text: string, index: number): {length: number; closer: string} | undefined {
  const next = text.charCodeAt(index + 1)
  if (next === 0x3f /* ? */) return {length: 2, closer: '?>'}
  if (next !== 0x21 /* ! */) return undefined
  if (text.startsWith('--', index + 2)) return {length: 4, closer: '-->'}
  if (text.startsWith('[CDATA[', index + 2)) return {length: 9, closer: ']]>'}
  if (isAsciiLetter(text.charCodeAt(index + 2))) return {length: 3, closer: '>'}
  return undefined
}

function freshCounts(): InlineCounts {
  return {
    emphasisDelimiters: 0,
    closingBrackets: 0,
    unclosedHtml: 0,
    start: -1,
    end: -1,
    firstDelimiter: -1,
    bracketDepth: 0,
    htmlDepth: 0,
    deepest: {bracketDepth: 0, htmlDepth: 0},
    crossed: {},
  }
}

function runEndOf(text: string, index: number, end: number, code: number): number {
  let runEnd = index + 1
  while (runEnd < end && text.charCodeAt(runEnd) === code) runEnd++
  return runEnd
}

/** CommonMark's flanking rules: can the run `text[start, end)` of `*`, `_` or `~` (GFM strikethrough, as `*`) open or close? */
function canOpenOrClose(text: string, start: number, end: number, lineStart: number, lineEnd: number, code: number): boolean {
  const before = start > lineStart ? text.charCodeAt(start - 1) : 0x20
  const after = end < lineEnd ? text.charCodeAt(end) : 0x20
  const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before))
  const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after))
  if (code !== 0x5f) return left || right
  return (left && (!right || isPunctuation(before))) || (right && (!left || isPunctuation(after)))
}

/**
 * The code spans of one line: for each backtick run that opens one, the
 * offset just past the run that closes it (the next run of the same length).
 * One pass backwards, so it stays linear however many runs there are.
 */
function codeSpanEnds(text: string, start: number, end: number): Map<number, number> {
  const runs: Array<[start: number, end: number]> = []
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) !== 0x60) continue
    const runEnd = runEndOf(text, index, end, 0x60)
    runs.push([index, runEnd])
    index = runEnd - 1
  }
  const nextOfLength = new Map<number, number>()
  const closes = new Map<number, number>()
  const ends: number[] = new Array<number>(runs.length)
  for (let run = runs.length - 1; run >= 0; run--) {
    const [runStart, runEnd] = runs[run]!
    const length = runEnd - runStart
    const next = nextOfLength.get(length)
    if (next !== undefined) ends[run] = next
    nextOfLength.set(length, run)
  }
  // Forward: a run that closes a span cannot open the next one.
  for (let run = 0; run < runs.length; run++) {
    const close = ends[run]
    if (close === undefined) continue
    closes.set(runs[run]![0], runs[close]![1])
    run = close
  }
  return closes
}

/**
 * `text.indexOf(needle, from)` for searches whose `from` only grows (or
 * that ask again before the last find): each needle's last find is kept, so
 * a document of many unclosed `<!--` costs one pass, not one per opener.
 */
export class NextIndex {
  private readonly found = new Map<string, {from: number; at: number}>()
  constructor(private readonly text: string) {}

  next(needle: string, from: number): number {
    const last = this.found.get(needle)
    if (last && from >= last.from && (last.at === -1 || from <= last.at)) return last.at
    const at = this.text.indexOf(needle, from)
    this.found.set(needle, {from, at})
    return at
  }
}

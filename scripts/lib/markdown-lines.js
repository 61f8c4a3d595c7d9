/**
 * A cheap, line-based Markdown block classifier for the measurement scripts.
 *
 * The corpus and bench scripts must judge decruft's output without trusting
 * decruft (or paying for a second remark parse per file: remark-parse costs
 * ~15 ms on a 14 KB article, this pass well under 1 ms). So this module
 * follows the CommonMark block rules just far enough to tell, for every line,
 * whether it is frontmatter, code (fenced, indented, `<pre>`), raw HTML, a
 * heading, a list line, a quote or plain text. It does not build a tree.
 *
 * Known simplifications: inline code spans are stripped per line (a span that
 * crosses a line break is left alone); lazy continuation lines and nested
 * containers are approximated with a stack of list content columns.
 *
 * @example
 *   classifyLines('# Hi\n\n```html\n<ins class="adsbygoogle"></ins>\n```\n').map((l) => l.kind)
 *   → ['heading', 'blank', 'fence', 'code', 'fence', 'blank']
 */

/**
 * @typedef {'frontmatter' | 'blank' | 'text' | 'heading' | 'setext' | 'break' | 'list' | 'html' | 'pre' | 'fence' | 'code' | 'indented-code'} LineKind
 */
/**
 * One classified line.
 *
 * @typedef {object} Line
 * @property {LineKind} kind
 * @property {string} text The line without its line break (and without `\r`).
 * @property {number} start Offset of the line in the text.
 * @property {number} end Offset of its end.
 * @property {number} number 1-based.
 * @property {boolean} inList
 * @property {boolean} inQuote
 */

/** Kinds of line. `code`, `fence` and `indented-code` are code; `pre` is an HTML `<pre>` block. */
export const CODE_KINDS = new Set(['code', 'fence', 'indented-code', 'pre'])

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
  'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|' +
  'menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul'

/** CommonMark HTML block start conditions 1–7, with their end conditions (null: ends at a blank line). */
const HTML_STARTS = [
  // `<pre>` and `<textarea>` show their text as written (code-like); `<script>` and `<style>` are raw HTML to scan.
  {start: /^<(?:pre|textarea)(?:\s|>|$)/i, end: /<\/(?:pre|textarea)>/i, pre: true},
  {start: /^<(?:script|style)(?:\s|>|$)/i, end: /<\/(?:script|style)>/i},
  {start: /^<!--/, end: /-->/},
  {start: /^<\?/, end: /\?>/},
  {start: /^<![A-Za-z]/, end: />/},
  {start: /^<!\[CDATA\[/, end: /\]\]>/},
  {start: new RegExp(`^</?(?:${HTML_BLOCK_TAGS})(?:\\s|/?>|$)`, 'i'), end: null},
]
const HTML_TYPE_7 =
  /^(?:<[A-Za-z][\w-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][\w-]*\s*>)\s*$/

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/
const LIST_ITEM = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/
const QUOTE_PREFIX = /^ {0,3}> ?/

/**
 * Columns of leading white space (tabs to the next multiple of 4) and where the content starts.
 *
 * @param {string} text
 */
function measureIndent(text) {
  let columns = 0
  let index = 0
  for (; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 32) columns++
    else if (char === 9) columns += 4 - (columns % 4)
    else break
  }
  return {columns, index}
}

/**
 * Split `text` into lines and classify each one.
 *
 * @param {string} text
 * @returns {Line[]}
 *   `text` is the line without its line break (and without `\r`), `start`/`end` are offsets into `text`,
 *   `number` is 1-based.
 */
export function classifyLines(text) {
  /** @type {Line[]} */
  const lines = []
  let offset = 0
  let number = 1
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset)
    const end = newline === -1 ? text.length : newline
    let line = text.slice(offset, end)
    if (line.endsWith('\r')) line = line.slice(0, -1)
    lines.push({kind: 'text', text: line, start: offset, end, number: number++, inList: false, inQuote: false})
    if (newline === -1) break
    offset = newline + 1
  }
  // A final empty "line" after a trailing newline is not a line.
  if (lines.length > 1 && lines[lines.length - 1].text === '' && text.endsWith('\n')) lines.pop()

  let index = markFrontmatter(lines)
  /** @type {{close: RegExp} | null} */
  let fence = null
  /** @type {{end: RegExp | null, pre: boolean} | null} */
  let html = null
  const listColumns = []
  let previous = 'blank'
  for (; index < lines.length; index++) {
    const line = lines[index]
    let content = line.text
    let inQuote = false
    while (QUOTE_PREFIX.test(content) && !fence && !html) {
      content = content.replace(QUOTE_PREFIX, '')
      inQuote = true
    }
    line.inQuote = inQuote
    const blank = content.trim() === ''
    const {columns, index: contentStart} = measureIndent(content)
    const body = content.slice(contentStart)

    if (fence) {
      const base = listColumns.at(-1) ?? 0
      const closing = columns - base <= 3 && fence.close.test(body)
      line.kind = closing ? 'fence' : 'code'
      line.inList = listColumns.length > 0
      if (closing) fence = null
      previous = line.kind
      continue
    }
    if (html) {
      if (html.end === null && blank) {
        html = null
        line.kind = 'blank'
        previous = 'blank'
        continue
      }
      line.kind = html.pre ? 'pre' : 'html'
      if (html.end?.test(content)) html = null
      previous = line.kind
      continue
    }
    if (blank) {
      line.kind = 'blank'
      line.inList = listColumns.length > 0
      previous = 'blank'
      continue
    }
    // Leave list items the line is not indented into (a lazy continuation line stays).
    const isListItem = columns < (listColumns.at(-1) ?? 0) + 4 && LIST_ITEM.test(body) && !THEMATIC_BREAK.test(body)
    while (listColumns.length > 0 && columns < (listColumns.at(-1) ?? 0) && (previous === 'blank' || isListItem)) {
      listColumns.pop()
    }
    const base = listColumns.length > 0 && columns >= (listColumns.at(-1) ?? 0) ? (listColumns.at(-1) ?? 0) : 0
    const relative = columns - base
    line.inList = listColumns.length > 0

    const paragraphOpen = previous === 'text' || previous === 'list'
    if (relative >= 4 && !paragraphOpen) {
      line.kind = 'indented-code'
    } else if (relative >= 4) {
      line.kind = 'text'
    } else if (FENCE_OPEN.test(body) && !(body[0] === '`' && /** @type {RegExpExecArray} */ (FENCE_OPEN.exec(body))[2].includes('`'))) {
      const marker = /** @type {RegExpExecArray} */ (FENCE_OPEN.exec(body))[1]
      fence = {close: new RegExp(`^${marker[0]}{${marker.length},}[ \\t]*$`)}
      line.kind = 'fence'
    } else if (ATX_HEADING.test(body)) {
      line.kind = 'heading'
    } else if (previous === 'text' && SETEXT_UNDERLINE.test(body) && !lines[index - 1].inList === !line.inList) {
      lines[index - 1].kind = 'heading'
      line.kind = 'setext'
    } else if (THEMATIC_BREAK.test(body)) {
      line.kind = 'break'
    } else if (body[0] === '<' && startsHtmlBlock(body, paragraphOpen)) {
      const type = HTML_STARTS.find((candidate) => candidate.start.test(body))
      const end = type ? type.end : null
      html = {end, pre: Boolean(type?.pre)}
      line.kind = html.pre ? 'pre' : 'html'
      // Types 1–5 may end on the line that starts them (after the opening construct).
      if (end?.test(body.slice(1))) html = null
    } else if (isListItem) {
      const match = /** @type {RegExpExecArray} */ (LIST_ITEM.exec(body))
      const spaces = measureIndent(match[2]).columns
      const markerWidth = match[1].length
      const rest = body.slice(match[0].length)
      const contentColumn = columns + markerWidth + (rest === '' || spaces > 4 ? 1 : Math.max(spaces, 1))
      while (listColumns.length > 0 && columns < (listColumns.at(-1) ?? 0)) listColumns.pop()
      listColumns.push(contentColumn)
      line.kind = 'list'
      line.inList = true
    } else {
      line.kind = 'text'
    }
    previous = line.kind === 'setext' || line.kind === 'heading' || line.kind === 'break' ? 'block' : line.kind
  }
  return lines
}

/**
 * @param {string} body
 * @param {boolean} paragraphOpen
 */
function startsHtmlBlock(body, paragraphOpen) {
  for (let type = 0; type < HTML_STARTS.length; type++) {
    if (HTML_STARTS[type].start.test(body)) return true
  }
  // Type 7 (any complete tag alone on its line) cannot interrupt a paragraph.
  return !paragraphOpen && HTML_TYPE_7.test(body)
}

/** A line of a YAML block: `key:` (and its value), indented, a `- ` item, a comment, or blank. */
const METADATA_LINE = /^(?:[^\s#:-][^:]*:(?:[ \t]|$)|[ \t]|-(?:[ \t]|$)|#|$)/

/**
 * Mark a leading YAML (`---`) or TOML (`+++`) frontmatter block; returns the
 * index of the first body line. A second block stacked right on the first
 * (its fence on the next line, holding only metadata lines) is metadata too:
 * exporters write such pairs, and neither is content.
 *
 * @param {Line[]} lines
 * @returns {number}
 */
function markFrontmatter(lines) {
  const first = lines[0]?.text.replace(/^\uFEFF/, '')
  if (first === undefined) return 0
  const fence = /^(---|\+\+\+)[ \t]*$/.exec(first)?.[1]
  if (!fence) return 0
  const isFence = (/** @type {number} */ index) => index < lines.length && new RegExp(`^\\${fence[0]}{3}[ \\t]*$`).test(lines[index].text)
  let end = -1
  for (let index = 1; index < lines.length; index++) {
    if (isFence(index)) {
      end = index
      break
    }
  }
  if (end === -1) return 0
  if (fence === '---' && isFence(end + 1)) {
    for (let index = end + 2; index < lines.length; index++) {
      if (isFence(index)) {
        end = index
        break
      }
      if (!METADATA_LINE.test(lines[index].text)) break
    }
  }
  for (let marked = 0; marked <= end; marked++) lines[marked].kind = 'frontmatter'
  return end + 1
}

const INLINE_HTML_CODE = /<code\b[^>]*>[\s\S]*?<\/code>/gi

/**
 * The line with inline code removed: backtick spans (on Markdown lines) and
 * `<code>…</code>` elements (everywhere), each replaced by one space.
 *
 * @param {string} text
 * @param {LineKind} kind
 * @returns {string}
 */
export function stripInlineCode(text, kind) {
  const result = text.replace(INLINE_HTML_CODE, ' ')
  if (kind === 'html' || !result.includes('`')) return result
  let out = ''
  let index = 0
  while (index < result.length) {
    const open = result.indexOf('`', index)
    if (open === -1) break
    let runEnd = open
    while (result[runEnd] === '`') runEnd++
    const run = result.slice(open, runEnd)
    // Find a closing run of exactly the same length.
    let search = runEnd
    let close = -1
    while (search < result.length) {
      const candidate = result.indexOf(run, search)
      if (candidate === -1) break
      let after = candidate + run.length
      if (result[after] !== '`' && result[candidate - 1] !== '`') {
        close = candidate
        break
      }
      while (result[after] === '`') after++
      search = after
    }
    if (close === -1) {
      out += result.slice(index, runEnd)
      index = runEnd
      continue
    }
    out += result.slice(index, open) + ' '
    index = close + run.length
  }
  return out + result.slice(index)
}

/**
 * The document's non-code text, line by line: code lines become empty, inline
 * code is stripped, frontmatter is dropped. Line numbers are kept (the array
 * index + 1), so findings can point at the source.
 *
 * @param {readonly Line[]} lines
 * @returns {string[]}
 */
export function proseLines(lines) {
  return lines.map((line) => {
    if (line.kind === 'frontmatter' || CODE_KINDS.has(line.kind)) return ''
    return stripInlineCode(line.text, line.kind)
  })
}

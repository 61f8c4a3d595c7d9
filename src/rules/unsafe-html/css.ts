/**
 * A `style` attribute's value as a browser's CSS parser reads it, for the
 * sanitiser's `deniedValues` checks (`expression(`, `javascript:`,
 * `behavior:`, `-moz-binding`, `url(data:…)`): written with escapes or
 * comments, the same CSS slips past a pattern on the raw text
 * (`\65 xpression(` is `expression(`, `url(\6A avascript:…)` a script URL,
 * `expr/**\/ession(` what old Internet Explorer ran). So, before the checks:
 * - `\` + 1–6 hex digits + one optional white space (`\r\n` counts as one)
 *   is that code point (0, a surrogate or one past U+10FFFF: U+FFFD);
 * - `\` + a line break is nothing (a line continuation), `\` + any other
 *   character is that character, a `\` at the end is nothing;
 * - comments (`/* … *\/`, or to the end when unclosed) and NUL characters go;
 * - the result is NFKC-normalised (full-width `ｅｘｐｒｅｓｓｉｏｎ` is
 *   `expression` to old IE).
 * The value is only read this way to be judged; what stays is never
 * rewritten. Character references (`&#92;`) are decoded by the HTML parser
 * before this. Stricter than a browser where it differs (comments in
 * strings are dropped too), which only ever removes more.
 *
 * @example
 *   cssAsRead('width: \\65 xpression(alert(1))') // → 'width: expression(alert(1))'
 */

const HEX_DIGIT = /^[0-9a-fA-F]$/
const CSS_SPACE = /^[ \t\n\r\f]$/
const LINE_BREAK = /^[\n\r\f]$/
/** Whether a value can hold anything this reading changes. */
const NEEDS_READING = /[\\/\0\u00a0-\uffff]/

/** A CSS `style` value with escapes decoded, comments and NULs removed, NFKC-normalised (see the module comment). */
export function cssAsRead(value: string): string {
  if (!NEEDS_READING.test(value)) return value
  let out = ''
  let index = 0
  const length = value.length
  while (index < length) {
    const char = value[index]!
    if (char === '\0') {
      index++
    } else if (char === '/' && value[index + 1] === '*') {
      const close = value.indexOf('*/', index + 2)
      index = close === -1 ? length : close + 2
    } else if (char === '\\') {
      index = readEscape(value, index + 1, (decoded) => (out += decoded))
    } else {
      out += char
      index++
    }
  }
  return out.normalize('NFKC')
}

/** Read the escape whose body starts at `at` (just past the `\`); hand its character to `emit`; return the offset after it. */
function readEscape(value: string, at: number, emit: (decoded: string) => void): number {
  let end = at
  while (end < value.length && end - at < 6 && HEX_DIGIT.test(value[end]!)) end++
  if (end > at) {
    const code = Number.parseInt(value.slice(at, end), 16)
    emit(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code))
    if (value[end] === '\r' && value[end + 1] === '\n') return end + 2
    return CSS_SPACE.test(value[end] ?? '') ? end + 1 : end
  }
  if (at >= value.length) return at
  if (LINE_BREAK.test(value[at]!)) return value[at] === '\r' && value[at + 1] === '\n' ? at + 2 : at + 1
  const escaped = String.fromCodePoint(value.codePointAt(at)!)
  emit(escaped)
  return at + escaped.length
}

/**
 * Control characters made visible in text printed for people: a file may be
 * named `a.md\nb.md:1:1  ad-block  …` or hold an escape sequence, and
 * printed as is such a name would forge a second finding line or drive the
 * terminal. C0 controls (tab, line feed, carriage return, ESC …), DEL, C1
 * controls and the Unicode line and paragraph separators become escapes in
 * the style of a JavaScript string (`\n`, `\t`, `\x1b`, `\u2028`); a
 * backslash followed by such a letter is left alone (an escape is for
 * reading, not for parsing back). JSON output needs none of this: JSON
 * escapes C0 itself, and its readers are programs.
 *
 * @example escapeControl('a\nb.md') // 'a\\nb.md'
 */

const NAMED: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** `text` with every control character written as a visible escape. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => {
    const named = NAMED[char]
    if (named !== undefined) return named
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

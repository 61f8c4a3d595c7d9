/**
 * Reading YAML leniently, line by line, where a parser gives up: the lines of
 * a text with their offsets, and what a line looks like (`key: value`, a
 * block scalar header). The repairs of broken frontmatter (`repair.ts`,
 * `repair-yaml.ts`) decide with these which lines to touch.
 */

/** One line: offsets of its first character and of its end (before `\r\n` or `\n`), and its text. */
export interface Line {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** The lines of `text` from offset `from` (a final empty line after a last line break included). */
export function linesOf(text: string, from = 0): Line[] {
  const lines: Line[] = []
  for (let start = from; start <= text.length; ) {
    const lineBreak = text.indexOf('\n', start)
    const next = lineBreak === -1 ? text.length : lineBreak
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next
    lines.push({start, end, text: text.slice(start, end)})
    if (lineBreak === -1) break
    start = lineBreak + 1
  }
  return lines
}

/** A block scalar header: `|`, `>-`, `|2+`, with an optional comment. */
export const BLOCK_SCALAR_HEADER = /^[|>](?:[-+]?[1-9]?|[1-9][-+])(?:[ \t]+#.*)?$/

/**
 * A mapping entry on one line: `- ` markers, the key (plain, with inner
 * spaces and `:` not followed by a space, or quoted), the colon, the value.
 */
const KEY_LINE =
  /^((?:-[ \t]+)*)((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"?,[\]{}&*!|>%@`:-](?:[^\s:]|:(?=\S)|[ \t]+(?=[^\s:#]))*))[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/

/** A line read as `key: value`. */
export interface KeyLine {
  /** The `- ` markers before the key (`''` for none). */
  readonly markers: string
  /** The key as written, and its name (without quotes). */
  readonly key: string
  readonly name: string
  /** The value on the line, trimmed at the end (`''` when none). */
  readonly value: string
}

/** The line (without its indentation) as `key: value`, or undefined. */
export function keyLine(content: string): KeyLine | undefined {
  const match = KEY_LINE.exec(content)
  if (!match) return undefined
  const key = match[2]!
  const quoted = key.startsWith('"') || key.startsWith("'")
  return {markers: match[1]!, key, name: quoted ? key.slice(1, -1) : key, value: match[3] ?? ''}
}

/** Whether a line is blank or a comment. */
export function isBlankOrComment(text: string): boolean {
  const trimmed = text.trimStart()
  return trimmed === '' || trimmed.startsWith('#')
}

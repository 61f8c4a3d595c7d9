/**
 * Where a frontmatter block at the start of a document ends, found the way
 * the parser finds it: an opening `---` (YAML) or `+++` (TOML) on the first
 * line, a closing fence of the same kind on a line of its own (white space
 * after a fence allowed; `\n`, `\r\n` or a lone `\r` end a line). A BOM may
 * stand before the opening fence.
 */

const OPENING = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n?|\n)/
const CLOSING: Readonly<Record<string, RegExp>> = {
  '---': /(?:\r\n?|\n)---[ \t]*(?:\r\n?|\n|$)/g,
  '+++': /(?:\r\n?|\n)\+\+\+[ \t]*(?:\r\n?|\n|$)/g,
}

/**
 * The offset just past the closing fence's line of the frontmatter block
 * that opens `text`; `undefined` when `text` does not open with a fence, and
 * -1 when it opens with one that no fence closes.
 */
export function frontmatterEnd(text: string): number | undefined {
  const open = OPENING.exec(text)
  if (!open) return undefined
  const close = CLOSING[open[1]!]!
  // From the opening line's break, so that a closing fence on the very next line is found.
  close.lastIndex = open[0].length - (open[0].endsWith('\r\n') ? 2 : 1)
  const end = close.exec(text)
  return end ? end.index + end[0].length : -1
}

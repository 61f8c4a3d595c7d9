/**
 * Lone carriage returns: CommonMark ends a line at `\n`, `\r\n` or a `\r`
 * alone (old Mac files, some scrapers), but decruft's own line scans
 * (frontmatter, its repairs, suppression comments, the pass checks) look
 * for `\n`. Rather than teach each of them, `clean` lets the rules read the
 * text with every lone `\r` turned into `\n` — one character for one, so
 * every offset, line and column stays — and writes the output from the
 * author's text: removed spans are cut from the original (their recorded
 * text is the original's), and a replacement (a frontmatter rewrite) takes
 * the line ending of the line it stands on. A CR-only file stays CR-only,
 * and its frontmatter is read as an LF file's is.
 *
 * @example
 *   readableLineEndings('---\rtitle: A\r---\rBody\r') // → '---\ntitle: A\n---\nBody\n'
 */
import type {Removal} from './removal.js'

const LONE_CR = /\r(?!\n)/g

/** `text` with each lone `\r` (not followed by `\n`) turned into `\n`: same length, same offsets. */
export function readableLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text
}

/** The line break that ends the line holding `offset` in `text`: `\r`, `\r\n` or `\n` (`\n` at the end of the text). */
function lineEndingAt(text: string, offset: number): string {
  for (let at = offset; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 10) return '\n'
    if (code === 13) return text.charCodeAt(at + 1) === 10 ? '\r\n' : '\r'
  }
  return '\n'
}

/**
 * Removals found on `readable` ({@link readableLineEndings}`(original)`), made removals
 * of `original`: each text is the original's between the same offsets, and
 * in a replacement each `\n` (not after a `\r`) becomes `\r` where the line
 * it stands on ends with a lone `\r`. Removals are returned unchanged when
 * `original` has no lone `\r`.
 */
export function withOriginalLineEndings(original: string, readable: string, removals: readonly Removal[]): Removal[] {
  if (readable === original) return [...removals]
  return removals.map((removal) => {
    const restored: Removal = {...removal, text: original.slice(removal.start.offset, removal.end.offset)}
    if (removal.replacement !== undefined && lineEndingAt(original, removal.start.offset) === '\r') {
      restored.replacement = removal.replacement.replace(/(?<!\r)\n/g, '\r')
    }
    return restored
  })
}

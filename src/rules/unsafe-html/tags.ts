/**
 * unsafe-html's tag scanner: where a tag, a comment or a bogus comment ends
 * as parse5 tokenises them, for what a parse of the fragment hides — a tag
 * the text ends inside (parse5 drops it; the output would keep it open) and
 * start tags the parser ignored in the fragment's context. Also HTML's white
 * space, shared with the parts that grow removals over it.
 */

/** Only HTML white space (or nothing). */
export const WHITE_SPACE = /^[\t\n\f\r ]*$/
const TAG_SPACE = /[\t\n\f\r /]/
const NAME_END = /[\t\n\f\r />=]/
export const SPACE = /[\t\n\f\r ]/
const UNQUOTED_END = /[\t\n\f\r >]/
export const LETTER = /[a-z]/i

/** Offset just past the tag whose name starts at `at`, or -1 when the text ends inside it (as parse5 tokenises). */
export function tagEnd(html: string, at: number): number {
  const length = html.length
  let index = at
  while (index < length && !TAG_SPACE.test(html[index]!) && html[index] !== '>') index++
  while (index < length) {
    const char = html[index]!
    if (char === '>') return index + 1
    if (TAG_SPACE.test(char)) {
      index++
      continue
    }
    index++
    while (index < length && !NAME_END.test(html[index]!)) index++
    while (index < length && SPACE.test(html[index]!)) index++
    if (html[index] !== '=') continue
    index++
    while (index < length && SPACE.test(html[index]!)) index++
    const quote = html[index]
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, index + 1)
      if (close < 0) return -1
      index = close + 1
    } else {
      while (index < length && !UNQUOTED_END.test(html[index]!)) index++
    }
  }
  return -1
}

/** Where a tag that the text ends inside starts, after `from` (parse5 drops such a tag; the output would keep it open). */
export function unterminatedTagStart(html: string, from: number): number {
  let index = from
  for (;;) {
    const lt = html.indexOf('<', index)
    if (lt < 0) return -1
    const next = html.charAt(lt + 1)
    if (LETTER.test(next) || (next === '/' && LETTER.test(html.charAt(lt + 2)))) {
      const end = tagEnd(html, lt + (next === '/' ? 2 : 1))
      if (end < 0) return lt
      index = end
    } else if (html.startsWith('<!--', lt)) {
      if (html.startsWith('<!-->', lt) || html.startsWith('<!--->', lt)) {
        index = html.indexOf('>', lt) + 1
        continue
      }
      const ends = [html.indexOf('-->', lt + 4), html.indexOf('--!>', lt + 4)].filter((at) => at >= 0)
      if (ends.length === 0) return lt
      index = html.indexOf('>', Math.min(...ends)) + 1
    } else if (next === '!' || next === '?' || next === '/') {
      const gt = html.indexOf('>', lt)
      if (gt < 0) return lt
      index = gt + 1
    } else index = lt + 1
  }
}

/** Whether a comment's source is closed (`<!-- … -->`, `<!-- … --!>`, `<!-->`; a bogus `<!…>` or `<?…>` by its `>`). */
export function isClosedComment(source: string): boolean {
  if (!source.startsWith('<!--')) return source.endsWith('>')
  return source === '<!-->' || source === '<!--->' || (source.length >= 7 && (source.endsWith('-->') || source.endsWith('--!>')))
}

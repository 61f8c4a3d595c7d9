/** Finding a node's text in the Markdown source it came from. */

/** Whether a character code is ASCII punctuation (what Markdown lets a backslash escape). */
export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126)
}

/**
 * Find `literal` (a node's value) in the source from `from`: a character may
 * be written escaped there (`\[` for `[`). Returns the span, or undefined.
 */
export function findInSource(text: string, literal: string, from: number): {start: number; end: number} | undefined {
  const firstChar = literal.charCodeAt(0)
  for (let start = from; start < text.length; start++) {
    const code = text.charCodeAt(start)
    if (code !== firstChar && !(code === 92 && text.charCodeAt(start + 1) === firstChar)) continue
    let at = start
    let index = 0
    while (index < literal.length && at < text.length) {
      const wanted = literal.charCodeAt(index)
      if (text.charCodeAt(at) === wanted) at++
      else if (text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === wanted && isAsciiPunctuation(wanted)) at += 2
      else break
      index++
    }
    if (index === literal.length) return {start, end: at}
  }
  return undefined
}

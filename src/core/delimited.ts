/**
 * Linear-time replacement of delimited spans (`<…>`, `<!--…-->`,
 * `<script>…</script>`), for the rules that strip markup from a slice.
 *
 * A regular expression such as `/<[^>]*>/g` or `/<!--[\s\S]*?-->/g` costs
 * O(n²) on text with many unclosed openers: the engine tries every opener
 * and scans to the end of the text for a closer that is not there. These
 * helpers remember the first failure: once no closer is found after offset
 * X, no later opener can be closed either, so the rest of the text is kept
 * as it is without another scan. Each opener then costs the distance to its
 * own closer, and the whole replacement O(n).
 *
 * The matches are the same as the regular expression `open[\s\S]*?close`'s
 * (the leftmost opener, then the nearest closer after it), as long as the
 * opener cannot hold the closer.
 *
 * @example
 *   replaceDelimited('a <b> c <d', /</g, '>', ' ') // 'a   c <d'
 */

/** A match of a search: where it starts and ends. */
export interface Found {
  start: number
  end: number
}

/**
 * The first match of `pattern` starting at or after an offset, with the last
 * answer remembered: for offsets that only grow (as a left-to-right scan
 * asks), all the searches together read the text once.
 */
export type NextMatch = (from: number) => Found | undefined

/** A {@link NextMatch} for `closer` (a string, or a global/sticky-free pattern, which is copied with the `g` flag) in `text`. */
export function nextMatch(text: string, closer: string | RegExp): NextMatch {
  const pattern =
    typeof closer === 'string' ? undefined : new RegExp(closer.source, closer.flags.includes('g') ? closer.flags : `${closer.flags}g`)
  let askedFrom = -1
  let answer: Found | undefined
  let none = false
  return (from) => {
    if (from >= askedFrom && askedFrom !== -1) {
      if (none) return undefined
      if (answer && answer.start >= from) return answer
    }
    askedFrom = from
    if (pattern) {
      pattern.lastIndex = from
      const match = pattern.exec(text)
      answer = match ? {start: match.index, end: match.index + match[0].length} : undefined
    } else {
      const start = text.indexOf(closer as string, from)
      answer = start === -1 ? undefined : {start, end: start + (closer as string).length}
    }
    none = answer === undefined
    return answer
  }
}

/**
 * `text` with every span from a match of `open` (a global pattern) to the
 * nearest following `close` replaced by `replacement` (a string, or a
 * function of the span's text). `close` may depend on the opener's match
 * (`</script>` for `<script`): give a function returning a key-stable
 * closer. An opener with no closer after it ends the replacing: the rest is
 * kept as written.
 */
export function replaceDelimited(
  text: string,
  open: RegExp,
  close: string | RegExp | ((opener: RegExpExecArray) => string | RegExp),
  replacement: string | ((span: string) => string),
): string {
  const finders = new Map<string, NextMatch>()
  const finderFor = (closer: string | RegExp) => {
    const key = typeof closer === 'string' ? `s:${closer}` : `r:${closer.source}/${closer.flags}`
    let finder = finders.get(key)
    if (!finder) finders.set(key, (finder = nextMatch(text, closer)))
    return finder
  }
  const opener = new RegExp(open.source, open.flags.includes('g') ? open.flags : `${open.flags}g`)
  let out = ''
  let at = 0
  opener.lastIndex = 0
  for (;;) {
    const match = opener.exec(text)
    if (!match) break
    const closer = typeof close === 'function' ? close(match) : close
    const found = finderFor(closer)(match.index + match[0].length)
    if (!found) {
      // No closer after this opener; a later opener of the same closer has none either.
      if (typeof close !== 'function') break
      // Another opener may want another closer: look on, from the next character.
      opener.lastIndex = match.index + 1
      continue
    }
    const span = text.slice(match.index, found.end)
    out += text.slice(at, match.index) + (typeof replacement === 'string' ? replacement : replacement(span))
    at = found.end
    opener.lastIndex = Math.max(at, match.index + 1)
  }
  return out + text.slice(at)
}

/** `text` with every tag-like `<…>` replaced (as `text.replace(/<[^>]*>/g, replacement)`, in linear time). */
export function replaceTags(text: string, replacement = ''): string {
  return replaceBetween(text, '<', '>', replacement)
}

/** `text` with every HTML comment `<!--…-->` replaced (as `text.replace(/<!--[\s\S]*?-->/g, replacement)`, in linear time). */
export function replaceComments(text: string, replacement = ''): string {
  return replaceBetween(text, '<!--', '-->', replacement)
}

/**
 * {@link replaceDelimited} for a fixed opener and closer, with `indexOf`
 * alone (no pattern, no finder): the shape every tag and comment strip
 * takes, on every block of every article. The same matches: the leftmost
 * opener, the nearest closer after it; the first opener without a closer
 * ends the replacing.
 */
function replaceBetween(text: string, open: string, close: string, replacement: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const start = text.indexOf(open, at)
    if (start === -1) break
    const end = text.indexOf(close, start + open.length)
    if (end === -1) break
    out += text.slice(at, start) + replacement
    at = end + close.length
  }
  return at === 0 ? text : out + text.slice(at)
}

/**
 * The end of the part of `text` in which every `closer` search succeeds:
 * just past its last `closer`, or 0. A pattern whose every match ends with
 * `closer`, run over `text.slice(0, lastCloserEnd(text, closer))`, never
 * scans to the end of the text for a closer that is not there.
 */
export function lastCloserEnd(text: string, closer: string): number {
  const last = text.lastIndexOf(closer)
  return last === -1 ? 0 : last + closer.length
}

/** `text.replace(pattern, replacement)` for a global pattern whose every match ends with `closer`, run only where a `closer` still follows. */
export function replaceBeforeLastCloser(
  text: string,
  closer: string,
  pattern: RegExp,
  replacement: string | ((substring: string, ...groups: Array<string | undefined>) => string),
): string {
  const end = lastCloserEnd(text, closer)
  if (end === 0) return text
  return text.slice(0, end).replace(pattern, replacement as (substring: string, ...groups: unknown[]) => string) + text.slice(end)
}

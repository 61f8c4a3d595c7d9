/**
 * The URLs a removed text links to or embeds, for `keep` entries by `url`
 * and `host` (and for the review report, which offers them as choices, so
 * both read the same list).
 *
 * Read with patterns, not a parser (a removed span is often a fragment:
 * half a link, an unclosed tag): Markdown link and image destinations
 * (`](url)`, `]: url` definitions), autolinks (`<https://…>`), HTML
 * `href`/`src`/`srcset`/`data-src`/`action`/`poster` attribute values (the
 * `&amp;` entity decoded), and bare `http(s)://` URLs. Only absolute
 * http(s) and protocol-relative (`//host/…`, read as https) URLs count: a
 * relative link has no host to name.
 *
 * @example
 *   urlsIn('[Buy](https://shop.example/x?a=1) <img src="//cdn.example/p.gif">')
 *   // → ['https://shop.example/x?a=1', '//cdn.example/p.gif']
 */

const MARKDOWN_DESTINATION = /\]\(\s*<?([^\s)>]+)>?|^[ \t]*\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?/gm
const AUTOLINK = /<((?:https?:)?\/\/[^\s<>]+)>/gi
const ATTRIBUTE = /\s(?:href|src|srcset|data-src|action|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi
const BARE = /\bhttps?:\/\/[^\s<>"'()[\]]+/gi
const ABSOLUTE = /^(?:https?:)?\/\/[^/\s]/i

/** The absolute and protocol-relative http(s) URLs in `text`, each once, in the order first met by kind of syntax. */
export function urlsIn(text: string): string[] {
  if (!text.includes('//')) return []
  const found = new Set<string>()
  const add = (url: string | undefined) => {
    if (url === undefined) return
    const value = url.replaceAll('&amp;', '&').trim()
    if (ABSOLUTE.test(value)) found.add(value)
  }
  for (const match of text.matchAll(MARKDOWN_DESTINATION)) add(match[1] ?? match[2])
  for (const match of text.matchAll(AUTOLINK)) add(match[1])
  for (const match of text.matchAll(ATTRIBUTE)) {
    const value = match[1] ?? match[2] ?? match[3]
    // srcset: "url 1x, url 2x"
    if (value !== undefined && /srcset/i.test(match[0])) for (const part of value.split(',')) add(part.trim().split(/\s+/)[0])
    else add(value)
  }
  for (const match of text.matchAll(BARE)) add(match[0].replace(/[.,;:!?]+$/, ''))
  return [...found]
}

/** The lower-cased host of an absolute or protocol-relative URL, or undefined when it has none. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).hostname.toLowerCase() || undefined
  } catch {
    return undefined
  }
}

/** Whether `urlHost` is `host` or a sub-domain of it. */
export function isOnHost(urlHost: string, host: string): boolean {
  return urlHost === host || urlHost.endsWith(`.${host}`)
}

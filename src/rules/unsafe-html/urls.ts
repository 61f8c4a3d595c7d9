/**
 * unsafe-html URLs: a URL as a browser reads it, and the scheme the rules'
 * `protocols` do not allow for an attribute (`href`, `src`, `srcset`…) —
 * judged the way hast-util-sanitize reads it, for HTML attributes and
 * Markdown destinations alike.
 *
 * @example
 *   normaliseUrl(' JaVa\tScript:alert(1)')  // → 'javascript:alert(1)'
 */
import type {Policy} from './cut.js'

const TAB_OR_NEWLINE = /[\t\n\r]/g
const EDGE_CONTROLS = /^[\0- ]+|[\0- ]+$/g
const SCHEME = /^[a-z][a-z0-9+.-]*$/i

/**
 * A URL as a browser's URL parser reads it: ASCII tabs and line breaks
 * removed, leading and trailing controls and spaces trimmed, the scheme
 * lower-cased. (Character references are already decoded by then.)
 */
export function normaliseUrl(value: string): string {
  const url = value.replace(TAB_OR_NEWLINE, '').replace(EDGE_CONTROLS, '')
  const colon = url.indexOf(':')
  return colon > 0 && SCHEME.test(url.slice(0, colon)) ? url.slice(0, colon).toLowerCase() + url.slice(colon) : url
}

/** The scheme of a normalised URL as hast-util-sanitize reads it; undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':')
  if (colon < 0) return undefined
  for (const mark of ['/', '?', '#']) {
    const at = url.indexOf(mark)
    if (at > -1 && colon > at) return undefined
  }
  return url.slice(0, colon)
}

/**
 * For a Markdown URL: the scheme `property` does not allow, or undefined. A
 * "scheme" that is not one by the URL standard (`(https://…`, `<x>:y`) makes
 * the URL relative for a browser, so it may stay; HTML attributes follow the
 * sanitiser's reading instead ({@link forbiddenScheme}).
 */
export function forbiddenMarkdownScheme(url: string, property: string, policy: Policy): string | undefined {
  const scheme = forbiddenScheme(url, property, policy)
  return scheme !== undefined && SCHEME.test(scheme) ? scheme : undefined
}

/** The scheme of `url` that `property` does not allow, or undefined when the URL may stay. */
export function forbiddenScheme(url: string, property: string, policy: Policy): string | undefined {
  const allowed = policy.schemes.get(property)
  if (!allowed) return undefined
  const scheme = schemeOf(normaliseUrl(url))
  return scheme === undefined || allowed.has(scheme) ? undefined : scheme
}

/**
 * The candidates of a `srcset`, white space squeezed out: a browser ends the
 * URL at white space (`java&#x09;script:` is the URL `java`), but judging the
 * whole candidate is stricter and costs nothing (`a.png 2x` → `a.png2x`).
 */
function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.replace(/[\t\n\f\r ]+/g, ''))
    .filter((url) => url !== '')
}

/**
 * A URL attribute's value as the sanitiser should judge it: normalised, and
 * for `srcset` the first candidate whose scheme is not allowed (the
 * sanitiser only reads the first scheme of a value).
 */
export function judgedUrl(property: string, value: string, policy: Policy): string {
  if (property !== 'srcSet') return normaliseUrl(value)
  const urls = srcsetUrls(value).map(normaliseUrl)
  return urls.find((url) => forbiddenScheme(url, property, policy) !== undefined) ?? urls[0] ?? ''
}

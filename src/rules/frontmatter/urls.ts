/**
 * Frontmatter URLs (`image`, `canonical_url`): tracking parameters go, by the
 * same rules (`rules: trackingParam`) as links in the body. Only the
 * parameter text is cut; the rest of the URL keeps the author's spelling and
 * encoding. A relative path or something that is not a URL stays as written.
 *
 * @example
 *   stripTrackingParams('https://example.com/a?utm_source=rss&id=4#top', rules)
 *   // → {url: 'https://example.com/a?id=4#top', removed: ['utm_source=rss']}
 */
import type {TrackingParamMatcher} from '../tracking-param/section.js'

export interface StrippedUrl {
  readonly url: string
  /** The parameters removed, as written (`utm_source=rss`). */
  readonly removed: readonly string[]
}

const ABSOLUTE = /^https?:\/\//i

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return value
  }
}

/** `url` without the tracking parameters `trackers` name. */
export function stripTrackingParams(url: string, trackers: readonly TrackingParamMatcher[]): StrippedUrl {
  const question = url.indexOf('?')
  if (question === -1 || !ABSOLUTE.test(url)) return {url, removed: []}
  let hostname: string
  try {
    hostname = new URL(url).hostname
  } catch {
    return {url, removed: []}
  }
  const hash = url.indexOf('#', question)
  const queryEnd = hash === -1 ? url.length : hash
  const params = url.slice(question + 1, queryEnd).split('&')
  const removed: string[] = []
  const kept = params.filter((param) => {
    if (param === '') return false
    const equals = param.indexOf('=')
    const name = decode(equals === -1 ? param : param.slice(0, equals))
    const value = equals === -1 ? '' : decode(param.slice(equals + 1))
    if (!trackers.some((tracker) => tracker.test(name, value, hostname))) return true
    removed.push(param)
    return false
  })
  if (removed.length === 0) return {url, removed}
  const query = kept.length === 0 ? '' : `?${kept.join('&')}`
  return {url: url.slice(0, question) + query + url.slice(queryEnd), removed}
}

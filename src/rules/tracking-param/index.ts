/**
 * tracking-param: strip tracking parameters from the URLs of links that stay.
 *
 * Looks at every URL a reader can follow: Markdown links, images, reference
 * definitions and autolinks, bare URLs in text, and the `href`, `src` (and
 * `data-src`, `poster`, `action`, `cite`…) attributes of embedded HTML. A
 * query parameter goes when an entry of `rules: trackingParam.params` matches
 * it: a name (`fbclid`) or prefix (`utm_`), optionally only on some hosts
 * (`si` on YouTube and Spotify) or only with some values (`ref` when it names
 * a source such as `producthunt` or a domain), and not on the hosts of
 * `trackingParam.exceptions` (on GitHub `ref` is a git ref).
 *
 * Each removal is exactly the parameter text in the source, with one
 * separator, so the rest of the URL keeps its bytes:
 * `?utm_source=x&id=3` → `?id=3` (`utm_source=x&` goes); `?id=3&utm_x=y` →
 * `?id=3` (`&utm_x=y` goes); when every parameter tracks, the query goes from
 * `?` on and a `#fragment` stays. `&amp;` (and `&#038;`) separators, as in
 * HTML attributes and scraped Markdown, count as `&`. One removal is recorded
 * per run of adjacent tracking parameters in a URL (usually one per URL).
 *
 * Keeps: URLs in code and frontmatter; links an earlier rule removed or
 * unlinked (an affiliate link goes whole, with its parameters); meaningful
 * parameters (`?id=3&page=2`, `?ref=main` on GitHub, `?ref=42`); script and
 * style content; and the URLs of a paragraph that talks about the parameter
 * itself ("tag links with `utm_source`, like https://example.com/?utm_source=x"),
 * where the parameter is the point.
 *
 * @example
 *   [Docs](https://docs.example.com/start?utm_source=feed&utm_medium=rss#install)
 *   → "[Docs](https://docs.example.com/start#install)"
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from '../../core/context.js'
import {nextMatch, type Found} from '../../core/delimited.js'
import {ATTRIBUTE, decodeCharacterReferences, type Tag} from '../../core/html.js'
import {linkIndex, nearestAncestor, type LinkIndex} from '../../core/links.js'
import {removedSpans, reportRemoval, type RemovedSpans} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import type {Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {TrackingParamMatcher} from './section.js'
import {section} from './section.js'

export const meta = {
  id: 'tracking-param',
  description: 'Tracking parameters (utm_*, fbclid, gclid, …) in the URLs of links that stay.',
  removalOnly: true,
  group: 'spam',
  shapes: ['url-part'],
} as const

const BASE = 'https://relative.invalid/'
/** Attributes whose value is a URL the reader follows or the page loads. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'data-src', 'data-lazy-src', 'data-href', 'poster', 'action', 'cite'])
/** Elements whose content is code, not markup. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'textarea'])
/**
 * A URL written out in text (GFM's autolink literals: a scheme, or `www.`;
 * balanced parentheses belong to it). It ends at a quote, backslash or
 * backtick, which no URL holds: `{"url":"https://x.example/?s=20\",…}` in
 * a pandoc attribute is a URL inside a JSON string.
 */
const URL_IN_TEXT = /(?:https?:\/\/|www\.)(?:[^\s<>()[\]"\\`]|\([^\s<>()[\]"\\`]*\))+/gi
/** What a URL never holds: a destination or attribute value that does is no URL to clean. */
const NOT_IN_URL = /[\s"<>`]/
/** What GFM leaves out of a bare URL's end. */
const TRAILING_PUNCTUATION = /[.,:;!?'"*_~]+$/
/** A query separator: `&`, or `&` written as a character reference. */
const SEPARATOR = /&(?:amp;|#0*38;|#x0*26;)?/gi
/** URLs to blank out of a block before asking whether its words talk about a parameter (tags `<…>` go too). */
const URLS = /\]\(\S+|(?:https?:)?\/\/\S+|www\.\S+/gi
/** Words that say a paragraph is about campaign tags (`UTM`, `utm_source`). */
const UTM_WORD = /\butm(?:_\w+)?\b/i

/** `name` as a word of its own (not inside `reference` for `ref`). */
function wordPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i')
}

function decodeComponent(value: string): string {
  const plain = decodeCharacterReferences(value).replace(/\+/g, ' ')
  try {
    return decodeURIComponent(plain)
  } catch {
    return plain
  }
}

/** The host a URL's text points at, or undefined when it is not a web URL (`mailto:`, `javascript:`). */
function hostOf(beforeQuery: string): string | undefined {
  const raw = decodeCharacterReferences(beforeQuery.trim())
  try {
    const url = new URL(/^www\./i.test(raw) ? `http://${raw}` : raw, BASE)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.hostname : undefined
  } catch {
    return undefined
  }
}

const NUMERIC_REFERENCE_TAIL = /^#(?:\d{1,7}|x[0-9a-f]{1,6});/i

/** Offset of the `#` that starts a fragment in `text[from, end)` (not the `#` of `&#038;`), or `end`. */
function fragmentStart(text: string, from: number, end: number): number {
  // Searched within the URL only: a text without `#` is not read to its end once per URL.
  const url = text.slice(0, end)
  for (let hash = url.indexOf('#', from); hash !== -1; hash = url.indexOf('#', hash + 1)) {
    if (text.charCodeAt(hash - 1) === 38 && NUMERIC_REFERENCE_TAIL.test(text.slice(hash, hash + 10))) continue
    return hash
  }
  return end
}

/** One `name=value` of a query, as offsets into the source. */
interface Param extends Span {
  name: string
  tracker: TrackingParamMatcher | undefined
}

/** A span to remove: a run of tracking parameters with their separator. */
interface Finding extends Span {
  params: Param[]
}

/** The parameters of the query `text[from, to)` (after the `?`, before any `#`) of a URL on `hostname`. */
function paramsOf(text: string, from: number, to: number, hostname: string, trackers: readonly TrackingParamMatcher[]): Param[] {
  const params: Param[] = []
  const query = text.slice(from, to)
  let cursor = 0
  const push = (at: number) => {
    const raw = query.slice(cursor, at)
    const equals = raw.indexOf('=')
    const name = decodeComponent(equals === -1 ? raw : raw.slice(0, equals))
    const value = equals === -1 ? '' : decodeComponent(raw.slice(equals + 1))
    const tracker = raw === '' ? undefined : trackers.find((matcher) => matcher.test(name, value, hostname))
    params.push({start: from + cursor, end: from + at, name, tracker})
  }
  for (const match of query.matchAll(SEPARATOR)) {
    push(match.index)
    cursor = match.index + match[0].length
  }
  push(query.length)
  return params
}

/**
 * The spans that strip the tracking parameters of the URL in `text[start,
 * end)`: each with one separator (the one after it when a kept parameter
 * follows, else the one before), or the whole query from `?` when nothing
 * else is left. Adjacent spans are merged.
 */
function strip(text: string, start: number, end: number, trackers: readonly TrackingParamMatcher[]): Finding[] {
  const question = text.indexOf('?', start)
  if (question === -1 || question >= end) return []
  // A query inside the fragment (`#/page?x=1`) belongs to the page's script: left alone.
  if (fragmentStart(text, start, question) < question) return []
  const queryEnd = fragmentStart(text, question, end)
  const hostname = hostOf(text.slice(start, question))
  if (hostname === undefined) return []
  const params = paramsOf(text, question + 1, queryEnd, hostname, trackers)
  const tracking = params.filter((param) => param.tracker !== undefined)
  if (tracking.length === 0) return []
  const lastKept = params.findLastIndex((param) => param.tracker === undefined && param.end > param.start)
  if (lastKept === -1) return [{start: question, end: queryEnd, params: tracking}]
  const findings: Finding[] = []
  params.forEach((param, index) => {
    if (!param.tracker) return
    const span = index < lastKept ? {start: param.start, end: params[index + 1]!.start} : {start: params[index - 1]!.end, end: param.end}
    const previous = findings[findings.length - 1]
    if (previous && previous.end === span.start) {
      previous.end = span.end
      previous.params.push(param)
    } else findings.push({...span, params: [param]})
  })
  return findings
}

/** Offset of the `]` closing the bracket opened at `open`, minding escapes and nesting; -1 if none. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0
  for (let index = open; index < limit; index++) {
    const code = text.charCodeAt(index)
    if (code === 92) index++
    else if (code === 91) depth++
    else if (code === 93 && --depth === 0) return index
  }
  return -1
}

function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** The destination of a link, image or definition whose destination starts after white space at `from`. */
function destinationAt(text: string, from: number, limit: number): Span | undefined {
  let at = from
  while (at < limit && isWhiteSpace(text.charCodeAt(at))) at++
  if (text.charCodeAt(at) === 60) {
    const close = text.indexOf('>', at + 1)
    return close === -1 || close > limit ? undefined : {start: at + 1, end: close}
  }
  let depth = 0
  let end = at
  for (; end < limit; end++) {
    const code = text.charCodeAt(end)
    if (code === 92) end++
    else if (isWhiteSpace(code) || code < 32) break
    else if (code === 40) depth++
    else if (code === 41 && depth-- === 0) break
  }
  return end > at ? {start: at, end: Math.min(end, limit)} : undefined
}

/** The source span of a Markdown link's, image's or definition's destination. */
function markdownDestination(text: string, node: Nodes, start: number, end: number): Span | undefined {
  if (node.type === 'link' && text.charCodeAt(start) === 60) return {start: start + 1, end: end - 1}
  const open = text.indexOf('[', start)
  if (open === -1 || open >= end) return undefined
  let close = -1
  if (node.type === 'link') {
    const last = node.children.at(-1)?.position?.end.offset
    if (last !== undefined && text.charCodeAt(last) === 93) close = last
  }
  if (close === -1) close = closingBracket(text, open, end)
  if (close === -1) return undefined
  const after = text.charCodeAt(close + 1)
  if (node.type === 'definition') return after === 58 ? destinationAt(text, close + 2, end) : undefined
  return after === 40 ? destinationAt(text, close + 2, end - 1) : undefined
}

/** A URL to clean, and the block it stands in (to tell whether the block talks about its parameters). */
interface Candidate extends Span {
  block?: Span | undefined
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** URLs written out in the source of a text node. */
function urlsInText(text: string, span: Span, block: Span | undefined, into: Candidate[]): void {
  const value = text.slice(span.start, span.end)
  if (!value.includes('?')) return
  for (const match of value.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    if (url.includes('?')) into.push({start: span.start + match.index, end: span.start + match.index + url.length, block})
  }
}

/** Blocks whose words tell whether they talk about a URL's parameters. */
const TALKING_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell'])

/** The URLs of Markdown links, images, definitions and bare URLs in text, outside code and HTML. */
function markdownUrls(links: LinkIndex, text: string): Candidate[] {
  const found: Candidate[] = []
  // Siblings share their block: look it up once per run of them.
  let talking: Nodes | undefined
  let block: Span | undefined
  for (const {node, ancestors} of links.sites) {
    if (node.type === 'html' || node.type === 'linkReference' || node.type === 'imageReference') continue
    const span = spanOf(node)
    if (!span) continue
    const nearest = nearestAncestor(ancestors, TALKING_BLOCKS)
    if (nearest !== talking) {
      talking = nearest
      block = nearest && spanOf(nearest)
    }
    if (node.type === 'text') urlsInText(text, span, block, found)
    else {
      const destination = markdownDestination(text, node, span.start, span.end)
      if (destination) found.push({...destination, block})
    }
  }
  return found
}

/** Sorted `[start, end)` content ranges of script, style and textarea elements: code, not markup. */
function rawTextRanges(context: SourceContext): Span[] {
  const ranges: Span[] = []
  for (const element of context.elements) {
    if (!element.closed || !RAW_TEXT_ELEMENTS.has(element.name)) continue
    const last = ranges[ranges.length - 1]
    if (last && element.contentStart < last.end) continue
    ranges.push({start: element.contentStart, end: element.contentEnd})
  }
  return ranges
}

/** The URL attribute values of the HTML tags in the source (outside code, scripts and styles). */
function htmlUrls(context: SourceContext): Candidate[] {
  const {text} = context
  const found: Candidate[] = []
  const raw = context.tokens.some((token) => token.kind === 'open' && RAW_TEXT_ELEMENTS.has(token.name)) ? rawTextRanges(context) : []
  let rawIndex = 0
  for (const token of context.tokens) {
    if (token.kind !== 'open' || !hasUrlAttribute(token)) continue
    while (rawIndex < raw.length && raw[rawIndex]!.end <= token.start) rawIndex++
    const range = raw[rawIndex]
    if (range && range.start <= token.start) continue
    const nameEnd = token.start + 1 + token.name.length
    const source = text.slice(nameEnd, token.end)
    const seen = new Set<string>()
    for (const match of source.matchAll(ATTRIBUTE)) {
      const name = match[1]!.toLowerCase()
      if (seen.has(name)) continue
      seen.add(name)
      const value = match[2] ?? match[3] ?? match[4]
      if (value === undefined || !URL_ATTRIBUTES.has(name) || !value.includes('?')) continue
      const valueEnd = nameEnd + match.index + match[0].length - (match[4] === undefined ? 1 : 0)
      const url = urlOfValue(value, valueEnd - value.length)
      if (url) found.push(url)
    }
  }
  return found
}

/**
 * The URL an attribute value holds: the value without the white space at
 * its edges (a browser trims it). A value that still holds white space is a
 * quote left open (`<a href="https://x.example/?utm_source=y)_` and the
 * paragraphs up to the next `"`), which `cleanUrl` leaves alone.
 */
function urlOfValue(value: string, start: number): Span | undefined {
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  const from = start + value.indexOf(trimmed)
  return {start: from, end: from + trimmed.length}
}

function hasUrlAttribute(tag: Tag): boolean {
  for (const name of URL_ATTRIBUTES) if (tag.attributes[name]?.includes('?')) return true
  return false
}

/**
 * `value` with its tags (`<…>`) and URLs blanked to one space each, as
 * `value.replace(/<[^>]*>|\]\(\S+|(?:https?:)?\/\/\S+|www\.\S+/gi, ' ')`
 * would, but in linear time: a `<` with no `>` after it is text, and so is
 * every later `<` (no rescan of the rest of the block per `<`).
 */
function blankUrlsAndMarkup(value: string): string {
  const closeAngle = nextMatch(value, '>')
  let out = ''
  let at = 0
  let lt = value.indexOf('<')
  URLS.lastIndex = 0
  let url = URLS.exec(value)
  for (;;) {
    if (url && url.index < at) {
      URLS.lastIndex = at
      url = URLS.exec(value)
    }
    if (lt !== -1 && lt < at) lt = value.indexOf('<', at)
    let span: Found | undefined
    if (lt !== -1 && (!url || lt < url.index)) {
      const close = closeAngle(lt + 1)
      if (close) span = {start: lt, end: close.end}
      else lt = -1 // no `>` after this `<`: no later `<` is a tag either
    }
    if (!span && url) span = {start: url.index, end: url.index + url[0].length}
    if (!span) break
    out += `${value.slice(at, span.start)} `
    at = span.end
  }
  return out + value.slice(at)
}

/** What a block's words say about parameters, worked out once per block (a paragraph of many URLs asks for each). */
interface BlockWords {
  words: string
  utm: boolean
  names: Map<string, boolean>
}

/** Whether the words of `block` (URLs and markup blanked) name one of `params` or say "UTM". */
function talksAbout(text: string, block: Span, params: readonly Param[], cache: Map<string, BlockWords>): boolean {
  const key = `${block.start}:${block.end}`
  let said = cache.get(key)
  if (!said) {
    const words = blankUrlsAndMarkup(text.slice(block.start, block.end))
    said = {words, utm: UTM_WORD.test(words), names: new Map()}
    cache.set(key, said)
  }
  if (said.utm) return true
  return params.some((param) => {
    if (param.name.length <= 2) return false
    const name = param.name.toLowerCase()
    let named = said.names.get(name)
    if (named === undefined) said.names.set(name, (named = wordPattern(param.name).test(said.words)))
    return named
  })
}

function reasonOf(params: readonly Param[]): string {
  const names = [...new Set(params.map((param) => `\`${param.name}\``))].join(', ')
  const ids = [...new Set(params.map((param) => param.tracker!.id))].join(', ')
  return `Tracking parameter${params.length > 1 ? 's' : ''} ${names} (${ids}) stripped from a URL`
}

/** Report the tracking parameters of one URL. */
function cleanUrl(
  file: VFile,
  text: string,
  candidate: Candidate,
  trackers: readonly TrackingParamMatcher[],
  blocks: Map<string, BlockWords>,
): void {
  if (NOT_IN_URL.test(text.slice(candidate.start, candidate.end))) return
  const findings = strip(text, candidate.start, candidate.end, trackers)
  if (findings.length === 0) return
  if (
    candidate.block &&
    talksAbout(
      text,
      candidate.block,
      findings.flatMap((finding) => finding.params),
      blocks,
    )
  )
    return
  for (const finding of findings) {
    reportRemoval(file, {ruleId: meta.id, reason: reasonOf(finding.params), start: finding.start, end: finding.end})
  }
}

/** Find tracking parameters in kept URLs and report each run of them as a removal. */
export function findTrackingParams(tree: Root, file: VFile, rules: RuleSet): void {
  const {params: trackers, mayHold} = rules.trackingParam
  if (trackers.length === 0) return
  const text = String(file.value)
  if (!mayHold.test(text)) return
  const context = sourceContext(tree, file)
  const removed: RemovedSpans = removedSpans(file)
  const candidates = [...markdownUrls(linkIndex(tree, file), text), ...htmlUrls(context)].sort((a, b) => a.start - b.start)
  const blocks = new Map<string, BlockWords>()
  for (const candidate of candidates) {
    if (candidate.end <= candidate.start || removed.overlaps(candidate.start, candidate.end)) continue
    if (context.inCode(candidate.start)) continue
    cleanUrl(file, text, candidate, trackers, blocks)
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findTrackingParams, section)

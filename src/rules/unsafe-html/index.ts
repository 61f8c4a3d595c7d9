/**
 * unsafe-html: sanitise the HTML that stays, and record what the sanitiser
 * drops as removals.
 *
 * Runs after every spam rule, so it only judges HTML that stays. Each HTML
 * fragment of the document (`htmlFragments`: a block of HTML, or the inline
 * tags of one paragraph) is run through rehype-sanitize with the schema in
 * `rules: unsafeHtml`, and the sanitised tree is compared with the parsed
 * one (hast-util-sanitize keeps the positions of what it keeps):
 * - an element dropped with its content (`strip`: `<script>`, `<style>`,
 *   `<object>`, inline `<svg>`, …) goes whole;
 * - an element dropped but whose content survives (a tag in neither `tags`
 *   nor `strip`: `<form>`, `<button>`, a made-up `<x-widget>`) loses its
 *   opening and closing tags (two parts of one removal), its content stays;
 * - an attribute dropped from a kept element (`on*` handlers, `srcdoc`,
 *   `href="javascript:…"`, a `style` holding `expression(…)`) goes with the
 *   white space before it;
 * - an `<iframe>` stays only when its `src` is one of `embeds` (a YouTube
 *   or Vimeo player); any other goes whole. The sanitiser cannot judge a tag
 *   by its `src` host, so this is decided before it runs.
 * Nothing is ever rewritten — the sanitiser is set up not to prefix ids or add
 * attributes; where it would change a value (an item of a list attribute),
 * the attribute goes whole. URL attributes are shown to the sanitiser as a
 * browser's URL parser reads them (tabs and line breaks gone, edges trimmed,
 * scheme lower-cased: `JaVa&#x09;Script:` is `javascript:`); relative URLs
 * always pass. A `style` value is shown as the CSS parser reads it (escapes
 * decoded, comments gone: `\65 xpression(` is `expression(`; css.ts), and
 * a reason says when that decided it.
 *
 * What one parse of a fragment cannot see is made safe too:
 * - after removing, the fragment is parsed again without the removed spans
 *   until nothing more goes (unwrapping `<select>` frees an `<img>` the
 *   select had swallowed; `<<blink>script>` makes a script);
 * - start tags the parser ignores in the fragment's context (`<td
 *   onclick>` outside a table, a second `<body onload>`) are judged alone;
 * - a tag, comment or kept raw-text element (`<iframe>`) left open at the end
 *   of a block would swallow the page after it, so it goes; so does markup
 *   inside a kept `<iframe>` (text there, live HTML once a stricter
 *   sanitiser drops the iframe);
 * - a removal never takes part of an inline HTML node (the `]]>` of a
 *   CDATA section), nor the end of an HTML block that runs to a `-->` or
 *   `</pre>`: the HTML they hid would come alive.
 * An HTML block that loses everything goes as a block (with one blank line).
 *
 * Markdown is held to the same `protocols`: a link to a `javascript:`,
 * `vbscript:` or `data:` URL is unlinked (its words stay), an image or an
 * autolink with one goes whole, and so does a link definition (its
 * references are unlinked).
 *
 * Keeps: harmless inline HTML as written (`<u>`, `<span class>`, `<b>`,
 * `<sup>`, `<kbd>`, `<details>` — no Markdown rewrite, minimal edits),
 * comments (`<!-- more -->`), allowed embeds, relative URLs, anything in
 * code, and anything inside spans an earlier rule removed.
 *
 * @example
 *   <p onclick="steal()">Press <kbd>Ctrl</kbd>.</p><script>x()</script>
 *   → "<p>Press <kbd>Ctrl</kbd>.</p>"
 */
import type {Element as HastElement, Nodes as HastNodes, Properties, Root as HastRoot} from 'hast'
import type {Definition, Link, LinkReference, Nodes, Root} from 'mdast'
import {find, html as htmlSchema} from 'property-information'
import type {VFile} from 'vfile'
import {elementParts, htmlFragments, parseHtmlFragment, type HtmlFragment} from '../../core/html-tree.js'
import {removalsOf, removedSpans, reportRemoval, type RemovedSpans} from '../../engine/removal.js'
import {closingBracket} from '../../core/link.js'
import {cssAsRead} from './css.js'
import {defineRule} from '../../engine/rule.js'
import type {Shape} from '../../engine/shape.js'
import {blockSpan, inlineSpan, type Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {section} from './section.js'
import {RAW_TEXT_TAGS} from './section.js'

export const meta = {
  id: 'unsafe-html',
  description: 'What the sanitiser drops from HTML that stays: scripts, event handlers, javascript: and data: URLs, iframes from hosts not allowed.',
  removalOnly: true,
  group: 'safety',
  shapes: ['html', 'inline', 'block'],
} as const

type Policy = RuleSet['unsafeHtml']

/**
 * How a removal relates to the markup: a whole element (or image, or
 * definition), one tag of an unwrapped element, an attribute (goes with the
 * white space before it), or link syntax (goes exactly).
 */
type CutKind = 'whole' | 'tag' | 'attribute' | 'exact'

interface Cut extends Span {
  reason: string
  kind: CutKind
  /**
   * Shared by the parts of one removal (an unwrapped element's opening and
   * closing tags, an unlinked link's `[` and `](url)`, the pieces of a cut
   * split around earlier removals): the first part's start.
   */
  group?: number | undefined
  /** Set for Markdown syntax (links, images, definitions); HTML cuts are `html`, markup inside a raw-text element `inline`. */
  shape?: Shape
  /** For a piece of a cut split around earlier removals: the whole cut (its shape is checked). */
  partOf?: Span
}

/** The shape of what a cut removes. */
function shapeOf(cut: Cut): Shape {
  return cut.shape ?? (cut.kind === 'exact' ? 'inline' : 'html')
}

/** Rounds of sanitise → remove → parse again before a fragment is given up on (it goes whole). */
const MAX_ROUNDS = 4
const BASE = 'https://relative.invalid/'

// ---------------------------------------------------------------------------
// URLs

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
function forbiddenMarkdownScheme(url: string, property: string, policy: Policy): string | undefined {
  const scheme = forbiddenScheme(url, property, policy)
  return scheme !== undefined && SCHEME.test(scheme) ? scheme : undefined
}

/** The scheme of `url` that `property` does not allow, or undefined when the URL may stay. */
function forbiddenScheme(url: string, property: string, policy: Policy): string | undefined {
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
function judgedUrl(property: string, value: string, policy: Policy): string {
  if (property !== 'srcSet') return normaliseUrl(value)
  const urls = srcsetUrls(value).map(normaliseUrl)
  return urls.find((url) => forbiddenScheme(url, property, policy) !== undefined) ?? urls[0] ?? ''
}

// ---------------------------------------------------------------------------
// The sanitiser's input: the parsed fragment with URLs normalised and iframes decided

interface Prepared {
  input: HastRoot
  /** Each element of the parsed tree → its copy in the input. */
  copies: Map<HastElement, HastElement>
  /** Elements decided before the sanitiser ran (iframes that are not allowed embeds). */
  decided: Map<HastElement, string>
}

/** Why an `<iframe>` goes, or undefined when its `src` is an allowed embed. */
function iframeVerdict(element: HastElement, policy: Policy): string | undefined {
  const properties = element.properties
  const source = [properties['src'], properties['dataSrc'], properties['dataLazySrc']].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '' && value.trim() !== 'about:blank',
  )
  if (source === undefined) return '`<iframe>` without an embed source removed'
  let url: URL
  try {
    url = new URL(normaliseUrl(source), BASE)
  } catch {
    return '`<iframe>` with an unreadable source removed'
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== 'relative.invalid') {
    if (policy.embeds.some((embed) => embed.test(url))) return undefined
    return `\`<iframe>\` from \`${url.hostname}\` removed (not an allowed embed)`
  }
  return '`<iframe>` that is not an allowed embed removed'
}

function normaliseProperties(properties: Properties, policy: Policy): Properties {
  let copy: Properties | undefined
  for (const [property, value] of Object.entries(properties)) {
    if (property === 'style' && typeof value === 'string') {
      // Judged as the CSS parser reads it: `\65 xpression(` is `expression(` (css.ts).
      const read = cssAsRead(value)
      if (read === value) continue
      copy ??= {...properties}
      copy[property] = read
      continue
    }
    if (!policy.schemes.has(property)) continue
    copy ??= {...properties}
    if (typeof value === 'string') copy[property] = judgedUrl(property, value, policy)
    else if (Array.isArray(value)) copy[property] = value.map((item) => (typeof item === 'string' ? normaliseUrl(item) : item))
  }
  return copy ?? properties
}

function prepare(root: HastRoot, policy: Policy): Prepared {
  const copies = new Map<HastElement, HastElement>()
  const decided = new Map<HastElement, string>()
  const copy = (node: HastNodes): HastNodes | undefined => {
    if (node.type === 'element') {
      if (node.tagName === 'iframe' && policy.allowedTags.has('iframe')) {
        const verdict = iframeVerdict(node, policy)
        if (verdict !== undefined) {
          decided.set(node, verdict)
          return undefined
        }
      }
      const element: HastElement = {
        type: 'element',
        tagName: node.tagName,
        properties: normaliseProperties(node.properties, policy),
        children: copyChildren(node.children) as HastElement['children'],
      }
      if (node.position) element.position = node.position
      copies.set(node, element)
      return element
    }
    return node
  }
  const copyChildren = (children: readonly HastNodes[]): HastNodes[] => {
    const out: HastNodes[] = []
    for (const child of children) {
      const copied = copy(child)
      if (copied) out.push(copied)
    }
    return out
  }
  const input: HastRoot = {type: 'root', children: copyChildren(root.children) as HastRoot['children']}
  return {input, copies, decided}
}

// ---------------------------------------------------------------------------
// Comparing the parsed and the sanitised tree

/**
 * The furthest source offset a node reaches: its own end, its tags' ends and
 * its descendants' ends (parse5 leaves the end of an element closed by the
 * end of input unset).
 */
function furthestEnd(node: HastNodes): number {
  let end = node.position?.end.offset ?? 0
  if (node.type === 'element') {
    const parts = elementParts(node)
    end = Math.max(end, parts.opening?.end ?? 0, parts.closing?.end ?? 0)
  }
  if ('children' in node) for (const child of node.children) end = Math.max(end, furthestEnd(child))
  return end
}

function keyOf(element: HastElement): string | undefined {
  const start = element.position?.start.offset
  return start === undefined ? undefined : `${start}:${element.tagName}`
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index])
  return a === b
}

function attributeName(property: string): string {
  return find(htmlSchema, property).attribute
}

/**
 * Why the sanitiser dropped `property` (with the value it was shown) from a
 * kept `<tag>`; `decoded`: the value shown was a `style` read as CSS (css.ts).
 */
function attributeReason(tag: string, property: string, value: unknown, policy: Policy, decoded = false): string {
  const name = attributeName(property)
  const what = `\`${name}\` removed from \`<${tag}>\``
  if (!policy.allowsAttribute(tag, property)) {
    return /^on[a-z]/i.test(name) ? `Event handler ${what}` : `Attribute ${what} (not allowed)`
  }
  if (typeof value === 'string') {
    const scheme = policy.schemes.has(property) ? forbiddenScheme(value, property, policy) : undefined
    if (scheme !== undefined) return `Attribute ${what} (\`${scheme}:\` URL)`
    const denied = policy.deniedValue(property, value)
    if (denied !== undefined) return `Attribute ${what} (value denied by \`${denied}\`${decoded ? ' once CSS escapes and comments are decoded' : ''})`
  }
  return `Attribute ${what} (value not allowed)`
}

const WHITE_SPACE = /^[\t\n\f\r ]*$/
/** Elements whose content is raw text: one left open swallows the rest of the output (`<plaintext>` never closes). */
const RAW_TEXT = RAW_TEXT_TAGS
const TAG_SPACE = /[\t\n\f\r /]/
const NAME_END = /[\t\n\f\r />=]/
const SPACE = /[\t\n\f\r ]/
const UNQUOTED_END = /[\t\n\f\r >]/
const LETTER = /[a-z]/i

/** Offset just past the tag whose name starts at `at`, or -1 when the text ends inside it (as parse5 tokenises). */
function tagEnd(html: string, at: number): number {
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
function unterminatedTagStart(html: string, from: number): number {
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
function isClosedComment(source: string): boolean {
  if (!source.startsWith('<!--')) return source.endsWith('>')
  return source === '<!-->' || source === '<!--->' || (source.length >= 7 && (source.endsWith('-->') || source.endsWith('--!>')))
}

/**
 * What the sanitiser drops from one parsed fragment, in the fragment's own
 * offsets. `html` is the parsed string; `base` is the offset of its first
 * character; `closedAfter(tag)` says whether the source right after the
 * fragment closes a raw-text element left open in it (an `<iframe>` block,
 * a blank line, then `</iframe>`).
 */
function judgeTree(
  root: HastRoot,
  html: string,
  base: number,
  policy: Policy,
  closedAfter: (tag: string) => boolean,
  lookForIgnoredTags = true,
): Cut[] {
  const {input, copies, decided} = prepare(root, policy)
  const sanitised = policy.sanitize(input)
  const kept = new Map<string, HastElement>()
  const collect = (node: HastNodes) => {
    if (node.type === 'element') {
      const key = keyOf(node)
      if (key !== undefined) kept.set(key, node)
    }
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(sanitised)

  const cuts: Cut[] = []
  let lastEnd = base
  const seen = (offset: number | undefined) => {
    if (offset !== undefined && offset > lastEnd) lastEnd = offset
  }
  /** Start offsets of the tags that made elements; spans whose `<` are not tags (comments, raw text, what goes whole). */
  const openings = new Set<number>()
  const opaque: Span[] = []
  const whole = (node: HastNodes, reason: string, toEnd = false) => {
    const start = node.position?.start.offset
    if (start === undefined) return
    const end = toEnd ? base + html.length : Math.min(furthestEnd(node), base + html.length)
    cuts.push({start, end, reason, kind: 'whole'})
    opaque.push({start, end})
    seen(end)
  }
  const walk = (node: HastNodes): void => {
    if (node.type === 'text' || node.type === 'doctype') {
      seen(node.position?.end.offset)
      return
    }
    if (node.type === 'comment') {
      const start = node.position?.start.offset
      if (start === undefined) return
      const end = Math.min(Math.max(node.position?.end.offset ?? 0, start), base + html.length)
      if (!isClosedComment(html.slice(start - base, end - base))) whole(node, 'Unclosed comment removed (it would hide what follows)', true)
      else if (!policy.comments) whole(node, 'Comment removed')
      opaque.push({start, end})
      seen(end)
      return
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child)
      return
    }
    if (node.type !== 'element') return
    const tag = node.tagName
    const parts = elementParts(node)
    const verdict = decided.get(node)
    if (verdict !== undefined) {
      whole(node, verdict, !parts.closing)
      return
    }
    const key = keyOf(node)
    if (key === undefined) {
      // An element the parser made up (an implied `<tbody>`, a re-opened `<b>`): nothing of it is in the source.
      for (const child of node.children) walk(child)
      return
    }
    seen(parts.opening?.end)
    if (parts.opening) openings.add(parts.opening.start)
    const safe = kept.get(key)
    if (!safe) {
      const strip = policy.strippedTags.get(tag)
      if (strip !== undefined) {
        // A raw-text element left open runs to the end of the fragment.
        whole(node, `\`<${tag}>\` removed with its content (\`${strip}\`)`, RAW_TEXT.has(tag) && !parts.closing)
        return
      }
      const reason = `Disallowed tag \`<${tag}>\` removed (its content stays)`
      // Its opening and closing tags: two parts of one removal.
      const group = (parts.opening ?? parts.closing)?.start
      if (parts.opening) cuts.push({...parts.opening, reason, kind: 'tag', group})
      for (const child of node.children) walk(child)
      if (parts.closing) cuts.push({...parts.closing, reason, kind: 'tag', group})
      seen(parts.closing?.end)
      if (!parts.opening) seen(node.position?.end.offset)
      return
    }
    if (RAW_TEXT.has(tag) && !parts.closing && !closedAfter(tag)) {
      whole(node, `Unclosed \`<${tag}>\` removed (it would swallow what follows)`, true)
      return
    }
    if (RAW_TEXT.has(tag) && parts.opening) {
      const content = {start: parts.opening.end, end: parts.closing?.start ?? base + html.length}
      opaque.push(content)
      // Raw text that looks like markup becomes markup wherever the element is not kept (a stricter sanitiser downstream).
      if (html.slice(content.start - base, content.end - base).includes('<')) {
        cuts.push({...content, reason: `Markup inside \`<${tag}>\` removed (never shown; live HTML if the tag went)`, kind: 'exact'})
      }
    }
    const shown = copies.get(node)?.properties ?? node.properties
    for (const [property, value] of Object.entries(shown)) {
      if (sameValue(value, safe.properties[property])) continue
      const span = parts.attributes[property]
      if (!span) continue
      const decoded = property === 'style' && value !== node.properties[property]
      cuts.push({...span, reason: attributeReason(tag, property, value, policy, decoded), kind: 'attribute'})
    }
    for (const child of node.children) walk(child)
    seen(parts.closing?.end)
    if (!parts.opening) seen(node.position?.end.offset)
  }
  walk(root)
  if (lookForIgnoredTags) cuts.push(...judgeIgnoredTags(html, base, openings, opaque, policy))
  const tail = unterminatedTagStart(html, lastEnd - base)
  if (tail >= 0) cuts.push({start: base + tail, end: base + html.length, reason: 'Unclosed tag removed (it would swallow what follows)', kind: 'whole'})
  return cuts
}

/**
 * Start tags that the parser dropped in this context (`<td onclick=…>`
 * after `<a>`, a second `<body onload=…>`), judged on their own: in another
 * context (a table cell of the rendered page) the same tag makes an element,
 * and a second `<body>` lends the page's body its attributes. Each is parsed
 * alone: an element made from it is judged like any other; a tag with
 * attributes that makes no element even alone goes whole.
 */
function judgeIgnoredTags(html: string, base: number, openings: ReadonlySet<number>, opaque: Span[], policy: Policy): Cut[] {
  const cuts: Cut[] = []
  opaque.sort((a, b) => a.start - b.start)
  let next = 0
  let index = html.indexOf('<')
  while (index >= 0 && index < html.length) {
    const at = base + index
    while (next < opaque.length && opaque[next]!.end <= at) next++
    const inside = opaque[next]
    if (inside && inside.start <= at) {
      index = html.indexOf('<', inside.end - base)
      continue
    }
    const second = html.charAt(index + 1)
    const end = LETTER.test(second) ? tagEnd(html, index + 1) : second === '/' && LETTER.test(html.charAt(index + 2)) ? tagEnd(html, index + 2) : -2
    if (end === -1) break
    if (end === -2) {
      index = html.indexOf('<', index + 1)
      continue
    }
    if (second !== '/' && !openings.has(at)) {
      const source = html.slice(index, end)
      const alone = parseHtmlFragment(source, at)
      const made = alone.children.some((child) => child.type === 'element' && elementParts(child).opening?.start === at)
      if (made) cuts.push(...judgeTree(alone, source, at, policy, () => true, false))
      else if (/^<[^\t\n\f\r />]+[\t\n\f\r /]+[^\t\n\f\r />]/.test(source)) {
        // With attributes: `<body onload=…>` gives them to the page's body.
        const name = /^<([^\t\n\f\r />]+)/.exec(source)?.[1]?.toLowerCase() ?? ''
        cuts.push({start: at, end: base + end, reason: `Start tag \`<${name}>\` that the HTML parser ignores here removed`, kind: 'tag'})
      }
    }
    index = html.indexOf('<', end)
  }
  return cuts
}

// ---------------------------------------------------------------------------
// Fragments: sanitise until nothing more goes

/** Sort and merge spans; an outer span keeps its reason, `whole` wins over other kinds. */
function hull(a: Span, b: Span): Span {
  return {start: Math.min(a.start, b.start), end: Math.max(a.end, b.end)}
}

function mergeCuts(cuts: readonly Cut[]): Cut[] {
  const sorted = [...cuts].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Cut[] = []
  for (const cut of sorted) {
    const last = merged[merged.length - 1]
    if (last && cut.start < last.end) {
      if (cut.end > last.end) last.end = cut.end
      if (cut.kind === 'whole') last.kind = 'whole'
      if (last.partOf || cut.partOf) last.partOf = hull(last.partOf ?? last, cut.partOf ?? cut)
      continue
    }
    merged.push({...cut})
  }
  return merged
}

interface Reparsed {
  root: HastRoot
  html: string
  /** Map an offset of `html` to the source; at a gap, a start maps past it, an end before it. */
  map(offset: number, side: 'start' | 'end'): number
}

/** Parse a fragment again with `gaps` (source spans, sorted, merged) taken out. */
function reparse(fragment: HtmlFragment, gaps: readonly Span[]): Reparsed {
  let html = ''
  let at = 0
  const moved: Array<{at: number; length: number}> = []
  for (const gap of gaps) {
    const start = Math.max(gap.start - fragment.start, at)
    const end = Math.min(gap.end - fragment.start, fragment.html.length)
    if (end <= start) continue
    html += fragment.html.slice(at, start)
    moved.push({at: html.length, length: end - start})
    at = end
  }
  html += fragment.html.slice(at)
  return {
    root: parseHtmlFragment(html, 0),
    html,
    map(offset, side) {
      let shift = 0
      for (const gap of moved) {
        if (gap.at > offset || (gap.at === offset && side === 'end')) break
        shift += gap.length
      }
      return fragment.start + offset + shift
    },
  }
}

function covered(spans: readonly Span[], cut: Span): boolean {
  return spans.some((span) => span.start <= cut.start && cut.end <= span.end)
}

/** Everything the sanitiser drops from a fragment, in source offsets; `earlier` are spans earlier rules removed from it. */
function sanitiseFragment(fragment: HtmlFragment, policy: Policy, earlier: readonly Span[], after: string): Cut[] {
  const closedAfter = (tag: string) => new RegExp(`^\\s*</${tag}[\\s/>]`, 'i').test(after)
  let cuts: Cut[] = []
  let round: Reparsed =
    earlier.length === 0
      ? {root: fragment.root, html: fragment.html, map: (offset) => offset}
      : reparse(fragment, earlier)
  let base = earlier.length === 0 ? fragment.start : 0
  for (let count = 0; count < MAX_ROUNDS; count++) {
    const found = judgeTree(round.root, round.html, base, policy, closedAfter).map((cut) => ({
      ...cut,
      start: round.map(cut.start, 'start'),
      end: round.map(cut.end, 'end'),
      group: cut.group === undefined ? undefined : round.map(cut.group, 'start'),
    }))
    const taken = [...earlier, ...cuts]
    const fresh = found.filter((cut) => cut.end > cut.start && !covered(taken, cut))
    if (fresh.length === 0) return cuts
    cuts = mergeCuts([...cuts, ...fresh])
    round = reparse(fragment, mergeCuts([...earlier.map((span) => ({...span, reason: '', kind: 'exact' as const})), ...cuts]))
    base = 0
  }
  return [{start: fragment.start, end: fragment.end, reason: 'HTML that does not settle when sanitised removed', kind: 'whole'}]
}

/** Whether the non-white-space text of a fragment lies wholly inside `spans`. */
function coversFragment(fragment: HtmlFragment, spans: readonly Span[]): boolean {
  let at = 0
  for (const span of spans) {
    const start = span.start - fragment.start
    if (start > at && !WHITE_SPACE.test(fragment.html.slice(at, start))) return false
    at = Math.max(at, span.end - fragment.start)
  }
  return at >= fragment.html.length || WHITE_SPACE.test(fragment.html.slice(at))
}

/** `cut` without the parts earlier rules removed: pieces of one removal (they share a group), each naming the cut it is part of. */
function outside(cut: Cut, earlier: readonly Span[]): Cut[] {
  const pieces: Cut[] = []
  const partOf = {start: cut.start, end: cut.end}
  let from = cut.start
  for (const span of earlier) {
    if (span.end <= from || span.start >= cut.end) continue
    if (span.start > from) pieces.push({...cut, start: from, end: span.start, partOf})
    from = Math.max(from, span.end)
  }
  if (from < cut.end) pieces.push(from === cut.start ? cut : {...cut, start: from, end: cut.end, partOf})
  if (pieces.length > 1 && cut.group === undefined) for (const piece of pieces) piece.group = pieces[0]!.start
  return pieces
}

// ---------------------------------------------------------------------------
// Markdown links, images and definitions

function hasWords(node: Link | LinkReference): boolean {
  const visit = (child: Nodes): boolean =>
    child.type === 'image' || child.type === 'imageReference' || (child.type === 'text' && child.value.trim() !== '') ||
    child.type === 'inlineCode' || ('children' in child && child.children.some((inner) => visit(inner as Nodes)))
  return node.children.some((child) => visit(child as Nodes))
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** Unlink a link (its words stay), or remove it whole when it has no words or is an autolink. */
function unlink(text: string, node: Link | LinkReference, reason: string, cuts: Cut[]): void {
  const span = spanOf(node)
  if (!span) return
  const close = text.charCodeAt(span.start) === 91 && hasWords(node) ? closingBracket(text, node, span.start) : -1
  if (close > span.start && close < span.end) {
    // `[` and `](url)`: two parts of one removal.
    cuts.push(
      {start: span.start, end: span.start + 1, reason, kind: 'exact', shape: 'inline', group: span.start},
      {start: close, end: span.end, reason, kind: 'exact', shape: 'inline', group: span.start},
    )
  } else {
    cuts.push({...span, reason: reason.replace(/ unlinked$/, ' removed'), kind: 'whole', shape: 'inline'})
  }
}

/** Find Markdown links, images and definitions whose URL scheme is not allowed; return the spans of the tree's HTML nodes. */
function findMarkdownUrls(tree: Root, text: string, policy: Policy, removed: RemovedSpans, cuts: Cut[]): Span[] {
  const htmlNodes: Span[] = []
  const definitions: Definition[] = []
  const references: Nodes[] = []
  const usedByImages = new Set<string>()
  const usedByLinks = new Set<string>()
  const suspicious = text.includes(':') || text.includes('&')
  const live = (node: Nodes) => {
    const span = spanOf(node)
    return span !== undefined && !removed.overlaps(span.start, span.end)
  }
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'yaml':
        return
      case 'html': {
        const span = spanOf(node)
        if (span) htmlNodes.push(span)
        return
      }
      case 'link': {
        const scheme = suspicious ? forbiddenMarkdownScheme(node.url, 'href', policy) : undefined
        if (scheme !== undefined && live(node)) unlink(text, node, `Markdown link to a \`${scheme}:\` URL unlinked`, cuts)
        break
      }
      case 'image': {
        const scheme = suspicious ? forbiddenMarkdownScheme(node.url, 'src', policy) : undefined
        const span = spanOf(node)
        if (scheme !== undefined && span && live(node)) cuts.push({...span, reason: `Markdown image with a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'inline'})
        return
      }
      case 'definition':
        definitions.push(node)
        return
      case 'imageReference':
        usedByImages.add(node.identifier)
        references.push(node)
        return
      case 'linkReference':
        usedByLinks.add(node.identifier)
        references.push(node)
        break
      default:
        if ((node.type as string) === 'toml') return
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  htmlNodes.sort((a, b) => a.start - b.start)
  if (!suspicious || definitions.length === 0) return htmlNodes

  // The first definition of a label is the one references use.
  const unsafe = new Map<string, string>()
  const first = new Set<string>()
  for (const definition of definitions) {
    const property = usedByImages.has(definition.identifier) && !usedByLinks.has(definition.identifier) ? 'src' : 'href'
    const scheme =
      forbiddenMarkdownScheme(definition.url, property, policy) ??
      (usedByImages.has(definition.identifier) ? forbiddenMarkdownScheme(definition.url, 'src', policy) : undefined)
    if (!first.has(definition.identifier)) {
      first.add(definition.identifier)
      if (scheme !== undefined) unsafe.set(definition.identifier, scheme)
    }
    const span = spanOf(definition)
    if (scheme !== undefined && span && live(definition)) {
      cuts.push({...span, reason: `Link definition with a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'block'})
    }
  }
  for (const node of references) {
    if (node.type !== 'linkReference' && node.type !== 'imageReference') continue
    const scheme = unsafe.get(node.identifier)
    if (scheme === undefined || !live(node)) continue
    if (node.type === 'linkReference') unlink(text, node, `Reference to a \`${scheme}:\` URL unlinked`, cuts)
    else {
      const span = spanOf(node)
      if (span) cuts.push({...span, reason: `Image reference to a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'inline'})
    }
  }
  return htmlNodes
}

// ---------------------------------------------------------------------------
// Turning cuts into tidy removals

function lineStart(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * An attribute goes with the white space before it (`<a href="x"
 * onclick="y">` → `<a href="x">`) — unless a `/` follows it: `<pre
 * title="x"/>` keeps its space (`<pre />`), since `<pre/` would no longer
 * open the HTML block that holds the rest.
 */
function attributeSpan(text: string, cut: Cut): Span {
  let start = cut.start
  // `onclick=>`: the HTML parser places an empty value's attribute on its name; the `=` goes too.
  const end = cut.end + (EMPTY_VALUE.exec(text.slice(cut.end, cut.end + 64))?.[0].length ?? 0)
  if (text.charAt(end) === '/') return {start, end}
  while (start > 0 && SPACE.test(text.charAt(start - 1))) start--
  return {start, end}
}

/** An `=` with no value after an attribute name: only white space, then the tag's end. */
const EMPTY_VALUE = /^[\t\n\f\r ]*=(?=[\t\n\f\r ]*(?:>|$))/

/**
 * Spans for a run of whole elements and tags that only white space
 * separates: when the run stands on lines of its own, those lines go (and
 * one blank line), shared out between its members. Otherwise each member
 * that stands on lines of its own takes them; a whole element inside a line
 * takes the spaces after it (at the end of a line, those before it); a tag
 * inside a line goes exactly.
 */
function runSpans(text: string, run: readonly Cut[]): Span[] {
  const first = run[0]!
  const last = run[run.length - 1]!
  const block = blockSpan(text, first.start, last.end)
  if (block.start !== first.start || block.end !== last.end) {
    const starts = run.map((cut, index) => (index === 0 ? block.start : Math.max(run[index - 1]!.end, lineStart(text, cut.start))))
    return run.map((_, index) => ({start: starts[index]!, end: starts[index + 1] ?? block.end}))
  }
  let previousEnd = lineStart(text, first.start)
  return run.map((cut) => {
    const own = blockSpan(text, cut.start, cut.end)
    let span: Span = own
    if (own.start === cut.start && own.end === cut.end && cut.kind === 'whole') {
      span = inlineSpan(text, cut.start, cut.end)
      const next = text.charCodeAt(span.end)
      if (span.end === text.length || next === 10 || next === 13) {
        while (span.start > previousEnd && (text.charCodeAt(span.start - 1) === 32 || text.charCodeAt(span.start - 1) === 9)) span.start--
      }
    }
    span = {start: Math.max(span.start, previousEnd), end: span.end}
    previousEnd = span.end
    return span
  })
}

function report(file: VFile, text: string, cuts: readonly Cut[]): void {
  const blocks = mergeCuts(cuts.filter((cut) => cut.kind === 'whole' || cut.kind === 'tag'))
  const inBlock = (cut: Cut) => blocks.some((block) => block.start <= cut.start && cut.end <= block.end)
  const findings: Array<{span: Span; reason: string; shape: Shape; group?: number | undefined; partOf?: Span | undefined}> = []
  for (const cut of cuts) {
    const about = {reason: cut.reason, shape: shapeOf(cut), group: cut.group, partOf: cut.partOf}
    if (cut.kind === 'attribute' && !inBlock(cut)) findings.push({span: attributeSpan(text, cut), ...about})
    else if (cut.kind === 'exact' && !inBlock(cut)) findings.push({span: cut, ...about})
  }
  let run: Cut[] = []
  const flush = () => {
    if (run.length === 0) return
    const spans = runSpans(text, run)
    run.forEach((cut, index) => findings.push({span: spans[index]!, reason: cut.reason, shape: shapeOf(cut), group: cut.group, partOf: cut.partOf}))
    run = []
  }
  for (const cut of blocks) {
    const previous = run[run.length - 1]
    if (previous && !WHITE_SPACE.test(text.slice(previous.end, cut.start))) flush()
    run.push(cut)
  }
  flush()
  findings.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  for (const {span, reason, shape, group, partOf} of findings) {
    reportRemoval(file, {ruleId: meta.id, reason, shape, start: span.start, end: span.end, ...(group === undefined ? {} : {group}), ...(partOf ? {partOf} : {})})
  }
}

// ---------------------------------------------------------------------------

/**
 * Grow removals inside a paragraph's inline HTML to whole HTML nodes where
 * they take part of one: Markdown and HTML split `<![CDATA[ … ]]>` or a
 * comment differently, and removing the `]]>` that closed one would make the
 * markup it hid live. Attributes stay exact (they never take a node's end).
 */
function wholeHtmlNodes(cuts: readonly Cut[], nodes: readonly Span[]): Cut[] {
  const grown = cuts.map((cut) => {
    if (cut.kind === 'attribute') return cut
    let {start, end} = cut
    for (const node of nodes) {
      if (node.end <= start || node.start >= end) continue
      if (node.start < start) start = node.start
      if (node.end > end) end = node.end
    }
    return start === cut.start && end === cut.end ? cut : {...cut, start, end, kind: 'whole' as const}
  })
  return mergeCuts(grown)
}

/** What ends an HTML block of CommonMark types 1–5 (a raw-text element, a comment, `<?…?>`, `<!…>`, CDATA). */
const BLOCK_ENDS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?=[\t >]|\r?\n|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![a-z]/i, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]

function without(fragment: HtmlFragment, spans: readonly Span[]): string {
  let out = ''
  let at = 0
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start - fragment.start, at)
    if (start > at) out += fragment.html.slice(at, start)
    at = Math.max(at, Math.min(span.end - fragment.start, fragment.html.length))
  }
  return out + fragment.html.slice(at)
}

/**
 * Whether an HTML block of types 1–5 keeps what ends it once `found` goes: a
 * block whose `]]>` or `</pre>` went would run on over the blocks after it.
 */
function keepsBlockEnd(fragment: HtmlFragment, earlier: readonly Span[], found: readonly Span[]): boolean {
  const kind = BLOCK_ENDS.find(([start]) => start.test(fragment.html))
  if (!kind) return true
  const before = without(fragment, earlier)
  if (!kind[1].test(before)) return true
  const after = without(fragment, [...earlier, ...found])
  return after.trim() === '' || kind[1].test(after)
}

const START_TAG = /<[a-z]/i
const COMMENT_ONLY = /^(?:\s*<!--(?:(?!--!?>)[^])*--!?>)*\s*$/
const MARKUP_DECLARATION = /<[!?]/

/**
 * Whether a fragment cannot hold anything the sanitiser drops, without
 * parsing it: no start tag, and either no comment-like markup or only
 * closed comments that the rules keep (`<!-- more -->`). End tags alone
 * carry nothing (a browser ignores attributes on them).
 */
function isInert(html: string, policy: Policy): boolean {
  if (START_TAG.test(html)) return false
  if (!MARKUP_DECLARATION.test(html)) return true
  return policy.comments && COMMENT_ONLY.test(html)
}

/** Earlier removals (sorted spans) that overlap `[start, end)`. */
function spansWithin(spans: readonly Span[], start: number, end: number): Span[] {
  return spans.filter((span) => span.end > start && span.start < end)
}

/** Sanitise the HTML and Markdown URLs of a document and report what goes. */
export function findUnsafeHtml(tree: Root, file: VFile, rules: RuleSet): void {
  const policy = rules.unsafeHtml
  const text = String(file.value)
  const removed = removedSpans(file)
  const cuts: Cut[] = []
  const htmlNodes = findMarkdownUrls(tree, text, policy, removed, cuts)
  if (htmlNodes.length > 0) {
    let earlierSpans: Span[] | undefined
    for (const fragment of htmlFragments(tree, file)) {
      if (removed.covers(fragment.start, fragment.end) || isInert(fragment.html, policy)) continue
      earlierSpans ??= removalsOf(file).map((removal) => ({start: removal.start.offset, end: removal.end.offset}))
      const earlier = removed.overlaps(fragment.start, fragment.end) ? spansWithin(earlierSpans, fragment.start, fragment.end) : []
      let found = sanitiseFragment(fragment, policy, earlier, text.slice(fragment.end, fragment.end + 200))
      if (found.length === 0) continue
      if (fragment.kind === 'inline') found = wholeHtmlNodes(found, spansWithin(htmlNodes, fragment.start, fragment.end))
      else if (!keepsBlockEnd(fragment, earlier, found)) {
        found = [{start: fragment.start, end: fragment.end, reason: 'HTML block whose end would go with what is removed', kind: 'whole'}]
      }
      if (fragment.kind === 'block' && earlier.length === 0 && coversFragment(fragment, found)) {
        const reasons = [...new Set(found.map((cut) => cut.reason))]
        const reason = reasons.length > 3 ? `${reasons.slice(0, 3).join('; ')}; …` : reasons.join('; ')
        cuts.push({start: fragment.start, end: fragment.end, reason, kind: 'whole'})
        continue
      }
      for (const cut of found) cuts.push(...outside(cut, earlier))
    }
  }
  if (cuts.length > 0) report(file, text, cuts)
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findUnsafeHtml, section)

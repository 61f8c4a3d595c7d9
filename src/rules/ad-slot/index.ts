/**
 * ad-slot: remove ad units and tracking pixels that stand outside ad markers.
 *
 * Works on the HTML elements of the source (an `<ins>` whose attributes span
 * several lines is split by the Markdown parser into many inline `html`
 * nodes, so the tree is no help here). An element goes, open tag through
 * close tag, when it is:
 * - an ad unit listed in `rules: adSlot.elements` — matched on tag, class,
 *   attribute patterns and, for inline scripts, a pattern on the content
 *   (AdSense `<ins class="adsbygoogle">`, anything with
 *   `data-ad-client="ca-pub-…"`, the `adsbygoogle.push` script, GPT
 *   `div-gpt-ad` slots, Impact text ads);
 * - an `<iframe>`, `<script>`, `<img>`, `<video>`, `<audio>`, `<source>` or
 *   `<embed>` whose `src` (or `data-src`, `data-lazy-src`) is on a host of
 *   `adSlot.hosts`;
 * - an inline `<script>` that loads from such a host (the loader snippets of
 *   Taboola, Mediavine, AdThrive, media.net… write the ad host's URL into a
 *   `script.src`): a script is never article content;
 * - a tracking pixel: an `<img>` whose width and height (attributes or inline
 *   style) are both at most `adSlot.pixelMaxSize`, or whose style hides it
 *   (`visibility: hidden`, `display: none`);
 * - a wrapper (`<div>`, `<p>`, `<span>`, `<a>`, `<center>`, `<noscript>`, …)
 *   that holds nothing but such elements, white space and comments — an empty
 *   `<div align="center"></div>` left behind is still cruft.
 * Ads standing on lines of their own take those lines and one blank line
 * with them; ads separated only by white space are removed as one run, so two
 * stacked units leave no double gap. An ad inside a line of text is cut out
 * exactly. Ads inside a marked ad region were already taken by `ad-block`.
 *
 * Keeps: a normal `<img>` with a real size or no size, a Markdown image (its
 * size cannot be known, so a 1×1 Markdown image stays), an `<iframe>` from a
 * host that is not an ad server (a YouTube tutorial embed), `<ins>` used for
 * an insertion (no ad class), and anything in code — a tutorial showing ad
 * markup.
 *
 * @example
 *   Step one.
 *
 *   <ins class="adsbygoogle"
 *        data-ad-client="ca-pub-123"></ins>
 *
 *   Step two.
 *   → "Step one.\n\nStep two.\n"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {replaceComments, replaceTags} from '../../core/delimited.js'
import {classesOf, type Attributes, type Element} from '../../core/html.js'
import {isRemoved, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {spansMarkdownBlocks} from '../../engine/shape.js'
import {shapeStructureOf} from '../../engine/shape-check.js'
import {blockSpan, inlineSpan, type Span} from '../../engine/span.js'
import type {ElementMatcher, RuleSet, UrlMatcher} from '../../ruleset/compile.js'
import {toString} from 'mdast-util-to-string'
import {type AdSlotRules, section} from './section.js'

export const meta = {
  id: 'ad-slot',
  description: 'Ad units, ad-server embeds and tracking pixels outside marked ad regions (`<ins class="adsbygoogle">`, 1×1 images).',
  removalOnly: true,
  group: 'spam',
  shapes: ['html', 'block'],
} as const

/** Tags that load media or code from their `src`; from an ad host they are ads. */
const MEDIA_TAGS: ReadonlySet<string> = new Set(['iframe', 'script', 'img', 'video', 'audio', 'source', 'embed'])

/** Tags that only lay out what they hold; one holding nothing but ads goes with them. */
const WRAPPER_TAGS: ReadonlySet<string> = new Set([
  'div',
  'p',
  'span',
  'a',
  'center',
  'aside',
  'section',
  'figure',
  'noscript',
  'video',
  'picture',
])

/** A length in CSS pixels: `1`, `1px`, `0.5`. Percentages and other units are not pixel sizes. */
const PIXEL_LENGTH = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i
const STYLE_WIDTH = /(?:^|;)\s*width\s*:\s*(\d+(?:\.\d+)?)\s*px\b/i
const STYLE_HEIGHT = /(?:^|;)\s*height\s*:\s*(\d+(?:\.\d+)?)\s*px\b/i
const STYLE_HIDDEN = /(?:^|;)\s*(?:visibility\s*:\s*hidden|display\s*:\s*none)\s*(?:!important\s*)?(?:;|$)/i
/** What may sit beside ads in a wrapper that still counts as empty. */
const EMPTY_CONTENT = /^(?:\s|<!--[\s\S]*?-->)*$/
/** Base for protocol-relative and relative URLs; a relative URL never matches an ad host. */
const URL_BASE = 'https://relative.invalid/'
/** Attributes that hold the URL a media element loads (lazy loaders move `src` to a data attribute). */
const SOURCE_ATTRIBUTES = ['src', 'data-src', 'data-lazy-src'] as const
/** Absolute or protocol-relative URLs written in a script's code. */
const URL_IN_SCRIPT = /(?:https?:)?\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s'"`\\)]*)?/gi
/** How many URLs of one inline script are looked at (a loader names its host early). */
const MAX_SCRIPT_URLS = 20

/** An element found to be an ad, with why. */
interface Ad {
  start: number
  end: number
  reason: string
  /** Shared by the two tags of an ad that holds Markdown blocks: one removal of two parts. */
  group?: number
}

/** Media that makes an element hold something even without text. */
const MEDIA_INSIDE = /<(?:img|iframe|video|audio|picture|svg|embed|object|canvas)\b/i

/** Whether `element` holds nothing: no text and no media, only white space, comments and empty tags. */
function isEmptyElement(element: Element, text: string): boolean {
  if (!element.closed) return false
  const content = text.slice(element.contentStart, element.contentEnd)
  if (MEDIA_INSIDE.test(content)) return false
  return (
    replaceTags(replaceComments(content), '')
      .replace(/&nbsp;|&#160;/gi, '')
      .trim() === ''
  )
}

/**
 * Whether `element` is the one `matcher` describes: tag, class, attribute
 * patterns, content pattern, emptiness. Shared with the `widget` rule, whose
 * HTML widgets are described the same way.
 */
export function matchesElement(element: Element, matcher: ElementMatcher, text: string): boolean {
  if (matcher.empty === true && !isEmptyElement(element, text)) return false
  if (matcher.tag !== undefined && element.name !== matcher.tag) return false
  if (matcher.class !== undefined && !classesOf(element.attributes).includes(matcher.class)) return false
  for (const [name, pattern] of matcher.attributes) {
    const value = element.attributes[name]
    if (value === undefined || !pattern.test(value)) return false
  }
  if (matcher.content !== undefined) {
    if (!element.closed || !matcher.content.test(text.slice(element.contentStart, element.contentEnd))) return false
  }
  return true
}

function parseUrl(source: string): URL | undefined {
  try {
    return new URL(source.trim(), URL_BASE)
  } catch {
    return undefined
  }
}

/** The ad host `element` loads from, if any. */
function adHostOf(element: Element, hosts: readonly UrlMatcher[]): UrlMatcher | undefined {
  if (!MEDIA_TAGS.has(element.name)) return undefined
  for (const name of SOURCE_ATTRIBUTES) {
    const source = element.attributes[name]
    if (!source) continue
    const url = parseUrl(source)
    if (!url) continue
    const host = hosts.find((matcher) => matcher.test(url))
    if (host) return host
  }
  return undefined
}

/** The ad host an inline `<script>` loads from: a URL on an ad host written in its code. */
function scriptAdHostOf(element: Element, hosts: readonly UrlMatcher[], text: string): UrlMatcher | undefined {
  if (element.name !== 'script' || !element.closed || element.contentEnd <= element.contentStart) return undefined
  const code = text.slice(element.contentStart, element.contentEnd)
  if (!code.includes('//')) return undefined
  let seen = 0
  for (const match of code.matchAll(URL_IN_SCRIPT)) {
    if (++seen > MAX_SCRIPT_URLS) break
    const url = parseUrl(match[0].startsWith('//') ? `https:${match[0]}` : match[0])
    const host = url && hosts.find((matcher) => matcher.test(url))
    if (host) return host
  }
  return undefined
}

function pixelSize(attribute: string | undefined, style: string, fromStyle: RegExp): number | undefined {
  const fromAttribute = attribute === undefined ? undefined : PIXEL_LENGTH.exec(attribute)
  if (fromAttribute) return Number(fromAttribute[1])
  const inStyle = fromStyle.exec(style)
  return inStyle ? Number(inStyle[1]) : undefined
}

/** Why `<img>` attributes make a tracking pixel, or undefined for a real image. */
function trackingPixelReason(attributes: Attributes, maxSize: number): string | undefined {
  const style = attributes['style'] ?? ''
  if (STYLE_HIDDEN.test(style)) return 'Tracking pixel (hidden image)'
  const width = pixelSize(attributes['width'], style, STYLE_WIDTH)
  const height = pixelSize(attributes['height'], style, STYLE_HEIGHT)
  if (width !== undefined && height !== undefined && width <= maxSize && height <= maxSize) {
    return `Tracking pixel (${width}×${height} image)`
  }
  return undefined
}

/** Why `element` is an ad on its own, or undefined. */
function adReason(element: Element, rules: RuleSet['adSlot'], text: string): string | undefined {
  const unit = rules.elements.find((matcher) => matchesElement(element, matcher, text))
  if (unit) return `Ad unit \`${unit.id}\``
  const host = adHostOf(element, rules.hosts)
  if (host) return `\`<${element.name}>\` from ad host \`${host.id}\``
  const loader = scriptAdHostOf(element, rules.hosts, text)
  if (loader) return `Inline script loading from ad host \`${loader.id}\``
  if (element.name === 'img') return trackingPixelReason(element.attributes, rules.pixelMaxSize)
  return undefined
}

/** Whether `inner` ads (sorted, inside `element`'s content) fill that content but for white space and comments. */
function holdsOnly(element: Element, inner: readonly Ad[], text: string): boolean {
  let cursor = element.contentStart
  for (const ad of inner) {
    if (ad.start < cursor || ad.end > element.contentEnd) return false
    if (!EMPTY_CONTENT.test(text.slice(cursor, ad.start))) return false
    cursor = ad.end
  }
  return EMPTY_CONTENT.test(text.slice(cursor, element.contentEnd))
}

/**
 * The outermost ads of the document in source order. Elements are visited
 * from the last to the first, so an element's descendants are decided before
 * it: a wrapper that holds only ads replaces them, an ad element swallows the
 * ads inside it — unless it holds Markdown blocks (`crossesBlocks`: its end
 * tag stands blocks further on, broken markup), whose text stays: then only
 * its two tags go, and the ads inside it are decided on their own.
 */
function findOutermostAds(
  elements: readonly Element[],
  rules: RuleSet['adSlot'],
  text: string,
  crossesBlocks: (element: Element) => boolean,
): Ad[] {
  // Ads found so far, by descending start: the top of the stack starts first.
  const stack: Ad[] = []
  for (let index = elements.length - 1; index >= 0; index--) {
    const element = elements[index]!
    const inner: Ad[] = []
    while (stack.length > 0 && stack[stack.length - 1]!.start < element.end) inner.push(stack.pop()!)
    const reason = adReason(element, rules, text)
    if (reason !== undefined && element.closed && element.contentEnd > element.contentStart && crossesBlocks(element)) {
      const tags = `${reason}: its tags (it held Markdown blocks, which stay)`
      stack.push({start: element.contentEnd, end: element.end, reason: tags, group: element.start})
      for (let back = inner.length - 1; back >= 0; back--) stack.push(inner[back]!)
      stack.push({start: element.start, end: element.contentStart, reason: tags, group: element.start})
    } else if (reason !== undefined) {
      // The ad swallows the ads inside it; one that crosses its end (broken markup) stays its own.
      for (let back = inner.length - 1; back >= 0; back--) if (inner[back]!.end > element.end) stack.push(inner[back]!)
      stack.push({start: element.start, end: element.end, reason})
    } else if (inner.length > 0 && element.closed && WRAPPER_TAGS.has(element.name) && holdsOnly(element, inner, text)) {
      const only = inner.length === 1 ? inner[0]!.reason : `${inner.length} ads`
      stack.push({start: element.start, end: element.end, reason: `${only}, in a \`<${element.name}>\` that held nothing else`})
    } else {
      for (let back = inner.length - 1; back >= 0; back--) stack.push(inner[back]!)
    }
  }
  return stack.reverse()
}

/** Group ads that only white space separates: they are removed as one run. */
function runsOf(ads: readonly Ad[], text: string): Ad[][] {
  const runs: Ad[][] = []
  let previous: Ad | undefined
  for (const ad of ads) {
    const run = runs[runs.length - 1]
    if (run && previous && text.slice(previous.end, ad.start).trim() === '') run.push(ad)
    else runs.push([ad])
    previous = ad
  }
  return runs
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * Split the tidy span of a run into one span per ad: each ad takes the white
 * space after it, and the first and last take what `blockSpan` added around
 * the run. An ad that shares its line with text is cut out inline.
 */
function spansOf(run: readonly Ad[], text: string): Span[] {
  const first = run[0]!
  const last = run[run.length - 1]!
  const whole = blockSpan(text, first.start, last.end)
  if (whole.start === first.start && whole.end === last.end) return run.map((ad) => inlineSpan(text, ad.start, ad.end))
  const starts = run.map((ad, index) => (index === 0 ? whole.start : Math.max(run[index - 1]!.end, lineStart(text, ad.start))))
  return run.map((_, index) => ({start: starts[index]!, end: starts[index + 1] ?? whole.end}))
}

/** Find ad elements outside code and report each as a removal. */
export function findAdSlots(tree: Root, file: VFile, rules: RuleSet): void {
  const slot = rules.adSlot
  const context = sourceContext(tree, file)
  findAdLabels(tree, file, slot)
  if (context.tokens.length === 0) return
  const structure = shapeStructureOf(file, tree)
  const crossesBlocks = (element: Element) => spansMarkdownBlocks(structure, element.start, element.end)
  const ads = findOutermostAds(context.elements, slot, context.text, crossesBlocks).filter((ad) => !isRemoved(file, ad.start, ad.end))
  for (const run of runsOf(ads, context.text)) {
    const spans = spansOf(run, context.text)
    run.forEach((ad, index) =>
      reportRemoval(file, {
        ruleId: meta.id,
        reason: ad.reason,
        shape: 'html',
        ...spans[index]!,
        ...(ad.group === undefined ? {} : {group: ad.group}),
      }),
    )
  }
}

/** Markup and punctuation round an ad label: `**Advertisement**`, `— ADVERTISEMENT —`, `<p class="ad-label">Anzeige</p>`. */
const LABEL_EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu
const MAX_AD_LABEL = 80

/** An HTML block that is one comment and nothing else: its text. */
const LONE_COMMENT = /^<!--([\s\S]*?)-->$/

/**
 * Top-level blocks whose whole text is an ad label ("Advertisement - Continue
 * Reading Below"): a paragraph, an HTML block, a list of one item (`- Advertisement -`
 * reads as one); and HTML blocks that are one comment an ad plugin left
 * (`<!-- ad label -->`), matched against the comment labels.
 */
function findAdLabels(tree: Root, file: VFile, slot: AdSlotRules): void {
  if (slot.labels.length === 0 && slot.commentLabels.length === 0) return
  const text = String(file.value)
  for (const node of tree.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || end - start > MAX_AD_LABEL * 4) continue
    const comment = node.type === 'html' ? LONE_COMMENT.exec(node.value.trim()) : null
    const raw = comment
      ? comment[1]!
      : node.type === 'html'
        ? replaceTags(node.value, ' ')
        : node.type === 'paragraph' || (node.type === 'list' && node.children.length === 1)
          ? toString(node)
          : undefined
    if (raw === undefined) continue
    const label = raw.replace(/\s+/g, ' ').replace(LABEL_EDGES, '')
    if (label.length === 0 || label.length > MAX_AD_LABEL) continue
    const matcher = (comment ? slot.commentLabels : slot.labels).find((candidate) => candidate.pattern.test(label))
    if (!matcher || isRemoved(file, start, end)) continue
    reportRemoval(file, {
      ruleId: meta.id,
      reason: comment
        ? `Ad plugin's comment left where an ad stood (\`${matcher.id}\`)`
        : `Ad label left where an ad stood (\`${matcher.id}\`)`,
      shape: 'block',
      ...blockSpan(text, start, end),
    })
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findAdSlots, section)

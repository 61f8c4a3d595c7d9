/**
 * filter-list: what the Adblock Plus / EasyList filter lists given with
 * `--filter-list` block. Runs only when lists are given (it returns at once
 * otherwise).
 *
 * - Cosmetic filters (`##.adsbygoogle`, `example.com##.ad-box`,
 *   `##div[id^="ad-"]`, exceptions `example.com#@#.ad-box`) hide elements of
 *   the embedded HTML: each matching element goes whole, with a wrapper left
 *   holding nothing else. Selectors are evaluated on each HTML fragment with
 *   hast-util-select; one the library cannot evaluate is skipped.
 * - Network filters (`||ads.example^`, `/banner/*`, `$third-party`,
 *   `$image`, `$script`, `$subdocument`, exceptions `@@…`) block URLs:
 *   Markdown images and `<img>` (as `image`), `<iframe>` (`subdocument`),
 *   `<script>`, `<video>`/`<audio>`/`<source>` (`media`), `<embed>`/`<object>`,
 *   stylesheet `<link>`s, which go whole; and links — Markdown links,
 *   reference links and their definitions, `<a href>` — matched as
 *   `document` requests and only against filters naming a host
 *   (`||ads.example^…`): path patterns describe ad *resources* and would hit
 *   links to articles about ads. A blocked link in a sentence is unlinked
 *   (its words stay; its `[` and `](url)`, or `<a>` and `</a>`, are the two
 *   parts of one removal); a link with no words, only an image, a retail
 *   button label (`affiliateLink.buttons`) or its own URL for words goes
 *   whole.
 *
 * The site: the first absolute http(s) URL among the frontmatter keys
 * `canonical`, `canonical_url`, `url`, `link`, `permalink`, `original_url`,
 * `source_url`, `external_url` (any case, `_`/`-` ignored). With a site,
 * domain-specific cosmetic filters for it apply, `$third-party` and
 * `$domain=` are decided against it, relative URLs are resolved on it and
 * `@@||site^$document` switches network filters off for the article.
 * Without one, only generic cosmetic filters apply, every absolute URL is
 * third-party, and relative URLs are left alone.
 *
 * Keeps: everything in code (fenced, indented, inline), bare URLs written in
 * text (they are not links), an element that a filter matches across
 * Markdown blocks when the blocks hold a heading, code or a table (warned,
 * not removed: that is a page wrapper, not an ad), and anything an exception
 * lifts.
 *
 * @example
 *   (list: `||ads.example^`)
 *   Read the [offer](https://ads.example/c?id=1) today.  → "Read the offer today."
 *   ![](https://ads.example/banner.png)                → removed with its line
 */
import type {Element as HastElement, Nodes as HastNodes, Parents as HastParents} from 'hast'
import {selectAll} from 'hast-util-select'
import type {Definition, ImageReference, Link, LinkReference, Nodes, Parents, Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import type {Element as SourceElement} from '../../core/html.js'
import {VOID_ELEMENTS} from '../../engine/html-elements.js'
import {elementParts, hastSpan, htmlFragments, type HtmlFragment} from '../../core/html-tree.js'
import {removedSpans, reportRemoval, reportWarning, type RemovedSpans} from '../../engine/removal.js'
import {closingBracket, outermost, settleFindings, wholeNodeShape} from '../../core/link.js'
import {linkIndex, type LinkIndex, type LinkSite} from '../../core/links.js'
import {defineRule} from '../../engine/rule.js'
import type {Shape} from '../../engine/shape.js'
import {blockSpan, type Span} from '../../engine/span.js'
import type {LabelMatcher, RuleSet} from '../../ruleset/compile.js'
import type {RunOptions} from '../../ruleset/run-options.js'
import {elementKeys, meetsRequirements, type CompiledFilterLists, type FilterMatch, type ResourceKind, type Site} from './lists.js'
import {frontmatterUrl} from './article-url.js'
import {section} from './section.js'

export const meta = {
  id: 'filter-list',
  description: 'Elements and URLs blocked by the Adblock Plus / EasyList filter lists given with --filter-list.',
  removalOnly: true,
  group: 'spam',
  shapes: ['html', 'inline', 'block'],
} as const

const HTTP_URL = /^https?:\/\//i
const SCHEME = /^[a-z][a-z\d+.-]*:/i
const URL_WORDS = /^\s*(?:https?:\/\/|www\.)\S+\s*$/i
const ENTITY = /&(?:nbsp|#160|#xa0);/gi
const IMAGE_IN_CONTENT = /<img\b|!\[/i
const WHITE_SPACE = /\s+/g
/** Markdown blocks that make an element spanning them a page wrapper rather than an ad. */
const STRUCTURE: ReadonlySet<string> = new Set(['heading', 'code', 'table'])
const MARKDOWN_WRAPPERS: ReadonlySet<string> = new Set(['strong', 'emphasis', 'delete', 'link', 'linkReference'])
/** Tags that only lay out what they hold; one left holding nothing but a removed element goes with it. */
const HTML_WRAPPERS: ReadonlySet<string> = new Set([
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
  'audio',
  'picture',
])

/** The URL attributes (hast property names) each tag fetches, and as what. */
const RESOURCES: Readonly<Record<string, ReadonlyArray<readonly [string, ResourceKind]>>> = {
  img: [
    ['src', 'image'],
    ['dataSrc', 'image'],
  ],
  iframe: [
    ['src', 'sub_frame'],
    ['dataSrc', 'sub_frame'],
  ],
  frame: [['src', 'sub_frame']],
  script: [['src', 'script']],
  video: [
    ['src', 'media'],
    ['poster', 'image'],
  ],
  audio: [['src', 'media']],
  source: [['src', 'media']],
  embed: [['src', 'object']],
  object: [['data', 'object']],
  link: [['href', 'stylesheet']],
}

/** A span to remove and why. */
interface Finding extends Span {
  reason: string
  shape: Shape
  /** Goes whole: grown to its lines (or over the spaces after it) once neighbours are merged. */
  whole?: boolean
  /** Shared by the two parts of an unlinked link: the first part's start (one removal). */
  group?: number
}

interface Context {
  text: string
  lists: CompiledFilterLists
  site: Site | undefined
  /** Whether network filters are matched (there are some, and the site is not allow-listed). */
  network: boolean
  buttons: readonly LabelMatcher[]
  /** What earlier rules removed: a whole removal inside it is dropped, one around it absorbs it. */
  removed: RemovedSpans
  cache: Map<string, FilterMatch | undefined>
  findings: Finding[]
}

function because(match: FilterMatch): string {
  return `matches filter "${match.filter}" (${match.list})`
}

/** An absolute http(s) URL for `raw`, or undefined (relative without a site, `mailto:`, `#top`, …). */
/**
 * The URL a browser would request for `raw`, percent-encoded as its URL
 * parser writes it (the filter engine throws on some raw non-ASCII text, an
 * emoji in a quote left open); undefined when it is not one.
 */
function absoluteUrl(raw: string, site: Site | undefined): string | undefined {
  const value = raw.trim()
  if (value === '' || value.startsWith('#')) return undefined
  const absolute = value.startsWith('//') || HTTP_URL.test(value)
  if (!absolute && (!site || SCHEME.test(value))) return undefined
  try {
    return new URL(value.startsWith('//') ? `https:${value}` : value, absolute ? undefined : site!.url).href
  } catch {
    return undefined
  }
}

function checkUrl(context: Context, raw: string, kind: ResourceKind): FilterMatch | undefined {
  if (!context.network) return undefined
  const url = absoluteUrl(raw, context.site)
  if (url === undefined) return undefined
  const key = `${kind} ${url}`
  if (context.cache.has(key)) return context.cache.get(key)
  const match = context.lists.matchUrl(url, kind, context.site)
  context.cache.set(key, match)
  return match
}

// ---------------------------------------------------------------------------
// Markdown links and images
// ---------------------------------------------------------------------------

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** A link's words outside images, and whether it holds an image. */
function linkWords(node: Nodes): {text: string; image: boolean} {
  if (node.type === 'text' || node.type === 'inlineCode') return {text: node.value, image: false}
  if (node.type === 'image' || node.type === 'imageReference') return {text: '', image: true}
  if (node.type === 'html') return {text: '', image: /^<img\b/i.test(node.value)}
  if (!('children' in node)) return {text: '', image: false}
  let text = ''
  let image = false
  for (const child of node.children) {
    const words = linkWords(child as Nodes)
    text += words.text
    image ||= words.image
  }
  return {text, image}
}

function isButton(words: string, buttons: readonly LabelMatcher[]): boolean {
  const label = words.replace(WHITE_SPACE, ' ').trim()
  return label !== '' && buttons.some((button) => button.pattern.test(label))
}

function removeWhole(context: Context, node: Nodes, ancestors: readonly Parents[], reason: string): void {
  const outer = outermost(node, ancestors, MARKDOWN_WRAPPERS)
  const outerSpan = spanOf(outer)
  const span = outerSpan ?? spanOf(node)
  const shape = outerSpan ? wholeNodeShape(outer) : 'inline'
  if (span && !context.removed.covers(span.start, span.end)) context.findings.push({...span, reason, shape, whole: true})
}

/** Unlink a blocked link, or remove it whole when it has no words of its own. */
function handleLink(context: Context, node: Link | LinkReference, ancestors: readonly Parents[], match: FilterMatch): void {
  const span = spanOf(node)
  if (!span || context.removed.overlaps(span.start, span.end)) return
  const {text} = context
  const opener = text.charCodeAt(span.start)
  const words = linkWords(node)
  const whole =
    opener !== 91 || // an autolink `<https://…>`
    words.text.trim() === '' || // empty, or only an image
    (!words.image && isButton(words.text, context.buttons)) ||
    URL_WORDS.test(words.text)
  if (whole) {
    removeWhole(context, node, ancestors, `Link removed: ${because(match)}`)
    return
  }
  const close = closingBracket(text, node, span.start)
  if (close <= span.start || close >= span.end) return
  const reason = `Link unlinked: ${because(match)}`
  // `[` and `](url)`: two parts of one removal.
  context.findings.push(
    {start: span.start, end: span.start + 1, reason, shape: 'inline', group: span.start},
    {start: close, end: span.end, reason, shape: 'inline', group: span.start},
  )
}

function findInMarkdown(links: LinkIndex, context: Context): void {
  const references: Array<LinkSite<LinkReference | ImageReference>> = []
  for (const site of links.sites) {
    const {node, ancestors} = site
    switch (node.type) {
      case 'imageReference':
      case 'linkReference':
        references.push({...site, node})
        break
      case 'image': {
        const match = checkUrl(context, node.url, 'image')
        if (match) removeWhole(context, node, ancestors, `Image removed: ${because(match)}`)
        break
      }
      case 'link': {
        const match = checkUrl(context, node.url, 'document')
        if (match) handleLink(context, node, ancestors, match)
        break
      }
      default:
        break
    }
  }
  if (links.definitions.length === 0) return

  // The first definition of a label is the one references use; a later one is dead, and goes if blocked.
  interface Entry {
    definition: Definition
    link: FilterMatch | undefined
    image: FilterMatch | undefined
    links: number
    images: number
  }
  const entries = new Map<Definition, Entry>()
  for (const definition of links.definitions) {
    entries.set(definition, {
      definition,
      link: checkUrl(context, definition.url, 'document'),
      image: checkUrl(context, definition.url, 'image'),
      links: 0,
      images: 0,
    })
  }
  for (const {node, ancestors} of references) {
    const definition = links.definitionOf(node.identifier)
    const entry = definition && entries.get(definition)
    if (!entry) continue
    if (node.type === 'imageReference') {
      entry.images++
      if (entry.image) removeWhole(context, node, ancestors, `Image removed: ${because(entry.image)}`)
    } else {
      entry.links++
      if (entry.link) handleLink(context, node, ancestors, entry.link)
    }
  }
  for (const entry of entries.values()) {
    const match = entry.link ?? entry.image
    // Remove a definition only once nothing still uses it.
    if (!match || (entry.links > 0 && !entry.link) || (entry.images > 0 && !entry.image)) continue
    const span = spanOf(entry.definition)
    if (!span || context.removed.covers(span.start, span.end)) continue
    context.findings.push({
      ...blockSpan(context.text, span.start, span.end),
      reason: `Link definition removed: ${because(match)}`,
      shape: 'block',
    })
  }
}

// ---------------------------------------------------------------------------
// Embedded HTML
// ---------------------------------------------------------------------------

interface FragmentFacts {
  fragment: HtmlFragment
  keys: Set<string>
  values: Map<string, Set<string>>
  parents: Map<HastElement, HastParents>
}

/** Add `value` to the set under `key`. */
function addValue(values: Map<string, Set<string>>, key: string, value: string): void {
  const set = values.get(key)
  if (set) set.add(value)
  else values.set(key, new Set([value]))
}

/** Walk a fragment: its element keys, parents, and what the cosmetic lookup needs. */
function describeFragment(
  fragment: HtmlFragment,
  page: {classes: Set<string>; ids: Set<string>; hrefs: Set<string>; keys: Set<string>; values: Map<string, Set<string>>},
  visit: (element: HastElement, facts: FragmentFacts) => void,
): FragmentFacts {
  const facts: FragmentFacts = {fragment, keys: new Set(), values: new Map(), parents: new Map()}
  const value = (key: string, text: string) => {
    addValue(facts.values, key, text)
    addValue(page.values, key, text)
  }
  const walk = (node: HastParents) => {
    for (const child of node.children as HastNodes[]) {
      if (child.type !== 'element') continue
      facts.parents.set(child, node)
      for (const key of elementKeys(child.tagName, child.properties, value)) {
        facts.keys.add(key)
        page.keys.add(key)
      }
      const {id, className, href} = child.properties
      if (typeof id === 'string') page.ids.add(id)
      if (Array.isArray(className)) for (const name of className) page.classes.add(String(name))
      if (child.tagName === 'a' && typeof href === 'string') page.hrefs.add(href)
      visit(child, facts)
      walk(child)
      if (child.content) walk(child.content)
    }
  }
  walk(fragment.root)
  return facts
}

function isEmptyNode(node: HastNodes): boolean {
  return node.type === 'comment' || (node.type === 'text' && node.value.trim() === '')
}

/** Where an element ends in the source: its close tag, in this fragment or (scanned) in a later one. */
function elementExtent(
  element: HastElement,
  fragment: HtmlFragment,
  sourceElements: () => ReadonlyMap<number, SourceElement>,
): (Span & {crosses: boolean}) | undefined {
  const span = hastSpan(element)
  if (!span) return undefined
  const parts = elementParts(element)
  if (parts.closing || VOID_ELEMENTS.has(element.tagName) || !parts.opening) return {...span, crosses: false}
  // Not closed in its fragment: its close tag may stand after Markdown in between.
  const paired = sourceElements().get(parts.opening.start)
  if (paired?.closed && paired.name === element.tagName && paired.end > fragment.end) {
    return {start: span.start, end: paired.end, crosses: true}
  }
  return {...span, crosses: false}
}

/** The element to remove with `element`: wrappers (closed in the fragment) that hold nothing else. */
function outermostElement(element: HastElement, parents: ReadonlyMap<HastElement, HastParents>): HastElement {
  let node = element
  for (;;) {
    const parent = parents.get(node)
    if (parent?.type !== 'element' || !HTML_WRAPPERS.has(parent.tagName)) return node
    if (!elementParts(parent).closing) return node
    if (!parent.children.every((child) => child === node || isEmptyNode(child as HastNodes))) return node
    node = parent
  }
}

function textWithoutTags(text: string, start: number, end: number): {words: string; image: boolean} {
  const content = text.slice(start, end)
  return {words: replaceTags(content).replace(ENTITY, ' '), image: IMAGE_IN_CONTENT.test(content)}
}

function findInHtml(tree: Root, file: VFile, context: Context): void {
  const fragments = htmlFragments(tree, file)
  if (fragments.length === 0) return
  const {text, lists} = context
  let paired: Map<number, SourceElement> | undefined
  const sourceElements = () => {
    paired ??= new Map(sourceContext(tree, file).elements.map((element) => [element.start, element]))
    return paired
  }
  let structure: number[] | undefined
  const holdsStructure = (start: number, end: number) => {
    structure ??= tree.children.filter((node) => STRUCTURE.has(node.type)).map((node) => node.position?.start.offset ?? -1)
    return structure.some((offset) => offset >= start && offset < end)
  }

  const removeElement = (element: HastElement, facts: FragmentFacts, reason: string) => {
    const target = outermostElement(element, facts.parents)
    const extent = elementExtent(target, facts.fragment, sourceElements)
    if (!extent || context.removed.covers(extent.start, extent.end)) return
    if (extent.crosses && holdsStructure(extent.start, extent.end)) {
      const why = reason.slice(reason.indexOf(': ') + 2)
      reportWarning(file, {
        ruleId: meta.id,
        reason: `<${target.tagName}> ${why}, but it holds headings, code or tables: kept`,
        start: extent.start,
        end: extent.end,
      })
      return
    }
    context.findings.push({start: extent.start, end: extent.end, reason, shape: 'html', whole: true})
  }

  const handleAnchor = (element: HastElement, facts: FragmentFacts, match: FilterMatch) => {
    const parts = elementParts(element)
    const span = hastSpan(element)
    if (!parts.opening || !span || context.removed.covers(span.start, span.end)) return
    const content = parts.closing ? textWithoutTags(text, parts.opening.end, parts.closing.start) : undefined
    if (
      content &&
      (content.words.trim() === '' || URL_WORDS.test(content.words) || (!content.image && isButton(content.words, context.buttons)))
    ) {
      removeElement(element, facts, `<a> removed: ${because(match)}`)
      return
    }
    const reason = `<a> unlinked: ${because(match)}`
    // The opening and closing tags: two parts of one removal.
    const group = parts.opening.start
    for (const tag of [parts.opening, parts.closing]) {
      if (tag && !context.removed.overlaps(tag.start, tag.end))
        context.findings.push({...blockSpan(text, tag.start, tag.end), reason, shape: 'html', group})
    }
  }

  const page = {
    classes: new Set<string>(),
    ids: new Set<string>(),
    hrefs: new Set<string>(),
    keys: new Set<string>(),
    values: new Map<string, Set<string>>(),
  }
  const described: FragmentFacts[] = []
  for (const fragment of fragments) {
    const facts = describeFragment(fragment, page, (element, facts) => {
      if (!context.network) return
      if (element.tagName === 'a') {
        const href = element.properties['href']
        const match = typeof href === 'string' ? checkUrl(context, href, 'document') : undefined
        if (match) handleAnchor(element, facts, match)
        return
      }
      const resources = RESOURCES[element.tagName]
      if (!resources) return
      if (
        element.tagName === 'link' &&
        !String(element.properties['rel'] ?? '')
          .toLowerCase()
          .includes('stylesheet')
      )
        return
      const parent = facts.parents.get(element)
      const inPicture = parent?.type === 'element' && parent.tagName === 'picture'
      for (const [property, kind] of resources) {
        const value = element.properties[property]
        const match = typeof value === 'string' ? checkUrl(context, value, inPicture ? 'image' : kind) : undefined
        if (match) {
          removeElement(element, facts, `<${element.tagName}> removed: ${because(match)}`)
          return
        }
      }
    })
    described.push(facts)
  }

  if (!lists.hasCosmeticFilters || page.keys.size === 0) return
  const candidates = lists.cosmeticCandidates({
    site: context.site,
    classes: [...page.classes],
    ids: [...page.ids],
    hrefs: [...page.hrefs],
    keys: page.keys,
    values: page.values,
  })
  for (const candidate of candidates) {
    for (const facts of described) {
      if (!meetsRequirements(candidate.requirements, facts.keys, facts.values)) continue
      let elements: HastElement[]
      try {
        elements = selectAll(candidate.selector, facts.fragment.root)
      } catch {
        lists.markUnsupported(candidate.selector)
        break
      }
      for (const element of elements) removeElement(element, facts, `<${element.tagName}> removed: ${because(candidate)}`)
    }
  }
}

// ---------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------

/** Report every span the filter lists block. */
export function findFilterListMatches(tree: Root, file: VFile, rules: RuleSet, run: RunOptions): void {
  const lists = run.filterLists
  if (!lists || (!lists.hasNetworkFilters && !lists.hasCosmeticFilters)) return
  const text = String(file.value)
  const siteUrl = frontmatterUrl(tree, rules.filterList.siteKeys)
  const site = siteUrl === undefined ? undefined : lists.site(siteUrl)
  const context: Context = {
    text,
    lists,
    site,
    network: lists.hasNetworkFilters && !(site && lists.allowsPage(site)),
    buttons: rules.affiliateLink.buttons,
    removed: removedSpans(file),
    cache: new Map(),
    findings: [],
  }
  if (context.network) findInMarkdown(linkIndex(tree, file), context)
  if (text.includes('<')) findInHtml(tree, file, context)
  for (const finding of settleFindings(text, context.findings)) reportRemoval(file, {ruleId: meta.id, ...finding})
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findFilterListMatches, section)

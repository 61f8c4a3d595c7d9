/**
 * affiliate-link: unlink affiliate and cloaked links; the words stay.
 *
 * A link is an affiliate link when its URL's host (or a sub-domain of it)
 * is in `rules: affiliateLink.hosts` (with the entry's path pattern, if any),
 * it carries a query parameter in `affiliateLink.params` (`AFFILIATE=` of
 * 2Checkout, `tag=` on Amazon hosts, `campid=` on eBay), or its whole path is
 * a site-own redirect folder and one slug (`affiliateLink.redirectFolders`:
 * `/go/<slug>`, `/recommends/<slug>/`; no file extension, no second segment,
 * and not on a host of `affiliateLink.folderExceptions` such as a docs site
 * whose `/go/` folder teaches Go). Protocol-relative (`//x.pxf.io/…`),
 * relative (`/go/vpn`) and `javascript:window.open('…')` URLs are looked
 * through.
 *
 * - In a sentence the link markup goes and its words stay: `[` and
 *   `](url "title")` are the two parts of one removal (each an exact span,
 *   so re-inserting the removed texts gives back the input; they share a
 *   `group`, so the link is one finding and one count); HTML `<a href>` and
 *   `</a>` likewise. Images inside the link stay (they are content); only
 *   the link around them goes.
 * - A link with no words (`[](…)`, `<a href="…"> </a>`), a retail button
 *   (`[View On Amazon $16](…)`, labels in `affiliateLink.buttons`), an
 *   autolink `<https://…>`, a bare URL, or a link whose words are themselves
 *   an affiliate URL goes whole, with the emphasis, paragraph or list item it
 *   was the only content of.
 * - Reference links (`[text][ref]`) to an affiliate definition are unlinked
 *   and the definition line goes.
 *
 * Keeps: normal links, an Amazon link without an associate tag, links in
 * code, and links inside spans an earlier rule removed (an ad block).
 *
 * @example
 *   Fix it with [**Driver Easy**](https://tools.example-aff.com/de/) today.
 *   → "Fix it with **Driver Easy** today."
 */
import type {Definition, Link, LinkReference, Nodes, Parents, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import {decodeCharacterReferences, type Element} from '../../core/html.js'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {findInSource} from '../../core/source.js'
import {closingBracket, outermost, settleFindings, wholeNodeShape} from '../../core/link.js'
import {defineRule} from '../../engine/rule.js'
import {spansMarkdownBlocks, type Shape} from '../../engine/shape.js'
import {shapeStructureOf} from '../../engine/shape-check.js'
import {blockSpan, type Span} from '../../engine/span.js'
import type {RuleSet, UrlMatcher} from '../../ruleset/compile.js'
import {section} from './section.js'

export const meta = {
  id: 'affiliate-link',
  description: 'Affiliate and cloaked links: unlinked in sentences, removed whole when they have no words or are buttons.',
  removalOnly: true,
  group: 'spam',
  shapes: ['inline', 'block', 'html'],
} as const

const BASE = 'https://relative.invalid/'
const ENTITY = /&(?:nbsp|#160|#xa0);/gi
/** URLs written out in text, which GFM would turn into links once the link around them is gone. */
const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s<>()[\]]+/gi
/** A URL inside a `javascript:` href (`window.open('https%3A%2F%2F…')`). */
const URL_IN_SCRIPT = /(?:https?:)?\/\/[^\s'"()]+/i
/** What GFM leaves out of a bare URL's end. */
const TRAILING_PUNCTUATION = /[.,:;!?'"*_~]+$/
const WHITE_SPACE = /\s+/g
const WWW = /www\./i
const IMG_TAG = /^<img\b/i
/** An image in an anchor's content, as HTML or Markdown. */
const IMAGE_IN_CONTENT = /<img\b|!\[/i

/** A span to remove and why. */
interface Finding extends Span {
  reason: string
  shape: Shape
  /** A link that goes whole: the span is the bare link, grown only once neighbours are merged. */
  whole?: boolean
  /** The two parts of an unlinked link share their first part's start: one removal. */
  group?: number
}

/** Decides whether a URL is an affiliate link; returns the matching entry's id. */
type Classifier = (href: string) => string | undefined

function createClassifier(rules: RuleSet['affiliateLink']): Classifier {
  const cache = new Map<string, string | undefined>()
  const classify = (href: string): string | undefined => {
    let url: URL
    try {
      url = new URL(href.trim(), BASE)
    } catch {
      return undefined
    }
    if (url.protocol === 'javascript:') {
      let script = href
      try {
        script = decodeURIComponent(href)
      } catch {
        // Keep the raw text: a stray `%` is no reason to give up.
      }
      const inner = URL_IN_SCRIPT.exec(script.slice('javascript:'.length))
      return inner ? classify(inner[0]) : undefined
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    const test = (matcher: UrlMatcher) => matcher.test(url)
    return (rules.hosts.find(test) ?? rules.params.find(test) ?? rules.folders.find(test))?.id
  }
  return (href) => {
    if (cache.has(href)) return cache.get(href)
    const id = classify(href)
    cache.set(href, id)
    return id
  }
}

/** The visible words of a node: text, and whether it holds an image. */
function wordsOf(node: Nodes): {text: string; image: boolean} {
  if (node.type === 'text' || node.type === 'inlineCode') return {text: node.value, image: false}
  if (node.type === 'image' || node.type === 'imageReference') return {text: node.alt ?? '', image: true}
  if (node.type === 'html') return {text: '', image: IMG_TAG.test(node.value)}
  if (!('children' in node)) return {text: '', image: false}
  let text = ''
  let image = false
  for (const child of node.children) {
    const words = wordsOf(child as Nodes)
    text += words.text
    image ||= words.image
  }
  return {text, image}
}

/** Grow a tag's span to its line when it stands alone (so no blank line splits an HTML block). */
function tagSpan(text: string, start: number, end: number): Span {
  return blockSpan(text, start, end)
}

interface Context {
  text: string
  /** Source spans of nodes the parser left without a position (see {@link locateChildren}). */
  located: Map<Nodes, Span>
  /** Whether `[start, end)` touches a span an earlier rule removed. */
  overlapsRemoved: (start: number, end: number) => boolean
  rules: RuleSet['affiliateLink']
  classify: Classifier
  findings: Finding[]
}

/** Whether the words, once unlinked, would hold an affiliate URL that GFM links again. */
function wordsHoldAffiliateUrl(words: string, classify: Classifier): boolean {
  if (!words.includes('://') && !WWW.test(words)) return false
  for (const match of words.matchAll(URL_IN_TEXT)) {
    const href = match[0].toLowerCase().startsWith('www.') ? `http://${match[0]}` : match[0]
    if (classify(href) !== undefined) return true
  }
  return false
}

function isButton(words: string, rules: RuleSet['affiliateLink']): string | undefined {
  const label = words.replace(WHITE_SPACE, ' ').trim()
  return label ? rules.buttons.find((button) => button.pattern.test(label))?.id : undefined
}

/** The source span of a node, from its position or from {@link locateChildren}. */
function spanOf(context: Context, node: Nodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start !== undefined && end !== undefined ? {start, end} : context.located.get(node)
}

/**
 * Find where children without a position stand in the source. GFM's
 * autolink-literal pass splits text nodes after parsing (`…)www.x.com`) and
 * leaves the pieces without positions; walking the siblings in order and
 * finding each piece's text after the previous one puts them back.
 */
function locateChildren(text: string, parent: Parents, located: Map<Nodes, Span>): void {
  let cursor = parent.position?.start.offset ?? 0
  for (const child of parent.children as Nodes[]) {
    const end = child.position?.end.offset
    if (end !== undefined) {
      cursor = end
      continue
    }
    const literal = child.type === 'text' ? child.value : child.type === 'link' ? wordsOf(child).text : ''
    if (!literal) continue
    const span = findInSource(text, literal, cursor)
    if (!span) continue
    located.set(child, span)
    if (child.type === 'link') {
      const inner = child.children[0]
      if (inner) located.set(inner, span)
    }
    cursor = span.end
  }
}

/** Decide what happens to an affiliate Markdown link (inline or reference) and record it. */
function handleLink(
  context: Context,
  node: Link | LinkReference,
  ancestors: readonly Parents[],
  id: string,
): void {
  const {text, findings} = context
  const span = spanOf(context, node)
  if (!span || context.overlapsRemoved(span.start, span.end)) return
  const {start, end} = span
  const whole = (reason: string) => {
    const outer = outermost(node, ancestors)
    const target = spanOf(context, outer)
    findings.push(target ? {...target, reason, shape: wholeNodeShape(outer), whole: true} : {...span, reason, shape: 'inline', whole: true})
  }
  const opener = text.charCodeAt(start)
  if (node.type === 'link' && opener !== 91) {
    whole(opener === 60 ? `Affiliate autolink (${id}) removed` : `Bare affiliate URL (${id}) removed`)
    return
  }
  const words = wordsOf(node)
  if (words.text.trim() === '' && !words.image) {
    whole(`Empty affiliate link (${id}) removed`)
    return
  }
  const button = isButton(words.text, context.rules)
  if (button !== undefined && !words.image) {
    whole(`Affiliate button (${id}, ${button}) removed`)
    return
  }
  if (wordsHoldAffiliateUrl(words.text, context.classify)) {
    whole(`Affiliate link (${id}) showing its own URL removed`)
    return
  }
  const close = closingBracket(text, node, start)
  if (opener !== 91 || close <= start || close >= end) return
  const reason = `Affiliate link (${id}) unlinked`
  findings.push({start, end: start + 1, reason, shape: 'inline', group: start}, {start: close, end, reason, shape: 'inline', group: start})
}

/**
 * Affiliate URLs written out in text that GFM did not link (after a tag, say)
 * go whole too: once the markup next to them is gone they would be links.
 */
function findUrlsInText(context: Context, node: Text): void {
  const span = spanOf(context, node)
  if (!span) return
  const {start, end} = span
  const value = context.text.slice(start, end)
  if (!value.includes('://') && !WWW.test(value)) return
  for (const match of value.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    const id = context.classify(url.toLowerCase().startsWith('www.') ? `http://${url}` : url)
    const from = start + match.index
    if (id !== undefined && !context.overlapsRemoved(from, from + url.length)) {
      context.findings.push({start: from, end: from + url.length, reason: `Bare affiliate URL (${id}) removed`, shape: 'inline', whole: true})
    }
  }
}

/**
 * Decide what happens to an affiliate HTML anchor and record it. An anchor
 * whose `</a>` stands blocks further on (broken markup) is only unlinked:
 * its "words" are paragraphs of the article, never a button or a URL.
 */
function handleAnchor(context: Context, anchor: Element, id: string, crossesBlocks: boolean): void {
  const {text, findings} = context
  if (context.overlapsRemoved(anchor.start, anchor.end)) return
  if (!anchor.closed) {
    findings.push({...tagSpan(text, anchor.start, anchor.end), reason: `Affiliate link (${id}) unlinked`, shape: 'html'})
    return
  }
  if (crossesBlocks) {
    const reason = `Affiliate link (${id}) unlinked`
    const opening = tagSpan(text, anchor.start, anchor.contentStart)
    findings.push(
      {...opening, reason, shape: 'html', group: opening.start},
      {...tagSpan(text, anchor.contentEnd, anchor.end), reason, shape: 'html', group: opening.start},
    )
    return
  }
  const content = text.slice(anchor.contentStart, anchor.contentEnd)
  const image = IMAGE_IN_CONTENT.test(content)
  const words = replaceTags(content).replace(ENTITY, ' ')
  if (words.trim() === '' && !image) {
    findings.push({start: anchor.start, end: anchor.end, reason: `Empty affiliate link (${id}) removed`, shape: 'html', whole: true})
    return
  }
  if (wordsHoldAffiliateUrl(words, context.classify)) {
    findings.push({start: anchor.start, end: anchor.end, reason: `Affiliate link (${id}) showing its own URL removed`, shape: 'html', whole: true})
    return
  }
  const button = image ? undefined : isButton(words, context.rules)
  if (button !== undefined) {
    findings.push({start: anchor.start, end: anchor.end, reason: `Affiliate button (${id}, ${button}) removed`, shape: 'html', whole: true})
    return
  }
  const reason = `Affiliate link (${id}) unlinked`
  const opening = tagSpan(text, anchor.start, anchor.contentStart)
  findings.push(
    {...opening, reason, shape: 'html', group: opening.start},
    {...tagSpan(text, anchor.contentEnd, anchor.end), reason, shape: 'html', group: opening.start},
  )
}

/** Find affiliate links and report how each is unlinked or removed. */
export function findAffiliateLinks(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.affiliateLink
  if (options.hosts.length === 0 && options.params.length === 0 && options.folders.length === 0) return
  const source = sourceContext(tree, file)
  const text = source.text
  const context: Context = {
    text,
    overlapsRemoved: removedSpans(file).overlaps,
    rules: options,
    classify: createClassifier(options),
    findings: [],
    located: new Map(),
  }
  const definitions: Definition[] = []
  const references: Array<{node: LinkReference; ancestors: Parents[]}> = []
  const imageIdentifiers = new Set<string>()

  const walk = (node: Nodes, ancestors: Parents[]): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
        return
      case 'definition':
        definitions.push(node)
        return
      case 'imageReference':
        imageIdentifiers.add(node.identifier)
        return
      case 'linkReference':
        references.push({node, ancestors: [...ancestors]})
        return
      case 'text':
        findUrlsInText(context, node)
        return
      case 'link': {
        const id = context.classify(node.url)
        if (id !== undefined) handleLink(context, node, ancestors, id)
        return
      }
      default:
        break
    }
    if (!('children' in node)) return
    if (node.children.some((child) => !child.position)) locateChildren(text, node, context.located)
    ancestors.push(node)
    for (const child of node.children) walk(child as Nodes, ancestors)
    ancestors.pop()
  }
  walk(tree, [])

  // The first definition of a label is the one references use.
  const effective = new Map<string, {id: string | undefined}>()
  for (const definition of definitions) {
    const id = context.classify(definition.url)
    if (!effective.has(definition.identifier)) effective.set(definition.identifier, {id})
    const start = definition.position?.start.offset
    const end = definition.position?.end.offset
    if (id === undefined || start === undefined || end === undefined || context.overlapsRemoved(start, end)) continue
    // An image still needs its definition; the links to it are unlinked anyway.
    if (imageIdentifiers.has(definition.identifier)) continue
    context.findings.push({...blockSpan(text, start, end), reason: `Affiliate link definition (${id}) removed`, shape: 'block'})
  }
  for (const {node, ancestors} of references) {
    const id = effective.get(node.identifier)?.id
    if (id !== undefined) handleLink(context, node, ancestors, id)
  }

  if (text.includes('<a') || text.includes('<A')) {
    const structure = shapeStructureOf(file, tree)
    for (const element of source.elements) {
      const href = element.name === 'a' ? element.attributes['href'] : undefined
      const id = href === undefined ? undefined : context.classify(decodeCharacterReferences(href))
      if (id !== undefined) handleAnchor(context, element, id, spansMarkdownBlocks(structure, element.start, element.end))
    }
  }

  for (const finding of settleFindings(text, context.findings)) reportRemoval(file, {ruleId: meta.id, ...finding})
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findAffiliateLinks, section)

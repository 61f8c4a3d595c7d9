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
import type {Link, LinkReference, Nodes, Parents, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import {decodeCharacterReferences, type Element} from '../../core/html.js'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {findInSource} from '../../core/source.js'
import {closingBracket, outermost, settleFindings, wholeNodeShape} from '../../core/link.js'
import {linkIndex, type LinkSite} from '../../core/links.js'
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
  /** The parents whose children {@link locateChildren} has placed. */
  placed: Set<Parents>
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

/**
 * The source span of a node, from its position or, for a node the parser
 * left without one, from {@link locateChildren} over its `parent`.
 */
function spanOf(context: Context, node: Nodes, parent: Parents | undefined): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined) return {start, end}
  if (parent && !context.placed.has(parent)) {
    context.placed.add(parent)
    locateChildren(context.text, parent, context.located)
  }
  return context.located.get(node)
}

/** The parent of `node`, which is `start` or one of `ancestors` (root first). */
function parentOf(node: Nodes, start: Nodes, ancestors: readonly Parents[]): Parents | undefined {
  return node === start ? ancestors.at(-1) : ancestors[ancestors.lastIndexOf(node as Parents) - 1]
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
function handleLink(context: Context, node: Link | LinkReference, ancestors: readonly Parents[], id: string): void {
  const {text, findings} = context
  const span = spanOf(context, node, ancestors.at(-1))
  if (!span || context.overlapsRemoved(span.start, span.end)) return
  const {start, end} = span
  const whole = (reason: string) => {
    const outer = outermost(node, ancestors)
    const target = spanOf(context, outer, parentOf(outer, node, ancestors))
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
function findUrlsInText(context: Context, node: Text, ancestors: readonly Parents[]): void {
  const span = spanOf(context, node, ancestors.at(-1))
  if (!span) return
  const {start, end} = span
  const value = context.text.slice(start, end)
  if (!value.includes('://') && !WWW.test(value)) return
  for (const match of value.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    const id = context.classify(url.toLowerCase().startsWith('www.') ? `http://${url}` : url)
    const from = start + match.index
    if (id !== undefined && !context.overlapsRemoved(from, from + url.length)) {
      context.findings.push({
        start: from,
        end: from + url.length,
        reason: `Bare affiliate URL (${id}) removed`,
        shape: 'inline',
        whole: true,
      })
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
    findings.push({
      start: anchor.start,
      end: anchor.end,
      reason: `Affiliate link (${id}) showing its own URL removed`,
      shape: 'html',
      whole: true,
    })
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
    placed: new Set(),
  }
  const links = linkIndex(tree, file)
  const references: Array<LinkSite<LinkReference>> = []
  const imageIdentifiers = new Set<string>()
  // What stands in a link's words is that link's business, not another finding.
  for (const site of links.sites) {
    if (site.inLink) continue
    const node = site.node
    switch (node.type) {
      case 'imageReference':
        imageIdentifiers.add(node.identifier)
        break
      case 'linkReference':
        references.push({...site, node})
        break
      case 'text':
        findUrlsInText(context, node, site.ancestors)
        break
      case 'link': {
        const id = context.classify(node.url)
        if (id !== undefined) handleLink(context, node, site.ancestors, id)
        break
      }
      default:
        break
    }
  }

  for (const definition of links.definitions) {
    const id = context.classify(definition.url)
    const start = definition.position?.start.offset
    const end = definition.position?.end.offset
    if (id === undefined || start === undefined || end === undefined || context.overlapsRemoved(start, end)) continue
    // An image still needs its definition; the links to it are unlinked anyway.
    if (imageIdentifiers.has(definition.identifier)) continue
    context.findings.push({...blockSpan(text, start, end), reason: `Affiliate link definition (${id}) removed`, shape: 'block'})
  }
  for (const {node, ancestors} of references) {
    const definition = links.definitionOf(node.identifier)
    const id = definition === undefined ? undefined : context.classify(definition.url)
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

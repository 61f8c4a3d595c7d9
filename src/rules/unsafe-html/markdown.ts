/**
 * unsafe-html in Markdown: links, images and definitions are held to the
 * same `protocols` as HTML. A link to a `javascript:`, `vbscript:` or
 * `data:` URL is unlinked (its words stay), an image or an autolink with one
 * goes whole, and so does a link definition (the references that use it are
 * unlinked). The links come from the file's one walk (core/links.ts), which
 * also gives the HTML nodes the sanitiser must not cut into.
 */
import type {Definition, ImageReference, Link, LinkReference, Nodes} from 'mdast'
import {closingBracket} from '../../core/link.js'
import type {LinkIndex} from '../../core/links.js'
import type {RemovedSpans} from '../../engine/removal.js'
import type {Span} from '../../engine/span.js'
import type {Cut, Policy} from './cut.js'
import {forbiddenMarkdownScheme} from './urls.js'

function hasWords(node: Link | LinkReference): boolean {
  const visit = (child: Nodes): boolean =>
    child.type === 'image' ||
    child.type === 'imageReference' ||
    (child.type === 'text' && child.value.trim() !== '') ||
    child.type === 'inlineCode' ||
    ('children' in child && child.children.some((inner) => visit(inner as Nodes)))
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
export function findMarkdownUrls(links: LinkIndex, text: string, policy: Policy, removed: RemovedSpans, cuts: Cut[]): Span[] {
  const htmlNodes: Span[] = []
  const references: Array<LinkReference | ImageReference> = []
  const usedByImages = new Set<string>()
  const usedByLinks = new Set<string>()
  const suspicious = text.includes(':') || text.includes('&')
  const live = (node: Nodes) => {
    const span = spanOf(node)
    return span !== undefined && !removed.overlaps(span.start, span.end)
  }
  for (const {node} of links.sites) {
    switch (node.type) {
      case 'html': {
        const span = spanOf(node)
        if (span) htmlNodes.push(span)
        break
      }
      case 'link': {
        const scheme = suspicious ? forbiddenMarkdownScheme(node.url, 'href', policy) : undefined
        if (scheme !== undefined && live(node)) unlink(text, node, `Markdown link to a \`${scheme}:\` URL unlinked`, cuts)
        break
      }
      case 'image': {
        const scheme = suspicious ? forbiddenMarkdownScheme(node.url, 'src', policy) : undefined
        const span = spanOf(node)
        if (scheme !== undefined && span && live(node))
          cuts.push({...span, reason: `Markdown image with a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'inline'})
        break
      }
      case 'imageReference':
        usedByImages.add(node.identifier)
        references.push(node)
        break
      case 'linkReference':
        usedByLinks.add(node.identifier)
        references.push(node)
        break
      default:
        break
    }
  }
  htmlNodes.sort((a, b) => a.start - b.start)
  if (!suspicious || links.definitions.length === 0) return htmlNodes

  // A reference uses the first definition of its label; a later one is dead, and goes if unsafe.
  const unsafe = new Map<Definition, string>()
  for (const definition of links.definitions) {
    const property = usedByImages.has(definition.identifier) && !usedByLinks.has(definition.identifier) ? 'src' : 'href'
    const scheme =
      forbiddenMarkdownScheme(definition.url, property, policy) ??
      (usedByImages.has(definition.identifier) ? forbiddenMarkdownScheme(definition.url, 'src', policy) : undefined)
    if (scheme === undefined) continue
    unsafe.set(definition, scheme)
    const span = spanOf(definition)
    if (span && live(definition)) {
      cuts.push({...span, reason: `Link definition with a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'block'})
    }
  }
  for (const node of references) {
    const definition = links.definitionOf(node.identifier)
    const scheme = definition && unsafe.get(definition)
    if (scheme === undefined || !live(node)) continue
    if (node.type === 'linkReference') unlink(text, node, `Reference to a \`${scheme}:\` URL unlinked`, cuts)
    else {
      const span = spanOf(node)
      if (span) cuts.push({...span, reason: `Image reference to a \`${scheme}:\` URL removed`, kind: 'whole', shape: 'inline'})
    }
  }
  return htmlNodes
}

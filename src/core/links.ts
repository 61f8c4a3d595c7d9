/**
 * The links of a file, walked once: every Markdown link, image, link or
 * image reference, link definition, text and HTML node outside code and
 * frontmatter, in document order, each with its ancestors — and which
 * definition a reference uses. Built on first use and kept on `file.data`
 * (for the tree it was built from), so the rules that look at links
 * (affiliate-link, filter-list, tracking-param, unsafe-html, link-farm, the
 * tail walk) share one walk instead of each writing its own.
 *
 * Keeps the walk neutral: it descends into links (an image inside a link is
 * collected, marked `inLink`), so a rule that wants only what stands outside
 * links skips those. Text nodes are collected for the rules that look for
 * URLs written out in words.
 *
 * @example
 *   const links = linkIndex(tree, file)
 *   for (const {node, ancestors} of links.sites) if (node.type === 'link') …
 *   links.definitionOf('ref')?.url   // the first `[ref]: …` of the file
 */
import type {Definition, Html, Image, ImageReference, Link, LinkReference, Nodes, Parents, Root, Text} from 'mdast'
import type {VFile} from 'vfile'

/** A node the walk collects. */
export type LinkSiteNode = Link | Image | LinkReference | ImageReference | Definition | Text | Html

/** A collected node and where it stands. */
export interface LinkSite<N extends LinkSiteNode = LinkSiteNode> {
  readonly node: N
  /** The node's ancestors, root first, its parent last. Shared by siblings: read, never change. */
  readonly ancestors: readonly Parents[]
  /** Whether it stands inside the words of a link or link reference (`[![logo](…)](…)`). */
  readonly inLink: boolean
}

/** The links of one file. */
export interface LinkIndex {
  /** Links, images, references, definitions, text and HTML nodes outside code and frontmatter, in document order. */
  readonly sites: readonly LinkSite[]
  /** Every link definition, in document order (later ones of a label too: they are dead, but in the text). */
  readonly definitions: readonly Definition[]
  /** The definition a reference with `identifier` uses: the first of that label (CommonMark), or undefined. */
  definitionOf(identifier: string): Definition | undefined
}

/** Nodes whose content is never Markdown: nothing in them is a link. */
const OPAQUE: ReadonlySet<string> = new Set(['code', 'inlineCode', 'yaml', 'toml'])

/** Node types the walk collects. */
const COLLECTED: ReadonlySet<string> = new Set(['link', 'image', 'linkReference', 'imageReference', 'definition', 'text', 'html'])

function walk(node: Nodes, ancestors: readonly Parents[], inLink: boolean, sites: LinkSite[], definitions: Definition[]): void {
  if (OPAQUE.has(node.type)) return
  if (COLLECTED.has(node.type)) {
    sites.push({node: node as LinkSiteNode, ancestors, inLink})
    if (node.type === 'definition') definitions.push(node)
  }
  if (!('children' in node) || node.children.length === 0) return
  const inner = [...ancestors, node]
  const linked = inLink || node.type === 'link' || node.type === 'linkReference'
  for (const child of node.children) walk(child as Nodes, inner, linked, sites, definitions)
}

function buildIndex(tree: Root): LinkIndex {
  const sites: LinkSite[] = []
  const definitions: Definition[] = []
  walk(tree, [], false, sites, definitions)
  let first: Map<string, Definition> | undefined
  return {
    sites,
    definitions,
    definitionOf(identifier) {
      if (!first) {
        first = new Map()
        for (const definition of definitions) if (!first.has(definition.identifier)) first.set(definition.identifier, definition)
      }
      return first.get(identifier)
    },
  }
}

/** The link index of `tree` (parsed from `file`), built on first use. */
export function linkIndex(tree: Root, file: VFile): LinkIndex {
  const data = file.data as {decruftLinks?: {tree: Root; index: LinkIndex}}
  if (data.decruftLinks?.tree === tree) return data.decruftLinks.index
  const index = buildIndex(tree)
  data.decruftLinks = {tree, index}
  return index
}

/** The nearest of `ancestors` (parent first) whose type is in `types`, or undefined. */
export function nearestAncestor(ancestors: readonly Parents[], types: ReadonlySet<string>): Parents | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) if (types.has(ancestors[index]!.type)) return ancestors[index]
  return undefined
}

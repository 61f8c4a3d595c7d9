/**
 * The early exit of the whole-page gate: at most how many links the head
 * (the blocks before the article's title) can hold, counted from the link
 * walk alone, before any block is measured or classified.
 *
 * The gate (region.ts `wholePageGate`) passes only with at least
 * `min(headMinLinks, tailHeadMinLinks)` links in the head. Where the title
 * is depends on the blocks' classes, but not beyond the last heading that
 * may anchor it (`findAnchor`): with a frontmatter title, an H1 or a heading
 * whose text matches the title (and none: no anchor at all); without one,
 * when the file has an H1, an H1 or H2. Counting the links above that heading (Markdown links and
 * references, and each `<a` of raw HTML, which bounds the `<a href>`
 * elements the block figures count) bounds the head's links from above; a
 * clean article (a title, then text) has none there, and is let go without
 * the cost of the block features.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {EXIT, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {linkIndex} from '../../core/links.js'
import {frontmatterNodeTitle, mayMatchTitle} from './region.js'

const HTML_LINK = /<a\b/gi
const WHITE_SPACE = /\s+/g

/**
 * Whether a heading may be the one `findAnchor` takes for the frontmatter's
 * title: its text matches it, or it holds HTML (whose text the block
 * figures add; not worked out here).
 */
function mayBeTitle(heading: Heading, title: string): boolean {
  let html = false
  visit(heading, 'html', () => {
    html = true
    return EXIT
  })
  return html || mayMatchTitle(toString(heading, {includeHtml: false, includeImageAlt: false}).replace(WHITE_SPACE, ' ').trim(), title)
}

/**
 * An upper bound of the links before the article's anchor (see the module
 * comment); `Infinity` when the anchor may be any block. Zero when the file
 * has a frontmatter title and no heading (it has no anchor then).
 */
export function headLinksAtMost(tree: Root, file: VFile): number {
  const title = frontmatterNodeTitle(tree.children[0])
  const hasH1 = tree.children.some((node) => node.type === 'heading' && node.depth === 1)
  let limit: RootContent | undefined
  for (const node of tree.children) {
    if (node.type !== 'heading') continue
    if (title === undefined ? node.depth <= 2 : node.depth === 1 || mayBeTitle(node, title)) limit = node
  }
  if (title === undefined && !hasH1) return Number.POSITIVE_INFINITY
  if (!limit) return 0
  const before = limit.position?.start.offset
  if (before === undefined) return Number.POSITIVE_INFINITY
  let links = 0
  for (const site of linkIndex(tree, file).sites) {
    const top = site.ancestors[1] ?? site.node
    const start = top.position?.start.offset
    if (start === undefined) return Number.POSITIVE_INFINITY
    if (start >= before) break
    const {node} = site
    if (node.type === 'link' || node.type === 'linkReference') links++
    else if (node.type === 'html') links += node.value.match(HTML_LINK)?.length ?? 0
  }
  return links
}

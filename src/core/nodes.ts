/**
 * The block nodes of a file, walked once: every node that stands in a block
 * container (the root, block quotes, lists and their items, footnote
 * definitions) — paragraphs, headings, lists, list items, HTML blocks, code,
 * tables, thematic breaks, definitions … — in document order, each with its
 * parent and its index there. Built on first use and kept on `file.data` (for
 * the tree it was built from), so the rules that look for blocks read one
 * list instead of each walking the whole tree down to its words.
 *
 * The walk never enters a paragraph, heading, table or any other node that
 * holds phrasing content: what is inside those is inline (`core/links.ts`
 * indexes the links and inline HTML). Rules read the tree, never change it,
 * so one index serves every rule of a pass; the next pass parses a new tree
 * and gets a new index.
 *
 * @example
 *   for (const {node, parent, index} of blockIndex(tree, file).blocks) if (node.type === 'paragraph') …
 */
import type {Parents, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'

/** A block node and where it stands. */
export interface BlockSite {
  readonly node: RootContent
  /** Its parent: the root, a block quote, a list, a list item or a footnote definition. */
  readonly parent: Parents
  /** Its index among `parent.children`. */
  readonly index: number
}

/** The block nodes of one file. */
export interface BlockIndex {
  /** Every node in a block container, in document order (a container before what it holds). */
  readonly blocks: readonly BlockSite[]
}

/** Nodes whose children are blocks: the walk goes into these and nothing else. */
const CONTAINERS: ReadonlySet<string> = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition'])

function walk(parent: Parents, blocks: BlockSite[]): void {
  const children = parent.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    blocks.push({node, parent, index})
    if (CONTAINERS.has(node.type)) walk(node as Parents, blocks)
  }
}

/** The block index of `tree` (parsed from `file`), built on first use. */
export function blockIndex(tree: Root, file: VFile): BlockIndex {
  const data = file.data as {decruftBlockIndex?: {tree: Root; index: BlockIndex}}
  if (data.decruftBlockIndex?.tree === tree) return data.decruftBlockIndex.index
  const blocks: BlockSite[] = []
  walk(tree, blocks)
  const index: BlockIndex = {blocks}
  data.decruftBlockIndex = {tree, index}
  return index
}

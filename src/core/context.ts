/**
 * Per-file facts several rules need, computed once per file and kept on
 * `file.data` (never in module state): ranges of code the rules must not
 * touch, and the HTML tokens and elements of the source.
 */
import type {Nodes, Root} from 'mdast'
import type {VFile} from 'vfile'
import {pairElements, scanHtml, type Element, type Ranges, type Token} from './html.js'
import {shapeStructureOf} from '../engine/shape-check.js'

export interface SourceContext {
  readonly text: string
  /** Sorted `[start, end)` ranges of code (fenced, indented, inline) and frontmatter. */
  readonly code: Ranges
  readonly tokens: readonly Token[]
  readonly elements: readonly Element[]
  /** Whether `offset` lies in code. */
  inCode(offset: number): boolean
}

/** Node types whose source is code (or frontmatter): a range each, nothing inside them visited. */
const CODE_TYPES: ReadonlySet<string> = new Set(['code', 'inlineCode', 'yaml', 'toml'])

/** The code ranges under `node`, in document order (a plain recursion: it runs on every node of every article). */
function collectCode(node: Nodes, ranges: Array<[number, number]>): void {
  if (CODE_TYPES.has(node.type)) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) ranges.push([start, end])
    return
  }
  if ('children' in node) for (const child of node.children) collectCode(child as Nodes, ranges)
}

function codeRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  collectCode(tree, ranges)
  return ranges.sort((a, b) => a[0] - b[0])
}

/** The source context of `file`, built on first use. */
export function sourceContext(tree: Root, file: VFile): SourceContext {
  const data = file.data as {decruftContext?: SourceContext}
  if (data.decruftContext) return data.decruftContext
  const text = String(file.value)
  const code = codeRanges(tree)
  // A tag never crosses the end of the block it starts in (see scanHtml).
  const blocks = shapeStructureOf(file, tree).leaves.map((leaf) => [leaf.start, leaf.end] as const)
  const tokens = scanHtml(text, code, blocks)
  let elements: Element[] | undefined
  const context: SourceContext = {
    text,
    code,
    tokens,
    get elements() {
      elements ??= pairElements(tokens)
      return elements
    },
    inCode(offset) {
      let low = 0
      let high = code.length - 1
      while (low <= high) {
        const middle = (low + high) >> 1
        const range = code[middle]!
        if (offset < range[0]) high = middle - 1
        else if (offset >= range[1]) low = middle + 1
        else return true
      }
      return false
    },
  }
  data.decruftContext = context
  return context
}

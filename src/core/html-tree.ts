/**
 * The HTML embedded in a Markdown document, parsed as a browser would parse
 * it (parse5, through hast-util-from-html), with positions that are offsets
 * into the Markdown source. Built once per file and kept on `file.data`.
 *
 * Markdown splits HTML into nodes: a block of HTML is one `html` node, while
 * inline tags are separate `html` nodes among text (`<a href>`, `text`,
 * `</a>`). So there are two kinds of fragment:
 * - each `html` block node is parsed alone;
 * - each paragraph, heading or table cell holding inline `html` nodes is
 *   parsed as one slice of the source, in which everything that is not an
 *   `html` node is blanked to spaces (same length, line breaks kept). That
 *   keeps an element whole across its inline tags, keeps Markdown text and
 *   code out of the HTML parser, and keeps offsets exact.
 *
 * An element opened in one fragment and closed in another (`<div>`, a
 * Markdown paragraph, `</div>`) is seen as two halves: the opening tag, and
 * a stray end tag that the HTML parser ignores.
 *
 * Fragments are found once per file; each is parsed when its `root` is
 * first read.
 */
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {Nodes, Parents, Root} from 'mdast'
import type {VFile} from 'vfile'

export interface HtmlFragment {
  /**
   * The parsed fragment; every position offset is an offset into the
   * Markdown source. Parsed on first access (a rule that skips a fragment —
   * one an earlier rule removed — costs no parse).
   */
  readonly root: HastRoot
  /** Where the fragment starts and ends in the Markdown source. */
  readonly start: number
  readonly end: number
  /** `block`: one HTML block node; `inline`: the inline HTML of one paragraph, heading or cell. */
  readonly kind: 'block' | 'inline'
  /**
   * The string that was parsed: the source between `start` and `end`, with
   * the Markdown between inline tags blanked to spaces (same length, so
   * `html[i]` stands at source offset `start + i`).
   */
  readonly html: string
}

/** Shift every position in a hast tree parsed from a slice starting at `base`. */
function shift(node: HastNodes, base: number): void {
  const position = node.position
  if (position) {
    if (position.start.offset !== undefined) position.start.offset += base
    if (position.end.offset !== undefined) position.end.offset += base
  }
  const extra = (node.data as {position?: {opening?: Pos; closing?: Pos; properties?: Record<string, Pos | undefined>}} | undefined)
    ?.position
  if (extra) {
    shiftPos(extra.opening, base)
    shiftPos(extra.closing, base)
    for (const value of Object.values(extra.properties ?? {})) shiftPos(value, base)
  }
  if ('children' in node) for (const child of node.children) shift(child as HastNodes, base)
}

type Pos = {start: {offset?: number | undefined}; end: {offset?: number | undefined}}

function shiftPos(position: Pos | undefined, base: number): void {
  if (!position) return
  if (position.start.offset !== undefined) position.start.offset += base
  if (position.end.offset !== undefined) position.end.offset += base
}

/**
 * Parse `html` as a fragment, as a browser parses it (parse5, scripting off),
 * with verbose positions (opening/closing tags, attributes) shifted by `base`.
 */
export function parseHtmlFragment(html: string, base = 0): HastRoot {
  const root = fromHtml(html, {fragment: true, verbose: true})
  if (base !== 0) shift(root, base)
  return root
}

/** Blank `text[from, to)` to spaces except `keep` ranges; line breaks stay. */
function maskExcept(text: string, from: number, to: number, keep: ReadonlyArray<readonly [number, number]>): string {
  let out = ''
  let at = from
  const blank = (a: number, b: number) => text.slice(a, b).replace(/[^\r\n]/g, ' ')
  for (const [start, end] of keep) {
    out += blank(at, start) + text.slice(start, end)
    at = end
  }
  return out + blank(at, to)
}

/** A fragment whose tree is parsed when first read. */
function fragment(html: string, start: number, end: number, kind: 'block' | 'inline'): HtmlFragment {
  let root: HastRoot | undefined
  return {
    get root() {
      root ??= parseHtmlFragment(html, start)
      return root
    },
    start,
    end,
    kind,
    html,
  }
}

/** The HTML fragments of `file`, in source order, found on first use (each parsed when its `root` is read). */
export function htmlFragments(tree: Root, file: VFile): readonly HtmlFragment[] {
  const data = file.data as {decruftHtmlFragments?: HtmlFragment[]}
  if (data.decruftHtmlFragments) return data.decruftHtmlFragments
  const text = String(file.value)
  const fragments: HtmlFragment[] = []
  // Inline HTML: one fragment per paragraph, heading or cell holding html nodes (nested phrasing included).
  const inline = (node: Parents) => {
    const keep: Array<[number, number]> = []
    const collect = (parent: Parents) => {
      for (const child of parent.children as Nodes[]) {
        if (child.type === 'html') {
          const start = child.position?.start.offset
          const end = child.position?.end.offset
          if (start !== undefined && end !== undefined) keep.push([start, end])
        } else if ('children' in child) collect(child)
      }
    }
    collect(node)
    if (keep.length === 0) return
    keep.sort((a, b) => a[0] - b[0])
    const start = keep[0]![0]
    const end = keep[keep.length - 1]![1]
    fragments.push(fragment(maskExcept(text, start, end, keep), start, end, 'inline'))
  }
  // Block HTML: each html node outside phrasing content is parsed alone.
  const walk = (parent: Parents) => {
    for (const node of parent.children as Nodes[]) {
      if (node.type === 'html') {
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (start !== undefined && end !== undefined) fragments.push(fragment(text.slice(start, end), start, end, 'block'))
      } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') inline(node)
      else if ('children' in node) walk(node)
    }
  }
  walk(tree)
  fragments.sort((a, b) => a.start - b.start)
  data.decruftHtmlFragments = fragments
  return fragments
}

/** Offsets `[start, end)` of a hast node in the Markdown source, when known. */
export function hastSpan(node: HastNodes): {start: number; end: number} | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** The opening tag, closing tag and attribute spans of an element (verbose positions), when known. */
export function elementParts(element: Element): {
  opening?: {start: number; end: number} | undefined
  closing?: {start: number; end: number} | undefined
  attributes: Record<string, {start: number; end: number}>
} {
  const extra = (element.data as {position?: {opening?: Pos; closing?: Pos; properties?: Record<string, Pos | undefined>}} | undefined)
    ?.position
  const span = (pos: Pos | undefined) =>
    pos && pos.start.offset !== undefined && pos.end.offset !== undefined ? {start: pos.start.offset, end: pos.end.offset} : undefined
  const attributes: Record<string, {start: number; end: number}> = {}
  for (const [name, pos] of Object.entries(extra?.properties ?? {})) {
    const value = span(pos)
    if (value) attributes[name] = value
  }
  return {opening: span(extra?.opening), closing: span(extra?.closing), attributes}
}

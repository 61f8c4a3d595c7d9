/**
 * The JSON record of a cleaned article, built from the parsed tree and the
 * removal messages (never from a second parse): headings, links and images
 * are those of the original tree that no removal took.
 */
import type {Nodes, Root} from 'mdast'
import type {VFileMessage} from 'vfile-message'
import {countRemovals} from './engine/group.js'
import {frontmatterEnd} from './engine/fences.js'
import {countWords, readingMinutes} from './core/text.js'
import type {Removal} from './engine/removal.js'
import type {FrontmatterChange, FrontmatterData} from './rules/frontmatter/index.js'
import type {StrictProblem} from './rules/frontmatter/strict.js'

export interface RecordPoint {
  line: number
  column: number
  offset: number
}

export interface RecordRemoval {
  rule: string
  reason: string
  start: RecordPoint
  end: RecordPoint
  /** The exact text removed. */
  text: string
  /** What was put in its place (frontmatter rewrites only). */
  replacement?: string
  /** The frontmatter key concerned (frontmatter changes only). */
  key?: string
  /**
   * On each part of a removal made of several spans (an unlinked link's `[`
   * and `](url)`): the start offset of its first part, shared by all its
   * parts. Absent for a removal of one span.
   */
  group?: number
  /** `warning` for a matter of taste (check mode reports it without failing); absent for an error. */
  severity?: 'warning'
  /** How the span was widened or adjusted so the Markdown around it renders as before; absent when it was not. */
  adjusted?: string
  /** The measurements that decided the removal (link density, counts, zone …); absent when the rule gives none. */
  features?: Readonly<Record<string, string | number | boolean>>
}

/** A span a `keep` entry of the rules file kept: what `rule` would have removed (see `engine/keep.ts`). */
export interface RecordKept {
  /** The rule that would have removed it. */
  rule: string
  /** The id of the `keep` entry that kept it. */
  keep: string
  start: RecordPoint
  end: RecordPoint
}

export interface RecordWarning {
  rule: string
  reason: string
  line: number
  column: number
}

/** The JSON record written beside each clean article (see `schema/record.schema.json`). */
export interface ArticleRecord {
  /** Path of the source, relative to the input root. */
  source: string
  /** The normalised frontmatter. */
  frontmatter: FrontmatterData
  /** Every frontmatter change, old value → new. */
  changes: FrontmatterChange[]
  /** The clean Markdown body (without frontmatter). */
  markdown: string
  /** The clean body as plain text. */
  text: string
  headings: Array<{depth: number; text: string; line: number}>
  links: Array<{url: string; text: string; line: number}>
  images: Array<{url: string; alt: string; line: number}>
  stats: {
    words: number
    bytesIn: number
    bytesOut: number
    /** Reading time in minutes (230 words a minute, rounded up). */
    readingMinutes: number
    /** Removals per rule id (a removal of several parts counts once). */
    removals: Record<string, number>
  }
  removals: RecordRemoval[]
  /** The spans `keep` entries kept, in source order (a removal of several parts: each part); absent when none. */
  kept?: RecordKept[]
  warnings: RecordWarning[]
  /** With `strict`: frontmatter keys missing or of the wrong type. */
  problems: RecordWarning[]
}

const encoder = new TextEncoder()
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]{}"']+/g
const TRAILING_PUNCTUATION = /[.,:;!?*_~]+$/

/** The body of a Markdown document: what follows its frontmatter block. */
export function bodyOf(markdown: string): string {
  const end = frontmatterEnd(markdown)
  return end === undefined || end === -1 ? markdown : markdown.slice(end)
}

/**
 * Which spans of the tree the removals cover, by binary search over the
 * removals sorted by start with the furthest end so far: a record of many
 * removals (20,000 links in a paragraph) costs n log n, not n².
 */
class Covering {
  private readonly starts: number[] = []
  /** Furthest end of a removal (without replacement) among those up to each index. */
  private readonly removedTo: number[] = []
  /** Furthest end of any removal up to each index. */
  private readonly touchedTo: number[] = []
  constructor(removals: readonly Removal[]) {
    let removed = -1
    let touched = -1
    for (const removal of [...removals].sort((a, b) => a.start.offset - b.start.offset)) {
      if (!removal.replacement) removed = Math.max(removed, removal.end.offset)
      touched = Math.max(touched, removal.end.offset)
      this.starts.push(removal.start.offset)
      this.removedTo.push(removed)
      this.touchedTo.push(touched)
    }
  }

  /** Index of the last removal starting at or before `offset`, or -1. */
  private lastStartingBy(offset: number): number {
    let low = 0
    let high = this.starts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.starts[middle]! <= offset) low = middle + 1
      else high = middle
    }
    return low - 1
  }

  /** Whether one removal (not a replacement) holds all of `[start, end)`. */
  isRemoved(start: number, end: number): boolean {
    const index = this.lastStartingBy(start)
    return index !== -1 && this.removedTo[index]! >= end
  }

  /** Whether a removal holds `offset`. */
  touches(offset: number): boolean {
    const index = this.lastStartingBy(offset)
    return index !== -1 && this.touchedTo[index]! > offset
  }
}

interface Collected {
  /** Line in the input of an offset in the tree's text. */
  lineOf: (offset: number | undefined) => number
  text: string[]
  headings: ArticleRecord['headings']
  links: ArticleRecord['links']
  images: ArticleRecord['images']
}

function plain(node: Nodes, removals: Covering): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined && removals.isRemoved(start, end)) return ''
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  if (node.type === 'break') return '\n'
  if (node.type === 'image') return node.alt ?? ''
  if ('children' in node) return node.children.map((child) => plain(child as Nodes, removals)).join('')
  return ''
}

function collect(node: Nodes, removals: Covering, out: Collected): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined && removals.isRemoved(start, end)) return
  const line = out.lineOf(start)
  switch (node.type) {
    case 'yaml':
    case 'html':
    case 'definition':
      return
    case 'code':
      out.text.push(node.value)
      return
    case 'heading': {
      const text = plain(node, removals).trim()
      if (text) out.headings.push({depth: node.depth, text, line})
      out.text.push(text)
      return
    }
    case 'image':
      out.images.push({url: node.url, alt: node.alt ?? '', line})
      return
    case 'link':
      // An unlinked link (its markup removed) is only text now.
      if (start === undefined || !removals.touches(start)) {
        out.links.push({url: node.url, text: plain(node, removals).trim(), line})
      }
      break
    case 'paragraph':
    case 'tableCell': {
      out.text.push(plain(node, removals).trim())
      for (const child of node.children) collectInline(child, removals, out)
      return
    }
    default:
      break
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, removals, out)
}

function collectInline(node: Nodes, removals: Covering, out: Collected): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined && removals.isRemoved(start, end)) return
  const line = out.lineOf(start)
  if (node.type === 'text' && node.value.includes('://')) {
    // Bare URLs (GFM autolink literals are not parsed, see gfm.ts) are links too.
    for (const match of node.value.matchAll(BARE_URL)) {
      const url = match[0].replace(TRAILING_PUNCTUATION, '')
      out.links.push({url, text: url, line})
    }
  }
  if (node.type === 'image') out.images.push({url: node.url, alt: node.alt ?? '', line})
  if (node.type === 'link' && (start === undefined || !removals.touches(start))) {
    out.links.push({url: node.url, text: plain(node, removals).trim(), line})
  }
  if ('children' in node) for (const child of node.children) collectInline(child as Nodes, removals, out)
}

export interface RecordInput {
  /** The tree the record is read from, and its removals (in its own offsets). */
  tree: Root
  treeRemovals: Removal[]
  /** Line in the input of an offset in the tree's text. */
  lineOf: (offset: number | undefined) => number
  /** Warnings (messages that removed nothing). */
  warnings: readonly VFileMessage[]
  /** The normalised frontmatter, its changes and (with `strict`) its problems. */
  frontmatter: FrontmatterData
  changes: FrontmatterChange[]
  problems: readonly StrictProblem[]
  /** The article's path. */
  path: string
  /** The input as given (with its BOM, if any). */
  text: string
  /** The input without its BOM: what was parsed. */
  body: string
  /** The clean document. */
  cleaned: string
  /** Every removal, in body offsets. */
  removals: Removal[]
  /** Whether the input had a BOM, and whether the BOM was removed. */
  hasBom: boolean
  bomRemoved: boolean
  /** The spans `keep` entries kept, in body points (offsets without the BOM). */
  kept?: ReadonlyArray<{rule: string; keep: string; start: RecordPoint; end: RecordPoint}> | undefined
}

/** Build the record; removal offsets are given in the input's own offsets (counting a BOM). */
export function buildRecord(input: RecordInput): ArticleRecord {
  const {tree, treeRemovals, removals, hasBom, bomRemoved} = input
  const collected: Collected = {lineOf: input.lineOf, text: [], headings: [], links: [], images: []}
  const covering = new Covering(treeRemovals)
  for (const child of tree.children) collect(child, covering, collected)
  const text = collected.text.filter(Boolean).join('\n\n')
  const shift = hasBom ? 1 : 0
  const recordRemovals: RecordRemoval[] = []
  if (bomRemoved) {
    recordRemovals.push({
      rule: 'frontmatter',
      reason: 'Byte-order mark removed',
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 1, offset: 1},
      text: '\uFEFF',
    })
  }
  for (const removal of removals) {
    const entry: RecordRemoval = {
      rule: removal.ruleId,
      reason: removal.reason,
      start: {...removal.start, offset: removal.start.offset + shift},
      end: {...removal.end, offset: removal.end.offset + shift},
      text: removal.text,
    }
    if (removal.replacement !== undefined) entry.replacement = removal.replacement
    if (removal.key !== undefined) entry.key = removal.key
    if (removal.group !== undefined) entry.group = removal.group + shift
    if (removal.severity !== undefined) entry.severity = removal.severity
    if (removal.adjusted !== undefined) entry.adjusted = removal.adjusted
    if (removal.features !== undefined) entry.features = removal.features
    recordRemovals.push(entry)
  }
  const counts = countRemovals(recordRemovals, (removal) => removal.rule)
  const warnings: RecordWarning[] = []
  for (const message of input.warnings) {
    warnings.push({rule: message.ruleId ?? 'unknown', reason: message.reason, line: message.line ?? 1, column: message.column ?? 1})
  }
  const words = countWords(text)
  return {
    source: input.path,
    frontmatter: input.frontmatter,
    changes: input.changes,
    markdown: bodyOf(input.cleaned),
    text,
    headings: collected.headings,
    links: collected.links,
    images: collected.images,
    stats: {
      words,
      bytesIn: encoder.encode(input.text).length,
      bytesOut: encoder.encode(input.cleaned).length,
      readingMinutes: readingMinutes(words),
      removals: counts,
    },
    removals: recordRemovals,
    ...(input.kept && input.kept.length > 0
      ? {
          kept: input.kept.map((span) => ({
            rule: span.rule,
            keep: span.keep,
            start: {...span.start, offset: span.start.offset + shift},
            end: {...span.end, offset: span.end.offset + shift},
          })),
        }
      : {}),
    warnings,
    problems: input.problems.map((problem) => ({rule: 'frontmatter', reason: problem.reason, line: problem.line, column: problem.column})),
  }
}

/**
 * Judge whether a cleaning kept the Markdown around its removals as it was,
 * independently of src/engine/repair.ts: parse input and output with the
 * project's parser and compare.
 *
 * - Every leaf block of the input that keeps any text (a paragraph, heading,
 *   code block, table, …) is exactly one leaf block of the output, of the
 *   same type and heading depth, inside the same containers (quote, list,
 *   item); one no removal touched spans exactly the same text. Every leaf
 *   block of the output lies inside one of the input (no two joined).
 * - Every literal `*`, `_` or `~` the output renders was a literal of the
 *   input (no `****`, no `**Download **`).
 *
 * HTML blocks that a removal touched are not held to their type, nor is the
 * Markdown they free: what is glued below an ad region is part of its HTML
 * block until the region goes (see src/passes.ts), and is meant to become
 * Markdown then.
 */
import type {Nodes, Root} from 'mdast'
import {createParser} from '../../src/pipeline.js'

const parser = createParser()

interface Leaf {
  type: string
  /** Container path and type, e.g. `blockquote>paragraph`, `list(ordered)>listItem>heading2`. */
  kind: string
  start: number
  end: number
  /** Where its containers start. */
  containers: number[]
}

const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition'])

function leavesOf(tree: Root): Leaf[] {
  const leaves: Leaf[] = []
  const walk = (node: Nodes, path: string[], containers: number[]) => {
    if (node.type === 'root' || CONTAINERS.has(node.type)) {
      const name = node.type === 'list' ? `list(${node.ordered ? 'ordered' : 'bullet'})` : node.type
      const inner = node.type === 'root' ? containers : [...containers, node.position?.start.offset ?? 0]
      for (const child of (node as {children: Nodes[]}).children) walk(child, node.type === 'root' ? path : [...path, name], inner)
      return
    }
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const type = node.type === 'heading' ? `heading${node.depth}` : node.type
    leaves.push({type, kind: [...path, type].join('>'), start, end, containers})
  }
  walk(tree, [], [])
  return leaves
}

/** Offsets of the literal `*`, `_`, `~` a tree renders as text. */
function inlineMarks(tree: Root, text: string): {literals: number[]} {
  const literals: number[] = []
  const walk = (node: Nodes) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'text' && start !== undefined && end !== undefined) {
      for (let at = start; at < end; at++) {
        const char = text.charAt(at)
        if ((char === '*' || char === '_' || char === '~') && text.charAt(at - 1) !== '\\') literals.push(at)
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return {literals}
}

export interface Span {
  start: number
  end: number
}

/** Map offsets of the output back to the input, given the removed spans (input offsets, sorted, pure removals). */
function outputToInput(removals: readonly Span[]): (offset: number, side: 'start' | 'end') => number {
  const gaps: Array<{at: number; length: number}> = []
  let shift = 0
  for (const removal of removals) {
    gaps.push({at: removal.start - shift, length: removal.end - removal.start})
    shift += removal.end - removal.start
  }
  return (offset, side) => {
    let total = 0
    for (const gap of gaps) {
      if (gap.at > offset || (gap.at === offset && side === 'end')) break
      total += gap.length
    }
    return offset + total
  }
}

/** Whether text other than white space and quote markers at a line's start is kept in `[start, end)`. */
function isKept(input: string, removals: readonly Span[], start: number, end: number): boolean {
  let kept = ''
  for (let at = start; at < end; at++) {
    if (!removals.some((removal) => removal.start <= at && at < removal.end)) kept += input.charAt(at)
  }
  return kept.replace(/^[ \t>]*/gm, '').trim() !== ''
}

/**
 * What changed around the removals, in words (empty when nothing did).
 * `removals` are the input spans that went (pure removals only).
 */
export function renderingDamage(input: string, output: string, removals: readonly Span[]): string[] {
  const sorted = [...removals].sort((a, b) => a.start - b.start)
  const map = outputToInput(sorted)
  const touches = (start: number, end: number) => sorted.some((removal) => removal.start < end && removal.end > start)
  const inputLeaves = leavesOf(parser.parse(input))
  const outputLeaves = leavesOf(parser.parse(output)).map((leaf) => ({
    ...leaf,
    start: map(leaf.start, 'start'),
    end: map(leaf.end, 'end'),
    containers: leaf.containers.map((at) => map(at, 'start')),
  }))
  const damage: string[] = []
  const show = (leaf: Leaf) => `${leaf.kind} ${JSON.stringify(input.slice(leaf.start, leaf.end).slice(0, 60))}`
  // Text of an HTML block a removal touched was not Markdown in the input: what it becomes is not compared,
  // nor what that new Markdown takes in below it.
  const freed = inputLeaves.filter((leaf) => leaf.type === 'html' && touches(leaf.start, leaf.end))
  const isFreed = (offset: number) => freed.some((leaf) => leaf.start <= offset && offset < leaf.end)
  // An output block is freed when it, or a list or quote it is in, starts in such HTML.
  const isFreedLeaf = (out: Leaf) => isFreed(out.start) || out.containers.some(isFreed)
  const freedOutput = outputLeaves.filter(isFreedLeaf)
  for (const leaf of inputLeaves) {
    if (!isKept(input, sorted, leaf.start, leaf.end)) continue
    const touched = touches(leaf.start, leaf.end)
    if (touched && leaf.type === 'html') continue
    if (freedOutput.some((out) => out.start < leaf.end && out.end > leaf.start)) continue
    const inside = outputLeaves.filter((out) => out.start >= leaf.start && out.end <= leaf.end)
    if (inside.length !== 1) {
      damage.push(`${show(leaf)} became ${inside.length === 0 ? 'part of another block' : inside.map((out) => out.kind).join(' + ')}`)
      continue
    }
    const out = inside[0]!
    if (out.kind !== leaf.kind) damage.push(`${show(leaf)} became ${out.kind}`)
    else if (!touched && (out.start !== leaf.start || out.end !== leaf.end)) damage.push(`${show(leaf)} changed its extent`)
  }
  for (const out of outputLeaves) {
    if (isFreedLeaf(out)) continue
    const holder = inputLeaves.find((leaf) => out.start >= leaf.start && out.end <= leaf.end)
    if (!holder) damage.push(`output ${out.kind} ${JSON.stringify(input.slice(out.start, out.end).slice(0, 60))} joins input blocks`)
  }
  const before = inlineMarks(parser.parse(input), input)
  const after = inlineMarks(parser.parse(output), output)
  const keptLiterals = new Set(before.literals.filter((at) => !touches(at, at + 1)))
  for (const at of after.literals) {
    const origin = map(at, 'start')
    if (keptLiterals.has(origin) || isFreed(origin)) continue
    damage.push(`literal ${JSON.stringify(output.slice(Math.max(0, at - 20), at + 20))} was a delimiter or removed`)
  }
  return damage
}

/**
 * duplicate-paragraph: remove paragraphs that a scraper or spinner repeated,
 * keeping the first copy.
 *
 * Candidates are the top-level paragraphs only (children of the document
 * root). Two paragraphs are copies when their text is the same: the paragraph
 * as plain text (Markdown markup, link URLs and inline HTML dropped, image alt
 * text kept), white space collapsed, trimmed; case counts. A paragraph that an
 * earlier rule already removed is no copy (nor a first copy). A later copy
 * goes when it is
 * - **a long paragraph doubled**: its text is at least `minLength` (120)
 *   characters and `minWords` (20) words, CJK characters counting as one
 *   word each (see `countWords`), and it stands right after the first copy
 *   (only blocks an earlier rule removed between them). Further away the same
 *   words are usually deliberate (API docs describe two functions alike, a
 *   chorus comes back after a verse), so those copies stay.
 * - **an intro pasted again at the end**: the text occurs exactly twice, the
 *   first copy among the first `introParagraphs` (3) top-level paragraphs,
 *   the second among the last `outroBlocks` (5) top-level blocks and not in
 *   the intro itself, and it is at least `minIntroLength` (60) characters and
 *   `minIntroWords` (10) words. (Blocks already removed, raw HTML blocks and
 *   link definitions do not count towards the outro: the ads and link farms
 *   that close scraped posts are not text.) A sentence used three times is a
 *   refrain, not a pasted intro, and stays.
 *
 * Keeps, every copy: how-to steps repeated across methods ("When prompted,
 * press Yes to continue."), code introductions ("Take a look at the code
 * below:"), short lines, and always
 * - step-numbered paragraphs (`c. Double-click …`, `2) Run …`, `Step 3: …`),
 * - paragraphs ending in a colon (`:` or `：`): they introduce the code or list after them,
 *   and the same introduction before two examples is writing, not spam,
 * - anything that is not a top-level paragraph: list items, table cells,
 *   blockquotes (a pull quote repeats the body on purpose), headings, code.
 *
 * @example
 *   This guide explains how to fix a frozen spinner key on a desk-top keyboard, step by step, with five fixes that work.
 *
 *   ## Fix 1
 *
 *   Clean the keys.
 *
 *   This guide explains how to fix a frozen spinner key on a desk-top keyboard, step by step, with five fixes that work.
 *   → the last paragraph goes (an intro pasted again at the end).
 */
import type {List, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan} from '../../engine/span.js'
import {countWords} from '../../core/text.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {section} from './section.js'

export const meta = {
  id: 'duplicate-paragraph',
  description: 'Paragraphs repeated by a scraper or spinner: a long paragraph repeated verbatim, an intro pasted again at the end.',
  removalOnly: true,
  group: 'spam',
  shapes: ['block'],
} as const

/** `c. Double-click …`, `2) Run …`, `(iv) Open …`, `Step 3: …` — a numbered step, repeated on purpose. */
const STEP_NUMBER = /^(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)]|step\s*\d+\s*[:.)-]?)\s/iu
const WHITE_SPACE = /\s+/gu
/** Ends in a colon (also the full-width one of CJK text): it introduces the block after it. */
const INTRODUCES_NEXT = /[:：]$/u

/** A top-level paragraph still in the document. */
interface Candidate {
  text: string
  start: number
  end: number
  line: number
  /** Its rank among the paragraphs still in the document (0 = the first). */
  paragraph: number
  /** Whether it is among the last `outroBlocks` blocks that count. */
  inOutro: boolean
  /** Its rank among the top-level blocks still in the document: copies one apart stand back to back. */
  block: number
}

/** The paragraph's comparable text: plain text, white space collapsed. */
function normalisedText(node: RootContent): string {
  return toString(node, {includeHtml: false}).replace(WHITE_SPACE, ' ').trim()
}

/** Whether a repeat of `text` may be spam at all (not a step, not an introduction to what follows). */
function mayBeSpam(text: string): boolean {
  return !STEP_NUMBER.test(text) && !INTRODUCES_NEXT.test(text)
}

/** For each top-level child, whether an earlier rule removed it whole. */
function removedChildren(tree: Root, file: VFile): boolean[] {
  const removed = removedSpans(file)
  return tree.children.map((child) => {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    return start !== undefined && end !== undefined && removed.covers(start, end)
  })
}

/** Blocks that count towards the outro: text, not raw HTML or link definitions. */
function countsAsBlock(node: RootContent): boolean {
  return node.type !== 'html' && node.type !== 'definition' && node.type !== 'yaml' && (node.type as string) !== 'toml'
}

/** Whether `a` and `b` are lists that would merge into one if they stood together (same kind, same bullet). */
function sameKindOfList(a: RootContent, b: RootContent, text: string): boolean {
  if (a.type !== 'list' || b.type !== 'list' || a.ordered !== b.ordered) return false
  const marker = (list: List) => {
    const start = list.position?.start.offset
    return start === undefined ? undefined : /^\s*([-+*]|\d{1,9}([.)]))/.exec(text.slice(start, start + 12))?.[a.ordered ? 2 : 1]
  }
  const first = marker(a)
  return first !== undefined && first === marker(b)
}

/** The top-level paragraphs still in the document, with their place in it. */
function candidatesOf(tree: Root, file: VFile, outroBlocks: number): Candidate[] {
  const removed = removedChildren(tree, file)
  const outro = new Set<number>()
  const text = String(file.value)
  // The block counted last (walking back) and whether only removed blocks lie between it and `index`.
  let later: number | undefined
  for (let index = tree.children.length - 1; index >= 0 && outro.size < outroBlocks; index--) {
    if (removed[index]) continue
    const node = tree.children[index]!
    // Two lists of one kind with only removed blocks between them (an ad
    // between two items) are one list once the ad is gone: count them once,
    // so a second clean sees the same outro.
    if (later !== undefined && sameKindOfList(node, tree.children[later]!, text)) continue
    later = index
    if (countsAsBlock(node)) outro.add(index)
  }
  const candidates: Candidate[] = []
  let block = -1
  tree.children.forEach((node, index) => {
    if (removed[index]) return
    block++
    if (node.type !== 'paragraph') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const text = normalisedText(node)
    const line = node.position?.start.line ?? 0
    if (text) candidates.push({text, start, end, line, paragraph: candidates.length, inOutro: outro.has(index), block})
  })
  return candidates
}

/**
 * Why `copy`, a later copy of `first` (right after the copy `previous`) that
 * occurs `copies` times in all, goes — or undefined when it stays.
 */
function removalReason(
  first: Candidate,
  previous: Candidate,
  copy: Candidate,
  copies: number,
  rules: RuleSet['duplicateParagraph'],
): string | undefined {
  const {text} = copy
  if (!mayBeSpam(text)) return undefined
  const words = countWords(text)
  const isIntroPastedAtEnd =
    copies === 2 &&
    first.paragraph < rules.introParagraphs &&
    !first.inOutro &&
    copy.inOutro &&
    copy.paragraph >= rules.introParagraphs &&
    text.length >= rules.minIntroLength &&
    words >= rules.minIntroWords
  if (isIntroPastedAtEnd) return `Intro paragraph pasted again at the end (first at line ${first.line})`
  // A scraper's double sits right after the copy before it (a run of three
  // loses two: once the second is gone, the third stands right after the
  // first). Further away, the same words are usually written on purpose (API
  // docs describe two functions alike; a song's chorus comes back after a verse).
  const isLong = text.length >= rules.minLength && words >= rules.minWords && copy.block === previous.block + 1
  return isLong ? `Long paragraph repeated verbatim, back to back (first at line ${previous.line})` : undefined
}

/** Find repeated top-level paragraphs and report every copy after the first. */
export function findDuplicateParagraphs(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.duplicateParagraph
  const candidates = candidatesOf(tree, file, options.outroBlocks)
  const copiesByText = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    const copies = copiesByText.get(candidate.text)
    if (copies) copies.push(candidate)
    else copiesByText.set(candidate.text, [candidate])
  }
  const text = String(file.value)
  for (const candidate of candidates) {
    const copies = copiesByText.get(candidate.text)!
    const at = copies.indexOf(candidate)
    if (at === 0) continue
    const reason = removalReason(copies[0]!, copies[at - 1]!, candidate, copies.length, options)
    if (reason !== undefined) reportRemoval(file, {ruleId: meta.id, reason, ...blockSpan(text, candidate.start, candidate.end)})
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findDuplicateParagraphs, section)

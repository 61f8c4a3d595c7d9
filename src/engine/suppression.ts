/**
 * Inline suppression: HTML comments that keep content a rule would remove,
 * ESLint-style, for text that only looks like spam.
 *
 * - `<!-- decruft-disable-next-line link-farm -->`: no `link-farm` removal may
 *   start between the comment and the end of the next line that is neither
 *   blank nor only directive comments (so the directive may stand above a
 *   block with a blank line between, and directives may be stacked);
 * - `<!-- decruft-disable-line ad-slot -->`: none may start on the comment's
 *   own line (or at the line break just before it);
 * - `<!-- decruft-disable ad-slot, link-farm -->` … `<!-- decruft-enable -->`:
 *   none may start from the disabling comment to the end of the enabling one;
 *   `<!-- decruft-enable link-farm -->` re-enables that rule only, and a
 *   `disable` that is never enabled again runs to the end of the text.
 *
 * No rule list means every rule; ids are separated by commas and/or spaces,
 * and ` -- ` starts a free-text reason (`<!-- decruft-disable-line ad-slot --
 * our own sponsor -->`). Ids are not checked here (this module must not know
 * the rules, which import it through `reportRemoval`): an unknown id simply
 * never matches; {@link unknownDirectiveRules} lists them for a caller that
 * wants to warn.
 *
 * What it keeps: directives that Markdown shows as code do nothing, so a
 * README documenting the syntax suppresses nothing. Without the tree (the
 * check runs inside `reportRemoval`), code is told by a line scan, an
 * approximation that errs towards "code" (a directive taken for code is
 * ignored, so the content is cleaned as if it were not there):
 * - lines in fenced code (```` ``` ```` / `~~~`, after `>` and one list
 *   marker, at any indentation) up to the closing fence or the end of text;
 * - lines indented by 4 columns or more after a blank line, a heading or
 *   other such lines (indented code; in a list item, write directives
 *   unindented or by 3 spaces at most);
 * - matches inside a backtick code span on the same line (a span that
 *   crosses lines is not seen), and a `<` escaped with a backslash;
 * - a YAML (`---`) or TOML (`+++`) frontmatter block at the start.
 * A directive must stay on one line.
 *
 * What it never keeps:
 * - the finds of rules that cannot be suppressed inline
 *   ({@link protectFromInlineSuppression}; the `safety` group, so that
 *   scraped content decides nothing about safety; only the user's config or
 *   flags switch those rules off). A directive that would have kept such a
 *   find keeps nothing, and the caller warns ({@link overriddenDirectives});
 * - anything, when the directive itself lies in a span that another removal
 *   takes ({@link setInertDirectives}): the comment is gone from the output,
 *   so it must not act on the first clean either, or the second clean would
 *   do what the first did not. Which directives are inert is settled by the
 *   caller (`src/passes.ts`): clean with every directive, mark those a removal
 *   overlaps inert, clean again, until no more go. A directive that keeps
 *   the very removal that would take it (`decruft-disable-line ad-slot` on
 *   the ad's own line) stays in force: that removal is not made, so nothing
 *   takes the comment, on the first clean as on the second.
 *
 * @example
 *   const directives = findDirectives('<!-- decruft-disable-next-line link-farm -->\nRelated: [a](/a)')
 *   // → [{kind: 'disable-next-line', rules: ['link-farm'], start: 0, end: 44, line: 1, scope: {start: 0, end: 61}}]
 */
import type {VFile} from 'vfile'

/** What a directive does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line'

/** A suppression comment found in a text. */
export interface Directive {
  kind: DirectiveKind
  /** The rule ids it names, as written; empty: every rule. */
  rules: readonly string[]
  /** Offsets of the comment (`<!--` to `-->`). */
  start: number
  end: number
  /** 1-indexed line of the comment. */
  line: number
  /** The text after ` -- `, when given. */
  reason?: string
  /** For `disable-line` and `disable-next-line`: where removals may not start (end exclusive). */
  scope?: {start: number; end: number}
}

/** A span (end exclusive). */
interface Range {
  start: number
  end: number
}

/** A span where a rule's removals may not start, and the directive that makes it (a region: its `disable`). */
interface SuppressedRange extends Range {
  directive: Directive
}

const DIRECTIVE = /<!--[ \t]*decruft-(disable-next-line|disable-line|disable|enable)(?=\s|-->)(.*?)-->/g
const BLOCK_QUOTE = /^(?:[ \t]{0,3}>[ \t]?)*/
const LIST_MARKER = /^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+/
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/
const BLANK = /^[ \t]*$/

/** One line of the text: its offsets (end at the `\n`, or the text's end) and content without `\r`. */
interface Line {
  start: number
  end: number
  content: string
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  for (let start = 0; ; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline
    const content = text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end)
    lines.push({start, end, content})
    if (newline === -1) return lines
    start = newline + 1
  }
}

/** Columns of leading white space (a tab to the next multiple of 4). */
function indentOf(content: string): number {
  let columns = 0
  for (const char of content) {
    if (char === ' ') columns++
    else if (char === '\t') columns += 4 - (columns % 4)
    else break
  }
  return columns
}

/** Index of the line that closes a frontmatter block opening the text, or -1. */
function frontmatterEnd(lines: readonly Line[]): number {
  const fence = lines[0]?.content.trimEnd()
  if (fence !== '---' && fence !== '+++') return -1
  for (let index = 1; index < lines.length; index++) {
    const content = lines[index]!.content.trimEnd()
    if (content === fence || (fence === '---' && content === '...')) return index
  }
  return -1
}

/** The `[start, end)` column ranges of the backtick code spans on one line. */
function codeSpansOf(content: string): Range[] {
  const runs: Range[] = []
  for (let index = content.indexOf('`'); index !== -1; index = content.indexOf('`', index)) {
    let end = index
    while (content[end] === '`') end++
    if (content[index - 1] !== '\\') runs.push({start: index, end})
    index = end
  }
  const spans: Range[] = []
  for (let open = 0; open < runs.length; open++) {
    const opener = runs[open]!
    const length = opener.end - opener.start
    const close = runs.findIndex((run, index) => index > open && run.end - run.start === length)
    if (close === -1) continue
    spans.push({start: opener.start, end: runs[close]!.end})
    open = close
  }
  return spans
}

/** Whether the character at `index` is escaped by an odd run of backslashes. */
function isEscaped(content: string, index: number): boolean {
  let count = 0
  while (content[index - 1 - count] === '\\') count++
  return count % 2 === 1
}

function parseBody(body: string): {rules: string[]; reason?: string} {
  const split = /(?:^|\s)--(?:\s|$)/.exec(body)
  const list = split ? body.slice(0, split.index) : body
  const rules = list.split(/[\s,]+/).filter((id) => id !== '')
  const reason = split ? body.slice(split.index + split[0].length).trim() : ''
  return reason === '' ? {rules} : {rules, reason}
}

/**
 * Every suppression directive in `text` that Markdown would show as an HTML
 * comment (see the module comment for how code is told), in text order.
 * `disable-line` and `disable-next-line` directives carry their `scope`.
 */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('decruft-')) return []
  const lines = linesOf(text)
  const directives: Directive[] = []
  /** Lines that hold only directives: a `disable-next-line` above them looks past them. */
  const directiveOnly = new Set<number>()
  let fence: {char: string; length: number} | undefined
  let previousBlank = true
  let previousCode = false
  for (let index = frontmatterEnd(lines) + 1; index < lines.length; index++) {
    const line = lines[index]!
    const quoted = line.content.slice(BLOCK_QUOTE.exec(line.content)![0].length)
    const inner = quoted.slice(LIST_MARKER.exec(quoted)?.[0].length ?? 0)
    const blank = BLANK.test(quoted)
    if (fence) {
      const close = FENCE.exec(inner)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && BLANK.test(close[2]!)) fence = undefined
      previousBlank = false
      previousCode = true
      continue
    }
    const open = FENCE.exec(inner)
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = {char: open[1]![0]!, length: open[1]!.length}
      previousBlank = false
      previousCode = true
      continue
    }
    if (!blank && indentOf(quoted) >= 4 && (previousBlank || previousCode)) {
      previousBlank = false
      previousCode = true
      continue
    }
    previousBlank = blank
    previousCode = ATX_HEADING.test(quoted)
    if (!line.content.includes('decruft-')) continue
    const codeSpans = codeSpansOf(line.content)
    let rest = line.content
    for (const match of line.content.matchAll(DIRECTIVE)) {
      const column = match.index
      if (isEscaped(line.content, column) || codeSpans.some((span) => span.start <= column && column < span.end)) continue
      const {rules, reason} = parseBody(match[2]!)
      const directive: Directive = {
        kind: match[1] as DirectiveKind,
        rules,
        start: line.start + column,
        end: line.start + column + match[0].length,
        line: index + 1,
      }
      if (reason !== undefined) directive.reason = reason
      if (directive.kind === 'disable-line') {
        // From the line break before the line: a span glued to the end of the line above starts there.
        const before = line.start === 0 ? 0 : text.charCodeAt(line.start - 2) === 13 ? line.start - 2 : line.start - 1
        directive.scope = {start: before, end: line.end}
      }
      directives.push(directive)
      rest = rest.replace(match[0], '')
    }
    if (rest !== line.content && BLANK.test(rest)) directiveOnly.add(index)
  }
  for (const directive of directives) {
    if (directive.kind !== 'disable-next-line') continue
    let target = directive.line
    while (target < lines.length && (BLANK.test(lines[target]!.content) || directiveOnly.has(target))) target++
    directive.scope = {start: directive.start, end: lines[target]?.end ?? text.length}
  }
  return directives
}

/** Whether a directive names `ruleId` (or names no rule, so every rule). */
function names(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.includes(ruleId)
}

/** Where removals by `ruleId` may not start, given the text's directives. */
export function suppressedRanges(directives: readonly Directive[], ruleId: string): Array<{start: number; end: number}> {
  return rangesOf(directives, ruleId).map(({start, end}) => ({start, end}))
}

function rangesOf(directives: readonly Directive[], ruleId: string): SuppressedRange[] {
  const ranges: SuppressedRange[] = []
  let region: Directive | undefined
  for (const directive of directives) {
    if (!names(directive, ruleId)) continue
    if (directive.scope) ranges.push({...directive.scope, directive})
    else if (directive.kind === 'disable') region ??= directive
    else if (region !== undefined) {
      ranges.push({start: region.start, end: directive.end, directive: region})
      region = undefined
    }
  }
  if (region !== undefined) ranges.push({start: region.start, end: Number.POSITIVE_INFINITY, directive: region})
  return ranges
}

/** The directives of a file's text and, per rule, the ranges they make; computed once per file. */
interface Suppressions {
  text: string
  directives: Directive[]
  ranges: Map<string, SuppressedRange[]>
}

interface SuppressionData {
  decruftSuppressions?: Suppressions
  decruftSuppressed?: number
  /** Rule ids whose finds no directive keeps. */
  decruftProtected?: Set<string>
  /** Directives (by start offset) that act on nothing: they lie in a span another removal takes. */
  decruftInert?: (start: number) => boolean
  /** Directives that would have kept a protected rule's find. */
  decruftOverridden?: Set<Directive>
}

function suppressionsOf(file: VFile): Suppressions {
  const data = file.data as SuppressionData
  const text = String(file.value)
  // A file's text is fixed for a pass; the check only guards a file reused with new text.
  if (data.decruftSuppressions?.text !== text) {
    const inert = data.decruftInert
    const directives = findDirectives(text)
    data.decruftSuppressions = {
      text,
      directives: inert ? directives.filter((directive) => !inert(directive.start)) : directives,
      ranges: new Map(),
    }
  }
  return data.decruftSuppressions
}

/**
 * Make the directives of `file` whose start offset `isInert` accepts act on
 * nothing (they lie in a span another removal takes; see the module
 * comment). Call before any rule runs on `file`.
 */
export function setInertDirectives(file: VFile, isInert: (start: number) => boolean): void {
  const data = file.data as SuppressionData
  data.decruftInert = isInert
  delete data.decruftSuppressions
}

/**
 * Note that no directive may keep the finds of `ruleId` in `file`
 * (`defineRule` calls this for the rules of the `safety` group before they
 * run): a directive that would keep one is noted instead
 * ({@link overriddenDirectives}) and the removal is made.
 */
export function protectFromInlineSuppression(file: VFile, ruleId: string): void {
  const data = file.data as SuppressionData
  data.decruftProtected ??= new Set()
  data.decruftProtected.add(ruleId)
}

/** The directives of `file` that would have kept a find of a protected rule, in the order first met. */
export function overriddenDirectives(file: VFile): readonly Directive[] {
  return [...((file.data as SuppressionData).decruftOverridden ?? [])]
}

/** The suppression directives in force in `file`'s text (computed once, kept on `file.data`; inert ones left out). */
export function directivesOf(file: VFile): readonly Directive[] {
  return suppressionsOf(file).directives
}

/**
 * Whether a removal by `ruleId` starting at `offset` of `file`'s text is
 * suppressed by a directive. Never for a protected rule
 * ({@link protectFromInlineSuppression}): the directive that would have
 * kept the find is noted instead ({@link overriddenDirectives}).
 */
export function isSuppressed(file: VFile, ruleId: string, offset: number): boolean {
  const suppressions = suppressionsOf(file)
  if (suppressions.directives.length === 0) return false
  let ranges = suppressions.ranges.get(ruleId)
  if (!ranges) {
    ranges = rangesOf(suppressions.directives, ruleId)
    suppressions.ranges.set(ruleId, ranges)
  }
  const range = ranges.find((candidate) => candidate.start <= offset && offset < candidate.end)
  if (!range) return false
  const data = file.data as SuppressionData
  if (!data.decruftProtected?.has(ruleId)) return true
  data.decruftOverridden ??= new Set()
  data.decruftOverridden.add(range.directive)
  return false
}

/** Count one removal kept by a directive (`reportRemoval` calls this). */
export function noteSuppressed(file: VFile): void {
  const data = file.data as SuppressionData
  data.decruftSuppressed = (data.decruftSuppressed ?? 0) + 1
}

/**
 * How many removals directives kept in `file` (`file.data.decruftSuppressed`).
 * Per pass: `clean` runs the rules again on a re-parsed text when it must,
 * and a removal kept in the first pass is kept (and counted) again there.
 */
export function suppressedCount(file: VFile): number {
  return (file.data as SuppressionData).decruftSuppressed ?? 0
}

/**
 * The rule ids that directives name but `knownIds` does not hold (a typo
 * suppresses nothing), for a caller that knows the rules and wants to warn.
 */
export function unknownDirectiveRules(
  directives: readonly Directive[],
  knownIds: Iterable<string>,
): Array<{directive: Directive; ruleId: string}> {
  const known = new Set(knownIds)
  return directives.flatMap((directive) => directive.rules.filter((id) => !known.has(id)).map((ruleId) => ({directive, ruleId})))
}

/**
 * The names in directives that suppression comments cannot act on: ids of
 * rules in `protectedIds` and names in `protectedGroups` (the `safety` group
 * and its rules), for a caller that knows the rules and wants to warn.
 */
export function protectedDirectiveRules(
  directives: readonly Directive[],
  protectedIds: ReadonlySet<string>,
  protectedGroups: ReadonlySet<string>,
): Array<{directive: Directive; ruleId: string}> {
  return directives.flatMap((directive) =>
    directive.rules.filter((id) => protectedIds.has(id) || protectedGroups.has(id)).map((ruleId) => ({directive, ruleId})),
  )
}

/**
 * clean(text, options) → { markdown, record, messages }. Pure: no I/O.
 *
 * Parse once, let every rule find its spans, then splice them out of the
 * original text in one pass, so that every byte outside a removed span (and
 * outside a rewritten frontmatter) is the author's.
 *
 * Broken YAML frontmatter (a scraper's unquoted title, a missing closing
 * fence) is repaired before parsing; the rules run on the repaired text and
 * their finds are carried back to the input (`engine/repaired.ts`), each repair
 * recorded. Frontmatter no repair makes readable is kept as written, with a
 * warning; the body is cleaned either way.
 */
import {VFileMessage} from 'vfile-message'
import {reportWarning, SOURCE, withoutStack} from './engine/removal.js'
import {directivesOf, unknownDirectiveRules} from './engine/suppression.js'
import {applyRemovals} from './engine/apply.js'
import {DeadlineExceeded, startDeadline} from './engine/deadline.js'
import {EditMap} from './engine/edit-map.js'
import {readableLineEndings, withOriginalLineEndings} from './engine/line-endings.js'
import {pointsOf} from './engine/points.js'
import {findParseHazard} from './engine/guard.js'
import {guardLimits, type GuardLimits} from './engine/guard-limits.js'
import {coveredEdit, removalGroups} from './engine/group.js'
import type {ShapeCheckMode} from './engine/shape-check.js'
import {formatDocument} from './format.js'
import {findRemovalsInPasses, type Passes} from './passes.js'
import type {FrontmatterFileData} from './rules/frontmatter/index.js'
import {checkFrontmatterOptions, FrontmatterOptionsError, type FrontmatterOptions} from './rules/frontmatter/options.js'
import type {CompiledFilterLists} from './rules/filter-list/lists.js'
import {findFrontmatterRepairs} from './rules/frontmatter/repair.js'
import {bodyOf, buildRecord, type ArticleRecord, type RecordInput, type RecordRemoval} from './record.js'
import {disabledRules, inlineProtected, ruleIds, UnknownRuleError, type RuleName} from './pipeline.js'
import {rebase} from './engine/repaired.js'
import {warnProtectedDirectiveRules} from './suppression-warnings.js'
import type {RuleSet} from './ruleset/compile.js'
import type {RunOptions} from './ruleset/run-options.js'
import type {TemplateIndex} from './rules/site-template/template-index.js'
import {defaultRuleSet} from './ruleset/index.js'

export interface CleanOptions {
  /** Compiled rules; the defaults when omitted (see `createRuleSet`). */
  rules?: RuleSet | undefined
  /** Filter lists for the `filter-list` rule (see `compileFilterLists` in `decruft/filter-lists`). Default: none. */
  filterLists?: CompiledFilterLists | undefined
  /** Rule ids or groups to switch off (wins over `enable`). */
  disable?: readonly RuleName[] | undefined
  /** Rule ids or groups to switch on besides the defaults (e.g. `boilerplate`, off by default). */
  enable?: readonly RuleName[] | undefined
  /** Re-serialise the clean Markdown with remark-stringify (canonical formatting). Default: false. */
  format?: boolean | undefined
  /** Path of the article, used in messages and as the record's `source`. */
  path?: string | undefined
  /** Refuse inputs longer than this many characters. Default: 1 MiB ({@link DEFAULT_MAX_LENGTH}). */
  maxLength?: number | undefined
  /**
   * How deep and how many, checked in one linear pass before parsing (see
   * `GuardLimits`): nesting of lists and block quotes (default 64), of link
   * brackets (64) and of HTML elements (256); emphasis delimiters and
   * closing brackets in one paragraph (3,000 each), and the sum over the
   * paragraphs of their squares (100,000,000); lines, list items and lines
   * times their nesting (one per 32, 100 and 16 characters of `maxLength`).
   * A document over a limit throws a `CleanError` naming the place and the
   * limit.
   */
  limits?: Partial<GuardLimits> | undefined
  /** How frontmatter is written: dialect, site generator, default zone, strict checks, derived fields (see `FrontmatterOptions`). */
  frontmatter?: FrontmatterOptions | undefined
  /**
   * What a removal that breaks its rule's shape does (a bug in the rule, see
   * `engine/shape.ts`): `warn` drops it and reports a warning naming the rule
   * and the shape; `throw` fails the article with the `ShapeError`. Default:
   * the `DECRUFT_SHAPE_CHECK` environment variable (`throw` in the tests),
   * else `warn`.
   */
  shapeCheck?: ShapeCheckMode | undefined
  /**
   * Time budget in milliseconds: once it is spent, the clean gives up with a
   * CleanError `timed out after N s`. Checked between steps (each parse, each
   * rule, building the record, formatting); a step under way is not
   * interrupted (see `engine/deadline.ts`). Default: none (0 too).
   */
  timeout?: number | undefined
  /**
   * A site-template index (`parseTemplateIndex(json)`, or a learner's
   * `index`): the `site-template` rule removes the blocks it shows to be
   * this article's site template. Default: none (the rule does nothing).
   */
  templates?: TemplateIndex | undefined
}

export interface CleanResult {
  /** The clean document: frontmatter and body. */
  markdown: string
  /** The JSON record of the article. */
  record: ArticleRecord
  /** Every message: one per removal (a removal of several parts is one), plus warnings and (with `strict`) problems. */
  messages: VFileMessage[]
  /** Removals in source order (offsets into the input, counting a BOM). */
  removals: RecordRemoval[]
}

/** A problem that makes an article impossible to clean; names the place and the cause. */
export class CleanError extends Error {
  override readonly name = 'CleanError'
  /** The cause alone, without the place. */
  readonly reason: string
  constructor(
    reason: string,
    readonly path: string,
    readonly line?: number,
    readonly column?: number,
    options?: {cause?: unknown},
  ) {
    super(`${path}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${reason}`, options)
    this.reason = reason
  }
}

const BOM = 0xfeff
/**
 * Default size limit: 1 MiB. A 1 MB article costs remark-parse alone some
 * 250 MB and seconds; 5 MB, over a gigabyte (see docs/limits.md).
 */
export const DEFAULT_MAX_LENGTH = 1024 * 1024

/** Clean one article. Throws {@link CleanError} when the input cannot be cleaned. */
export function clean(text: string, options: CleanOptions = {}): CleanResult {
  const path = options.path ?? 'input.md'
  const deadline = startDeadline(options.timeout)
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH
  if (text.length > maxLength) {
    throw new CleanError(`file too large (${text.length} characters, limit ${maxLength})`, path)
  }
  if (text.includes('\u0000')) throw new CleanError('binary file (contains NUL bytes)', path)
  const rules = options.rules ?? defaultRuleSet()
  let frontmatter: FrontmatterOptions | undefined
  if (options.frontmatter) {
    try {
      frontmatter = checkFrontmatterOptions(rules, options.frontmatter)
    } catch (error) {
      if (error instanceof FrontmatterOptionsError) throw new CleanError(error.message, path)
      throw error
    }
  }
  // The run's choices travel beside the rule set, not in it.
  const run: RunOptions = {
    ...(options.filterLists ? {filterLists: options.filterLists} : {}),
    ...(frontmatter ? {frontmatter} : {}),
    ...(options.templates ? {templates: options.templates} : {}),
  }
  let disabled: Set<string>
  try {
    disabled = disabledRules(options)
  } catch (error) {
    if (error instanceof UnknownRuleError) throw new CleanError(error.message, path)
    throw error
  }
  const hasBom = text.charCodeAt(0) === BOM
  // "A BOM goes" is part of frontmatter normalisation: with that rule off, it stays.
  const bomRemoved = hasBom && !disabled.has('frontmatter')
  const body = hasBom ? text.slice(1) : text
  // Before the parse: a shape whose parse cost explodes is refused in one linear pass.
  const hazard = findParseHazard(body, guardLimits(maxLength, options.limits))
  if (hazard) throw new CleanError(hazard.reason, path, hazard.line, hazard.column)
  try {
    // Scrapers' broken YAML is repaired first (the parser decides where frontmatter ends); the rules run on the result.
    // The rules read lone `\r` line endings as `\n` (same offsets); the output is cut from the author's text (line-endings.ts).
    const readable = readableLineEndings(body)
    const repairs = disabled.has('frontmatter') ? {edits: [], changes: []} : findFrontmatterRepairs(readable, rules)
    const repaired = new EditMap(readable, repairs.edits)
    deadline.check()
    const passes = findRemovalsInPasses(repaired.text, path, rules, disabled, options.shapeCheck, deadline, run)
    deadline.check()
    warnUnknownDirectiveRules(passes)
    const fileData = passes.file.data as FrontmatterFileData
    const found = {removals: passes.removals, warnings: passes.warnings, problems: fileData.frontmatterProblems ?? []}
    const rebased = repairs.edits.length === 0 ? {...found, toInput: (offset: number) => offset} : rebase(repaired, found)
    const {warnings, problems, toInput} = rebased
    const removals = withOriginalLineEndings(body, readable, rebased.removals)
    let cleaned = (hasBom && !bomRemoved ? '\uFEFF' : '') + applyRemovals(body, removals)
    const location = locate(passes, body, toInput)
    const record = buildRecord({
      path,
      tree: passes.tree,
      treeRemovals: passes.treeRemovals,
      lineOf: location,
      warnings,
      frontmatter: fileData.frontmatter ?? {},
      changes: [...repairs.changes, ...(fileData.frontmatterChanges ?? [])],
      problems,
      text,
      body,
      cleaned,
      removals,
      hasBom,
      bomRemoved,
      kept: keptPoints(passes, body, toInput),
    })
    if (options.format) {
      deadline.check()
      cleaned = formatDocument(cleaned, record.frontmatter, fileData.frontmatterKept === true)
      record.markdown = bodyOf(cleaned)
    }
    let messages: VFileMessage[] | undefined
    return {
      markdown: cleaned,
      record,
      removals: record.removals,
      // Built on first use: most callers (the batch, the corpus check) only need the record.
      get messages() {
        messages ??= messagesOf(text, record.removals, [...warnings, ...problemMessages(record, path)], path)
        return messages
      },
    }
  } catch (error) {
    throw toCleanError(error, path)
  }
}

/**
 * A suppression comment that names a rule decruft does not have suppresses
 * nothing: say so (a warning, rule id `suppression`), so that a typo in
 * `<!-- decruft-disable-next-line link-frm -->` does not go unseen.
 */
function warnUnknownDirectiveRules(passes: Passes): void {
  passes.warnings.push(...warnProtectedDirectiveRules(passes.file))
  for (const {directive, ruleId} of unknownDirectiveRules(directivesOf(passes.file), [...ruleIds, ...inlineProtected.groups])) {
    const before = passes.file.messages.length
    reportWarning(passes.file, {
      ruleId: 'suppression',
      reason: `\`${ruleId}\` in a \`decruft-${directive.kind}\` comment is not a rule id, so it suppresses nothing (rules: ${ruleIds.join(', ')})`,
      start: directive.start,
      end: directive.end,
    })
    passes.warnings.push(...passes.file.messages.slice(before))
  }
}

/**
 * One message per removal (positions in the input), then the warnings. A
 * removal of several parts (an unlinked link) is one message, placed from
 * its first part's start to its last part's end: `actual` is the text that
 * covers, `expected` what the clean text has there (the link's words).
 */
function messagesOf(text: string, removals: readonly RecordRemoval[], warnings: readonly VFileMessage[], path: string): VFileMessage[] {
  const messages = removalGroups(removals).map((parts) => {
    const first = parts[0]!
    const last = parts[parts.length - 1]!
    const message = withoutStack(
      () => new VFileMessage(first.reason, {place: {start: first.start, end: last.end}, ruleId: first.rule, source: SOURCE}),
    )
    message.file = path
    if (parts.length === 1) {
      message.actual = first.text
      message.expected = first.replacement === undefined ? [] : [first.replacement]
    } else {
      const covered = coveredEdit(text, parts, removals)
      message.actual = covered.removed
      message.expected = [covered.replacement]
    }
    return message
  })
  return [...messages, ...warnings]
}

/** `strict` problems as messages (fatal: false, so a reporter can tell them from warnings by `fatal`). */
function problemMessages(record: ArticleRecord, path: string): VFileMessage[] {
  return record.problems.map((problem) => {
    const message = withoutStack(
      () => new VFileMessage(problem.reason, {place: {line: problem.line, column: problem.column}, ruleId: problem.rule, source: SOURCE}),
    )
    message.file = path
    message.fatal = false
    return message
  })
}

/** The spans `keep` entries kept, placed in the body (through the frontmatter repairs, `toInput`). */
function keptPoints(passes: Passes, body: string, toInput: (offset: number) => number): RecordInput['kept'] {
  if (passes.kept.length === 0) return undefined
  const point = pointsOf(body)
  return passes.kept.map((span) => ({rule: span.rule, keep: span.keep, start: point(toInput(span.start)), end: point(toInput(span.end))}))
}

/** Line in the body of an offset in the last pass's text (through the frontmatter repairs, `toInput`). */
function locate(passes: Passes, body: string, toInput: (offset: number) => number): (offset: number | undefined) => number {
  const point = pointsOf(body)
  return (offset) => (offset === undefined ? 0 : point(toInput(passes.toBody(offset))).line)
}

function toCleanError(error: unknown, path: string): CleanError {
  if (error instanceof CleanError) return error
  if (error instanceof DeadlineExceeded) return new CleanError(error.message, path)
  const place = (error as {place?: {line?: number; column?: number; start?: {line: number; column: number}}}).place
  const point = place && 'start' in place && place.start ? place.start : place
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new CleanError('too deeply nested to parse safely', path)
  }
  const reason = (error as {reason?: string}).reason ?? (error instanceof Error ? error.message : String(error))
  return new CleanError(reason, path, point?.line, point?.column, {cause: error})
}

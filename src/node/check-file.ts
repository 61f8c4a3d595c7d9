/**
 * Check one article (and, with `write`, fix it in place): read → clean →
 * findings. A finding is a removal (an error, unless the removal is a
 * matter of taste or the config makes the rule a warning; one for a removal
 * of several parts), a warning, or a `strict` problem, placed in the
 * original file. The input is rewritten only with `write`, only when the
 * clean text differs, and atomically. Never throws: a failure is a report.
 */
import {clean, type CleanOptions, type RuleSet} from '../index.js'
import type {CompiledFilterLists} from '../filter-lists.js'
import type {RuleName, TemplateIndex} from '../plugin-api.js'
import type {FileReport, Finding, Severity} from '../report/finding.js'
import {removalFindings} from '../report/removal-finding.js'
import type {PhaseReporter} from './bounded.js'
import {cleanOptionsFor, failureMessage} from './clean-file.js'
import {injectFault} from './fault.js'
import {readArticle} from './read.js'
import {reportPieceOf, type ReportPiece} from './report-piece.js'
import {createSiteDetector, frontmatterForFile, type SiteLookup} from './site.js'
import {withinTime} from './watchdog.js'
import {writeFileSafely} from './write.js'

/** How to check, for every article of a run. */
export interface CheckSettings extends SiteLookup {
  rules: RuleSet
  /** Filter lists for the `filter-list` rule, if any (a run option beside the rule set). */
  filterLists?: CompiledFilterLists | undefined
  /** A site-template index for the `site-template` rule, if any (learned by the batch, or `--templates`). */
  templates?: TemplateIndex | undefined
  enable: readonly RuleName[]
  disable: readonly RuleName[]
  maxBytes: number
  frontmatter?: CleanOptions['frontmatter']
  /** Severity per rule id; `error` when a rule is not named. */
  severity: Readonly<Record<string, Severity>>
  /** Fix the file in place. */
  write: boolean
  /** Time budget of the clean in milliseconds, checked between its steps (`clean`'s `timeout`); 0 or none: no limit. */
  timeoutMs?: number | undefined
  /**
   * Also end a clean that overruns `timeoutMs` from outside, with `vm`'s
   * watchdog (watchdog.ts): for in-process runs, where no worker can be
   * ended. Default: false.
   */
  watchdog?: boolean | undefined
  /** Also return the file's piece of the review report (`--report`, report-piece.ts). Default: false. */
  report?: boolean | undefined
}

/** A file's report, with its piece of the review report when `report` asked for it. */
export type CheckedFile = FileReport & {readonly reportPiece?: ReportPiece | undefined}

/**
 * Check (or fix) one file. `display` is its path in messages. `phases` (on
 * worker threads) is told when cleaning and writing start (see `cleanFile`).
 */
export async function checkFile(absolute: string, display: string, settings: CheckSettings, phases?: PhaseReporter): Promise<CheckedFile> {
  try {
    phases?.('clean')
    const text = await readArticle(absolute, display, {maxBytes: settings.maxBytes})
    const detector = settings.detectSite ? (settings.siteDetector ?? createSiteDetector()) : undefined
    const frontmatter = await frontmatterForFile(absolute, settings.frontmatter, detector)
    const options = cleanOptionsFor(settings, display, frontmatter)
    const cleanArticle = () => {
      injectFault(absolute)
      return clean(text, options)
    }
    const result = settings.watchdog ? withinTime(cleanArticle, settings.timeoutMs ?? 0, display) : cleanArticle()
    const findings: Finding[] = []
    findings.push(
      ...removalFindings(display, text, result.removals, (removal) => removalSeverity(removal, settings.severity[removal.rule])),
    )
    for (const warning of result.record.warnings) findings.push(pointFinding(display, warning, 'warning'))
    for (const problem of result.record.problems) findings.push(pointFinding(display, problem, settings.severity['frontmatter'] ?? 'error'))
    findings.sort((a, b) => a.line - b.line || a.column - b.column)
    const fixed = settings.write && result.markdown !== text
    const piece = settings.report ? {reportPiece: reportPieceOf(display, text, result)} : {}
    if (fixed) {
      phases?.('write')
      try {
        // Someone (an editor, a formatter) may have saved the file since it was read: their text is not ours to replace.
        if ((await readArticle(absolute, display, {maxBytes: settings.maxBytes})) !== text) {
          return {
            path: display,
            findings,
            fixed: false,
            error: `${display}: changed while it was being checked; left as it is (run again)`,
            ...piece,
          }
        }
        // An input is replaced only by a complete, flushed copy: a full disk leaves it as it was.
        await writeFileSafely(absolute, result.markdown, {fsync: true})
      } catch (error) {
        // The findings stand; the file is unchanged and reported failed.
        return {path: display, findings, fixed: false, error: failureMessage(error, display), ...piece}
      }
    }
    return {path: display, findings, fixed, ...piece}
  } catch (error) {
    return {path: display, findings: [], fixed: false, error: failureMessage(error, display)}
  }
}

/**
 * A removal's severity: the rule's (from the config; `error` when it names
 * none), lowered to a warning when the removal is a matter of taste
 * (`severity: 'warning'` on it). Either one being a warning makes a warning.
 */
export function removalSeverity(removal: {severity?: 'warning' | undefined}, rule: Severity | undefined): Severity {
  return removal.severity === 'warning' ? 'warning' : (rule ?? 'error')
}

function pointFinding(path: string, at: {rule: string; reason: string; line: number; column: number}, severity: Severity): Finding {
  return {path, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, rule: at.rule, severity, message: at.reason}
}

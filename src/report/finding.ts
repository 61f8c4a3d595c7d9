/**
 * What check mode reports: findings (one per removal — a removal of several
 * parts, such as an unlinked link, is one finding —, warning or `strict`
 * problem), grouped by file. Plain data, shared by the check runner and the
 * reporters (`pretty`, `json`, `sarif`, `github`).
 */

/** How a finding counts: an error fails the check (exit 1), a warning is only shown. */
export type Severity = 'error' | 'warning'

/** One exact span of a removal made of several (an unlinked link's `[`, then its `](url)`). */
export interface FindingPart {
  /** Offsets in the file (UTF-16 code units, end exclusive): `text.slice(...range) === removed`. */
  readonly range: readonly [number, number]
  /** The exact text this part removes. */
  readonly removed: string
  /** What a fix puts in its place, when the part is rewritten. */
  readonly replacement?: string | undefined
}

/**
 * One finding, with its place in the original file (1-based lines and
 * columns, end exclusive). For a removal that is where the removed text
 * starts and ends without the white space around it; `range` is the exact
 * span of `removed`. A removal of several parts (an unlinked link) is one
 * finding: it starts where its first part does, `range` and `removed`
 * cover every part and what lies between them, `replacement` is what the
 * clean text has there (the link's words), and `parts` holds each exact part.
 */
export interface Finding {
  /** The file, as shown to the user (relative to the working directory, `/` separators). */
  readonly path: string
  readonly line: number
  readonly column: number
  readonly endLine: number
  readonly endColumn: number
  /** Rule id (`link-farm`). */
  readonly rule: string
  readonly severity: Severity
  /** Why, one sentence (the removal's reason). */
  readonly message: string
  /** The exact text a fix removes or replaces (absent for warnings and `strict` problems). */
  readonly removed?: string | undefined
  /** Offsets of `removed` in the file (UTF-16 code units, end exclusive): `text.slice(...range) === removed`. */
  readonly range?: readonly [number, number] | undefined
  /** What a fix puts in its place (frontmatter rewrites; for a removal of several parts, what the clean text has in `range`). */
  readonly replacement?: string | undefined
  /** The exact spans of a removal of several parts, in order (absent for a removal of one span). */
  readonly parts?: readonly FindingPart[] | undefined
}

/** The outcome of checking one file. */
export interface FileReport {
  readonly path: string
  readonly findings: readonly Finding[]
  /** With `--write`: whether the file was rewritten. */
  readonly fixed: boolean
  /** Set when the file could not be checked (bad input): `path:line:col: cause`. */
  readonly error?: string | undefined
}

/** Totals over a run. */
export interface CheckSummary {
  readonly files: number
  readonly errors: number
  readonly warnings: number
  /** Files that could not be checked. */
  readonly failed: number
  /** With `--write`: files rewritten. */
  readonly fixed: number
  /** With `--write`: errors a fix did not remove (absent: `errors`, nothing was fixed). */
  readonly errorsLeft?: number | undefined
  /** With `--write`: warnings a fix did not remove (absent: `warnings`). */
  readonly warningsLeft?: number | undefined
  /** Whether the run fixed files (`--write`). */
  readonly write: boolean
}

/** What a rule is, for reporters that describe rules (SARIF). */
export interface RuleDescription {
  readonly id: string
  readonly description: string
  /** Where the rule is documented. */
  readonly helpUri?: string | undefined
}

/** A reporter: text for each file as it is done, then text at the end. */
export interface Reporter {
  /** Text to print for one file (may be empty: e.g. a clean file in `pretty`). */
  file(report: FileReport): string
  /** Text to print at the end (`pretty`: the count; `json`/`sarif`: the whole document). */
  end(summary: CheckSummary): string
}

export interface ReporterOptions {
  /** Colours (pretty only); the caller decides from the TTY and `NO_COLOR`. */
  readonly colors: boolean
  /** The rules, for SARIF's `tool.driver.rules`. */
  readonly rules: readonly RuleDescription[]
  /** decruft's version, for SARIF's `tool.driver.version`. */
  readonly version: string
}

export const reporterNames = ['pretty', 'json', 'sarif', 'github'] as const
export type ReporterName = (typeof reporterNames)[number]

/**
 * The `sarif` reporter: a SARIF 2.1.0 log for code-scanning uploads
 * (GitHub code scanning, Azure DevOps, IDE viewers). Nothing per file; at
 * the end one run with the rules, one result per finding (with a fix when
 * the finding says what a fix removes), and an invocation that records the
 * files that could not be checked. No timestamps or absolute paths: the
 * same input gives the same bytes.
 *
 * Columns are UTF-16 code units (`columnKind: utf16CodeUnits`), as decruft
 * counts them. A result's region is the finding's (the removed text without
 * the white space around it, which is the snippet); a fix deletes the exact
 * span, by `charOffset` and `charLength` when the finding has its `range`,
 * and a removal of several parts (an unlinked link) is one result whose one
 * fix has a replacement per part. Paths become relative URI references, each segment
 * percent-encoded (`my posts/a.md` → `my%20posts/a.md`).
 *
 * @example
 * ```json
 * {"ruleId": "link-farm", "ruleIndex": 3, "level": "error", "message": {"text": "…"},
 *  "locations": [{"physicalLocation": {"artifactLocation": {"uri": "posts/deal.md"},
 *                 "region": {"startLine": 12, "startColumn": 1, "endLine": 14, "endColumn": 1}}}]}
 * ```
 */
import type {ArtifactLocation, Fix, Log, Notification, Region, Replacement, ReportingDescriptor, Result} from 'sarif'
import type {Finding, Reporter, ReporterOptions} from './finding.js'
import {failurePlace, sortedFindings} from './pretty.js'

/** The JSON Schema that `$schema` names. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json'

/** Where the tool is described (`tool.driver.informationUri`). */
export const DECRUFT_URI = 'https://github.com/decruft/decruft'

/**
 * A path as a SARIF `uri`: `/` separators and each segment percent-encoded,
 * so a relative path stays a relative reference (`a b/c,d.md` →
 * `a%20b/c%2Cd.md`); an absolute path becomes a `file:` URI.
 */
export function toSarifUri(path: string): string {
  const slashed = path.replaceAll('\\', '/')
  const drive = /^[A-Za-z]:\//.exec(slashed)
  if (drive) return `file:///${slashed.slice(0, 2)}${encodeSegments(slashed.slice(2))}`
  if (slashed.startsWith('/')) return `file://${encodeSegments(slashed)}`
  return encodeSegments(slashed)
}

function encodeSegments(path: string): string {
  // encodeURIComponent also encodes `:`, so a first segment never reads as a scheme.
  return path.split('/').map(encodeURIComponent).join('/')
}

function regionOf(finding: Finding): Region {
  return {startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn}
}

/** The exact span a fix replaces. */
function deletedRegionOf(finding: Finding): Region {
  if (finding.range === undefined) return regionOf(finding)
  const [start, end] = finding.range
  return {charOffset: start, charLength: end - start}
}

/** One replacement per part of a removal of several parts, by offset. */
function partReplacements(finding: Finding): Replacement[] {
  return (finding.parts ?? []).map((part) => {
    const deletedRegion: Region = {charOffset: part.range[0], charLength: part.range[1] - part.range[0]}
    return part.replacement ? {deletedRegion, insertedContent: {text: part.replacement}} : {deletedRegion}
  })
}

function fixOf(finding: Finding, artifactLocation: ArtifactLocation): Fix | undefined {
  if (finding.removed === undefined) return undefined
  if (finding.parts !== undefined) {
    return {
      description: {text: `Remove (decruft ${finding.rule})`},
      artifactChanges: [{artifactLocation, replacements: partReplacements(finding)}],
    }
  }
  const replaces = finding.replacement !== undefined && finding.replacement !== ''
  const deletedRegion = deletedRegionOf(finding)
  return {
    description: {text: replaces ? `Rewrite (decruft ${finding.rule})` : `Remove (decruft ${finding.rule})`},
    artifactChanges: [
      {
        artifactLocation,
        replacements: [replaces ? {deletedRegion, insertedContent: {text: finding.replacement ?? ''}} : {deletedRegion}],
      },
    ],
  }
}

/**
 * The `sarif` reporter. `options.rules` become `tool.driver.rules` in their
 * order (a finding of a rule not listed adds a bare descriptor after them);
 * `invocations[0].executionSuccessful` is false when any file failed, and
 * each failure is a `toolExecutionNotification`.
 */
export function createSarifReporter(options: Pick<ReporterOptions, 'rules' | 'version'>): Reporter {
  const rules: ReportingDescriptor[] = options.rules.map((rule) => {
    const descriptor: ReportingDescriptor = {id: rule.id, shortDescription: {text: rule.description}}
    if (rule.helpUri !== undefined) descriptor.helpUri = rule.helpUri
    return descriptor
  })
  const ruleIndex = new Map<string, number>()
  rules.forEach((rule, index) => {
    if (!ruleIndex.has(rule.id)) ruleIndex.set(rule.id, index)
  })
  const indexOf = (id: string): number => {
    let index = ruleIndex.get(id)
    if (index === undefined) {
      index = rules.push({id}) - 1
      ruleIndex.set(id, index)
    }
    return index
  }
  const results: Result[] = []
  const notifications: Notification[] = []
  return {
    file(report) {
      const artifactLocation: ArtifactLocation = {uri: toSarifUri(report.path)}
      if (report.error !== undefined) {
        const place = failurePlace(report)
        notifications.push({
          level: 'error',
          message: {text: report.error},
          locations: [
            {physicalLocation: place ? {artifactLocation, region: {startLine: place.line, startColumn: place.column}} : {artifactLocation}},
          ],
        })
      }
      for (const finding of sortedFindings(report)) {
        const location: ArtifactLocation = {uri: toSarifUri(finding.path)}
        const region = regionOf(finding)
        if (finding.removed !== undefined) region.snippet = {text: finding.removed.trim() === '' ? finding.removed : finding.removed.trim()}
        const result: Result = {
          ruleId: finding.rule,
          ruleIndex: indexOf(finding.rule),
          level: finding.severity,
          message: {text: finding.message},
          locations: [{physicalLocation: {artifactLocation: location, region}}],
        }
        const fix = fixOf(finding, location)
        if (fix) result.fixes = [fix]
        results.push(result)
      }
      return ''
    },
    end(summary) {
      const log: Log = {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
          {
            tool: {driver: {name: 'decruft', version: options.version, informationUri: DECRUFT_URI, rules}},
            columnKind: 'utf16CodeUnits',
            results,
            invocations: [
              notifications.length > 0
                ? {executionSuccessful: summary.failed === 0, toolExecutionNotifications: notifications}
                : {executionSuccessful: summary.failed === 0},
            ],
          },
        ],
      }
      return `${JSON.stringify(log, null, 2)}\n`
    },
  }
}

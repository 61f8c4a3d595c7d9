/**
 * The four reporters of `decruft check` on one hand-built run: a file with
 * three findings of two rules (one a warning, one a frontmatter rewrite), a
 * clean file, a file that could not be checked, a path with a space and a
 * comma, and a message with `%`, a newline and `:`. Pretty and github are
 * checked line by line; json by shape; SARIF against the official 2.1.0
 * schema and by meaning. Then a removal of several parts (an unlinked link):
 * one finding in every reporter.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import AjvDraft04 from 'ajv-draft-04'
import type {Log, Result} from 'sarif'
import {describe, expect, it} from 'vitest'
import type {CheckSummary, FileReport, Finding, ReporterOptions, RuleDescription} from '../src/report/finding.js'
import {reporterNames} from '../src/report/finding.js'
import type {JsonReport} from '../src/report/json.js'
import {createReporter, renderReport, toSarifUri} from '../src/report/reporters.js'

const RULES: RuleDescription[] = [
  {id: 'ad-block', description: 'Removes blocks of advertising.', helpUri: 'https://example.test/rules#ad-block'},
  {id: 'link-farm', description: 'Removes lists of unrelated links.'},
  {id: 'frontmatter', description: 'Normalises frontmatter.', helpUri: 'https://example.test/rules#frontmatter'},
]
const OPTIONS: ReporterOptions = {colors: false, rules: RULES, version: '9.8.7'}

const DEAL = 'posts/deal.md'
const ODD = 'my posts/a, b.md'
const TRICKY_MESSAGE = 'Looks 90% like an ad:\nsold by "shop"'

function finding(path: string, fields: Omit<Finding, 'path'>): Finding {
  return {path, ...fields}
}

/** Findings deliberately out of order: reporters sort them. */
const dealFindings: Finding[] = [
  finding(DEAL, {
    line: 14,
    column: 3,
    endLine: 14,
    endColumn: 32,
    rule: 'ad-block',
    severity: 'error',
    message: 'An advertising block.',
    removed: '<div class="ad">Buy now</div>\n\n',
    range: [310, 341],
  }),
  finding(DEAL, {
    line: 2,
    column: 1,
    endLine: 2,
    endColumn: 16,
    rule: 'frontmatter',
    severity: 'error',
    message: 'Tags written as a list.',
    removed: 'tags: oil,gate',
    replacement: 'tags: [oil, gate]',
  }),
  finding(DEAL, {line: 14, column: 1, endLine: 14, endColumn: 1, rule: 'ad-block', severity: 'warning', message: TRICKY_MESSAGE}),
]

const deal: FileReport = {path: DEAL, findings: dealFindings, fixed: false}
const tidy: FileReport = {path: 'posts/tidy.md', findings: [], fixed: false}
const broken: FileReport = {path: 'posts/broken.md', findings: [], fixed: false, error: 'posts/broken.md:3:7: unterminated frontmatter'}
const odd: FileReport = {
  path: ODD,
  findings: [
    finding(ODD, {
      line: 5,
      column: 10,
      endLine: 5,
      endColumn: 24,
      rule: 'tracking-param',
      severity: 'error',
      message: 'Tracking parameter utm_source.',
      removed: '?utm_source=x',
    }),
  ],
  fixed: false,
}
const REPORTS: FileReport[] = [deal, tidy, broken, odd]

/** The totals the check runner would compute for these reports. */
function summarize(reports: readonly FileReport[], write = false): CheckSummary {
  const all = reports.flatMap((report) => report.findings)
  return {
    files: reports.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    failed: reports.filter((report) => report.error !== undefined).length,
    fixed: reports.filter((report) => report.fixed).length,
    write,
  }
}

function run(
  name: (typeof reporterNames)[number],
  reports: readonly FileReport[],
  options: Partial<ReporterOptions> = {},
  write = false,
  left: Pick<CheckSummary, 'errorsLeft' | 'warningsLeft'> = {},
): string {
  return renderReport(createReporter(name, {...OPTIONS, ...options}), reports, {...summarize(reports, write), ...left})
}

const ANSI = /\u001b\[\d+(;\d+)*m/

describe('pretty', () => {
  it('prints one line per finding in reading order (line breaks in a message become spaces), the failure as is, then the count', () => {
    expect(run('pretty', REPORTS).split('\n')).toEqual([
      'posts/deal.md:2:1  frontmatter  error  Tags written as a list.',
      'posts/deal.md:14:1  ad-block  warning  Looks 90% like an ad: sold by "shop"',
      'posts/deal.md:14:3  ad-block  error  An advertising block.',
      'posts/broken.md:3:7: unterminated frontmatter',
      'my posts/a, b.md:5:10  tracking-param  error  Tracking parameter utm_source.',
      '3 errors, 1 warning in 4 files, 1 could not be checked',
      '',
    ])
  })

  it('prints a clean file as nothing, and a clean run as only the count', () => {
    const reporter = createReporter('pretty', OPTIONS)
    expect(reporter.file(tidy)).toBe('')
    expect(reporter.end(summarize([tidy]))).toBe('No findings in 1 file\n')
    expect(run('pretty', [tidy, {...tidy, path: 'posts/other.md'}])).toBe('No findings in 2 files\n')
  })

  it('says 1 error, 1 warning, 1 file in the singular', () => {
    const one = {...deal, findings: dealFindings.slice(0, 1)}
    expect(run('pretty', [one]).split('\n').at(-2)).toBe('1 error, 0 warnings in 1 file')
    const warning = {...deal, findings: dealFindings.slice(2)}
    expect(run('pretty', [warning]).split('\n').at(-2)).toBe('0 errors, 1 warning in 1 file')
  })

  it('names a failure without a place, and prefixes the path when the message lacks it', () => {
    const noPlace = {...broken, error: 'posts/broken.md: file is not UTF-8'}
    expect(run('pretty', [noPlace]).split('\n')[0]).toBe('posts/broken.md: file is not UTF-8')
    const bare = {...broken, error: 'file is not UTF-8'}
    expect(run('pretty', [bare]).split('\n')[0]).toBe('posts/broken.md: file is not UTF-8')
  })

  it('with --write prints `path: fixed` after a rewritten file, and ends with what it fixed and what is left', () => {
    const fixed = {...deal, findings: dealFindings.slice(0, 2), fixed: true}
    const left = {errorsLeft: 0, warningsLeft: 0}
    expect(run('pretty', [fixed, tidy], {}, true, left).split('\n')).toEqual([
      'posts/deal.md:2:1  frontmatter  error  Tags written as a list.',
      'posts/deal.md:14:3  ad-block  error  An advertising block.',
      'posts/deal.md: fixed',
      'fixed 1 file; 0 errors left',
      '',
    ])
    expect(run('pretty', [tidy], {}, true, left)).toBe('No findings in 1 file\n')
  })

  it('with --write counts what is left in words, never the errors it fixed', () => {
    const fixed = {...deal, fixed: true}
    expect(run('pretty', [fixed], {}, true, {errorsLeft: 0, warningsLeft: 1}).split('\n').at(-2)).toBe(
      'fixed 1 file; 0 errors left; 1 warning left',
    )
    expect(run('pretty', [fixed, broken], {}, true, {errorsLeft: 2, warningsLeft: 0}).split('\n').at(-2)).toBe(
      'fixed 1 file; 2 errors left; 1 could not be checked',
    )
    // Without the counts of what is left (a caller that does not know), nothing counts as fixed.
    expect(run('pretty', [deal], {}, true).split('\n').at(-2)).toBe('fixed 0 files; 2 errors left; 1 warning left')
    expect(run('github', [fixed], {}, true, {errorsLeft: 0, warningsLeft: 0}).split('\n').at(-2)).toBe('fixed 1 file; 0 errors left')
  })

  it('does not reorder the caller’s findings', () => {
    const before = dealFindings.map((f) => f.line)
    run('pretty', REPORTS)
    expect(dealFindings.map((f) => f.line)).toEqual(before)
  })

  it('adds ANSI colours only when asked, around the same text', () => {
    const coloured = run('pretty', REPORTS, {colors: true})
    const plain = run('pretty', REPORTS, {colors: false})
    expect(coloured).toMatch(ANSI)
    expect(plain).not.toMatch(ANSI)
    expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).toBe(plain)
  })
})

describe('github', () => {
  it('prints one workflow command per finding and failure, escaped, then the plain count', () => {
    expect(run('github', REPORTS, {colors: true}).split('\n')).toEqual([
      '::error file=posts/deal.md,line=2,col=1,endLine=2,endColumn=16,title=decruft frontmatter::Tags written as a list.',
      '::warning file=posts/deal.md,line=14,col=1,endLine=14,endColumn=1,title=decruft ad-block::Looks 90%25 like an ad:%0Asold by "shop"',
      '::error file=posts/deal.md,line=14,col=3,endLine=14,endColumn=32,title=decruft ad-block::An advertising block.',
      '::error file=posts/broken.md,line=3,col=7::posts/broken.md:3:7: unterminated frontmatter',
      '::error file=my posts/a%2C b.md,line=5,col=10,endLine=5,endColumn=24,title=decruft tracking-param::Tracking parameter utm_source.',
      '3 errors, 1 warning in 4 files, 1 could not be checked',
      '',
    ])
  })

  it('escapes `:` and `,` (and CR, LF, %) in properties but only CR, LF and % in the message', () => {
    const path = 'a:b,c%d\r\ne.md'
    const report: FileReport = {
      path,
      findings: [
        finding(path, {line: 1, column: 1, endLine: 1, endColumn: 2, rule: 'ad-block', severity: 'error', message: 'x: y, 100%\r\n'}),
      ],
      fixed: false,
    }
    expect(run('github', [report]).split('\n')[0]).toBe(
      '::error file=a%3Ab%2Cc%25d%0D%0Ae.md,line=1,col=1,endLine=1,endColumn=2,title=decruft ad-block::x: y, 100%25%0D%0A',
    )
  })

  it('gives a failure without a place only the file', () => {
    const noPlace = {...broken, error: 'posts/broken.md: cannot read: EACCES'}
    expect(run('github', [noPlace]).split('\n')[0]).toBe('::error file=posts/broken.md::posts/broken.md: cannot read: EACCES')
  })

  it('ends a clean run with the count only', () => {
    expect(run('github', [tidy])).toBe('No findings in 1 file\n')
  })
})

describe('json', () => {
  it('prints nothing per file, then one document listing every file', () => {
    const reporter = createReporter('json', OPTIONS)
    expect(REPORTS.map((report) => reporter.file(report))).toEqual(['', '', '', ''])
    const text = reporter.end(summarize(REPORTS))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "files": [')
    const document = JSON.parse(text) as JsonReport
    expect(Object.keys(document)).toEqual(['version', 'files', 'summary'])
    expect(document.version).toBe(1)
    expect(document.summary).toEqual({files: 4, errors: 3, warnings: 1, failed: 1, fixed: 0})
    expect(document.files.map((file) => file.path)).toEqual([DEAL, 'posts/tidy.md', 'posts/broken.md', ODD])
    const [dealFile, tidyFile, brokenFile] = document.files
    expect(dealFile?.findings.map((f) => [f.line, f.column, f.severity])).toEqual([
      [2, 1, 'error'],
      [14, 1, 'warning'],
      [14, 3, 'error'],
    ])
    expect(dealFile?.findings[0]).toEqual({
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 16,
      rule: 'frontmatter',
      severity: 'error',
      message: 'Tags written as a list.',
      removed: 'tags: oil,gate',
      replacement: 'tags: [oil, gate]',
    })
    expect(dealFile?.findings[1]).not.toHaveProperty('removed')
    expect(dealFile?.findings[1]?.message).toBe(TRICKY_MESSAGE)
    expect(dealFile).not.toHaveProperty('error')
    expect(tidyFile).toEqual({path: 'posts/tidy.md', fixed: false, findings: []})
    expect(brokenFile).toEqual({path: 'posts/broken.md', fixed: false, error: broken.error, findings: []})
    expect(Object.keys(brokenFile ?? {})).toEqual(['path', 'fixed', 'error', 'findings'])
    expect(Object.keys(dealFile?.findings[0] ?? {})).toEqual([
      'line',
      'column',
      'endLine',
      'endColumn',
      'rule',
      'severity',
      'message',
      'removed',
      'replacement',
    ])
    expect(dealFile?.findings[2]).toMatchObject({
      line: 14,
      column: 3,
      rule: 'ad-block',
      removed: '<div class="ad">Buy now</div>\n\n',
      range: [310, 341],
    })
  })

  it('records fixed files', () => {
    const document = JSON.parse(run('json', [{...deal, fixed: true}, tidy], {}, true)) as JsonReport
    expect(document.files.map((file) => file.fixed)).toEqual([true, false])
    expect(document.summary.fixed).toBe(1)
  })
})

const require = createRequire(import.meta.url)
const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object

/** RFC 3986 characters only, and every `%` starts an escape. */
function isUriReference(text: string): boolean {
  return /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(text)
}

/**
 * The schema is draft-04 and uses the formats `uri`, `uri-reference` and
 * `date-time`; ajv-formats is not installed, so they are defined here,
 * strictly enough to catch an unencoded space. Its pattern for `language`
 * (`…[a-zA-Z]{2}]?$`) is not a valid Unicode-mode regular expression, hence
 * `unicodeRegExp: false`.
 */
function sarifValidator() {
  // The package is CommonJS: under NodeNext the default import is `module.exports`, whose `default` is the class too.
  const ajv = new AjvDraft04.default({strict: false, allErrors: true, unicodeRegExp: false})
  ajv.addFormat('uri-reference', isUriReference)
  ajv.addFormat('uri', (text: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && isUriReference(text) && URL.canParse(text))
  ajv.addFormat('date-time', (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i.test(text))
  return ajv.compile(SCHEMA)
}

describe('sarif', () => {
  const validate = sarifValidator()
  const text = run('sarif', REPORTS)
  const log = JSON.parse(text) as Log
  const sarifRun = log.runs[0]!
  const results = sarifRun.results ?? []
  const resultAt = (uri: string, line: number, column: number): Result | undefined =>
    results.find((result) => {
      const location = result.locations?.[0]?.physicalLocation
      return location?.artifactLocation?.uri === uri && location.region?.startLine === line && location.region.startColumn === column
    })

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.runs).toHaveLength(1)
  })

  it('the validator rejects broken logs (so the check above can fail)', () => {
    const rawSpace = JSON.parse(text) as Log
    rawSpace.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri = 'my posts/a.md'
    expect(validate(rawSpace)).toBe(false)
    const badLevel = JSON.parse(text) as {runs: Array<{results: Array<{level: string}>}>}
    badLevel.runs[0]!.results[0]!.level = 'fatal'
    expect(validate(badLevel)).toBe(false)
    const noVersion = JSON.parse(text) as Record<string, unknown>
    delete noVersion['version']
    expect(validate(noVersion)).toBe(false)
  })

  it('describes the tool and every rule, adding a bare descriptor for a rule not listed', () => {
    const driver = sarifRun.tool.driver
    expect(driver.name).toBe('decruft')
    expect(driver.version).toBe('9.8.7')
    expect(driver.informationUri).toMatch(/^https:\/\//)
    expect(driver.rules).toEqual([
      {id: 'ad-block', shortDescription: {text: 'Removes blocks of advertising.'}, helpUri: 'https://example.test/rules#ad-block'},
      {id: 'link-farm', shortDescription: {text: 'Removes lists of unrelated links.'}},
      {id: 'frontmatter', shortDescription: {text: 'Normalises frontmatter.'}, helpUri: 'https://example.test/rules#frontmatter'},
      {id: 'tracking-param'},
    ])
    expect(sarifRun.columnKind).toBe('utf16CodeUnits')
  })

  it('has one result per finding whose ruleIndex points at its rule, with level, message and region', () => {
    expect(results).toHaveLength(4)
    for (const result of results) expect(sarifRun.tool.driver.rules?.[result.ruleIndex!]?.id).toBe(result.ruleId)
    const warning = resultAt('posts/deal.md', 14, 1)
    expect(warning?.level).toBe('warning')
    expect(warning?.message.text).toBe(TRICKY_MESSAGE)
    expect(warning?.fixes).toBeUndefined()
    const block = resultAt('posts/deal.md', 14, 3)
    expect(block?.level).toBe('error')
    expect(block?.ruleIndex).toBe(0)
    expect(block?.locations?.[0]?.physicalLocation?.region).toEqual({
      startLine: 14,
      startColumn: 3,
      endLine: 14,
      endColumn: 32,
      // The region is the finding's, without the white space the removal takes with it.
      snippet: {text: '<div class="ad">Buy now</div>'},
    })
  })

  it('turns a removal into a deletion and a rewrite into a replacement', () => {
    const removal = resultAt('posts/deal.md', 14, 3)?.fixes?.[0]?.artifactChanges[0]
    expect(removal?.artifactLocation.uri).toBe('posts/deal.md')
    // The exact span, by offset, when the finding has its range; by lines and columns otherwise.
    expect(removal?.replacements).toEqual([{deletedRegion: {charOffset: 310, charLength: 31}}])
    const rewrite = resultAt('posts/deal.md', 2, 1)
    expect(rewrite?.ruleIndex).toBe(2)
    expect(rewrite?.fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([
      {deletedRegion: {startLine: 2, startColumn: 1, endLine: 2, endColumn: 16}, insertedContent: {text: 'tags: [oil, gate]'}},
    ])
    expect(rewrite?.fixes?.[0]?.description?.text).toContain('frontmatter')
  })

  it('percent-encodes paths as relative URI references', () => {
    const oddResult = resultAt('my%20posts/a%2C%20b.md', 5, 10)
    expect(oddResult?.ruleId).toBe('tracking-param')
    expect(oddResult?.ruleIndex).toBe(3)
    expect(toSarifUri('a:b/c#d?.md')).toBe('a%3Ab/c%23d%3F.md')
    expect(toSarifUri('posts\\win.md')).toBe('posts/win.md')
    expect(toSarifUri('../up/ü.md')).toBe('../up/%C3%BC.md')
    expect(toSarifUri('/abs/my file.md')).toBe('file:///abs/my%20file.md')
    expect(toSarifUri('C:/Users/a b.md')).toBe('file:///C:/Users/a%20b.md')
  })

  it('marks the run unsuccessful and names each failed file', () => {
    expect(sarifRun.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: {text: 'posts/broken.md:3:7: unterminated frontmatter'},
            locations: [{physicalLocation: {artifactLocation: {uri: 'posts/broken.md'}, region: {startLine: 3, startColumn: 7}}}],
          },
        ],
      },
    ])
  })

  it('marks a run without failures successful, validates when clean, and is deterministic', () => {
    const clean = JSON.parse(run('sarif', [tidy])) as Log
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true)
    expect(clean.runs[0]?.invocations).toEqual([{executionSuccessful: true}])
    expect(clean.runs[0]?.results).toEqual([])
    expect(run('sarif', REPORTS)).toBe(text)
    expect(createReporter('sarif', OPTIONS).file(deal)).toBe('')
  })
})

describe('a removal of several parts (an unlinked link)', () => {
  const LINE = 'Use [Hinge Oil](https://shop.example.test/oil?aff=7) once a year.'
  const LINK = '[Hinge Oil](https://shop.example.test/oil?aff=7)'
  const start = 104 + LINE.indexOf('[')
  const close = 104 + LINE.indexOf('](')
  const end = 104 + LINE.indexOf(' once')
  const unlinked = finding('posts/oil.md', {
    line: 7,
    column: 5,
    endLine: 7,
    endColumn: 5 + LINK.length,
    rule: 'affiliate-link',
    severity: 'error',
    message: 'Affiliate link (shop) unlinked',
    removed: LINK,
    range: [start, end],
    replacement: 'Hinge Oil',
    parts: [
      {range: [start, start + 1], removed: '['},
      {range: [close, end], removed: '](https://shop.example.test/oil?aff=7)'},
    ],
  })
  const report: FileReport = {path: 'posts/oil.md', findings: [unlinked], fixed: false}

  it('pretty and github: one line, at the first part, and a count of one', () => {
    expect(run('pretty', [report]).split('\n')).toEqual([
      'posts/oil.md:7:5  affiliate-link  error  Affiliate link (shop) unlinked',
      '1 error, 0 warnings in 1 file',
      '',
    ])
    expect(run('github', [report]).split('\n')).toEqual([
      `::error file=posts/oil.md,line=7,col=5,endLine=7,endColumn=${5 + LINK.length},title=decruft affiliate-link::Affiliate link (shop) unlinked`,
      '1 error, 0 warnings in 1 file',
      '',
    ])
  })

  it('json: one finding whose range covers the link, with each exact part', () => {
    const document = JSON.parse(run('json', [report])) as JsonReport
    expect(document.summary.errors).toBe(1)
    expect(document.files[0]?.findings).toEqual([
      {
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 5 + LINK.length,
        rule: 'affiliate-link',
        severity: 'error',
        message: 'Affiliate link (shop) unlinked',
        removed: LINK,
        range: [start, end],
        replacement: 'Hinge Oil',
        parts: [
          {range: [start, start + 1], removed: '['},
          {range: [close, end], removed: '](https://shop.example.test/oil?aff=7)'},
        ],
      },
    ])
  })

  it('sarif: one result with one fix that deletes each part, valid against the schema', () => {
    const log = JSON.parse(run('sarif', [report])) as Log
    expect(sarifValidator()(log)).toBe(true)
    const results = log.runs[0]?.results ?? []
    expect(results).toHaveLength(1)
    expect(results[0]?.locations?.[0]?.physicalLocation?.region).toMatchObject({startLine: 7, startColumn: 5, snippet: {text: LINK}})
    expect(results[0]?.fixes).toHaveLength(1)
    expect(results[0]?.fixes?.[0]?.artifactChanges).toEqual([
      {
        artifactLocation: {uri: 'posts/oil.md'},
        replacements: [{deletedRegion: {charOffset: start, charLength: 1}}, {deletedRegion: {charOffset: close, charLength: end - close}}],
      },
    ])
  })
})

describe('createReporter', () => {
  it('makes every named reporter, each with its own state', () => {
    for (const name of reporterNames) {
      const first = createReporter(name, OPTIONS)
      first.file(deal)
      const second = createReporter(name, OPTIONS)
      expect(second.end(summarize([]))).not.toContain('posts/deal.md')
    }
  })
})

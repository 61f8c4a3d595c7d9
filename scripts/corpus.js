#!/usr/bin/env node
/**
 * npm run corpus -- <dir> [--json] [--quiet] [--all] [--disable rule,rule] [--no-templates]
 *
 * Each family is cleaned as a batch is: its site templates are learned from
 * all its files first (`--no-templates`: not), then each file is cleaned
 * with that index.
 *
 * Run decruft (the built library, in-process) over a corpus and judge the
 * result with checks that do not trust decruft's rules (scripts/lib/scan.js):
 *
 * - failures: files `clean()` throws on, with the message;
 * - removals: counts by rule id (from each record's `stats.removals`: an
 *   unlinked link, whose `[` and `](url)` are two parts of one removal,
 *   counts once);
 * - residual spam: ad markers, AdSense units, the "Also read" farm class,
 *   affiliate hosts and parameters still in the output, outside code;
 * - page chrome and widgets (scripts/lib/chrome-scan.js, one finding per
 *   line): found in the input and left in the output, by family (page-chrome,
 *   share, comment-form, platform, repost, toc-plugin, ad-label); the target
 *   is at most {@link CHROME_TARGET} of the input's left (`--chrome-target`
 *   makes missing it fail the run); chrome lines may go without counting as
 *   loss;
 * - unstable: files whose clean output changes when cleaned again (idempotence);
 * - loss: headings, image URLs, code blocks and real paragraphs of the
 *   input (outside spam) that are missing from the output (code blocks:
 *   fenced and indented; a Markdown image that became raw HTML text counts
 *   as lost);
 * - frontmatter: each file cleaned with only the frontmatter rule, `strict`
 *   and `derive: [date]`, with no dialect (`tidy`) and under each dialect
 *   (canonical, hugo, jekyll, hexo, astro), judged by scripts/lib/
 *   frontmatter-check.js (parses; dates in the dialect's format; lists are
 *   lists; nothing empty; no prompt text or utm_ left; no key holding data
 *   lost; stable). decruft's own `strict` problems are counted beside.
 *
 * Families: each subfolder of <dir> is a family (its Markdown files are
 * searched recursively); Markdown files directly in <dir> form the family `.`
 * (a README, CHANGELOG, LICENSE or CONTRIBUTING there is skipped: it documents
 * the corpus); a folder without subfolders is one family.
 *
 * Output (text): per family
 *
 *   techidaily — 40 files, 812 ms
 *     removals  ad-block 612 · ad-slot 80 · … (total 790)
 *     spam in   ad-marker 1224 · adsbygoogle 80 · … (found in the input, for scale)
 *     residual  2 in 1 file                     ← then up to 10 lines `file:line  pattern  excerpt`
 *     chrome in    page-chrome 12 · share 3 · … (total 15)
 *     chrome left  page-chrome 1 · … (total 1, 6.7 % of the input; target ≤ 10 %)  ← then up to 10 lines `file:line  family/pattern  excerpt`
 *     lost      0                               ← then up to 10 lines `file:line  kind  text`
 *     failures  0                               ← then `file: message`
 *     frontmatter  tidy 0 · canonical 0 · hugo 0 · … invalid (strict problems: …)
 *   ✔ techidaily: 40 files, 0 failed, 790 removals, 0 residual, 0 lost, 0 unstable, 0 invalid frontmatter, chrome 15 → 1 (6.7 %)
 *
 * then `✔ TOTAL: …` (✘ when any family has a failure, residual spam or loss).
 * `--quiet` prints only the ✔/✘ lines; `--all` lists every finding instead of
 * the first 10; `--disable a,b` switches rules off (to see what the checks
 * catch without them); `--json` prints one JSON object instead:
 *
 *   {root, families: [{name, files, ms, ok, failures: [{file, message}],
 *    removals: {rule: n}, spamIn: {pattern: n}, residual: [{file, line, pattern, excerpt}],
 *    chromeIn: {family: n}, chromeLeft: {family: n}, chromeResidual: [{file, line, family, pattern, chars, excerpt}],
 *    lost: [{file, line, kind, text}], unstable: [{file}],
 *    frontmatter: {dialect: {findings: [{file, kind, text}], problems: [{file, line, column, reason}]}}}],
 *    total: {files, failed, removals, residual, lost, unstable, invalidFrontmatter, chromeIn, chromeLeft, chromeOk, ok}}
 *
 * Exit code: 0 when every file cleaned with no residual spam, no loss, a
 * stable (idempotent) output and valid frontmatter under every dialect
 * (with `--chrome-target`: and every family left at most 10 % of the chrome
 * its input had), 1 otherwise, 2 on bad usage (or when the library is not
 * built). Without `--chrome-target` the chrome figures are reported only
 * (✔/✘ after "target"), so the exit code means what it always meant.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, join, relative} from 'node:path'
import {performance} from 'node:perf_hooks'
import {classifyLines} from './lib/markdown-lines.js'
import {checkFrontmatter, DIALECTS} from './lib/frontmatter-check.js'
import {CHROME_FAMILIES, countByFamily, scanChrome} from './lib/chrome-scan.js'
import {findLoss, oneLine, scanSpam} from './lib/scan.js'

/** @typedef {import('../dist/plugin-api.js').RuleName} RuleName */
/** @typedef {{clean: typeof import('../dist/index.js').clean, ruleIds: readonly import('../dist/index.js').RuleId[], createTemplateLearner: typeof import('../dist/plugin-api.js').createTemplateLearner}} Library */
/** @typedef {{name: string, dir: string, files: string[]}} Family */
/** @typedef {Record<string, number>} Counts */
/**
 * What the corpus check found in one family.
 *
 * @typedef {object} FamilyResult
 * @property {string} name
 * @property {number} files
 * @property {number} ms
 * @property {boolean} ok
 * @property {Array<{file: string, message: string}>} failures
 * @property {Counts} removals
 * @property {Counts} spamIn
 * @property {Array<import('./lib/scan.js').SpamFinding & {file: string}>} residual
 * @property {Array<{file: string, line: number, kind: string, text: string}>} lost
 * @property {Array<{file: string}>} unstable
 * @property {Counts} chromeIn Page chrome and widgets found in the input, by family (chrome-scan.js).
 * @property {Counts} chromeLeft The same, left in the output.
 * @property {Array<import('./lib/chrome-scan.js').ChromeFinding & {file: string}>} chromeResidual
 * @property {Record<string, {findings: Array<{file: string, kind: string, text: string}>, problems: Array<{file: string, line: number, column: number, reason: string}>}>} frontmatter
 */
/** @typedef {{dir: string, json: boolean, quiet: boolean, all: boolean, chromeTarget: boolean, templates: boolean, disable: RuleName[]}} Options */

const MARKDOWN_FILE = /\.(?:md|markdown|mdx)$/i
const SHOWN = 10
/** At most this share of the page chrome found in a family's input may be left in its output. */
const CHROME_TARGET = 0.1

/**
 * @param {string} [message]
 * @returns {never}
 */
function usage(message) {
  if (message) console.error(`corpus: ${message}`)
  console.error('usage: npm run corpus -- <dir> [--json] [--quiet] [--all] [--chrome-target] [--disable rule,rule]')
  process.exit(2)
}

/**
 * @param {readonly string[]} argv
 * @returns {Options}
 */
function parseArguments(argv) {
  /** @type {Omit<Options, 'dir'> & {dir: string | undefined}} */
  const options = {dir: undefined, json: false, quiet: false, all: false, chromeTarget: false, templates: true, disable: []}
  for (let index = 0; index < argv.length; index++) {
    const argument = /** @type {string} */ (argv[index])
    if (argument === '--json') options.json = true
    else if (argument === '--quiet' || argument === '-q') options.quiet = true
    else if (argument === '--all') options.all = true
    else if (argument === '--chrome-target') options.chromeTarget = true
    else if (argument === '--no-templates') options.templates = false
    // Unchecked here: clean() refuses a name that is not a rule id or group.
    else if (argument === '--disable')
      options.disable.push(.../** @type {RuleName[]} */ ((argv[++index] ?? usage('--disable needs rule ids')).split(',')))
    else if (argument.startsWith('--disable=')) options.disable.push(.../** @type {RuleName[]} */ (argument.slice(10).split(',')))
    else if (argument === '--help' || argument === '-h') usage()
    else if (argument.startsWith('-')) usage(`unknown option ${argument}`)
    else if (options.dir === undefined) options.dir = argument
    else usage(`unexpected argument ${argument}`)
  }
  if (!options.dir) usage('missing <dir>')
  if (!existsSync(options.dir) || !statSync(options.dir).isDirectory()) usage(`not a folder: ${options.dir}`)
  return {...options, dir: options.dir}
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function markdownFiles(dir, recursive = true) {
  return readdirSync(dir, {recursive, withFileTypes: true})
    .filter((entry) => entry.isFile() && MARKDOWN_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}

/** A corpus folder's own documentation, not an article. */
const FOLDER_DOCS = /^(?:readme|changelog|license|contributing)(?:\.[a-z]+)?$/i

/**
 * Subfolders are families; Markdown files directly in `root` (other than a
 * README and the like) form one more family, `.`; a folder without
 * subfolders is one family.
 *
 * @param {string} root
 * @returns {Family[]}
 */
function discoverFamilies(root) {
  const folders = readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
  if (folders.length === 0) return [{name: basename(root), dir: root, files: markdownFiles(root)}]
  /** @type {Family[]} */
  const families = []
  const topLevel = markdownFiles(root, false).filter((path) => !FOLDER_DOCS.test(basename(path)))
  if (topLevel.length > 0) families.push({name: '.', dir: root, files: topLevel})
  for (const name of folders) families.push({name, dir: join(root, name), files: markdownFiles(join(root, name))})
  return families
}

/**
 * @param {Counts} into
 * @param {Readonly<Counts>} counts
 */
function addCounts(into, counts) {
  for (const [key, value] of Object.entries(counts)) into[key] = (into[key] ?? 0) + value
}

/** @param {Readonly<Counts>} counts */
function sum(counts) {
  return Object.values(counts).reduce((total, value) => total + value, 0)
}

/**
 * @param {Family} family
 * @param {Library} library
 * @param {RuleName[]} disable
 * @param {boolean} [chromeTarget] Whether missing the chrome target makes the family fail.
 * @returns {FamilyResult}
 */
function checkFamily(family, {clean, ruleIds, createTemplateLearner}, disable, chromeTarget = false, learn = true) {
  /** @type {FamilyResult['frontmatter']} */
  const frontmatter = Object.fromEntries(DIALECTS.map((dialect) => [dialect, {findings: [], problems: []}]))
  /** @type {FamilyResult} */
  const result = {
    name: family.name,
    files: family.files.length,
    ms: 0,
    ok: true,
    failures: [],
    removals: {},
    spamIn: {},
    residual: [],
    lost: [],
    unstable: [],
    chromeIn: countByFamily([]),
    chromeLeft: countByFamily([]),
    chromeResidual: [],
    frontmatter,
  }
  const started = performance.now()
  // As a batch does: learn the family's site templates from all its files first, then clean with them.
  let templates
  if (learn) {
    const learner = createTemplateLearner()
    for (const path of family.files) learner.add(readFileSync(path, 'utf8'), {path: relative(family.dir, path)})
    templates = learner.index
  }
  for (const path of family.files) {
    const file = relative(family.dir, path)
    const input = readFileSync(path, 'utf8')
    const inputLines = classifyLines(input)
    addCounts(result.chromeIn, countByFamily(scanChrome(input, inputLines)))
    for (const finding of scanSpam(input, inputLines)) {
      result.spamIn[finding.pattern] = (result.spamIn[finding.pattern] ?? 0) + 1
    }
    let output
    try {
      const cleaned = clean(input, {path: file, disable, templates})
      output = cleaned.markdown
      addCounts(result.removals, cleaned.record.stats.removals)
    } catch (error) {
      result.failures.push({file, message: error instanceof Error ? error.message : String(error)})
      continue
    }
    for (const finding of scanSpam(output)) result.residual.push({file, ...finding})
    const chromeLeft = scanChrome(output)
    addCounts(result.chromeLeft, countByFamily(chromeLeft))
    for (const finding of chromeLeft) result.chromeResidual.push({file, ...finding})
    for (const item of findLoss(input, output)) result.lost.push({file, line: item.line, kind: item.kind, text: item.text})
    // Idempotence: cleaning the output again must change nothing.
    if (clean(output, {path: file, disable, templates}).markdown !== output) result.unstable.push({file})
    for (const dialect of DIALECTS) {
      const checked = checkFrontmatter(clean, ruleIds, input, file, dialect)
      for (const finding of checked.findings) frontmatter[dialect].findings.push({file, ...finding})
      for (const problem of checked.problems)
        frontmatter[dialect].problems.push({file, line: problem.line, column: problem.column, reason: problem.reason})
    }
  }
  result.ms = Math.round(performance.now() - started)
  result.ok =
    result.failures.length === 0 &&
    result.residual.length === 0 &&
    result.lost.length === 0 &&
    result.unstable.length === 0 &&
    DIALECTS.every((dialect) => frontmatter[dialect].findings.length === 0) &&
    (!chromeTarget || chromeOk(result))
  return result
}

/**
 * Whether a family left at most {@link CHROME_TARGET} of its input's chrome, in every chrome family.
 *
 * @param {Pick<FamilyResult, 'chromeIn' | 'chromeLeft'>} result
 */
function chromeOk(result) {
  return CHROME_FAMILIES.every((family) => (result.chromeLeft[family] ?? 0) <= CHROME_TARGET * (result.chromeIn[family] ?? 0))
}

/**
 * `12 → 1 (8.3 %)`: chrome lines in the input, left in the output, and the share left.
 *
 * @param {number} found
 * @param {number} left
 */
function chromeShare(found, left) {
  return `${found} → ${left}${found > 0 ? ` (${((100 * left) / found).toFixed(1)} %)` : ''}`
}

/** @param {Readonly<Counts>} counts */
function formatCounts(counts) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  if (entries.length === 0) return '—'
  return `${entries.map(([key, value]) => `${key} ${value}`).join(' · ')} (total ${sum(counts)})`
}

/**
 * @param {string} label
 * @param {ReturnType<typeof totalsOf>} totals
 */
function summaryLine(label, totals) {
  const mark = totals.ok ? '✔' : '✘'
  return `${mark} ${label}: ${totals.files} file${totals.files === 1 ? '' : 's'}, ${totals.failed} failed, ${totals.removals} removals, ${totals.residual} residual, ${totals.lost} lost, ${totals.unstable} unstable, ${totals.invalidFrontmatter} invalid frontmatter, chrome ${chromeShare(totals.chromeIn, totals.chromeLeft)}${totals.chromeOk ? '' : ' (over target)'}`
}

/** @param {FamilyResult} family */
function totalsOf(family) {
  return {
    files: family.files,
    failed: family.failures.length,
    removals: sum(family.removals),
    residual: family.residual.length,
    lost: family.lost.length,
    unstable: family.unstable.length,
    invalidFrontmatter: DIALECTS.reduce((total, dialect) => total + family.frontmatter[dialect].findings.length, 0),
    chromeIn: sum(family.chromeIn),
    chromeLeft: sum(family.chromeLeft),
    chromeOk: chromeOk(family),
    ok: family.ok,
  }
}

/**
 * @param {FamilyResult} family
 * @param {Options} options
 */
function printFamily(family, options) {
  const limit = options.all ? Infinity : SHOWN
  const more = (/** @type {readonly unknown[]} */ list) =>
    list.length > limit ? [`      … and ${list.length - limit} more (--all to list them)`] : []
  if (!options.quiet) {
    const lines = [`${family.name} — ${family.files} file${family.files === 1 ? '' : 's'}, ${family.ms} ms`]
    lines.push(`  removals  ${formatCounts(family.removals)}`)
    lines.push(`  spam in   ${formatCounts(family.spamIn)}`)
    const residualFiles = new Set(family.residual.map((finding) => finding.file)).size
    lines.push(
      `  residual  ${family.residual.length}${family.residual.length ? ` in ${residualFiles} file${residualFiles === 1 ? '' : 's'}` : ''}`,
    )
    for (const finding of family.residual.slice(0, limit)) {
      lines.push(`      ${finding.file}:${finding.line}  ${finding.pattern}  ${finding.excerpt}`)
    }
    lines.push(...more(family.residual))
    const nonZero = (/** @type {Readonly<Counts>} */ counts) => Object.fromEntries(Object.entries(counts).filter(([, value]) => value > 0))
    lines.push(`  chrome in    ${formatCounts(nonZero(family.chromeIn))}`)
    const chromeIn = sum(family.chromeIn)
    const chromeLeft = sum(family.chromeLeft)
    lines.push(
      `  chrome left  ${formatCounts(nonZero(family.chromeLeft))}${chromeIn > 0 ? `, ${((100 * chromeLeft) / chromeIn).toFixed(1)} % of the input` : ''}; target ≤ ${CHROME_TARGET * 100} % per family ${chromeOk(family) ? '✔' : '✘'}`,
    )
    for (const finding of family.chromeResidual.slice(0, limit))
      lines.push(`      ${finding.file}:${finding.line}  ${finding.family}/${finding.pattern}  ${oneLine(finding.excerpt, 80)}`)
    lines.push(...more(family.chromeResidual))
    lines.push(`  lost      ${family.lost.length}`)
    for (const item of family.lost.slice(0, limit)) lines.push(`      ${item.file}:${item.line}  ${item.kind}  ${oneLine(item.text, 80)}`)
    lines.push(...more(family.lost))
    lines.push(
      `  unstable  ${family.unstable.length}${family.unstable.length ? ` (cleaning the output again changes it): ${family.unstable.map((item) => item.file).join(', ')}` : ''}`,
    )
    lines.push(`  failures  ${family.failures.length}`)
    for (const failure of family.failures.slice(0, limit)) lines.push(`      ${failure.file}: ${failure.message}`)
    lines.push(...more(family.failures))
    const invalid = DIALECTS.map((dialect) => `${dialect} ${family.frontmatter[dialect].findings.length}`).join(' · ')
    const problems = DIALECTS.map((dialect) => `${dialect} ${family.frontmatter[dialect].problems.length}`).join(' · ')
    lines.push(`  frontmatter  invalid: ${invalid}`)
    lines.push(`               strict problems: ${problems}`)
    const findings = DIALECTS.flatMap((dialect) => family.frontmatter[dialect].findings.map((finding) => ({dialect, ...finding})))
    for (const finding of findings.slice(0, limit))
      lines.push(`      ${finding.dialect}  ${finding.file}  ${finding.kind}  ${oneLine(finding.text, 80)}`)
    lines.push(...more(findings))
    const problemList = DIALECTS.flatMap((dialect) => family.frontmatter[dialect].problems.map((problem) => ({dialect, ...problem})))
    for (const problem of problemList.slice(0, options.all ? Infinity : 3)) {
      lines.push(`      ${problem.dialect}  ${problem.file}:${problem.line}:${problem.column}  ${problem.reason}`)
    }
    console.log(lines.join('\n'))
  }
  console.log(summaryLine(family.name, totalsOf(family)))
}

/** @returns {Promise<Library>} */
async function loadClean() {
  const library = new URL('../dist/index.js', import.meta.url)
  if (!existsSync(library)) {
    console.error('corpus: dist/index.js not found; build first (npx tsc -p tsconfig.build.json)')
    process.exit(2)
  }
  const {clean} = await import(library.href)
  const {ruleIds, createTemplateLearner} = await import(new URL('../dist/plugin-api.js', import.meta.url).href)
  return {clean, ruleIds, createTemplateLearner}
}

async function main() {
  const options = parseArguments(process.argv.slice(2))
  const clean = await loadClean()
  const families = discoverFamilies(options.dir)
  const results = []
  for (const family of families) {
    const result = checkFamily(family, clean, options.disable, options.chromeTarget, options.templates)
    results.push(result)
    if (!options.json) printFamily(result, options)
  }
  const total = {
    files: 0,
    failed: 0,
    removals: 0,
    residual: 0,
    lost: 0,
    unstable: 0,
    invalidFrontmatter: 0,
    chromeIn: 0,
    chromeLeft: 0,
    chromeOk: true,
    ok: true,
  }
  for (const result of results) {
    const totals = totalsOf(result)
    total.files += totals.files
    total.failed += totals.failed
    total.removals += totals.removals
    total.residual += totals.residual
    total.lost += totals.lost
    total.unstable += totals.unstable
    total.invalidFrontmatter += totals.invalidFrontmatter
    total.chromeIn += totals.chromeIn
    total.chromeLeft += totals.chromeLeft
    total.chromeOk &&= totals.chromeOk
    total.ok &&= totals.ok
  }
  if (options.json) console.log(JSON.stringify({root: options.dir, families: results, total}, null, 2))
  else console.log(summaryLine('TOTAL', total))
  process.exitCode = total.ok ? 0 : 1
}

await main()

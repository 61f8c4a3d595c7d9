#!/usr/bin/env node
/**
 * npm run eval -- [--seed N] [--pages N] [--lang en,zh] [--runner library|cli]
 *                 [--templates auto|off] [--enable x] [--disable x] [--json] [--all]
 * npm run eval -- --clean [--json] [--all]
 *
 * The evidence for the chrome rules, independent of their code.
 *
 * Synthetic set (default): scripts/lib/pages.js writes, from a seed, sites ×
 * pages of whole-page scrapes and platform exports in en, zh, ko, it, fr, es,
 * de with gold labels (which characters are junk of which kind, which are
 * content), clean sites and repost networks. Each site is cleaned as one
 * batch, so a site's template can be learned:
 *
 * - `--runner library` (default): clean() in-process on dist/; with
 *   `--templates auto` (default) and a template learner in the build
 *   (`createTemplateLearner` in decruft/node or decruft/plugin-api), each site
 *   is learned first and cleaned with `{templates}`; `--templates off`, or a
 *   build without a learner, cleans page by page (said in the header).
 * - `--runner cli`: the built CLI (`bin/decruft.js <site> --out <tmp> --json`)
 *   on each site's folder, i.e. what a user's batch does (its own defaults
 *   for templates); removals are read from the records it writes.
 *
 * Scores (scripts/lib/gold.js): junk removed % and content kept % by
 * characters, per junk kind, per language and per site kind; files refused
 * (clean threw or the CLI wrote no record); clean pages changed (a clean or
 * repost page with any removal outside its frontmatter); content blocks
 * missing from the output text.
 *
 * `--clean`: the clean-Markdown check (scripts/lib/clean-docs.js): every
 * README/docs file in node_modules, cleaned; the chrome group's rules must
 * remove nothing. Lists the packages, prints every removal.
 *
 * Exit code: 0 when the run worked (synthetic: no refused file; --clean: no
 * chrome removal), 1 otherwise, 2 on bad usage or a missing build.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {checkCleanDocs, listDocFiles} from './lib/clean-docs.js'
import {scorePage, spansOf} from './lib/gold.js'
import {generateSites, LANGS} from './lib/pages.js'

/** @typedef {import('./lib/pages.js').Site} Site */
/** @typedef {import('./lib/pages.js').Lang} Lang */
/** @typedef {import('./lib/gold.js').PageScore} PageScore */
/**
 * @typedef {object} Options
 * @property {boolean} clean
 * @property {number} seed
 * @property {number} pages
 * @property {Lang[]} langs
 * @property {'library' | 'cli'} runner
 * @property {'auto' | 'off'} templates
 * @property {string[]} enable
 * @property {string[]} disable
 * @property {boolean} json
 * @property {boolean} all
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * @param {string} [message]
 * @returns {never}
 */
function usage(message) {
  if (message) console.error(`eval: ${message}`)
  console.error(
    'usage: npm run eval -- [--seed N] [--pages N] [--lang en,zh] [--runner library|cli] [--templates auto|off] [--enable x] [--disable x] [--json] [--all]\n       npm run eval -- --clean [--json] [--all]',
  )
  process.exit(2)
}

/**
 * @param {readonly string[]} argv
 * @returns {Options}
 */
export function parseArguments(argv) {
  /** @type {Options} */
  const options = {
    clean: false,
    seed: 14,
    pages: 8,
    langs: [...LANGS],
    runner: 'library',
    templates: 'auto',
    enable: [],
    disable: [],
    json: false,
    all: false,
  }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? ''
    const [name, inline] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined]
    const value = () => inline ?? argv[++index] ?? usage(`${name} needs a value`)
    if (name === '--clean') options.clean = true
    else if (name === '--json') options.json = true
    else if (name === '--all') options.all = true
    else if (name === '--seed') options.seed = Number(value())
    else if (name === '--pages') options.pages = Number(value())
    else if (name === '--lang') options.langs = /** @type {Lang[]} */ (value().split(','))
    else if (name === '--runner') options.runner = /** @type {Options['runner']} */ (value())
    else if (name === '--templates') options.templates = /** @type {Options['templates']} */ (value())
    else if (name === '--enable') options.enable.push(...value().split(','))
    else if (name === '--disable') options.disable.push(...value().split(','))
    else if (name === '--help' || name === '-h') usage()
    else usage(`unknown argument ${argument}`)
  }
  if (!Number.isInteger(options.seed)) usage('--seed needs an integer')
  if (!Number.isInteger(options.pages) || options.pages < 1) usage('--pages needs a positive integer')
  for (const lang of options.langs) if (!LANGS.includes(lang)) usage(`unknown language ${lang} (one of ${LANGS.join(', ')})`)
  if (options.runner !== 'library' && options.runner !== 'cli') usage('--runner is library or cli')
  if (options.templates !== 'auto' && options.templates !== 'off') usage('--templates is auto or off')
  return options
}

/** The built library, and a template learner if the build has one. */
async function loadLibrary() {
  const index = new URL('../dist/index.js', import.meta.url)
  if (!existsSync(index)) {
    console.error('eval: dist/index.js not found; build first (npm run build)')
    process.exit(2)
  }
  const library = await import(index.href)
  const pluginApi = await import(new URL('../dist/plugin-api.js', import.meta.url).href)
  const node = await import(new URL('../dist/node/index.js', import.meta.url).href)
  /** @type {undefined | (() => {add: (text: string, info: {path?: string, url?: string}) => void, toJSON: () => unknown})} */
  const createLearner = node.createTemplateLearner ?? pluginApi.createTemplateLearner ?? library.createTemplateLearner
  /** @type {undefined | ((json: unknown) => unknown)} */
  const parseIndex = library.parseTemplateIndex ?? pluginApi.parseTemplateIndex ?? node.parseTemplateIndex
  return {clean: library.clean, registry: pluginApi.registry, createLearner, parseIndex}
}

/**
 * The index parsed from the learner's JSON, whether the parser takes the text or the parsed value.
 *
 * @param {(json: unknown) => unknown} parse
 * @param {unknown} json
 */
function parseEither(parse, json) {
  const text = typeof json === 'string' ? json : JSON.stringify(json)
  try {
    return parse(text)
  } catch (error) {
    if (typeof json === 'string') throw error
    return parse(json)
  }
}

/**
 * Learn a site's template index, or say why not.
 *
 * @param {Site} site
 * @param {Awaited<ReturnType<typeof loadLibrary>>} library
 * @returns {{templates?: unknown, note: string}}
 */
function learnSite(site, library) {
  if (!library.createLearner) return {note: 'no template learner in this build'}
  try {
    const learner = library.createLearner()
    for (const page of site.pages) learner.add(page.text, {path: `${site.id}/${page.path}`, url: page.url})
    const json = learner.toJSON()
    const templates = library.parseIndex ? parseEither(library.parseIndex, json) : json
    return {templates, note: 'learned per site'}
  } catch (error) {
    return {note: `learner failed: ${error instanceof Error ? error.message : String(error)}`}
  }
}

/**
 * @typedef {object} PageResult
 * @property {Site} site
 * @property {import('./lib/pages.js').Page} page
 * @property {PageScore} [score]
 * @property {string} [refused]
 */

/**
 * Clean every page of a site in-process.
 *
 * @param {Site} site
 * @param {Awaited<ReturnType<typeof loadLibrary>>} library
 * @param {Options} options
 * @returns {{results: PageResult[], note: string}}
 */
function runLibrary(site, library, options) {
  const learned = options.templates === 'auto' ? learnSite(site, library) : {note: 'templates off'}
  /** @type {PageResult[]} */
  const results = []
  for (const page of site.pages) {
    /** @type {Record<string, unknown>} */
    const cleanOptions = {path: `${site.id}/${page.path}`}
    if (options.enable.length > 0) cleanOptions.enable = options.enable
    if (options.disable.length > 0) cleanOptions.disable = options.disable
    if (learned.templates !== undefined) cleanOptions.templates = learned.templates
    try {
      const result = library.clean(page.text, cleanOptions)
      results.push({site, page, score: scorePage(page.text, page.segments, spansOf(result.record.removals), result.markdown)})
    } catch (error) {
      results.push({site, page, refused: error instanceof Error ? error.message : String(error)})
    }
  }
  return {results, note: learned.note}
}

/**
 * Clean a site's folder with the built CLI, as one batch.
 *
 * @param {Site} site
 * @param {Options} options
 * @param {string} scratch
 * @returns {{results: PageResult[], note: string}}
 */
function runCli(site, options, scratch) {
  const input = join(scratch, 'in', site.id)
  const output = join(scratch, 'out', site.id)
  for (const page of site.pages) {
    mkdirSync(dirname(join(input, page.path)), {recursive: true})
    writeFileSync(join(input, page.path), page.text)
  }
  const args = [join(ROOT, 'bin/decruft.js'), input, '--out', output, '--json', '--quiet']
  for (const id of options.enable) args.push('--enable', id)
  for (const id of options.disable) args.push('--disable', id)
  const run = spawnSync(process.execPath, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  /** @type {PageResult[]} */
  const results = []
  for (const page of site.pages) {
    const recordPath = join(output, page.path.replace(/\.md$/, '.json'))
    if (!existsSync(recordPath)) {
      results.push({
        site,
        page,
        refused: `no record written (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n')[0] ?? ''}`,
      })
      continue
    }
    const record = JSON.parse(readFileSync(recordPath, 'utf8'))
    const markdown = typeof record.markdown === 'string' ? record.markdown : ''
    results.push({site, page, score: scorePage(page.text, page.segments, spansOf(record.removals), markdown)})
  }
  return {results, note: `CLI batch (exit ${run.status})`}
}

/**
 * @typedef {{chars: number, removed: number}} Tally
 * @typedef {{junk: Tally, content: Tally, pages: number, refused: number, cleanPages: number, cleanChanged: number, lost: number}} Group
 */

/** @returns {Group} */
function emptyGroup() {
  return {junk: {chars: 0, removed: 0}, content: {chars: 0, removed: 0}, pages: 0, refused: 0, cleanPages: 0, cleanChanged: 0, lost: 0}
}

/**
 * @param {Group} group
 * @param {PageResult} result
 */
function addTo(group, result) {
  group.pages++
  const isClean = result.site.kind === 'clean' || result.site.kind === 'repost'
  if (isClean) group.cleanPages++
  if (!result.score) {
    group.refused++
    return
  }
  group.junk.chars += result.score.junkChars
  group.junk.removed += result.score.junkRemoved
  group.content.chars += result.score.contentChars
  group.content.removed += result.score.contentRemoved
  group.lost += result.score.lostBlocks.length
  if (isClean && result.score.rulesOutsideFrontmatter.length > 0) group.cleanChanged++
}

/**
 * Everything the report prints, as data.
 *
 * @param {PageResult[]} results
 */
export function summarise(results) {
  const total = emptyGroup()
  /** @type {Record<string, Group>} */
  const byLang = {}
  /** @type {Record<string, Group>} */
  const bySiteKind = {}
  /** @type {Record<string, Tally & {pages: number}>} */
  const byKind = {}
  /** @type {Record<string, Record<string, Tally>>} */
  const byKindLang = {}
  for (const result of results) {
    addTo(total, result)
    addTo((byLang[result.site.lang] ??= emptyGroup()), result)
    addTo((bySiteKind[result.site.kind] ??= emptyGroup()), result)
    for (const [kind, tally] of Object.entries(result.score?.kinds ?? {})) {
      const entry = (byKind[kind] ??= {chars: 0, removed: 0, pages: 0})
      entry.chars += tally.chars
      entry.removed += tally.removed
      entry.pages++
      const cell = ((byKindLang[kind] ??= {})[result.site.lang] ??= {chars: 0, removed: 0})
      cell.chars += tally.chars
      cell.removed += tally.removed
    }
  }
  return {total, byLang, bySiteKind, byKind, byKindLang}
}

/**
 * @param {number} part
 * @param {number} whole
 */
function percent(part, whole) {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`
}

/**
 * @param {string} label
 * @param {Group} group
 */
function groupLine(label, group) {
  return `  ${label.padEnd(12)} ${percent(group.junk.removed, group.junk.chars).padStart(8)}  ${percent(group.content.chars - group.content.removed, group.content.chars).padStart(8)}  ${String(group.refused).padStart(7)}  ${`${group.cleanChanged} of ${group.cleanPages}`.padStart(13)}  ${String(group.lost).padStart(5)}`
}

/**
 * @param {ReturnType<typeof summarise>} summary
 * @param {PageResult[]} results
 * @param {{header: string, all: boolean}} print
 */
function printReport(summary, results, print) {
  const lines = [print.header, '', 'junk removed, by kind (characters)']
  const kinds = Object.entries(summary.byKind).sort(([a], [b]) => a.localeCompare(b))
  for (const [kind, tally] of kinds.filter(([kind]) => kind.startsWith('junk:'))) {
    lines.push(
      `  ${kind.slice(5).padEnd(14)} ${percent(tally.removed, tally.chars).padStart(8)}  (${tally.removed} of ${tally.chars} chars, ${tally.pages} pages)`,
    )
  }
  const langs = Object.keys(summary.byLang)
  lines.push('', 'junk removed, by kind and language', `  ${''.padEnd(14)} ${langs.map((lang) => lang.padStart(7)).join(' ')}`)
  for (const [kind, cells] of Object.entries(summary.byKindLang).sort(([a], [b]) => a.localeCompare(b))) {
    if (!kind.startsWith('junk:')) continue
    const row = langs.map((lang) => {
      const cell = cells[lang]
      return (cell ? percent(cell.removed, cell.chars).replace(' %', '%') : '·').padStart(7)
    })
    lines.push(`  ${kind.slice(5).padEnd(14)} ${row.join(' ')}`)
  }
  lines.push('', 'content kept, by kind (characters)')
  for (const [kind, tally] of kinds.filter(([kind]) => kind.startsWith('content:'))) {
    lines.push(
      `  ${kind.slice(8).padEnd(14)} ${percent(tally.chars - tally.removed, tally.chars).padStart(8)}  (${tally.chars - tally.removed} of ${tally.chars} chars)`,
    )
  }
  const head = `  ${''.padEnd(12)} ${'junk out'.padStart(8)}  ${'kept'.padStart(8)}  ${'refused'.padStart(7)}  ${'clean changed'.padStart(13)}  ${'lost'.padStart(5)}`
  lines.push('', 'by language', head)
  for (const [lang, group] of Object.entries(summary.byLang)) lines.push(groupLine(lang, group))
  lines.push('', 'by site kind', head)
  for (const [kind, group] of Object.entries(summary.bySiteKind)) lines.push(groupLine(kind, group))
  const problems = results.filter(
    (result) =>
      result.refused ||
      (result.score?.lostBlocks.length ?? 0) > 0 ||
      ((result.site.kind === 'clean' || result.site.kind === 'repost') && (result.score?.rulesOutsideFrontmatter.length ?? 0) > 0),
  )
  if (problems.length > 0) lines.push('', 'pages to look at (refused, content lost, clean page changed)')
  for (const result of problems.slice(0, print.all ? Infinity : 10)) {
    const where = `${result.site.id}/${result.page.path}`
    if (result.refused) lines.push(`  ${where}: refused: ${result.refused}`)
    else if (result.score) {
      if (result.score.lostBlocks.length > 0)
        lines.push(`  ${where}: lost ${result.score.lostBlocks.map((block) => JSON.stringify(block)).join(', ')}`)
      if (result.site.kind === 'clean' || result.site.kind === 'repost')
        lines.push(`  ${where}: changed by ${result.score.rulesOutsideFrontmatter.join(', ')}`)
    }
  }
  if (problems.length > 10 && !print.all) lines.push(`  … and ${problems.length - 10} more (--all to list them)`)
  const total = summary.total
  lines.push(
    '',
    `TOTAL: ${total.pages} pages, junk removed ${percent(total.junk.removed, total.junk.chars)}, content kept ${percent(total.content.chars - total.content.removed, total.content.chars)}, ${total.refused} refused, ${total.cleanChanged} of ${total.cleanPages} clean pages changed, ${total.lost} content blocks lost`,
  )
  console.log(lines.join('\n'))
}

/**
 * @param {Options} options
 * @param {Awaited<ReturnType<typeof loadLibrary>>} library
 */
function runCleanDocs(options, library) {
  const files = listDocFiles(join(ROOT, 'node_modules'))
  const result = checkCleanDocs(files, library)
  if (options.json) console.log(JSON.stringify(result, null, 2))
  else {
    const lines = [
      `clean-docs: ${result.checked} of ${result.files} README/docs files from ${result.packages.length} packages in node_modules cleaned`,
      `  chrome rules: ${result.ruleIds.length > 0 ? result.ruleIds.join(', ') : 'none in this build (group "chrome" is empty): nothing to check'}`,
      `  packages: ${options.all ? result.packages.join(', ') : `${result.packages.slice(0, 20).join(', ')}${result.packages.length > 20 ? `, … (${result.packages.length - 20} more; --all lists them)` : ''}`}`,
    ]
    for (const refused of result.refused) lines.push(`  refused ${refused.file}: ${refused.message}`)
    for (const removal of result.removals)
      lines.push(
        `  ${removal.file}:${removal.line}  ${removal.rule}  ${removal.reason}\n      ${JSON.stringify(removal.text.slice(0, 200))}`,
      )
    lines.push(
      `${result.removals.length === 0 ? '✔' : '✘'} clean-docs: ${result.removals.length} removal${result.removals.length === 1 ? '' : 's'} by the chrome rules`,
    )
    console.log(lines.join('\n'))
  }
  return result.removals.length === 0 ? 0 : 1
}

async function main() {
  const options = parseArguments(process.argv.slice(2))
  const library = await loadLibrary()
  if (options.clean) {
    process.exitCode = runCleanDocs(options, library)
    return
  }
  const sites = generateSites({seed: options.seed, pages: options.pages, langs: options.langs})
  /** @type {PageResult[]} */
  const results = []
  /** @type {Set<string>} */
  const notes = new Set()
  const scratch = options.runner === 'cli' ? mkdtempSync(join(tmpdir(), 'decruft-eval-')) : ''
  try {
    for (const site of sites) {
      const run = options.runner === 'cli' ? runCli(site, options, scratch) : runLibrary(site, library, options)
      results.push(...run.results)
      notes.add(run.note)
    }
  } finally {
    if (scratch) rmSync(scratch, {recursive: true, force: true})
  }
  const summary = summarise(results)
  const header = `decruft eval: ${sites.length} sites, ${results.length} pages (seed ${options.seed}, ${options.pages} per site, runner ${options.runner}, templates: ${[...notes].join('; ')})`
  if (options.json) console.log(JSON.stringify({options, notes: [...notes], ...summary}, null, 2))
  else printReport(summary, results, {header, all: options.all})
  process.exitCode = summary.total.refused === 0 ? 0 : 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()

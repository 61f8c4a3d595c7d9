#!/usr/bin/env node
/**
 * npm run bench -- [--articles N] [--rounds R] [--seed S] [--no-cli] [--no-hostile] [--no-hook] [--cli-args "…"]
 *                   [--no-stream] [--stream-sizes 2000,20000]
 *                   [--no-throughput] [--throughput-articles N] [--no-folder-rss] [--rss-articles N]
 *                   [--no-report-browser] [--report-articles N]
 *
 * How much does decruft cost per article, next to the parse it cannot avoid?
 *
 * Generates N articles in memory (default 2000, 2–20 KB, seeded: the same
 * corpus every run; see scripts/lib/generate.js), then times, over all of
 * them and in the same process:
 *
 *   remark-parse                      unified().use(remarkParse).parse(text)
 *   remark-parse + frontmatter + gfm  the parser decruft actually uses (createParser: GFM minus autolink literals)
 *   clean()                           decruft's whole pipeline (parse, rules, splice, record), every
 *                                     default rule on, site-template with an index learned from the
 *                                     same articles (each article's path `<family>/<name>`, as a batch
 *                                     of those folders would learn and clean them)
 *
 * Then the cost of the structural page-chrome rule (scripts/lib/bench-chrome.js):
 * clean() with and without it on 500 of the articles and on the same
 * articles wrapped in a generated whole page.
 *
 * After one warm-up pass of each, R rounds (default 3) run the three in a
 * rotating order, so none always runs first (cold) or last (after the most
 * garbage); the median round is reported. Then, if the CLI is built
 * (dist/node/batch.js and bin/decruft.js), the corpus is written to a temp
 * folder and `node bin/decruft.js <dir> --out <tmp>` is timed as a child
 * process (files/s; its peak RSS via /usr/bin/time when present).
 *
 * Site templates (scripts/bench.js's own section): the learning pass in
 * process (articleSignature per article, the index's size), then the CLI
 * batch with its learning pass (two passes, the default) against
 * `--no-templates` (one pass), wall time and child peak RSS, at two corpus
 * sizes five times apart (N/5 and N).
 *
 * Last (unless --no-hook), what a pre-commit hook pays on every commit: the
 * wall time of `node bin/decruft.js check <one typical article>` (a fresh
 * process each time: start-up, imports, one clean), next to
 * `markdownlint-cli2` on the same file, `node -e ""` and a `--cache` hit,
 * run alternately (median of 9 rounds, after one warm-up), with the load.
 *
 * Stream mode (scripts/lib/bench-stream.js), unless --no-stream: `decruft
 * --jsonl` as a child at two stream lengths (--stream-sizes, default 2,000
 * and 20,000 lines cycling the generated articles), wall time and peak RSS,
 * and the ratio of the peaks.
 *
 * Batch throughput (benchThroughput, unless --no-throughput): the CLI on
 * the first --throughput-articles (default 500) articles at --concurrency 1,
 * 2 and 4 and the default (cores − 1 workers from three cores on, else in
 * process), alternating, R rounds; median files/s, peak RSS, and each
 * against --concurrency 1. Peak RSS of a folder batch (benchFolderRss,
 * unless --no-folder-rss): the default batch of --rss-articles (default
 * 2000) and of ten times as many generated articles (the same generator,
 * so the same per-file sizes), written to disk one by one; the ratio of the
 * two peaks (target ≤ 1.2).
 *
 * The review report (scripts/lib/bench-report.js, unless --no-report-browser):
 * --report-articles (default 10,000) generated articles batched without and
 * with `--report`, the report's size, and in headless Chromium the time to
 * first paint and to the first render, to filter by a rule, to search and to
 * open an article (medians of 3).
 *
 * Then, unless --no-hostile, the hostile-input bench (scripts/bench-hostile.js,
 * also `npm run bench:hostile` alone): each pathological shape of issue 12 at
 * two sizes, cleaned by the CLI in a child process with a time limit; outcome,
 * wall time and peak RSS per shape.
 *
 * Output: one line per figure, `label  value`, e.g.
 *
 *   remark-parse                         4.10 ms/article  (rounds 4.08–4.31)
 *   clean()                              6.02 ms/article  (rounds 5.97–6.20)
 *   ratio clean() / remark-parse         1.47×
 *   peak RSS (this process)              402 MB
 *   CLI batch (bin/decruft.js)           2000 files in 3.1 s = 645 files/s, child peak RSS 281 MB
 *
 * Figures only, no pass/fail thresholds: compare runs on the same machine.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {benchPageChrome} from './lib/bench-chrome.js'
import {benchReportBrowser} from './lib/bench-report.js'
import {benchStream} from './lib/bench-stream.js'
import {buildArticle, generateCorpus, generateSpec} from './lib/generate.js'
import {createRandom} from './lib/random.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * @param {string} [message]
 * @returns {never}
 */
function usage(message) {
  if (message) console.error(`bench: ${message}`)
  console.error(
    'usage: npm run bench -- [--articles N] [--rounds R] [--seed S] [--no-cli] [--no-hostile] [--no-hook] [--cli-args "…"] [--no-stream] [--stream-sizes A,B] ' +
      '[--no-throughput] [--throughput-articles N] [--no-folder-rss] [--rss-articles N] [--no-report-browser] [--report-articles N]',
  )
  process.exit(2)
}

/** @param {readonly string[]} argv */
function parseArguments(argv) {
  /** @type {{articles: number, rounds: number, seed: number, cli: boolean, hostile: boolean, hook: boolean, cliArgs: string[], stream: boolean, streamSizes: number[], throughput: boolean, throughputArticles: number, folderRss: boolean, rssArticles: number, reportBrowser: boolean, reportArticles: number}} */
  const options = {
    articles: 2000,
    rounds: 3,
    seed: 20240601,
    cli: true,
    hostile: true,
    hook: true,
    cliArgs: [],
    stream: true,
    streamSizes: [2000, 20000],
    throughput: true,
    throughputArticles: 500,
    folderRss: true,
    rssArticles: 2000,
    reportBrowser: true,
    reportArticles: 10000,
  }
  const count = (/** @type {string} */ value, /** @type {string} */ name) => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < 1) usage(`${name} needs a positive integer`)
    return number
  }
  for (let index = 0; index < argv.length; index++) {
    const argument = /** @type {string} */ (argv[index])
    const [name, inline] = argument.includes('=') ? argument.split(/=(.*)/s) : [argument, undefined]
    const value = () => inline ?? argv[++index] ?? usage(`${name} needs a value`)
    if (name === '--articles' || name === '-n') options.articles = count(value(), name)
    else if (name === '--rounds') options.rounds = count(value(), name)
    else if (name === '--seed') options.seed = count(value(), name)
    else if (name === '--no-cli') options.cli = false
    else if (name === '--no-hostile') options.hostile = false
    else if (name === '--no-hook') options.hook = false
    else if (name === '--cli-args') options.cliArgs = value().split(/\s+/).filter(Boolean)
    else if (name === '--no-stream') options.stream = false
    else if (name === '--stream-sizes')
      options.streamSizes = value()
        .split(',')
        .map((size) => count(size, name))
    else if (name === '--no-throughput') options.throughput = false
    else if (name === '--throughput-articles') options.throughputArticles = count(value(), name)
    else if (name === '--no-folder-rss') options.folderRss = false
    else if (name === '--rss-articles') options.rssArticles = count(value(), name)
    else if (name === '--no-report-browser') options.reportBrowser = false
    else if (name === '--report-articles') options.reportArticles = count(value(), name)
    else if (name === '--help' || name === '-h') usage()
    else usage(`unknown option ${argument}`)
  }
  return options
}

/**
 * @param {string} label
 * @param {string} value
 */
function line(label, value) {
  console.log(`  ${label.padEnd(40)} ${value}`)
}

/** @param {number} bytes */
function megabytes(bytes) {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

/**
 * @param {readonly number[]} values
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Run `work` over every text; returns the elapsed milliseconds.
 *
 * @param {readonly string[]} texts
 * @param {(text: string, index: number) => unknown} work
 */
function timeOver(texts, work) {
  const started = performance.now()
  for (let index = 0; index < texts.length; index++) work(/** @type {string} */ (texts[index]), index)
  return performance.now() - started
}

/**
 * @returns {Promise<{
 *   clean: typeof import('../dist/index.js').clean,
 *   createParser: typeof import('../dist/plugin-api.js').createParser,
 *   createTemplateLearner: typeof import('../dist/plugin-api.js').createTemplateLearner,
 * }>}
 */
async function loadClean() {
  const library = join(root, 'dist', 'index.js')
  if (!existsSync(library)) {
    console.error('bench: dist/index.js not found; build first (npx tsc -p tsconfig.build.json)')
    process.exit(2)
  }
  const {clean} = await import(new URL(`file://${library}`).href)
  const {createParser, createTemplateLearner} = await import(new URL(`file://${join(root, 'dist', 'plugin-api.js')}`).href)
  return {clean, createParser, createTemplateLearner}
}

/**
 * Time the in-process methods; returns ms per article (median round) and the round range.
 *
 * @param {readonly string[]} texts
 * @param {ReadonlyArray<{label: string, run: (text: string, index: number) => unknown}>} methods
 * @param {number} rounds
 */
function benchInProcess(texts, methods, rounds) {
  const warmUp = texts.slice(0, Math.min(texts.length, 200))
  for (const method of methods) timeOver(warmUp, method.run)
  const times = new Map(methods.map((method) => [method.label, /** @type {number[]} */ ([])]))
  for (let round = 0; round < rounds; round++) {
    // Rotate the order so no method always runs first or last.
    for (let step = 0; step < methods.length; step++) {
      const method = methods[(round + step) % methods.length]
      times.get(method.label)?.push(timeOver(texts, method.run) / texts.length)
    }
  }
  return new Map(
    methods.map((method) => {
      const perArticle = /** @type {number[]} */ (times.get(method.label))
      return [method.label, {median: median(perArticle), min: Math.min(...perArticle), max: Math.max(...perArticle)}]
    }),
  )
}

/**
 * Run a child process; resolves with its exit code, wall time and captured stderr.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<{code: number | null, ms: number, stderr: string}>}
 */
function run(command, args, options) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(command, args, {...options, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20000)
    })
    child.on('error', (error) => resolve({code: -1, ms: performance.now() - started, stderr: String(error)}))
    child.on('close', (code) => resolve({code, ms: performance.now() - started, stderr}))
  })
}

const TIME_MARK = 'decruft-bench-maxrss-kb='

/**
 * Write `articles` under `<work>/in/<kind>/` (each family a folder, so a site for the template index).
 *
 * @param {readonly import('./lib/generate.js').GeneratedArticle[]} articles
 * @param {string} work
 */
function writeCorpus(articles, work) {
  const input = join(work, 'in')
  for (const article of articles) {
    const folder = join(input, article.kind)
    mkdirSync(folder, {recursive: true})
    writeFileSync(join(folder, article.name), article.text)
  }
  return input
}

/**
 * Time one CLI batch of the corpus written in `input` (a child process; its peak RSS via /usr/bin/time when present).
 *
 * @param {string} input
 * @param {string} output
 * @param {readonly string[]} extraArgs
 */
async function timeBatch(input, output, extraArgs) {
  const args = [join(root, 'bin', 'decruft.js'), input, '--out', output, '--quiet', ...extraArgs]
  const gnuTime = existsSync('/usr/bin/time')
  const result = gnuTime
    ? await run('/usr/bin/time', ['-f', `${TIME_MARK}%M`, process.execPath, ...args], {cwd: root})
    : await run(process.execPath, args, {cwd: root})
  const rss = gnuTime ? new RegExp(`${TIME_MARK}(\\d+)`).exec(result.stderr)?.[1] : undefined
  return {seconds: result.ms / 1000, rss: rss ? Number(rss) * 1024 : undefined, code: result.code}
}

/**
 * The site-template learning pass: in process (per article), then the CLI batch with it (two passes) and without it
 * (`--no-templates`, one pass), at two corpus sizes five times apart.
 *
 * @param {readonly import('./lib/generate.js').GeneratedArticle[]} articles
 */
async function benchTemplates(articles) {
  const plugin = await import(new URL(`file://${join(root, 'dist', 'plugin-api.js')}`).href)
  const learner = plugin.createTemplateLearner()
  const started = performance.now()
  for (const article of articles) learner.add(article.text, {path: `${article.kind}/${article.name}`})
  const learnMs = performance.now() - started
  const index = plugin.serializeTemplateIndex(learner.index)
  let blocks = 0
  for (const site of learner.index.sites.values()) blocks += site.blocks.size + (site.singles?.size ?? 0)
  line(
    'templates: learn (parse + hash)',
    `${(learnMs / articles.length).toFixed(2)} ms/article; ${learner.index.sites.size} sites, ${blocks} blocks in memory, saved index ${(index.length / 1024).toFixed(0)} KB`,
  )
  if (!existsSync(join(root, 'dist', 'node', 'batch.js'))) return
  const sizes = [...new Set([Math.max(1, Math.floor(articles.length / 5)), articles.length])]
  for (const size of sizes) {
    const work = mkdtempSync(join(tmpdir(), 'decruft-bench-templates-'))
    try {
      const input = writeCorpus(articles.slice(0, size), work)
      const two = await timeBatch(input, join(work, 'two'), [])
      const one = await timeBatch(input, join(work, 'one'), ['--no-templates'])
      const rss = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? 'RSS unknown' : `peak RSS ${megabytes(bytes)}`)
      const codes = two.code === 0 && one.code === 0 ? '' : `  [exit codes ${two.code}, ${one.code}]`
      line(
        `templates: batch of ${size}`,
        `two-pass ${two.seconds.toFixed(2)} s (${rss(two.rss)}), one-pass ${one.seconds.toFixed(2)} s (${rss(one.rss)}), ` +
          `+${Math.round((two.seconds / one.seconds - 1) * 100)} % time${codes}`,
      )
    } finally {
      rmSync(work, {recursive: true, force: true})
    }
  }
}

/**
 * @param {readonly import('./lib/generate.js').GeneratedArticle[]} articles
 * @param {readonly string[]} extraArgs
 */
async function benchCli(articles, extraArgs) {
  const bin = join(root, 'bin', 'decruft.js')
  if (!existsSync(join(root, 'dist', 'node', 'batch.js')) || !existsSync(bin)) {
    line('CLI batch (bin/decruft.js)', 'skipped: CLI not built (dist/node/batch.js or bin/decruft.js missing)')
    return
  }
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-'))
  try {
    const input = join(work, 'in')
    const output = join(work, 'out')
    for (const article of articles) {
      const folder = join(input, article.kind)
      mkdirSync(folder, {recursive: true})
      writeFileSync(join(folder, article.name), article.text)
    }
    const args = [bin, input, '--out', output, ...extraArgs]
    const gnuTime = existsSync('/usr/bin/time')
    const result = gnuTime
      ? await run('/usr/bin/time', ['-f', `${TIME_MARK}%M`, process.execPath, ...args], {cwd: root})
      : await run(process.execPath, args, {cwd: root})
    const rss = gnuTime ? new RegExp(`${TIME_MARK}(\\d+)`).exec(result.stderr)?.[1] : undefined
    const seconds = result.ms / 1000
    const rate = Math.round(articles.length / seconds)
    const memory = rss ? `, child peak RSS ${megabytes(Number(rss) * 1024)}` : ' (peak RSS unknown: no /usr/bin/time)'
    const status = result.code === 0 ? '' : `  [exit code ${result.code}]`
    line(
      `CLI batch (bin/decruft.js${extraArgs.length ? ` ${extraArgs.join(' ')}` : ''})`,
      `${articles.length} files in ${seconds.toFixed(2)} s = ${rate} files/s${memory}${status}`,
    )
    if (result.code !== 0 && result.code !== 1) {
      const tail = result.stderr
        .replace(new RegExp(`${TIME_MARK}\\d+\\s*`), '')
        .trim()
        .split('\n')
        .slice(-5)
      for (const text of tail) console.log(`      ${text}`)
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

const HOOK_RUNS = 9

/**
 * Wall times of several commands run alternately, HOOK_RUNS rounds (after
 * one warm-up round), each round in a rotated order so that none always
 * follows the same one: on a shared, loaded machine the load drifts, and
 * alternating spreads the drift over all of them. Medians, ranges and last
 * exit codes, by label.
 *
 * @param {ReadonlyArray<{label: string, command: string, args: readonly string[]}>} commands
 * @param {string} cwd
 */
async function alternatingWallTimes(commands, cwd) {
  for (const {command, args} of commands) await run(command, args, {cwd})
  /** @type {Map<string, {times: number[], code: number | null}>} */
  const results = new Map(commands.map(({label}) => [label, {times: [], code: null}]))
  for (let round = 0; round < HOOK_RUNS; round++) {
    for (let index = 0; index < commands.length; index++) {
      const {label, command, args} = /** @type {(typeof commands)[number]} */ (commands[(round + index) % commands.length])
      const result = await run(command, args, {cwd})
      const entry = /** @type {{times: number[], code: number | null}} */ (results.get(label))
      entry.times.push(result.ms)
      entry.code = result.code
    }
  }
  return new Map(
    [...results].map(([label, {times, code}]) => [label, {ms: median(times), min: Math.min(...times), max: Math.max(...times), code}]),
  )
}

/**
 * What a pre-commit hook pays per commit: one typical article, a fresh
 * process, `decruft check` next to markdownlint-cli2 and `node -e ""`
 * (medians of HOOK_RUNS alternating runs), and `decruft check --cache`
 * answered from its cache. Prints the load average, since this is what a
 * loaded machine shifts most.
 *
 * @param {readonly import('./lib/generate.js').GeneratedArticle[]} articles
 */
async function benchHook(articles) {
  const bin = join(root, 'bin', 'decruft.js')
  if (!existsSync(join(root, 'dist', 'cli-bundle', 'cli.cjs')) || !existsSync(bin)) {
    line('check one article (hook)', 'skipped: CLI not built (dist/cli-bundle/cli.cjs missing)')
    return
  }
  // A typical article: the one whose size is the median.
  const sorted = [...articles].sort((a, b) => a.text.length - b.text.length)
  const article = /** @type {import('./lib/generate.js').GeneratedArticle} */ (sorted[Math.floor(sorted.length / 2)])
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-hook-'))
  try {
    const file = join(work, 'article.md')
    writeFileSync(file, article.text)
    const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')
    const hasMarkdownlint = existsSync(markdownlint)
    // --no-config: the bench's own tree must not change what is measured. The cache run's first (warm-up) run fills the cache.
    const commands = [
      {label: 'decruft', command: process.execPath, args: [bin, 'check', '--no-config', file]},
      ...(hasMarkdownlint ? [{label: 'markdownlint', command: process.execPath, args: [markdownlint, file]}] : []),
      {
        label: 'cache',
        command: process.execPath,
        args: [bin, 'check', '--no-config', '--cache', '--cache-location', join(work, 'cache'), file],
      },
      {label: 'node', command: process.execPath, args: ['-e', '']},
    ]
    const load = loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')
    const times = await alternatingWallTimes(commands, work)
    const decruft = /** @type {{ms: number, min: number, max: number, code: number | null}} */ (times.get('decruft'))
    line(
      'check one article (hook)',
      `decruft check ${decruft.ms.toFixed(0)} ms  (median of ${HOOK_RUNS} alternating runs ${decruft.min.toFixed(0)}–${decruft.max.toFixed(0)}, ${(article.text.length / 1000).toFixed(1)} K characters, exit ${decruft.code})`,
    )
    const lint = times.get('markdownlint')
    if (lint) {
      line(
        '  same file, markdownlint-cli2',
        `${lint.ms.toFixed(0)} ms  (runs ${lint.min.toFixed(0)}–${lint.max.toFixed(0)}, exit ${lint.code})`,
      )
      line('  ratio decruft / markdownlint-cli2', `${(decruft.ms / lint.ms).toFixed(2)}×  (target ≤ 0.8×)`)
    } else {
      line('  same file, markdownlint-cli2', 'skipped: not installed (npm ci installs it as a devDependency)')
    }
    const cached = /** @type {{ms: number, min: number, max: number}} */ (times.get('cache'))
    line('  decruft check --cache, a hit', `${cached.ms.toFixed(0)} ms  (runs ${cached.min.toFixed(0)}–${cached.max.toFixed(0)})`)
    const node = /** @type {{ms: number}} */ (times.get('node'))
    line('  node -e "" (start-up floor)', `${node.ms.toFixed(0)} ms`)
    line('  load average (1, 5, 15 min) at start', `${load}  (${availableParallelism()} cores)`)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2))
  const library = await loadClean()
  const generationStarted = performance.now()
  const articles = generateCorpus(options.articles, options.seed)
  const generationMs = performance.now() - generationStarted
  const texts = articles.map((article) => article.text)
  const characters = texts.reduce((total, text) => total + text.length, 0)
  /** @type {Record<string, number>} */
  const kinds = {}
  for (const article of articles) kinds[article.kind] = (kinds[article.kind] ?? 0) + 1

  console.log(`decruft bench — ${texts.length} generated articles (seed ${options.seed}), node ${process.version}`)
  line(
    'corpus',
    `${(characters / 1e6).toFixed(1)} M characters, mean ${(characters / texts.length / 1000).toFixed(1)} K, generated in ${(generationMs / 1000).toFixed(1)} s`,
  )
  line(
    'families',
    Object.entries(kinds)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(' · '),
  )
  const rssBefore = process.resourceUsage().maxRSS * 1024

  const parseOnly = unified().use(remarkParse)
  const parseFull = library.createParser()
  const {clean} = library
  // Every default rule runs, site-template too: with an index learned from these articles, as a batch learns one.
  const paths = articles.map((article) => `${article.kind}/${article.name}`)
  const learner = library.createTemplateLearner()
  texts.forEach((text, index) => learner.add(text, {path: paths[index]}))
  const templates = learner.index
  let failures = 0
  /** @type {Array<{label: string, run: (text: string, index: number) => unknown}>} */
  const methods = [
    {label: 'remark-parse', run: (text) => parseOnly.parse(text)},
    {label: 'remark-parse + frontmatter + gfm', run: (text) => parseFull.parse(text)},
    {
      label: 'clean()',
      run: (text, index) => {
        try {
          clean(text, {templates, path: paths[index]})
        } catch {
          failures++
        }
      },
    },
  ]
  const results = benchInProcess(texts, methods, options.rounds)
  for (const [label, figures] of results) {
    line(
      label,
      `${figures.median.toFixed(2)} ms/article  (rounds ${figures.min.toFixed(2)}–${figures.max.toFixed(2)}, ${Math.round(1000 / figures.median)} articles/s)`,
    )
  }
  const medianOf = (/** @type {string} */ label) => /** @type {{median: number}} */ (results.get(label)).median
  const parse = medianOf('remark-parse')
  const full = medianOf('remark-parse + frontmatter + gfm')
  const cleaned = medianOf('clean()')
  line('ratio clean() / remark-parse', `${(cleaned / parse).toFixed(2)}×`)
  line('ratio clean() / parse+frontmatter+gfm', `${(cleaned / full).toFixed(2)}×`)
  line('ratio parse+frontmatter+gfm / parse', `${(full / parse).toFixed(2)}×`)
  if (failures > 0) line('clean() failures', `${failures / (options.rounds + 1)} articles threw (per pass)`)
  line('peak RSS (this process)', `${megabytes(process.resourceUsage().maxRSS * 1024)} (after generating: ${megabytes(rssBefore)})`)
  benchPageChrome(texts, clean, line, options.rounds)
  if (options.cli) {
    await benchCli(articles, options.cliArgs)
    await benchTemplates(articles)
    if (options.hook) await benchHook(articles)
    if (options.throughput) await benchThroughput(articles.slice(0, options.throughputArticles), options.rounds)
    if (options.folderRss) await benchFolderRss(options.rssArticles, options.seed)
    if (options.stream) await benchStream(articles, {root, sizes: options.streamSizes, extraArgs: options.cliArgs, line})
    if (options.reportBrowser) await benchReport(options.reportArticles, options.seed)
  }
  if (options.hostile) await benchHostile()
}

/**
 * Batch throughput at --concurrency 1, 2, 4 and the default: one CLI batch of `articles` per setting and round,
 * the settings alternating so none always runs on a quieter machine; median files/s and peak RSS, and each against
 * --concurrency 1. The machine's cores and load are printed with it: on a shared machine the figures move.
 *
 * @param {readonly import('./lib/generate.js').GeneratedArticle[]} articles
 * @param {number} rounds
 */
async function benchThroughput(articles, rounds) {
  if (!existsSync(join(root, 'dist', 'node', 'batch.js'))) return
  const settings = [
    {label: '--concurrency 1', args: ['--concurrency', '1']},
    {label: '--concurrency 2', args: ['--concurrency', '2']},
    {label: '--concurrency 4', args: ['--concurrency', '4']},
    {label: 'default', args: []},
  ]
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-throughput-'))
  try {
    const input = writeCorpus(articles, work)
    /** @type {Map<string, {seconds: number[], rss: number[], codes: Set<number | null>}>} */
    const results = new Map(settings.map((setting) => [setting.label, {seconds: [], rss: [], codes: new Set()}]))
    const loads = [loadavg()[0]]
    for (let round = 0; round < rounds; round++) {
      for (let step = 0; step < settings.length; step++) {
        const setting = settings[(round + step) % settings.length]
        const output = join(work, `out-${round}-${step}`)
        const timed = await timeBatch(input, output, setting.args)
        rmSync(output, {recursive: true, force: true})
        const result = /** @type {{seconds: number[], rss: number[], codes: Set<number | null>}} */ (results.get(setting.label))
        result.seconds.push(timed.seconds)
        if (timed.rss !== undefined) result.rss.push(timed.rss)
        result.codes.add(timed.code)
      }
      loads.push(loadavg()[0])
    }
    const base = median(/** @type {{seconds: number[]}} */ (results.get('--concurrency 1')).seconds)
    line(
      'batch throughput',
      `${articles.length} files, median of ${rounds} alternating rounds, ${availableParallelism()} cores, load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    )
    for (const [label, result] of results) {
      const seconds = median(result.seconds)
      const rss = result.rss.length > 0 ? `, peak RSS ${megabytes(median(result.rss))}` : ''
      const codes = [...result.codes].some((code) => code !== 0) ? `  [exit codes ${[...result.codes].join(', ')}]` : ''
      line(
        `  ${label}`,
        `${Math.round(articles.length / seconds)} files/s (${seconds.toFixed(2)} s${rss}), ${(base / seconds).toFixed(2)}× --concurrency 1${codes}`,
      )
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/**
 * Peak RSS of the default folder batch at two corpus sizes ten times apart (`size` and 10 × `size` generated
 * articles, the smaller the first `size` of the larger: the same per-file sizes). Articles are generated and
 * written one by one, so the bench itself holds none of them.
 *
 * @param {number} size
 * @param {number} seed
 */
async function benchFolderRss(size, seed) {
  if (!existsSync(join(root, 'dist', 'node', 'batch.js')) || !existsSync('/usr/bin/time')) {
    line('folder batch peak RSS', 'skipped: needs the build and /usr/bin/time')
    return
  }
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-rss-'))
  try {
    /** @type {Array<{count: number, rss: number | undefined, seconds: number, code: number | null}>} */
    const results = []
    for (const count of [size, size * 10]) {
      const input = join(work, `in-${count}`)
      let written = 0
      for (const article of generateArticles(count, seed)) {
        const folder = join(input, article.kind)
        if (written++ === 0 || !existsSync(folder)) mkdirSync(folder, {recursive: true})
        writeFileSync(join(folder, article.name), article.text)
      }
      const timed = await timeBatch(input, join(work, `out-${count}`), [])
      rmSync(input, {recursive: true, force: true})
      rmSync(join(work, `out-${count}`), {recursive: true, force: true})
      results.push({count, ...timed})
    }
    const [small, large] = /** @type {[typeof results[0], typeof results[0]]} */ (results)
    const show = (/** @type {typeof results[0]} */ result) =>
      `${result.count} files: peak RSS ${result.rss === undefined ? 'unknown' : megabytes(result.rss)} (${result.seconds.toFixed(1)} s${result.code === 0 ? '' : `, exit ${result.code}`})`
    const ratio = small.rss && large.rss ? `${(large.rss / small.rss).toFixed(2)}×` : 'unknown'
    line('folder batch peak RSS (default)', `${show(small)}; ${show(large)}; ratio ${ratio} (target ≤ 1.2×)`)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/**
 * The articles of `generateCorpus(count, seed)`, one at a time (the same texts and names, none held).
 *
 * @param {number} count
 * @param {number} seed
 * @returns {Generator<import('./lib/generate.js').GeneratedArticle>}
 */
function* generateArticles(count, seed) {
  const random = createRandom(seed)
  for (let index = 0; index < count; index++) {
    const {kind, spec} = generateSpec(random)
    yield {name: `${String(index).padStart(5, '0')}-${kind}.md`, kind, text: buildArticle(spec)}
  }
}

/**
 * The review report: `count` generated articles batched without and with `--report`, then the page in Chromium
 * (scripts/lib/bench-report.js).
 *
 * @param {number} count
 * @param {number} seed
 */
async function benchReport(count, seed) {
  if (!existsSync(join(root, 'dist', 'node', 'batch.js'))) return
  await benchReportBrowser({count, articles: generateArticles(count, seed), timeBatch, line})
}

/** The hostile-input bench, in its own process (each of its shapes runs in a child of that). */
function benchHostile() {
  console.log('')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'bench-hostile.js')], {cwd: root, stdio: 'inherit'})
    child.on('close', resolve)
    child.on('error', resolve)
  })
}

await main()

/**
 * The review report's bench section (scripts/bench.js, unless
 * --no-report-browser): N generated articles (--report-articles, default
 * 10,000; the bench's generator) are written to disk and batched by the CLI
 * without and with `--report`; the report's size, both batch times, then in
 * headless Chromium (scripts/lib/report-browser.js; skipped with a note when
 * there is none) the time to first paint and to the first render
 * (`data-ready`), to filter by a rule, to search and to open an article,
 * each the median of a few runs, in the page's own clock.
 */
import {mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromiumPath, clickAction, launchChromium, medianOf, searchAction, timeAction, timeReportLoad} from './report-browser.js'

/** How many times each browser figure is measured (the median is printed). */
const RUNS = 3

/**
 * @typedef {object} ReportBenchContext
 * @property {number} count articles to generate
 * @property {Iterable<import('./generate.js').GeneratedArticle>} articles the generated articles, one at a time
 * @property {(input: string, output: string, extraArgs: readonly string[]) => Promise<{seconds: number, rss: number | undefined, code: number | null}>} timeBatch
 * @property {(label: string, value: string) => void} line
 */

/** @param {ReportBenchContext} context */
export async function benchReportBrowser({count, articles, timeBatch, line}) {
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-report-'))
  try {
    const input = join(work, 'in')
    for (const article of articles) {
      const folder = join(input, article.kind)
      mkdirSync(folder, {recursive: true})
      writeFileSync(join(folder, article.name), article.text)
    }
    const report = join(work, 'report.html')
    const without = await timeBatch(input, join(work, 'out-plain'), [])
    rmSync(join(work, 'out-plain'), {recursive: true, force: true})
    const withReport = await timeBatch(input, join(work, 'out-report'), ['--report', report])
    rmSync(join(work, 'out-report'), {recursive: true, force: true})
    rmSync(input, {recursive: true, force: true})
    const codes = without.code === 0 && withReport.code === 0 ? '' : `  [exit codes ${without.code}, ${withReport.code}]`
    const rss = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? '' : `, peak RSS ${Math.round(bytes / 1024 / 1024)} MB`)
    line(
      `report: batch of ${count}`,
      `without --report ${without.seconds.toFixed(1)} s${rss(without.rss)}; with ${withReport.seconds.toFixed(1)} s${rss(withReport.rss)} ` +
        `(+${Math.round((withReport.seconds / without.seconds - 1) * 100)} %)${codes}`,
    )
    if (withReport.code !== 0) return
    line(
      'report: size',
      `${(statSync(report).size / 1024 / 1024).toFixed(1)} MB (${Math.round(statSync(report).size / count)} bytes/article)`,
    )
    if (chromiumPath() === undefined) {
      line('report: in Chromium', 'skipped: no Chromium (apt-get install chromium, or set DECRUFT_CHROMIUM)')
      return
    }
    await benchInChromium(report, line)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/**
 * @param {string} report
 * @param {(label: string, value: string) => void} line
 */
async function benchInChromium(report, line) {
  const browser = await launchChromium()
  try {
    const url = pathToFileURL(report).href
    /** @type {number[]} */ const paint = []
    /** @type {number[]} */ const ready = []
    /** @type {number[]} */ const filter = []
    /** @type {number[]} */ const search = []
    /** @type {number[]} */ const open = []
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage()
      try {
        const load = await timeReportLoad(page, url, 300_000)
        if (load.firstPaintMs !== undefined) paint.push(load.firstPaintMs)
        ready.push(load.readyMs)
        // The rule with the most removals (the first button): the biggest filter.
        const rule = /** @type {string} */ (await page.evaluate(`document.querySelector('#rules button[data-rule]').dataset.rule`))
        const button = `#rules button[data-rule=${JSON.stringify(rule)}]`
        filter.push(await timeAction(page, '#articles', clickAction(button), {timeout: 300_000}))
        await timeAction(page, '#articles', clickAction(button), {timeout: 300_000})
        search.push(await timeAction(page, '#articles', searchAction(`0${run}1`), {timeout: 300_000}))
        await timeAction(page, '#articles', searchAction(''), {timeout: 300_000})
        open.push(
          await timeAction(page, '#article', clickAction(`#articles [data-article="${run}"]`), {
            done: `document.querySelector('#article pre.document') !== null`,
            timeout: 300_000,
          }),
        )
      } finally {
        await page.close()
      }
    }
    const ms = (/** @type {number[]} */ values) => (values.length === 0 ? 'unknown' : `${medianOf(values).toFixed(0)} ms`)
    line('report: first paint / ready', `${ms(paint)} / ${ms(ready)} (median of ${RUNS} loads)`)
    line('report: filter by a rule', ms(filter))
    line('report: search', ms(search))
    line('report: open an article', ms(open))
  } finally {
    await browser.close()
  }
}

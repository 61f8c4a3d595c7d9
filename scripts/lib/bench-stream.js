// The stream-mode part of `npm run bench`: `decruft --jsonl` as a child
// process at two stream lengths ten times apart (default 2,000 and 20,000
// articles), its wall time, throughput and peak RSS (/usr/bin/time when
// present), and the ratio of the two peaks: memory must not grow with the
// length of the stream (target ≤ 1.2×). The lines are generated on the fly
// into the child's stdin, with back-pressure (the bench holds no stream
// either), cycling through the bench's articles so both lengths have the
// same per-article sizes; the output is counted and dropped.

import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

const TIME_MARK = 'decruft-bench-stream-maxrss-kb='

/**
 * Run `decruft --jsonl` on `count` lines made from `articles`.
 *
 * @param {string} root  the package root
 * @param {readonly import('./generate.js').GeneratedArticle[]} articles
 * @param {number} count
 * @param {readonly string[]} extraArgs
 * @returns {Promise<{seconds: number, rss: number | undefined, code: number | null, lines: number, summary: string}>}
 */
async function streamRun(root, articles, count, extraArgs) {
  const args = [join(root, 'bin', 'decruft.js'), '--jsonl', ...extraArgs]
  const gnuTime = existsSync('/usr/bin/time')
  const [command, argv] = gnuTime ? ['/usr/bin/time', ['-f', `${TIME_MARK}%M`, process.execPath, ...args]] : [process.execPath, args]
  const started = performance.now()
  const child = spawn(command, argv, {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
  let lines = 0
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-20000)
  })
  const closed = new Promise((resolve) => child.on('close', resolve))
  child.stdin.on('error', () => undefined)
  for (let index = 0; index < count; index++) {
    const article = /** @type {import('./generate.js').GeneratedArticle} */ (articles[index % articles.length])
    const cycle = Math.floor(index / articles.length)
    const line = `${JSON.stringify({id: index, path: `${article.kind}/${cycle}/${article.name}`, text: article.text})}\n`
    if (!child.stdin.write(line)) await new Promise((resolve) => child.stdin.once('drain', resolve))
  }
  child.stdin.end()
  const code = /** @type {number | null} */ (await closed)
  const seconds = (performance.now() - started) / 1000
  const rss = gnuTime ? new RegExp(`${TIME_MARK}(\\d+)`).exec(stderr)?.[1] : undefined
  const summary = /decruft: (\d+ articles: .*)/.exec(stderr)?.[1] ?? stderr.trim().split('\n').at(-1) ?? ''
  return {seconds, rss: rss ? Number(rss) * 1024 : undefined, code, lines, summary}
}

/**
 * The stream section: one run per length in `sizes`, then the ratio of the peak RSS of the longest to the shortest.
 *
 * @param {readonly import('./generate.js').GeneratedArticle[]} articles
 * @param {{root: string, sizes: readonly number[], extraArgs: readonly string[], line: (label: string, value: string) => void}} options
 */
export async function benchStream(articles, options) {
  const {line} = options
  console.log('')
  console.log(`stream mode (decruft --jsonl, lines generated into stdin, cycling ${articles.length} articles)`)
  /** @type {Array<{count: number, rss: number | undefined}>} */
  const peaks = []
  for (const count of options.sizes) {
    const result = await streamRun(options.root, articles, count, options.extraArgs)
    const rss = result.rss === undefined ? 'peak RSS n/a (no /usr/bin/time)' : `child peak RSS ${Math.round(result.rss / 1024 / 1024)} MB`
    const ok = result.code === 0 && result.lines === count ? '' : `  (exit ${result.code}, ${result.lines} lines out)`
    line(
      `--jsonl ${count} articles`,
      `${result.seconds.toFixed(1)} s = ${Math.round(count / result.seconds)} articles/s, ${rss}; ${result.summary}${ok}`,
    )
    peaks.push({count, rss: result.rss})
  }
  const first = peaks[0]
  const last = peaks.at(-1)
  if (first?.rss && last?.rss && last !== first) {
    line(`stream peak RSS ${last.count} / ${first.count}`, `${(last.rss / first.rss).toFixed(2)}× (target ≤ 1.2×)`)
  }
}

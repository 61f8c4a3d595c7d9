#!/usr/bin/env node
/**
 * npm run bench:hostile -- [--set hostile|adversarial|all] [--timeout S] [--only shape,…] [--size small|large|both] [--parse] [--root DIR] [--cli-args "…"]
 *
 * What does a hostile input cost? For each pathological shape of issue 12
 * (scripts/lib/hostile.js: deep lists, block quotes, emphasis, links and
 * HTML; a 5 MB article; long lists; a 5 MB single line) at two sizes, the
 * file is written to a temp folder and cleaned by the CLI in a child process
 * (`node bin/decruft.js <file> --out <tmp> --no-config`), with a hard time
 * limit (default 60 s; the child's process group is killed). One row each:
 *
 *   shape                 size          input     outcome   wall     peak RSS  cause
 *   nested-blockquote     100000 depth  195 KB    refused   0.21 s   61 MB     too deeply nested: …
 *
 * outcome: `cleaned` (exit 0 or 1), `refused` (exit 3: the file was named
 * with a cause), `timeout` (killed at the limit), `error` (any other exit,
 * e.g. 134 for a V8 out-of-memory abort). Peak RSS comes from
 * /usr/bin/time when present (else from the child's own report); for a child
 * killed at the limit, it is the highest VmHWM sampled from /proc, shown as
 * `≥ N MB`.
 *
 * --set picks the shapes: `hostile` (default) the parser-cost shapes above;
 * `adversarial` (scripts/lib/adversarial.js) the shapes that made decruft's
 * own scanners and rules super-linear (unclosed tags and comments, thousands
 * of links in one paragraph, long URLs and queries, …); `all` both.
 *
 * With --parse, a second child per row times remark-parse alone on the same
 * file (the parser decruft uses: createParser), the floor decruft cannot go
 * below without refusing.
 *
 * With --root DIR, the CLI and library of another checkout are measured
 * (e.g. `--root ../main` for a before/after comparison on the same machine).
 *
 * Figures only, no pass/fail thresholds: compare runs on the same machine.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {ADVERSARIAL_SHAPES} from './lib/adversarial.js'
import {HOSTILE_SHAPES} from './lib/hostile.js'

const here = fileURLToPath(new URL('..', import.meta.url))
const rootIndex = process.argv.indexOf('--root')
/** The checkout measured: this one, or the one named by --root. */
const root = rootIndex === -1 ? here : resolve(process.argv[rootIndex + 1] ?? here)
const bin = join(root, 'bin', 'decruft.js')
const TIME_MARK = 'decruft-bench-maxrss-kb='
const gnuTime = existsSync('/usr/bin/time')

/**
 * @param {string} [message]
 * @returns {never}
 */
function usage(message) {
  if (message) console.error(`bench-hostile: ${message}`)
  console.error(
    'usage: npm run bench:hostile -- [--set hostile|adversarial|all] [--timeout S] [--only shape,…] [--size small|large|both] [--parse] [--root DIR] [--cli-args "…"]',
  )
  process.exit(2)
}

/** @param {readonly string[]} argv */
function parseArguments(argv) {
  /** @type {{set: string, timeout: number, only: string[] | undefined, size: string, parse: boolean, cliArgs: string[]}} */
  const options = {set: 'hostile', timeout: 60, only: undefined, size: 'both', parse: false, cliArgs: []}
  for (let index = 0; index < argv.length; index++) {
    const argument = /** @type {string} */ (argv[index])
    const [name, inline] = argument.includes('=') ? argument.split(/=(.*)/s) : [argument, undefined]
    const value = () => inline ?? argv[++index] ?? usage(`${name} needs a value`)
    if (name === '--timeout') {
      options.timeout = Number(value())
      if (!(options.timeout > 0)) usage('--timeout needs a positive number of seconds')
    } else if (name === '--set') {
      options.set = value()
      if (!['hostile', 'adversarial', 'all'].includes(options.set)) usage('--set is hostile, adversarial or all')
    } else if (name === '--only') options.only = value().split(',').filter(Boolean)
    else if (name === '--size') {
      options.size = value()
      if (!['small', 'large', 'both'].includes(options.size)) usage('--size is small, large or both')
    } else if (name === '--parse') options.parse = true
    else if (name === '--root') value()
    else if (name === '--cli-args') options.cliArgs = value().split(/\s+/).filter(Boolean)
    else if (name === '--help' || name === '-h') usage()
    else usage(`unknown option ${argument}`)
  }
  const known = shapesOf(options.set)
  const unknown = (options.only ?? []).filter((shape) => !known.some((shape2) => shape2.name === shape))
  if (unknown.length > 0) usage(`unknown shape ${unknown.join(', ')} (shapes: ${known.map((shape) => shape.name).join(', ')})`)
  return options
}

/** The child that times remark-parse alone (the parser decruft uses) and reports its own peak RSS. */
const PARSE_CHILD = `
const {readFileSync} = await import('node:fs')
const {createParser} = await import(${JSON.stringify(new URL(`file://${join(root, 'dist', 'plugin-api.js')}`).href)})
const text = readFileSync(process.argv[1], 'utf8')
createParser().parse(text)
process.stderr.write('${TIME_MARK}' + process.resourceUsage().maxRSS + '\\n')
`

/**
 * @typedef {{code: number | null, signal: NodeJS.Signals | null, timedOut: boolean, ms: number, stderr: string, sampledKb: number}} RunResult
 */

/**
 * Run a command in its own process group, killed at `timeout` seconds; resolves with exit code, signal, wall time, stderr tail.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {number} timeout
 * @returns {Promise<RunResult>}
 */
function run(command, args, timeout) {
  return new Promise((resolve) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd: root, stdio: ['ignore', 'ignore', 'pipe'], detached: true})
    let stderr = ''
    let timedOut = false
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20000)
    })
    // Sampled peak RSS (VmHWM) of the child (or, under /usr/bin/time, of its child): the figure when it is killed.
    let sampledKb = 0
    const sampler = setInterval(() => {
      sampledKb = Math.max(sampledKb, peakOfTree(child.pid))
    }, 200)
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, timeout * 1000)
    /**
     * @param {number | null} code
     * @param {NodeJS.Signals | null} signal
     * @param {string} [failure] why the command could not be started (shown as its cause)
     */
    const done = (code, signal, failure) => {
      clearTimeout(timer)
      clearInterval(sampler)
      resolve({
        code,
        signal,
        timedOut,
        ms: performance.now() - started,
        stderr: failure === undefined ? stderr : `${stderr}${failure}\n`,
        sampledKb,
      })
    }
    child.on('error', (error) => done(-1, null, String(error)))
    child.on('close', done)
  })
}

/**
 * The largest VmHWM (kB) of a process and its children, from /proc; 0 where /proc is not there.
 *
 * @param {number | undefined} pid
 * @returns {number}
 */
function peakOfTree(pid) {
  let peak = 0
  try {
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    if (hwm) peak = Number(hwm[1])
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean)) {
      peak = Math.max(peak, peakOfTree(Number(child)))
    }
  } catch {
    // The process has ended, or there is no /proc.
  }
  return peak
}

/**
 * Run `node …args` under /usr/bin/time when present; adds `rssKb` (peak RSS) to the result.
 *
 * @param {readonly string[]} args
 * @param {number} timeout
 */
async function runNode(args, timeout) {
  const result = gnuTime
    ? await run('/usr/bin/time', ['-f', `${TIME_MARK}%M`, process.execPath, ...args], timeout)
    : await run(process.execPath, args, timeout)
  const marks = [...result.stderr.matchAll(new RegExp(`${TIME_MARK}(\\d+)`, 'g'))].map((match) => Number(match[1]))
  const rssKb = marks.length > 0 ? Math.max(...marks) : result.sampledKb > 0 ? result.sampledKb : undefined
  return {...result, rssKb, rssSampled: marks.length === 0 && rssKb !== undefined}
}

/** @param {RunResult} result */
function outcomeOf(result) {
  if (result.timedOut) return 'timeout'
  if (result.code === 0 || result.code === 1) return 'cleaned'
  if (result.code === 3) return 'refused'
  return 'error'
}

/** The cause the CLI printed for a refused file (`decruft: <path>:<line>:<col>: <cause>`), or the last stderr line of an error. */
/**
 * @param {RunResult} result
 * @param {string} file
 */
function causeOf(result, file) {
  const lines = result.stderr
    .replace(new RegExp(`${TIME_MARK}\\d+\\s*`, 'g'), '')
    .trim()
    .split('\n')
  const name = basename(file)
  const named = lines.find((text) => text.includes(name))
  // `decruft: ../../tmp/…/shape.md:1:129: cause` → `1:129: cause`
  const text = (named ?? lines.filter(Boolean).at(-1) ?? '')
    .replace(/^decruft: /, '')
    .replace(new RegExp(`^.*?${name.replace(/[.]/g, '\\.')}:?`), '')
  return text.length > 90 ? `${text.slice(0, 87)}…` : text
}

const kilobytes = (/** @type {number} */ bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`)
const megabytes = (/** @type {number | undefined} */ kb, sampled = false) =>
  kb === undefined ? '?' : `${sampled ? '≥' : ''}${Math.round(kb / 1024)} MB`
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(2)} s`

/**
 * @param {readonly (string | number)[]} cells
 * @param {readonly number[]} widths
 */
function row(cells, widths) {
  console.log(`  ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' ')}`.trimEnd())
}

async function main() {
  const options = parseArguments(process.argv.slice(2))
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(bin)) {
    console.error('bench-hostile: dist/ not built; run npm run build first')
    process.exit(2)
  }
  const shapes = shapesOf(options.set).filter((shape) => !options.only || options.only.includes(shape.name))
  const sizeIndexes = options.size === 'small' ? [0] : options.size === 'large' ? [1] : [0, 1]
  console.log(
    `decruft hostile-input bench — each file cleaned by the CLI in a child process, limit ${options.timeout} s, node ${process.version}${root === here ? '' : `, checkout ${root}`}`,
  )
  const widths = [20, 17, 9, 8, 8, 9, ...(options.parse ? [18] : []), 0]
  row(['shape', 'size', 'input', 'outcome', 'wall', 'peak RSS', ...(options.parse ? ['remark-parse alone'] : []), 'cause'], widths)
  const work = mkdtempSync(join(tmpdir(), 'decruft-bench-hostile-'))
  try {
    for (const shape of shapes) {
      for (const index of sizeIndexes) {
        const size = shape.sizes[index]
        const file = join(work, `${shape.name}-${size}.md`)
        writeFileSync(file, shape.make(size))
        const bytes = statSync(file).size
        const out = join(work, 'out')
        const result = await runNode([bin, file, '--out', out, '--no-config', ...options.cliArgs], options.timeout)
        const outcome = outcomeOf(result)
        /** @type {string[]} */
        let parse = []
        if (options.parse) {
          const parsed = await runNode(['--input-type=module', '-e', PARSE_CHILD, file], options.timeout)
          const parseOutcome = parsed.timedOut ? 'timeout ' : parsed.code === 0 ? '' : `exit ${parsed.code} `
          parse = [`${parseOutcome}${seconds(parsed.ms)} ${megabytes(parsed.rssKb, parsed.rssSampled)}`]
        }
        const cause = outcome === 'cleaned' ? '' : outcome === 'timeout' ? `killed at ${options.timeout} s` : causeOf(result, file)
        row(
          [
            shape.name,
            `${size} ${shape.unit}`,
            kilobytes(bytes),
            outcome,
            seconds(result.ms),
            megabytes(result.rssKb, result.rssSampled),
            ...parse,
            cause,
          ],
          widths,
        )
        rmSync(file, {force: true})
        rmSync(out, {recursive: true, force: true})
      }
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

await main()

/**
 * The shapes of a --set.
 *
 * @returns {readonly import('./lib/hostile.js').HostileShape[]}
 */
function shapesOf(set = 'hostile') {
  if (set === 'adversarial') return ADVERSARIAL_SHAPES
  if (set === 'all') return [...HOSTILE_SHAPES, ...ADVERSARIAL_SHAPES]
  return HOSTILE_SHAPES
}

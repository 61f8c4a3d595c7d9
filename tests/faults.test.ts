/**
 * Fault injection: one bad file, or a killed process, never costs more than
 * itself. The installed command (`bin/decruft.js`, the build) runs in a child
 * process over temporary folders:
 *
 * - killed with SIGKILL in the middle of a batch, it leaves no partial or
 *   temporary file, and a rerun gives what a clean run gives, byte for byte;
 * - an article that runs out of memory fails alone (`out of memory (limit N
 *   MB)`), on worker threads and in process alike, and the others are written;
 * - a runaway article is ended by `--timeout` (`timed out after N s`) and the
 *   others are written, on worker threads, in process, and in check mode.
 *
 * Out-of-memory and runaway articles are made with the test-only hook
 * `DECRUFT_TEST_FAULT` (src/node/fault.ts): a real hostile shape is refused
 * before it parses, so a real one cannot keep these tests deterministic. One
 * real shape (a long list of short items, the most memory-hungry found) runs
 * under a small `--max-memory` too.
 *
 * No wall-time assertion: the budgets are generous next to an ordinary
 * article even on a loaded machine, and only the outcome is checked.
 */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {generateCorpus} from '../scripts/lib/generate.js'
import {FAULT_ENV} from '../src/node/fault.js'
import {POOL_THRESHOLD} from '../src/node/pool.js'
import {listFiles, tree} from './support/temp-tree.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'decruft.js')
/** Each run of the command may take this long on a loaded machine (the tests assert outcomes, not times). */
const SLOW = 240_000

interface Result {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

interface RunOptions {
  /** `DECRUFT_TEST_FAULT`: `spin:<name>` or `oom:<name>`. */
  fault?: string
  /** Called every 20 ms while the command runs; return true to kill it with SIGKILL. */
  killWhen?: () => boolean
}

function decruft(args: readonly string[], cwd: string, options: RunOptions = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
    delete env[FAULT_ENV]
    if (options.fault !== undefined) env[FAULT_ENV] = options.fault
    const child = spawn(process.execPath, [BIN, '--no-config', ...args], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const killWhen = options.killWhen
    const poll = killWhen
      ? setInterval(() => {
          if (killWhen()) {
            clearInterval(poll)
            child.kill('SIGKILL')
          }
        }, 20)
      : undefined
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearInterval(poll)
      resolve({code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    })
  })
}

/** `count` generated articles (seeded), as `posts/NNN.md`, plus `extra`. */
function articles(count: number, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [index, article] of generateCorpus(count, 20260105).entries())
    files[`posts/${String(index).padStart(3, '0')}.md`] = article.text
  return {...files, ...extra}
}

/** Every file under `root` with its bytes. */
function contents(root: string): Map<string, Buffer> {
  return new Map(listFiles(root).map((path) => [path, readFileSync(join(root, path))]))
}

/** The summary line's counts. */
function summaryOf(stderr: string): {files: number; written: number; failed: number} | undefined {
  const match = /decruft: (\d+) files?: (\d+) written to [^,]+, (\d+) failed/.exec(stderr)
  return match ? {files: Number(match[1]), written: Number(match[2]), failed: Number(match[3])} : undefined
}

/** The lines on stderr that report a failed article (not the summary and its table). */
function failures(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('decruft: ') && !/^decruft: \d+ files?: /.test(line))
}

/** What the outputs of `posts/NAME.md` are called under `out`. */
function outputsOf(name: string): string[] {
  const stem = name.replace(/\.md$/, '')
  return [`${stem}.md`, `${stem}.json`]
}

/** Ways to run a batch: on worker threads, or in process. */
const MODES = [
  {mode: 'on worker threads', files: POOL_THRESHOLD + 10, args: ['--concurrency', '2'], how: /2 worker threads/},
  {mode: 'in process', files: 12, args: [], how: /in-process/},
] as const

/**
 * `result` is a run over `files` articles plus `posts/<name>`, which alone
 * failed with `message` (exit 3, a summary, `how` the run went); `out`
 * holds what `reference` (a clean run) holds but that article's outputs.
 */
function expectFailedAlone(
  root: string,
  result: {code: number | null; stderr: string},
  {name, message, files, how}: {name: string; message: string; files: number; how: RegExp},
): void {
  expect(result.code, result.stderr).toBe(3)
  expect(failures(result.stderr)).toEqual([`decruft: posts/${name}: ${message}`])
  expect(summaryOf(result.stderr)).toEqual({files: files + 1, written: files, failed: 1})
  expect(result.stderr).toMatch(how)
  const expected = contents(join(root, 'reference'))
  for (const output of outputsOf(name)) expected.delete(output)
  expect(contents(join(root, 'out'))).toEqual(expected)
}

/** The writer's temporary files: `.<name>.decruft-<pid>-<thread>-<n>.tmp`. */
const TEMPORARY = /(?:^|\/)\.[^/]+\.decruft-\d+-\d+-\d+\.tmp$/

describe('SIGKILL in the middle of a batch', () => {
  it.each(MODES)(
    '$mode: no partial or temporary file is left, and a rerun matches a clean run byte for byte',
    async ({args}) => {
      const root = tree(articles(240))
      const reference = await decruft(['posts', '--out', 'reference', ...args], root)
      expect(reference.code, reference.stderr).toBe(0)
      const expected = contents(join(root, 'reference'))
      expect(expected.size).toBe(480)

      const killed = await decruft(['posts', '--out', 'out', ...args], root, {
        killWhen: () => listFiles(join(root, 'out')).filter((path) => !TEMPORARY.test(path)).length >= 4,
      })
      expect(killed.signal, `the batch ended before it could be killed: ${killed.stderr}`).toBe('SIGKILL')
      const left = contents(join(root, 'out'))
      // A SIGKILL between creating a temporary file and renaming it can leave that hidden file (no process can
      // clean up after SIGKILL); the next run removes it. No output is ever partial.
      for (const path of left.keys()) if (TEMPORARY.test(path)) left.delete(path)
      expect(left.size).toBeGreaterThanOrEqual(4)
      expect(left.size).toBeLessThan(expected.size)
      // Every other file left is a whole output, nothing cut short.
      for (const [path, bytes] of left) {
        expect(expected.has(path), `unexpected file ${path}`).toBe(true)
        expect(bytes.equals(expected.get(path)!), `${path} differs from a clean run's`).toBe(true)
      }

      const rerun = await decruft(['posts', '--out', 'out', ...args], root)
      expect(rerun.code, rerun.stderr).toBe(0)
      // The rerun also removed any temporary file the killed run left.
      const after = contents(join(root, 'out'))
      expect([...after.keys()]).toEqual([...expected.keys()])
      for (const [path, bytes] of after) expect(bytes.equals(expected.get(path)!), `${path} differs from a clean run's`).toBe(true)
    },
    3 * SLOW,
  )
})

describe('an article that runs out of memory', () => {
  // In process, only an article large enough to pass the cap is cleaned on the isolated worker: 64 MB / 4096 = 16 KiB.
  const HUGE = `# Huge\n\n${'A paragraph of ordinary words that goes on for a while.\n\n'.repeat(600)}`

  it.each(MODES)(
    '$mode: fails alone with `out of memory (limit 64 MB)`; the others are written; exit 3 and a summary',
    async ({files, args, how}) => {
      const root = tree(articles(files, {'posts/huge.md': HUGE}))
      const reference = await decruft(['posts', '--out', 'reference', '--max-memory', '64', ...args], root)
      expect(reference.code, reference.stderr).toBe(0)

      const result = await decruft(['posts', '--out', 'out', '--max-memory', '64', ...args], root, {fault: 'oom:huge.md'})
      expectFailedAlone(root, result, {name: 'huge.md', message: 'out of memory (limit 64 MB)', files, how})
    },
    3 * SLOW,
  )

  it(
    'a real one (a long list of short items, under a small cap) fails alone, in process',
    async () => {
      // Under the pre-parse guard's limits (9,000 items, 450 KB), yet its parse needs well over 64 MB of heap.
      const list = Array.from({length: 9000}, (_, index) => `- item number ${index} of a long list of short things\n`).join('')
      const root = tree(articles(6, {'posts/list.md': list}))
      const result = await decruft(['posts', '--out', 'out', '--max-memory', '64'], root)
      expect(result.code, result.stderr).toBe(3)
      expect(failures(result.stderr)).toEqual(['decruft: posts/list.md: out of memory (limit 64 MB)'])
      expect(summaryOf(result.stderr)).toEqual({files: 7, written: 6, failed: 1})
      expect(listFiles(join(root, 'out'))).not.toContain('list.md')
    },
    SLOW,
  )
})

describe('a runaway article', () => {
  it.each(MODES)(
    '$mode: is ended by --timeout with `timed out after 5 s`; the others are written; exit 3 and a summary',
    async ({files, args, how}) => {
      const root = tree(articles(files, {'posts/stuck.md': '# Stuck\n\nAn ordinary article that the hook makes spin.\n'}))
      const reference = await decruft(['posts', '--out', 'reference', ...args], root)
      expect(reference.code, reference.stderr).toBe(0)

      const result = await decruft(['posts', '--out', 'out', '--timeout', '5', ...args], root, {fault: 'spin:stuck.md'})
      expectFailedAlone(root, result, {name: 'stuck.md', message: 'timed out after 5 s', files, how})
    },
    3 * SLOW,
  )

  it(
    'in process, a large one (on the isolated worker) is ended too',
    async () => {
      // Over 16 KiB with --max-memory 64: cleaned on the isolated worker, which is ended at the deadline.
      const large = `# Large\n\n${'A paragraph of ordinary words that goes on for a while.\n\n'.repeat(600)}`
      const root = tree(articles(4, {'posts/large.md': large}))
      const result = await decruft(['posts', '--out', 'out', '--timeout', '5', '--max-memory', '64'], root, {fault: 'spin:large.md'})
      expect(result.code, result.stderr).toBe(3)
      expect(failures(result.stderr)).toEqual(['decruft: posts/large.md: timed out after 5 s'])
      expect(summaryOf(result.stderr)).toEqual({files: 5, written: 4, failed: 1})
    },
    SLOW,
  )

  it(
    'in check mode, in process and on worker threads: one error for it, the others checked, exit 3',
    async () => {
      for (const {files, args} of MODES) {
        const root = tree(articles(files, {'posts/stuck.md': '# Stuck\n\nAn ordinary article that the hook makes spin.\n'}))
        const result = await decruft(['check', 'posts', '--reporter', 'json', '--timeout', '5', ...args], root, {fault: 'spin:stuck.md'})
        expect(result.code, result.stderr).toBe(3)
        const report = JSON.parse(result.stdout) as {files: Array<{path: string; error?: string}>}
        expect(report.files).toHaveLength(files + 1)
        expect(report.files.filter((file) => file.error !== undefined)).toEqual([
          {path: 'posts/stuck.md', fixed: false, findings: [], error: 'posts/stuck.md: timed out after 5 s'},
        ])
      }
    },
    3 * SLOW,
  )
})

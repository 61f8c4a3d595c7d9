/**
 * The installed command, `bin/decruft.js`, which runs the bundle built by
 * `npm run build` (scripts/bundle.js) in a child process: what the in-process
 * CLI tests cannot see. Bundling can break what depends on files beside a
 * module (worker scripts, package.json) or on CommonJS globals, so each path
 * that loads something lazily is run for real: check, fix, the batch on the
 * worker pool, filter lists, the version, and the sample input against the
 * committed output.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {POOL_THRESHOLD} from '../src/node/batch.js'
import {CLEAN_ARTICLE, SPAMMY_ARTICLE} from './support/git-hook.js'
import {listFiles, tree} from './support/temp-tree.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'decruft.js')

interface Result {
  code: number
  stdout: string
  stderr: string
}

function decruft(args: readonly string[], cwd: string, options: {pipeTo?: string} = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const env = {...process.env, NO_COLOR: '1'}
    const command = options.pipeTo === undefined ? process.execPath : '/bin/sh'
    const argv = options.pipeTo === undefined ? [BIN, ...args] : ['-c', `"$0" "$@" | ${options.pipeTo}`, process.execPath, BIN, ...args]
    const child = spawn(command, argv, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')}),
    )
  })
}

describe('bin/decruft.js (the bundle)', () => {
  it('is built', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli-bundle', 'main.js'))).toBe(true)
    expect(existsSync(join(ROOT, 'dist', 'cli-bundle', 'worker.js'))).toBe(true)
    expect(existsSync(join(ROOT, 'dist', 'cli-bundle', 'cli.cjs'))).toBe(true)
    expect(existsSync(join(ROOT, 'dist', 'cli-bundle', 'cli.cjs.cache'))).toBe(true)
  })

  it('runs from its code cache: V8 accepts the cache the build wrote (same Node)', async () => {
    const probe = "const {loadCli} = await import('./bin/cli-loader.js'); process.stdout.write(String(loadCli().cacheRejected))"
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {cwd: ROOT, encoding: 'utf8'})
    expect(child.stderr).toBe('')
    expect(child.stdout).toBe('false')
  })

  it("leaves no dynamic import() in the cached script: each goes to the loader's (a cached script's own throws)", () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli-bundle', 'cli.cjs'), 'utf8')
    expect(bundle.match(/(?<![\w$.])import\(/g) ?? []).toEqual([])
    expect(bundle).toContain('__decruftImport("tinypool")')
  })

  it('loads a JavaScript config file (a dynamic import, which the cached script hands to the loader)', async () => {
    const root = tree({
      'spammy.md': SPAMMY_ARTICLE,
      'decruft.config.mjs': "export default {rules: {'link-farm': 'off'}}\n",
    })
    const withConfig = await decruft(['check', 'spammy.md'], root)
    const without = await decruft(['check', '--no-config', 'spammy.md'], root)
    expect(withConfig.stderr).toBe('')
    expect(without.stdout).toMatch(/ {2}link-farm {2}/)
    expect(withConfig.stdout).not.toMatch(/ {2}link-farm {2}/)
  })

  it('prints the version of package.json', async () => {
    const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string}
    const result = await decruft(['--version'], ROOT)
    expect(result).toMatchObject({code: 0, stdout: `${version}\n`})
  })

  it('checks: one line per finding, the count, exit 1; a clean file alone exits 0', async () => {
    const root = tree({'spammy.md': SPAMMY_ARTICLE, 'clean.md': CLEAN_ARTICLE})
    const result = await decruft(['check', '--no-config', 'spammy.md', 'clean.md'], root)
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines.at(-1)).toMatch(/^\d+ errors, 0 warnings in 2 files$/)
    expect(lines.slice(0, -1).map((line) => line.split('  ')[1])).toEqual(clean(SPAMMY_ARTICLE).removals.map((removal) => removal.rule))
    expect(await decruft(['check', '--no-config', 'clean.md'], root)).toMatchObject({code: 0, stdout: 'No findings in 1 file\n'})
  })

  it('fixes in place with --write (write-file-atomic, loaded from node_modules)', async () => {
    const root = tree({'spammy.md': SPAMMY_ARTICLE})
    const result = await decruft(['check', '--write', '--no-config', 'spammy.md'], root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('spammy.md: fixed')
    expect(readFileSync(join(root, 'spammy.md'), 'utf8')).toBe(clean(SPAMMY_ARTICLE).markdown)
  })

  it('cleans a batch above the pool threshold on worker threads, as clean() does', async () => {
    const files = Object.fromEntries(
      Array.from({length: POOL_THRESHOLD + 10}, (_, index) => [
        `posts/${String(index).padStart(3, '0')}.md`,
        index % 2 === 0 ? SPAMMY_ARTICLE : CLEAN_ARTICLE,
      ]),
    )
    const root = tree(files)
    const result = await decruft(['posts', '--out', 'out', '--md', '--concurrency', '2'], root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/worker threads/)
    expect(listFiles(join(root, 'out'))).toEqual(
      Object.keys(files)
        .map((path) => path.replace(/^posts\//, ''))
        .sort(),
    )
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(join(root, 'out', path.replace(/^posts\//, '')), 'utf8'), path).toBe(clean(text).markdown)
    }
  })

  it('checks and fixes a run above the pool threshold on worker threads, with the same report as in-process', async () => {
    const files = Object.fromEntries(
      Array.from({length: POOL_THRESHOLD + 10}, (_, index) => [
        `posts/${String(index).padStart(3, '0')}.md`,
        index % 3 === 0 ? CLEAN_ARTICLE : SPAMMY_ARTICLE,
      ]),
    )
    const root = tree(files)
    const inline = await decruft(['check', '--no-config', '--concurrency', '1', 'posts'], root)
    const threaded = await decruft(['check', '--no-config', '--concurrency', '2', 'posts'], root)
    expect(inline.code).toBe(1)
    expect(threaded).toEqual(inline)
    const spammy = Object.values(files).filter((text) => text === SPAMMY_ARTICLE).length
    expect(inline.stdout.trimEnd().split('\n').at(-1)).toBe(
      `${spammy * clean(SPAMMY_ARTICLE).removals.length} errors, 0 warnings in ${POOL_THRESHOLD + 10} files`,
    )

    const fix = await decruft(['check', '--write', '--no-config', '--concurrency', '2', 'posts'], root)
    expect(fix.code, fix.stderr).toBe(0)
    expect(fix.stdout.match(/: fixed$/gm)).toHaveLength(spammy)
    for (const [path, text] of Object.entries(files)) expect(readFileSync(join(root, path), 'utf8'), path).toBe(clean(text).markdown)
  })

  it('formats with --format (gray-matter and its js-yaml, bundled without esprima)', async () => {
    const root = tree({'posts/spammy.md': SPAMMY_ARTICLE})
    const result = await decruft(['posts', '--out', 'out', '--md', '--format'], root)
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(join(root, 'out', 'spammy.md'), 'utf8')).toBe(clean(SPAMMY_ARTICLE, {format: true}).markdown)
  })

  it('loads a filter list (the lazily loaded adblock engine)', async () => {
    const root = tree({
      'lists/easylist.txt': '[Adblock Plus 2.0]\n##.sponsor-box\n',
      'post.md': '# Post\n\nReal text.\n\n<div class="sponsor-box">Buy now</div>\n\nMore real text.\n',
    })
    const result = await decruft(['check', '--no-config', '--filter-list', 'lists/easylist.txt', 'post.md'], root)
    expect(result.code, result.stderr).toBe(1)
    expect(result.stdout).toMatch(/^post\.md:5:1 {2}filter-list {2}error {2}/m)
  })

  it('gives the rules files and filter lists to each worker thread', async () => {
    const post =
      '# Post\n\nReal text.\n\n<div class="sponsor-box">Buy now</div>\n\nMore real text about [oiling](https://go.example.test/out/oil).\n'
    const count = POOL_THRESHOLD + 5
    const root = tree({
      'lists/easylist.txt': '[Adblock Plus 2.0]\n##.sponsor-box\n',
      'rules/site.yaml':
        "affiliateLink:\n  hosts:\n    - id: my-redirector\n      note: Our own redirector.\n      host: go.example.test\n      path: '^/out/'\n",
      ...Object.fromEntries(Array.from({length: count}, (_, index) => [`posts/${index}.md`, post])),
    })
    const args = ['check', '--no-config', '--filter-list', 'lists/easylist.txt', '--rules', 'rules/site.yaml', 'posts']
    const threaded = await decruft([...args, '--concurrency', '2'], root)
    expect(threaded.stdout.match(/ {2}filter-list {2}/g)).toHaveLength(count)
    expect(threaded.stdout.match(/ {2}affiliate-link {2}/g)?.length).toBeGreaterThanOrEqual(count)
    expect(threaded).toEqual(await decruft([...args, '--concurrency', '1'], root))
  })

  it('ends quietly when the reader of its output goes away (EPIPE)', async () => {
    // Thousands of findings: far more output than a pipe holds once the reader has gone.
    const links = Array.from(
      {length: 3000},
      (_, index) => `- [Part ${index}](https://docs.example.test/part-${index}?utm_source=feed&utm_medium=rss)`,
    )
    const root = tree({'long.md': `# A long list\n\n${links.join('\n')}\n`})
    const result = await decruft(['check', '--no-config', 'long.md'], root, {pipeTo: 'head -c 1 >/dev/null'})
    expect(result.stderr).toBe('')
    const full = await decruft(['check', '--no-config', 'long.md'], root)
    expect(full.stdout.length).toBeGreaterThan(256 * 1024)
  })
})

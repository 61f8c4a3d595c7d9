/**
 * The JSONL stream mode (`decruft --jsonl`), `pack`/`unpack` and `templates
 * learn`, run in-process through `main()`: a folder packed, streamed and
 * unpacked is byte for byte what a folder batch writes (Markdown and
 * records), without templates and with a learned index; bad lines become
 * error lines and the rest is cleaned in order; fields pass through.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {listFiles, tree} from './support/temp-tree.js'
import {templateSites} from './support/template-sites.js'

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

async function run(argv: string[], cwd: string, stdin?: string): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = sink()
  const stderr = sink()
  const code = await main({
    argv,
    cwd,
    stdout,
    stderr,
    env: {},
    isTTY: false,
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  })
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

/** Every file under `folder` (relative path with `/` → content). */
function filesOf(folder: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {}
  for (const entry of readdirSync(folder, {recursive: true}) as string[]) {
    const path = join(folder, entry)
    if (statSync(path).isFile()) files[relative(folder, path).split(sep).join('/')] = readFileSync(path)
  }
  return files
}

const repo = join(import.meta.dirname, '..')

/**
 * A mixed folder: two generated sites with templates (one keyed by its
 * frontmatter URLs, one by its folder), the README's sample articles in
 * subfolders, the four generator sites of tests/fixtures-sites (frontmatter
 * dialects and zones found from their files), and an article `clean`
 * refuses (a NUL byte past the reader's binary probe).
 */
function mixedFolder(): string {
  const files: Record<string, string | Uint8Array> = {}
  for (const article of templateSites(6).filter((a) => a.path.startsWith('en/') || a.path.startsWith('zh/'))) {
    files[`in/${article.path}`] = article.text
  }
  for (const [path, content] of Object.entries(filesOf(join(repo, 'input')))) files[`in/sample/${path}`] = content
  for (const [path, content] of Object.entries(filesOf(join(repo, 'tests/fixtures-sites')))) files[`in/sites/${path}`] = content
  files['in/broken/nul.md'] = `# Broken\n\n${'word '.repeat(2000)}\n\u0000\n`
  return tree(files)
}

/** Each output file of `a` and `b`, byte for byte, and the same list of files. */
function expectSameTree(a: string, b: string): void {
  const left = listFiles(a)
  expect(left).toEqual(listFiles(b))
  for (const path of left) expect(readFileSync(join(a, path), 'utf8'), path).toBe(readFileSync(join(b, path), 'utf8'))
}

/** Pack `in`, stream it with `streamArgs`, unpack into `out`; the stream's exit code and output. */
async function packStreamUnpack(root: string, streamArgs: string[], out: string): Promise<{code: number; lines: string[]}> {
  const packed = await run(['pack', 'in'], root)
  expect(packed.code).toBe(ExitCode.ok)
  const streamed = await run(['--jsonl', '-q', ...streamArgs], root, packed.stdout)
  const unpacked = await run(['unpack', '-o', out], root, streamed.stdout)
  // The refused article is an error line, named again by unpack.
  expect(unpacked.code).toBe(ExitCode.failures)
  expect(unpacked.stderr).toContain('broken/nul.md')
  return {code: streamed.code, lines: streamed.stdout.trimEnd().split('\n')}
}

describe('a stream run is a folder run', () => {
  it('pack → --jsonl → unpack writes what a batch writes (--no-templates), the failing article included', async () => {
    const root = mixedFolder()
    const batch = await run(['in', '-o', 'batch', '-q', '--no-templates'], root)
    expect(batch.code).toBe(ExitCode.failures)
    expect(batch.stderr).toContain('nul.md')
    const {code, lines} = await packStreamUnpack(root, [], 'stream')
    expect(code).toBe(ExitCode.failures)
    const failure = lines.map((line) => JSON.parse(line) as {path?: string; error?: {code: string}}).filter((line) => line.error)
    expect(failure).toEqual([expect.objectContaining({path: 'broken/nul.md', error: expect.objectContaining({code: 'refused'})})])
    expectSameTree(join(root, 'stream'), join(root, 'batch'))
    // Not vacuous: every kind of article is there, the sites' zones were used.
    const written = listFiles(join(root, 'stream'))
    expect(written).toEqual(expect.arrayContaining(['en/1.md', 'zh/1.json', 'sample/hugo/replacing-a-bike-chain.md']))
    expect(written.filter((path) => path.startsWith('sites/')).length).toBeGreaterThanOrEqual(30)
  })

  it('learn --jsonl → --jsonl --templates → unpack writes what a batch that learns writes', async () => {
    const root = mixedFolder()
    // Run from inside the folder, the batch names its sites' folders as the stream does (by relative path, in the records' reasons).
    const batch = await run(['.', '-o', '../batch', '-q'], join(root, 'in'))
    expect(batch.code).toBe(ExitCode.failures)
    const packed = await run(['pack', 'in', '-o', 'in.jsonl'], root)
    expect(packed.code).toBe(ExitCode.ok)
    const learned = await run(['templates', 'learn', '--jsonl', '-o', 'index.json'], root, readFileSync(join(root, 'in.jsonl'), 'utf8'))
    expect(learned.code).toBe(ExitCode.ok)
    await packStreamUnpack(root, ['--templates', 'index.json'], 'stream')
    expectSameTree(join(root, 'stream'), join(root, 'batch'))
    // The index did its work: each site's template went.
    const record = JSON.parse(readFileSync(join(root, 'stream', 'zh/2.json'), 'utf8')) as {removals: Array<{rule: string}>}
    expect(record.removals.some((removal) => removal.rule === 'site-template')).toBe(true)
  })

  it('with one --templates index given to both (learned by shard and merged), stream and batch agree', async () => {
    const root = mixedFolder()
    const text = (await run(['pack', 'in'], root)).stdout
    for (const shard of ['0/3', '1/3', '2/3']) {
      const learned = await run(['templates', 'learn', '--jsonl', '--shard', shard, '-o', `part${shard[0]}.json`], root, text)
      expect(learned.code).toBe(ExitCode.ok)
      expect(learned.stderr).toContain(`of shard ${shard}`)
    }
    const merged = await run(['templates', 'merge', 'part0.json', 'part1.json', 'part2.json', '-o', 'merged.json'], root)
    expect(merged.code).toBe(ExitCode.ok)
    // From inside the folder, the batch keys its sites' folders as the stream does (by relative path).
    const batch = await run(['.', '-o', '../batch', '-q', '--templates', '../merged.json', '--no-templates'], join(root, 'in'))
    expect(batch.code).toBe(ExitCode.failures)
    await packStreamUnpack(root, ['--templates', 'merged.json'], 'stream')
    expectSameTree(join(root, 'stream'), join(root, 'batch'))
    const record = JSON.parse(readFileSync(join(root, 'stream', 'en/3.json'), 'utf8')) as {removals: Array<{rule: string}>}
    expect(record.removals.some((removal) => removal.rule === 'site-template')).toBe(true)
  })

  it('templates learn on folders by shard, merged, gives a batch what a batch learning alone gets', async () => {
    const root = mixedFolder()
    const plain = await run(['in', '-o', 'plain', '-q'], root)
    for (const shard of ['0/2', '1/2']) {
      expect((await run(['templates', 'learn', 'in', '--shard', shard, '-o', `part${shard[0]}.json`], root)).code).toBe(ExitCode.ok)
    }
    expect((await run(['templates', 'merge', 'part0.json', 'part1.json', '-o', 'merged.json'], root)).code).toBe(ExitCode.ok)
    const split = await run(['in', '-o', 'split', '-q', '--templates', 'merged.json', '--no-templates'], root)
    expect(split.code).toBe(plain.code)
    expectSameTree(join(root, 'split'), join(root, 'plain'))
  })

  it('cleans a long stream on worker threads with the same bytes as in-process', async () => {
    const articles = templateSites(30).filter((a) => a.path.startsWith('en/') || a.path.startsWith('zh/'))
    const input = articles.map((article) => `${JSON.stringify({id: article.path, path: article.path, text: article.text})}\n`).join('')
    const root = tree({'x.txt': ''})
    const inline = await run(['--jsonl', '--concurrency', '1'], root, input)
    const workers = await run(['--jsonl', '--concurrency', '2'], root, input)
    expect(inline.stderr).toContain('in-process')
    expect(workers.stderr).toContain('2 worker threads')
    expect(workers.code).toBe(ExitCode.ok)
    expect(workers.stdout).toBe(inline.stdout)
    expect(workers.stdout.trimEnd().split('\n')).toHaveLength(60)
  })
})

describe('bad lines', () => {
  it('become error lines in place; the rest is cleaned, in order, with fields passed through', async () => {
    const article = (n: number) =>
      `---\ntitle: Post ${n}\n---\n\nA real paragraph number ${n} about boats.\n\n[Buy now](https://amzn.to/x${n})\n`
    const lines = [
      JSON.stringify({id: 'a', text: article(1), path: 'blog/a.md', meta: {crawl: 7, tags: ['x']}, url: 'https://example.org/a'}),
      'not json at all',
      '',
      JSON.stringify({id: 2}),
      JSON.stringify([1, 2]),
      JSON.stringify({id: 'p', text: article(2), path: '../escape.md'}),
      JSON.stringify({id: 'big', text: `${'x'.repeat(3000)}\n`}),
      JSON.stringify({id: 'nul', text: 'a\u0000b'}),
      JSON.stringify({id: 'long', text: 'y'.repeat(1_200_000)}),
      JSON.stringify({id: 9, text: article(3), batch: 'b-1'}),
    ]
    const root = tree({'x.txt': ''})
    const result = await run(['--jsonl', '--max-size', '2K'], root, `${lines.join('\n')}\n`)
    expect(result.code).toBe(ExitCode.failures)
    const out = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown> & {error?: {code: string; message: string}})
    // One output line per non-blank input line, in input order.
    expect(out.map((line) => line['id'])).toEqual(['a', null, 2, null, 'p', 'big', 'nul', null, 9])
    expect(out.map((line) => line.error?.code ?? 'ok')).toEqual([
      'ok',
      'invalid-json',
      'invalid-line',
      'invalid-line',
      'invalid-line',
      'too-large',
      'refused',
      'line-too-long',
      'ok',
    ])
    expect(out.map((line) => line['line'] ?? null)).toEqual([null, 2, 4, 5, 6, 7, 8, 9, null])
    const first = out[0]!
    expect(Object.keys(first)).toEqual(['id', 'path', 'markdown', 'record', 'meta', 'url'])
    expect(first['meta']).toEqual({crawl: 7, tags: ['x']})
    expect(first['markdown']).toContain('A real paragraph number 1 about boats.')
    expect(first['markdown']).not.toContain('amzn.to')
    expect((first['record'] as {source: string}).source).toBe('blog/a.md')
    const last = out[8]!
    expect(last['batch']).toBe('b-1')
    expect((last['record'] as {source: string}).source).toBe('9')
    expect(out[3]!.error!.message).toContain('expected a JSON object')
    expect(out[4]!.error!.message).toContain('must not climb out')
    // Each error is named on stderr too, then the summary.
    expect(result.stderr).toContain('line 2: not JSON')
    expect(result.stderr).toContain('9 articles: 2 cleaned, 7 failed')
  })

  it('refuses --jsonl with files, --out, --md or --save-templates (exit 2)', async () => {
    const root = tree({'a.md': '# A\n'})
    for (const argv of [
      ['--jsonl', 'a.md'],
      ['--jsonl', '-o', 'out'],
      ['--jsonl', '--md'],
      ['--jsonl', '--save-templates', 'x.json'],
      ['--jsonl', '--check'],
    ]) {
      expect((await run(argv, root, '')).code, argv.join(' ')).toBe(ExitCode.usage)
    }
    expect((await run(['--jsonl', '--no-templates'], root, '')).code).toBe(ExitCode.ok)
  })
})

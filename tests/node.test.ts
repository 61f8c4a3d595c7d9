/**
 * decruft/node: reading, writing, expanding operands, ordering, and batches
 * in-process and on worker threads (which must write the same bytes).
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {CleanError} from '../src/index.js'
import {
  decodeArticle,
  expandOperands,
  firstInvalidUtf8,
  readArticle,
  runBatch,
  staticBase,
  writeOutputs,
  WriteError,
  type BatchSummary,
  type FileOutcome,
} from '../src/node/index.js'
import {runOrdered} from '../src/node/ordered.js'
import {listFiles, tree} from './support/temp-tree.js'

async function readError(path: string, options = {}): Promise<CleanError> {
  const error = await readArticle(path, 'shown.md', options).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(CleanError)
  return error as CleanError
}

describe('readArticle', () => {
  it('keeps a BOM and CRLF, reads an empty file as empty text', async () => {
    const root = tree({'bom.md': '\uFEFF# Title\r\n', 'empty.md': ''})
    expect(await readArticle(join(root, 'bom.md'))).toBe('\uFEFF# Title\r\n')
    expect(await readArticle(join(root, 'empty.md'))).toBe('')
  })

  it('refuses binary files, naming the file', async () => {
    const root = tree({'image.md': Buffer.from([0x47, 0x49, 0x46, 0x0a, 0x00, 0x01])})
    const error = await readError(join(root, 'image.md'))
    expect(error.message).toBe('shown.md:2:1: binary file (NUL byte at offset 4), not a text article')
  })

  it('refuses non-UTF-8 files, giving the line and column of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('one\ntwo é\nthr'), Buffer.from([0xe9, 0x65]), Buffer.from('\n')])
    const root = tree({'latin1.md': bytes})
    const error = await readError(join(root, 'latin1.md'))
    expect(error.line).toBe(3)
    expect(error.column).toBe(4)
    expect(error.message).toMatch(/^shown\.md:3:4: not valid UTF-8 \(byte 0xE9 at offset 14\)/)
  })

  it('refuses files over the size limit before reading them', async () => {
    const root = tree({'big.md': 'x'.repeat(2000)})
    const error = await readError(join(root, 'big.md'), {maxBytes: 1000})
    expect(error.message).toBe('shown.md: file too large (2000 bytes, limit 1000)')
    expect(await readArticle(join(root, 'big.md'), 'big.md', {maxBytes: 2000})).toHaveLength(2000)
  })

  it('names missing files and directories', async () => {
    const root = tree({'dir/a.md': ''})
    expect((await readError(join(root, 'nope.md'))).message).toBe('shown.md: cannot read file: no such file or directory')
    expect((await readError(join(root, 'dir'))).message).toBe('shown.md: not a regular file (a directory)')
  })
})

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x80], 1, 'lone continuation byte'],
    [[0xc0, 0x80], 0, 'overlong two-byte form'],
    [[0xe0, 0x80, 0x80], 0, 'overlong three-byte form'],
    [[0xed, 0xa0, 0x80], 0, 'UTF-16 surrogate'],
    [[0xf4, 0x90, 0x80, 0x80], 0, 'above U+10FFFF'],
    [[0x41, 0x42, 0xe2, 0x82], 2, 'truncated sequence'],
    [[0xe2, 0x82, 0xac, 0xff], 3, 'invalid byte after a valid euro sign'],
  ])('%j → %i (%s)', (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset)
  })

  it('agrees with a strict TextDecoder on any bytes', () => {
    const strict = new TextDecoder('utf-8', {fatal: true})
    const valid = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes)
        return true
      } catch {
        return false
      }
    }
    // Mix valid text with raw bytes so both outcomes are common.
    const chunk = fc.oneof(
      fc.string({unit: 'binary'}).map((text) => new TextEncoder().encode(text)),
      fc.uint8Array({maxLength: 4}),
    )
    fc.assert(
      fc.property(fc.array(chunk, {maxLength: 6}), (chunks) => {
        const bytes = Buffer.concat(chunks)
        const offset = firstInvalidUtf8(bytes)
        expect(offset === -1).toBe(valid(bytes))
        if (offset !== -1) expect(valid(bytes.subarray(0, offset))).toBe(true)
      }),
      {numRuns: Number(process.env['FC_RUNS'] ?? 2000), seed: Number(process.env['FC_SEED'] ?? 7)},
    )
  })

  it('decodeArticle agrees: text back, or a CleanError at that byte', () => {
    expect(decodeArticle(Buffer.from('\uFEFFok'), 'a.md')).toBe('\uFEFFok')
    expect(() => decodeArticle(Uint8Array.from([0x61, 0xc3]), 'a.md')).toThrow('a.md:1:2: not valid UTF-8 (byte 0xC3 at offset 1)')
  })
})

describe('expandOperands', () => {
  it('searches directories for Markdown files, sorted, skipping node_modules, .git, hidden and excluded folders', async () => {
    const root = tree({
      'docs/b.md': '',
      'docs/a.MARKDOWN': '',
      'docs/sub/c.md': '',
      'docs/sub/c.txt': '',
      'docs/node_modules/x/d.md': '',
      'docs/.git/e.md': '',
      'docs/.hidden/f.md': '',
      'docs/out/g.md': '',
    })
    const result = await expandOperands(['docs'], {cwd: root, exclude: [join(root, 'docs/out')]})
    expect(result.errors).toEqual([])
    expect(result.files.map((file) => file.relative)).toEqual(['a.MARKDOWN', 'b.md', join('sub', 'c.md')])
    expect(result.files[0]!.absolute).toBe(join(root, 'docs/a.MARKDOWN'))
  })

  it('keeps operand order, drops duplicates, names bad operands', async () => {
    const root = tree({'z/one.md': '', 'a/two.md': '', 'notes.txt': '', 'empty/readme.txt': ''})
    const result = await expandOperands(['z', 'a', 'z/one.md', 'missing', 'notes.txt', 'empty'], {cwd: root})
    expect(result.files.map((file) => file.absolute)).toEqual([join(root, 'z/one.md'), join(root, 'a/two.md')])
    expect(result.errors).toEqual([
      {operand: 'missing', reason: 'no such file or directory'},
      {operand: 'notes.txt', reason: 'not a Markdown file (expected .md or .markdown)'},
    ])
    expect(result.empty).toEqual(['empty'])
  })

  it('expands globs relative to their static base', async () => {
    const root = tree({'site/posts/2024/a.md': '', 'site/posts/2025/b.md': '', 'site/posts/c.txt': ''})
    const result = await expandOperands(['site/posts/**/*'], {cwd: root})
    expect(result.files.map((file) => file.relative)).toEqual([join('2024', 'a.md'), join('2025', 'b.md')])
  })

  it.each([
    ['docs/**/*.md', 'docs'],
    ['a/b/*.md', 'a/b'],
    ['*.md', '.'],
    ['/abs/x/**', '/abs/x'],
    ['a/{b,c}/*.md', 'a'],
  ])('staticBase(%s) = %s', (pattern, base) => {
    expect(staticBase(pattern)).toBe(base)
  })
})

describe('writeOutputs', () => {
  it('writes all outputs, creating directories', async () => {
    const root = tree({})
    await writeOutputs([
      {path: join(root, 'a/b/one.md'), data: 'one'},
      {path: join(root, 'a/b/one.json'), data: '{}'},
    ])
    expect(listFiles(root)).toEqual(['a/b/one.json', 'a/b/one.md'])
    expect(readFileSync(join(root, 'a/b/one.md'), 'utf8')).toBe('one')
  })

  it('leaves nothing behind when one output of an article cannot be written', async () => {
    // `blocker` is a file, so nothing can be written below it.
    const root = tree({blocker: 'x'})
    const error = await writeOutputs([
      {path: join(root, 'ok/one.md'), data: 'one'},
      {path: join(root, 'blocker/one.json'), data: '{}'},
    ]).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(WriteError)
    expect((error as WriteError).message).toContain(join(root, 'blocker/one.json'))
    expect(listFiles(root)).toEqual(['blocker'])
  })
})

describe('runOrdered', () => {
  it('emits in index order with bounded look-ahead, whatever order tasks finish in', async () => {
    const delays = [30, 1, 20, 1, 5, 1, 15, 1, 1, 10, 1, 1]
    const emitted: number[] = []
    let started = 0
    let maxAhead = 0
    await runOrdered(
      delays.length,
      async (index) => {
        started++
        maxAhead = Math.max(maxAhead, started - emitted.length)
        await new Promise((resolve) => setTimeout(resolve, delays[index]))
        return index * 10
      },
      (result, index) => {
        expect(result).toBe(index * 10)
        emitted.push(index)
      },
      {concurrency: 3, window: 4},
    )
    expect(emitted).toEqual(delays.map((_, index) => index))
    expect(maxAhead).toBeLessThanOrEqual(4)
  })

  it('rejects when a task rejects', async () => {
    await expect(
      runOrdered(
        3,
        async (index) => (index === 1 ? Promise.reject(new Error('boom')) : index),
        () => {},
        {concurrency: 2, window: 2},
      ),
    ).rejects.toThrow('boom')
  })
})

describe('runBatch', () => {
  const articles: Record<string, string> = {}
  for (let index = 0; index < 12; index++) {
    const eol = index % 3 === 0 ? '\r\n' : '\n'
    articles[`in/group-${index % 3}/article-${index}.md`] = [
      '---',
      `title: Article ${index}`,
      `keywords: alpha, beta, gamma`,
      '---',
      '',
      `Paragraph about item ${index}.`,
      '',
      '<!-- affiliate ads begin -->',
      `<a href="https://shop.example.test/p/${index}?aff=1">Deal ${index}</a>`,
      '<!-- affiliate ads end -->',
      '',
      'The end.',
      '',
    ].join(eol)
  }
  articles['in/broken.md'] = 'binary\u0000data\n'
  articles['in/bom.md'] = '\uFEFF# With a BOM\n'

  async function batch(pool: 'workers' | 'inline') {
    const root = tree(articles)
    const outcomes: Array<{outcome: FileOutcome; index: number}> = []
    const files = (await expandOperands(['in'], {cwd: root})).files
    const summary = await runBatch(files, {
      outDir: join(root, 'out'),
      cwd: root,
      pool,
      concurrency: 2,
      onFile: (outcome, index) => outcomes.push({outcome, index}),
    })
    const written = Object.fromEntries(listFiles(join(root, 'out')).map((path) => [path, readFileSync(join(root, 'out', path))]))
    return {summary, outcomes, written, files}
  }

  it('writes the same bytes and the same summary on worker threads as in-process', async () => {
    const workerFile = new URL('../dist/node/worker.js', import.meta.url)
    expect(existsSync(workerFile), 'build first: npx tsc -p tsconfig.build.json').toBe(true)
    const inline = await batch('inline')
    const workers = await batch('workers')
    expect(inline.summary.mode).toBe('inline')
    expect(workers.summary.mode).toBe('workers')
    expect(workers.written).toEqual(inline.written)
    expect(Object.keys(inline.written)).toHaveLength(2 * 13)
    // Timings and how it ran aside (the learning pass's duration too), the summaries are the same.
    const counts = ({durationMs: _time, mode: _mode, threads: _threads, templates, ...rest}: BatchSummary) => ({
      ...rest,
      templates: templates && {...templates, durationMs: 0},
    })
    const inlineCounts = counts(inline.summary)
    const workerCounts = counts(workers.summary)
    expect(workerCounts).toEqual(inlineCounts)
    expect(inlineCounts.templates).toEqual({articles: 13, sites: 4, durationMs: 0})
    expect(inlineCounts.failed).toBe(1)
    expect(inlineCounts.removals['ad-block']).toBe(12)
    // Outcomes arrive in input order both ways.
    for (const run of [inline, workers]) {
      expect(run.outcomes.map((entry) => entry.index)).toEqual(run.files.map((_, index) => index))
      expect(run.outcomes.map((entry) => entry.outcome.path)).toEqual(run.files.map((file) => join('in', file.relative)))
    }
    const failure = inline.outcomes.find((entry) => !entry.outcome.ok)!.outcome
    expect(failure.ok === false && failure.message).toMatch(/^in\/broken\.md:\d+:\d+: /)
  })

  it('rejects a bad rules file before touching any article', async () => {
    const root = tree({'in/a.md': '# A\n'})
    const files = (await expandOperands(['in'], {cwd: root})).files
    await expect(runBatch(files, {outDir: join(root, 'out'), rules: [{text: 'bogus: 1\n', file: 'r.yaml'}]})).rejects.toThrow(
      /^r\.yaml:1:\d+: bogus: /,
    )
    expect(existsSync(join(root, 'out'))).toBe(false)
  })
})

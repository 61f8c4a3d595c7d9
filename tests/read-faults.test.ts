/**
 * Inputs that are not what they seem: a file swapped for a named pipe
 * between the folder search and the read (must fail that file at once, never
 * hang the batch), UTF-16 text (named as such, not "binary"), and symbolic
 * links or pipes met in a folder (a note, never a silent skip).
 */
import {spawnSync} from 'node:child_process'
import {rmSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {CleanError} from '../src/index.js'
import {expandOperands} from '../src/node/files.js'
import {decodeArticle, looksLikeUtf16, readArticle} from '../src/node/read.js'
import {runBatch} from '../src/node/batch.js'
import type {FileOutcome} from '../src/node/clean-file.js'
import {listFiles, tree} from './support/temp-tree.js'

const ARTICLE = '# Title\n\nA paragraph of the article.\n'

function mkfifo(path: string): void {
  const result = spawnSync('mkfifo', [path], {encoding: 'utf8'})
  expect(result.status, result.stderr).toBe(0)
}

async function run(argv: string[], cwd: string) {
  const out: string[] = []
  const err: string[] = []
  const code = await main({
    argv,
    cwd,
    stdin: Readable.from([]),
    stdout: {write: (chunk: string) => out.push(chunk)},
    stderr: {write: (chunk: string) => err.push(chunk)},
    env: {},
  })
  return {code, stdout: out.join(''), stderr: err.join('')}
}

describe('a named pipe where an article was', () => {
  it('readArticle refuses it at once, with no writer on the other end', async () => {
    const root = tree({})
    mkfifo(join(root, 'pipe.md'))
    const error = await readArticle(join(root, 'pipe.md'), 'pipe.md').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CleanError)
    expect((error as CleanError).message).toBe('pipe.md: not a regular file (a named pipe)')
  })

  it.each(['inline', 'workers'] as const)(
    'a batch (%s) whose file became a pipe after the search completes with one failure',
    async (pool) => {
      const root = tree({'in/a.md': ARTICLE, 'in/b.md': ARTICLE, 'in/c.md': ARTICLE})
      const {files} = await expandOperands(['in'], {cwd: root})
      expect(files).toHaveLength(3)
      rmSync(join(root, 'in/b.md'))
      mkfifo(join(root, 'in/b.md'))
      const outcomes: FileOutcome[] = []
      const summary = await runBatch(files, {
        outDir: join(root, 'out'),
        cwd: root,
        pool,
        concurrency: 2,
        onFile: (outcome) => outcomes.push(outcome),
      })
      expect(summary).toMatchObject({files: 3, written: 2, failed: 1})
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([
        {ok: false, path: 'in/b.md', message: 'in/b.md: not a regular file (a named pipe)'},
      ])
      expect(listFiles(join(root, 'out'))).toEqual(['a.json', 'a.md', 'c.json', 'c.md'])
    },
  )

  it('a pipe met in a folder is skipped with a note', async () => {
    const root = tree({'in/a.md': ARTICLE})
    mkfifo(join(root, 'in/pipe.md'))
    const result = await run(['--no-config', 'in', '--out', 'out'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stderr).toMatch(/^decruft: in\/pipe\.md: not a regular file, skipped$/m)
  })
})

describe('UTF-16 text', () => {
  const utf16le = (text: string) => Buffer.from(text, 'utf16le')
  const utf16be = (text: string) => utf16le(text).swap16()

  it.each([
    ['little-endian with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(ARTICLE)])],
    ['big-endian with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)])],
    ['little-endian without a BOM', utf16le(ARTICLE)],
    ['big-endian without a BOM', utf16be(ARTICLE)],
  ])('%s is named UTF-16, with what to do', (_, bytes) => {
    expect(looksLikeUtf16(bytes)).toBe(true)
    expect(() => decodeArticle(bytes, 'post.md')).toThrow(new CleanError('UTF-16 text, not UTF-8; save the file as UTF-8', 'post.md'))
  })

  it('a binary file is still binary, and UTF-8 with a NUL is not UTF-16', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00])
    expect(looksLikeUtf16(png)).toBe(false)
    expect(() => decodeArticle(png, 'x.md')).toThrow(/binary file/)
    expect(looksLikeUtf16(Buffer.from('# Title\n\u0000 and more text here\n'))).toBe(false)
    expect(looksLikeUtf16(Buffer.from(ARTICLE))).toBe(false)
  })
})

describe('symbolic links in a folder', () => {
  it('are not followed, and each gets a note, in a batch and in check mode', async () => {
    const root = tree({'in/a.md': ARTICLE, 'elsewhere/secret.md': ARTICLE})
    symlinkSync('../elsewhere/secret.md', join(root, 'in/link.md'))
    symlinkSync('../nowhere.md', join(root, 'in/broken.md'))
    const batch = await run(['--no-config', 'in', '--out', 'out'], root)
    expect(batch.code).toBe(ExitCode.ok)
    expect(batch.stderr).toMatch(/^decruft: in\/link\.md: symbolic link, not followed \(give its target as an operand to clean it\)$/m)
    expect(batch.stderr).toMatch(/^decruft: in\/broken\.md: symbolic link, not followed/m)
    expect(listFiles(join(root, 'out'))).toEqual(['a.json', 'a.md'])
    const check = await run(['check', '--no-config', 'in'], root)
    expect(check.stderr).toMatch(/^decruft: in\/link\.md: symbolic link, not followed/m)
  })

  it('--quiet leaves the notes out', async () => {
    const root = tree({'in/a.md': ARTICLE, 'elsewhere/secret.md': ARTICLE})
    symlinkSync('../elsewhere/secret.md', join(root, 'in/link.md'))
    const batch = await run(['--no-config', 'in', '--out', 'out', '--quiet'], root)
    expect(batch.stderr).toBe('')
  })
})

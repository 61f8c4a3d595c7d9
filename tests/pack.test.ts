/**
 * `decruft pack` lists articles as a batch does (ignore files, order, the
 * site's generator) and names what it cannot read; `decruft unpack` writes
 * results where a batch would and refuses what it cannot place.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {listFiles, tree} from './support/temp-tree.js'

async function run(argv: string[], cwd: string, stdin?: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main({
    argv,
    cwd,
    stdout: {write: (chunk: string) => out.push(chunk)},
    stderr: {write: (chunk: string) => err.push(chunk)},
    env: {},
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  })
  return {code, stdout: out.join(''), stderr: err.join('')}
}

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('pack', () => {
  it('lists what a batch lists, in its order, with relative paths and the site a batch would find', async () => {
    const root = tree({
      'in/b.md': '# B\n',
      'in/a/z.md': '# Z\n',
      'in/skip/x.md': '# ignored\n',
      '.decruftignore': 'in/skip/\n',
      'in/blog/hugo.toml': "baseURL = 'https://example.org/'\ntimeZone = 'Asia/Tokyo'\n",
      'in/blog/content/post.md': '+++\ntitle = "P"\n+++\n\nText.\n',
      'in/notes.txt': 'not an article',
    })
    const packed = await run(['pack', 'in'], root)
    expect(packed.code).toBe(ExitCode.ok)
    const got = lines(packed.stdout)
    expect(got.map((line) => line['path'])).toEqual(['a/z.md', 'b.md', 'blog/content/post.md'])
    expect(got.map((line) => line['id'])).toEqual(got.map((line) => line['path']))
    expect(got[0]).toEqual({id: 'a/z.md', path: 'a/z.md', text: '# Z\n'})
    expect(got[2]!['site']).toEqual({generator: 'hugo', zone: 'Asia/Tokyo'})
    const none = lines((await run(['pack', 'in', '--generator', 'none'], root)).stdout)
    expect(none.some((line) => 'site' in line)).toBe(false)
  })

  it('names a file it cannot read, leaves it out and exits 3; -o writes the file', async () => {
    const root = tree({'in/ok.md': '# OK\n', 'in/utf16.md': Buffer.from('\ufeff# Hi\n', 'utf16le')})
    const packed = await run(['pack', 'in', '-o', 'in.jsonl'], root)
    expect(packed.code).toBe(ExitCode.failures)
    expect(packed.stderr).toContain('utf16.md')
    expect(lines(readFileSync(join(root, 'in.jsonl'), 'utf8')).map((line) => line['path'])).toEqual(['ok.md'])
    expect(listFiles(root)).toEqual(['in.jsonl', 'in/ok.md', 'in/utf16.md'])
  })

  it('needs operands (exit 2)', async () => {
    expect((await run(['pack'], tree({}))).code).toBe(ExitCode.usage)
  })
})

describe('unpack', () => {
  it('writes Markdown and record where a batch would, names error lines and lines it cannot place (exit 3)', async () => {
    const root = tree({})
    const record = {source: 'a/b.md', removals: []}
    const input = [
      JSON.stringify({id: 1, path: 'a/b.md', markdown: '# B\n', record}),
      JSON.stringify({id: 2, line: 2, error: {code: 'refused', message: 'c.md: binary file'}}),
      JSON.stringify({id: 3, markdown: '# no path\n', record}),
      JSON.stringify({id: 4, path: '../up.md', markdown: '# up\n', record}),
      JSON.stringify({id: 5, path: 'a/b.md', markdown: '# again\n', record}),
    ].join('\n')
    const result = await run(['unpack', '-o', 'out'], root, input)
    expect(result.code).toBe(ExitCode.failures)
    expect(readFileSync(join(root, 'out/a/b.md'), 'utf8')).toBe('# B\n')
    expect(readFileSync(join(root, 'out/a/b.json'), 'utf8')).toBe(`${JSON.stringify(record, null, 2)}\n`)
    expect(result.stderr).toContain('c.md: binary file')
    expect(result.stderr).toContain('line 3: no `path`')
    expect(result.stderr).toContain('must not climb out')
    expect(result.stderr).toContain('already written')
    expect(existsSync(join(root, 'up.md'))).toBe(false)
    expect(listFiles(join(root, 'out'))).toEqual(['a/b.json', 'a/b.md'])
  })

  it('writes only the Markdown with --md, and needs -o (exit 2)', async () => {
    const root = tree({})
    const input = JSON.stringify({id: 1, path: 'x.md', markdown: '# X\n', record: {source: 'x.md'}})
    expect((await run(['unpack', '--md', '-o', 'out'], root, input)).code).toBe(ExitCode.ok)
    expect(listFiles(join(root, 'out'))).toEqual(['x.md'])
    expect((await run(['unpack'], root, input)).code).toBe(ExitCode.usage)
  })
})

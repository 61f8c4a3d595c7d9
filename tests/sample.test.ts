/**
 * The README's quick start: `decruft input --out output`. The committed
 * `output/` is what that command writes, byte for byte (regenerate it with
 * `npm start` after a change that alters the samples' results).
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {listFiles, tree} from './support/temp-tree.js'

const root = new URL('..', import.meta.url).pathname

describe('the sample input/', () => {
  it('cleans into exactly the committed output/', async () => {
    const out = tree({}, 'decruft-sample-')
    const stderr: string[] = []
    const code = await main({
      argv: ['input', '--out', out, '--quiet'],
      cwd: root,
      stdout: {write: () => true},
      stderr: {write: (chunk: string) => stderr.push(chunk)},
    })
    expect(stderr.join('')).toBe('')
    expect(code).toBe(ExitCode.ok)
    const written = listFiles(out)
    expect(written).toEqual(listFiles(join(root, 'output')))
    for (const path of written) {
      expect(readFileSync(join(out, path), 'utf8'), path).toBe(readFileSync(join(root, 'output', path), 'utf8'))
    }
  })
  it('has a clean article that comes out byte-identical', () => {
    expect(readFileSync(join(root, 'output/clean-article.md'), 'utf8')).toBe(readFileSync(join(root, 'input/clean-article.md'), 'utf8'))
  })
})

/**
 * What a removal that breaks its shape does, end to end: the shape check is
 * made to fail for every `url-part` removal (tracking-param's), as a rule
 * bug would, and the article is cleaned in each mode.
 * - `warn` (production): the removal is dropped, the text stays, and a
 *   warning names the rule and the shape in the record and in check mode;
 * - `throw` (the tests' default): cleaning fails with the ShapeError.
 */
import {Readable} from 'node:stream'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {main} from '../src/cli/main.js'
import {clean} from '../src/index.js'
import {SHAPE_CHECK_ENV} from '../src/plugin-api.js'
import {tree} from './support/temp-tree.js'

vi.mock('../src/engine/shape.js', async (importOriginal) => {
  const shape = await importOriginal<typeof import('../src/engine/shape.js')>()
  return {
    ...shape,
    shapeViolation: (...args: Parameters<typeof shape.shapeViolation>) =>
      args[2] === 'url-part' ? 'forced by the test' : shape.shapeViolation(...args),
  }
})

const text = 'Read [the guide](https://garden.example/guide?utm_source=feed) first.\n'

describe('a removal that breaks its shape', () => {
  const env = process.env[SHAPE_CHECK_ENV]
  afterEach(() => {
    process.env[SHAPE_CHECK_ENV] = env
  })

  it('is dropped with a warning naming the rule and the shape in the warn mode', () => {
    const result = clean(text, {shapeCheck: 'warn'})
    expect(result.markdown).toBe(text)
    expect(result.removals).toEqual([])
    expect(result.record.warnings).toEqual([
      {
        rule: 'tracking-param',
        reason: expect.stringMatching(/^Removal dropped: it breaks the `url-part` shape \(inside one URL.*\): forced by the test$/),
        line: 1,
        column: 46,
      },
    ])
  })

  it('fails the article in the throw mode', () => {
    expect(() => clean(text, {shapeCheck: 'throw'})).toThrow(
      /tracking-param: removal 45–61 "\?utm_source=feed": it breaks the `url-part` shape/,
    )
  })

  it('shows as a warning in check mode, which passes', async () => {
    process.env[SHAPE_CHECK_ENV] = 'warn'
    const dir = tree({'post.md': text})
    const chunks: string[] = []
    const sink = {write: (chunk: string) => chunks.push(chunk)}
    const code = await main({argv: ['check', 'post.md'], cwd: dir, stdin: Readable.from([]), stdout: sink, stderr: sink})
    const output = chunks.join('')
    expect(output).toMatch(/post\.md:1:46 +tracking-param +warning +Removal dropped: it breaks the `url-part` shape/)
    expect(output).toMatch(/0 errors, 1 warning in 1 file/)
    expect(code).toBe(0)
  })
})

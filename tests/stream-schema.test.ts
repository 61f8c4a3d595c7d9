/**
 * The JSONL contract's JSON Schemas (schema/jsonl-*.schema.json) describe
 * what `decruft pack` writes and what `decruft --jsonl` writes, cleaned
 * articles and error lines alike (the record part by $ref to the record
 * schema), and refuse what the stream refuses.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {tree} from './support/temp-tree.js'

const schema = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', name), 'utf8')) as object

function validators() {
  const ajv = new Ajv2020({allErrors: true, strict: false})
  ajv.addSchema(schema('record.schema.json'), 'record.schema.json')
  return {input: ajv.compile(schema('jsonl-input.schema.json')), output: ajv.compile(schema('jsonl-output.schema.json'))}
}

async function run(argv: string[], cwd: string, stdin?: string): Promise<string> {
  const chunks: string[] = []
  await main({
    argv,
    cwd,
    stdout: {write: (chunk: string) => chunks.push(chunk)},
    stderr: {write: () => true},
    env: {},
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  })
  return chunks.join('')
}

describe('the JSONL schemas', () => {
  it('accept what pack and --jsonl write, and tell error lines from articles', async () => {
    const {input, output} = validators()
    const root = tree({
      'in/a.md': '---\ntitle: A\nurl: https://example.org/a\n---\n\nSome text.\n\n[Buy](https://amzn.to/z)\n',
      'in/sub/b.md': '# B\n\nMore text.\n',
    })
    const packed = await run(['pack', 'in'], root)
    const lines = packed.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(input(JSON.parse(line)), JSON.stringify(input.errors)).toBe(true)
    const streamed = await run(['--jsonl', '-q'], root, `${packed}not json\n{"id":1,"text":"x","path":"/abs.md"}\n`)
    const results = streamed
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(results).toHaveLength(4)
    for (const result of results) expect(output(result), JSON.stringify(output.errors)).toBe(true)
    expect(results.map((result) => 'error' in result)).toEqual([false, false, true, true])
  })

  it('refuse lines the stream refuses', () => {
    const {input, output} = validators()
    expect(input({id: 1})).toBe(false)
    expect(input({id: true, text: ''})).toBe(false)
    expect(input({id: 1, text: '', path: '../up.md'})).toBe(false)
    expect(input({id: 1, text: '', path: '/abs.md'})).toBe(false)
    expect(input({id: 1, text: '', path: 'a\\b.md'})).toBe(false)
    expect(input({id: 1, text: '', path: 'posts/a.md', extra: {kept: true}})).toBe(true)
    expect(output({id: 1, line: 2, error: {code: 'nope', message: 'x'}})).toBe(false)
    expect(output({id: 1, markdown: 'x'})).toBe(false)
  })
})

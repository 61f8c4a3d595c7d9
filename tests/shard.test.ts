/**
 * Shard selection (src/node/shard.ts): parsing `i/n`, a stable hash of the
 * relative path, and every path in exactly one shard.
 */
import {createHash} from 'node:crypto'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {inShard, parseShard, ShardError, shardOf} from '../src/node/shard.js'

describe('parseShard', () => {
  it('reads i/n with 0-based i', () => {
    expect(parseShard('0/3')).toEqual({index: 0, count: 3})
    expect(parseShard(' 2 / 3 ')).toEqual({index: 2, count: 3})
  })

  it.each(['3/3', '1/0', '-1/2', 'a/b', '1', '', '1/2/3'])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(ShardError)
  })
})

describe('shardOf', () => {
  it('is the documented formula: SHA-256, first 6 bytes, modulo n', () => {
    const path = 'blog/2024/hello.md'
    const expected = Number(BigInt(`0x${createHash('sha256').update(path).digest('hex').slice(0, 12)}`) % 7n)
    expect(shardOf(path, 7)).toBe(expected)
  })

  it('puts every path in exactly one shard', () => {
    fc.assert(
      fc.property(fc.string({minLength: 1}), fc.integer({min: 1, max: 12}), (path, count) => {
        const owners = Array.from({length: count}, (_, index) => index).filter((index) => inShard(path, {index, count}))
        expect(owners).toEqual([shardOf(path, count)])
      }),
      {seed: Number(process.env.FC_SEED ?? 15), numRuns: Number(process.env.FC_RUNS ?? 200)},
    )
  })

  it('spreads paths over the shards', () => {
    const counts = [0, 0, 0, 0]
    for (let index = 0; index < 4000; index++) counts[shardOf(`site/post-${index}.md`, 4)]! += 1
    for (const count of counts) expect(count).toBeGreaterThan(850)
  })
})

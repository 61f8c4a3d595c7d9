import {createHash} from 'node:crypto'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {KEEP_HASH_LENGTH, keepHash} from '../src/engine/keep-hash.js'

describe('keepHash', () => {
  it('is the first 16 hex digits of the SHA-256 of the UTF-8 text', () => {
    expect(keepHash('abc')).toBe('ba7816bf8f01cfea')
    expect(keepHash('')).toBe('e3b0c44298fc1c14')
  })

  it('agrees with node:crypto on any text', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme'}), (text) => {
        const expected = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, KEEP_HASH_LENGTH)
        expect(keepHash(text)).toBe(expected)
      }),
      {seed: Number(process.env.FC_SEED ?? 16), numRuns: Number(process.env.FC_RUNS ?? 200)},
    )
  })
})

/**
 * A removal's `features` (the measurements that decided it) travel from the
 * rule's report to `removalsOf` and are valid in the JSON record's schema;
 * `removedSpans(file).list` names what earlier rules took, in source order.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {removalsOf, removedSpans, reportRemoval} from '../src/engine/removal.js'
import {recordSchema} from '../src/record-schema.js'

describe('removal features', () => {
  it('are kept on the removal, as a copy the rule cannot change afterwards', () => {
    const file = new VFile({value: 'menu\n\nbody\n'})
    const features = {zone: 'head', links: 3, linkDensity: 0.9, wholePage: true}
    reportRemoval(file, {ruleId: 'test', reason: 'page chrome', start: 0, end: 6, features, shape: 'block'})
    ;(features as {links: number}).links = 99
    const [removal] = removalsOf(file)
    expect(removal?.features).toEqual({zone: 'head', links: 3, linkDensity: 0.9, wholePage: true})
  })

  it('are absent when the rule gives none', () => {
    const file = new VFile({value: 'menu\n\nbody\n'})
    reportRemoval(file, {ruleId: 'test', reason: 'x', start: 0, end: 6, shape: 'block'})
    expect(removalsOf(file)[0]).not.toHaveProperty('features')
  })

  it('are accepted by the record schema only as flat scalars', () => {
    const shape = recordSchema.shape.removals.element
    const base = {
      rule: 'page-chrome',
      reason: 'r',
      start: {line: 1, column: 1, offset: 0},
      end: {line: 1, column: 5, offset: 4},
      text: 'menu',
    }
    expect(shape.safeParse({...base, features: {zone: 'head', links: 3, wholePage: true}}).success).toBe(true)
    expect(shape.safeParse({...base, features: {nested: {a: 1}}}).success).toBe(false)
  })
})

describe('removedSpans().list', () => {
  it('lists the spans taken so far with their rule, sorted by start', () => {
    const file = new VFile({value: 'a\n\nb\n\nc\n'})
    reportRemoval(file, {ruleId: 'second', reason: 'x', start: 6, end: 8, shape: 'block'})
    reportRemoval(file, {ruleId: 'first', reason: 'x', start: 0, end: 3, shape: 'block'})
    expect(removedSpans(file).list).toEqual([
      {start: 0, end: 3, ruleId: 'first'},
      {start: 6, end: 8, ruleId: 'second'},
    ])
  })
})

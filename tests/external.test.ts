/**
 * How a test that needs something outside the project behaves
 * (tests/support/external.ts): it runs when the thing is there, skips with
 * a reason that names it when it is not, and fails instead in CI.
 */
import {describe, expect, it} from 'vitest'
import {needsOr, type Prerequisite} from './support/external.js'

const present: Prerequisite = {name: 'a present tool', missing: () => undefined}
const absent: Prerequisite = {name: 'an absent tool', missing: () => 'not on PATH (install it)'}

/** A context whose `skip` records its note and stops the caller, as vitest's does. */
function recordingContext() {
  const notes: string[] = []
  return {
    notes,
    skip(note?: string): never {
      notes.push(note ?? '')
      throw new Error('skipped')
    },
  }
}

describe('needs', () => {
  it('lets the test run when every prerequisite is there', () => {
    const context = recordingContext()
    expect(() => needsOr(context, false, [present])).not.toThrow()
    expect(() => needsOr(context, true, [present])).not.toThrow()
    expect(context.notes).toEqual([])
  })

  it('skips with a note naming what is missing and why, outside CI', () => {
    const context = recordingContext()
    expect(() => needsOr(context, false, [present, absent])).toThrow('skipped')
    expect(context.notes).toEqual(['needs an absent tool (not on PATH (install it))'])
  })

  it('fails instead of skipping when CI requires it', () => {
    const context = recordingContext()
    expect(() => needsOr(context, true, [absent])).toThrow(/needs an absent tool .*DECRUFT_REQUIRE_EXTERNAL=1/)
    expect(context.notes).toEqual([])
  })
})

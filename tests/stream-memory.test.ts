/**
 * The stream mode holds a bounded window, whatever the length of the
 * stream: 10,000 lines go through `runStream` while its consumer pauses
 * (its `write` returns false and `drain` comes only when the test says so),
 * and the reader never gets more than a fixed number of lines ahead of what
 * was written. Counted, not timed; then the line reader alone: an oversize
 * line is skipped without being held.
 */
import {describe, expect, it} from 'vitest'
import {readJsonLines} from '../src/node/jsonl-lines.js'
import {POOL_THRESHOLD} from '../src/node/pool.js'
import {runStream} from '../src/node/stream.js'

const LINES = Number(process.env['STREAM_LINES'] ?? 10_000)

/** Let every pending callback and promise run (the run does its work in callbacks; nothing here waits on a clock). */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
}

describe('stream back-pressure', () => {
  it(`cleans ${LINES} lines in order, never reading far ahead of a paused consumer`, async () => {
    let pulled = 0
    let written = 0
    let mostAhead = 0
    async function* input() {
      for (let index = 0; index < LINES; index++) {
        pulled++
        mostAhead = Math.max(mostAhead, pulled - written)
        yield `${JSON.stringify({id: index, text: `# Note ${index}\n\nA short paragraph, number ${index}.\n`})}\n`
      }
    }
    let drain: (() => void) | undefined
    let nextId = 0
    let outOfOrder = 0
    const sink = {
      write(chunk: string) {
        const line = JSON.parse(chunk) as {id: number; markdown?: string}
        if (line.id !== nextId++ || !line.markdown?.includes(`number ${line.id}.`)) outOfOrder++
        written++
        // Every 500th line, the consumer stops taking more until the test lets it go.
        return written % 500 !== 0
      },
      once(_event: 'drain', listener: () => void) {
        drain = listener
      },
    }
    const done = runStream(input(), sink, {concurrency: 1, timeoutMs: 0})
    let finished = false
    void done.then(() => {
      finished = true
    })
    let pauses = 0
    const aheadWhilePaused: number[] = []
    while (!finished) {
      await settle()
      if (drain) {
        // Paused: everything the run could do without the consumer is done.
        aheadWhilePaused.push(pulled - written)
        pauses++
        const resume = drain
        drain = undefined
        resume()
      }
    }
    const summary = await done
    expect(summary).toMatchObject({articles: LINES, cleaned: LINES, failed: 0, mode: 'inline'})
    expect(outOfOrder).toBe(0)
    expect(pauses).toBe(Math.floor(LINES / 500))
    // The look-ahead that decides on workers, then the in-flight window (8 × 4), and the line being read.
    const bound = POOL_THRESHOLD + 1 + 32 + 1
    expect(Math.max(...aheadWhilePaused)).toBeLessThanOrEqual(bound)
    expect(mostAhead).toBeLessThanOrEqual(bound)
    // Not vacuous: while paused, the reader did read ahead (up to its window), then stopped.
    expect(Math.max(...aheadWhilePaused)).toBeGreaterThan(1)
  }, 120_000)

  it('skips an oversize line without holding it, and goes on', async () => {
    async function* input() {
      yield '{"id":1,"text":"a"}\n{"id":2,"text":"'
      for (let chunk = 0; chunk < 100; chunk++) yield 'x'.repeat(10_000)
      yield '"}\n{"id":3,"text":"c"}'
    }
    const lines = []
    for await (const line of readJsonLines(input(), {maxLineBytes: 50_000})) lines.push(line)
    expect(lines).toEqual([
      {line: 1, text: '{"id":1,"text":"a"}'},
      {line: 2, oversize: 16 + 1_000_000 + 2},
      {line: 3, text: '{"id":3,"text":"c"}'},
    ])
  })

  it('reads CRLF lines, a last line without newline, and multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from('{"t":"é"}\r\n\n{"t":"中"}', 'utf8')
    async function* input() {
      for (const byte of bytes) yield Uint8Array.of(byte)
    }
    const lines = []
    for await (const line of readJsonLines(input(), {maxLineBytes: 100})) lines.push(line)
    expect(lines).toEqual([
      {line: 1, text: '{"t":"é"}'},
      {line: 2, text: ''},
      {line: 3, text: '{"t":"中"}'},
    ])
  })
})

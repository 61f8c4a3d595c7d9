/**
 * The per-file limits, piece by piece (tests/faults.test.ts runs them end to
 * end): `clean()`'s own time budget, checked between steps; the watchdog that
 * ends synchronous work in process; the options `--timeout` and
 * `--max-memory`; which files an in-process run hands to the isolated worker.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseCliArgs, UsageError} from '../src/cli/args.js'
import {clean, CleanError} from '../src/index.js'
import {formatSeconds, startDeadline, DeadlineExceeded} from '../src/engine/deadline.js'
import {clockInterval, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, Isolation, isolationThreshold} from '../src/node/bounded.js'
import {withinTime} from '../src/node/watchdog.js'
import {tree} from './support/temp-tree.js'

const ARTICLE = ['---', 'title: A post', '---', '', '# A post', '', 'Read [the docs](https://example.com/docs?utm_source=feed).', ''].join(
  '\n',
)

describe('clean({timeout})', () => {
  it('gives up between steps once the budget is spent: a CleanError naming the file', () => {
    // A budget of a nanosecond is spent by the time the first rule is about to run.
    expect(() => clean(ARTICLE, {path: 'post.md', timeout: 1e-6})).toThrow(CleanError)
    expect(() => clean(ARTICLE, {path: 'post.md', timeout: 1e-6})).toThrow(/^post\.md: timed out after 0 s$/)
  })

  it('changes nothing when the budget is not spent (and 0 means none)', () => {
    const plain = clean(ARTICLE)
    for (const timeout of [60_000, 0]) {
      const timed = clean(ARTICLE, {timeout})
      expect(timed.markdown).toBe(plain.markdown)
      expect(timed.record).toEqual(plain.record)
    }
  })

  it('refuses a negative or non-finite budget', () => {
    expect(() => clean(ARTICLE, {timeout: -1})).toThrow(RangeError)
    expect(() => clean(ARTICLE, {timeout: Number.NaN})).toThrow(RangeError)
  })
})

describe('startDeadline', () => {
  it('passes every check before its end, then throws DeadlineExceeded', () => {
    const roomy = startDeadline(60_000)
    expect(() => roomy.check()).not.toThrow()
    const spent = startDeadline(1e-6)
    const until = performance.now() + 1
    while (performance.now() < until) {
      // let the budget run out
    }
    expect(() => spent.check()).toThrow(DeadlineExceeded)
  })

  it('says seconds without trailing zeros', () => {
    expect(formatSeconds(60_000)).toBe('60 s')
    expect(formatSeconds(2500)).toBe('2.5 s')
    expect(formatSeconds(1250)).toBe('1.25 s')
  })
})

describe('withinTime (the in-process watchdog)', () => {
  it('ends synchronous work that overruns, a runaway regular expression included', () => {
    expect(() =>
      withinTime(
        () => {
          for (;;) {
            // spin
          }
        },
        200,
        'post.md',
      ),
    ).toThrow(/^post\.md: timed out after 0\.2 s$/)
    expect(() => withinTime(() => /(a+)+$/.test(`${'a'.repeat(40)}b`), 200, 'slow.md')).toThrow(/^slow\.md: timed out after 0\.2 s$/)
  })

  it('returns what the work returns, throws what it throws, and leaves the thread usable', () => {
    expect(withinTime(() => clean(ARTICLE).markdown, 60_000, 'post.md')).toBe(clean(ARTICLE).markdown)
    const error = new CleanError('broken', 'post.md')
    expect(() =>
      withinTime(
        () => {
          throw error
        },
        60_000,
        'post.md',
      ),
    ).toThrow(error)
    expect(withinTime(() => 42, 0, 'post.md')).toBe(42)
  })
})

describe('--timeout and --max-memory', () => {
  const batch = ['in', '--out', 'out']

  it('default to 60 s and 2048 MB', () => {
    expect(parseCliArgs(batch)).toMatchObject({timeoutMs: DEFAULT_TIMEOUT_MS, maxMemoryMb: DEFAULT_MAX_MEMORY_MB})
    expect(DEFAULT_TIMEOUT_MS).toBe(60_000)
    expect(DEFAULT_MAX_MEMORY_MB).toBe(2048)
  })

  it('take seconds (0: no limit) and megabytes (M, G; 0: no cap), in batch and check mode', () => {
    expect(parseCliArgs([...batch, '--timeout', '2.5']).timeoutMs).toBe(2500)
    expect(parseCliArgs([...batch, '--timeout', '0']).timeoutMs).toBe(0)
    expect(parseCliArgs(['check', 'in', '--timeout', '10']).timeoutMs).toBe(10_000)
    expect(parseCliArgs([...batch, '--max-memory', '512']).maxMemoryMb).toBe(512)
    expect(parseCliArgs([...batch, '--max-memory', '512M']).maxMemoryMb).toBe(512)
    expect(parseCliArgs(['check', 'in', '--max-memory', '2G']).maxMemoryMb).toBe(2048)
    expect(parseCliArgs([...batch, '--max-memory', '0']).maxMemoryMb).toBe(0)
  })

  it('refuse what is not a time or a size, and a cap too small to start a worker', () => {
    for (const value of ['-1', 'soon', '1m', '']) expect(() => parseCliArgs([...batch, '--timeout', value]), value).toThrow(UsageError)
    for (const value of ['32', '1K', 'lots', '-5']) expect(() => parseCliArgs([...batch, '--max-memory', value]), value).toThrow(UsageError)
  })
})

describe('isolationThreshold', () => {
  it('is the size whose worst-case parse could pass the cap: 512 KiB for 2048 MB; none without a cap', () => {
    expect(isolationThreshold({timeoutMs: 0, maxMemoryMb: 2048})).toBe(512 * 1024)
    expect(isolationThreshold({timeoutMs: 0, maxMemoryMb: 64})).toBe(16 * 1024)
    expect(isolationThreshold({timeoutMs: 0, maxMemoryMb: 0})).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('Isolation (the isolated worker of an in-process run)', () => {
  it('wants only files over the threshold: a typical article stays in process (no thread is started to ask)', async () => {
    const root = tree({'small.md': ARTICLE, 'large.md': 'word '.repeat(4000)})
    const isolation = new Isolation({rules: [], filterLists: []}, {timeoutMs: 60_000, maxMemoryMb: 64})
    expect(await isolation.wants(join(root, 'small.md'))).toBe(false)
    expect(await isolation.wants(join(root, 'large.md'))).toBe(true)
    // A path that cannot be read is left to the in-process read, which names the problem.
    expect(await isolation.wants(join(root, 'missing.md'))).toBe(false)
    const uncapped = new Isolation({rules: [], filterLists: []}, {timeoutMs: 60_000, maxMemoryMb: 0})
    expect(await uncapped.wants(join(root, 'large.md'))).toBe(false)
    await isolation.close()
  })
})

describe('clockInterval', () => {
  it('looks at the clock every twentieth of the budget, between 50 ms and 1 s', () => {
    expect(clockInterval(60_000)).toBe(1000)
    expect(clockInterval(5000)).toBe(250)
    expect(clockInterval(100)).toBe(50)
  })
})

/**
 * `decruft check --cache` (src/node/check-cache.ts), run in-process through
 * `main()` on temporary trees. A hit is told from a miss by marking the
 * cache: every kept finding's message is rewritten to `MARK`, so a run that
 * prints `MARK` answered from the cache, and one that does not checked the
 * file afresh.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode} from '../src/cli/main.js'
import {clean} from '../src/index.js'
import {DEFAULT_CACHE_NAME, entryKey, openCheckCache} from '../src/node/check-cache.js'
import {CLEAN, runCli as run, SPAMMY} from './support/check-run.js'
import {tree} from './support/temp-tree.js'

const MARK = 'answered from the cache'

interface CacheData {
  decruft: string
  entries: Record<string, {key: string; findings: Array<{message: string}>}>
}

function readCache(file: string): CacheData {
  return JSON.parse(readFileSync(file, 'utf8')) as CacheData
}

/** Rewrite every kept finding's message to MARK; returns how many there were. */
function markCache(file: string, change: (data: CacheData) => void = () => {}): number {
  const data = readCache(file)
  let count = 0
  for (const entry of Object.values(data.entries)) {
    for (const finding of entry.findings) {
      finding.message = MARK
      count++
    }
  }
  change(data)
  writeFileSync(file, JSON.stringify(data))
  return count
}

describe('check --cache', () => {
  it('answers a second run from the cache, with the same findings, output and exit code as the first', async () => {
    const root = tree({'posts/spammy.md': SPAMMY, 'posts/clean.md': CLEAN})
    for (const reporter of ['pretty', 'json']) {
      const plain = await run(['check', '--no-config', '--reporter', reporter, 'posts'], root)
      const miss = await run(['check', '--cache', '--no-config', '--reporter', reporter, 'posts'], root)
      const hit = await run(['check', '--cache', '--no-config', '--reporter', reporter, 'posts'], root)
      expect(miss).toEqual(plain)
      expect(hit).toEqual(plain)
      expect(plain.code).toBe(ExitCode.problems)
    }
    const file = join(root, DEFAULT_CACHE_NAME)
    expect(Object.keys(readCache(file).entries).sort()).toEqual([join(root, 'posts/clean.md'), join(root, 'posts/spammy.md')])
    expect(markCache(file)).toBeGreaterThan(0)
    const marked = await run(['check', '--cache', '--no-config', 'posts'], root)
    expect(marked.stdout).toContain(`posts/spammy.md:7:1  ad-block  error  ${MARK}`)
  })

  it('checks a changed file afresh, and still answers the unchanged one from the cache', async () => {
    const root = tree({'spammy.md': SPAMMY, 'other.md': SPAMMY})
    await run(['check', '--cache', '--no-config', '.'], root)
    markCache(join(root, DEFAULT_CACHE_NAME))
    const changed = SPAMMY.replace('once a year', 'twice a year')
    writeFileSync(join(root, 'spammy.md'), changed)
    const result = await run(['check', '--cache', '--no-config', '.'], root)
    const lines = result.stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('spammy.md:')).some((line) => line.includes(MARK))).toBe(false)
    expect(lines.filter((line) => line.startsWith('other.md:')).every((line) => line.includes(MARK))).toBe(true)
    expect(lines.filter((line) => line.startsWith('spammy.md:'))).toHaveLength(clean(changed).removals.length)
  })

  it('is not used after a rules file, an --enable, a --disable or the version of decruft changed', async () => {
    const root = tree({'spammy.md': SPAMMY, 'rules.yaml': 'version: 1\n'})
    const file = join(root, DEFAULT_CACHE_NAME)
    const check = (...extra: string[]) => run(['check', '--cache', '--no-config', '--rules', 'rules.yaml', ...extra, 'spammy.md'], root)
    const fresh = async (...extra: string[]) => {
      await check(...extra)
      markCache(file)
      expect((await check(...extra)).stdout).toContain(MARK)
    }

    await fresh()
    writeFileSync(join(root, 'rules.yaml'), 'version: 1\n# the same rules, written again\n')
    expect((await check()).stdout).not.toContain(MARK)

    await fresh()
    expect((await check('--enable', 'boilerplate')).stdout).not.toContain(MARK)
    await fresh()
    expect((await check('--disable', 'link-farm')).stdout).not.toContain(MARK)

    await fresh()
    markCache(file, (data) => {
      data.decruft = `${data.decruft}-other`
    })
    expect((await check()).stdout).not.toContain(MARK)
    // And the new cache is this version's.
    expect(readCache(file).decruft).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}).version)
  })

  it('ignores a damaged cache with a note, checks as without one, and writes a good one', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const plain = await run(['check', '--no-config', 'spammy.md'], root)
    const file = join(root, DEFAULT_CACHE_NAME)
    for (const damage of ['{"format":"decruft-check-cache","version":1,"entr', '', '{"format":"decruft-check-cache","version":1}']) {
      writeFileSync(file, damage)
      const result = await run(['check', '--cache', '--no-config', 'spammy.md'], root)
      expect(result.stdout).toBe(plain.stdout)
      expect(result.code).toBe(plain.code)
      expect(result.stderr).toMatch(/the check cache is damaged; checking without it/)
      expect(Object.keys(readCache(file).entries)).toEqual([join(root, 'spammy.md')])
    }
  })

  it('leaves a file that is not a decruft cache alone, with a note', async () => {
    const root = tree({'spammy.md': SPAMMY, 'notes.txt': 'my notes\n', 'data.json': '{"format": "something else"}\n'})
    const plain = await run(['check', '--no-config', 'spammy.md'], root)
    for (const foreign of ['notes.txt', 'data.json']) {
      const before = readFileSync(join(root, foreign), 'utf8')
      const result = await run(['check', '--cache', '--cache-location', foreign, '--no-config', 'spammy.md'], root)
      expect(result.stdout).toBe(plain.stdout)
      expect(result.code).toBe(plain.code)
      expect(result.stderr).toContain(`${join(root, foreign)}: not a decruft check cache`)
      expect(readFileSync(join(root, foreign), 'utf8')).toBe(before)
    }
  })

  it('writes the cache where --cache-location says: a file, or .decruftcache in a directory', async () => {
    const root = tree({'spammy.md': SPAMMY, 'cache/.keep': ''})
    await run(['check', '--cache', '--cache-location', 'my.cache', '--no-config', 'spammy.md'], root)
    expect(Object.keys(readCache(join(root, 'my.cache')).entries)).toEqual([join(root, 'spammy.md')])
    await run(['check', '--cache', '--cache-location', 'cache', '--no-config', 'spammy.md'], root)
    expect(existsSync(join(root, 'cache', DEFAULT_CACHE_NAME))).toBe(true)
    expect(existsSync(join(root, DEFAULT_CACHE_NAME))).toBe(false)
  })

  it('still fixes with --write: a kept entry a fix acts on is checked again, and the fixed file is not kept', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const file = join(root, DEFAULT_CACHE_NAME)
    await run(['check', '--cache', '--no-config', 'spammy.md'], root)
    markCache(file)
    const fixed = await run(['check', '--cache', '--write', '--no-config', 'spammy.md'], root)
    expect(fixed.stdout).not.toContain(MARK)
    expect(fixed.stdout).toContain('spammy.md: fixed')
    expect(readFileSync(join(root, 'spammy.md'), 'utf8')).toBe(clean(SPAMMY).markdown)
    // The entry kept is the one of the text before the fix (marked): the fixed text is checked afresh.
    const after = await run(['check', '--cache', '--no-config', 'spammy.md'], root)
    expect(after).toEqual(await run(['check', '--no-config', 'spammy.md'], root))
  })

  it('is for check mode only, and --cache-location needs --cache', async () => {
    const root = tree({'clean.md': CLEAN})
    const batch = await run(['clean.md', '--out', 'out', '--cache'], root)
    expect(batch.code).toBe(ExitCode.usage)
    expect(batch.stderr).toContain('--cache is for check mode')
    const location = await run(['check', '--cache-location', 'x', 'clean.md'], root)
    expect(location.code).toBe(ExitCode.usage)
    expect(location.stderr).toContain('--cache-location needs --cache')
  })
})

describe('openCheckCache', () => {
  it('drops the entries of another version of decruft, and keys on the text and the frontmatter settings', async () => {
    const root = tree({'a.md': SPAMMY})
    const file = join(root, 'cache.json')
    const notes: string[] = []
    const first = await openCheckCache(file, '1.0.0', (note) => notes.push(note))
    const key = entryKey('run', undefined, SPAMMY)
    first.store(join(root, 'a.md'), key, [])
    await first.save()
    expect((await openCheckCache(file, '1.0.0', (note) => notes.push(note))).lookup(join(root, 'a.md'), key)).toEqual([])
    expect((await openCheckCache(file, '1.0.1', (note) => notes.push(note))).lookup(join(root, 'a.md'), key)).toBeUndefined()
    expect(notes).toEqual([])
    expect(entryKey('run', undefined, `${SPAMMY} `)).not.toBe(key)
    expect(entryKey('run', {dialect: 'hugo'}, SPAMMY)).not.toBe(key)
    expect(entryKey('other run', undefined, SPAMMY)).not.toBe(key)
  })
})

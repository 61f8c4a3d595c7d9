/**
 * Real short writes, in child processes running the built command
 * (`bin/decruft.js`): under `ulimit -f` (a file-size limit, so a write past
 * it is short and the next one fails with EFBIG), and on a 64 KiB tmpfs
 * where root may mount one. Whatever happens, an input rewritten by
 * `check --write` and an earlier output keep their old bytes, no temporary
 * file is left, and the run exits 3 naming the cause.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bash, needs, needsOr, ROOT, tmpfsMount} from './support/external.js'
import {SPAMMY_ARTICLE} from './support/git-hook.js'
import {listFiles, tree} from './support/temp-tree.js'

const BIN = join(ROOT, 'bin', 'decruft.js')

/** A 36 KB article that a clean changes (it holds an ad block), of invented text. */
const LONG_ARTICLE = `${SPAMMY_ARTICLE}\n${Array.from({length: 450}, (_, index) => `Paragraph ${index}: keep the stone wet and the angle steady, stroke after stroke.\n`).join('\n')}`

/** The file-size limit of the runs, in KiB: well below the article. */
const LIMIT_KIB = 8

function underLimit(args: readonly string[], cwd: string) {
  const script = `ulimit -f ${LIMIT_KIB} && exec "$0" "$@"`
  const result = spawnSync('bash', ['-c', script, process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('a file-size limit (ulimit -f): real short writes', () => {
  it('check --write leaves an input it cannot rewrite byte for byte as it was, and exits 3', (context) => {
    needs(context, bash)
    expect(Buffer.byteLength(LONG_ARTICLE)).toBeGreaterThan(34 * 1024)
    const root = tree({'post.md': LONG_ARTICLE})
    const result = underLimit(['check', '--write', '--no-config', 'post.md'], root)
    expect(result.code).toBe(3)
    expect(result.stdout).toMatch(/post\.md: cannot write .*post\.md: file too large/)
    // The findings are still shown; the file is not fixed.
    expect(result.stdout).toMatch(/post\.md:\d+:\d+  ad-block  error /)
    expect(result.stdout).toMatch(/^fixed 0 files; \d+ errors? left; 1 could not be checked\n$/m)
    expect(readFileSync(join(root, 'post.md'), 'utf8')).toBe(LONG_ARTICLE)
    expect(listFiles(root)).toEqual(['post.md'])
  })

  it('a batch reports the article failed and keeps the earlier output', (context) => {
    needs(context, bash)
    const root = tree({'in/post.md': LONG_ARTICLE, 'out/post.md': 'an earlier output\n'})
    const result = underLimit(['--no-config', 'in', '--out', 'out', '--md'], root)
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/decruft: in\/post\.md: cannot write .*out\/post\.md: file too large/)
    expect(result.stderr).toMatch(/0 written to out, 1 failed/)
    expect(readFileSync(join(root, 'out/post.md'), 'utf8')).toBe('an earlier output\n')
    expect(listFiles(join(root, 'out'))).toEqual(['post.md'])
  })
})

describe('a full file system (a 64 KiB tmpfs)', () => {
  it('check --write on a full disk keeps the input and exits 3 with "no space left on device"', (context) => {
    // Never required: CI cannot mount file systems (see tmpfsMount).
    needsOr(context, false, [tmpfsMount])
    const mountPoint = mkdtempSync(join(tmpdir(), 'decruft-tmpfs-'))
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], {encoding: 'utf8'})
    expect(mount.status, mount.stderr).toBe(0)
    try {
      // The article takes over half the file system: its rewritten copy cannot fit beside it.
      writeFileSync(join(mountPoint, 'post.md'), LONG_ARTICLE)
      const result = spawnSync(process.execPath, [BIN, 'check', '--write', '--no-config', 'post.md'], {
        cwd: mountPoint,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1'},
      })
      expect(result.status).toBe(3)
      expect(result.stdout).toMatch(/post\.md: cannot write .*post\.md: no space left on device/)
      expect(readFileSync(join(mountPoint, 'post.md'), 'utf8')).toBe(LONG_ARTICLE)
      expect(listFiles(mountPoint)).toEqual(['post.md'])
    } finally {
      spawnSync('umount', [mountPoint])
      rmdirSync(mountPoint)
    }
  })
})

describe('a read-only file system', () => {
  it('an --out on it is refused before any work (exit 2), as root too', (context) => {
    needsOr(context, false, [tmpfsMount])
    const root = tree({'in/a.md': SPAMMY_ARTICLE})
    const mountPoint = join(root, 'ro')
    mkdirSync(mountPoint)
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', mountPoint], {encoding: 'utf8'})
    expect(mount.status, mount.stderr).toBe(0)
    try {
      const result = spawnSync(process.execPath, [BIN, '--no-config', 'in', '--out', 'ro/out'], {
        cwd: root,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1'},
      })
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(
        /^decruft: ro\/out: cannot write to the output directory \(.*ro, where it would be created\): read-only file system\n/,
      )
    } finally {
      spawnSync('umount', [mountPoint])
    }
  })
})

/**
 * The linter conventions of the command line, run in-process through
 * `main()` on temporary trees: `--fix` as `--write`, `--color`/`--no-color`
 * over `NO_COLOR`/`FORCE_COLOR` and the terminal, the severity in words,
 * `--max-warnings`, `--output-file`, `--ignore-path`, and a `--write` count
 * that says what was fixed and what is left.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode} from '../src/cli/main.js'
import {clean} from '../src/index.js'
import {CLEAN, type RunOptions, runCli as run, SPAMMY} from './support/check-run.js'
import {tree} from './support/temp-tree.js'

/** Frontmatter no repair makes readable: a warning that no fix removes (the frontmatter is kept as written). */
const UNREPAIRABLE = '---\ntitle: Ok\ntags: [one, two\n---\n\nBody.\n'

/** The link farm reported as a warning (a fix still removes it), the ad block as an error. */
const WARN_LINK_FARM = 'rules:\n  link-farm: warn\n'

const ANSI = /\u001b\[\d+(?:;\d+)*m/

describe('--fix', () => {
  it('is --write: fixes the files in place with the same output, and alone implies check mode', async () => {
    const byWrite = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const byFix = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const written = await run(['check', '--write', '.'], byWrite)
    const fixed = await run(['--fix', '.'], byFix)
    expect(fixed).toEqual(written)
    expect(fixed.code).toBe(ExitCode.ok)
    expect(readFileSync(join(byFix, 'spammy.md'), 'utf8')).toBe(clean(SPAMMY, {path: 'spammy.md'}).markdown)
    expect(readFileSync(join(byFix, 'spammy.md'), 'utf8')).not.toBe(SPAMMY)
    expect(readFileSync(join(byFix, 'clean.md'), 'utf8')).toBe(CLEAN)
  })

  it('is refused with outputs, as --write is', async () => {
    const root = tree({'a.md': SPAMMY})
    const result = await run(['--fix', 'a.md', '--out', 'out'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('--out cannot be used')
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(SPAMMY)
  })
})

describe('the --write count', () => {
  it('says what was fixed and what is left, never what was found', async () => {
    const root = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const result = await run(['check', '--fix', '.'], root)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('fixed 1 file; 0 errors left')
    expect(result.stdout).not.toMatch(/\d+ errors?, \d+ warnings?/)
  })

  it('is in the json summary too, as errorsLeft and warningsLeft (only with --write)', async () => {
    const root = tree({'spammy.md': SPAMMY, 'kept.md': UNREPAIRABLE})
    const checked = JSON.parse((await run(['check', '--reporter', 'json', '.'], root)).stdout) as {summary: object}
    expect(checked.summary).toEqual({files: 2, errors: 2, warnings: 1, failed: 0, fixed: 0})
    const fixed = JSON.parse((await run(['check', '--fix', '--reporter', 'json', '.'], root)).stdout) as {summary: object}
    expect(fixed.summary).toEqual({files: 2, errors: 2, warnings: 1, failed: 0, fixed: 1, errorsLeft: 0, warningsLeft: 1})
  })

  it('counts the warnings a fix cannot remove as left', async () => {
    const root = tree({'spammy.md': SPAMMY, 'kept.md': UNREPAIRABLE})
    const result = await run(['check', '--fix', '.'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('fixed 1 file; 0 errors left; 1 warning left')
  })

  it('counts the errors a fix cannot remove (a --strict problem) as left, and fails', async () => {
    const root = tree({'untitled.md': '---\ntags: [a]\n---\n\nBody.\n'})
    const result = await run(['check', '--fix', '--strict', 'untitled.md'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('fixed 0 files; 1 error left')
  })
})

describe('severity in words', () => {
  it('writes error or warning on each finding line, without colours', async () => {
    const root = tree({'.decruftrc.yaml': WARN_LINK_FARM, 'spammy.md': SPAMMY})
    const result = await run(['check', 'spammy.md'], root)
    expect(result.stdout).not.toMatch(ANSI)
    const lines = result.stdout.trimEnd().split('\n').slice(0, -1)
    expect(lines.map((line) => line.split('  ').slice(1, 3))).toEqual([
      ['ad-block', 'error'],
      ['link-farm', 'warning'],
    ])
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning in 1 file')
  })

  it('writes error on the --strict problems of a batch', async () => {
    const root = tree({'in/a.md': '---\ntags: [a]\n---\n\nBody.\n'})
    const result = await run(['in', '--out', 'out', '--strict', '--quiet'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stderr).toBe('in/a.md:1:1  frontmatter  error  Required frontmatter key `title` is missing\n')
  })
})

describe('--color and --no-color', () => {
  const spammy = () => tree({'spammy.md': SPAMMY})
  const coloured = async (argv: string[], options: RunOptions) =>
    ANSI.test((await run(['check', ...argv, 'spammy.md'], spammy(), options)).stdout)

  it('colour check output only on a terminal by default, unless NO_COLOR; FORCE_COLOR forces them (0 or false: off)', async () => {
    expect(await coloured([], {})).toBe(false)
    expect(await coloured([], {stdoutIsTTY: true})).toBe(true)
    expect(await coloured([], {stdoutIsTTY: true, env: {NO_COLOR: '1'}})).toBe(false)
    expect(await coloured([], {env: {FORCE_COLOR: '1'}})).toBe(true)
    expect(await coloured([], {stdoutIsTTY: true, env: {FORCE_COLOR: '0'}})).toBe(false)
    expect(await coloured([], {stdoutIsTTY: true, env: {FORCE_COLOR: 'false'}})).toBe(false)
  })

  it('win over the environment and the terminal; the last one given counts', async () => {
    expect(await coloured(['--color'], {env: {NO_COLOR: '1'}})).toBe(true)
    expect(await coloured(['--no-color'], {stdoutIsTTY: true, env: {FORCE_COLOR: '3'}})).toBe(false)
    expect(await coloured(['--color', '--no-color'], {stdoutIsTTY: true})).toBe(false)
    expect(await coloured(['--no-color', '--color'], {})).toBe(true)
  })

  it('leave the words the same: colours only wrap them', async () => {
    const plain = await run(['check', '--no-color', 'spammy.md'], spammy())
    const painted = await run(['check', '--color', 'spammy.md'], spammy())
    expect(painted.stdout).not.toBe(plain.stdout)
    expect(painted.stdout.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain.stdout)
  })

  it('apply to the batch summary on stderr', async () => {
    const batch = async (argv: string[], options: RunOptions) =>
      (await run(['in', '--out', 'out', ...argv], tree({'in/spammy.md': SPAMMY}), options)).stderr
    expect(await batch([], {})).not.toMatch(ANSI)
    expect(await batch(['--color'], {})).toMatch(ANSI)
    expect(await batch(['--no-color'], {isTTY: true})).not.toMatch(ANSI)
    expect(await batch([], {env: {NO_COLOR: '1', FORCE_COLOR: '1'}, isTTY: true})).not.toMatch(ANSI)
  })
})

describe('--max-warnings', () => {
  const warned = () => tree({'.decruftrc.yaml': 'rules:\n  link-farm: warn\n  ad-block: off\n', 'spammy.md': SPAMMY})

  it('fails (exit 1) with a line saying so when the warnings exceed it, and passes at or under it', async () => {
    const over = await run(['check', '--max-warnings', '0', 'spammy.md'], warned())
    expect(over.code).toBe(ExitCode.problems)
    expect(over.stderr).toBe('decruft: too many warnings: 1, more than --max-warnings 0 allows\n')
    expect(over.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file')
    const at = await run(['check', '--max-warnings', '1', 'spammy.md'], warned())
    expect(at).toMatchObject({code: ExitCode.ok, stderr: ''})
    expect((await run(['check', 'spammy.md'], warned())).code).toBe(ExitCode.ok)
  })

  it('with --fix counts only the warnings left: fixed ones do not fail, unfixable ones do', async () => {
    const fixable = await run(['check', '--fix', '--max-warnings', '0', 'spammy.md'], warned())
    expect(fixable).toMatchObject({code: ExitCode.ok, stderr: ''})
    const root = tree({'kept.md': UNREPAIRABLE})
    const left = await run(['check', '--fix', '--max-warnings', '0', 'kept.md'], root)
    expect(left.code).toBe(ExitCode.problems)
    expect(left.stderr).toBe('decruft: too many warnings left: 1, more than --max-warnings 0 allows\n')
  })

  it('takes a whole number, and only in check mode', async () => {
    const root = tree({'a.md': CLEAN})
    for (const value of ['-1', 'many', '1.5', '']) {
      const result = await run(['check', `--max-warnings=${value}`, 'a.md'], root)
      expect(result.code, value).toBe(ExitCode.usage)
      expect(result.stderr, value).toContain('--max-warnings: expected a whole number')
    }
    const batch = await run(['a.md', '--out', 'out', '--max-warnings', '0'], root)
    expect(batch.code).toBe(ExitCode.usage)
    expect(batch.stderr).toContain('--max-warnings is for check mode')
  })
})

describe('--output-file', () => {
  it('writes exactly what stdout would have had to the file, and nothing to stdout', async () => {
    const root = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const toStdout = await run(['check', '.'], root)
    const toFile = await run(['check', '--output-file', 'reports/check.txt', '.'], root)
    expect(toFile).toMatchObject({code: toStdout.code, stdout: '', stderr: ''})
    expect(readFileSync(join(root, 'reports/check.txt'), 'utf8')).toBe(toStdout.stdout)
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(join(root, 'reports'))).toEqual(['check.txt'])
  })

  it('holds a whole json document, and colours only when asked', async () => {
    const root = tree({'spammy.md': SPAMMY})
    await run(['check', '--reporter', 'json', '--output-file', 'out.json', 'spammy.md'], root, {stdoutIsTTY: true})
    const document = JSON.parse(readFileSync(join(root, 'out.json'), 'utf8')) as {summary: {errors: number}}
    expect(document.summary.errors).toBe(2)
    await run(['check', '--output-file', 'plain.txt', 'spammy.md'], root, {stdoutIsTTY: true})
    expect(readFileSync(join(root, 'plain.txt'), 'utf8')).not.toMatch(ANSI)
    await run(['check', '--color', '--output-file', 'painted.txt', 'spammy.md'], root)
    expect(readFileSync(join(root, 'painted.txt'), 'utf8')).toMatch(ANSI)
  })

  it('names a report it cannot write on stderr and exits 3', async () => {
    const root = tree({'spammy.md': SPAMMY})
    mkdirSync(join(root, 'taken'))
    const result = await run(['check', '--output-file', 'taken', 'spammy.md'], root)
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^decruft: taken: cannot write the report \(--output-file\): /)
    expect(readdirSync(join(root, 'taken'))).toEqual([])
  })

  it('is for check mode only', async () => {
    const root = tree({'a.md': CLEAN})
    const result = await run(['a.md', '--out', 'out', '--output-file', 'r.txt'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('--output-file is for check mode')
    expect(existsSync(join(root, 'r.txt'))).toBe(false)
  })
})

describe('--ignore-path', () => {
  const files = {
    '.decruftignore': 'a.md\n',
    'lint.ignore': 'b.md\n',
    'sub/all.ignore': '*.md\n',
    'a.md': SPAMMY,
    'b.md': SPAMMY,
    'sub/c.md': SPAMMY,
  }
  const checked = (stdout: string) => [...new Set([...stdout.matchAll(/^([^:\n]+):\d+:\d+ {2}/gm)].map((match) => match[1]))].sort()

  it('reads that file instead of .decruftignore', async () => {
    const root = tree(files)
    expect(checked((await run(['check', '.'], root)).stdout)).toEqual(['b.md', 'sub/c.md'])
    expect(checked((await run(['check', '--ignore-path', 'lint.ignore', '.'], root)).stdout)).toEqual(['a.md', 'sub/c.md'])
  })

  it('matches patterns relative to its own folder', async () => {
    const root = tree(files)
    expect(checked((await run(['check', '--ignore-path', 'sub/all.ignore', '.'], root)).stdout)).toEqual(['a.md', 'b.md'])
  })

  it('re-includes with `!` what the config ignores, from another folder too', async () => {
    const root = tree({
      '.decruftrc.yaml': 'ignore:\n  - "sub/**"\n',
      'sub/keep.ignore': '!keep.md\n',
      'sub/keep.md': SPAMMY,
      'sub/drop.md': SPAMMY,
    })
    expect(checked((await run(['check', '.'], root)).stdout)).toEqual([])
    expect(checked((await run(['check', '--ignore-path', 'sub/keep.ignore', '.'], root)).stdout)).toEqual(['sub/keep.md'])
  })

  it('applies to a batch', async () => {
    const root = tree({'in/a.md': SPAMMY, 'in/b.md': SPAMMY, 'skip.ignore': 'in/b.md\n'})
    const result = await run(['in', '--out', 'out', '--md', '--quiet', '--ignore-path', 'skip.ignore'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(readdirSync(join(root, 'out'))).toEqual(['a.md'])
  })

  it('is an error (exit 2) when the file cannot be read, before anything is checked', async () => {
    const root = tree({'a.md': SPAMMY})
    const result = await run(['check', '--ignore-path', 'missing.ignore', 'a.md'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^decruft: missing\.ignore: cannot read ignore file \(--ignore-path\): /)
  })
})

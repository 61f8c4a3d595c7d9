/**
 * Check mode (`decruft check`, `--check`, `--write`), run in-process through
 * `main()` on temporary trees: what it prints, what it exits with, that it
 * never touches a file without `--write` and touches only changed files with
 * it, and how the config file, ignore files and reporters shape a run.
 */
import {readdirSync, readFileSync, statSync, utimesSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode} from '../src/cli/main.js'
import {clean} from '../src/index.js'
import {needs, ROOT, sharedCorpus} from './support/external.js'
import {CLEAN, runCli as run, SPAMMY} from './support/check-run.js'
import {tree} from './support/temp-tree.js'

describe('check mode', () => {
  it('prints only the count for a clean file and exits 0', async () => {
    const root = tree({'clean.md': CLEAN})
    const result = await run(['check', 'clean.md'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout).toBe('No findings in 1 file\n')
    expect(result.stderr).toBe('')
  })

  it('prints path:line:col  rule-id  severity  message per finding, a count, exits 1, and leaves the file alone', async () => {
    const root = tree({'posts/spammy.md': SPAMMY, 'posts/clean.md': CLEAN})
    const before = statSync(join(root, 'posts/spammy.md')).mtimeMs
    const result = await run(['check', 'posts'], root)
    expect(result.code).toBe(ExitCode.problems)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines.some((line) => line.startsWith('posts/spammy.md:7:1  ad-block  error  '))).toBe(true)
    expect(
      lines
        .filter((line) => /^posts\/spammy\.md:\d+:\d+ {2}[a-z-]+ {2}(?:error|warning) {2}\S/.test(line))
        .map((line) => line.split('  ')[1]),
    ).toEqual(['ad-block', 'link-farm'])
    expect(lines.some((line) => line.startsWith('posts/clean.md'))).toBe(false)
    expect(lines.at(-1)).toBe('2 errors, 0 warnings in 2 files')
    expect(readFileSync(join(root, 'posts/spammy.md'), 'utf8')).toBe(SPAMMY)
    expect(statSync(join(root, 'posts/spammy.md')).mtimeMs).toBe(before)
  })

  it('places each finding where the text clean() removes starts, not at the white space it takes along', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const result = await run(['check', 'spammy.md'], root)
    const expected = clean(SPAMMY, {path: 'spammy.md'}).removals.map((removal) => {
      const first = removal.start.offset + removal.text.length - removal.text.trimStart().length
      const before = SPAMMY.slice(0, first).split('\n')
      return `spammy.md:${before.length}:${before.at(-1)!.length + 1}  ${removal.rule}  ${removal.severity ?? 'error'}  ${removal.reason}`
    })
    expect(result.stdout.trimEnd().split('\n').slice(0, -1)).toEqual(expected)
    // The link farm's removal starts at the blank line above its label; the finding names the label's line.
    const farm = clean(SPAMMY).removals.find((removal) => removal.rule === 'link-farm')!
    expect(farm.text.startsWith('\n')).toBe(true)
    const labelLine = SPAMMY.split('\n').findIndex((line) => line.startsWith('**Also read')) + 1
    expect(result.stdout).toContain(`spammy.md:${labelLine}:1  link-farm  error  `)
  })

  it('reports an unlinked link once (its `[` and `](url)` are one removal), in the line and in the count, and over 50 files on workers too', async () => {
    const article =
      '# Oil\n\nUse [Hinge Oil](https://www.amazon.com/dp/B01/?tag=shop-20) or <a href="https://www.amazon.com/dp/B02?tag=shop-20">grease</a>.\n'
    expect(clean(article).removals.filter((removal) => removal.rule === 'affiliate-link')).toHaveLength(4)
    const root = tree({'oil.md': article})
    const result = await run(['check', 'oil.md'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout.split('\n')).toEqual([
      'oil.md:3:5  affiliate-link  error  Affiliate link (amazon-tag) unlinked',
      `oil.md:3:${article.split('\n')[2]!.indexOf('<a ') + 1}  affiliate-link  error  Affiliate link (amazon-tag) unlinked`,
      '2 errors, 0 warnings in 1 file',
      '',
    ])
    const many = tree(Object.fromEntries(Array.from({length: 51}, (_, index) => [`posts/${String(index).padStart(2, '0')}.md`, article])))
    const pooled = await run(['check', '--reporter', 'json', '--concurrency', '2', 'posts'], many)
    const document = JSON.parse(pooled.stdout) as {summary: {errors: number}; files: Array<{findings: Array<{parts?: unknown[]}>}>}
    expect(document.summary.errors).toBe(102)
    expect(document.files.every((file) => file.findings.length === 2 && file.findings.every((found) => found.parts?.length === 2))).toBe(
      true,
    )
  })

  it('--check is the same as the check command', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const a = await run(['check', 'spammy.md'], root)
    const b = await run(['--check', 'spammy.md'], root)
    expect(b).toEqual(a)
  })

  it('--write fixes changed files in place, atomically, touches no other file, and exits 0', async () => {
    const root = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const past = new Date('2020-01-01T00:00:00Z')
    utimesSync(join(root, 'clean.md'), past, past)
    const result = await run(['check', '--write', '.'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'spammy.md'), 'utf8')).toBe(clean(SPAMMY, {path: 'spammy.md'}).markdown)
    expect(statSync(join(root, 'clean.md')).mtimeMs).toBe(past.getTime())
    expect(result.stdout).toContain('spammy.md: fixed')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('fixed 1 file; 0 errors left')
    // No temporary files left behind.
    expect(readdirSync(root).sort()).toEqual(['clean.md', 'spammy.md'])
    const again = await run(['check', '.'], root)
    expect(again.code).toBe(ExitCode.ok)
  })

  it('--write still fails on what it cannot fix (strict problems)', async () => {
    const root = tree({'untitled.md': '---\ndate: 2024-01-01\n---\n\nBody.\n'})
    const result = await run(['check', '--write', '--strict', 'untitled.md'], root)
    expect(result.code).toBe(ExitCode.problems)
    expect(result.stdout).toContain('untitled.md:1:1  frontmatter  error  Required frontmatter key `title` is missing')
  })

  it('names a file it cannot read, checks the others, and exits 3', async () => {
    const root = tree({'bad.md': Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]), 'spammy.md': SPAMMY})
    const result = await run(['check', '.'], root)
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stdout).toMatch(/^bad\.md:1:\d+: .*UTF-8/m)
    expect(result.stdout).toContain('spammy.md:7:1  ad-block  error  ')
  })

  it('reports YAML it cannot repair as a warning (an error with --strict), and a repair as an error', async () => {
    const root = tree({
      'kept.md': '---\ntitle: Ok\ntags: [one, two\n---\n\nBody.\n',
      'repaired.md': '---\ntitle: Fix: the driver\n---\n\nBody.\n',
    })
    const kept = await run(['check', 'kept.md'], root)
    expect(kept.code).toBe(ExitCode.ok)
    expect(kept.stdout).toMatch(
      /^kept\.md:3:\d+  frontmatter  warning  Invalid YAML in the frontmatter: .*; the frontmatter is kept as written$/m,
    )
    expect(kept.stdout).toMatch(/0 errors, 1 warning/)
    const strict = await run(['check', '--strict', 'kept.md'], root)
    expect(strict.code).toBe(ExitCode.problems)
    const repaired = await run(['check', 'repaired.md'], root)
    expect(repaired.code).toBe(ExitCode.problems)
    expect(repaired.stdout).toContain('repaired.md:2:8  frontmatter  error  title: YAML repaired: value quoted, as it holds `: `')
  })

  it('refuses outputs and stdin in check mode', async () => {
    const root = tree({'a.md': CLEAN})
    for (const argv of [['check', 'a.md', '--out', 'out'], ['check', '-'], ['check', 'a.md', '--json'], ['check']]) {
      expect((await run(argv, root)).code, argv.join(' ')).toBe(ExitCode.usage)
    }
  })

  it('exits 2 when no operand exists', async () => {
    const root = tree({})
    const result = await run(['check', 'missing.md'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('missing.md')
  })
})

describe('reporters', () => {
  it('json: one document listing every file with its findings', async () => {
    const root = tree({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const result = await run(['check', '--reporter', 'json', '.'], root)
    expect(result.code).toBe(ExitCode.problems)
    const document = JSON.parse(result.stdout)
    expect(document.files.map((file: {path: string}) => file.path)).toEqual(['clean.md', 'spammy.md'])
    expect(document.files[1].findings.map((finding: {rule: string}) => finding.rule)).toEqual(['ad-block', 'link-farm'])
    expect(document.summary).toMatchObject({files: 2, errors: 2, warnings: 0, failed: 0})
  })

  it('sarif: a SARIF 2.1.0 log with a result per finding', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const log = JSON.parse((await run(['check', '--reporter', 'sarif', 'spammy.md'], root)).stdout)
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results.map((result: {ruleId: string}) => result.ruleId)).toEqual(['ad-block', 'link-farm'])
    expect(log.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(7)
  })

  it('github: workflow annotations', async () => {
    const root = tree({'spammy.md': SPAMMY})
    const lines = (await run(['check', '--reporter', 'github', 'spammy.md'], root)).stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('::error file=spammy.md,line=7,col=1,'))).toHaveLength(1)
  })

  it('pretty: colours only when forced or on a terminal, never with NO_COLOR', async () => {
    const root = tree({'spammy.md': SPAMMY})
    expect((await run(['check', 'spammy.md'], root)).stdout).not.toContain('\u001b[')
    expect((await run(['check', 'spammy.md'], root, {env: {FORCE_COLOR: '1'}})).stdout).toContain('\u001b[')
    expect((await run(['check', 'spammy.md'], root, {env: {FORCE_COLOR: '1', NO_COLOR: '1'}})).stdout).not.toContain('\u001b[')
  })

  it('rejects an unknown reporter', async () => {
    const root = tree({'a.md': CLEAN})
    const result = await run(['check', '--reporter', 'xml', 'a.md'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('--reporter')
  })
})

describe('config files', () => {
  it('a rule set to warn reports warnings, which do not fail the check', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  link-farm: warn\n  ad-block: off\n', 'spammy.md': SPAMMY})
    const result = await run(['check', 'spammy.md'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout).toContain('  link-farm  ')
    expect(result.stdout).not.toContain('  ad-block  ')
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning in 1 file')
  })

  it('is found from a sub-folder, in package.json too, and --no-config ignores it', async () => {
    const root = tree({'package.json': JSON.stringify({name: 'site', decruft: {rules: {spam: 'off'}}}), 'posts/spammy.md': SPAMMY})
    expect((await run(['check', 'spammy.md'], join(root, 'posts'))).code).toBe(ExitCode.ok)
    expect((await run(['check', '--no-config', 'spammy.md'], join(root, 'posts'))).code).toBe(ExitCode.problems)
  })

  it('skips ignored files (config ignore and .decruftignore)', async () => {
    const root = tree({
      'decruft.config.json': JSON.stringify({ignore: ['drafts/**']}),
      '.decruftignore': 'vendor/\n',
      'drafts/spammy.md': SPAMMY,
      'vendor/spammy.md': SPAMMY,
      'posts/clean.md': CLEAN,
    })
    const result = await run(['check', '.'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stdout).toBe('No findings in 1 file\n')
  })

  it('a bad config names the file and the key, and exits 2', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  link-farms: warn\n', 'a.md': CLEAN})
    const result = await run(['check', 'a.md'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toMatch(/\.decruftrc\.yaml:2:\d+: rules\.link-farms: /)
  })

  it('applies to batch mode too', async () => {
    const root = tree({'.decruftrc.yaml': 'rules:\n  link-farm: off\n', 'in/spammy.md': SPAMMY})
    expect((await run(['in', '--out', 'out', '--md', '-q'], root)).code).toBe(ExitCode.ok)
    const out = readFileSync(join(root, 'out/spammy.md'), 'utf8')
    expect(out).toContain('**Also read:**')
    expect(out).not.toContain('affiliate ads begin')
  })
})

describe('the shared corpus', () => {
  const corpus = join(ROOT, '..', 'shared', 'corpus')
  it('reports every file of ../shared/corpus and exits 1', async (context) => {
    // A fresh clone has no ../shared beside it: skipped (with the reason), and failed in CI, which lays it there.
    needs(context, sharedCorpus)
    const result = await run(['check', '--no-config', '--reporter', 'json', corpus], process.cwd())
    expect(result.code).toBe(ExitCode.problems)
    const document = JSON.parse(result.stdout)
    expect(document.files.length).toBeGreaterThanOrEqual(70)
    // The corpus README documents the corpus; every article has something to report.
    for (const file of document.files.filter((file: {path: string}) => !file.path.endsWith('README.md')))
      expect(file.findings.length, file.path).toBeGreaterThan(0)
  }, 120_000)
})

/**
 * The lint-staged recipe of the README (`"*.md": "decruft check"`, or
 * `"decruft check --write"` to fix), run by the lint-staged in node_modules on
 * temporary git repositories. `decruft` is found on PATH through a shim that
 * runs this checkout's bin/decruft.js, as an installed package's bin would be.
 * Offline and fast: nothing is installed. Needs git (skipped, saying so,
 * without it; failed in CI, see tests/support/external.ts).
 */
import {chmodSync, readFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {
  CLEAN_ARTICLE as CLEAN,
  findingLine,
  gitIn,
  hookEnvironment,
  initRepo,
  runCommand,
  SPAMMY_ARTICLE as SPAMMY,
  stopCommands,
  type Run,
} from './support/git-hook.js'
import {git, needs} from './support/external.js'
import {tree} from './support/temp-tree.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LINT_STAGED = join(ROOT, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js')
const DECRUFT = join(ROOT, 'bin', 'decruft.js')

/** One test: a few git runs and a lint-staged run that starts decruft (seconds alone, more under load). */
const TEST_TIMEOUT = 3 * 60_000

// A test that timed out leaves no lint-staged, git or decruft running in its folder.
afterEach(() => stopCommands(), TEST_TIMEOUT)

interface Repo {
  dir: string
  env: NodeJS.ProcessEnv
  git(...args: string[]): Promise<string>
  lintStaged(): Promise<Run>
}

/**
 * A git repository with one commit (a README), `lint-staged` configured in
 * its package.json as `{"*.md": command}`, the `articles` written but not
 * staged, and a `decruft` shim on PATH.
 */
async function repoWith(command: string, articles: Record<string, string>): Promise<Repo> {
  const pkg = {name: 'articles', private: true, 'lint-staged': {'*.md': command}}
  const dir = tree(
    {
      'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
      'README.txt': 'Articles for the site.\n',
      '.shim/decruft': `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(DECRUFT)} "$@"\n`,
      '.gitignore': '.shim/\n',
      ...articles,
    },
    'decruft-lint-staged-',
  )
  chmodSync(join(dir, '.shim', 'decruft'), 0o755)
  const env = hookEnvironment({PATH: `${join(dir, '.shim')}${delimiter}${process.env['PATH'] ?? ''}`, FORCE_COLOR: '0'})
  const git = gitIn(dir, env)
  await initRepo(dir, env)
  await git('add', 'package.json', 'README.txt', '.gitignore')
  await git('commit', '-q', '-m', 'start')
  return {dir, env, git, lintStaged: () => runCommand(process.execPath, [LINT_STAGED], {cwd: dir, env})}
}

describe('lint-staged recipe', () => {
  it('test articles: the spammy one has an ad block and a link farm, the clean one nothing', () => {
    const ruleIds = clean(SPAMMY).messages.map((message) => message.ruleId)
    expect(ruleIds).toContain('ad-block')
    expect(ruleIds).toContain('link-farm')
    expect(clean(CLEAN).messages).toEqual([])
    expect(clean(CLEAN).markdown).toBe(CLEAN)
  })

  it(
    '"decruft check" fails on a staged spammy article, prints its findings, and changes nothing',
    async (context) => {
      needs(context, git)
      const repo = await repoWith('decruft check', {'spammy.md': SPAMMY, 'clean.md': CLEAN})
      await repo.git('add', 'spammy.md', 'clean.md')
      const result = await repo.lintStaged()
      expect(result.code, result.output).not.toBe(0)
      const messages = clean(SPAMMY).messages
      expect(messages.length).toBeGreaterThanOrEqual(2)
      for (const message of messages) {
        expect(result.output).toMatch(findingLine('spammy.md', message.line ?? 0, message.column ?? 0, message.ruleId ?? ''))
      }
      expect(result.output).not.toMatch(/clean\.md:\d+:\d+/)
      expect(readFileSync(join(repo.dir, 'spammy.md'), 'utf8')).toBe(SPAMMY)
      expect(await repo.git('show', ':spammy.md')).toBe(SPAMMY)
    },
    TEST_TIMEOUT,
  )

  it(
    '"decruft check" passes when only the clean article is staged',
    async (context) => {
      needs(context, git)
      const repo = await repoWith('decruft check', {'spammy.md': SPAMMY, 'clean.md': CLEAN})
      await repo.git('add', 'clean.md')
      const result = await repo.lintStaged()
      expect(result.code, result.output).toBe(0)
      // The unstaged spammy article is not lint-staged's business, and stays as it was.
      expect(readFileSync(join(repo.dir, 'spammy.md'), 'utf8')).toBe(SPAMMY)
      expect(await repo.git('status', '--porcelain', '--', 'spammy.md')).toBe('?? spammy.md\n')
    },
    TEST_TIMEOUT,
  )

  it(
    '"decruft check --write" fixes the staged spammy article, re-stages it, and passes',
    async (context) => {
      needs(context, git)
      const repo = await repoWith('decruft check --write', {'spammy.md': SPAMMY, 'clean.md': CLEAN})
      await repo.git('add', 'spammy.md', 'clean.md')
      const result = await repo.lintStaged()
      expect(result.code, result.output).toBe(0)
      const expected = clean(SPAMMY).markdown
      expect(expected).not.toContain('affiliate ads')
      expect(expected).not.toContain('Also read')
      expect(readFileSync(join(repo.dir, 'spammy.md'), 'utf8')).toBe(expected)
      // lint-staged adds what the task changed: the index holds the clean text, nothing is left unstaged.
      expect(await repo.git('show', ':spammy.md')).toBe(expected)
      expect(await repo.git('diff', '--name-only')).toBe('')
      expect(await repo.git('show', ':clean.md')).toBe(CLEAN)
    },
    TEST_TIMEOUT,
  )
})

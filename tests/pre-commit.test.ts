/**
 * The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit framework
 * (Debian's `pre-commit`; `.ci/run` installs it) on temporary git repositories
 * holding a spammy and a clean article.
 *
 * The hook repository is a snapshot of this working tree (tracked and
 * untracked files, ignored ones left out) committed to a temporary git repo,
 * used as users use decruft: a `.pre-commit-config.yaml` with `repo:` and
 * `rev:`. `pre-commit try-repo` (3.0.4) is not used: it leaves untracked files
 * out of the repo it tries, and it builds the Node environment again on every
 * run in a throw-away store. Here the environment is built once, with the
 * Node on PATH (no `language_version`), in a temporary PRE_COMMIT_HOME shared
 * by the tests of this file. Building it runs `npm install` (network to the
 * npm registry) and the `prepare` build, hence the long timeouts; it needs
 * the repository's `.npmrc` (`foreground-scripts=false`), without which
 * npm 11 prints the `prepare` output where pre-commit reads the name of the
 * packed tarball.
 */
import {copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {CLEAN_ARTICLE as CLEAN, findingLine, gitIn, hookEnvironment, initRepo, runCommand, SPAMMY_ARTICLE as SPAMMY, type Run} from './support/git-hook.js'
import {tree} from './support/temp-tree.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * Every test may be the one that builds the hook environment (`npm install`
 * of the whole repository, its build, `npm pack`, `npm install -g`): about a
 * minute with a warm npm cache, more without.
 */
const ENV_BUILD_TIMEOUT = 15 * 60_000

const run = runCommand
const git = (dir: string, ...args: string[]): Promise<string> => gitIn(dir)(...args)

/**
 * Commit a copy of this working tree (what `git ls-files --cached --others
 * --exclude-standard` lists) to a new repository in `into`; returns its commit.
 */
async function snapshotWorkingTree(into: string): Promise<string> {
  const listed = (await git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard')).split('\0')
  let copied = 0
  for (const path of listed) {
    if (path === '') continue
    const from = join(ROOT, path)
    // Deleted but not yet staged, or a folder (a submodule): not part of the tree.
    if (!existsSync(from) || !lstatSync(from).isFile()) continue
    mkdirSync(dirname(join(into, path)), {recursive: true})
    copyFileSync(from, join(into, path))
    copied++
  }
  if (copied === 0) throw new Error(`no files listed by git in ${ROOT}`)
  await initRepo(into)
  await git(into, 'add', '-A')
  await git(into, 'commit', '-q', '--no-verify', '-m', 'snapshot of the working tree')
  return (await git(into, 'rev-parse', 'HEAD')).trim()
}

/** The hook repository and the store holding its built environment, shared by the tests of this file. */
interface HookSetup {
  /** Temporary folder holding both; removed after the tests. */
  shared: string
  hookRepo: string
  hookRev: string
  /** Environment of pre-commit commands: PRE_COMMIT_HOME is the shared store. */
  env: NodeJS.ProcessEnv
  /** What `pre-commit --version` said. */
  version: string
  /** Wall time of `pre-commit install-hooks`, which builds the Node environment. */
  buildMs: number
}

let setup: Promise<HookSetup> | undefined
let sharedDir = ''

/**
 * Snapshot the hook repository and build its environment, once for the file:
 * every test awaits this, so if pre-commit is missing or the build fails,
 * each test fails with the reason.
 */
function hookSetup(): Promise<HookSetup> {
  setup ??= buildHookSetup()
  return setup
}

async function buildHookSetup(): Promise<HookSetup> {
  const version = await run('pre-commit', ['--version'], {cwd: ROOT}).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `the pre-commit framework is not installed (${error.code ?? error.message}): this test runs the real hooks; ` +
        'install it (Debian: apt-get install pre-commit; .ci/run does) and run the test again',
    )
  })
  if (version.code !== 0) throw new Error(`pre-commit --version failed (exit ${version.code}):\n${version.output}`)

  const shared = mkdtempSync(join(tmpdir(), 'decruft-pre-commit-shared-'))
  sharedDir = shared
  const hookRepo = join(shared, 'hook-repo')
  mkdirSync(hookRepo)
  const hookRev = await snapshotWorkingTree(hookRepo)
  const env = hookEnvironment({PRE_COMMIT_HOME: join(shared, 'store'), PRE_COMMIT_COLOR: 'never'})
  const hooks = {shared, hookRepo, hookRev, env, version: version.output.trim(), buildMs: 0}

  // Build the environment of both hooks (they share one) and time it.
  const repo = await articleRepo(hooks, {'article.md': CLEAN})
  const build = await run('pre-commit', ['install-hooks'], {cwd: repo, env})
  if (build.code !== 0) throw new Error(`pre-commit install-hooks failed (exit ${build.code}):\n${build.output}`)
  return {...hooks, buildMs: build.ms}
}

/** A repository of articles, all staged, whose pre-commit config uses the hook repository. */
async function articleRepo(hooks: Pick<HookSetup, 'hookRepo' | 'hookRev'>, files: Record<string, string>): Promise<string> {
  const config = [
    'repos:',
    `  - repo: ${JSON.stringify(hooks.hookRepo)}`,
    `    rev: ${hooks.hookRev}`,
    '    hooks:',
    '      - id: decruft-check',
    '      - id: decruft-fix',
    '        stages: [manual]',
    '',
  ].join('\n')
  const dir = tree({...files, '.pre-commit-config.yaml': config}, 'decruft-pre-commit-')
  await initRepo(dir)
  await git(dir, 'add', '-A')
  return dir
}

/** A repository of articles (see {@link articleRepo}) and a runner of `pre-commit <args>` in it with the shared store. */
async function withHooks(files: Record<string, string>) {
  const hooks = await hookSetup()
  const repo = await articleRepo(hooks, files)
  const preCommit = (...args: string[]): Promise<Run> => run('pre-commit', args, {cwd: repo, env: hooks.env})
  return {repo, hooks, preCommit}
}

afterAll(() => {
  if (sharedDir !== '') rmSync(sharedDir, {recursive: true, force: true})
})

describe('pre-commit hooks', () => {
  it('installs the hooks into an environment on the Node found on PATH (none downloaded)', async () => {
    const hooks = await hookSetup()
    console.info(`${hooks.version}: hook environment built in ${(hooks.buildMs / 1000).toFixed(1)} s`)
    const store = join(hooks.shared, 'store')
    const environments = readdirSync(store, {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => readdirSync(join(store, entry.name)).filter((name) => name.startsWith('node_env-')).map((name) => join(store, entry.name, name)))
    expect(environments.map((path) => basename(path))).toEqual(['node_env-system'])
    const [environmentDir = ''] = environments
    expect(existsSync(join(environmentDir, 'bin', 'decruft'))).toBe(true)
  }, ENV_BUILD_TIMEOUT)

  it('decruft-check fails on the spammy article, names its findings, and changes nothing', async () => {
    const {repo, preCommit} = await withHooks({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const result = await preCommit('run', 'decruft-check', '--files', 'spammy.md', 'clean.md')
    expect(result.code, result.output).not.toBe(0)
    expect(result.output).toMatch(/decruft check\.*Failed/)
    const messages = clean(SPAMMY).messages
    expect(messages.length).toBeGreaterThanOrEqual(2)
    for (const message of messages) {
      expect(result.output).toMatch(findingLine('spammy.md', message.line ?? 0, message.column ?? 0, message.ruleId ?? ''))
    }
    expect(result.output).not.toMatch(/clean\.md:\d+:\d+/)
    expect(readFileSync(join(repo, 'spammy.md'), 'utf8')).toBe(SPAMMY)
    expect(readFileSync(join(repo, 'clean.md'), 'utf8')).toBe(CLEAN)
  }, ENV_BUILD_TIMEOUT)

  it('decruft-check passes on the clean article alone', async () => {
    const {preCommit} = await withHooks({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const result = await preCommit('run', 'decruft-check', '--files', 'clean.md')
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/decruft check\.*Passed/)
  }, ENV_BUILD_TIMEOUT)

  it('decruft-check skips files that are not Markdown', async () => {
    const {preCommit} = await withHooks({'notes.txt': SPAMMY})
    const result = await preCommit('run', 'decruft-check', '--files', 'notes.txt')
    expect(result.code, result.output).toBe(0)
    expect(result.output).toMatch(/decruft check\.*\(no files to check\)Skipped/)
  }, ENV_BUILD_TIMEOUT)

  it('decruft-fix cleans the spammy article in place and fails the run so the fix gets staged', async () => {
    const {repo, preCommit} = await withHooks({'spammy.md': SPAMMY})
    const fix = await preCommit('run', 'decruft-fix', '--hook-stage', 'manual', '--files', 'spammy.md')
    expect(fix.code, fix.output).not.toBe(0)
    expect(fix.output).toMatch(/decruft fix\.*Failed/)
    expect(fix.output).toContain('files were modified by this hook')

    const fixed = readFileSync(join(repo, 'spammy.md'), 'utf8')
    expect(fixed).toBe(clean(SPAMMY).markdown)
    expect(fixed).not.toContain('affiliate ads')
    expect(fixed).not.toContain('Also read')
    // pre-commit does not stage what a hook changed: the index still has the spammy text.
    expect(await git(repo, 'show', ':spammy.md')).toBe(SPAMMY)

    await git(repo, 'add', 'spammy.md')
    const check = await preCommit('run', 'decruft-check', '--files', 'spammy.md')
    expect(check.code, check.output).toBe(0)
    const again = await preCommit('run', 'decruft-fix', '--hook-stage', 'manual', '--files', 'spammy.md')
    expect(again.code, again.output).toBe(0)
  }, ENV_BUILD_TIMEOUT)

  it('decruft-fix passes and leaves a clean article untouched', async () => {
    const {repo, preCommit} = await withHooks({'clean.md': CLEAN})
    const before = statSync(join(repo, 'clean.md')).mtimeMs
    const result = await preCommit('run', 'decruft-fix', '--hook-stage', 'manual', '--files', 'clean.md')
    expect(result.code, result.output).toBe(0)
    expect(readFileSync(join(repo, 'clean.md'), 'utf8')).toBe(CLEAN)
    expect(statSync(join(repo, 'clean.md')).mtimeMs).toBe(before)
  }, ENV_BUILD_TIMEOUT)

  it('as a git hook, refuses a commit that adds the spammy article and lets the clean one through', async () => {
    const {repo, hooks, preCommit} = await withHooks({'spammy.md': SPAMMY, 'clean.md': CLEAN})
    const install = await preCommit('install')
    expect(install.code, install.output).toBe(0)

    const refused = await run('git', ['commit', '-q', '-m', 'add articles'], {cwd: repo, env: hooks.env})
    expect(refused.code, refused.output).not.toBe(0)
    const [first] = clean(SPAMMY).messages
    expect(refused.output).toMatch(findingLine('spammy.md', first?.line ?? 0, first?.column ?? 0, first?.ruleId ?? ''))
    expect((await run('git', ['rev-parse', '--verify', '-q', 'HEAD'], {cwd: repo})).code).not.toBe(0)

    await git(repo, 'rm', '-q', '--cached', 'spammy.md')
    const accepted = await run('git', ['commit', '-q', '-m', 'add the clean article'], {cwd: repo, env: hooks.env})
    expect(accepted.code, accepted.output).toBe(0)
    const committed = (await git(repo, 'ls-tree', '--name-only', 'HEAD')).split('\n')
    expect(committed).toContain('clean.md')
    expect(committed).not.toContain('spammy.md')
  }, ENV_BUILD_TIMEOUT)
})

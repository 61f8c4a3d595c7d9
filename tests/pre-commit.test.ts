/**
 * The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit framework
 * (Debian's `pre-commit`; `.ci/run` installs it) on temporary git repositories
 * holding a spammy and a clean article. Needs pre-commit, git and a git
 * checkout of the project: without them each test skips, saying which is
 * missing (and fails in CI, see tests/support/external.ts).
 *
 * The hook repository is a snapshot of this working tree (tracked and
 * untracked files, ignored ones left out) committed to a temporary git repo,
 * used as users use decruft: a `.pre-commit-config.yaml` with `repo:` and
 * `rev:`. `pre-commit try-repo` (3.0.4) is not used: it leaves untracked files
 * out of the repo it tries, and it builds the Node environment again on every
 * run in a throw-away store. Here the environment is built once, in
 * `beforeAll`, with the Node on PATH (no `language_version`), in a temporary
 * PRE_COMMIT_HOME. Building it runs `npm install` (network to the npm
 * registry), the `prepare` build (twice: `npm install`, then `npm pack`) and
 * `npm install -g` of the packed package: about a minute alone on a 2-core
 * machine, many more when other test files and builds share it, hence its
 * own deadline. It needs the repository's `.npmrc` (`foreground-scripts=false`),
 * without which npm 11 prints the `prepare` output where pre-commit reads the
 * name of the packed tarball.
 *
 * Robust under load:
 * - each test has a repository of its own; what they share (the hook
 *   repository and the store holding the built environment) is written only
 *   while `beforeAll` builds it, and afterwards by one pre-commit at a time
 *   (tests of a file run one after another) — and a test fails if pre-commit
 *   builds the environment again;
 * - every pre-commit runs in a process group of its own, ended (with the npm
 *   and node processes it started) when its test is over, so none outlives
 *   its test and writes into folders being removed: pre-commit's own
 *   `rmtree` of a node_modules then trips on a file removed under it
 *   (`FileNotFoundError: … raw-cosmetic.js.map`, a file of
 *   @ghostery/adblocker), and a removal of the folders fails on files still
 *   being written;
 * - the folders (about 150 MB, most of it the environment's node_modules)
 *   are removed after the tests, off the event loop, with retries, waiting a
 *   bounded time: removing can never fail or time out the file.
 */
import {copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, type TestContext} from 'vitest'
import {clean} from '../src/index.js'
import {git as gitTool, gitCheckout, missingOf, needs, preCommit as preCommitTool, ROOT} from './support/external.js'
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
import {removeBestEffort, tree} from './support/temp-tree.js'

const PREREQUISITES = [preCommitTool, gitTool, gitCheckout]

/** The `beforeAll` that builds the environment may take this long … */
const ENV_BUILD_TIMEOUT = 25 * 60_000
/** … and stops the build, saying so, a minute before, so that the hook itself never times out. */
const ENV_BUILD_DEADLINE = ENV_BUILD_TIMEOUT - 60_000
/** One test: a few pre-commit and git runs on the built environment (seconds alone, minutes under load). */
const TEST_TIMEOUT = 5 * 60_000
/** Cleaning up: ending what still runs, then removing the folders (best effort, bounded). */
const CLEANUP_TIMEOUT = 3 * 60_000

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

/** The hook repository and the store holding its built environment, shared by the tests of this file (read-only for them). */
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

/** The built setup, or why it could not be built; neither when a prerequisite is missing (the tests skip). */
let setup: HookSetup | undefined
let setupError: Error | undefined
let sharedDir = ''

/** Snapshot the hook repository and build its environment, within {@link ENV_BUILD_DEADLINE}. */
async function buildHookSetup(): Promise<HookSetup> {
  const started = Date.now()
  const version = await run('pre-commit', ['--version'], {cwd: ROOT})
  if (version.code !== 0) throw new Error(`pre-commit --version failed (exit ${version.code}):\n${version.output}`)

  const shared = mkdtempSync(join(tmpdir(), 'decruft-pre-commit-shared-'))
  sharedDir = shared
  const hookRepo = join(shared, 'hook-repo')
  mkdirSync(hookRepo)
  const hookRev = await snapshotWorkingTree(hookRepo)
  const env = hookEnvironment({PRE_COMMIT_HOME: join(shared, 'store'), PRE_COMMIT_COLOR: 'never'})
  const hooks = {shared, hookRepo, hookRev, env, version: version.output.trim(), buildMs: 0}

  // Build the environment of both hooks (they share one) and time it; a build past the deadline is stopped.
  const repo = await articleRepo(hooks, {'article.md': CLEAN}, join(shared, 'build-repo'))
  const timeoutMs = Math.max(60_000, ENV_BUILD_DEADLINE - (Date.now() - started))
  const build = await run('pre-commit', ['install-hooks'], {cwd: repo, env, timeoutMs})
  if (build.code !== 0) throw new Error(`pre-commit install-hooks failed (exit ${build.code}):\n${build.output}`)
  return {...hooks, buildMs: build.ms}
}

/**
 * A repository of articles, all staged, whose pre-commit config uses the hook
 * repository: in `dir`, or in a new temporary folder of the running test.
 */
async function articleRepo(hooks: Pick<HookSetup, 'hookRepo' | 'hookRev'>, files: Record<string, string>, dir?: string): Promise<string> {
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
  const all = {...files, '.pre-commit-config.yaml': config}
  let repo = dir
  if (repo === undefined) repo = tree(all, 'decruft-pre-commit-')
  else {
    for (const [path, content] of Object.entries(all)) {
      mkdirSync(dirname(join(repo, path)), {recursive: true})
      writeFileSync(join(repo, path), content)
    }
  }
  await initRepo(repo)
  await git(repo, 'add', '-A')
  return repo
}

/** The built setup for a test: skips it (or fails it in CI) when a prerequisite is missing, fails it when the build failed. */
function hooksFor(context: TestContext): HookSetup {
  needs(context, ...PREREQUISITES)
  if (setupError) throw setupError
  if (!setup) throw new Error('the hook environment was not built (see the beforeAll error)')
  return setup
}

/**
 * A repository of articles (see {@link articleRepo}) and a runner of
 * `pre-commit <args>` in it with the shared store, which fails the test if
 * pre-commit builds the environment again (it must be built once).
 */
async function withHooks(context: TestContext, files: Record<string, string>) {
  const hooks = hooksFor(context)
  const repo = await articleRepo(hooks, files)
  const preCommit = async (...args: string[]): Promise<Run> => {
    const result = await run('pre-commit', args, {cwd: repo, env: hooks.env})
    expect(result.output, 'pre-commit built the shared environment again').not.toMatch(/Installing environment for/)
    return result
  }
  return {repo, hooks, preCommit}
}

beforeAll(async () => {
  // A missing prerequisite: each test skips with the reason (or fails, in CI).
  if (missingOf(PREREQUISITES) !== undefined) return
  try {
    setup = await buildHookSetup()
  } catch (error) {
    setupError = error instanceof Error ? error : new Error(String(error))
    await stopCommands()
  }
}, ENV_BUILD_TIMEOUT)

// A test that timed out leaves no pre-commit (nor its npm and node) running.
afterEach(() => stopCommands(), CLEANUP_TIMEOUT)

afterAll(async () => {
  await stopCommands()
  await removeBestEffort(sharedDir, CLEANUP_TIMEOUT / 2)
}, CLEANUP_TIMEOUT)

describe('pre-commit hooks', () => {
  it(
    'installs the hooks into an environment on the Node found on PATH (none downloaded)',
    (context) => {
      const hooks = hooksFor(context)
      console.info(`${hooks.version}: hook environment built in ${(hooks.buildMs / 1000).toFixed(1)} s`)
      const store = join(hooks.shared, 'store')
      const environments = readdirSync(store, {withFileTypes: true})
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) =>
          readdirSync(join(store, entry.name))
            .filter((name) => name.startsWith('node_env-'))
            .map((name) => join(store, entry.name, name)),
        )
      expect(environments.map((path) => basename(path))).toEqual(['node_env-system'])
      const [environmentDir = ''] = environments
      expect(existsSync(join(environmentDir, 'bin', 'decruft'))).toBe(true)
    },
    TEST_TIMEOUT,
  )

  it(
    'decruft-check fails on the spammy article, names its findings, and changes nothing',
    async (context) => {
      const {repo, preCommit} = await withHooks(context, {'spammy.md': SPAMMY, 'clean.md': CLEAN})
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
    },
    TEST_TIMEOUT,
  )

  it(
    'decruft-check passes on the clean article alone',
    async (context) => {
      const {preCommit} = await withHooks(context, {'spammy.md': SPAMMY, 'clean.md': CLEAN})
      const result = await preCommit('run', 'decruft-check', '--files', 'clean.md')
      expect(result.code, result.output).toBe(0)
      expect(result.output).toMatch(/decruft check\.*Passed/)
    },
    TEST_TIMEOUT,
  )

  it(
    'decruft-check skips files that are not Markdown',
    async (context) => {
      const {preCommit} = await withHooks(context, {'notes.txt': SPAMMY})
      const result = await preCommit('run', 'decruft-check', '--files', 'notes.txt')
      expect(result.code, result.output).toBe(0)
      expect(result.output).toMatch(/decruft check\.*\(no files to check\)Skipped/)
    },
    TEST_TIMEOUT,
  )

  it(
    'decruft-fix cleans the spammy article in place and fails the run so the fix gets staged',
    async (context) => {
      const {repo, preCommit} = await withHooks(context, {'spammy.md': SPAMMY})
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
    },
    TEST_TIMEOUT,
  )

  it(
    'decruft-fix passes and leaves a clean article untouched',
    async (context) => {
      const {repo, preCommit} = await withHooks(context, {'clean.md': CLEAN})
      const before = statSync(join(repo, 'clean.md')).mtimeMs
      const result = await preCommit('run', 'decruft-fix', '--hook-stage', 'manual', '--files', 'clean.md')
      expect(result.code, result.output).toBe(0)
      expect(readFileSync(join(repo, 'clean.md'), 'utf8')).toBe(CLEAN)
      expect(statSync(join(repo, 'clean.md')).mtimeMs).toBe(before)
    },
    TEST_TIMEOUT,
  )

  it(
    'as a git hook, refuses a commit that adds the spammy article and lets the clean one through',
    async (context) => {
      const {repo, hooks, preCommit} = await withHooks(context, {'spammy.md': SPAMMY, 'clean.md': CLEAN})
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
    },
    TEST_TIMEOUT,
  )
})

/**
 * What some tests need from outside the project, beyond npm: the corpus in
 * `../shared` beside the checkout, the pre-commit framework (Debian's
 * `pre-commit`), git, and a git checkout of the project (the pre-commit test
 * snapshots the working tree with `git ls-files`).
 *
 * A new user's `npm test` on a fresh clone may have none of them but git: a
 * test that needs a missing one skips, with a note that says what is missing
 * and how to get it (tests/support/summary-reporter.ts prints every skipped
 * test with its note). CI provides them all and must not skip: `.ci/run`
 * sets `DECRUFT_REQUIRE_EXTERNAL=1`, under which a missing prerequisite
 * fails the test instead, with the same message.
 *
 * @example
 * ```ts
 * it('reports every file of ../shared/corpus', async (context) => {
 *   needs(context, sharedCorpus)
 *   …
 * })
 * ```
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, realpathSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The project's root (the checkout). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Whether a missing prerequisite fails instead of skipping (CI: `.ci/run` sets it). */
export const REQUIRE_EXTERNAL = process.env['DECRUFT_REQUIRE_EXTERNAL'] === '1'

/** Something outside the project that a test needs. */
export interface Prerequisite {
  /** What it is, in a few words (`the pre-commit framework`). */
  readonly name: string
  /** Why it is missing and how to get it; undefined when it is there. Looked up once. */
  readonly missing: () => string | undefined
}

function once(find: () => string | undefined): () => string | undefined {
  let found: {reason: string | undefined} | undefined
  return () => {
    found ??= {reason: find()}
    return found.reason
  }
}

/** Whether `command args…` runs and exits 0; otherwise why not. */
function commandFails(command: string, args: readonly string[]): string | undefined {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe']})
  if (result.error) return `\`${command}\` cannot be run (${(result.error as NodeJS.ErrnoException).code ?? result.error.message})`
  if (result.status !== 0)
    return `\`${command} ${args.join(' ')}\` exited ${result.status ?? result.signal}: ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}`
  return undefined
}

/** The folder `../shared/corpus` beside the checkout: the scraped articles CI checks. */
export const sharedCorpus: Prerequisite = {
  name: '../shared/corpus',
  missing: once(() => {
    const corpus = join(ROOT, '..', 'shared', 'corpus')
    if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
      return `no ${corpus}: the shared corpus is not beside the checkout (CI lays it there)`
    }
    if (!readdirSync(corpus, {recursive: true}).some((name) => String(name).endsWith('.md'))) return `${corpus} holds no Markdown file`
    return undefined
  }),
}

/** git on PATH. */
export const git: Prerequisite = {
  name: 'git',
  missing: once(() => commandFails('git', ['--version'])),
}

/** The project is a git checkout (not, say, an unpacked tarball): `git ls-files` lists it. */
export const gitCheckout: Prerequisite = {
  name: 'a git checkout of the project',
  missing: once(() => {
    const result = spawnSync('git', ['-C', ROOT, 'rev-parse', '--show-toplevel'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
    if (result.status !== 0) return `${ROOT} is not a git checkout (the test snapshots the working tree with \`git ls-files\`)`
    const top = result.stdout.trim()
    return realpathSync(top) === realpathSync(ROOT) ? undefined : `${ROOT} is not the top of its git checkout (${top} is)`
  }),
}

/** The pre-commit framework on PATH (Debian: `apt-get install pre-commit`; `.ci/run` installs it). */
export const preCommit: Prerequisite = {
  name: 'the pre-commit framework',
  missing: once(() => {
    const reason = commandFails('pre-commit', ['--version'])
    return reason === undefined ? undefined : `${reason}; install it (Debian: apt-get install pre-commit; .ci/run does)`
  }),
}

/** What `needs` asks of the running test's context (vitest's `TestContext`). */
interface SkippableContext {
  skip(note?: string): never
}

/** Why the missing ones of `prerequisites` are missing, or undefined when all are there. */
export function missingOf(prerequisites: readonly Prerequisite[]): string | undefined {
  const missing = prerequisites.filter((prerequisite) => prerequisite.missing() !== undefined)
  if (missing.length === 0) return undefined
  return `needs ${missing.map((prerequisite) => `${prerequisite.name} (${prerequisite.missing()})`).join(' and ')}`
}

/**
 * Skip the running test, saying why, when a prerequisite is missing; under
 * `DECRUFT_REQUIRE_EXTERNAL=1` (CI) fail it instead. Call it first thing in
 * the test (or in a `beforeEach`).
 */
export function needs(context: SkippableContext, ...prerequisites: Prerequisite[]): void {
  needsOr(context, REQUIRE_EXTERNAL, prerequisites)
}

/** {@link needs}, with whether a missing prerequisite fails given (for its own test). */
export function needsOr(context: SkippableContext, require: boolean, prerequisites: readonly Prerequisite[]): void {
  const reason = missingOf(prerequisites)
  if (reason === undefined) return
  if (require) throw new Error(`${reason}; DECRUFT_REQUIRE_EXTERNAL=1 (CI provides it), so this fails instead of skipping`)
  context.skip(reason)
}

/** bash on PATH, for `ulimit -f` (a file-size limit: a write past it is short, then fails with EFBIG). */
export const bash: Prerequisite = {
  name: 'bash',
  missing: once(() => commandFails('bash', ['-c', 'ulimit -f 8'])),
}

/**
 * Mounting a tiny tmpfs (root, and a system that allows mounts: not most
 * containers). Never required, even in CI (`.ci/run` cannot provide it):
 * tests use `needsOr(context, false, [tmpfsMount])`.
 */
export const tmpfsMount: Prerequisite = {
  name: 'permission to mount a tmpfs',
  missing: once(() => {
    if (process.platform !== 'linux') return `tmpfs is Linux's (this is ${process.platform})`
    if (process.getuid?.() !== 0) return 'only root can mount a tmpfs'
    const probe = spawnSync(
      'sh',
      ['-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s'],
      {encoding: 'utf8'},
    )
    return probe.status === 0 ? undefined : `mount -t tmpfs failed: ${(probe.stderr || '').trim().split('\n')[0] ?? ''}`
  }),
}

/**
 * Dask distributed for scripts/distributed/dask-run.sh: the `dask` command on
 * PATH and /usr/bin/python3 with `dask.bag` and `distributed` (Debian:
 * `apt-get install python3-dask python3-distributed`; `.ci/run` does).
 */
export const daskDistributed: Prerequisite = {
  name: 'Dask distributed',
  missing: once(() => {
    const hint = 'install it (Debian: apt-get install python3-dask python3-distributed; .ci/run does)'
    const reason = commandFails('/usr/bin/python3', ['-c', 'import dask.bag, distributed']) ?? commandFails('dask', ['--version'])
    return reason === undefined ? undefined : `${reason}; ${hint}`
  }),
}

/**
 * What the git-hook tests share (tests/pre-commit.test.ts and
 * tests/lint-staged.test.ts): a spammy and a clean article, a clean
 * environment for child processes, a runner, and git repositories with a
 * local identity.
 *
 * Every command runs in a process group of its own and is tracked until it
 * ends, so that a test that times out (or fails while a command runs) leaves
 * nothing behind: `stopCommands()` (the tests call it after each test and
 * before removing their folders) ends every group still running — pre-commit
 * with the npm and node processes it started — and waits for it. A command
 * that outlives its test would otherwise write into folders being removed
 * (pre-commit's `rmtree` then fails on a file that vanished under it).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {performance} from 'node:perf_hooks'

/** An article with an ad block and a link farm (tests check it has both). */
export const SPAMMY_ARTICLE = [
  '---',
  'title: Sharpening a kitchen knife on a whetstone',
  '---',
  '',
  '# Sharpening a kitchen knife on a whetstone',
  '',
  'Soak the stone for ten minutes, until no more bubbles rise from it.',
  '',
  '<!-- affiliate ads begin -->',
  '<a href="https://shop.example.test/stones?aff=7"><img src="https://img.example.test/stone.png"></a>',
  '<!-- affiliate ads end -->',
  '',
  'Hold the blade at about fifteen degrees and draw it across the coarse side.',
  '',
  '**Also read:**',
  '',
  '- [Storing knives so they stay sharp](https://blog.example.test/knife-storage/)',
  '- [Choosing a cutting board](https://blog.example.test/cutting-boards/)',
  '- [Honing is not sharpening](https://blog.example.test/honing/)',
  '',
  'Finish with a few light strokes on the fine side and rinse the blade.',
  '',
].join('\n')

/** An article decruft leaves as it is. */
export const CLEAN_ARTICLE = [
  '---',
  'title: Rehanging a sagging gate',
  '---',
  '',
  '# Rehanging a sagging gate',
  '',
  'Prop the gate on a wedge so the hinges carry no weight.',
  '',
  'Move the top hinge a finger width up, drill new pilot holes and drive the screws home.',
  '',
  'Take the wedge away and swing the gate: it should clear the path by the same gap all along.',
  '',
].join('\n')

export interface Run {
  code: number
  /** stdout and stderr together, in the order written. */
  output: string
  ms: number
}

/** Git variables that leak from a hook the tests may run under and would point git at another repository. */
const GIT_LOCATION_VARIABLES = new Set([
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_PREFIX',
])

/**
 * The environment of every command: this one, without git's location
 * variables and npm's per-script ones (`npm test` sets them for its own
 * package), without the user's git config, without colours, plus `extra`.
 */
export function hookEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (GIT_LOCATION_VARIABLES.has(name)) continue
    if (/^npm_(lifecycle|package)_/i.test(name) || /^npm_config_local_prefix$/i.test(name) || name === 'INIT_CWD') continue
    env[name] = value
  }
  return {...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', ...extra}
}

/** Commands still running: their process groups, and a promise of their end. */
const running = new Map<ChildProcess, Promise<void>>()

/** Signal a command's whole process group (it leads one: see {@link runCommand}). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is gone already.
  }
}

/**
 * End every command still running (SIGTERM to its process group, SIGKILL
 * after `graceMs`) and wait until each has closed. Never throws.
 */
export async function stopCommands(graceMs = 5_000): Promise<void> {
  const left = [...running.entries()]
  for (const [child] of left) signalGroup(child, 'SIGTERM')
  await Promise.all(
    left.map(async ([child, closed]) => {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          signalGroup(child, 'SIGKILL')
          resolve()
        }, graceMs)
      })
      await Promise.race([closed, late])
      clearTimeout(timer)
      await closed
    }),
  )
}

/**
 * Run a command to its end (in {@link hookEnvironment} unless `env` is
 * given), in a process group of its own. With `timeoutMs`, a command still
 * running then is ended (its whole group) and the run rejects, saying so.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: {cwd: string; env?: NodeJS.ProcessEnv | undefined; timeoutMs?: number | undefined},
): Promise<Run> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? hookEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const chunks: Buffer[] = []
    let timedOut = false
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            signalGroup(child, 'SIGTERM')
            setTimeout(() => signalGroup(child, 'SIGKILL'), 5_000).unref()
          }, options.timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk))
    const closed = new Promise<void>((settle) => {
      child.on('error', (error) => {
        clearTimeout(timer)
        running.delete(child)
        settle()
        reject(error)
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        running.delete(child)
        settle()
        const output = Buffer.concat(chunks).toString('utf8')
        const ms = Math.round(performance.now() - started)
        if (timedOut)
          reject(new Error(`\`${command} ${args.join(' ')}\` did not end within ${options.timeoutMs} ms and was stopped:\n${output}`))
        else resolve({code: code ?? (signal === null ? -1 : 128), output, ms})
      })
    })
    if (child.pid !== undefined) running.set(child, closed)
  })
}

/** A git runner in `dir` that fails the test with git's output when git fails. */
export function gitIn(dir: string, env?: NodeJS.ProcessEnv): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const result = await runCommand('git', args, {cwd: dir, env})
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir} (exit ${result.code}):\n${result.output}`)
    return result.output
  }
}

/** Make `dir` a new git repository (branch `main`) with a local identity and no signing. */
export async function initRepo(dir: string, env?: NodeJS.ProcessEnv): Promise<void> {
  const git = gitIn(dir, env)
  await git('init', '-q', '-b', 'main')
  await git('config', 'user.name', 'Decruft Test')
  await git('config', 'user.email', 'decruft-test@example.test')
  await git('config', 'commit.gpgsign', 'false')
}

/** A finding line of check mode: `path:line:col  rule-id  severity  message` (the path may be absolute). */
export function findingLine(path: string, line: number, column: number, ruleId: string): RegExp {
  return new RegExp(`(^|[\\s/])${path.replace(/\./g, '\\.')}:${line}:${column}\\s+${ruleId}\\s+(?:error|warning)\\b`, 'm')
}

/**
 * The lint-staged recipe of the README (`"*.md": "decruft check"`, or
 * `"decruft check --write"` to fix), run by the lint-staged in node_modules on
 * temporary git repositories. `decruft` is found on PATH through a shim that
 * runs this checkout's bin/decruft.js, as an installed package's bin would be.
 * Offline and fast: nothing is installed.
 */
import {spawn} from 'node:child_process'
import {chmodSync, readFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {tree} from './support/temp-tree.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const LINT_STAGED = join(ROOT, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js')
const DECRUFT = join(ROOT, 'bin', 'decruft.js')

const SPAMMY = [
  '---',
  'title: Bleeding a radiator',
  '---',
  '',
  '# Bleeding a radiator',
  '',
  'Turn the heating off and let the radiator cool for an hour.',
  '',
  '<!-- affiliate ads begin -->',
  '<a href="https://shop.example.test/keys?aff=19"><img src="https://img.example.test/key.png"></a>',
  '<!-- affiliate ads end -->',
  '',
  'Hold a cloth under the valve and open it a quarter turn with the key.',
  '',
  '**Also read:**',
  '',
  '- [Topping up boiler pressure](https://heat.example.test/boiler-pressure/)',
  '- [Why one radiator stays cold](https://heat.example.test/cold-radiator/)',
  '- [Balancing a heating system](https://heat.example.test/balancing/)',
  '',
  'Close the valve as soon as water instead of air comes out.',
  '',
].join('\n')

const CLEAN = [
  '---',
  'title: Reseeding a bare patch of lawn',
  '---',
  '',
  '# Reseeding a bare patch of lawn',
  '',
  'Rake the patch until the soil is loose and crumbly.',
  '',
  'Scatter the seed thinly, press it in with the back of the rake and keep it damp for two weeks.',
  '',
].join('\n')

interface Run {
  code: number
  output: string
}

/** Git variables that leak from a hook the tests may run under and would point git at another repository. */
const GIT_LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR', 'GIT_PREFIX']

/** This environment without git's location variables or the user's git config, `bin` first on PATH. */
function environment(bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!GIT_LOCATION_VARIABLES.includes(name)) env[name] = value
  }
  return {
    ...env,
    PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  }
}

/** Run a command to its end; stdout and stderr together. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      resolve({code: code ?? (signal === null ? -1 : 128), output: Buffer.concat(chunks).toString('utf8')})
    })
  })
}

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
  const dir = tree({
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'README.txt': 'Articles for the site.\n',
    '.shim/decruft': `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(DECRUFT)} "$@"\n`,
    '.gitignore': '.shim/\n',
    ...articles,
  }, 'decruft-lint-staged-')
  chmodSync(join(dir, '.shim', 'decruft'), 0o755)
  const env = environment(join(dir, '.shim'))
  const git = async (...args: string[]): Promise<string> => {
    const result = await run('git', args, dir, env)
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (exit ${result.code}):\n${result.output}`)
    return result.output
  }
  await git('init', '-q', '-b', 'main')
  await git('config', 'user.name', 'Decruft Test')
  await git('config', 'user.email', 'decruft-test@example.test')
  await git('config', 'commit.gpgsign', 'false')
  await git('add', 'package.json', 'README.txt', '.gitignore')
  await git('commit', '-q', '-m', 'start')
  return {dir, env, git, lintStaged: () => run(process.execPath, [LINT_STAGED], dir, env)}
}

/** A finding line of check mode: `path:line:col  rule-id  message` (the path may be absolute). */
function findingLine(path: string, line: number, column: number, ruleId: string): RegExp {
  return new RegExp(`(^|[\\s/])${path.replace(/\./g, '\\.')}:${line}:${column}\\s+${ruleId}\\b`, 'm')
}

describe('lint-staged recipe', () => {
  it('test articles: the spammy one has an ad block and a link farm, the clean one nothing', () => {
    const ruleIds = clean(SPAMMY).messages.map((message) => message.ruleId)
    expect(ruleIds).toContain('ad-block')
    expect(ruleIds).toContain('link-farm')
    expect(clean(CLEAN).messages).toEqual([])
    expect(clean(CLEAN).markdown).toBe(CLEAN)
  })

  it('"decruft check" fails on a staged spammy article, prints its findings, and changes nothing', async () => {
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
  })

  it('"decruft check" passes when only the clean article is staged', async () => {
    const repo = await repoWith('decruft check', {'spammy.md': SPAMMY, 'clean.md': CLEAN})
    await repo.git('add', 'clean.md')
    const result = await repo.lintStaged()
    expect(result.code, result.output).toBe(0)
    // The unstaged spammy article is not lint-staged's business, and stays as it was.
    expect(readFileSync(join(repo.dir, 'spammy.md'), 'utf8')).toBe(SPAMMY)
    expect(await repo.git('status', '--porcelain', '--', 'spammy.md')).toBe('?? spammy.md\n')
  })

  it('"decruft check --write" fixes the staged spammy article, re-stages it, and passes', async () => {
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
  })
})

/**
 * Files to skip, gitignore-style: the config's `ignore` patterns and a
 * `.decruftignore` file, both relative to one folder (the config file's).
 * The syntax and meaning are `.gitignore`'s, by the `ignore` package: `#`
 * comments, `!` negation (the last matching pattern wins), `drafts/` for a
 * folder and everything in it, a leading `/` to anchor at the folder.
 *
 * Like git, a file cannot be re-included when a folder above it is ignored:
 * write `drafts/**` and `!drafts/keep.md`, not `drafts/` and `!drafts/keep.md`.
 * Paths outside the folder are never ignored.
 *
 * @example
 * const ignored = await createIgnore('/site', ['drafts/**', '!drafts/keep.md'])
 * ignored('/site/drafts/wip.md') // → true
 * ignored('/site/drafts/keep.md') // → false
 */
import {readFile} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import ignore from 'ignore'
import {ConfigError} from './config.js'
import {describeSystemError} from './read.js'

/** The name of the ignore file read from the config folder. */
export const IGNORE_FILE = '.decruftignore'

/** The lines of `dir`'s `.decruftignore`, or none when there is no such file. Throws {@link ConfigError} when it cannot be read. */
async function readIgnoreFile(dir: string): Promise<string> {
  const file = join(dir, IGNORE_FILE)
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as {code?: unknown}).code === 'ENOENT') return ''
    throw new ConfigError(`cannot read ignore file: ${describeSystemError(error)}`, {file, display: file})
  }
}

/**
 * A predicate for files to skip: `patterns` (the config's `ignore`, relative
 * to `dir`), then the patterns of `dir/.decruftignore` if present (so the
 * file's `!` lines can re-include what the config ignores). Paths outside
 * `dir` are never ignored.
 *
 * Throws {@link ConfigError} when `.decruftignore` exists but cannot be read.
 */
export async function createIgnore(dir: string, patterns: readonly string[]): Promise<(absolutePath: string) => boolean> {
  const root = resolve(dir)
  const matcher = ignore()
    .add(patterns)
    .add(await readIgnoreFile(root))
  return (absolutePath) => {
    const path = relative(root, resolve(root, absolutePath))
    if (path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) return false
    return matcher.ignores(sep === '/' ? path : path.split(sep).join('/'))
  }
}

/**
 * Files to skip, gitignore-style: the config's `ignore` patterns and a
 * `.decruftignore` file, both relative to one folder (the config file's),
 * or instead of `.decruftignore` the file given with `--ignore-path`,
 * relative to its own folder (as `.gitignore` files are).
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
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
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

/** An ignore file named on the command line (`--ignore-path`): it must exist. Throws {@link ConfigError}. */
async function readGivenIgnoreFile(file: {path: string; display: string}): Promise<string> {
  try {
    return await readFile(file.path, 'utf8')
  } catch (error) {
    throw new ConfigError(`cannot read ignore file (--ignore-path): ${describeSystemError(error)}`, {
      file: file.path,
      display: file.display,
    })
  }
}

/** `absolutePath` relative to `root` with `/` separators, or undefined when it is `root` itself or outside it. */
function pathUnder(root: string, absolutePath: string): string | undefined {
  const path = relative(root, resolve(root, absolutePath))
  if (path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) return undefined
  return sep === '/' ? path : path.split(sep).join('/')
}

/** What {@link createIgnore} reads besides the config's patterns. */
export interface IgnoreOptions {
  /**
   * An ignore file to read instead of `dir/.decruftignore` (`--ignore-path`;
   * `path` absolute, `display` as the user gave it). Its patterns are
   * relative to its own folder, and it must exist.
   */
  readonly ignoreFile?: {readonly path: string; readonly display: string} | undefined
}

/**
 * A predicate for files to skip: `patterns` (the config's `ignore`, relative
 * to `dir`), then the patterns of `dir/.decruftignore` if present, or of
 * `options.ignoreFile` instead (so the file's `!` lines can re-include what
 * the config ignores). Paths outside `dir` are never ignored by the config's
 * patterns, nor paths outside the ignore file's folder by its own.
 *
 * Throws {@link ConfigError} when `.decruftignore` exists but cannot be read,
 * or the given ignore file cannot be read.
 */
export async function createIgnore(
  dir: string,
  patterns: readonly string[],
  options: IgnoreOptions = {},
): Promise<(absolutePath: string) => boolean> {
  const root = resolve(dir)
  const given = options.ignoreFile
  const fileRoot = given ? dirname(resolve(given.path)) : root
  const fileText = given ? await readGivenIgnoreFile(given) : await readIgnoreFile(root)
  if (fileRoot === root) {
    // One folder: one matcher, so git's rules hold across both (a folder ignored by the config cannot be re-included by the file).
    const matcher = ignore().add(patterns).add(fileText)
    return (absolutePath) => {
      const path = pathUnder(root, absolutePath)
      return path !== undefined && matcher.ignores(path)
    }
  }
  // Two folders: the file's patterns come last, so a pattern of it that matches (ignoring or `!` re-including) wins.
  const configMatcher = ignore().add(patterns)
  const fileMatcher = ignore().add(fileText)
  return (absolutePath) => {
    const fromFile = pathUnder(fileRoot, absolutePath)
    if (fromFile !== undefined) {
      const verdict = fileMatcher.test(fromFile)
      if (verdict.ignored) return true
      if (verdict.unignored) return false
    }
    const fromConfig = pathUnder(root, absolutePath)
    return fromConfig !== undefined && configMatcher.ignores(fromConfig)
  }
}

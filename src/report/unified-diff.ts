/**
 * What a clean would change in one file, as a unified diff in git's style
 * (`--- a/<path>`, `+++ b/<path>`, hunks with three lines of context), for
 * `--diff`. Made by jsdiff (the `diff` package); no `Index:` or `===` lines,
 * so `git apply` and `patch -p1` take the output as it is.
 *
 * Plain output keeps the article's bytes (a patch must apply). With colours
 * (a terminal) the lines are coloured as git colours them, and control
 * characters in the text are shown escaped (escape.ts): scraped text may
 * hold escape sequences that would drive the terminal.
 *
 * @example
 * unifiedDiff('posts/a.md', 'Hi\nBuy now!\n', 'Hi\n')
 * // '--- a/posts/a.md\n+++ b/posts/a.md\n@@ -1,2 +1,1 @@\n Hi\n-Buy now!\n'
 */
import {createTwoFilesPatch, FILE_HEADERS_ONLY} from 'diff'
import {escapeControl} from './escape.js'

/** How to colour a diff: picocolors' functions, or none. */
export interface DiffColors {
  bold(text: string): string
  cyan(text: string): string
  red(text: string): string
  green(text: string): string
}

/** Lines of context around each change, as `git diff` and `diff -u` show. */
const CONTEXT = 3

/**
 * The unified diff from `before` to `after` for the file at `path` (POSIX,
 * relative); the empty string when they are equal. With `colors`, coloured
 * for a terminal and with control characters escaped.
 */
export function unifiedDiff(path: string, before: string, after: string, colors?: DiffColors): string {
  if (before === after) return ''
  const name = escapeControl(path)
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: CONTEXT,
    headerOptions: FILE_HEADERS_ONLY,
  })
  if (!colors) return patch
  const lines = patch.endsWith('\n') ? patch.slice(0, -1).split('\n') : patch.split('\n')
  return `${lines.map((line, index) => colorLine(line, index, colors)).join('\n')}\n`
}

/** One line of a patch for a terminal: the two file headers bold, hunk headers cyan, removals red, additions green. */
function colorLine(line: string, index: number, colors: DiffColors): string {
  // A trailing CR (a CRLF file) stays as it is; other controls are shown.
  const visible = line.endsWith('\r') ? `${escapeControl(line.slice(0, -1))}\r` : escapeControl(line)
  if (index < 2) return colors.bold(visible)
  if (line.startsWith('@@')) return colors.cyan(visible)
  if (line.startsWith('-')) return colors.red(visible)
  if (line.startsWith('+')) return colors.green(visible)
  return visible
}

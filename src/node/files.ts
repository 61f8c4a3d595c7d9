/**
 * Expanding command-line operands into the articles to clean.
 *
 * An operand is a file, a directory (searched recursively) or a glob. Each
 * article gets a `relative` path that is mirrored under the output
 * directory: relative to the directory for a directory operand, to the
 * glob's static base for a glob (or, when a match lies outside that base, as
 * with `*\/../../other/*.md`, to the deepest folder holding every match), the
 * file's own name for a file; so a relative path never climbs out (`..`).
 * Only Markdown files (`.md`, `.markdown`, any case) are taken;
 * `node_modules`, `.git`, hidden files and folders and the output directory
 * are never searched. Symbolic links met in a folder are not followed (no
 * cycles, nothing from outside the folder): each one named like a Markdown
 * file gets a note, as do a named pipe or device named so and a folder that
 * cannot be read. The order is
 * deterministic: operands in the order given, files within one sorted by
 * relative path.
 */
import {readdir, stat} from 'node:fs/promises'
import {basename, dirname, extname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {escapePath, glob, isDynamicPattern} from 'tinyglobby'
import {describeSystemError} from './read.js'

/** One article to clean. */
export interface InputFile {
  /** Absolute path of the article. */
  absolute: string
  /** Path under the output directory (OS separators). */
  relative: string
}

/** An operand that gave no article. */
export interface OperandError {
  /** The operand as given. */
  operand: string
  reason: string
}

/** Something met while searching a folder that is not taken, worth a note (not an error). */
export interface SkippedPath {
  /** Absolute path. */
  path: string
  reason: string
}

export interface ExpandResult {
  files: InputFile[]
  errors: OperandError[]
  /** Directory operands that hold no Markdown file (not an error, worth a note). */
  empty: string[]
  /** Symbolic links and other non-regular files named like Markdown files, and folders that cannot be read, met in directory operands. */
  skipped: SkippedPath[]
}

export interface ExpandOptions {
  /** Directory that relative operands are resolved against. */
  cwd: string
  /** Directories never searched (the output directory). */
  exclude?: readonly string[]
}

/** The extensions of Markdown files, lower case. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown']

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']
const NEVER_SEARCHED = new Set(['node_modules', '.git'])

export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase())
}

/** Expand operands into articles, in a deterministic order, without duplicates. */
export async function expandOperands(operands: readonly string[], options: ExpandOptions): Promise<ExpandResult> {
  const result: ExpandResult = {files: [], errors: [], empty: [], skipped: []}
  const seen = new Set<string>()
  for (const operand of operands) {
    const found = await expandOperand(operand, options, result)
    found.sort((a, b) => compare(a.relative, b.relative))
    for (const file of found) {
      if (seen.has(file.absolute)) continue
      seen.add(file.absolute)
      result.files.push(file)
    }
  }
  return result
}

async function expandOperand(operand: string, options: ExpandOptions, result: ExpandResult): Promise<InputFile[]> {
  const absolute = resolve(options.cwd, operand)
  let kind: 'file' | 'directory' | 'other' | undefined
  try {
    const stats = await stat(absolute)
    kind = stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other'
  } catch (error) {
    const code = (error as {code?: unknown}).code
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      result.errors.push({operand, reason: describeSystemError(error)})
      return []
    }
  }
  if (kind === 'file') {
    if (isMarkdownPath(absolute)) return [{absolute, relative: basename(absolute)}]
    result.errors.push({operand, reason: `not a Markdown file (expected ${MARKDOWN_EXTENSIONS.join(' or ')})`})
    return []
  }
  if (kind === 'directory') {
    const files = await searchDirectory(absolute, options, result.skipped)
    if (files.length === 0) result.empty.push(operand)
    return files
  }
  if (kind === 'other') {
    result.errors.push({operand, reason: 'not a regular file or directory'})
    return []
  }
  if (isDynamicPattern(operand)) {
    const files = await searchGlob(operand, options)
    if (files.length === 0) result.errors.push({operand, reason: 'no Markdown file matches this pattern'})
    return files
  }
  result.errors.push({operand, reason: 'no such file or directory'})
  return []
}

/**
 * The Markdown files below `directory`, walked with `readdir` (the entry
 * types come with the listing: no extra call per file). Symbolic links are
 * never followed; one named like a Markdown file, and a folder that cannot be
 * read, are added to `skipped`.
 */
async function searchDirectory(directory: string, options: ExpandOptions, skipped: SkippedPath[]): Promise<InputFile[]> {
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)))
  const files: InputFile[] = []
  const walk = async (folder: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(folder, {withFileTypes: true})
    } catch (error) {
      skipped.push({path: folder, reason: `folder not searched: ${describeSystemError(error)}`})
      return
    }
    const folders: string[] = []
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!NEVER_SEARCHED.has(entry.name) && !excluded.has(path)) folders.push(path)
      } else if (isMarkdownPath(entry.name)) {
        if (entry.isFile()) files.push({absolute: path, relative: relative(directory, path)})
        else if (entry.isSymbolicLink())
          skipped.push({path, reason: 'symbolic link, not followed (give its target as an operand to clean it)'})
        else skipped.push({path, reason: 'not a regular file, skipped'})
      }
    }
    // Sibling folders are read together (the thread pool bounds how many at once); the caller sorts.
    await Promise.all(folders.map(walk))
  }
  const before = skipped.length
  await walk(directory)
  // The notes in a deterministic order, whatever order the folders were read in.
  skipped.splice(before, skipped.length - before, ...skipped.slice(before).sort((a, b) => compare(a.path, b.path)))
  return files
}

async function searchGlob(pattern: string, options: ExpandOptions): Promise<InputFile[]> {
  const base = resolve(options.cwd, staticBase(pattern))
  const ignore = [...ALWAYS_IGNORED, ...excludedWithin(options.cwd, options.exclude ?? [])]
  const paths = await glob([pattern], {
    cwd: options.cwd,
    ignore,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    expandDirectories: false,
    absolute: true,
  })
  const absolutes = paths.map((path) => resolve(path)).filter(isMarkdownPath)
  // Matches outside the static base (`*/../other/*.md`) are placed relative to the folder holding them all instead.
  const escapes = absolutes.some((absolute) => climbsOut(relative(base, absolute)))
  const from = escapes ? commonFolder(absolutes) : base
  return absolutes.map((absolute) => ({absolute, relative: relative(from, absolute)}))
}

/** Whether a relative path leaves its folder (`../x`, or another drive). */
export function climbsOut(path: string): boolean {
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)
}

/** The deepest folder that holds every one of `files` (absolute paths). */
export function commonFolder(files: readonly string[]): string {
  let common = dirname(files[0] ?? sep)
  for (const file of files) {
    while (climbsOut(relative(common, file))) {
      const parent = dirname(common)
      if (parent === common) return common
      common = parent
    }
  }
  return common
}

/** The directories leading a glob before its first dynamic segment: `docs/**\/*.md` → `docs`. */
export function staticBase(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  if (fixed.length === 1 && fixed[0] === '') return '/'
  return fixed.join('/') || '.'
}

/** Ignore patterns, relative to `root`, for the excluded directories inside it. */
function excludedWithin(root: string, excluded: readonly string[]): string[] {
  const patterns: string[] = []
  for (const directory of excluded) {
    const inside = relative(root, directory)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) continue
    patterns.push(`${escapePath(inside.split(sep).join('/'))}/**`)
  }
  return patterns
}

/** Code-unit order: the same on every machine, whatever the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Where the outputs of an article go. Throws when they would not lie inside
 * `outDir` (a `relative` that climbs out): nothing is ever written outside.
 */
export function outputPaths(outDir: string, file: InputFile): {markdown: string; json: string} {
  const markdown = join(outDir, file.relative)
  const extension = extname(markdown)
  const json = `${markdown.slice(0, markdown.length - extension.length)}.json`
  for (const path of [markdown, json]) {
    const inside = relative(outDir, path)
    if (inside === '' || climbsOut(inside)) throw new Error(`its output ${path} would not be inside the output directory ${outDir}`)
  }
  return {markdown, json}
}

/**
 * Keeping outputs inside `--out` and away from inputs.
 *
 * Before any work, `--out` is refused when it is an input folder, sits
 * inside one, or contains an input folder or file (compared by real path,
 * so a symbolic link to the input is caught too), and when it cannot be
 * written. Then every output path is checked to lie inside `--out`: an
 * operand's files are placed relative to the operand, and a path that would
 * still leave `--out` is refused for that file.
 */
import {constants} from 'node:fs'
import {access, realpath, stat} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, relative, resolve} from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import type {InputFile} from './files.js'
import {describeSystemError} from './read.js'

/** Whether `path` is `folder` or lies below it (both absolute and normalised). */
export function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path)
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest))
}

/** Whether `path` lies strictly below `folder`. */
function isBelow(path: string, folder: string): boolean {
  return path !== folder && isInside(path, folder)
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (an `--out` not made yet). */
export async function realPathOf(path: string): Promise<string> {
  const missing: string[] = []
  let current = path
  for (;;) {
    try {
      return join(await realpath(current), ...missing.reverse())
    } catch {
      const parent = dirname(current)
      if (parent === current) return path
      missing.push(basename(current))
      current = parent
    }
  }
}

/**
 * Why `out` cannot be the output folder, if it cannot: it exists and is not
 * a folder, or it (or, when it does not exist yet, the folder it would be
 * made in) cannot be written.
 */
export async function outDirProblem(out: string): Promise<string | undefined> {
  let existing = out
  try {
    const stats = await stat(out)
    if (!stats.isDirectory()) return 'output exists and is not a directory'
  } catch (error) {
    const code = (error as {code?: unknown}).code
    if (code !== 'ENOENT') return `cannot use as output directory: ${describeSystemError(error)}`
    existing = await nearestExisting(out)
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK)
    return undefined
  } catch (error) {
    const where = existing === out ? '' : ` (${existing}, where it would be created)`
    return `cannot write to the output directory${where}: ${describeSystemError(error)}`
  }
}

async function nearestExisting(path: string): Promise<string> {
  let current = dirname(path)
  for (;;) {
    try {
      await stat(current)
      return current
    } catch {
      const parent = dirname(current)
      if (parent === current) return current
      current = parent
    }
  }
}

/**
 * Why `out` may not be used with these operands and their files, if so:
 * `--out` equal to an input folder, inside one, or holding an input folder
 * or file. `operands` as given (for the message), resolved against `cwd`.
 */
export async function outInputConflict(
  out: string,
  operands: readonly string[],
  files: readonly InputFile[],
  cwd: string,
): Promise<string | undefined> {
  const realOut = await realPathOf(resolve(cwd, out))
  for (const operand of operands) {
    const absolute = resolve(cwd, operand)
    let isDirectory = false
    try {
      isDirectory = (await stat(absolute)).isDirectory()
    } catch {
      // A glob or a missing path: its files are checked below.
    }
    if (!isDirectory) continue
    const real = await realPathOf(absolute)
    if (real === realOut) return `--out is the input folder ${operand}: outputs would replace the articles; choose a folder outside it`
    if (isBelow(realOut, real))
      return `--out is inside the input folder ${operand}: outputs could replace the author's files there; choose a folder outside it`
    if (isBelow(real, realOut))
      return `--out contains the input folder ${operand}: outputs could replace its articles; choose a folder outside it`
  }
  // Files (from file operands and globs): none may lie inside --out. Real folders are looked up once each.
  const realFolders = new Map<string, Promise<string>>()
  for (const file of files) {
    const folder = dirname(file.absolute)
    let real = realFolders.get(folder)
    if (real === undefined) {
      real = realPathOf(folder)
      realFolders.set(folder, real)
    }
    if (isInside(file.absolute, realOut) || isInside(join(await real, basename(file.absolute)), realOut)) {
      const operand = operands.find((given) => !isDynamicPattern(given) && resolve(cwd, given) === file.absolute)
      return `--out contains the input ${operand ?? relative(cwd, file.absolute)}: an output could replace it; choose a folder that holds no input`
    }
  }
  return undefined
}

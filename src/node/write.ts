/**
 * Writing outputs: each file is written to a temporary sibling and renamed
 * over the target (write-file-atomic), so a reader never sees half a file.
 * The outputs of one article are all-or-nothing: if one cannot be written,
 * the ones already written for it are removed again.
 */
import {mkdir, rm} from 'node:fs/promises'
import {dirname} from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import {describeSystemError} from './read.js'

export interface Output {
  /** Absolute path of the file to write. */
  path: string
  data: string
}

/** Why an output could not be written; names the output. */
export class WriteError extends Error {
  override readonly name = 'WriteError'
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot write ${path}: ${describeSystemError(cause)}`, {cause})
  }
}

/**
 * Write one file atomically, creating its parent directories.
 * `fsync` (default false) also flushes it to disk before the rename: the
 * rename alone already guarantees no partial file after a crash of decruft,
 * fsync adds durability across a power loss at a large cost per file.
 */
export async function writeFileSafely(path: string, data: string, options: {fsync?: boolean} = {}): Promise<void> {
  try {
    await mkdir(dirname(path), {recursive: true})
    await writeFileAtomic(path, data, {encoding: 'utf8', fsync: options.fsync ?? false})
  } catch (error) {
    throw new WriteError(path, error)
  }
}

/** Write the outputs of one article, all or none. Throws {@link WriteError}. */
export async function writeOutputs(outputs: readonly Output[], options: {fsync?: boolean} = {}): Promise<void> {
  const written: string[] = []
  try {
    for (const output of outputs) {
      await writeFileSafely(output.path, output.data, options)
      written.push(output.path)
    }
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, {force: true}).catch(() => undefined)))
    throw error
  }
}

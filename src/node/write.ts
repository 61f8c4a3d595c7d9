/**
 * Writing outputs so that no fault can lose data: each file is written to a
 * new temporary sibling (`wx`: never an existing file), every byte is
 * checked in (a short write is continued, a write that makes no progress is
 * a failure: a full disk, a file-size limit), optionally flushed (`fsync`),
 * and only then renamed over the target. On any error the temporary file is
 * removed and the target keeps its old bytes. A reader never sees half a
 * file, and an input rewritten in place (`check --write`) is never shortened.
 *
 * The outputs of one article are all-or-nothing: all are written to their
 * temporary files before any is renamed into place, so a full disk leaves
 * every old output of the article as it was.
 *
 * A temporary file is named `.<name>.decruft-<pid>-<thread>-<n>.tmp` beside
 * its target (hidden, so a later run's directory search skips it); the ones
 * in flight are removed when the process is interrupted, worker threads'
 * too (temporary-files.ts). Only a SIGKILL or a power loss between creating
 * and renaming one can leave it behind; the target is never partial, and
 * the next write into that folder removes it (its process is gone).
 */
import {constants} from 'node:fs'
import {mkdir, open, realpath, rename, rm, stat, unlink} from 'node:fs/promises'
import {dirname} from 'node:path'
import {describeSystemError} from './read.js'
import {sweepStaleTemporaryFiles, temporaryPathFor, track, untrack} from './temporary-files.js'

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

/** What the writer needs of an open file: Node's `FileHandle` has it. */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{bytesWritten: number}>
  sync(): Promise<void>
  chmod(mode: number): Promise<void>
  close(): Promise<void>
}

/**
 * The file-system calls of the writer, replaceable in tests (a failing or
 * short writer) without touching the real `fs`.
 */
export interface WriterFs {
  open(path: string, flags: number, mode: number): Promise<WritableHandle>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdir(path: string): Promise<void>
  /** Mode of an existing file (its permission bits), or undefined when there is none. */
  modeOf(path: string): Promise<number | undefined>
  /** The real path of an existing file (a symbolic link is written through, not replaced), else the path. */
  realpath(path: string): Promise<string>
}

/**
 * Create `path` and its missing parents. Not `mkdir(path, {recursive: true})`:
 * Node's loops forever where the file system says ENOENT for a folder whose
 * parent exists (`/proc/x`); here each level is made once, and an ENOENT
 * after the parent exists is the error.
 */
async function makeDirectories(path: string): Promise<void> {
  try {
    await mkdir(path)
  } catch (error) {
    const code = (error as {code?: string}).code
    if (code === 'EEXIST') return
    const parent = dirname(path)
    if (code !== 'ENOENT' || parent === path) throw error
    await makeDirectories(parent)
    await mkdir(path).catch((again: {code?: string}) => {
      if (again.code !== 'EEXIST') throw again
    })
  }
}

/** The real file system. */
export const nodeWriterFs: WriterFs = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename,
  unlink,
  mkdir: makeDirectories,
  modeOf: async (path) => {
    try {
      return (await stat(path)).mode & 0o7777
    } catch {
      return undefined
    }
  },
  realpath: async (path) => {
    try {
      return await realpath(path)
    } catch {
      return path
    }
  },
}

export interface WriteOptions {
  /**
   * Flush the file to disk (`fsync`) before renaming it into place. Default
   * false: the rename alone guarantees that a crash of decruft (or a full
   * disk) never leaves a partial target; fsync adds durability across a
   * power loss. `check --write`, which replaces inputs, always asks for it.
   */
  fsync?: boolean | undefined
  /** The file-system calls (tests inject faults here). Default: {@link nodeWriterFs}. */
  fs?: WriterFs | undefined
}

/** An error for a write that made no progress: the device took no more bytes. */
class ShortWriteError extends Error {
  constructor(written: number, total: number) {
    super(`no space left on device (short write: ${written} of ${total} bytes written)`)
  }
}

/** Write every byte of `bytes`, continuing short writes; a write that makes no progress fails. */
async function writeAll(handle: WritableHandle, bytes: Uint8Array): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const {bytesWritten} = await handle.write(bytes, written, bytes.length - written, written)
    if (!(bytesWritten > 0)) throw new ShortWriteError(written, bytes.length)
    written += bytesWritten
  }
}

/** A temporary file written in full, waiting to be renamed over its target (or discarded). */
interface Staged {
  readonly path: string
  commit(): Promise<void>
  discard(): Promise<void>
}

/**
 * Write `data` to a temporary sibling of `path` (creating the folders),
 * checked and optionally flushed. Throws; then nothing is left behind.
 */
async function stage(path: string, data: string, options: WriteOptions): Promise<Staged> {
  const fs = options.fs ?? nodeWriterFs
  await fs.mkdir(dirname(path))
  const target = await fs.realpath(path)
  const mode = await fs.modeOf(target)
  await sweepStaleTemporaryFiles(dirname(target))
  const temp = temporaryPathFor(target)
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666)
  track(temp)
  const discard = async () => {
    await fs.unlink(temp).catch(() => undefined)
    untrack(temp)
  }
  try {
    try {
      if (mode !== undefined) await handle.chmod(mode)
      await writeAll(handle, Buffer.from(data, 'utf8'))
      if (options.fsync === true) await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await discard()
    throw error
  }
  return {
    path,
    discard,
    commit: async () => {
      try {
        await fs.rename(temp, target)
        untrack(temp)
      } catch (error) {
        await discard()
        throw error
      }
    },
  }
}

/**
 * Write one file atomically, creating its parent directories. An existing
 * target keeps its permission bits, and a symbolic link is written through
 * (its target file is replaced, the link stays). Throws {@link WriteError};
 * then the target is as it was.
 */
export async function writeFileSafely(path: string, data: string, options: WriteOptions = {}): Promise<void> {
  await writeOutputs([{path, data}], options)
}

/**
 * Write the outputs of one article, all or none. Every file is written in
 * full to its temporary sibling first, and only then are they renamed into
 * place: a full disk or a failing write leaves every old output as it was.
 * Throws {@link WriteError} naming the output that failed.
 */
export async function writeOutputs(outputs: readonly Output[], options: WriteOptions = {}): Promise<void> {
  const staged: Staged[] = []
  let current = ''
  try {
    for (const output of outputs) {
      current = output.path
      staged.push(await stage(output.path, output.data, options))
    }
  } catch (error) {
    await Promise.all(staged.map((file) => file.discard()))
    throw new WriteError(current, error)
  }
  const committed: string[] = []
  for (const [index, file] of staged.entries()) {
    try {
      await file.commit()
      committed.push(file.path)
    } catch (error) {
      // A rename that fails after others succeeded (rare: the folder changed under us): none of the article's outputs stay.
      await Promise.all(staged.slice(index + 1).map((rest) => rest.discard()))
      await Promise.all(committed.map((path) => rm(path, {force: true}).catch(() => undefined)))
      throw new WriteError(file.path, error)
    }
  }
}

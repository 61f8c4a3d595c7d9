/**
 * Reading articles: bytes in, text out, or an error that names the file and
 * the cause. Refuses what cannot be an article (a directory, a named pipe or
 * device, a binary file, UTF-16 or other text that is not UTF-8, a file over
 * the size limit) before cleaning starts, so `clean()` only ever sees
 * well-formed text. A BOM is kept: `clean()` records its removal.
 *
 * A file is opened non-blocking and checked to be a regular file on the open
 * handle (`fstat`), so a path swapped for a FIFO after the folder was
 * searched is refused at once instead of waiting forever for a writer.
 */
import {constants} from 'node:fs'
import {open} from 'node:fs/promises'
import {CleanError} from '../index.js'

/**
 * Default size limit of an input: 1 MiB. Parsing costs some 250 MB and a few
 * seconds per MB of ordinary Markdown (a 5 MB article took minutes and
 * 1.7 GB); real articles are far smaller (the corpora's largest: 86 KB).
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024

/** How many leading bytes are checked for NUL (as git and grep do). */
const BINARY_PROBE_BYTES = 8 * 1024

export interface ReadOptions {
  /** Refuse inputs larger than this many bytes. Default: {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number | undefined
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Read an article from disk. `display` is the path used in messages.
 * Throws {@link CleanError}.
 */
export async function readArticle(path: string, display = path, options: ReadOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let bytes: Uint8Array
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once (regular files ignore it). Windows has no such flag.
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) throw new CleanError(notRegular(stats), display)
      if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes, display)
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    if (error instanceof CleanError) throw error
    throw new CleanError(`cannot read file: ${describeSystemError(error)}`, display)
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes, display)
  return decodeArticle(bytes, display)
}

/** Read a whole stream (stdin) as an article, with the same checks as a file. */
export async function readArticleStream(
  stream: AsyncIterable<Uint8Array | string>,
  display: string,
  options: ReadOptions = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    size += bytes.length
    if (size > maxBytes) throw tooLarge(size, maxBytes, display, 'more than ')
    chunks.push(bytes)
  }
  return decodeArticle(Buffer.concat(chunks), display)
}

/** What a path that is not a regular file is, for the message. */
function notRegular(stats: {
  isDirectory(): boolean
  isFIFO(): boolean
  isSocket(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
}): string {
  const kind = stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a named pipe'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : undefined
  return kind === undefined ? 'not a regular file' : `not a regular file (${kind})`
}

/** How many leading bytes are looked at for UTF-16's pattern of NUL bytes. */
const UTF16_PROBE_BYTES = 512

/**
 * Whether `bytes` look like UTF-16: a byte order mark (FF FE or FE FF), or,
 * in the first bytes, NUL in every other byte for most characters (Latin
 * text in UTF-16) and never in the others.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true
  const pairs = Math.floor(Math.min(bytes.length, UTF16_PROBE_BYTES) / 2)
  if (pairs < 2) return false
  let evenNul = 0
  let oddNul = 0
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[pair * 2] === 0) evenNul++
    if (bytes[pair * 2 + 1] === 0) oddNul++
  }
  const [often, never] = oddNul >= evenNul ? [oddNul, evenNul] : [evenNul, oddNul]
  return never === 0 && often * 2 >= pairs
}

/** Decode the bytes of an article: UTF-8 only, no NUL bytes. Throws {@link CleanError}. */
export function decodeArticle(bytes: Uint8Array, display: string): string {
  if (looksLikeUtf16(bytes)) throw new CleanError('UTF-16 text, not UTF-8; save the file as UTF-8', display)
  const nul = bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0)
  if (nul !== -1) {
    const {line, column} = placeOf(bytes, nul)
    throw new CleanError(`binary file (NUL byte at offset ${nul}), not a text article`, display, line, column)
  }
  try {
    return decoder.decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const at = Math.max(offset, 0)
    const {line, column} = placeOf(bytes, at)
    const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    throw new CleanError(`not valid UTF-8 (byte 0x${hex} at offset ${at}); save the file as UTF-8`, display, line, column)
  }
}

function tooLarge(size: number, maxBytes: number, display: string, qualifier = ''): CleanError {
  return new CleanError(`file too large (${qualifier}${size} bytes, limit ${maxBytes})`, display)
}

/**
 * Line and column (1-based, column in UTF-16 code units like vfile's) of a
 * byte offset, given that every byte before it is valid UTF-8.
 */
function placeOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  const before = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes.subarray(lineStart, offset))
  return {line, column: before.length + 1}
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF), or -1. Only called once decoding has
 * failed, so it favours clarity over speed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0) return index
    // The second byte's range is narrowed for the leads that could encode overlongs, surrogates or > U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
    const second = bytes[index + 1]
    if (second === undefined || second < low || second > high) return index
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return index
    }
    index += length
  }
  return -1
}

const systemErrors: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: "file too large (the file-size limit, ulimit -f, or the file system's)",
  EROFS: 'read-only file system',
}

/** A short cause for a file-system error: "permission denied" rather than a stack. */
export function describeSystemError(error: unknown): string {
  const code = (error as {code?: unknown}).code
  if (typeof code === 'string' && code in systemErrors) return systemErrors[code]!
  return error instanceof Error ? error.message : String(error)
}

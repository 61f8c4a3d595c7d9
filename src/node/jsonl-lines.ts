/**
 * Lines of a JSONL stream, read with back-pressure: the next chunk of the
 * input is pulled only when the consumer asks for the next line, so what is
 * held at any time is one chunk of the input plus the line being assembled,
 * whatever the length of the stream. A line longer than `maxLineBytes` is
 * not assembled at all: its bytes are skipped up to the next newline and it
 * is reported as oversize, so one huge line cannot exhaust memory either.
 *
 * Lines end at `\n` (a `\r` before it is dropped, for CRLF files); the last
 * line may lack its newline. Line numbers count from 1 and include blank
 * lines. Bytes are decoded as UTF-8 per line; invalid bytes become U+FFFD
 * (JSON.parse then sees them as text, as any JSON reader would).
 */

/** One line of the stream: its text, or how long it was when it was too long to keep. */
export type JsonLine = {line: number; text: string} | {line: number; oversize: number}

export interface LineReaderOptions {
  /** Longest line kept, in bytes (without its newline); longer ones are skipped and reported as oversize. */
  maxLineBytes: number
  /** Called with each chunk's size as it is pulled from the input (tests count how far the reader reads ahead). */
  onChunk?: ((bytes: number) => void) | undefined
}

const NEWLINE = 0x0a
const RETURN = 0x0d
const decoder = new TextDecoder('utf-8')
const encoder = new TextEncoder()

/** The lines of `input` (see the module comment). */
export async function* readJsonLines(input: AsyncIterable<Uint8Array | string>, options: LineReaderOptions): AsyncGenerator<JsonLine> {
  let parts: Uint8Array[] = []
  let size = 0
  let oversize = false
  let line = 0
  const finish = (): JsonLine => {
    line++
    if (oversize) {
      const result: JsonLine = {line, oversize: size}
      parts = []
      size = 0
      oversize = false
      return result
    }
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)
    if (bytes.length > 0 && bytes[bytes.length - 1] === RETURN) bytes = bytes.subarray(0, bytes.length - 1)
    parts = []
    size = 0
    return bytes.length > options.maxLineBytes ? {line, oversize: bytes.length} : {line, text: decoder.decode(bytes)}
  }
  const append = (piece: Uint8Array) => {
    size += piece.length
    if (oversize) return
    if (size > options.maxLineBytes + 1) {
      // +1: a CRLF line's `\r` is not part of the line.
      oversize = true
      parts = []
      return
    }
    // Copied: the input may reuse its buffer for the next chunk.
    if (piece.length > 0) parts.push(Uint8Array.prototype.slice.call(piece))
  }
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk
    options.onChunk?.(bytes.length)
    let start = 0
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start)
      if (end === -1) break
      append(bytes.subarray(start, end))
      yield finish()
      start = end + 1
    }
    if (start < bytes.length) append(bytes.subarray(start))
  }
  if (size > 0 || oversize) yield finish()
}

/**
 * Writing the review report (`--report <file.html>`): each article's piece
 * (report-piece.ts) is appended, as it comes, to two spool files in a
 * temporary folder (index lines, bodies), and only totals are kept in
 * memory; at the end the page is streamed out (head, summary, index, script,
 * bodies; see src/report/html/page.ts) to a temporary sibling of the target
 * and renamed into place, so a reader never sees half a report. Memory stays
 * flat in the number of articles.
 */
import {createReadStream, createWriteStream, type WriteStream} from 'node:fs'
import {mkdtemp, open, rename, rm, unlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {reportAssets} from '../report/html/assets.generated.js'
import {
  jsonForScript,
  REPORT_PAGE_END,
  reportBodyElement,
  reportIndexEnd,
  reportIndexHead,
  reportPageStart,
  type ReportSummary,
} from '../report/html/page.js'
import {folderOf} from '../report/keep-snippet.js'
import type {ReportIndexEntry} from '../report/report-entry.js'
import type {ReportPiece} from './report-piece.js'
import {temporaryPathFor, track, untrack} from './temporary-files.js'

/** Folders named in the summary's chart (the most removals first). */
const CHART_FOLDERS = 30
/** Characters gathered before each write of the page. */
const WRITE_CHUNK = 1 << 20

/** The report being written: add each article in order, then finish (or abandon). */
export interface ReportWriter {
  /** The next article: its piece, or the failure that left it without one. */
  add(piece: ReportPiece | {path: string; error: string}): void
  /** Write the page to the target, atomically, and remove the spool. */
  finish(): Promise<void>
  /** Remove the spool without writing anything. */
  abandon(): Promise<void>
}

function writeLine(stream: WriteStream, line: string): void {
  stream.write(`${line}\n`)
}

async function closeStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject)
    stream.end(() => resolve())
  })
}

async function* linesOf(file: string): AsyncGenerator<string> {
  const lines = createInterface({input: createReadStream(file, {encoding: 'utf8'}), crlfDelay: Number.POSITIVE_INFINITY})
  for await (const line of lines) yield line
}

/** Start a report to be written to `target` (an absolute path). */
export async function openReport(target: string): Promise<ReportWriter> {
  const folder = await mkdtemp(join(tmpdir(), 'decruft-report-'))
  const indexFile = join(folder, 'index.jsonl')
  const bodiesFile = join(folder, 'bodies.b64')
  const index = createWriteStream(indexFile)
  const bodies = createWriteStream(bodiesFile)
  let spoolError: unknown
  index.on('error', (error) => (spoolError ??= error))
  bodies.on('error', (error) => (spoolError ??= error))
  const byRule = new Map<string, number>()
  const byFolder = new Map<string, number>()
  let articles = 0
  let failed = 0
  let removals = 0
  let closed = false

  const close = async () => {
    if (closed) return
    closed = true
    await Promise.allSettled([closeStream(index), closeStream(bodies)])
  }

  return {
    add(piece) {
      articles++
      if ('error' in piece) {
        failed++
        const entry: ReportIndexEntry = {p: piece.path.split('\\').join('/'), t: '', r: {}, s: '', e: piece.error}
        writeLine(index, jsonForScript(entry))
        writeLine(bodies, '')
        return
      }
      const folder = folderOf(piece.index.p)
      for (const [rule, count] of Object.entries(piece.index.r)) {
        byRule.set(rule, (byRule.get(rule) ?? 0) + count)
        byFolder.set(folder, (byFolder.get(folder) ?? 0) + count)
        removals += count
      }
      writeLine(index, jsonForScript(piece.index))
      writeLine(bodies, piece.body)
    },
    async abandon() {
      await close()
      await rm(folder, {recursive: true, force: true})
    },
    async finish() {
      await close()
      try {
        if (spoolError) throw spoolError
        const summary: ReportSummary = {
          articles,
          failed,
          removals,
          byRule: [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
          byFolder: [...byFolder].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CHART_FOLDERS),
          written: new Date().toISOString(),
        }
        await writePage(target, summary, indexFile, bodiesFile)
      } finally {
        await rm(folder, {recursive: true, force: true})
      }
    },
  }
}

/**
 * Write the report (`writer.finish()`); false, after a message naming the
 * file (`file`, as the user gave it), when it cannot be written: the run's
 * other outputs stand.
 */
export async function finishReport(writer: ReportWriter, file: string, report: (message: string) => void): Promise<boolean> {
  try {
    await writer.finish()
    return true
  } catch (error) {
    report(`${file}: cannot write the review report: ${error instanceof Error ? error.message : String(error)}`)
    return false
  }
}

/** Stream the page to a temporary sibling of `target`, flush it, rename it into place. */
async function writePage(target: string, summary: ReportSummary, indexFile: string, bodiesFile: string): Promise<void> {
  const temp = temporaryPathFor(target)
  track(temp)
  const handle = await open(temp, 'w')
  try {
    // Written in chunks of about a megabyte: few system calls, little memory.
    let pending: string[] = []
    let pendingLength = 0
    const flush = async () => {
      if (pendingLength === 0) return
      const text = pending.join('')
      pending = []
      pendingLength = 0
      await handle.write(text)
    }
    const write = async (text: string) => {
      pending.push(text)
      pendingLength += text.length
      if (pendingLength >= WRITE_CHUNK) await flush()
    }
    await write(reportPageStart(reportAssets))
    await write(reportIndexHead(summary))
    let first = true
    for await (const line of linesOf(indexFile)) {
      await write(first ? line : `,${line}`)
      first = false
    }
    await write(reportIndexEnd(reportAssets))
    let article = 0
    for await (const line of linesOf(bodiesFile)) {
      if (line !== '') await write(reportBodyElement(article, line))
      article++
    }
    await write(REPORT_PAGE_END)
    await flush()
    await handle.sync()
    await handle.close()
    await rename(temp, target)
    untrack(temp)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    untrack(temp)
    throw error
  }
}

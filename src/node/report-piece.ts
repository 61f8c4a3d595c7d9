/**
 * One article's share of the review report, made where the article was
 * cleaned (a worker thread, or in-process): its index line, and its body as
 * gzip, base64-encoded (the page decodes it with `DecompressionStream` when
 * the article is opened). Only this travels back to the main thread, which
 * spools it to disk (report-file.ts): a batch holds nothing per article.
 */
import {sep} from 'node:path'
import {gzipSync} from 'node:zlib'
import type {CleanResult} from '../clean.js'
import {reportEntryOf, type ReportIndexEntry} from '../report/report-entry.js'

/** An article's index line and compressed body. Plain data: it crosses from worker threads. */
export interface ReportPiece {
  index: ReportIndexEntry
  /** base64 of the gzip of the body's JSON. */
  body: string
}

/** The report piece of an article: `display` is its path as the run shows it. */
export function reportPieceOf(display: string, text: string, result: CleanResult): ReportPiece {
  const {body, index} = reportEntryOf(display.split(sep).join('/'), text, result)
  return {index, body: gzipSync(JSON.stringify(body), {level: 6}).toString('base64')}
}

/**
 * One article of a JSONL stream: clean its text and build its output line.
 * The stream's counterpart of clean-file.ts, shared by the in-process run
 * and the worker threads (worker.ts `cleanStreamInWorker`), so both give the
 * same bytes; and, for the same text and path, the same Markdown and record
 * as a folder run: the `path` stands for the article's relative path (the
 * record's `source`, the site-template rule's folder key), and the line's
 * `site` for what a folder run's site detection would find.
 */
import {clean, CleanError, type FrontmatterOptions, type RuleSet} from '../index.js'
import type {CompiledFilterLists} from '../filter-lists.js'
import type {RuleName, TemplateIndex} from '../plugin-api.js'
import {cleanOptionsFor} from './clean-file.js'
import {withSite, type SiteGenerator} from './site.js'
import {cleanedLine, isFailure, parseStreamLine, type StreamErrorCode, type StreamFailure, type StreamItem} from './stream-line.js'
import {withinTime} from './watchdog.js'

/** How every article of a stream is cleaned, as plain data (the rules come compiled beside it). */
export interface StreamSettings {
  enable: readonly RuleName[]
  disable: readonly RuleName[]
  format: boolean
  /** Refuse texts larger than this many bytes (UTF-8), as a folder run refuses such files. */
  maxBytes: number
  frontmatter?: FrontmatterOptions | undefined
  /** Use each line's `site` (its generator and zone) where `frontmatter` names none, as a folder run does with the site's files. */
  detectSite: boolean
  /** Time budget of a clean in milliseconds (checked between its steps); 0 or none: no limit. */
  timeoutMs?: number | undefined
}

/** The settings with the compiled rules, for a clean in this thread. */
export interface StreamCleanSettings extends StreamSettings {
  rules: RuleSet
  filterLists?: CompiledFilterLists | undefined
  templates?: TemplateIndex | undefined
  /** End a clean that overruns `timeoutMs` with `vm`'s watchdog (in-process runs). Default: false. */
  watchdog?: boolean | undefined
}

/** One article's result: its output line, or why it has none. */
export type StreamOutcome = {ok: true; line: string} | {ok: false; failure: StreamFailure}

/** The article's path in messages and for `clean` (the site key): its `path`, else `line N`. */
export function streamDisplay(item: Pick<StreamItem, 'path' | 'line'>): string {
  return item.path ?? `line ${item.line}`
}

/** Check and clean one input line: what each article of a stream goes through, in this thread or a worker's. */
export function processStreamLine(raw: string, line: number, settings: StreamCleanSettings): StreamOutcome {
  const item = parseStreamLine(raw, line)
  return isFailure(item) ? {ok: false, failure: item} : cleanStreamItem(item, settings)
}

/** Clean one article into its output line. Never throws: a failure is an outcome. */
export function cleanStreamItem(item: StreamItem, settings: StreamCleanSettings): StreamOutcome {
  const display = streamDisplay(item)
  try {
    const bytes = Buffer.byteLength(item.text, 'utf8')
    if (bytes > settings.maxBytes) {
      // As a folder run says it of a file.
      return failed(item, 'too-large', `${display}: file too large (${bytes} bytes, limit ${settings.maxBytes})`)
    }
    const frontmatter = settings.detectSite && item.site ? siteOptions(settings.frontmatter, item.site) : settings.frontmatter
    const options = cleanOptionsFor(settings, display, frontmatter)
    const cleanArticle = () => clean(item.text, options)
    const result = settings.watchdog ? withinTime(cleanArticle, settings.timeoutMs ?? 0, display) : cleanArticle()
    result.record.source = item.path ?? String(item.id)
    // Once unpacked (serializeRecord), the same bytes as the record a folder run writes.
    return {ok: true, line: cleanedLine(item, result.markdown, result.record)}
  } catch (error) {
    if (error instanceof CleanError) return failed(item, codeOf(error.reason), error.message)
    const cause = error instanceof Error ? error.message : String(error)
    return failed(item, 'failed', `${display}: unexpected error: ${cause}`)
  }
}

/** The failure of an article that has a line of its own. */
export function failed(item: Pick<StreamItem, 'line' | 'id' | 'path'>, code: StreamErrorCode, message: string): StreamOutcome {
  return {ok: false, failure: {line: item.line, id: item.id, ...(item.path === undefined ? {} : {path: item.path}), code, message}}
}

/** The error code of a bounded run's message (`… timed out after 60 s`, `… out of memory …`). */
export function codeOfMessage(message: string): StreamErrorCode {
  if (/: timed out after /.test(message)) return 'timeout'
  if (/: out of memory\b/.test(message)) return 'out-of-memory'
  return 'failed'
}

function codeOf(reason: string): StreamErrorCode {
  if (reason.startsWith('file too large')) return 'too-large'
  if (reason.startsWith('timed out after')) return 'timeout'
  return 'refused'
}

/** The run's frontmatter options with the line's site, as a folder run adds the site its files say (a generator the rules do not know is refused by `clean`). */
function siteOptions(options: FrontmatterOptions | undefined, site: NonNullable<StreamItem['site']>): FrontmatterOptions {
  return withSite(options ?? {}, {kind: 'site', generator: site.generator as SiteGenerator, root: '', evidence: [], zone: site.zone})
}

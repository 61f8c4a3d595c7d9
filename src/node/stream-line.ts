/**
 * One line of `decruft --jsonl`: the input line checked into an article to
 * clean, and the output line built from its result or its error (the
 * contract is in docs/jsonl.md and schema/jsonl-*.schema.json).
 *
 * An input line is a JSON object with `id` (string or number) and `text`
 * (the Markdown); `path` (relative, `/`-separated, never climbing out with
 * `..`) plays the role of the article's relative path in a folder run; `site`
 * (`{generator, zone?}`, written by `decruft pack`) is what the article's
 * site files say, as a folder run would find them. Every other field is
 * passed through to the output line unchanged.
 */

/** Why a line has no clean article: the `code` of an error line. */
export type StreamErrorCode =
  /** The line is not JSON. */
  | 'invalid-json'
  /** The line is JSON but not an article: not an object, or `id`, `text`, `path` or `site` missing or of the wrong type. */
  | 'invalid-line'
  /** The line is longer than the stream accepts (it was skipped unread). */
  | 'line-too-long'
  /** The article's text is larger than `--max-size`. */
  | 'too-large'
  /** decruft refused the article (binary text, a shape too costly to parse, a bad frontmatter option …). */
  | 'refused'
  /** The article took longer than `--timeout`. */
  | 'timeout'
  /** The article needed more memory than `--max-memory`. */
  | 'out-of-memory'
  /** Anything else (a worker that failed). */
  | 'failed'

/** The site of an article as its folder's files say (see node/site.ts). */
export interface StreamSite {
  generator: string
  zone?: string | undefined
}

/** An input line checked. Plain data: it crosses to worker threads. */
export interface StreamItem {
  /** Line number in the input, from 1. */
  line: number
  id: string | number
  text: string
  path?: string | undefined
  site?: StreamSite | undefined
  /** The fields passed through, in input order. */
  extra: Record<string, unknown>
}

/** An error line. */
export interface StreamFailure {
  line: number
  /** The line's `id`, or null when the line has none that can be read. */
  id: string | number | null
  path?: string | undefined
  code: StreamErrorCode
  message: string
}

/** Fields of the input that are not passed through: they are read, or they are the output's own. */
const RESERVED = new Set(['id', 'text', 'path', 'site', 'markdown', 'record', 'error', 'line'])

/** Check one input line (`raw`, line number `line`) into an article, or the error line that replaces it. */
export function parseStreamLine(raw: string, line: number): StreamItem | StreamFailure {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error)
    return {line, id: null, code: 'invalid-json', message: `line ${line}: not JSON: ${cause}`}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {line, id: null, code: 'invalid-line', message: `line ${line}: expected a JSON object, got ${kindOf(value)}`}
  }
  const fields = value as Record<string, unknown>
  const id = fields['id']
  const validId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))
  const fail = (message: string): StreamFailure => ({
    line,
    id: validId ? id : null,
    ...(typeof fields['path'] === 'string' ? {path: fields['path']} : {}),
    code: 'invalid-line',
    message: `line ${line}: ${message}`,
  })
  if (!validId) return fail(id === undefined ? 'missing `id`' : `\`id\` must be a string or a number, got ${kindOf(id)}`)
  const text = fields['text']
  if (typeof text !== 'string') return fail(text === undefined ? 'missing `text`' : `\`text\` must be a string, got ${kindOf(text)}`)
  const path = fields['path']
  if (path !== undefined) {
    if (typeof path !== 'string') return fail(`\`path\` must be a string, got ${kindOf(path)}`)
    const problem = relativePathProblem(path)
    if (problem) return fail(`\`path\` ${problem}: ${JSON.stringify(path)}`)
  }
  const site = fields['site']
  if (site !== undefined && !isSite(site)) return fail('`site` must be an object {"generator": string, "zone"?: string}')
  const extra: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(fields)) if (!RESERVED.has(key)) extra[key] = field
  return {
    line,
    id,
    text,
    ...(path === undefined ? {} : {path}),
    ...(site === undefined ? {} : {site: {generator: site.generator, ...(site.zone === undefined ? {} : {zone: site.zone})}}),
    extra,
  }
}

/** Whether a checked line is an error line. */
export function isFailure(value: StreamItem | StreamFailure): value is StreamFailure {
  return 'code' in value
}

/** Why `path` cannot be an article's relative path, or undefined when it can. */
export function relativePathProblem(path: string): string | undefined {
  if (path === '') return 'is empty'
  if (path.includes('\0')) return 'contains a NUL character'
  if (path.includes('\\')) return 'must use `/` as its separator'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'must be relative'
  const segments = path.split('/')
  if (segments.includes('..')) return 'must not climb out with `..`'
  if (segments.at(-1) === '' || segments.at(-1) === '.') return 'must name a file'
  return undefined
}

/** The output line of a cleaned article: `id`, `path`, `markdown`, `record`, then the fields passed through. */
export function cleanedLine(item: StreamItem, markdown: string, record: unknown): string {
  return `${JSON.stringify({id: item.id, ...(item.path === undefined ? {} : {path: item.path}), markdown, record, ...item.extra})}\n`
}

/** The output line of an error. */
export function failureLine(failure: StreamFailure): string {
  return `${JSON.stringify({
    id: failure.id,
    ...(failure.path === undefined ? {} : {path: failure.path}),
    line: failure.line,
    error: {code: failure.code, message: failure.message},
  })}\n`
}

function isSite(value: unknown): value is StreamSite {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const site = value as Record<string, unknown>
  return typeof site['generator'] === 'string' && (site['zone'] === undefined || typeof site['zone'] === 'string')
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * clean(text, options) → { markdown, record, messages }. Pure: no I/O.
 *
 * Parse once, let every rule find its spans, then splice them out of the
 * original text in one pass, so that every byte outside a removed span (and
 * outside a rewritten frontmatter) is the author's.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {applyRemovals} from './core/apply.js'
import {formatDocument} from './format.js'
import {removalsOf, type Removal} from './core/removal.js'
import {bodyOf, buildRecord, type ArticleRecord, type RecordRemoval} from './record.js'
import {createParser, ruleIds, runRules} from './pipeline.js'
import type {RuleSet} from './ruleset/compile.js'
import {defaultRuleSet} from './ruleset/index.js'

export interface CleanOptions {
  /** Compiled rules; the defaults when omitted (see `createRuleSet`). */
  rules?: RuleSet | undefined
  /** Rule ids to switch off. */
  disable?: readonly string[] | undefined
  /** Re-serialise the clean Markdown with remark-stringify (canonical formatting). Default: false. */
  format?: boolean | undefined
  /** Path of the article, used in messages and as the record's `source`. */
  path?: string | undefined
  /** Refuse inputs longer than this many characters. Default: 5 MiB. */
  maxLength?: number | undefined
}

export interface CleanResult {
  /** The clean document: frontmatter and body. */
  markdown: string
  /** The JSON record of the article. */
  record: ArticleRecord
  /** Every message: one per removal, plus warnings. */
  messages: VFileMessage[]
  /** Removals in source order (offsets into the input, counting a BOM). */
  removals: RecordRemoval[]
}

/** A problem that makes an article impossible to clean; names the place and the cause. */
export class CleanError extends Error {
  override readonly name = 'CleanError'
  constructor(
    message: string,
    readonly path: string,
    readonly line?: number,
    readonly column?: number,
    readonly cause_?: unknown,
  ) {
    super(`${path}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${message}`)
  }
}

const BOM = 0xfeff
export const DEFAULT_MAX_LENGTH = 5 * 1024 * 1024

const parser = createParser()

/** Clean one article. Throws {@link CleanError} when the input cannot be cleaned. */
export function clean(text: string, options: CleanOptions = {}): CleanResult {
  const path = options.path ?? 'input.md'
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH
  if (text.length > maxLength) {
    throw new CleanError(`file too large (${text.length} characters, limit ${maxLength})`, path)
  }
  if (text.includes('\u0000')) throw new CleanError('binary file (contains NUL bytes)', path)
  const rules = options.rules ?? defaultRuleSet()
  const disabled = new Set(options.disable ?? [])
  for (const id of disabled) {
    if (!ruleIds.includes(id)) throw new CleanError(`unknown rule id \`${id}\` (known: ${ruleIds.join(', ')})`, path)
  }
  const hasBom = text.charCodeAt(0) === BOM
  const body = hasBom ? text.slice(1) : text
  const file = new VFile({value: body, path})
  let cleaned: string
  let removals: Removal[]
  try {
    const tree = parser.parse(file)
    runRules(tree, file, rules, disabled)
    removals = removalsOf(file)
    cleaned = applyRemovals(body, removals)
    const record = buildRecord({tree, file, text, body, cleaned, removals, hasBom})
    if (options.format) {
      cleaned = formatDocument(cleaned, record.frontmatter)
      record.markdown = bodyOf(cleaned)
    }
    return {markdown: cleaned, record, messages: file.messages, removals: record.removals}
  } catch (error) {
    throw toCleanError(error, path)
  }
}

function toCleanError(error: unknown, path: string): CleanError {
  if (error instanceof CleanError) return error
  const place = (error as {place?: {line?: number; column?: number; start?: {line: number; column: number}}}).place
  const point = place && 'start' in place && place.start ? place.start : place
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new CleanError('too deeply nested to parse safely', path)
  }
  const reason = (error as {reason?: string}).reason ?? (error instanceof Error ? error.message : String(error))
  return new CleanError(reason, path, point?.line, point?.column, error)
}

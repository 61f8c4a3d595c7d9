/**
 * The corpus check for frontmatter, under each dialect: clean an article with
 * only the frontmatter rule (and `strict`), then judge the output with checks
 * that do not trust decruft's schema code: gray-matter must parse it; the
 * dialect's date keys must be in the dialect's date format or a form its
 * generator reads as written; list keys must be
 * lists of words; no key may be empty; keywords hold no prompt text; no URL
 * key keeps `utm_` parameters; no key holding data may go missing (it must
 * be there under its name, or under the name decruft says it renamed it to,
 * or have been dropped as a copy of a key that is there); cleaning the output
 * again must change nothing.
 */
import matter from 'gray-matter'

/** @typedef {{kind: string, text: string}} Finding */
/** @typedef {{dates: string[], lists: string[], date: RegExp, stringLists?: string[], empty?: string[]}} DialectExpectation */

/**
 * Per dialect: the keys that hold dates and lists, and what a date may look
 * like: the dialect's own format (with its offset, or without one when no
 * zone is known: the corpus runs with none, and none is made up), or a form
 * the dialect's generator reads as written, which decruft keeps (from each
 * generator's documentation: Jekyll's `YYYY-MM-DD HH:MM:SS +/-TTTT`, Hugo's
 * date layouts, what JavaScript's Date reads for Hexo and Astro). Hard-coded
 * here on purpose, apart from the rules data.
 */
const ISO_DAY = String.raw`\d{4}-\d{2}-\d{2}`
const ISO_TIME = String.raw`\d{2}:\d{2}:\d{2}(?:\.\d{3})?`
const anyOf = (/** @type {string[]} */ ...sources) => new RegExp(`^(?:${sources.join('|')})$`, 'i')
const RFC_2822 = String.raw`(?:[a-z]{3}, )?\d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|gmt|ut|utc|z)`
const MONTH_NAME = String.raw`(?:[a-z]+\.?,? )?(?:[a-z]{3,9}\.? \d{1,2},?|\d{1,2} [a-z]{3,9}\.?,?) \d{4}(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?`
/** @type {Readonly<Record<string, DialectExpectation>>} */
export const DIALECT_EXPECTATIONS = {
  tidy: {
    dates: ['date', 'updated'],
    lists: ['tags', 'categories', 'keywords'],
    date: anyOf(String.raw`${ISO_DAY}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?`, `${ISO_DAY}T${ISO_TIME}`),
  },
  canonical: {
    dates: ['date', 'updated'],
    lists: ['tags', 'categories', 'keywords'],
    date: anyOf(String.raw`${ISO_DAY}(?:T${ISO_TIME}(?:Z|[+-]\d{2}:\d{2})?)?`),
  },
  hugo: {
    dates: ['date', 'lastmod'],
    lists: ['tags', 'categories', 'keywords', 'images'],
    date: anyOf(
      String.raw`${ISO_DAY}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
      String.raw`${ISO_DAY} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?[+-]\d{2}:?\d{2}|Z)?`,
      // RFC 1123, `Mon, 02 Jan 2006 15:04:05 -0700`
      String.raw`[a-z]{3}, \d{2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} (?:[+-]\d{4}|[a-z]{3,4})`,
    ),
  },
  jekyll: {
    dates: ['date', 'last_modified_at'],
    lists: ['tags', 'categories'],
    date: anyOf(
      String.raw`${ISO_DAY}(?: \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:[+-]\d{2}:?\d{2}|Z))?)?`,
      String.raw`${ISO_DAY}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?`,
    ),
    // Jekyll reads a `categories`/`tags` string as its words.
    stringLists: ['tags', 'categories'],
  },
  hexo: {
    dates: ['date', 'updated'],
    lists: ['tags', 'categories', 'keywords'],
    // Its format, what Hexo reads (without a zone), and a date naming its offset, left as written when no zone is known.
    date: anyOf(
      String.raw`\d{4}([-/])\d{1,2}\1\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`,
      MONTH_NAME,
      String.raw`${ISO_DAY}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? ?(?:Z|[+-]\d{2}:?\d{2})`,
      RFC_2822,
    ),
    stringLists: ['tags', 'categories'],
    // `hexo new` leaves `tags:` empty.
    empty: ['tags', 'categories'],
  },
  astro: {
    dates: ['pubDate', 'updatedDate'],
    lists: ['tags'],
    date: anyOf(
      String.raw`\d{4}([-/])\d{1,2}\1\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?`,
      MONTH_NAME,
      RFC_2822,
    ),
  },
}

export const DIALECTS = Object.keys(DIALECT_EXPECTATIONS)

const URL_KEYS = /(?:url|image|images|thumbnail|cover|coverimage|heroimage|canonical)$/i

/**
 * @param {unknown} value
 * @returns {boolean}
 */
function isEmpty(value) {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  // `categories: [ - ]` (a list of one empty item) holds nothing either.
  if (Array.isArray(value)) return value.every(isEmpty)
  if (value instanceof Date) return false
  if (typeof value === 'object') return Object.keys(value).length === 0
  return false
}

/**
 * gray-matter turns YAML timestamps into Dates; compare their text instead.
 *
 * @param {string} text
 * @returns {Record<string, any>}
 */
function frontmatterOf(text) {
  const raw = matter(text.replace(/^\uFEFF/, ''), {})
  return raw.data
}

/** @param {unknown} value */
function dateText(value) {
  return value instanceof Date ? undefined : String(value)
}

/**
 * YAML 1.1 (gray-matter's js-yaml) reads an unquoted timestamp as a Date: take the text from the source line.
 *
 * @param {string} text
 * @param {string} key
 */
function sourceValue(text, key) {
  const match = new RegExp(
    `^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[ \\t]*['"]?([^'"\\r\\n#]*?)['"]?[ \\t]*(?:#.*)?\\r?$`,
    'm',
  ).exec(text)
  return match?.[1]
}

/**
 * The top-level keys of a frontmatter block that does not parse, read line by line, with the text after each colon.
 *
 * @param {string} text
 */
function keysNamed(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  /** @type {Record<string, string>} */
  const keys = {}
  if (lines[0]?.trimEnd() !== '---') return keys
  for (const line of lines.slice(1)) {
    if (line.trimEnd() === '---') break
    const match = /^([^\s#:-][^:]*?):(?:[ \t]+(.*))?$/.exec(line)
    if (match) keys[match[1]] = match[2] ?? ''
  }
  return keys
}

/**
 * Check one article under one dialect. Returns the findings (empty when the
 * output is valid) and decruft's own `strict` problems.
 *
 * @param {typeof import('../../dist/index.js').clean} clean
 * @param {readonly import('../../dist/index.js').RuleId[]} ruleIds
 * @param {string} input
 * @param {string} file
 * @param {string} dialect
 */
export function checkFrontmatter(clean, ruleIds, input, file, dialect) {
  const disable = ruleIds.filter((id) => id !== 'frontmatter')
  /** @type {import('../../dist/index.js').CleanOptions} */
  const options = {path: file, disable, frontmatter: {dialect: dialect === 'tidy' ? undefined : dialect, strict: true, derive: ['date']}}
  /** @type {Finding[]} */
  const findings = []
  let result
  try {
    result = clean(input, options)
  } catch (error) {
    return {findings: [{kind: 'failed', text: error instanceof Error ? error.message : String(error)}], problems: []}
  }
  const output = result.markdown
  let before
  let after
  try {
    after = frontmatterOf(output)
  } catch (error) {
    return {
      findings: [{kind: 'unparsable', text: error instanceof Error ? error.message : String(error)}],
      problems: result.record.problems,
    }
  }
  try {
    before = frontmatterOf(input)
  } catch {
    // The input's YAML is broken (decruft repairs it): the keys it names must still be there.
    before = keysNamed(input)
  }
  const expect = DIALECT_EXPECTATIONS[dialect]
  if (!expect) throw new Error(`unknown dialect ${dialect}`)
  for (const key of expect.dates) {
    if (!(key in after)) continue
    const text = dateText(after[key]) ?? sourceValue(output, key)
    if (text === undefined || !expect.date.test(text)) findings.push({kind: 'date-format', text: `${key}: ${text ?? after[key]}`})
  }
  for (const key of expect.lists) {
    if (!(key in after)) continue
    const value = after[key]
    // A string the generator reads as a list (Jekyll's words, Hexo's one item), kept as written.
    if (typeof value === 'string' && expect.stringLists?.includes(key) && value === before[key]) continue
    if (isEmpty(value) && expect.empty?.includes(key)) continue
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      findings.push({kind: 'not-a-list', text: `${key}: ${JSON.stringify(value)}`})
    }
  }
  for (const [key, value] of Object.entries(after)) {
    if (isEmpty(value) && !expect.empty?.includes(key)) findings.push({kind: 'empty', text: key})
    if (URL_KEYS.test(key) && /[?&]utm_/i.test(JSON.stringify(value)))
      findings.push({kind: 'utm', text: `${key}: ${JSON.stringify(value)}`})
  }
  for (const item of after.keywords ?? []) {
    if (typeof item === 'string' && /[:：]\s*$/.test(item)) findings.push({kind: 'prompt-text', text: item})
  }
  // No key holding data goes missing.
  const changes = result.record.changes
  for (const [key, value] of Object.entries(before)) {
    if (isEmpty(value) || key in after) continue
    const renamed = changes.find((change) => change.from === key && !change.reason.endsWith('dropped'))
    if (renamed && renamed.key in after) continue
    const dropped = changes.find((change) => (change.from ?? change.key) === key && /same as `([^`]+)`/.test(change.reason))
    if (dropped) continue
    findings.push({kind: 'lost-key', text: key})
  }
  const again = clean(output, options)
  if (again.markdown !== output) findings.push({kind: 'unstable', text: 'cleaning the output again changes it'})
  return {findings, problems: result.record.problems}
}

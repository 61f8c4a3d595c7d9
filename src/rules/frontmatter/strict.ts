/**
 * `--strict`: the frontmatter as written out, checked against the schema.
 * A required key that is missing, or a value of the wrong type (text where
 * a list belongs, a date that is not a date, a URL with spaces in it or a
 * `javascript:` scheme), is a problem with the file's line and column: the
 * key's position, or the opening fence for a missing key.
 */
import type {CompiledFrontmatterKey} from './section.js'
import {parseDate} from './dates.js'

/** A problem `--strict` reports. */
export interface StrictProblem {
  readonly reason: string
  /** The canonical key concerned. */
  readonly key: string
  readonly line: number
  readonly column: number
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https'])

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return 'a date'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'text'
  return `a ${typeof value}`
}

function urlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `should be a URL, not ${describe(value)}`
  if (/\s/.test(value)) return 'is not a URL: it holds white space'
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase()
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return `is not a web URL: \`${scheme}:\``
  if (scheme !== undefined) {
    try {
      new URL(value)
    } catch {
      return 'is not a valid URL'
    }
  }
  return undefined
}

/** Why `value` does not fit `spec`, or undefined when it does. */
export function typeProblem(value: unknown, spec: CompiledFrontmatterKey): string | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `should be text, not ${describe(value)}`
    case 'list':
      if (!Array.isArray(value)) return `should be a list, not ${describe(value)}`
      return value.every((item) => typeof item === 'string' || typeof item === 'number')
        ? undefined
        : 'should be a list of words or phrases'
    case 'date':
      return parseDate(value, 'UTC') ? undefined : `should be a date, not ${typeof value === 'string' ? `\`${value}\`` : describe(value)}`
    case 'url':
      if (Array.isArray(value)) {
        for (const item of value) {
          const problem = urlProblem(item)
          if (problem) return `holds an item that ${problem}`
        }
        return undefined
      }
      return urlProblem(value)
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `should be true or false, not ${describe(value)}`
    case 'any':
      return undefined
  }
}

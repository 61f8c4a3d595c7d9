/**
 * Building blocks shared by the rule sections: entry fields, pattern and host
 * validation, and the compilers for host and parameter matchers.
 */
import {z} from 'zod'
import {catastrophicBacktracking} from './pattern-safety.js'

export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: lower-case letters, digits and dashes')
export const note = z.string().optional()
export const enabledField = z.boolean().optional()

/**
 * A regular-expression source, checked at load time for syntax and for
 * catastrophic backtracking (`(a+)+$`, see `pattern-safety.ts`): a rules
 * file cannot make cleaning one comment take minutes.
 */
export const pattern = z.string().superRefine((source, context) => {
  try {
    new RegExp(source, 'iu')
  } catch {
    context.addIssue({code: 'custom', message: 'not a valid regular expression'})
    return
  }
  const backtracking = catastrophicBacktracking(source)
  if (backtracking) context.addIssue({code: 'custom', message: `unsafe regular expression: ${backtracking}`})
})

/** A host name; `*` stands for any run of letters, digits and dashes inside one label. A host matches itself and its sub-domains. */
export const host = z.string().regex(/^[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?(\.[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?)+$/i, 'not a host name')

/** The fields every list entry has. */
export const entry = {id, note, enabled: enabledField}

export const hostSchema = z
  .object({
    ...entry,
    host,
    /** Pattern the URL path (with query) must match; any path when omitted. */
    path: pattern.optional(),
  })
  .strict()

export const paramSchema = z
  .object({
    ...entry,
    /** Query parameter name (case-insensitive), e.g. `AFFILIATE`. */
    param: z.string(),
    /** Only on these hosts; any host when omitted. */
    hosts: z.array(host).optional(),
  })
  .strict()

export const labelSchema = z
  .object({
    ...entry,
    /** Pattern for the whole label text (trimmed, case-insensitive). */
    pattern,
  })
  .strict()

export type HostEntry = z.output<typeof hostSchema>
export type ParamEntry = z.output<typeof paramSchema>
export type LabelEntry = z.output<typeof labelSchema>

export interface Matcher {
  readonly id: string
  readonly note?: string | undefined
}

export interface UrlMatcher extends Matcher {
  /** Whether the URL matches. */
  test(url: URL): boolean
}

export interface LabelMatcher extends Matcher {
  readonly pattern: RegExp
}

/** Compile a pattern source: case-insensitive, Unicode. */
export function regex(source: string): RegExp {
  return new RegExp(source, 'iu')
}

/** The entries not switched off with `enabled: false`. */
export function enabled<T extends {enabled?: boolean | undefined}>(list: readonly T[] | undefined): T[] {
  return (list ?? []).filter((item) => item.enabled !== false)
}

/** Turn a host pattern (`pxf.io`, `imp.i*.net`) into a test on a host name. */
export function hostPattern(host: string): RegExp {
  const body = host
    .toLowerCase()
    .split('.')
    .map((label) =>
      label
        .split('*')
        .map((part) => part.replace(/[-]/g, '\\-'))
        .join('[a-z0-9-]*'),
    )
    .join('\\.')
  return new RegExp(`(?:^|\\.)${body}$`)
}

export function urlMatcher(entry: HostEntry): UrlMatcher {
  const hostTest = hostPattern(entry.host)
  const pathTest = entry.path === undefined ? undefined : regex(entry.path)
  return {
    id: entry.id,
    note: entry.note,
    test: (url) => hostTest.test(url.hostname) && (!pathTest || pathTest.test(url.pathname + url.search)),
  }
}

export function paramMatcher(entry: ParamEntry): UrlMatcher {
  const name = entry.param.toLowerCase()
  const hostTests = entry.hosts?.map(hostPattern)
  return {
    id: entry.id,
    note: entry.note,
    test(url) {
      if (hostTests && !hostTests.some((test) => test.test(url.hostname))) return false
      for (const key of url.searchParams.keys()) if (key.toLowerCase() === name) return true
      return false
    },
  }
}

export function labelMatcher(entry: LabelEntry): LabelMatcher {
  return {id: entry.id, note: entry.note, pattern: regex(entry.pattern)}
}

/**
 * Whether `lower` (lower-case text) holds one of `words` (or there are none
 * to hold): the cheap pre-check before a pattern with `words` is tried.
 */
export function holdsWord(lower: string, words: readonly string[] | undefined): boolean {
  return words === undefined || words.some((word) => lower.includes(word))
}

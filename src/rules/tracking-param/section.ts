/** Rules section `trackingParam`: query parameters that only track, stripped from kept links. */
import {z} from 'zod'
import {enabled, entry, host, hostPattern, pattern, regex, type Matcher} from '../../ruleset/matchers.js'
import {defineSection} from '../../ruleset/section.js'

/** A query parameter name (or name prefix) as written in URLs. */
const paramName = z.string().regex(/^[A-Za-z0-9_.~-]+$/, 'a query parameter name: letters, digits, `_`, `.`, `~` and `-`')

export const trackingParamSchema = z
  .object({
    ...entry,
    /** The parameter name (case-insensitive), e.g. `fbclid`. Exactly one of `name` and `prefix`. */
    name: paramName.optional(),
    /** A name prefix (case-insensitive): `utm_` covers `utm_source`, `utm_medium`, … */
    prefix: paramName.optional(),
    /** Pattern the (decoded) value must match; any value when omitted. */
    value: pattern.optional(),
    /** Only on these hosts and their sub-domains; any host when omitted. */
    hosts: z.array(host).optional(),
  })
  .strict()
  .refine((param) => (param.name === undefined) !== (param.prefix === undefined), {
    message: 'give exactly one of `name` and `prefix`',
  })

export const exceptionSchema = z
  .object({
    ...entry,
    /** The host (and its sub-domains) where the parameters mean something. */
    host,
    /** Ids of `trackingParam.params` entries that are kept on this host. */
    params: z.array(z.string()).min(1),
  })
  .strict()

export const schema = z
  .object({
    /** Parameters that only track where a click came from. */
    params: z.array(trackingParamSchema).optional(),
    /** Hosts where a parameter of that name is meaningful (`ref` names a git branch on GitHub). */
    exceptions: z.array(exceptionSchema).optional(),
  })
  .strict()

export interface TrackingParamMatcher extends Matcher {
  /** Whether a parameter (its name and decoded value) on a URL of `hostname` is this tracking parameter. */
  test(name: string, value: string, hostname: string): boolean
}

export interface TrackingParamRules {
  readonly params: readonly TrackingParamMatcher[]
  /**
   * A quick test on a whole text: false when no tracking parameter can be in
   * it (no `?`, `&` or `;` followed by a known name or prefix).
   */
  readonly mayHold: RegExp
}

function escape(source: string): string {
  return source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A test that never matches: no parameters, nothing to look for. */
const NOTHING = /(?!)/

export function compile(data: z.input<typeof schema> | undefined): TrackingParamRules {
  const entries = enabled(data?.params)
  const exceptions = enabled(data?.exceptions)
  const params = entries.map((param): TrackingParamMatcher => {
    const name = param.name?.toLowerCase()
    const prefix = param.prefix?.toLowerCase()
    const value = param.value === undefined ? undefined : regex(param.value)
    const only = param.hosts?.map(hostPattern)
    const except = exceptions.filter((exception) => exception.params.includes(param.id)).map((exception) => hostPattern(exception.host))
    return {
      id: param.id,
      note: param.note,
      test(candidate, candidateValue, hostname) {
        const lower = candidate.toLowerCase()
        if (name !== undefined ? lower !== name : !lower.startsWith(prefix!)) return false
        if (value && !value.test(candidateValue)) return false
        const host = hostname.toLowerCase()
        if (only && !only.some((test) => test.test(host))) return false
        return !except.some((test) => test.test(host))
      },
    }
  })
  // A name must end where a parameter name ends (`?s=20`, not `&times;`); a prefix may go on.
  const names = entries.map((param) => (param.name !== undefined ? `${escape(param.name)}(?=[=&#;\\s"'<>)\\]]|$)` : escape(param.prefix!)))
  const mayHold = names.length === 0 ? NOTHING : new RegExp(`[?&;](?:${names.join('|')})`, 'im')
  return {params, mayHold}
}

/** The `trackingParam` section of a rules file. */
export const section = defineSection('trackingParam', schema, compile)

/**
 * Frontmatter dates → ISO 8601, parsed by hand so the result never depends
 * on the machine's time zone (`new Date(localString)` would).
 *
 * Already-ISO values are left as written: a full date-time with `T` and a
 * zone (`2024-08-16T00:52:37.791Z`, `2024-08-16T02:52:37+02:00`) and a bare
 * date (`2024-01-05`). Everything else that is recognisably a date becomes
 * `new Date(ms).toISOString()`; a date-time without a zone is taken as UTC:
 *
 * @example
 *   normalizeDate('2024-09-11 23:53:11')        // → {iso: '2024-09-11T23:53:11.000Z', changed: true, zone: 'assumed-utc'}
 *   normalizeDate('2025-03-05 17:00:00 +00:00') // → {iso: '2025-03-05T17:00:00.000Z', changed: true, zone: 'given'}
 *   normalizeDate('Wed, 11 Sep 2024 23:53:11 GMT') // RFC 2822 (RSS) → '2024-09-11T23:53:11.000Z'
 *   normalizeDate('soon')                       // → undefined
 */

/** What became of a date value. */
export interface DateNormalization {
  /** The ISO 8601 form (the input itself when it already was ISO). */
  iso: string
  /** Whether `iso` differs from the input. */
  changed: boolean
  /** Whether the input named its zone, or had none and was taken as UTC (`date` when it has no time). */
  zone: 'given' | 'assumed-utc' | 'date'
}

/** Already ISO 8601: a bare date, or a date-time with `T` and a zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * The loose ISO-like forms seen in static-site frontmatter: YAML 1.1
 * timestamps (`2024-09-11 23:53:11`, `2001-12-14 21:59:43.10 -5`), Jekyll's
 * `2025-03-05 17:00:00 +00:00`, slashes, lower-case `t`/`z`, comma fractions.
 */
const LOOSE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ \t]*(Z|z|UTC|UT|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?$/

/** RFC 2822 (RSS `pubDate`): `Wed, 11 Sep 2024 23:53:11 +0000`. */
const RFC_2822 = /^(?:[A-Za-z]{3},?[ \t]+)?(\d{1,2})[ \t]+([A-Za-z]{3})[ \t]+(\d{4})[ \t]+(\d{2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(Z|UTC|UT|GMT|[ECMP][SD]T|[+-]\d{4}))?$/

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** North American zone names RFC 2822 still allows, as minutes east of UTC. */
const ZONE_NAMES: Readonly<Record<string, number>> = {
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
}

interface Fields {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC; undefined when the input named no zone. */
  offset: number | undefined
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function isValid(fields: Fields): boolean {
  const {year, month, day, hour, minute, second, offset} = fields
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false
  if (hour > 23 || minute > 59 || second > 59) return false
  return offset === undefined || Math.abs(offset) < 24 * 60
}

/** `Z`, `GMT`, `+05:30`, `-0800`, `-5` → minutes east of UTC. */
function parseOffset(zone: string): number {
  const upper = zone.toUpperCase()
  if (upper === 'Z' || upper === 'UTC' || upper === 'UT' || upper === 'GMT') return 0
  const named = ZONE_NAMES[upper]
  if (named !== undefined) return named
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  // `-5` and `+05` are hours only; `+0530` is hours and minutes.
  const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, -2))
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2))
  return sign * (hours * 60 + minutes)
}

/** Milliseconds from a fraction's digits, truncated: `"5"` → 500, `"791234"` → 791. */
function milliseconds(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'))
}

function looseFields(match: RegExpExecArray): Fields {
  const [, year, , month, day, hour, minute, second, fraction, zone] = match
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: milliseconds(fraction),
    offset: zone === undefined ? undefined : parseOffset(zone),
  }
}

function rfc2822Fields(value: string): Fields | undefined {
  const match = RFC_2822.exec(value)
  if (!match) return undefined
  const [, day, monthName, year, hour, minute, second, zone] = match
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1
  if (month === 0) return undefined
  return {
    year: Number(year),
    month,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: 0,
    offset: zone === undefined ? undefined : parseOffset(zone),
  }
}

/** The UTC instant of `fields`, without `Date.UTC`'s 0–99 → 1900s year mapping. */
function toIso(fields: Fields): string {
  const date = new Date(Date.UTC(2000, 0, 1, fields.hour, fields.minute, fields.second, fields.millisecond))
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day)
  return new Date(date.getTime() - (fields.offset ?? 0) * 60_000).toISOString()
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

/**
 * Normalise a date written in frontmatter. Returns undefined when the text is
 * not a date this parser knows (the caller leaves it as written and warns).
 */
export function normalizeDate(text: string): DateNormalization | undefined {
  const value = text.trim()
  if (ISO_DATE_TIME.test(value) || ISO_DATE.test(value)) {
    const fields = looseFields(LOOSE.exec(value)!)
    if (!isValid(fields)) return undefined
    return {iso: text, changed: false, zone: ISO_DATE.test(value) ? 'date' : 'given'}
  }
  const loose = LOOSE.exec(value)
  const fields = loose ? looseFields(loose) : rfc2822Fields(value)
  if (!fields || !isValid(fields)) return undefined
  // A bare date stays a bare date: only its spelling is made canonical.
  if (loose && loose[5] === undefined) {
    return {iso: `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`, changed: true, zone: 'date'}
  }
  return {iso: toIso(fields), changed: true, zone: fields.offset === undefined ? 'assumed-utc' : 'given'}
}

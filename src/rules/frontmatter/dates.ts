/**
 * Frontmatter dates, read and written in any time zone without depending on
 * the machine's own (`new Date(localText)` and `getHours()` would). Fixed
 * offsets are plain arithmetic; IANA zones (`Europe/Paris`) go through
 * `Intl.DateTimeFormat`, so this runs in a browser as well as in node.
 *
 * Reads ({@link parseDate}): ISO 8601 / RFC 3339; the loose forms static-site
 * generators write (YAML 1.1 timestamps `2001-12-14 21:59:43.10 -5`, Jekyll's
 * `2025-03-05 17:00:00 +00:00`, slashes, lower-case `t`/`z`); RFC 2822 (RSS
 * `pubDate`); English month names (`March 5, 2025 10:30 AM`, `5 March 2025`,
 * `Jul 08 2022`); dotted day-first dates (`05.03.2025 14:00`); JS and TOML
 * dates; Unix timestamps as numbers. A time with no zone is wall-clock time
 * in the default zone.
 *
 * Keeps out (undefined): slashed day/month dates (`05/03/2025` is March in
 * Paris and May in Boston), two-digit years, relative dates (`yesterday`),
 * digit strings (`'1717000000'` is as likely an id as a time), month names in
 * other languages, impossible days and times (`2024-02-30`, `24:00`).
 *
 * @example
 *   const date = parseDate('March 5, 2025 10:30 AM', 'Europe/Paris')!
 *   // → {instant: Date.UTC(2025, 2, 5, 9, 30), dateOnly: false, zone: 'default', iso: false}
 *   formatDate(date, 'YYYY-MM-DDTHH:mm:ss[.SSS]Z')                // → '2025-03-05T09:30:00Z'
 *   formatDate(date, 'YYYY-MM-DD HH:mm:ss ZZ', 'America/New_York') // → '2025-03-05 04:30:00 -0500'
 *   formatDate(parseDate('5 March 2025')!, 'YYYY-MM-DD HH:mm')     // → '2025-03-05' (a day has no time)
 */

/** A frontmatter date, parsed. */
export interface ParsedDate {
  /** The instant, in UTC milliseconds since the epoch (for a date-only value: midnight UTC of that calendar day). */
  readonly instant: number
  /** A calendar date with no time of day (`2024-01-05`, `5 March 2025`): printed as YYYY-MM-DD whatever the format. */
  readonly dateOnly: boolean
  /** 'given': the text named its zone/offset; 'default': no zone, the default zone was applied; 'date': date-only. */
  readonly zone: 'given' | 'default' | 'date'
  /** The offset the text named, in minutes east of UTC (only for text with `zone: 'given'`). */
  readonly offset?: number | undefined
  /**
   * Whether the text already was ISO 8601 / RFC 3339 (a bare YYYY-MM-DD, or
   * date-time with T and a Z/±hh:mm offset). Always false for a value that
   * was not text (a Date, a TOML date, a number).
   */
  readonly iso: boolean
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const DAY = 24 * 60 * MINUTE

/** Already ISO 8601: a bare date, or a date-time with `T` and a zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * The loose ISO-like forms seen in static-site frontmatter: YAML 1.1
 * timestamps (`2024-09-11 23:53:11`, `2001-12-14 21:59:43.10 -5`), Jekyll's
 * `2025-03-05 17:00:00 +00:00`, slashes, lower-case `t`/`z`, comma fractions.
 */
const LOOSE =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?[ \t]*(Z|z|UTC|UT|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?$/

/** RFC 2822 (RSS `pubDate`): `Wed, 11 Sep 2024 23:53:11 +0000`. */
const RFC_2822 =
  /^(?:[A-Za-z]{3},?[ \t]+)?(\d{1,2})[ \t]+([A-Za-z]{3})[ \t]+(\d{4})[ \t]+(\d{2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(Z|UTC|UT|GMT|[ECMP][SD]T|[+-]\d{4}))?$/

/**
 * A time after a spelled-out or dotted date: `, 10:30`, ` at 10:30:15`,
 * ` 10:30 AM`, ` 10:30pm`, then maybe a zone. Groups: hour, minute, second,
 * fraction, a/p, zone.
 */
const TIME = String.raw`(?:,?[ \t]+(?:at[ \t]+)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:[ \t]*([ap])\.?m\.?)?(?:[ \t]*(z|utc|ut|gmt|[ecmp][sd]t|[+-]\d{1,2}(?::?\d{2})?))?)?`
/** A leading weekday, which is skipped (not checked against the date). */
const WEEKDAY = String.raw`(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?[ \t]+)?`
const ORDINAL = '(?:st|nd|rd|th)?'
/** `March 5, 2025`, `Mar 5 2025`, `Jul 08 2022`, `Wed, March 5th, 2025 at 10:30 AM`. */
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]+)\.?[ \t]+(\d{1,2})${ORDINAL},?[ \t]+(\d{4})${TIME}$`, 'i')
/** `5 March 2025`, `5th Mar. 2025 14:00`. */
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})${ORDINAL}\.?[ \t]+([a-z]+)\.?,?[ \t]+(\d{4})${TIME}$`, 'i')
/**
 * `05.03.2025`, `5.3.2025 14:00`: dots are the day-first convention (German,
 * French, Russian …); nobody writes month-first with dots, so a value that
 * only makes sense month-first (`03.25.2025`) is refused, not swapped.
 */
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`, 'i')

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

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

/** A numeric zone whose minutes are not minutes: `+05:75`. */
const BAD_OFFSET_MINUTES = /[+-]\d{1,2}:?[6-9]\d$/

/** `+05:30`, `-0800`: the fixed-offset zone names accepted as a default or output zone. */
const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/

interface Fields {
  year: number
  month: number
  day: number
  /** Whether the value had a time of day (otherwise the time fields are 0). */
  hasTime: boolean
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC; undefined when the input named no zone. */
  offset: number | undefined
  /** The zone as written, when it was. */
  zoneText: string | undefined
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

/** `jan`, `January`, `Sept` → 1-based month; 0 for anything else. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase()
  if (lower === 'sept') return 9
  return (lower.length === 3 ? MONTHS.indexOf(lower) : MONTH_NAMES.indexOf(lower)) + 1
}

function looseFields(match: RegExpExecArray): Fields {
  const [, year, , month, day, hour, minute, second, fraction, zone] = match
  // No meridiem: `withTime` never refuses these.
  return withTime(Number(year), Number(month), Number(day), [hour, minute, second, fraction, undefined, zone])!
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
    hasTime: true,
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second ?? 0),
    millisecond: 0,
    offset: zone === undefined ? undefined : parseOffset(zone),
    zoneText: zone,
  }
}

/**
 * A date and the {@link TIME} groups after it. Undefined for a 12-hour clock
 * reading that is not one (`0:30 AM`, `13:00 PM`).
 */
function withTime(year: number, month: number, day: number, time: ReadonlyArray<string | undefined>): Fields | undefined {
  const [hourText, minute, second, fraction, meridiem, zone] = time
  let hour = Number(hourText ?? 0)
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  return {
    year,
    month,
    day,
    hasTime: hourText !== undefined,
    hour,
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: milliseconds(fraction),
    offset: zone === undefined ? undefined : parseOffset(zone),
    zoneText: zone,
  }
}

function spelledFields(value: string): Fields | undefined {
  const monthFirst = MONTH_FIRST.exec(value)
  if (monthFirst) {
    const [, month, day, year, ...time] = monthFirst
    return withTime(Number(year), monthNumber(month!), Number(day), time)
  }
  const dayFirst = DAY_FIRST.exec(value)
  if (dayFirst) {
    const [, day, month, year, ...time] = dayFirst
    return withTime(Number(year), monthNumber(month!), Number(day), time)
  }
  const dotted = DOTTED.exec(value)
  if (dotted) {
    const [, day, month, year, ...time] = dotted
    return withTime(Number(year), Number(month), Number(day), time)
  }
  return undefined
}

/** Every text form {@link parseDate} reads, as fields; undefined when none matches. */
function textFields(value: string): Fields | undefined {
  const loose = LOOSE.exec(value)
  return loose ? looseFields(loose) : (rfc2822Fields(value) ?? spelledFields(value))
}

/** The UTC milliseconds of a wall-clock reading, without `Date.UTC`'s 0–99 → 1900s year mapping. */
function utcMilliseconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  return new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond)).setUTCFullYear(year, month - 1, day)
}

function fieldsMilliseconds(fields: Fields): number {
  const {year, month, day, hour, minute, second, millisecond} = fields
  return utcMilliseconds(year, month, day, hour, minute, second, millisecond)
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0')
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor
}

// ---------------------------------------------------------------------------
// Zones

/** A zone: a fixed offset in milliseconds east of UTC, or a formatter that knows an IANA zone's rules. */
type Zone = number | Intl.DateTimeFormat

/** Valid zones by name. Building an `Intl.DateTimeFormat` is slow (tens of µs), reading one is not. */
const zones = new Map<string, Zone>()

function readZone(name: string): Zone | undefined {
  if (name.toUpperCase() === 'UTC') return 0
  const fixed = FIXED_OFFSET.exec(name)
  if (fixed) {
    const hours = Number(fixed[2])
    const minutes = Number(fixed[3])
    if (hours > 23 || minutes > 59) return undefined
    return (fixed[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * MINUTE
  }
  // Other numeric forms (`+05`, `+5`) are refused here rather than left to
  // Intl, which accepts some of them in newer engines only.
  if (name === '' || name.trim() !== name || /^[+-]/.test(name)) return undefined
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    return undefined
  }
}

function zoneNamed(name: string): Zone | undefined {
  let zone = zones.get(name)
  if (zone === undefined) {
    zone = readZone(name)
    if (zone !== undefined) zones.set(name, zone)
  }
  return zone
}

function requireZone(name: string): Zone {
  const zone = zoneNamed(name)
  if (zone === undefined)
    throw new RangeError(`Not a time zone: '${name}' (use 'UTC', an IANA name such as 'Europe/Paris', or an offset such as '+05:30')`)
  return zone
}

/**
 * The offset of an IANA zone at `instant`, in milliseconds east of UTC: the
 * zone's wall clock at that instant (from `formatToParts`) minus the instant.
 * Rounded to whole minutes, so that the local mean time some zones kept
 * before ~1900 (Paris: +00:09:21) still prints as an exact ±HH:MM.
 */
function intlOffset(format: Intl.DateTimeFormat, instant: number): number {
  let year = 0
  let month = 1
  let day = 1
  let hour = 0
  let minute = 0
  let second = 0
  let beforeChrist = false
  for (const part of format.formatToParts(instant)) {
    const value = Number(part.value)
    if (part.type === 'year') year = value
    else if (part.type === 'month') month = value
    else if (part.type === 'day') day = value
    else if (part.type === 'hour')
      hour = value % 24 // some engines said 24 for midnight before `hourCycle`
    else if (part.type === 'minute') minute = value
    else if (part.type === 'second') second = value
    else if (part.type === 'era') beforeChrist = part.value === 'BC'
  }
  if (beforeChrist) year = 1 - year
  const wall = utcMilliseconds(year, month, day, hour, minute, second)
  const wholeSecond = instant - modulo(instant, SECOND)
  return Math.round((wall - wholeSecond) / MINUTE) * MINUTE
}

function offsetAt(zone: Zone, instant: number): number {
  return typeof zone === 'number' ? zone : intlOffset(zone, instant)
}

/**
 * The instant at which `zone`'s clocks read `wall` (wall-clock fields as
 * UTC milliseconds). Guess with the offset in force a day earlier, then
 * re-check the offset at the guessed instant; if it differs, a change of
 * offset is near, and the offset in force a day later gets the same check.
 * (This assumes at most one change within a day either side, which holds for
 * every zone in use.)
 *
 * When clocks go back (Paris 2025-10-26 02:30 happens twice) both offsets
 * check out and the earlier one wins: summer time, the first 02:30. When
 * clocks spring forward (Paris 2025-03-30 02:30 never happens) neither does,
 * and the earlier offset is used too: 02:30 CET, which is 03:30 CEST — the
 * clock is read as if it had not been moved yet, as `Temporal` and
 * `new Date(y, m, d, h)` do.
 */
function wallToInstant(wall: number, zone: Zone): number {
  if (typeof zone === 'number') return wall - zone
  const before = intlOffset(zone, wall - DAY)
  const earlier = wall - before
  if (intlOffset(zone, earlier) === before) return earlier
  const after = intlOffset(zone, wall + DAY)
  const later = wall - after
  if (after !== before && intlOffset(zone, later) === after) return later
  return earlier
}

/**
 * Whether `zone` is a zone {@link parseDate} and {@link formatDate} accept:
 * `'UTC'`, an IANA name this runtime's `Intl` knows (`'Europe/Paris'`, also
 * its links such as `'GMT'`), or a fixed offset `±HH:MM` / `±HHMM` (hours
 * 00–23, minutes 00–59).
 */
export function isTimeZone(zone: string): boolean {
  return zoneNamed(zone) !== undefined
}

// ---------------------------------------------------------------------------
// Parsing

/** The parts of smol-toml's `TomlDate` used here (a `Date` subclass). */
interface TomlDateLike extends Date {
  isDate(): boolean
  isTime(): boolean
  isLocal(): boolean
}

function isTomlDate(date: Date): date is TomlDateLike {
  const maybe = date as Partial<TomlDateLike>
  return typeof maybe.isDate === 'function' && typeof maybe.isTime === 'function' && typeof maybe.isLocal === 'function'
}

function fromFields(fields: Fields, zone: Zone, iso: boolean): ParsedDate {
  const wall = fieldsMilliseconds(fields)
  if (!fields.hasTime) return {instant: wall, dateOnly: true, zone: 'date', iso}
  if (fields.offset !== undefined)
    return {instant: wall - fields.offset * MINUTE, dateOnly: false, zone: 'given', iso, offset: fields.offset}
  return {instant: wallToInstant(wall, zone), dateOnly: false, zone: 'default', iso}
}

function fromText(text: string, zone: Zone): ParsedDate | undefined {
  const fields = textFields(text)
  if (!fields || !isValid(fields)) return undefined
  if (fields.zoneText !== undefined && BAD_OFFSET_MINUTES.test(fields.zoneText)) return undefined
  return fromFields(fields, zone, ISO_DATE.test(text) || ISO_DATE_TIME.test(text))
}

/** A TOML date keeps what it was written as: a day, a local date-time, or an offset date-time. */
function fromDate(date: Date, zone: Zone): ParsedDate | undefined {
  const time = date.getTime()
  if (Number.isNaN(time)) return undefined
  if (isTomlDate(date)) {
    if (date.isTime()) return undefined
    if (date.isDate()) return {instant: time - modulo(time, DAY), dateOnly: true, zone: 'date', iso: false}
    // A local date-time holds its wall clock in the UTC fields, so its
    // milliseconds are the wall-clock milliseconds wallToInstant expects.
    if (date.isLocal()) return {instant: wallToInstant(time, zone), dateOnly: false, zone: 'default', iso: false}
  }
  return {instant: time, dateOnly: false, zone: 'given', iso: false}
}

/** 9–10 digits: seconds (1973–2286); 12–13 digits: milliseconds (same years). Anything else is not a timestamp. */
function fromTimestamp(value: number): ParsedDate | undefined {
  if (!Number.isSafeInteger(value) || value < 0) return undefined
  const digits = String(value).length
  if (digits === 9 || digits === 10) return {instant: value * SECOND, dateOnly: false, zone: 'given', iso: false}
  if (digits === 12 || digits === 13) return {instant: value, dateOnly: false, zone: 'given', iso: false}
  return undefined
}

/**
 * Parse a date value. `zone` is the default zone for values without one:
 * 'UTC' (the default), an IANA name ('Europe/Paris'), or a fixed offset
 * '+05:30'. Returns undefined when the value is not a date.
 *
 * - A string (trimmed) in any form the module header lists. Fractions of a
 *   second past milliseconds are truncated.
 * - A `Date`: its instant, zone 'given'. A smol-toml `TomlDate` keeps its
 *   kind: a local date is date-only, a local date-time is wall time in
 *   `zone` ('default'), a local time alone is not a date (undefined).
 * - A number that looks like a Unix timestamp: a non-negative integer of
 *   9–10 digits (seconds) or 12–13 digits (milliseconds).
 *
 * A wall time that happens twice in `zone` (clocks going back) or never
 * (clocks springing forward) is read with the offset in force before the
 * change; see the module's `wallToInstant`.
 *
 * @throws RangeError when `zone` is not a zone ({@link isTimeZone}).
 */
export function parseDate(value: unknown, zone = 'UTC'): ParsedDate | undefined {
  const defaultZone = requireZone(zone)
  if (typeof value === 'string') return fromText(value.trim(), defaultZone)
  if (typeof value === 'number') return fromTimestamp(value)
  if (value instanceof Date) return fromDate(value, defaultZone)
  return undefined
}

// ---------------------------------------------------------------------------
// Formatting

/** Format tokens, longest first where one starts another (`ZZ` before `Z`). */
const TOKENS = /\[\.SSS\]|YYYY|SSS|ZZ|MM|DD|HH|mm|ss|Z/g

/** Years 0–9999 as four digits, others as ISO 8601's expanded ±YYYYYY (as `toISOString`). */
function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4)
  return (year < 0 ? '-' : '+') + pad(Math.abs(year), 6)
}

/**
 * A format without its offset tokens (`Z`, `ZZ`) and the space before them:
 * how a date-time read without a zone is written when no zone is known, so
 * that no zone is made up. `'YYYY-MM-DD HH:mm:ss ZZ'` → `'YYYY-MM-DD HH:mm:ss'`.
 */
export function withoutOffset(format: string): string {
  return format.replace(/[ \t]*ZZ?/g, '')
}

/** The zone name of a fixed offset in minutes east of UTC: `UTC`, `+05:30`. */
export function offsetZone(minutes: number): string {
  return minutes === 0 ? 'UTC' : formatOffset(minutes * MINUTE, true)
}

/** Milliseconds east of UTC → `+05:30` (`colon`) or `+0530`. */
function formatOffset(offset: number, colon: boolean): string {
  const minutes = Math.round(offset / MINUTE)
  const absolute = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}${colon ? ':' : ''}${pad(absolute % 60)}`
}

function formatDay(instant: number): string {
  const date = new Date(instant)
  return `${formatYear(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/**
 * Format a parsed date. Tokens: YYYY MM DD HH mm ss SSS, `[.SSS]` (".123"
 * only when milliseconds ≠ 0), Z ("Z" when the offset is 0, else ±HH:MM), ZZ
 * (±HHMM, "+0000" for UTC). Everything else is literal. The time is printed
 * in `zone` (same forms as {@link parseDate}; default 'UTC'), with that
 * zone's offset at that instant (DST-correct). A dateOnly value always prints
 * as YYYY-MM-DD.
 *
 * @throws RangeError when `zone` is not a zone ({@link isTimeZone}).
 */
export function formatDate(date: ParsedDate, format: string, zone = 'UTC'): string {
  const outputZone = requireZone(zone)
  if (date.dateOnly) return formatDay(date.instant)
  const offset = offsetAt(outputZone, date.instant)
  const wall = new Date(date.instant + offset)
  const millisecond = wall.getUTCMilliseconds()
  return format.replace(TOKENS, (token) => {
    switch (token) {
      case 'YYYY':
        return formatYear(wall.getUTCFullYear())
      case 'MM':
        return pad(wall.getUTCMonth() + 1)
      case 'DD':
        return pad(wall.getUTCDate())
      case 'HH':
        return pad(wall.getUTCHours())
      case 'mm':
        return pad(wall.getUTCMinutes())
      case 'ss':
        return pad(wall.getUTCSeconds())
      case 'SSS':
        return pad(millisecond, 3)
      case '[.SSS]':
        return millisecond === 0 ? '' : `.${pad(millisecond, 3)}`
      case 'ZZ':
        return formatOffset(offset, false)
      default:
        return offset === 0 ? 'Z' : formatOffset(offset, true)
    }
  })
}

/**
 * Time-zone-aware frontmatter dates: a table of text → parse (in a default
 * zone) → format (in an output zone), daylight-saving gaps and overlaps, TOML
 * and JS dates, Unix timestamps, what is refused, zone names, and the same
 * answers whatever the machine's zone.
 */
import {readFileSync} from 'node:fs'
import {parse} from 'smol-toml'
import {afterEach, describe, expect, it} from 'vitest'
import {formatDate, isTimeZone, parseDate, type ParsedDate} from '../src/rules/frontmatter/dates.js'

const ISO = 'YYYY-MM-DDTHH:mm:ss[.SSS]Z'
const OFFSET = 'YYYY-MM-DD HH:mm:ss ZZ'
const WALL = 'YYYY-MM-DD HH:mm:ss'

/** input, default zone, output zone, format, expected output. */
type Case = [input: string, zone: string, output: string, format: string, expected: string]

const table: Case[] = [
  // The forms normalizeDate reads, UTC by default.
  ['2024-08-16T00:52:37.791Z', 'UTC', 'UTC', ISO, '2024-08-16T00:52:37.791Z'],
  ['2024-08-16T02:52:37+02:00', 'UTC', 'UTC', ISO, '2024-08-16T00:52:37Z'],
  ['2024-08-16T02:52Z', 'UTC', 'UTC', ISO, '2024-08-16T02:52:00Z'],
  ['2024-09-11 23:53:11', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11Z'],
  ['2024-09-11T23:53:11', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11Z'],
  ['2025-03-05 17:00:00 +05:30', 'UTC', 'UTC', ISO, '2025-03-05T11:30:00Z'],
  ['2025-03-05 01:00:00 -0800', 'UTC', 'UTC', ISO, '2025-03-05T09:00:00Z'],
  ['2001-12-14 21:59:43.10 -5', 'UTC', 'UTC', ISO, '2001-12-15T02:59:43.100Z'],
  ['2024-09-11t23:53:11.5z', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11.500Z'],
  ['2024-09-11 23:53:11.7919Z', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11.791Z'],
  ['2024/09/11 23:53:11', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11Z'],
  ['2024-12-31 23:30:00 -01:00', 'UTC', 'UTC', ISO, '2025-01-01T00:30:00Z'],
  ['2024-2-9', 'UTC', 'UTC', ISO, '2024-02-09'],
  ['0099-06-01 12:00:00', 'UTC', 'UTC', ISO, '0099-06-01T12:00:00Z'],
  ['Wed, 11 Sep 2024 23:53:11 GMT', 'UTC', 'UTC', ISO, '2024-09-11T23:53:11Z'],
  ['11 Sep 2024 23:53:11 +0200', 'UTC', 'UTC', ISO, '2024-09-11T21:53:11Z'],
  ['Mon, 04 Mar 2024 08:00:00 PST', 'UTC', 'UTC', ISO, '2024-03-04T16:00:00Z'],
  ['  2024-01-05\n', 'UTC', 'UTC', ISO, '2024-01-05'],

  // English month names, with and without a time.
  ['March 5, 2025', 'UTC', 'UTC', ISO, '2025-03-05'],
  ['Mar 5 2025', 'UTC', 'UTC', ISO, '2025-03-05'],
  ['5 March 2025', 'UTC', 'UTC', ISO, '2025-03-05'],
  ['Jul 08 2022', 'UTC', 'UTC', ISO, '2022-07-08'],
  ['Sept 9, 2024', 'UTC', 'UTC', ISO, '2024-09-09'],
  ['SEPTEMBER 9 2024', 'UTC', 'UTC', ISO, '2024-09-09'],
  ['Wednesday, March 5th, 2025', 'UTC', 'UTC', ISO, '2025-03-05'],
  ['Feb 29, 2024', 'UTC', 'UTC', ISO, '2024-02-29'],
  ['March 5, 2025 10:30', 'UTC', 'UTC', ISO, '2025-03-05T10:30:00Z'],
  ['March 5, 2025 10:30 AM', 'UTC', 'UTC', ISO, '2025-03-05T10:30:00Z'],
  ['March 5, 2025 10:30pm', 'UTC', 'UTC', ISO, '2025-03-05T22:30:00Z'],
  ['March 5, 2025 12:05 AM', 'UTC', 'UTC', ISO, '2025-03-05T00:05:00Z'],
  ['March 5, 2025 12:05 PM', 'UTC', 'UTC', ISO, '2025-03-05T12:05:00Z'],
  ['5 Mar 2025 at 9:15:30 p.m.', 'UTC', 'UTC', ISO, '2025-03-05T21:15:30Z'],
  ['March 5, 2025 10:30 AM', 'Europe/Paris', 'UTC', ISO, '2025-03-05T09:30:00Z'],
  ['Jul 08 2022 10:30 UTC', 'Europe/Paris', 'UTC', ISO, '2022-07-08T10:30:00Z'],
  ['Jul 08 2022 10:30 +02:00', 'UTC', 'UTC', ISO, '2022-07-08T08:30:00Z'],

  // Dotted day-first dates.
  ['05.03.2025', 'UTC', 'UTC', ISO, '2025-03-05'],
  ['31.12.2024 23:59', 'Europe/Paris', 'UTC', ISO, '2024-12-31T22:59:00Z'],

  // Default zones: summer and winter in Paris and New York, fixed offsets, Kolkata.
  ['2024-07-01 12:00', 'Europe/Paris', 'UTC', ISO, '2024-07-01T10:00:00Z'],
  ['2024-07-01 12:00', 'Europe/Paris', 'Europe/Paris', OFFSET, '2024-07-01 12:00:00 +0200'],
  ['2024-01-15 12:00', 'Europe/Paris', 'UTC', ISO, '2024-01-15T11:00:00Z'],
  ['2024-01-15 12:00', 'Europe/Paris', 'Europe/Paris', ISO, '2024-01-15T12:00:00+01:00'],
  ['2024-07-01 12:00', 'America/New_York', 'UTC', ISO, '2024-07-01T16:00:00Z'],
  ['2024-12-01 08:15:30', 'America/New_York', 'America/New_York', OFFSET, '2024-12-01 08:15:30 -0500'],
  ['2024-12-01 08:15:30', 'America/New_York', 'UTC', ISO, '2024-12-01T13:15:30Z'],
  ['2024-03-05 10:00', '+05:30', 'UTC', ISO, '2024-03-05T04:30:00Z'],
  ['2024-03-05 10:00', '+05:30', '+05:30', ISO, '2024-03-05T10:00:00+05:30'],
  ['2024-03-05 10:00', '-0800', 'UTC', ISO, '2024-03-05T18:00:00Z'],
  ['2024-03-05 10:00', 'Asia/Kolkata', 'UTC', ISO, '2024-03-05T04:30:00Z'],
  ['2024-03-05 10:00', 'Asia/Kolkata', 'Asia/Kolkata', OFFSET, '2024-03-05 10:00:00 +0530'],
  // A zone in the text wins over the default zone.
  ['2024-03-05 10:00 +00:00', 'Europe/Paris', 'UTC', ISO, '2024-03-05T10:00:00Z'],
  ['2024-03-05T10:00:00-05:00', 'Asia/Kolkata', 'UTC', ISO, '2024-03-05T15:00:00Z'],
  // A day is a day in every zone and format.
  ['2024-07-01', 'Europe/Paris', 'Asia/Kolkata', OFFSET, '2024-07-01'],
  ['1 July 2024', 'America/New_York', 'Pacific/Chatham', WALL, '2024-07-01'],

  // Spring forward: 02:30 never happens; read with the offset before the change.
  ['2025-03-30 02:30', 'Europe/Paris', 'Europe/Paris', ISO, '2025-03-30T03:30:00+02:00'],
  ['2025-03-30 02:30', 'Europe/Paris', 'UTC', ISO, '2025-03-30T01:30:00Z'],
  ['2025-03-09 02:30', 'America/New_York', 'America/New_York', ISO, '2025-03-09T03:30:00-04:00'],
  ['2025-03-30 01:59:59', 'Europe/Paris', 'UTC', ISO, '2025-03-30T00:59:59Z'],
  ['2025-03-30 03:00', 'Europe/Paris', 'UTC', ISO, '2025-03-30T01:00:00Z'],
  // Fall back: 02:30 happens twice; the earlier offset (summer time) wins.
  ['2025-10-26 02:30', 'Europe/Paris', 'Europe/Paris', ISO, '2025-10-26T02:30:00+02:00'],
  ['2025-10-26 02:30', 'Europe/Paris', 'UTC', ISO, '2025-10-26T00:30:00Z'],
  ['2025-11-02 01:30', 'America/New_York', 'UTC', ISO, '2025-11-02T05:30:00Z'],
  ['2025-10-26 03:00', 'Europe/Paris', 'UTC', ISO, '2025-10-26T02:00:00Z'],
  ['2025-10-26 01:59', 'Europe/Paris', 'UTC', ISO, '2025-10-25T23:59:00Z'],

  // Output zones other than the input's, each with its offset at that instant.
  ['2024-07-01T12:00:00Z', 'UTC', 'Asia/Kolkata', OFFSET, '2024-07-01 17:30:00 +0530'],
  ['2024-07-01T12:00:00Z', 'UTC', 'America/New_York', WALL, '2024-07-01 08:00:00'],
  ['2024-07-01T12:00:00Z', 'UTC', '-03:00', ISO, '2024-07-01T09:00:00-03:00'],
  ['2024-07-01T12:00:00Z', 'UTC', 'Pacific/Chatham', ISO, '2024-07-02T00:45:00+12:45'],
  ['2024-07-01T12:00:00Z', 'UTC', 'UTC', OFFSET, '2024-07-01 12:00:00 +0000'],
  ['2024-12-31T23:30:00Z', 'UTC', 'Asia/Kolkata', WALL, '2025-01-01 05:00:00'],
  ['2025-03-30T00:30:00Z', 'UTC', 'Europe/Paris', ISO, '2025-03-30T01:30:00+01:00'],
  ['2025-03-30T01:30:00Z', 'UTC', 'Europe/Paris', ISO, '2025-03-30T03:30:00+02:00'],
  ['2024-07-01 14:00', 'Europe/Paris', 'America/New_York', ISO, '2024-07-01T08:00:00-04:00'],
  ['2024-07-01T12:00:00.5Z', 'UTC', 'UTC', WALL, '2024-07-01 12:00:00'],
]

function roundTrip([input, zone, output, format]: Case): string | undefined {
  const date = parseDate(input, zone)
  return date && formatDate(date, format, output)
}

/** A parsed value that must exist. */
function parsed(value: unknown, zone?: string): ParsedDate {
  const date = parseDate(value, zone)
  expect(date, String(value)).toBeDefined()
  return date!
}

describe('parseDate → formatDate', () => {
  it.each(table)('%j in %s, printed in %s as %s → %s', (...row) => {
    expect(roundTrip(row)).toBe(row[4])
  })
})

describe('parseDate', () => {
  it('says where the zone came from', () => {
    expect(parsed('2024-09-11 23:53:11').zone).toBe('default')
    expect(parsed('March 5, 2025 10:30').zone).toBe('default')
    expect(parsed('2024-09-11 23:53:11 +00:00').zone).toBe('given')
    expect(parsed('Wed, 11 Sep 2024 23:53:11 GMT').zone).toBe('given')
    expect(parsed('2024-09-11').zone).toBe('date')
    expect(parsed('5 March 2025').zone).toBe('date')
  })

  it('marks day-only values and puts them at midnight UTC', () => {
    const day = parsed('5 March 2025', 'Asia/Kolkata')
    expect(day).toEqual({instant: Date.UTC(2025, 2, 5), dateOnly: true, zone: 'date', iso: false})
    expect(parsed('2025-03-05 00:00').dateOnly).toBe(false)
  })

  it('marks text that already is ISO 8601 / RFC 3339', () => {
    for (const text of ['2024-01-05', '2024-08-16T00:52:37.791Z', '2024-08-16T02:52+02:00']) {
      expect(parsed(text).iso, text).toBe(true)
    }
    for (const text of ['2024-09-11 23:53:11Z', '2024-09-11t23:53:11z', '2024-09-11T23:53:11', '2024-2-9', 'March 5, 2025', '05.03.2025']) {
      expect(parsed(text).iso, text).toBe(false)
    }
  })

  it('refuses what is not a date', () => {
    const rejects: unknown[] = [
      'soon',
      '2024-02-30',
      12345,
      '',
      true,
      null,
      {},
      undefined,
      ['2024-01-05'],
      '   ',
      '1717000000', // digits in a string: an id as likely as a time
      '2023-02-29',
      '2024-13-01',
      '2024-09-11 24:00:00',
      '2024-09-11 23:60',
      '2024-01-01 10:00 +05:75',
      'Feb 30, 2024',
      'Feb 29, 2023',
      'March 5, 2025 13:00 PM',
      'March 5, 2025 0:30 AM',
      'March 5, 2025 24:00',
      'Smarch 5, 2025',
      'März 5, 2025',
      'March 2025',
      'March 5, 25',
      '03.25.2025', // only month-first would make sense: refused, not swapped
      '32.01.2025',
      '05.03.25',
      '05/03/2025', // March or May
    ]
    for (const value of rejects) expect(parseDate(value), JSON.stringify(value)).toBeUndefined()
  })

  it('reads integers that look like Unix timestamps', () => {
    const cases: Array<[number, string]> = [
      [1717000000, '2024-05-29T16:26:40Z'],
      [1717000000000, '2024-05-29T16:26:40Z'],
      [1717000000123, '2024-05-29T16:26:40.123Z'],
      [123456789, '1973-11-29T21:33:09Z'],
      [100000000000, '1973-03-03T09:46:40Z'],
    ]
    for (const [value, expected] of cases) {
      const date = parsed(value, 'Europe/Paris')
      expect(date.zone).toBe('given')
      expect(formatDate(date, ISO)).toBe(expected)
    }
    for (const value of [
      0,
      12345,
      12345678,
      17170000000,
      17170000000000,
      1717000000.5,
      -1717000000,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(parseDate(value), String(value)).toBeUndefined()
    }
  })

  it('takes a JS Date as its instant', () => {
    const date = new Date(Date.UTC(2024, 6, 1, 12, 0, 0, 250))
    expect(parseDate(date, 'Europe/Paris')).toEqual({instant: date.getTime(), dateOnly: false, zone: 'given', iso: false})
    expect(parseDate(new Date(Number.NaN))).toBeUndefined()
    expect(formatDate(parsed(new Date(Date.UTC(10000, 0, 1))), ISO)).toBe('+010000-01-01T00:00:00Z')
  })

  describe('TOML dates (smol-toml TomlDate)', () => {
    const toml = parse(
      [
        'offset = 2024-07-01T12:00:00+02:00',
        'utc = 2024-07-01 12:00:00.250Z',
        'local = 2024-07-01T12:00:00',
        'gap = 2025-03-30T02:30:00',
        'day = 2024-07-01',
        'time = 12:00:00',
      ].join('\n'),
    )

    it('reads an offset date-time as given', () => {
      const date = parsed(toml['offset'], 'America/New_York')
      expect(date).toMatchObject({zone: 'given', dateOnly: false, iso: false})
      expect(formatDate(date, ISO)).toBe('2024-07-01T10:00:00Z')
      expect(formatDate(parsed(toml['utc']), ISO)).toBe('2024-07-01T12:00:00.250Z')
    })

    it('reads a local date-time as wall time in the default zone', () => {
      expect(parsed(toml['local']).zone).toBe('default')
      expect(formatDate(parsed(toml['local']), ISO)).toBe('2024-07-01T12:00:00Z')
      expect(formatDate(parsed(toml['local'], 'Europe/Paris'), ISO)).toBe('2024-07-01T10:00:00Z')
      expect(formatDate(parsed(toml['local'], 'America/New_York'), ISO)).toBe('2024-07-01T16:00:00Z')
      expect(formatDate(parsed(toml['local'], '+05:30'), ISO)).toBe('2024-07-01T06:30:00Z')
      expect(formatDate(parsed(toml['gap'], 'Europe/Paris'), ISO)).toBe('2025-03-30T01:30:00Z')
    })

    it('reads a local date as a day, and a time alone as no date', () => {
      expect(parseDate(toml['day'], 'Asia/Kolkata')).toEqual({instant: Date.UTC(2024, 6, 1), dateOnly: true, zone: 'date', iso: false})
      expect(formatDate(parsed(toml['day']), OFFSET, 'Pacific/Chatham')).toBe('2024-07-01')
      expect(parseDate(toml['time'])).toBeUndefined()
    })
  })

  it('throws on a default zone that is not one', () => {
    expect(() => parseDate('2024-01-01 10:00', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => parseDate('2024-01-01', '+5')).toThrow(RangeError)
  })
})

describe('formatDate', () => {
  const date = parsed('2024-07-01T09:05:03.007Z')
  const whole = parsed('2024-07-01T09:05:03Z')

  it('prints each token and leaves the rest as written', () => {
    expect(formatDate(date, 'YYYY|MM|DD|HH|mm|ss|SSS')).toBe('2024|07|01|09|05|03|007')
    expect(formatDate(date, 'YYYY年MM月DD日 HH時', 'Asia/Tokyo')).toBe('2024年07月01日 18時')
    expect(formatDate(date, 'on the day')).toBe('on the day')
  })

  it('prints milliseconds in [.SSS] only when there are some', () => {
    expect(formatDate(date, 'ss[.SSS]')).toBe('03.007')
    expect(formatDate(whole, 'ss[.SSS]')).toBe('03')
    expect(formatDate(whole, 'ss.SSS')).toBe('03.000')
  })

  it('prints Z as Z or ±HH:MM, ZZ always as ±HHMM', () => {
    expect(formatDate(whole, 'Z|ZZ')).toBe('Z|+0000')
    expect(formatDate(whole, 'Z|ZZ', '+00:00')).toBe('Z|+0000')
    expect(formatDate(whole, 'HH Z|ZZ', '-03:30')).toBe('05 -03:30|-0330')
    expect(formatDate(whole, 'HH Z|ZZ', 'Asia/Kolkata')).toBe('14 +05:30|+0530')
  })

  it('throws on an output zone that is not one', () => {
    expect(() => formatDate(whole, ISO, 'Europe/Pariss')).toThrow(RangeError)
    expect(() => formatDate(parsed('2024-07-01'), ISO, '+24:00')).toThrow(RangeError)
  })
})

describe('isTimeZone', () => {
  it.each(['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', '+05:30', '-0800', '+00:00', '-23:59'])(
    '%s is a zone',
    (zone) => {
      expect(isTimeZone(zone)).toBe(true)
    },
  )
  it.each(['', 'Mars/Olympus', 'Europe/Pariss', ' Europe/Paris', '+5', '+05', '+05:60', '+24:00', 'UTC+1', '05:30'])(
    '%j is not a zone',
    (zone) => {
      expect(isTimeZone(zone)).toBe(false)
    },
  )
})

describe('does not depend on the machine time zone', () => {
  const original = process.env['TZ']
  afterEach(() => {
    if (original === undefined) delete process.env['TZ']
    else process.env['TZ'] = original
  })
  for (const zone of ['Pacific/Chatham', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/Paris']) {
    it(zone, () => {
      process.env['TZ'] = zone
      // Node re-reads TZ when it is assigned: prove the zone is in effect.
      expect(new Date(2024, 6, 1).getTimezoneOffset()).not.toBe(0)
      for (const row of table) expect(roundTrip(row), row.join(' | ')).toBe(row[4])
      const local = parse('local = 2024-07-01T12:00:00\nday = 2024-07-01')
      expect(formatDate(parsed(local['local'], 'Europe/Paris'), ISO)).toBe('2024-07-01T10:00:00Z')
      expect(parsed(local['day']).instant).toBe(Date.UTC(2024, 6, 1))
    })
  }

  it('never reads or sets a Date in local time', () => {
    const source = readFileSync(new URL('../src/rules/frontmatter/dates.ts', import.meta.url), 'utf8')
    const local =
      /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)\(|\.toString\(|\.toLocale\w*\(|Date\.parse\(/g
    expect(source.match(local)).toBeNull()
  })
})

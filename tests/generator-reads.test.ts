/**
 * What each generator reads as written (`reads` of its dialect in
 * rules/default/frontmatter.yaml), checked against the generators
 * themselves where this test can run them, and against their documentation
 * where it cannot:
 * - Hexo and Astro read a date string with JavaScript's `new Date()`: every
 *   date form they keep must be read by it as the same instant decruft reads
 *   (this file runs with TZ=UTC, so a date without a zone is UTC to both);
 *   dotted day-first dates, which JavaScript reads month-first, are not kept;
 * - Jekyll and Hugo: the examples in their documentation are kept, and
 *   forms they do not read are not.
 * Then the rule itself: a kept date is no finding; the same date under no
 * generator is a warning.
 */
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {defaultRuleSet, parseDate, ruleIds} from '../src/plugin-api.js'

const dialects = defaultRuleSet().frontmatter.dialects
const reads = (generator: string, text: string) => dialects.get(generator)!.reads!.dates.some((pattern) => pattern.test(text))

/** Date texts as posts write them. */
const SAMPLES = [
  '2024-08-12',
  '2024-08-12 22:40:00',
  '2024-08-12 22:40',
  '2024-8-2 9:05',
  '2013/7/13 20:46:25',
  '2013/07/13',
  '2024-08-12T22:40',
  '2024-08-12T22:40:00',
  '2024-08-12T22:40:00Z',
  '2024-08-12T22:40:00.123Z',
  '2024-08-12T22:40:00+02:00',
  '2024-08-12 22:40:00 +0200',
  '2024-08-12 22:40:00 +02:00',
  'Jul 08 2022',
  'Jul 8, 2022',
  'July 8, 2022',
  'July 8, 2022 10:30 AM',
  'July 8, 2022 22:30',
  '8 July 2022',
  '8 Jul 2022 14:00',
  'Fri, 08 Jul 2022 10:30:00 GMT',
  'Fri, 08 Jul 2022 10:30:00 +0200',
  '08 Jul 2022 10:30:00 GMT',
  '05.03.2025',
  '05.03.2025 14:00',
  'March 5th, 2025',
]

describe('Hexo and Astro: JavaScript’s Date reads every date they keep as decruft does', () => {
  for (const generator of ['hexo', 'astro']) {
    it(generator, () => {
      const kept = SAMPLES.filter((text) => reads(generator, text))
      expect(kept.length).toBeGreaterThan(10)
      for (const text of kept) {
        const parsed = parseDate(text, 'UTC')
        expect(parsed, text).toBeDefined()
        expect(new Date(text).getTime(), text).toBe(parsed!.instant)
      }
      // JavaScript reads a dotted date month-first, decruft day-first: not kept, so it is rewritten unambiguously.
      expect(new Date('05.03.2025').getUTCMonth()).toBe(4)
      expect(parseDate('05.03.2025', 'UTC')!.instant).toBe(Date.UTC(2025, 2, 5))
      for (const text of ['05.03.2025', '05.03.2025 14:00', 'March 5th, 2025']) expect(reads(generator, text), text).toBe(false)
    })
  }

  it('Hexo keeps only dates without a zone (it takes their wall-clock time in its `timezone`), Astro also those with one', () => {
    for (const text of ['2024-08-12T22:40:00Z', '2024-08-12 22:40:00 +0200', 'Fri, 08 Jul 2022 10:30:00 GMT']) {
      expect(reads('hexo', text), text).toBe(false)
      expect(reads('astro', text), text).toBe(true)
    }
  })
})

describe('Jekyll and Hugo: their documented forms are kept, others are not', () => {
  it('Jekyll: `YYYY-MM-DD HH:MM:SS +/-TTTT` with the time, seconds and offset optional, and ISO 8601', () => {
    for (const text of [
      '2024-05-02 09:30:00 +0200',
      '2015-11-17 16:16:01 -0600',
      '2024-05-02 09:30:00',
      '2024-05-02 09:30',
      '2024-05-02',
      '2024-05-02T09:30:00+02:00',
      '2016-03-23T10:20:00Z',
    ]) {
      expect(reads('jekyll', text), text).toBe(true)
    }
    for (const text of ['May 2, 2024', '2024/05/02', '02.05.2024']) expect(reads('jekyll', text), text).toBe(false)
  })

  it('Hugo: the forms of its time.AsTime table, and the layouts it tries; not a time without seconds', () => {
    for (const text of [
      '2023-10-15T13:18:50-07:00',
      '2023-10-15T13:18:50-0700',
      '2023-10-15T13:18:50Z',
      '2023-10-15T13:18:50',
      '2023-10-15',
      '15 Oct 2023',
      '2023-10-15 13:18:50',
      '2023-10-15 13:18:50 -07:00',
      'Sun, 15 Oct 2023 13:18:50 -0700',
    ]) {
      expect(reads('hugo', text), text).toBe(true)
    }
    for (const text of ['2023-10-15 13:18', '2023-10-15T13:18Z', 'Oct 15, 2023', '2023/10/15'])
      expect(reads('hugo', text), text).toBe(false)
  })
})

describe('the frontmatter rule with a generator', () => {
  const onlyFrontmatter = ruleIds.filter((id) => id !== 'frontmatter')
  const post = (date: string) => `---\ntitle: A post\ndate: ${date}\n---\n\nBody.\n`

  it('leaves a date its generator reads, and rewrites it as a warning with none', () => {
    const cases: Array<[string, string]> = [
      ['jekyll', '2024-05-02 09:30:00 +0200'],
      ['hexo', '2024-08-12 22:40:00'],
      ['astro', 'Jul 08 2022'],
      ['hugo', '15 Oct 2023'],
    ]
    for (const [generator, date] of cases) {
      const kept = clean(post(date), {disable: onlyFrontmatter, frontmatter: {generator}})
      expect(kept.markdown, generator).toBe(post(date))
      expect(kept.removals, generator).toEqual([])
      const generic = clean(post(date), {disable: onlyFrontmatter})
      expect(
        generic.removals.map((removal) => removal.severity),
        generator,
      ).toEqual(['warning'])
    }
  })

  it('does not judge with --strict the type of a value the generator reads as written', () => {
    const text = '---\ntitle: Two weeks\ndate: 2024-05-02 09:30:00 +0200\ncategories: travel portugal\n---\n\nBody.\n'
    expect(clean(text, {disable: onlyFrontmatter, frontmatter: {generator: 'jekyll', strict: true}}).record.problems).toEqual([])
    expect(clean(text, {disable: onlyFrontmatter, frontmatter: {strict: true}}).record.problems).toEqual([])
    expect(
      clean('---\ntitle: x\ncategories: 42\n---\n', {
        disable: onlyFrontmatter,
        frontmatter: {generator: 'jekyll', strict: true},
      }).record.problems.map((problem) => problem.reason),
    ).toEqual(['Frontmatter `categories` should be a list, not a number'])
  })

  it('refuses a generator that is not one', () => {
    expect(() => clean(post('2024-01-01'), {frontmatter: {generator: 'canonical'}})).toThrow(
      /unknown site generator `canonical` \(known: hugo, jekyll, hexo, astro\)/,
    )
  })
})

/**
 * What suppression comments cannot do: keep the finds of the `safety` group
 * (scraped content decides nothing about safety; only config and flags
 * switch those rules off, with a `suppression` warning for a comment that
 * tries), and act from inside a span another removal takes (the comment is
 * gone from the output, so the first clean must do what the second does).
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean, removalsOf, type CleanOptions} from '../src/index.js'
import {createParser, defaultRuleSet, disabledRules, runRules} from '../src/plugin-api.js'

/** Clean, check the output cleans to itself (removals and all), return the first result. */
function cleanTwice(text: string, options: CleanOptions = {}) {
  const result = clean(text, options)
  const again = clean(result.markdown, options)
  expect(again.markdown).toBe(result.markdown)
  expect(again.removals).toEqual([])
  return result
}

const suppressionWarnings = (result: ReturnType<typeof clean>) =>
  result.record.warnings.filter((warning) => warning.rule === 'suppression').map((warning) => `${warning.line}: ${warning.reason}`)

const payload = [
  '<script>steal()</script>',
  '',
  '<img src="/a.png" alt="A" onerror="steal()">',
  '',
  'A [link](javascript:steal()) here.',
  '',
].join('\n')

describe('suppression comments and the safety group', () => {
  for (const comment of [
    '<!-- decruft-disable unsafe-html -->',
    '<!-- decruft-disable -->',
    '<!-- decruft-disable unsafe-html, tracking-param -- keep the widgets -->',
    '<!-- decruft-disable safety -->',
  ]) {
    it(`removes script, handler and javascript: link after \`${comment}\`, and warns`, () => {
      const result = cleanTwice(`Intro.\n\n${comment}\n\n${payload}`)
      expect(result.markdown).toBe(`Intro.\n\n${comment}\n\n<img src="/a.png" alt="A">\n\nA link here.\n`)
      expect(result.removals.map((removal) => removal.rule)).toEqual(['unsafe-html', 'unsafe-html', 'unsafe-html', 'unsafe-html'])
      const warnings = suppressionWarnings(result)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/^3: .*`safety` group cannot be disabled inline \(only by config or flags\)/)
    })
  }

  it('removes unsafe HTML despite `-line` and `-next-line` comments', () => {
    const text = [
      'Text <img src="/a.png" alt="A" onerror="steal()"> <!-- decruft-disable-line unsafe-html -->',
      '',
      '<!-- decruft-disable-next-line unsafe-html -->',
      '<script>steal()</script>',
      '',
      '<!-- decruft-disable-next-line -->',
      '<p onclick="steal()">Words.</p>',
      '',
    ].join('\n')
    const result = cleanTwice(text)
    expect(result.markdown).not.toMatch(/onerror|<script|onclick/)
    expect(
      suppressionWarnings(result)
        .map((warning) => Number(warning.split(':')[0]))
        .sort((a, b) => a - b),
    ).toEqual([1, 3, 6])
  })

  it('still lets a bare comment keep spam, and warns only where a safety removal fell in its scope', () => {
    const adUnit = '<ins class="adsbygoogle" data-ad-client="ca-pub-0000000000000001" data-ad-slot="1234567890"></ins>\n'
    const kept = cleanTwice(`Prose.\n\n<!-- decruft-disable -->\n\n${adUnit}\nMore prose.\n`)
    expect(kept.removals).toEqual([])
    expect(suppressionWarnings(kept)).toEqual([])
  })

  it('lets config and flags switch the safety rules off', () => {
    const text = `Intro.\n\n<!-- decruft-disable unsafe-html -->\n\n${payload}`
    expect(cleanTwice(text, {disable: ['unsafe-html']}).markdown).toBe(text)
    expect(cleanTwice(text, {disable: ['safety']}).markdown).toBe(text)
  })

  it('holds for the rules run without clean() (runRules, as the unified preset does)', () => {
    const text = `<!-- decruft-disable -->\n\n${payload}`
    const file = new VFile({value: text})
    runRules(createParser().parse(text), file, defaultRuleSet(), disabledRules())
    expect(removalsOf(file).map((removal) => removal.ruleId)).toEqual(['unsafe-html', 'unsafe-html', 'unsafe-html', 'unsafe-html'])
  })
})

describe('suppression comments inside removed spans', () => {
  const link = 'Read the [guide](https://pans.example/guide?utm_source=newsletter).\n'

  it('a comment inside a removed ad region suppresses nothing, on the first clean as on the second', () => {
    const text = [
      'Intro.',
      '',
      '<!-- affiliate ads begin -->',
      '<div class="ad">Sale <!-- decruft-disable tracking-param --></div>',
      '<!-- affiliate ads end -->',
      '',
      link,
    ].join('\n')
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['ad-block', 'tracking-param'])
    expect(result.markdown).toBe('Intro.\n\nRead the [guide](https://pans.example/guide).\n')
  })

  it('nor does one inside a span a later rule takes (a script the sanitiser removes)', () => {
    const text = ['Intro.', '', '<script>', '<!-- decruft-disable tracking-param -->', '</script>', '', link].join('\n')
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['unsafe-html', 'tracking-param'])
  })

  it('a comment that keeps the very removal that would take it stays in force', () => {
    const adUnit = '<ins class="adsbygoogle" data-ad-client="ca-pub-0000000000000001" data-ad-slot="1234567890"></ins>'
    const text = `Intro.\n\n${adUnit} <!-- decruft-disable-line ad-slot -- our own sponsor -->\n\nMore.\n`
    expect(cleanTwice(text).markdown).toBe(text)
  })

  it('a comment outside every removal still works', () => {
    const text = `Intro.\n\n<!-- decruft-disable tracking-param -->\n\n${link}`
    expect(cleanTwice(text).markdown).toBe(text)
  })
})

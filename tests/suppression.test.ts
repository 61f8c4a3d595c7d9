/**
 * Inline suppression comments: the directive scanner on its own (kinds, rule
 * lists, scopes, code that must not count, CRLF), `reportRemoval` keeping
 * suppressed spans, and whole articles through `clean` (one farm kept and
 * another removed, regions, re-enabling one rule, the second pass,
 * idempotence). The `keeps-suppressed-*` fixtures are checked here to be kept
 * by their directives: made inert, the same text loses something.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {clean, removalsOf, type RuleId} from '../src/index.js'
import {createParser, defaultRuleSet, disabledRules, reportRemoval, ruleIds, runRules} from '../src/plugin-api.js'
import {
  directivesOf,
  findDirectives,
  isSuppressed,
  suppressedCount,
  suppressedRanges,
  unknownDirectiveRules,
  type Directive,
} from '../src/engine/suppression.js'

const only = (ids: RuleId[]) => ({enable: ids, disable: ruleIds.filter((id) => !ids.includes(id))})

/** Clean with `options`, check that the output cleans to itself, and return the result. */
function cleanTwice(text: string, options: Parameters<typeof clean>[1] = {}) {
  const result = clean(text, options)
  expect(clean(result.markdown, options).markdown).toBe(result.markdown)
  for (const removal of result.removals) expect(text.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
  return result
}

const summary = (directives: readonly Directive[]) => directives.map(({kind, rules, line}) => ({kind, rules: [...rules], line}))

/** Three same-site links under a label: a link farm to `link-farm`. */
function farm(topic: string): string {
  return [
    '**Also read:**',
    '',
    `- [${topic}: getting started](https://notes.example.com/${topic}-getting-started/)`,
    `- [${topic}: common mistakes](https://notes.example.com/${topic}-common-mistakes/)`,
    `- [${topic}: a year later](https://notes.example.com/${topic}-a-year-later/)`,
    '',
  ].join('\n')
}

const adUnit = '<ins class="adsbygoogle" data-ad-client="ca-pub-0000000000000001" data-ad-slot="1234567890"></ins>\n'

describe('findDirectives', () => {
  it('reads the four kinds, their lines and the exact comment offsets', () => {
    const text = [
      'Intro.',
      '<!-- decruft-disable-next-line link-farm -->',
      'Body <!-- decruft-disable-line ad-slot --> text.',
      '<!-- decruft-disable duplicate-paragraph -->',
      '<!--decruft-enable-->',
    ].join('\n')
    const directives = findDirectives(text)
    expect(summary(directives)).toEqual([
      {kind: 'disable-next-line', rules: ['link-farm'], line: 2},
      {kind: 'disable-line', rules: ['ad-slot'], line: 3},
      {kind: 'disable', rules: ['duplicate-paragraph'], line: 4},
      {kind: 'enable', rules: [], line: 5},
    ])
    for (const directive of directives) {
      expect(text.slice(directive.start, directive.end)).toMatch(/^<!--\s*decruft-[a-z-]+.*-->$/)
      expect(text.slice(directive.start, directive.end)).toContain(directive.kind)
    }
  })

  it('splits rule lists on commas and/or spaces, reads no list as every rule and keeps a ` -- ` reason apart', () => {
    const text = [
      '<!-- decruft-disable ad-slot,link-farm -->',
      '<!-- decruft-disable ad-slot , link-farm   feed-footer -->',
      '<!-- decruft-disable -->',
      '<!-- decruft-disable-line ad-slot -- our own sponsor, kept on purpose -->',
      '<!-- decruft-disable -- everything in the quoted page -->',
    ].join('\n')
    const directives = findDirectives(text)
    expect(directives.map((directive) => directive.rules)).toEqual([
      ['ad-slot', 'link-farm'],
      ['ad-slot', 'link-farm', 'feed-footer'],
      [],
      ['ad-slot'],
      [],
    ])
    expect(directives.map((directive) => directive.reason)).toEqual([
      undefined,
      undefined,
      undefined,
      'our own sponsor, kept on purpose',
      'everything in the quoted page',
    ])
  })

  it('ignores look-alikes: other words, unclosed or multi-line comments, text outside a comment', () => {
    const text = [
      '<!-- decruft-disabled link-farm -->',
      '<!-- decruft-disable-next link-farm -->',
      '<!-- decruft-disable link-farm',
      '-->',
      'decruft-disable link-farm',
      '<!-- not decruft-disable -->',
    ].join('\n')
    expect(findDirectives(text)).toEqual([])
  })

  it('gives disable-next-line the span up to the end of the next line that is not blank or only directives', () => {
    const text = [
      '<!-- decruft-disable-next-line link-farm -->',
      '',
      '   ',
      '<!-- decruft-disable-next-line ad-slot -->',
      'The target line.',
      'Not the target.',
    ].join('\n')
    const [first, second] = findDirectives(text)
    const targetEnd = text.indexOf('The target line.') + 'The target line.'.length
    expect(first!.scope).toEqual({start: 0, end: targetEnd})
    expect(second!.scope).toEqual({start: text.indexOf('<!-- decruft-disable-next-line ad-slot'), end: targetEnd})
  })

  it('lets a disable-next-line with nothing after it run to the end of the text', () => {
    const text = 'Prose.\n<!-- decruft-disable-next-line -->\n\n'
    expect(findDirectives(text)[0]!.scope).toEqual({start: 7, end: text.length})
  })

  it('gives disable-line its own line, from the line break before it', () => {
    const text = 'First line.\nAn ad label <!-- decruft-disable-line ad-slot -->\nLast line.'
    const [directive] = findDirectives(text)
    expect(directive!.scope).toEqual({start: 'First line.'.length, end: text.indexOf('\nLast')})
  })

  it('skips directives in fenced code (backticks, tildes, longer closing fences, in quotes and lists)', () => {
    const text = [
      '```markdown',
      '<!-- decruft-disable link-farm -->',
      '```',
      '~~~~',
      '<!-- decruft-disable ad-slot -->',
      '~~~',
      '<!-- decruft-disable feed-footer -->',
      '~~~~',
      '> ```',
      '> <!-- decruft-disable ad-block -->',
      '> ```',
      '- ```',
      '  <!-- decruft-disable call-to-action -->',
      '  ```',
      '<!-- decruft-disable duplicate-paragraph -->',
    ].join('\n')
    expect(summary(findDirectives(text))).toEqual([{kind: 'disable', rules: ['duplicate-paragraph'], line: 15}])
  })

  it('skips a fence that is never closed to the end of the text', () => {
    expect(findDirectives('Text.\n\n```\n<!-- decruft-disable -->\n')).toEqual([])
  })

  it('skips indented code after a blank line or a heading, not an indented paragraph line', () => {
    const text = [
      'A paragraph.',
      '',
      '    <!-- decruft-disable link-farm -->',
      '    <!-- decruft-disable ad-slot -->',
      '# Heading',
      '    <!-- decruft-disable ad-block -->',
      'Another paragraph',
      '    <!-- decruft-disable feed-footer -->',
      '',
      '\t<!-- decruft-disable call-to-action -->',
    ].join('\n')
    expect(summary(findDirectives(text))).toEqual([{kind: 'disable', rules: ['feed-footer'], line: 8}])
  })

  it('skips directives in a code span on their line, and an escaped `<`', () => {
    const text = [
      'Write `<!-- decruft-disable-next-line link-farm -->` above the list.',
      'Or ``<!-- decruft-disable -->`` with two backticks.',
      'Escaped: \\<!-- decruft-disable ad-slot -->',
      'A `code span` then <!-- decruft-disable-line ad-block --> counts.',
    ].join('\n')
    expect(summary(findDirectives(text))).toEqual([{kind: 'disable-line', rules: ['ad-block'], line: 4}])
  })

  it('skips a frontmatter block at the start', () => {
    const yaml = '---\ntitle: "<!-- decruft-disable -->"\n---\n<!-- decruft-disable ad-slot -->\n'
    const toml = '+++\ntitle = "<!-- decruft-disable -->"\n+++\n<!-- decruft-disable ad-slot -->\n'
    for (const text of [yaml, toml]) expect(summary(findDirectives(text))).toEqual([{kind: 'disable', rules: ['ad-slot'], line: 4}])
  })

  it('reads CRLF text like LF text, with scopes on the same lines', () => {
    const lf = [
      'Intro.',
      '```',
      '<!-- decruft-disable -->',
      '```',
      '<!-- decruft-disable-next-line link-farm -->',
      '',
      'Target.',
      'Label <!-- decruft-disable-line ad-slot -->',
      '<!-- decruft-disable ad-block -->',
      '',
      '    <!-- decruft-enable -->',
    ].join('\n')
    const crlf = lf.replace(/\n/g, '\r\n')
    const fromLf = findDirectives(lf)
    const fromCrlf = findDirectives(crlf)
    expect(summary(fromCrlf)).toEqual(summary(fromLf))
    expect(fromCrlf).toHaveLength(3)
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length
    for (const [index, directive] of fromCrlf.entries()) {
      expect(crlf.slice(directive.start, directive.end)).toBe(lf.slice(fromLf[index]!.start, fromLf[index]!.end))
      if (!directive.scope) continue
      const lfScope = fromLf[index]!.scope!
      expect(lineOf(crlf, directive.scope.end)).toBe(lineOf(lf, lfScope.end))
      expect(crlf.slice(directive.scope.start, directive.scope.end).replace(/\r\n/g, '\n').trimEnd()).toBe(
        lf.slice(lfScope.start, lfScope.end).trimEnd(),
      )
    }
  })
})

describe('suppressedRanges', () => {
  const text = [
    '<!-- decruft-disable ad-slot, link-farm -->', // 1
    'a',
    '<!-- decruft-enable link-farm -->', // 3
    'b',
    '<!-- decruft-enable -->', // 5
    'c',
    '<!-- decruft-disable -->', // 7
    'd',
  ].join('\n')
  const directives = findDirectives(text)
  const at = (line: number) => directives.find((directive) => directive.line === line)!

  it('runs a region from the disabling comment to the end of the enabling one', () => {
    expect(suppressedRanges(directives, 'link-farm')).toEqual([
      {start: at(1).start, end: at(3).end},
      {start: at(7).start, end: Number.POSITIVE_INFINITY},
    ])
  })

  it('re-enables only the rule an enable names, and every rule with no list', () => {
    expect(suppressedRanges(directives, 'ad-slot')).toEqual([
      {start: at(1).start, end: at(5).end},
      {start: at(7).start, end: Number.POSITIVE_INFINITY},
    ])
  })

  it('lets a disable with no list take every rule, and leaves unnamed rules alone', () => {
    expect(suppressedRanges(directives, 'feed-footer')).toEqual([{start: at(7).start, end: Number.POSITIVE_INFINITY}])
    expect(suppressedRanges(findDirectives('<!-- decruft-disable ad-slot -->\nx'), 'link-farm')).toEqual([])
  })

  it('re-enables one rule of a region that disabled every rule', () => {
    const region = findDirectives('<!-- decruft-disable -->\na\n<!-- decruft-enable link-farm -->\nb')
    expect(suppressedRanges(region, 'link-farm')).toEqual([{start: 0, end: region[1]!.end}])
    expect(suppressedRanges(region, 'ad-slot')).toEqual([{start: 0, end: Number.POSITIVE_INFINITY}])
  })

  it('adds the line scopes of the rule’s line directives', () => {
    const lines = findDirectives('x <!-- decruft-disable-line link-farm -->\n<!-- decruft-disable-next-line ad-slot -->\ny')
    expect(suppressedRanges(lines, 'link-farm')).toEqual([lines[0]!.scope])
    expect(suppressedRanges(lines, 'ad-slot')).toEqual([lines[1]!.scope])
  })
})

describe('reportRemoval', () => {
  const text = 'Intro.\n\n<!-- decruft-disable-next-line link-farm -->\nKept by the directive.\n\nAfter.\n'
  const kept = text.indexOf('Kept')
  const init = {reason: 'test', shape: 'block' as const, start: kept, end: kept + 'Kept by the directive.\n'.length}

  it('does not record a removal that starts where the rule is suppressed, and counts it', () => {
    const file = new VFile({value: text})
    expect(reportRemoval(file, {...init, ruleId: 'link-farm'})).toBe(false)
    expect(file.messages).toEqual([])
    expect(suppressedCount(file)).toBe(1)
    expect(reportRemoval(file, {...init, ruleId: 'ad-slot'})).toBe(true)
    expect(removalsOf(file).map((removal) => removal.ruleId)).toEqual(['ad-slot'])
    expect(suppressedCount(file)).toBe(1)
  })

  it('judges by where the removal starts: one starting before the scope is recorded', () => {
    const file = new VFile({value: text})
    expect(reportRemoval(file, {ruleId: 'link-farm', reason: 'test', shape: 'block', start: 0, end: init.end})).toBe(true)
    expect(reportRemoval(file, {ruleId: 'link-farm', reason: 'test', shape: 'block', start: text.indexOf('After'), end: text.length})).toBe(
      true,
    )
    expect(suppressedCount(file)).toBe(0)
  })

  it('does not count a span an earlier removal already took', () => {
    const file = new VFile({value: text})
    expect(reportRemoval(file, {ruleId: 'ad-slot', reason: 'test', shape: 'block', start: 0, end: text.length})).toBe(true)
    expect(reportRemoval(file, {...init, ruleId: 'link-farm'})).toBe(false)
    expect(suppressedCount(file)).toBe(0)
  })

  it('reads the directives once per file, on file.data', () => {
    const file = new VFile({value: text})
    const first = directivesOf(file)
    expect(first).toHaveLength(1)
    expect(isSuppressed(file, 'link-farm', kept)).toBe(true)
    expect(isSuppressed(file, 'link-farm', text.indexOf('After'))).toBe(false)
    expect(directivesOf(file)).toBe(first)
  })
})

describe('unknownDirectiveRules', () => {
  it('lists the ids that are not rules, with their directive', () => {
    const directives = findDirectives(
      '<!-- decruft-disable link-farm, linkfarm -->\n<!-- decruft-enable -->\n<!-- decruft-disable-line ads -->',
    )
    const unknown = unknownDirectiveRules(directives, ruleIds)
    expect(unknown.map(({ruleId, directive}) => [ruleId, directive.line])).toEqual([
      ['linkfarm', 1],
      ['ads', 3],
    ])
  })
})

describe('clean with suppression comments', () => {
  it('keeps a link farm under disable-next-line and still removes a later one', () => {
    const text = `# Notes\n\nSome prose about the topic.\n\n<!-- decruft-disable-next-line link-farm -->\n${farm('kept')}\nMore prose in between.\n\n${farm('gone')}\nThe end.\n`
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['link-farm'])
    expect(result.removals[0]!.text).toContain('gone-getting-started')
    expect(result.markdown).toContain('<!-- decruft-disable-next-line link-farm -->\n**Also read:**')
    expect(result.markdown).toContain('kept-a-year-later')
    expect(result.markdown).not.toContain('gone-')
  })

  it('warns about a rule id a directive names that is not a rule, and suppresses nothing with it', () => {
    const text = `# Notes\n\nSome prose about the topic.\n\n<!-- decruft-disable-next-line link-frm -->\n${farm('typo')}\nThe end.\n`
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['link-farm'])
    expect(result.record.warnings).toEqual([
      expect.objectContaining({rule: 'suppression', line: 5, column: 1, reason: expect.stringContaining('`link-frm`')}),
    ])
    const message = result.messages.find((entry) => entry.ruleId === 'suppression')
    expect(message?.line).toBe(5)
    expect(message?.source).toBe('decruft')
  })

  it('does not warn about directives that name real rules', () => {
    const text = `# Notes\n\n<!-- decruft-disable-next-line link-farm ad-slot -->\n${farm('fine')}\nThe end.\n`
    expect(clean(text).record.warnings).toEqual([])
  })

  it('suppresses only the rules a directive names', () => {
    const text = `# Notes\n\nSome prose about the topic.\n\n<!-- decruft-disable-next-line ad-slot -->\n${farm('named')}\nThe end.\n`
    expect(cleanTwice(text).removals.map((removal) => removal.rule)).toEqual(['link-farm'])
  })

  it('keeps ad-slot finds in a region for ad-slot, while ad-block still removes its marked region there', () => {
    const text = [
      'Intro.',
      '',
      '<!-- decruft-disable ad-slot -->',
      '',
      adUnit,
      '<!-- ads start -->',
      '<div class="promo">Buy the deluxe edition today.</div>',
      '<!-- ads end -->',
      '',
      '<!-- decruft-enable ad-slot -->',
      '',
      'Between.',
      '',
      adUnit,
      'The end.',
      '',
    ].join('\n')
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => [removal.rule, removal.start.line])).toEqual([
      ['ad-block', 7],
      ['ad-slot', 15],
    ])
    expect(result.markdown.split('adsbygoogle')).toHaveLength(2)
    expect(result.markdown.indexOf('adsbygoogle')).toBeLessThan(result.markdown.indexOf('Between.'))
    expect(result.markdown).not.toContain('deluxe')
  })

  it('re-enables one rule of a region and leaves the other disabled to the end of the file', () => {
    const text = [
      '# Notes',
      '',
      '<!-- decruft-disable ad-slot, link-farm -->',
      '',
      'A paragraph.',
      '',
      farm('first'),
      '<!-- decruft-enable link-farm -->',
      '',
      'More prose here.',
      '',
      farm('second'),
      adUnit,
      'The end.',
      '',
    ].join('\n')
    const result = cleanTwice(text)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['link-farm'])
    expect(result.removals[0]!.text).toContain('second-getting-started')
    expect(result.markdown).toContain('first-getting-started')
    expect(result.markdown).toContain('adsbygoogle')
  })

  it('suppresses every rule when the list is empty', () => {
    const text = `# Notes\n\nSome prose.\n\n<!-- decruft-disable -->\n${farm('all')}\n${adUnit}\nThe end.\n`
    const result = cleanTwice(text)
    expect(result.removals).toEqual([])
    expect(result.markdown).toBe(text)
  })

  it('holds in the second pass, on what only a re-parse shows', () => {
    // The ad's wrapper opens an HTML block that swallows the glued lines: the
    // farm label is HTML to the first pass and Markdown once the ad is gone.
    const article = (between: string) =>
      `# Notes\n\nSome prose.\n\n<div class="ad-wrap">\n${adUnit}</div>\n${between}\n${farm('late')}\nThe end.\n`
    const suppressed = article('<!-- decruft-disable-next-line link-farm -->')
    const control = article('<!-- just a comment -->')

    const firstPass = new VFile({value: control})
    runRules(createParser().parse(control), firstPass, defaultRuleSet(), disabledRules())
    expect(removalsOf(firstPass).map((removal) => removal.ruleId)).toEqual(['ad-slot'])
    expect(cleanTwice(control).removals.map((removal) => removal.rule)).toEqual(['ad-slot', 'link-farm'])

    const result = cleanTwice(suppressed)
    expect(result.removals.map((removal) => removal.rule)).toEqual(['ad-slot'])
    expect(result.markdown).toContain('<!-- decruft-disable-next-line link-farm -->\n**Also read:**')
    expect(result.markdown).toContain('late-a-year-later')
  })

  it('does nothing for directives shown as code: a README documenting the syntax', () => {
    const text = [
      '# Keeping a list',
      '',
      'Put this above the list:',
      '',
      '```markdown',
      '<!-- decruft-disable-next-line link-farm -->',
      '```',
      '',
      'or write `<!-- decruft-disable link-farm -->` before it.',
      '',
      farm('docs'),
      'The end.',
      '',
    ].join('\n')
    expect(cleanTwice(text).removals.map((removal) => removal.rule)).toEqual(['link-farm'])
  })

  it('keeps the directive comments in the output (unsafe-html leaves them)', () => {
    const text = `Prose.\n\n<!-- decruft-disable link-farm -- curated -->\n\nMore prose <!-- decruft-disable-line --> here.\n\n<!-- decruft-enable -->\n`
    const result = cleanTwice(text, only(['unsafe-html']))
    expect(result.removals).toEqual([])
    expect(result.markdown).toBe(text)
  })

  it('behaves the same with CRLF line endings', () => {
    const text = `# Notes\n\nSome prose.\n\n<!-- decruft-disable-next-line link-farm -->\n\n${farm('kept')}\nMore prose.\n\n${farm('gone')}\nThe end.\n`
    const fromLf = cleanTwice(text)
    const fromCrlf = cleanTwice(text.replace(/\n/g, '\r\n'))
    expect(fromCrlf.markdown.replace(/\r\n/g, '\n')).toBe(fromLf.markdown)
    expect(fromCrlf.removals.map((removal) => [removal.rule, removal.start.line])).toEqual(
      fromLf.removals.map((removal) => [removal.rule, removal.start.line]),
    )
    expect(fromLf.markdown).toContain('kept-getting-started')
  })

  it('counts what directives kept on the pass’s file', () => {
    const text = `# Notes\n\nSome prose.\n\n<!-- decruft-disable ad-slot -->\n\n${adUnit}\nProse.\n\n${adUnit}\nThe end.\n`
    const file = new VFile({value: text})
    runRules(createParser().parse(text), file, defaultRuleSet(), disabledRules())
    expect(removalsOf(file)).toEqual([])
    expect(suppressedCount(file)).toBe(2)
  })
})

describe('keeps-suppressed-* fixtures', () => {
  const root = new URL('./fixtures/', import.meta.url).pathname
  const cases = readdirSync(root).flatMap((rule) =>
    readdirSync(join(root, rule))
      .filter((name) => name.startsWith('keeps-suppressed-'))
      .map((name) => ({rule: rule as RuleId, name, input: readFileSync(join(root, rule, name, 'input.md'), 'utf8')})),
  )

  it('exist for at least three rules', () => {
    expect(new Set(cases.map((entry) => entry.rule)).size).toBeGreaterThanOrEqual(3)
  })

  for (const {rule, name, input} of cases) {
    it(`${rule}/${name}: kept by its directives, removed once they are inert`, () => {
      expect(findDirectives(input).length).toBeGreaterThan(0)
      expect(clean(input, only([rule])).removals).toEqual([])
      // Same text, same comments, but no longer directives.
      const inert = input.replace(/decruft-(?=disable|enable)/g, 'not-decruft-')
      expect(findDirectives(inert)).toEqual([])
      expect(clean(inert, only([rule])).removals.filter((removal) => removal.rule === rule).length).toBeGreaterThan(0)
    })
  }
})

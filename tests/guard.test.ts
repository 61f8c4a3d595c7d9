/**
 * The pre-parse guard (src/engine/guard.ts): every hostile shape of issue 12
 * is refused by clean() with the guard's own message (the place, the
 * measure, the limit), not by a stack overflow after minutes of parsing;
 * ordinary articles, moderately nested ones included, pass untouched; each
 * limit is an option; what is not Markdown (code, raw HTML, comments) is
 * not counted.
 */
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {clean, CleanError, type CleanOptions} from '../src/index.js'
import {guardLimits, DEFAULT_GUARD_LIMITS, findParseHazard} from '../src/plugin-api.js'
import {generateCorpus} from '../scripts/lib/generate.js'
import {HOSTILE_SHAPES} from '../scripts/lib/hostile.js'
import {listFiles, tree} from './support/temp-tree.js'

const limits = guardLimits(1024 * 1024)

function refusal(text: string, options: CleanOptions = {}): CleanError {
  try {
    clean(text, {path: 'bad.md', ...options})
  } catch (error) {
    expect(error).toBeInstanceOf(CleanError)
    return error as CleanError
  }
  throw new Error('expected a CleanError')
}

/** The guard's refusal (and not the parser's): a guard message, no underlying cause, and findParseHazard agrees. */
function expectGuardRefusal(text: string, reason: RegExp, options: CleanOptions = {}): CleanError {
  const error = refusal(text, options)
  expect(error.reason).toMatch(reason)
  expect(error.reason).not.toBe('too deeply nested to parse safely')
  expect(error.cause).toBeUndefined()
  const hazard = findParseHazard(text, guardLimits(options.maxLength ?? 1024 * 1024, options.limits))
  expect(hazard?.reason).toBe(error.reason)
  expect([error.line, error.column]).toEqual([hazard?.line, hazard?.column])
  return error
}

const EXPECTED: Record<string, RegExp> = {
  'nested-list': /^too deeply nested: lists \d+ deep \(limit 64\)$/,
  'nested-ordered-list': /^too deeply nested: lists \d+ deep \(limit 64\)$/,
  'nested-blockquote': /^too deeply nested: block quotes \d+ deep \(limit 64\)$/,
  'nested-emphasis': /^too costly to parse: \d+ emphasis delimiters in one paragraph \(limit 3000\)$/,
  'open-emphasis': /^too costly to parse: \d+ emphasis delimiters in one paragraph \(limit 3000\)$/,
  'nested-links': /^too deeply nested: link brackets \d+ deep \(limit 64\)$/,
  'open-brackets': /^too deeply nested: link brackets \d+ deep \(limit 64\)$/,
  'nested-html': /^too deeply nested: HTML elements \d+ deep \(limit 256\)$/,
  'long-list': /^too large to parse safely: \d+ (list items|lines) \(limit \d+\)$/,
  'tiny-list': /^too large to parse safely: \d+ lines \(limit 32768\)$/,
}

describe('every hostile shape is refused by the guard, before parsing', () => {
  for (const shape of HOSTILE_SHAPES.filter((known) => known.name in EXPECTED)) {
    it(`${shape.name} (${shape.sizes[0]} ${shape.unit})`, () => {
      expectGuardRefusal(shape.make(shape.sizes[0]), EXPECTED[shape.name]!)
    })
  }
  it('the red team’s sizes too: a list 10,000 deep, block quotes 100,000 deep, 1.2 million tiny items', () => {
    expect(expectGuardRefusal(`${'- '.repeat(10_000)}x\n`, EXPECTED['nested-list']!).reason).toBe(
      'too deeply nested: lists 10000 deep (limit 64)',
    )
    expect(expectGuardRefusal(`${'> '.repeat(100_000)}x\n`, EXPECTED['nested-blockquote']!).message).toBe(
      'bad.md:1:129: too deeply nested: block quotes 100000 deep (limit 64)',
    )
    expect(expectGuardRefusal('- a\n'.repeat(1_200_000), /lines/, {maxLength: 5 * 1024 * 1024}).reason).toBe(
      'too large to parse safely: 1200000 lines (limit 163840)',
    )
  })
  it('names the line and column where the limit is crossed, with CRLF and CR line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# Title', '', 'Some text.', '', `${'> '.repeat(70)}deep`, ''].join(eol)
      const error = expectGuardRefusal(text, /block quotes 70 deep/)
      expect([error.line, error.column]).toEqual([5, 129])
    }
  })
  it('counts list nesting built from indentation, line by line', () => {
    const text = Array.from({length: 70}, (_, depth) => `${'  '.repeat(depth)}- level ${depth + 1}`).join('\n')
    const error = expectGuardRefusal(text, /^too deeply nested: lists 65 deep/)
    expect(error.line).toBe(65)
  })
  it('emphasis closers with no opener (quadratic for the parser) are counted, not only nesting', () => {
    expectGuardRefusal(`${'a* '.repeat(4000)}\n`, /^too costly to parse: 4000 emphasis delimiters/)
    expectGuardRefusal(`${'a] '.repeat(4000)}\n`, /^too costly to parse: 4000 closing brackets in one paragraph \(limit 3000\)$/)
  })
  it('many paragraphs each under the per-paragraph limits add up (the sum of their squares): refused at the paragraph that crosses', () => {
    const paragraph = `${'a* '.repeat(2500)}\n\n`
    const error = expectGuardRefusal(
      paragraph.repeat(20),
      /^too costly to parse: 106250000 units of inline parsing work \(per paragraph: emphasis delimiters squared, plus closing brackets squared, plus unclosed HTML comments and declarations times its length \/ 2\), by this paragraph \(limit 100000000\)$/,
    )
    expect([error.line, error.column]).toEqual([33, 2])
    expect(findParseHazard(paragraph.repeat(16), limits)).toBeUndefined()
  })
  it('lines deep inside containers add up: each line counts once per list or block quote it is in', () => {
    const text = `${'> '.repeat(64)}x\n`.repeat(1100)
    const error = expectGuardRefusal(
      text,
      /^too large to parse safely: 65600 lines in lists and block quotes, counting each line once per level \(limit 65536\)$/,
    )
    expect([error.line, error.column]).toEqual([1025, 1])
    expect(findParseHazard(`${'> '.repeat(64)}x\n`.repeat(1000), limits)).toBeUndefined()
  })
  it("unclosed inline HTML (comments, instructions, declarations, CDATA) counts its number times the paragraph's length: the parser reads to the end for each", () => {
    for (const opener of ['<!-- x ', '<? x ', '<!a x ', '<![CDATA[ x ']) {
      expectGuardRefusal(`text ${opener.repeat(8000)}\n`, /^too costly to parse: \d+ units of inline parsing work .*\(limit 100000000\)$/)
    }
    // A few unclosed openers, and any number of closed ones, cost nothing worth refusing.
    expect(findParseHazard(`text ${'<!-- x '.repeat(50)}${'word '.repeat(20_000)}\n`, limits)).toBeUndefined()
    expect(findParseHazard(`text ${'<!-- x --> <?y?> <!b> '.repeat(20_000)}\n`, limits)).toBeUndefined()
    // In an HTML block (a line that starts with `<!--`), there is no inline HTML to rescan.
    expect(findParseHazard(`${'<!--'.repeat(80_000)}\n`, limits)).toBeUndefined()
  })
  it('strikethrough closers count as emphasis delimiters (GFM matches them the same way); longer tilde runs do not', () => {
    expectGuardRefusal(`${'a~~ '.repeat(2000)}\n`, /^too costly to parse: 4000 emphasis delimiters in one paragraph/)
    expect(findParseHazard(`${'a~~~ '.repeat(2000)}\n`, limits)).toBeUndefined()
  })
})

describe('ordinary articles pass', () => {
  const moderate = [
    '---',
    'title: Nested, but not hostile',
    'tags: [a, b]',
    '---',
    '',
    '# Setting up the printer',
    '',
    'Open the *Settings* app, then **Devices** and ***Printers***; see [the guide](https://example.com/guide) and [![logo](https://example.com/logo.png)](https://example.com).',
    '',
    ...Array.from(
      {length: 10},
      (_, depth) => `${'  '.repeat(depth)}- step ${depth + 1}: *check* the [cable](https://example.com/${depth})`,
    ),
    '',
    ...Array.from({length: 10}, (_, depth) => `${'> '.repeat(depth + 1)}quoted ${depth + 1}`),
    '',
    `${'<div>'.repeat(20)}nested widget${'</div>'.repeat(20)}`,
    '',
    '| name | link |',
    '| --- | --- |',
    ...Array.from(
      {length: 400},
      (_, row) =>
        `| row ${row} | [item *${row}*](https://example.com/${row}) [b](https://example.com/b) [c](https://example.com/c) [d](https://example.com/d) |`,
    ),
    '',
    '```c',
    ...Array.from({length: 2000}, (_, line) => `int *p${line} = a[${line}] * b[${line}]; /* - - - */`),
    '```',
    '',
    '<script>',
    ...Array.from({length: 2000}, (_, line) => `var x${line} = [[${line}]] * [${line}];`),
    '</script>',
    '',
    '    ' + '*a '.repeat(500),
    '    ' + 'b] '.repeat(500),
    '',
    '<!--',
    ...Array.from({length: 200}, () => `${'> '.repeat(100)} not a quote: a comment`),
    '-->',
    '',
    'The end, with `**kwargs` and `a[0]` in code spans, snake_case_names and 2*3*4.',
    '',
  ].join('\n')

  it('a moderately nested article (10-level lists and quotes, 20-deep HTML, a 400-row link table, big code blocks) passes the guard', () => {
    expect(findParseHazard(moderate, limits)).toBeUndefined()
    const {markdown} = clean(moderate, {path: 'ok.md', disable: ['unsafe-html']})
    expect(markdown).toBe(moderate)
  })
  it('the generated corpus passes the guard, and so does a 1 MiB ordinary article', () => {
    for (const article of generateCorpus(300, 20240601)) expect(findParseHazard(article.text, limits), article.name).toBeUndefined()
    const big = HOSTILE_SHAPES.find((shape) => shape.name === 'ordinary-article')!.make(1_000_000)
    expect(findParseHazard(big, limits)).toBeUndefined()
  })
  it('a long single line within the size limit passes', () => {
    expect(findParseHazard(`${'word '.repeat(200_000)}\n`, limits)).toBeUndefined()
  })
  it('never refuses a paragraph whose counts stay at their limits (property, seeded)', () => {
    const settings = {
      numRuns: Number(process.env['FC_RUNS'] ?? 50),
      seed: process.env['FC_SEED'] === undefined ? 20261205 : Number(process.env['FC_SEED']),
    }
    fc.assert(
      fc.property(fc.integer({min: 1, max: 64}), fc.integer({min: 1, max: 64}), fc.integer({min: 1, max: 1500}), (quotes, lists, pairs) => {
        const text = `${'> '.repeat(quotes)}text\n\n${'- '.repeat(lists)}item\n\n${'*a* '.repeat(pairs)}\n`
        return findParseHazard(text, limits) === undefined
      }),
      settings,
    )
  })
})

describe('limits are options', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_GUARD_LIMITS).toEqual({
      containerDepth: 64,
      bracketDepth: 64,
      htmlDepth: 256,
      emphasisDelimiters: 3000,
      closingBrackets: 3000,
      inlineWork: 100_000_000,
    })
    expect(guardLimits(1024 * 1024)).toMatchObject({lines: 32_768, listItems: 10_486, nestedLines: 65_536})
  })
  it('a lower limit refuses, a higher one lets the document through to the parser', () => {
    const text = '- a\n  - b\n    - c\n      - d\n'
    expectGuardRefusal(text, /^too deeply nested: lists 4 deep \(limit 3\)$/, {limits: {containerDepth: 3}})
    expect(() => clean(`${'> '.repeat(100)}x\n`, {limits: {containerDepth: 100}})).not.toThrow()
    expectGuardRefusal('<div><div><div>x</div></div></div>\n', /HTML elements 3 deep \(limit 2\)/, {limits: {htmlDepth: 2}})
    expectGuardRefusal('[[[x]]]\n', /link brackets 3 deep \(limit 2\)/, {limits: {bracketDepth: 2}})
  })
  it('lines and list items scale with maxLength', () => {
    const list = '- a\n'.repeat(200)
    expectGuardRefusal(list, /^too large to parse safely: 200 lines \(limit 157\)$/, {maxLength: 5000})
    expectGuardRefusal(list, /^too large to parse safely: 200 list items \(limit 50\)$/, {maxLength: 5000, limits: {lines: 1000}})
    expect(() => clean(list, {maxLength: 100_000})).not.toThrow()
  })
})

describe('on the command line', () => {
  it('a refused file is named with the place and cause, exit code 3, and the batch goes on', async () => {
    const root = tree({
      'in/deep.md': `# Deep\n\n${'> '.repeat(100_000)}x\n`,
      'in/stars.md': `${'*_'.repeat(25_000)}x${'_*'.repeat(25_000)}\n`,
      'in/fine.md': '# Fine\n\n- a\n  - b\n    - c\n',
    })
    const chunks: string[] = []
    const stderr = {write: (chunk: string) => chunks.push(chunk)}
    const code = await main({
      argv: ['in', '--out', 'out', '--quiet'],
      cwd: root,
      stdin: undefined,
      stdout: {write: () => true},
      stderr,
      env: {},
      isTTY: false,
    })
    expect(code).toBe(ExitCode.failures)
    const text = chunks.join('')
    expect(text).toMatch(/^decruft: in\/deep\.md:3:129: too deeply nested: block quotes 100000 deep \(limit 64\)$/m)
    expect(text).toMatch(
      /^decruft: in\/stars\.md:1:3001: too costly to parse: 100000 emphasis delimiters in one paragraph \(limit 3000\)$/m,
    )
    expect(listFiles(join(root, 'out'))).toEqual(['fine.json', 'fine.md'])
  })
})

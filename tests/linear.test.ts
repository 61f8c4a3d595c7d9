/**
 * decruft's own scanners stay linear on unclosed openers (issue 12: 80,000
 * `<!--` took 36 s, 80,000 `<a ` 50 s). Two kinds of test, no wall time:
 * - the linear helpers give exactly what the quadratic regular expressions
 *   they replace gave (fast-check, seeded; `FC_RUNS`/`FC_SEED` explore more);
 * - a size where the old rescanning would take minutes (n² ≈ 10¹¹ character
 *   steps) finishes within vitest's default time-out; linear, it takes
 *   milliseconds.
 * Per-shape timings are in the benchmark (scripts/lib/adversarial.js).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {nextMatch, replaceComments, replaceDelimited, replaceTags} from '../src/core/delimited.js'
import {scanHtml} from '../src/core/html.js'

const settings = {numRuns: Number(process.env['FC_RUNS'] ?? 300), seed: Number(process.env['FC_SEED'] ?? 12)}
/** Text made of the pieces that matter to tags and comments. */
const markup = fc
  .array(
    fc.constantFrom('<', '>', '<!--', '-->', '--', '<a ', '</a>', 'x', ' ', '\n', '"', '<script>', '</script>', '<style ', '</STYLE >'),
    {maxLength: 40},
  )
  .map((parts) => parts.join(''))

describe('linear replacements match the regular expressions they replace', () => {
  it('replaceTags is text.replace(/<[^>]*>/g, …)', () => {
    fc.assert(
      fc.property(markup, (text) => {
        expect(replaceTags(text, ' ')).toBe(text.replace(/<[^>]*>/g, ' '))
      }),
      settings,
    )
  })
  it('replaceComments is text.replace(/<!--[\\s\\S]*?-->/g, …)', () => {
    fc.assert(
      fc.property(markup, (text) => {
        expect(replaceComments(text, ' ')).toBe(text.replace(/<!--[\s\S]*?-->/g, ' '))
      }),
      settings,
    )
  })
  it('replaceDelimited with a closer per opener is /<(script|style)\\b[\\s\\S]*?<\\/\\1\\s*>/gi', () => {
    const close = (open: RegExpExecArray) => (open[1]!.toLowerCase() === 'script' ? /<\/script\s*>/gi : /<\/style\s*>/gi)
    fc.assert(
      fc.property(markup, (text) => {
        expect(replaceDelimited(text, /<(script|style)\b/gi, close, ' ')).toBe(text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' '))
      }),
      settings,
    )
  })
  it('nextMatch answers as a fresh search does, for offsets in any order', () => {
    fc.assert(
      fc.property(markup, fc.array(fc.nat(45), {maxLength: 10}), (text, offsets) => {
        const next = nextMatch(text, '-->')
        for (const offset of offsets) {
          const start = text.indexOf('-->', offset)
          expect(next(offset)).toEqual(start === -1 ? undefined : {start, end: start + 3})
        }
      }),
      settings,
    )
  })
})

describe('scanHtml finds what the one regular expression found', () => {
  // The scanner before issue 12 (comments and tags in one pattern, rescanning per opener), without skip ranges or blocks.
  const OLD = /<!--([\s\S]*?)-->|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g
  const BLANK_LINE = /\n[ \t]*\r?\n/
  function oldScan(text: string): Array<[number, number]> {
    const found: Array<[number, number]> = []
    OLD.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = OLD.exec(text))) {
      let slashes = 0
      for (let at = match.index - 1; at >= 0 && text[at] === '\\'; at--) slashes++
      if (slashes % 2 === 1) continue
      if (match[1] === undefined && BLANK_LINE.test(match[0])) {
        OLD.lastIndex = match.index + 1
        continue
      }
      found.push([match.index, match.index + match[0].length])
    }
    return found
  }
  const html = fc
    .array(fc.constantFrom('<', '>', '<!--', '-->', '<a ', '<a b="', '"', "'", '</a>', '<b/>', 'x', ' ', '\n', '\n\n', '\\', '='), {
      maxLength: 40,
    })
    .map((parts) => parts.join(''))
  it('same tokens at the same offsets', () => {
    fc.assert(
      fc.property(html, (text) => {
        expect(scanHtml(text).map((token) => [token.start, token.end])).toEqual(oldScan(text))
      }),
      settings,
    )
  })
})

describe('unclosed openers cost one scan, not one each', () => {
  // Each size below is ~10¹¹ character steps for a scan that rescans the rest per opener: minutes, not milliseconds.
  it('250,000 unclosed `<!--`', () => {
    expect(scanHtml('<!--'.repeat(250_000))).toEqual([])
  })
  it('250,000 `<a ` in an HTML block, and unclosed tags stripped from a slice', () => {
    const text = `<div>\n${'<a '.repeat(250_000)}`
    expect(scanHtml(text).map((token) => (token.kind === 'comment' ? '' : token.name))).toEqual(['div'])
    expect(replaceTags(text)).toBe(`\n${'<a '.repeat(250_000)}`)
    expect(replaceComments('<!-- x'.repeat(200_000))).toBe('<!-- x'.repeat(200_000))
  })
})

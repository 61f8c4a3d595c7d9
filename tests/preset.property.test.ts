/**
 * The cleaning preset on generated spammy articles (the pieces of
 * scripts/lib/generate.js: frontmatter styles, ad regions, AdSense units,
 * link farms, affiliate sentences, repeated paragraphs; CRLF or LF, with or
 * without a BOM, with Markdown noise spliced in): in both plugin orders, the
 * processor's output is `clean(text).markdown` byte for byte and the file's
 * messages are `clean`'s.
 *
 * A failing case prints its seed and a shrunk counterexample; rerun one with
 * `FC_SEED=<seed> npx vitest run tests/preset.property.test.ts`, explore
 * more with `FC_RUNS`.
 */
import fc from 'fast-check'
import {remark} from 'remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {buildArticle, FRONTMATTER_STYLES, PIECE_NAMES, type ArticleSpec} from '../scripts/lib/generate.js'
import {clean, decruft} from '../src/index.js'

const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 60)
const SEED = process.env['FC_SEED'] === undefined ? 20261206 : Number(process.env['FC_SEED'])

/** Markdown-significant noise: markers, brackets, comments, ad markup, line breaks. */
const noise = fc
  .array(
    fc.constantFrom(
      '<',
      '>',
      '*',
      '`',
      '```',
      '\n',
      '\r\n',
      '  ',
      '#',
      '[',
      ']',
      '(',
      ')',
      '-->',
      '<!--',
      '<!-- ads end -->',
      '</ins>',
      '|',
      '---',
      '\\',
    ),
    {maxLength: 8},
  )
  .map((parts) => parts.join(''))

const article = fc
  .record<ArticleSpec>({
    frontmatter: fc.constantFrom<string | null>(null, ...FRONTMATTER_STYLES),
    frontmatterSeed: fc.nat(),
    blocks: fc.array(fc.tuple(fc.constantFrom(...PIECE_NAMES, 'repeat'), fc.nat()), {maxLength: 10}),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    insert: fc.option(fc.record({text: noise, at: fc.nat()}), {nil: undefined}),
  })
  .map((spec) => buildArticle(spec))

function said(messages: readonly VFileMessage[]) {
  return messages.map(({reason, ruleId, source, place, actual, expected, fatal}) => ({
    reason,
    ruleId,
    source,
    place,
    actual,
    expected,
    fatal,
  }))
}

describe('decruft (the cleaning preset), on generated articles', () => {
  it('gives clean()’s markdown and messages in both plugin orders', () => {
    const stringifyFirst = remark().use(remarkFrontmatter).use(decruft)
    const stringifyLast = unified().use(remarkParse).use(remarkFrontmatter).use(decruft).use(remarkStringify)
    fc.assert(
      fc.property(article, (text) => {
        const expected = clean(text, {path: 'article.md'})
        for (const processor of [stringifyFirst, stringifyLast]) {
          const file = processor.processSync(new VFile({path: 'article.md', value: text}))
          expect(String(file)).toBe(expected.markdown)
          expect(said(file.messages)).toEqual(said(expected.messages))
        }
      }),
      {numRuns: NUM_RUNS, seed: SEED, endOnFailure: false},
    )
  })
})

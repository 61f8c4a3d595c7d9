import {describe, expect, it} from 'vitest'
import {clean, CleanError} from '../src/index.js'
import {recordSchema} from '../src/plugin-api.js'

describe('the JSON record', () => {
  const input = [
    '---',
    'title: A post',
    'keywords: one, two',
    '---',
    '',
    '# A post',
    '',
    'Read [the docs](https://docs.example.org/a) or https://example.com/b. Get [Tool](https://tools.techidaily.com/x/) now.',
    '',
    '![A chart](https://img.example.org/c.png)',
    '',
    '<!-- affiliate ads begin -->',
    '<a href="https://x.pxf.io/c/1"><img src="https://ads.example/banner.png"></a>',
    '<!-- affiliate ads end -->',
    '',
    '```js',
    'const x = 1',
    '```',
    '',
  ].join('\n')
  const {record} = clean(input, {path: 'posts/a.md'})

  it('validates against its schema', () => {
    expect(() => recordSchema.parse(record)).not.toThrow()
  })
  it('names its source and holds the normalised frontmatter', () => {
    expect(record.source).toBe('posts/a.md')
    expect(record.frontmatter).toEqual({title: 'A post', keywords: ['one', 'two']})
  })
  it('lists headings, kept links (bare URLs too) and images with input lines', () => {
    expect(record.headings).toEqual([{depth: 1, text: 'A post', line: 6}])
    expect(record.links).toEqual([
      {url: 'https://docs.example.org/a', text: 'the docs', line: 8},
      {url: 'https://example.com/b', text: 'https://example.com/b', line: 8},
    ])
    expect(record.images).toEqual([{url: 'https://img.example.org/c.png', alt: 'A chart', line: 10}])
  })
  it('has the clean body and its text, without removed spans', () => {
    expect(record.markdown.startsWith('\n# A post')).toBe(true)
    expect(record.markdown).not.toContain('pxf.io')
    expect(record.text).toContain('Get Tool now.')
    expect(record.text).toContain('const x = 1')
    expect(record.text).not.toContain('banner')
  })
  it('counts removals per rule (an unlinked link, two parts, is one) and bytes in and out', () => {
    expect(record.stats.removals).toEqual({frontmatter: 1, 'affiliate-link': 1, 'ad-block': 1})
    expect(record.stats.bytesIn).toBe(new TextEncoder().encode(input).length)
    expect(record.stats.bytesOut).toBeLessThan(record.stats.bytesIn)
    expect(record.stats.words).toBeGreaterThan(10)
  })
  it('records each removal with its exact text and position', () => {
    for (const removal of record.removals) {
      if (removal.replacement === undefined) expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
    }
    const keywords = record.removals.find((removal) => removal.key === 'keywords')
    expect(keywords?.text).toBe('keywords: one, two')
    expect(keywords?.replacement).toContain('- one')
    expect(keywords?.start.line).toBe(3)
  })
  it('gives the two parts of an unlinked link, each exact, the start offset of the first as their group', () => {
    const parts = record.removals.filter((removal) => removal.rule === 'affiliate-link')
    expect(parts.map((part) => part.text)).toEqual(['[', '](https://tools.techidaily.com/x/)'])
    const opening = input.indexOf('[Tool]')
    expect(parts.map((part) => part.group)).toEqual([opening, opening])
    expect(parts[0]?.start.offset).toBe(opening)
    // A removal of one span has no group.
    expect(record.removals.filter((removal) => removal.rule !== 'affiliate-link').every((removal) => removal.group === undefined)).toBe(
      true,
    )
  })
  it('counts a group once per rule even after a BOM, whose offset it counts', () => {
    const withBom = clean(`\uFEFF${input}`, {path: 'posts/a.md'}).record
    expect(withBom.stats.removals).toEqual({frontmatter: 2, 'affiliate-link': 1, 'ad-block': 1})
    const parts = withBom.removals.filter((removal) => removal.rule === 'affiliate-link')
    expect(parts.map((part) => part.group)).toEqual([input.indexOf('[Tool]') + 1, input.indexOf('[Tool]') + 1])
    expect(parts[0]?.start.offset).toBe(input.indexOf('[Tool]') + 1)
  })
})

describe('messages', () => {
  it('carry rule id, source, place and the removed text, one per removal', () => {
    const input = 'Keep.\n\n<!-- affiliate ads begin -->\nad\n<!-- affiliate ads end -->\n\nKeep too.\n'
    const result = clean(input, {path: 'm.md'})
    expect(result.messages).toHaveLength(result.removals.length)
    const [message] = result.messages
    expect(message?.ruleId).toBe('ad-block')
    expect(message?.source).toBe('decruft')
    expect(message?.line).toBe(3)
    expect(message?.actual).toBe(result.removals[0]?.text)
    expect(message?.file).toBe('m.md')
  })

  it('make one message of an unlinked link: placed at its `[`, the link in `actual`, its words in `expected`', () => {
    const input = 'Fix it with [**Driver Easy**](https://www.amazon.com/dp/B01/?tag=shop-20) today.\n'
    const result = clean(input, {path: 'm.md'})
    expect(result.removals.map((removal) => removal.text)).toEqual(['[', '](https://www.amazon.com/dp/B01/?tag=shop-20)'])
    expect(result.messages).toHaveLength(1)
    const [message] = result.messages
    expect(message?.ruleId).toBe('affiliate-link')
    expect([message?.line, message?.column]).toEqual([1, 13])
    expect(message?.place).toMatchObject({end: {line: 1, column: 74}})
    expect(message?.actual).toBe('[**Driver Easy**](https://www.amazon.com/dp/B01/?tag=shop-20)')
    expect(message?.expected).toEqual(['**Driver Easy**'])
  })
})

describe('inputs clean() refuses', () => {
  const failure = (text: string, options = {}) => {
    try {
      clean(text, {path: 'bad.md', ...options})
    } catch (error) {
      return error as CleanError
    }
    throw new Error('expected a CleanError')
  }
  it('names a document nested too deeply to parse safely, before parsing it (the guard: place, depth, limit)', () => {
    const error = failure(`${'>'.repeat(20_000)} x\n`)
    expect(error).toBeInstanceOf(CleanError)
    expect(error.message).toBe('bad.md:1:65: too deeply nested: block quotes 20000 deep (limit 64)')
  })
  it('still names a parse that overflows the stack, when the guard is told to let it through', () => {
    const error = failure(`${'>'.repeat(20_000)} x\n`, {limits: {containerDepth: 1_000_000}})
    expect(error.message).toBe('bad.md: too deeply nested to parse safely')
  })
  it('names a document over the size limit', () => {
    expect(failure('x'.repeat(101), {maxLength: 100}).message).toBe('bad.md: file too large (101 characters, limit 100)')
  })
  it('names binary input', () => {
    expect(failure('ab\u0000cd').reason).toBe('binary file (contains NUL bytes)')
  })
  it('does not refuse frontmatter it cannot read: it keeps it and warns, with the line in the file', () => {
    const text = '---\ntitle: ok\ntags: [unclosed\n---\n\nBody\n'
    const {markdown, record} = clean(text, {path: 'bad.md'})
    expect(markdown).toBe(text)
    expect(record.warnings).toEqual([expect.objectContaining({rule: 'frontmatter', line: 3})])
  })
})

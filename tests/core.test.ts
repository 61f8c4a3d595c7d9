import {describe, expect, it} from 'vitest'
import {applyEdits} from '../src/engine/apply.js'
import {pairElements, parseAttributes, scanHtml} from '../src/core/html.js'
import {blockSpan} from '../src/engine/span.js'

describe('applyEdits', () => {
  it('splices edits and keeps every other byte', () => {
    expect(
      applyEdits('a-b-c', [
        {start: 1, end: 2},
        {start: 3, end: 4, replacement: '+'},
      ]),
    ).toBe('ab+c')
  })
  it('drops an edit inside an earlier one', () => {
    expect(
      applyEdits('abcdef', [
        {start: 1, end: 5},
        {start: 2, end: 3},
      ]),
    ).toBe('af')
  })
  it('throws on partly overlapping edits', () => {
    expect(() =>
      applyEdits('abcdef', [
        {start: 1, end: 4},
        {start: 3, end: 5},
      ]),
    ).toThrow(/overlapping/)
  })
})

describe('blockSpan', () => {
  const span = (text: string, needle: string) => {
    const start = text.indexOf(needle)
    const {start: from, end: to} = blockSpan(text, start, start + needle.length)
    return text.slice(0, from) + text.slice(to)
  }
  it('takes whole lines and one blank line between paragraphs', () => {
    expect(span('a\n\nAD\n\nb\n', 'AD')).toBe('a\n\nb\n')
  })
  it('keeps the line break when glued to the next block', () => {
    expect(span('a\n\nAD\n## H\n', 'AD')).toBe('a\n\n## H\n')
  })
  it('removes exactly when text shares the line', () => {
    expect(span('see AD here\n', 'AD')).toBe('see  here\n')
  })
  it('treats a text that starts with a blank line like any other', () => {
    expect(span('\nAD\n\nb\n', 'AD')).toBe('\nb\n')
    expect(span('\r\nAD\r\n\r\nb\r\n', 'AD')).toBe('\r\nb\r\n')
  })
  it('handles CRLF', () => {
    expect(span('a\r\n\r\nAD\r\n\r\nb\r\n', 'AD')).toBe('a\r\n\r\nb\r\n')
  })
  it('takes the blank line before at the end of the text', () => {
    expect(span('a\n\nAD\n', 'AD')).toBe('a\n')
  })
})

describe('HTML scanner', () => {
  it('parses attributes in all quoting styles', () => {
    expect(parseAttributes(' class="a b" data-x=\'1\' hidden width=0')).toEqual({class: 'a b', 'data-x': '1', hidden: '', width: '0'})
  })
  it('pairs elements across lines and skips code ranges', () => {
    const text = '<ins class="adsbygoogle"\n  data-ad-slot="1"></ins>\n`<ins class="x"></ins>`\n<img src=a>'
    const code: Array<[number, number]> = [[text.indexOf('`'), text.lastIndexOf('`') + 1]]
    const elements = pairElements(scanHtml(text, code))
    expect(elements.map((element) => element.name)).toEqual(['ins', 'img'])
    expect(text.slice(elements[0]!.start, elements[0]!.end)).toBe('<ins class="adsbygoogle"\n  data-ad-slot="1"></ins>')
    expect(elements[1]!.closed).toBe(true)
  })
  it('skips backslash-escaped tags', () => {
    expect(scanHtml('\\<span class="x"> and \\\\<b>').map((token) => (token.kind === 'comment' ? '' : token.name))).toEqual(['b'])
  })
  it('finds comments', () => {
    const tokens = scanHtml('x <!-- affiliate ads begin --> y')
    expect(tokens).toEqual([{kind: 'comment', value: ' affiliate ads begin ', start: 2, end: 30}])
  })
  const names = (tokens: ReturnType<typeof scanHtml>) =>
    tokens.map((token) => (token.kind === 'comment' ? '!' : `${token.kind === 'close' ? '/' : ''}${token.name}`))
  it('takes no tag that holds a blank line (a quote left open runs over paragraphs)', () => {
    const text = '[A](https://x.example/">A</a> / <a href="https://x.example/?u=1)\n\n## Next\n\n[B](https://x.example/?u=2">B</a>'
    expect(names(scanHtml(text))).toEqual(['/a', '/a'])
  })
  it('takes no tag or comment that runs into code', () => {
    const text = '<ins class="ad"\n```\ndata-x="1">\n```\n<!-- a\n`-->`'
    const code: Array<[number, number]> = [
      [text.indexOf('```'), text.lastIndexOf('```') + 3],
      [text.lastIndexOf('`-->`'), text.length],
    ]
    expect(names(scanHtml(text, code))).toEqual([])
  })
  it('reads a `<` in text before a tag as text, not as an attribute name', () => {
    const text = '<Output: then\n<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>'
    expect(names(scanHtml(text))).toEqual(['ins', '/ins'])
  })
  it('takes no tag that runs past the end of the block it starts in', () => {
    const text = '<ins class="ad"\n  data-x="1"\n><b>quoted</b>'
    const blocks: Array<[number, number]> = [
      [0, text.indexOf('\n>')],
      [text.indexOf('\n>') + 3, text.length],
    ]
    expect(names(scanHtml(text, [], blocks))).toEqual(['b', '/b'])
  })
})

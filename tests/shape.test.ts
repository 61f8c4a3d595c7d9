/**
 * The removal shapes one by one (engine/shape.ts): spans that keep each shape
 * and spans that break it, with the parsed tree's block structure and
 * without; and how `reportRemoval` holds a removal to its rule's shapes.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {removalsOf} from '../src/index.js'
import {createParser, reportRemoval, shapeStructure, shapeViolation, type Shape, defaultShapeCheckMode} from '../src/plugin-api.js'
import {enterRule, ShapeError, setShapeCheckMode} from '../src/engine/shape-check.js'

const parser = createParser()

/** Why the first occurrence of `needle` (or `[from, to)` of it) in `text` breaks `shape`, with the tree's structure. */
function violation(text: string, needle: string, shape: Shape, withTree = true): string | undefined {
  const start = text.indexOf(needle)
  if (start === -1) throw new Error(`no ${JSON.stringify(needle)} in the text`)
  const structure = withTree ? shapeStructure(parser.parse(text)) : undefined
  return shapeViolation(text, {start, end: start + needle.length}, shape, structure)
}

describe('url-part', () => {
  const text = '[Docs](https://x.example/a?utm_source=feed&amp;id=3)\n\n## Next\n'
  it('keeps parameters inside one URL', () => {
    expect(violation(text, '?utm_source=feed&amp;', 'url-part')).toBeUndefined()
  })
  it('breaks on white space, line breaks and markup', () => {
    expect(violation(text, 'id=3)\n\n## Next', 'url-part')).toMatch(/white space/)
    expect(violation('<a href="https://x.example/?u=1">x</a>', '?u=1">x', 'url-part')).toMatch(/`"`/)
  })
})

describe('inline', () => {
  const text = 'First [link](https://x.example) here.\n\nSecond paragraph.\n\n| a | [b](https://y.example) |\n| - | - |\n| c | d |\n'
  it('keeps a span inside one paragraph or table cell', () => {
    expect(violation(text, '[link](https://x.example) ', 'inline')).toBeUndefined()
    expect(violation(text, '[b](https://y.example)', 'inline')).toBeUndefined()
  })
  it('breaks across blocks, and across cells', () => {
    expect(violation(text, 'here.\n\nSecond', 'inline')).toMatch(/one leaf block/)
    expect(violation(text, 'a | [b]', 'inline')).toMatch(/one leaf block/)
  })
  it('without the tree, breaks on a blank line only', () => {
    expect(violation(text, 'here.\n\nSecond', 'inline', false)).toMatch(/blank line/)
    expect(violation(text, 'a | [b]', 'inline', false)).toBeUndefined()
  })
})

describe('block', () => {
  const text =
    'Keep this.\nRelated posts:\n- [A](https://a.example/)\n- [B](https://b.example/)\n\n> Quoted words.\n\n```\ncode one\ncode two\n```\n\nBuy [it](https://x.example) See also: [C](https://c.example/) [D](https://d.example/)\n'
  it('keeps whole lines: a paragraph, a label on the last line of one and its list, after container markers', () => {
    expect(violation(text, 'Related posts:\n- [A](https://a.example/)\n- [B](https://b.example/)\n\n', 'block')).toBeUndefined()
    expect(violation(text, 'Quoted words.\n', 'block')).toBeUndefined()
    expect(violation(text, '- [B](https://b.example/)\n', 'block')).toBeUndefined()
  })
  it('keeps the rest of a paragraph from inside a line (a label after a link)', () => {
    expect(violation(text, 'See also: [C](https://c.example/) [D](https://d.example/)\n', 'block')).toBeUndefined()
  })
  it('breaks when it starts or ends inside a line', () => {
    expect(violation(text, 'this.\nRelated', 'block')).toMatch(/line start/)
    expect(violation(text, 'Keep this', 'block')).toMatch(/line end/)
  })
  it('breaks when it takes part of a code block', () => {
    expect(violation(text, '```\ncode one\n', 'block')).toMatch(/code block/)
  })
})

describe('html', () => {
  const text =
    'Text <span onclick="x()">here</span> and <b>bold</b>.\n\n<div class="ad">\n\nSome words.\n\n</div>\n\n<!-- ads begin -->\n\nAd.\n\n<!-- ads end -->\n\nThe end.\n'
  it('keeps markup inside one block', () => {
    expect(violation(text, '<b>bold</b>', 'html')).toBeUndefined()
    expect(violation(text, '<span onclick="x()">', 'html')).toBeUndefined()
  })
  it('keeps one attribute, with the white space before it', () => {
    expect(violation(text, ' onclick="x()"', 'html')).toBeUndefined()
    expect(violation(text, 'onclick="x()">here', 'html')).toMatch(/attribute/)
  })
  it('keeps an element across blocks from its start tag to its end tag, and a comment-to-comment region', () => {
    expect(violation(text, '<div class="ad">\n\nSome words.\n\n</div>\n\n', 'html')).toBeUndefined()
    expect(violation(text, '<!-- ads begin -->\n\nAd.\n\n<!-- ads end -->', 'html')).toBeUndefined()
  })
  it('breaks across blocks without its end tag, and on a tag that holds a blank line', () => {
    expect(violation(text, '<div class="ad">\n\nSome words.', 'html')).toMatch(/the `<\/div>` that closes its first tag/)
    expect(violation(text, '<b>bold</b>.\n\n<div class="ad">', 'html')).toMatch(/closes its first tag/)
    const open = '<a href="https://x.example/?u=1)_\n\n## Next\n\nMore">x</a>'
    expect(violation(open, open, 'html')).toMatch(/first tag holds a blank line/)
  })
})

describe('frontmatter', () => {
  const text = '---\ntitle: A\ntags: x\n---\n\nBody.\n'
  it('keeps a span inside the block', () => {
    expect(violation(text, 'tags: x\n', 'frontmatter')).toBeUndefined()
    expect(violation(text, 'tags: x\n', 'frontmatter', false)).toBeUndefined()
  })
  it('breaks outside it', () => {
    expect(violation(text, 'Body.', 'frontmatter')).toMatch(/frontmatter block/)
  })
  it('without a block, keeps only what starts at the top', () => {
    expect(shapeViolation('Body.\n', {start: 0, end: 0}, 'frontmatter')).toBeUndefined()
    expect(shapeViolation('Body.\n', {start: 2, end: 2}, 'frontmatter')).toMatch(/top of the text/)
  })
})

describe('reportRemoval and shapes', () => {
  const text = 'One paragraph.\n\nAnother one.\n'
  const tree = parser.parse(text)
  const across = {reason: 'test', start: text.indexOf('paragraph'), end: text.indexOf(' one')}

  it('the tests run in the throw mode (vitest.config.ts sets DECRUFT_SHAPE_CHECK)', () => {
    expect(defaultShapeCheckMode()).toBe('throw')
  })
  it('throws a ShapeError naming the rule and the shape in the throw mode', () => {
    const file = new VFile({value: text})
    enterRule(file, tree, {id: 'duplicate-paragraph', shapes: ['inline']})
    expect(() => reportRemoval(file, {ruleId: 'duplicate-paragraph', ...across})).toThrow(ShapeError)
    expect(() => reportRemoval(file, {ruleId: 'duplicate-paragraph', ...across})).toThrow(/duplicate-paragraph.*`inline` shape/)
  })
  it('drops the span and warns, naming the rule and the shape, in the warn mode', () => {
    const file = new VFile({value: text})
    setShapeCheckMode(file, 'warn')
    enterRule(file, tree, {id: 'duplicate-paragraph', shapes: ['inline']})
    expect(reportRemoval(file, {ruleId: 'duplicate-paragraph', ...across})).toBe(false)
    expect(removalsOf(file)).toEqual([])
    expect(file.messages.map((message) => [message.ruleId, message.reason])).toEqual([
      ['duplicate-paragraph', expect.stringMatching(/^Removal dropped: it breaks the `inline` shape .*: it is not inside one leaf block$/)],
    ])
  })
  it('gives a removal its rule’s only shape, and refuses a shape the rule does not declare', () => {
    const file = new VFile({value: text})
    enterRule(file, tree, {id: 'link-farm', shapes: ['block']})
    expect(reportRemoval(file, {ruleId: 'link-farm', reason: 'test', start: 0, end: text.indexOf('Another')})).toBe(true)
    expect(() =>
      reportRemoval(file, {
        ruleId: 'link-farm',
        reason: 'test',
        shape: 'inline',
        start: text.indexOf('Another'),
        end: text.indexOf(' one'),
      }),
    ).toThrow(/does not declare the `inline` shape/)
  })
  it('asks a removal outside a rule to name its shape', () => {
    const file = new VFile({value: text})
    expect(() => reportRemoval(file, {ruleId: 'link-farm', reason: 'test', start: 0, end: 5})).toThrow(/names no shape/)
  })
  it('checks a piece split around an earlier removal on the span it is part of', () => {
    const html = 'Text <span class="x"><b>in</b> it</span> done.\n'
    const file = new VFile({value: html})
    enterRule(file, parser.parse(html), {id: 'unsafe-html', shapes: ['html']})
    const whole = {start: html.indexOf('<span'), end: html.indexOf(' done')}
    const piece = {start: html.indexOf('</b>') + 4, end: whole.end}
    expect(shapeViolation(html, piece, 'html')).toMatch(/neither starts with `<`/)
    expect(reportRemoval(file, {ruleId: 'unsafe-html', reason: 'test', ...piece, partOf: whole})).toBe(true)
  })
})

/**
 * unsafe-html beyond the fixtures: the reasons it records, what a rules file
 * can and cannot change, and the plugin on its own in a unified pipeline.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {applyRemovals, clean, createRuleSet, removalsOf, type CleanOptions} from '../src/index.js'
import {ruleIds, rulesById} from '../src/plugin-api.js'
import {normaliseUrl} from '../src/rules/unsafe-html/urls.js'

const only: CleanOptions = {enable: ['unsafe-html'], disable: ruleIds.filter((id) => id !== 'unsafe-html')}

function removed(text: string, rules = createRuleSet()) {
  return clean(text, {...only, rules}).removals.map((removal) => ({text: removal.text, reason: removal.reason}))
}

describe('unsafe-html', () => {
  it('says why each thing went', () => {
    const reasons = removed(
      [
        '<p onclick="x()">a</p>',
        '',
        '<a href="JAVASCRIPT:x()">b</a>',
        '',
        '<iframe src="https://frames.example/ad"></iframe>',
        '',
        '<script>x()</script>',
        '',
        '<blink>c</blink>',
        '',
        '<p style="width: expression(x())">d</p>',
        '',
        '[e](vbscript:x)',
        '',
      ].join('\n'),
    ).map((removal) => removal.reason)
    expect(reasons).toEqual([
      'Event handler `onclick` removed from `<p>`',
      'Attribute `href` removed from `<a>` (`javascript:` URL)',
      '`<iframe>` from `frames.example` removed (not an allowed embed)',
      '`<script>` removed with its content (`scripts`)',
      'Disallowed tag `<blink>` removed (its content stays)',
      'Disallowed tag `<blink>` removed (its content stays)',
      'Attribute `style` removed from `<p>` (value denied by `css-expression`)',
      'Markdown link to a `vbscript:` URL unlinked',
      'Markdown link to a `vbscript:` URL unlinked',
    ])
  })

  it('reads URLs as a browser does: case, tabs, line breaks and edge controls do not hide a scheme', () => {
    expect(normaliseUrl(' JaVa\tScRiPt:x()')).toBe('javascript:x()')
    expect(normaliseUrl('java\nscript:x()')).toBe('javascript:x()')
    expect(normaliseUrl('\u0001https://example.com/A')).toBe('https://example.com/A')
    expect(normaliseUrl('/path:with-colon')).toBe('/path:with-colon')
  })

  it('keeps relative URLs, fragments and allowed schemes', () => {
    expect(
      removed(
        '<a href="/docs">a</a> <a href="#top">b</a> <a href="?q=1">c</a> <a href="mailto:x@example.com">d</a> <a href="HTTPS://example.com">e</a>\n',
      ),
    ).toEqual([])
  })

  it('keeps a Markdown link whose "scheme" is not one (a browser reads it as relative), but not a real one', () => {
    expect(removed('[MDN](<(https://developer.mozilla.org/x)>) and [spaced](<javascript :x>)\n')).toEqual([])
    expect(removed('[bad](JaVaScRiPt:alert(1))\n').map((removal) => removal.reason)).toEqual([
      'Markdown link to a `javascript:` URL unlinked',
      'Markdown link to a `javascript:` URL unlinked',
    ])
  })

  it('removes comments when a rules file says so, and keeps them by default', () => {
    const text = 'Intro.\n\n<!-- more -->\n\nBody.\n'
    expect(removed(text)).toEqual([])
    expect(removed(text, createRuleSet({unsafeHtml: {comments: false}}))).toEqual([{text: '<!-- more -->\n\n', reason: 'Comment removed'}])
  })

  it('never unwraps raw-text elements, even when a rules file drops them from `strip`', () => {
    const text = 'unsafeHtml:\n  strip:\n    - {id: raw-text, enabled: false}\n    - {id: scripts, enabled: false}\n'
    const rules = createRuleSet({text, file: 'no-strip.yaml'})
    expect(removed('<textarea><img src=x onerror=alert(1)></textarea>\n\n<script>alert(2)</script>\n', rules)).toEqual([
      {text: '<textarea><img src=x onerror=alert(1)></textarea>\n\n', reason: '`<textarea>` removed with its content (`raw-text`)'},
      {text: '<script>alert(2)</script>\n', reason: '`<script>` removed with its content (`raw-text`)'},
    ])
  })

  it('never keeps `<template>`, whose content the sanitiser cannot see', () => {
    const rules = createRuleSet({unsafeHtml: {tags: [{id: 'templates', tags: ['template']}]}})
    expect(removed('<template><img src=x onerror=alert(1)></template>\n', rules).map((removal) => removal.text)).toEqual([
      '<template><img src=x onerror=alert(1)></template>\n',
    ])
  })

  it('runs as a unified plugin on its own; its removals applied to the source make it safe', async () => {
    const text = '# Title\n\n<div onclick="x()">Hi <script>y()</script></div>\n'
    const file = new VFile(text)
    const processor = unified().use(remarkParse).use(remarkFrontmatter).use(rulesById['unsafe-html'].plugin)
    await processor.run(processor.parse(file), file)
    expect(applyRemovals(text, removalsOf(file))).toBe('# Title\n\n<div>Hi </div>\n')
  })

  it('leaves HTML that earlier rules removed to them', () => {
    const text = 'Text.\n\n<!-- ads start -->\n<script>ad()</script>\n<!-- ads end -->\n\nMore.\n'
    const result = clean(text)
    expect(result.removals.filter((removal) => removal.rule === 'unsafe-html')).toEqual([])
    expect(result.markdown).not.toContain('<script')
  })
})

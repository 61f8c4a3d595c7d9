/**
 * `style` values judged as the CSS parser reads them (src/rules/unsafe-html/css.ts):
 * the reading itself (escapes, comments, NULs, full-width letters), and
 * through `clean`, the escaped forms of every dangerous pattern removed with
 * a reason that says the decoding decided it, while ordinary escaped CSS stays.
 */
import {describe, expect, it} from 'vitest'
import {clean, type CleanOptions} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'
import {cssAsRead} from '../src/rules/unsafe-html/css.js'

const onlySanitiser: CleanOptions = {enable: ['unsafe-html'], disable: ruleIds.filter((id) => id !== 'unsafe-html')}

describe('cssAsRead', () => {
  it.each([
    ['\\65 xpression(x)', 'expression(x)'],
    ['\\000065xpression(x)', 'expression(x)'],
    ['\\65\txpression(x)', 'expression(x)'],
    ['\\65\r\nxpression(x)', 'expression(x)'],
    ['\\65  xpression(x)', 'e xpression(x)'],
    ['e\\x\\p\\ress\\i\\o\\n(x)', 'expression(x)'],
    ['\\e', '\u000e'],
    ['url(\\6A avascript:x)', 'url(javascript:x)'],
    ['exp/* a */ression(x)', 'expression(x)'],
    ['exp/**/ression(x) /* unclosed', 'expression(x) '],
    ['ex\0pression(x)', 'expression(x)'],
    ['ｅｘｐｒｅｓｓｉｏｎ(x)', 'expression(x)'],
    ['a\\\nb', 'ab'],
    ['a\\', 'a'],
    ['\\0 x\\110000 y\\d800 z', '\uFFFDx\uFFFDy\uFFFDz'],
    ['\\1F600 smile', '😀smile'],
    ['color: red', 'color: red'],
  ])('reads %j as %j', (value, read) => {
    expect(cssAsRead(value)).toBe(read)
  })
})

describe('escaped CSS through clean', () => {
  it.each([
    ['width: \\65 xpression(alert(1))', 'css-expression'],
    ['width: e\\78 pression(alert(1))', 'css-expression'],
    ['width: expr/**/ession(alert(1))', 'css-expression'],
    ['width: ex\\pression(alert(1))', 'css-expression'],
    ['background: url(\\6A avascript:alert(1))', 'css-script-url'],
    ['background: url("\\6a\\61 vascript:alert(1)")', 'css-script-url'],
    ['background: url(\\64 ata:text/html,x)', 'css-foreign-url'],
    ['-moz-\\62 inding: url(x.xml#b)', 'css-binding'],
    ['color: red; be\\68 avior: url(x.htc)', 'css-binding'],
    ['\\40 import "x.css"', 'css-import'],
    ['position: \\66 ixed', 'css-fixed-position'],
  ])('removes style=%j (%s) and says the decoding decided it', (style, entry) => {
    const text = `<p style="${style.replace(/"/g, '&quot;')}">Words.</p>\n`
    const result = clean(text, onlySanitiser)
    expect(result.markdown).toBe('<p>Words.</p>\n')
    expect(result.removals.map((removal) => removal.reason)).toEqual([
      `Attribute \`style\` removed from \`<p>\` (value denied by \`${entry}\` once CSS escapes and comments are decoded)`,
    ])
    expect(clean(result.markdown, onlySanitiser).markdown).toBe(result.markdown)
  })

  it('gives the plain reason when the raw value already matched', () => {
    const result = clean('<p style="width: expression(alert(1))">Words.</p>\n', onlySanitiser)
    expect(result.removals.map((removal) => removal.reason)).toEqual([
      'Attribute `style` removed from `<p>` (value denied by `css-expression`)',
    ])
  })

  it('keeps ordinary CSS that uses escapes and comments', () => {
    const text = `<span style="content: '\\201C'; font-family: 'Gill Sans' /* body */, sans-serif; color: #\\33 33">Quote.</span>\n`
    expect(clean(text, onlySanitiser).markdown).toBe(text)
  })
})

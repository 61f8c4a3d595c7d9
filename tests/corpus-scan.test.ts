/**
 * The measurement scripts' own checks (scripts/lib), and decruft judged by
 * them on generated articles.
 *
 * - the cheap line classifier agrees with remark on which lines are code and
 *   headings (so the residual scan skips exactly the code);
 * - the residual-spam scan ignores ad markup shown in code and finds it
 *   elsewhere;
 * - the loss check notices a dropped heading, image, code block or paragraph,
 *   and does not count spam or a removed duplicate as loss;
 * - clean() leaves no residual spam and loses nothing on generated articles;
 * - the corpus script (scripts/corpus.js, on the built library) counts one
 *   removal per unlinked link, not one per part.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {clean} from '../src/index.js'
import {createParser} from '../src/plugin-api.js'
import {generateCorpus} from '../scripts/lib/generate.js'
import {CODE_KINDS, classifyLines} from '../scripts/lib/markdown-lines.js'
import {findLoss, scanSpam} from '../scripts/lib/scan.js'
import {tree} from './support/temp-tree.js'

const corpus = generateCorpus(60, 11)

function kinds(text: string): string[] {
  return classifyLines(text).map((line) => line.kind)
}

describe('classifyLines', () => {
  it('tells code from prose', () => {
    expect(kinds('# Hi\n\n```html\n<ins class="adsbygoogle"></ins>\n```\n')).toEqual(['heading', 'blank', 'fence', 'code', 'fence'])
    expect(kinds('Text.\n\n    indented code\n')).toEqual(['text', 'blank', 'indented-code'])
    expect(kinds('Text\n    lazy continuation\n')).toEqual(['text', 'text'])
    expect(kinds('1. Item\n\n    more of the item\n')).toEqual(['list', 'blank', 'text'])
    expect(kinds('<span id="1">\n\t\t\t\t<video>\n</span>\n')).toEqual(['html', 'html', 'html'])
    expect(kinds('---\ntitle: x\n---\nBody\n')).toEqual(['frontmatter', 'frontmatter', 'frontmatter', 'text'])
    expect(kinds('\uFEFF---\r\ntitle: x\r\n---\r\n')).toEqual(['frontmatter', 'frontmatter', 'frontmatter'])
    // A second block stacked on the first is metadata too; a rule and a paragraph are not.
    expect(kinds('---\na: 1\n---\n---\ntitle: x: y\n---\nBody\n')).toEqual([...Array(6).fill('frontmatter'), 'text'])
    expect(kinds('---\na: 1\n---\n---\nJust a paragraph.\n---\n').slice(0, 4)).toEqual([
      'frontmatter',
      'frontmatter',
      'frontmatter',
      'break',
    ])
  })

  it('agrees with remark on code and heading lines of generated articles', () => {
    const parser = createParser()
    for (const {name, text} of corpus.slice(0, 30)) {
      const body = text.replace(/^\uFEFF/, '')
      const tree = parser.parse(body) as Root
      const code = new Set<number>()
      const headings = new Set<number>()
      visit(tree, (node) => {
        if (!node.position) return
        if (node.type === 'code') for (let line = node.position.start.line; line <= node.position.end.line; line++) code.add(line)
        if (node.type === 'heading') headings.add(node.position.start.line)
      })
      const lines = classifyLines(body)
      const mineCode = lines.filter((line) => CODE_KINDS.has(line.kind) && line.kind !== 'pre').map((line) => line.number)
      const mineHeadings = lines.filter((line) => line.kind === 'heading').map((line) => line.number)
      expect(mineCode, name).toEqual([...code].sort((a, b) => a - b))
      expect(mineHeadings, name).toEqual([...headings].sort((a, b) => a - b))
    }
  })
})

describe('scanSpam', () => {
  it('ignores ad markup shown in code', () => {
    const tutorial = [
      'Put `<ins class="adsbygoogle"></ins>` in the page, or <code>data-ad-client</code>.',
      '',
      '```html',
      '<!-- affiliate ads begin -->',
      '<a href="https://x.pxf.io/c/1">Buy</a>',
      '<!-- affiliate ads end -->',
      '```',
      '',
      '    <!-- ads end -->',
      '    https://tools.techidaily.com/x/',
      '',
    ].join('\n')
    expect(scanSpam(tutorial)).toEqual([])
  })

  it('finds spam outside code, with its line', () => {
    const text = [
      'Intro.',
      '<!-- affiliate ads begin -->',
      '<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>',
      '<!-- affiliate ads end -->',
      '[Download](https://tools.techidaily.com/x/download/) and [book](https://www.amazon.com/dp/B01/?tag=x-20).',
      '<a href="https://secure.2checkout.com/order/checkout.php?PRODS=1&AFFILIATE=2">x</a>',
    ].join('\n')
    const found = scanSpam(text).map((finding) => `${finding.line}:${finding.pattern}`)
    expect(found.sort()).toEqual(
      ['2:ad-marker', '3:adsbygoogle', '3:data-ad-client', '4:ad-marker', '5:affiliate-host', '5:amazon-tag', '6:affiliate-param'].sort(),
    )
  })
})

describe('scanSpam: patterns beyond one network', () => {
  const found = (text: string) => scanSpam(text).map((finding) => finding.pattern)

  it('finds ad hosts and ad unit ids', () => {
    expect(found('<script src="https://cdn.taboola.com/libtrc/x/loader.js"></script>')).toContain('ad-host')
    expect(found('<div id="ezoic-pub-ad-placeholder-101"></div>')).toContain('ad-unit-id')
  })
  it('finds affiliate networks', () => {
    expect(found('[Deal](https://www.anrdoezrs.net/click-1-2)')).toEqual(['affiliate-host'])
    expect(found('[Deal](https://example.com/product)')).toEqual([])
  })
  it('finds feed footers in several languages, not mentions in prose', () => {
    expect(found('The post <a href="https://a.example/x">X</a> appeared first on <a href="https://a.example">A</a>.')).toEqual([
      'feed-footer',
    ])
    expect(found('Der Beitrag X erschien zuerst auf Y.')).toEqual(['feed-footer'])
    expect(found('*Originally published at [my blog](https://me.example/p).*')).toEqual(['feed-footer'])
    expect(found('The paper was originally published in 1998 by the ACM.')).toEqual([])
  })
  it('finds a link-farm label only when links follow it', () => {
    expect(found('**Lire aussi :**\n\n- [Un](https://s.example/1)\n- [Deux](https://s.example/2)\n')).toEqual(['link-farm-label'])
    expect(found('See also the manual, which explains it well.\n')).toEqual([])
  })
  it("counts links to the site's own pages after a label, and names the label's line", () => {
    const text = 'Text.\n\n## Related Reading\n\n- [One](/blog/one/)\n- [Two](../two/)\n'
    expect(scanSpam(text).map((finding) => `${finding.line}:${finding.pattern}`)).toEqual(['3:link-farm-label'])
  })
  it('finds a component named for affiliates, even with its attributes on the next lines', () => {
    expect(found('<AffiliateCard\n  title="X"\n/>\n')).toEqual(['affiliate-element'])
    expect(found('<aside class="card">An affiliate program pays.</aside>\n')).toEqual([])
  })
  it('finds unsafe HTML', () => {
    expect(found('<img src="x.png" onerror="alert(1)">').sort()).toEqual(['event-handler'])
    expect(found('<a href="javascript:alert(1)">x</a>')).toEqual(['javascript-url'])
    expect(found('<script>alert(1)</script>')).toEqual(['script'])
  })
})

describe('findLoss', () => {
  const input = [
    '## Keep me',
    '',
    'This is a long enough real paragraph of prose, without any links or tags in it, to be counted.',
    '',
    '![shot](https://img.example/a.png)',
    '',
    '```js',
    'const a = 1',
    '```',
    '',
    '<!-- affiliate ads begin -->',
    '## Inside an ad region: may go',
    '<!-- affiliate ads end -->',
    '',
  ].join('\n')

  it('counts nothing lost when only spam goes', () => {
    const output = input.replace(/<!-- affiliate ads begin -->[\s\S]*<!-- affiliate ads end -->\n/, '')
    expect(findLoss(input, output)).toEqual([])
  })

  it('reports each kind of content that went', () => {
    expect(findLoss(input, input.replace('## Keep me\n', '')).map((item) => item.kind)).toEqual(['heading'])
    expect(findLoss(input, input.replace('![shot](https://img.example/a.png)', 'shot')).map((item) => item.kind)).toEqual(['image'])
    expect(findLoss(input, input.replace('const a = 1\n', '')).map((item) => item.kind)).toEqual(['code'])
    expect(findLoss(input, input.replace(/This is[^\n]*\n/, '')).map((item) => item.kind)).toEqual(['paragraph'])
    const table = '| Name | Value |\n| --- | ---: |\n| a | 1 |\n'
    expect(findLoss(input + table, input + table)).toEqual([])
    expect(findLoss(input + table, input).map((item) => item.kind)).toEqual(['table'])
  })

  it('counts a multi-line spam element as spam to its end, and data: images as no content', () => {
    const card =
      'Intro.\n\n<AffiliateCard\n  description="A long description of the product that would count as a paragraph of prose."\n/>\n\n![](data:image/svg+xml;base64,PHN2Zz4=)\n'
    expect(findLoss(card, 'Intro.\n')).toEqual([])
    expect(findLoss('![a](https://img.example/a.png)\n', '')).toHaveLength(1)
  })

  it('does not count a removed duplicate as loss', () => {
    const paragraph = 'An intro paragraph that is long enough to be counted as a real paragraph of prose here.'
    expect(findLoss(`${paragraph}\n\nBody.\n\n${paragraph}\n`, `${paragraph}\n\nBody.\n`)).toEqual([])
  })
})

describe('clean() judged by the independent checks on generated articles', () => {
  it('leaves no residual spam and loses no content', () => {
    const problems: string[] = []
    for (const {name, text} of corpus) {
      const output = clean(text, {path: name}).markdown
      for (const finding of scanSpam(output)) problems.push(`${name}:${finding.line} residual ${finding.pattern}: ${finding.excerpt}`)
      for (const item of findLoss(text, output)) problems.push(`${name}:${item.line} lost ${item.kind}: ${item.text.slice(0, 80)}`)
    }
    expect(problems).toEqual([])
  })
})

describe('npm run corpus (scripts/corpus.js on dist/)', () => {
  it('counts an unlinked link once: its `[` and `](url)` are one removal', () => {
    const sentence = (index: number) =>
      `Step ${index}: use [the oil](https://www.amazon.com/dp/B0${index}/?tag=shop-20) or <a href="https://www.amazon.com/dp/C0${index}?tag=shop-20">grease</a>.`
    const article = ['# Hinges', '', sentence(1), '', sentence(2), '', '[Buy Now](https://www.amazon.com/dp/D01/?tag=shop-20)', ''].join(
      '\n',
    )
    const parts = clean(article, {disable: ['frontmatter']}).removals
    expect(parts.filter((removal) => removal.rule === 'affiliate-link')).toHaveLength(9)
    const root = tree({'family/hinges.md': article})
    const script = fileURLToPath(new URL('../scripts/corpus.js', import.meta.url))
    const run = spawnSync(process.execPath, [script, root, '--json', '--disable', 'frontmatter'], {encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as {families: Array<{removals: Record<string, number>}>; total: {removals: number}}
    // Four unlinked links (two parts each) and one button that goes whole.
    expect(report.families[0]?.removals).toEqual({'affiliate-link': 5})
    expect(report.total.removals).toBe(5)
  }, 120_000)
})

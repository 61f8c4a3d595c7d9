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
 * - the page-chrome scan (chrome-scan.js) finds menus, share rows, comment
 *   forms, platform prompts, repost notices, TOC-plugin markup and ad labels
 *   in several languages, and nothing in prose about them;
 * - the corpus script (scripts/corpus.js, on the built library) counts one
 *   removal per unlinked link, not one per part, and reports chrome found
 *   and left per family.
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
import {CHROME_FAMILIES, countByFamily, scanChrome} from '../scripts/lib/chrome-scan.js'
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

describe('scanChrome', () => {
  const found = (text: string) => scanChrome(text).map((finding) => `${finding.family}/${finding.pattern}`)
  const one = (line: string) => found(`# Title\n\nSome opening prose of the article, long enough to be prose.\n\n${line}\n`)

  it('finds page chrome lines in several languages', () => {
    expect(one('[Home](/) | [News](/news) | [Blog](/blog) | [Contact](/contact)')).toEqual(['page-chrome/menu'])
    expect(one('[首页](/) [新闻](/n) [博客](/b) [关于我们](/a)')).toEqual(['page-chrome/menu'])
    expect(one('[Sign in](/login) · [Sign up](/join)')).toEqual(['page-chrome/auth'])
    expect(one('[로그인](/l) | [회원가입](/j)')).toEqual(['page-chrome/auth'])
    expect(one('Accedi / Registrati')).toEqual(['page-chrome/auth'])
    expect(one('[Startseite](/) › [Technik](/t) › Ein Artikel')).toEqual(['page-chrome/breadcrumb'])
    expect(one('Accueil > Tech > Un article')).toEqual(['page-chrome/breadcrumb'])
    expect(one('1.2k views · 14 comments · 5 min read')).toEqual(['page-chrome/counter'])
    expect(one('阅读 1234 · 评论 5')).toEqual(['page-chrome/counter'])
    expect(one('조회수 321')).toEqual(['page-chrome/counter'])
    expect(one('Tags: [css](/t/css), [html](/t/html)')).toEqual(['page-chrome/tags'])
    expect(one('Schlagwörter: Linux, Kernel')).toEqual(['page-chrome/tags'])
    expect(one('« Previous post: [How we test](/p/1)')).toEqual(['page-chrome/prev-next'])
    expect(one('下一篇：[容器入门](/p/2)')).toEqual(['page-chrome/prev-next'])
    expect(one('© 2024 Example Media. All rights reserved.')).toEqual(['page-chrome/copyright'])
    expect(one('Tutti i diritti riservati')).toEqual(['page-chrome/copyright'])
    expect(one('[Privacy Policy](/p) | [Terms of Use](/t) | [Cookie Policy](/c)')).toEqual(['page-chrome/legal-links'])
    expect(
      found(
        'Prose here that is long enough to be a paragraph of the article body.\n\n### Trending\n\n- [One story](/a)\n- [Another story](/b)\n\nMore prose.\n',
      ),
    ).toEqual(['page-chrome/list-label', 'page-chrome/list-item', 'page-chrome/list-item'])
    expect(one('**Über den Autor**')).toEqual(['page-chrome/author-box'])
    expect(one('Back to top ↑')).toEqual(['page-chrome/back-to-top'])
    const menu = '- [Startseite](/)\n- [Nachrichten](/n)\n- [Ratgeber](/r)\n- [Kontakt](/k)\n'
    expect(found(`${menu}\n# Titel\n`)).toEqual(Array(4).fill('page-chrome/menu'))
    // A list of article links is not a menu.
    expect(found('- [How I fixed my bike](/a)\n- [Tea at noon](/b)\n- [Old radios](/c)\n- [Window boxes](/d)\n')).toEqual([])
  })

  it('finds widgets, comment forms, platform prompts, TOC plugins and ad labels', () => {
    expect(one('[Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [X](https://twitter.com/intent/tweet?url=x)')).toEqual([
      'share/share-endpoint',
    ])
    expect(one('[Email](https://blog.example/p/?share=email&nb=1)')).toEqual(['share/share-endpoint'])
    expect(one('<div class="sharedaddy sd-sharing-enabled">')).toEqual(['share/share-markup'])
    expect(one('Share this:')).toEqual(['share/share-label'])
    expect(one('Gefällt mir:')).toEqual(['share/share-label'])
    expect(one('### Leave a Reply')).toEqual(['comment-form/comment-form'])
    expect(one('Your email address will not be published. Required fields are marked *')).toEqual(['comment-form/comment-form'])
    expect(one('Il tuo indirizzo email non sarà pubblicato.')).toEqual(['comment-form/comment-form'])
    expect(one('您的电子邮箱地址不会被公开。')).toEqual(['comment-form/comment-form'])
    expect(one('<form id="commentform" class="comment-form">')).toEqual(['comment-form/comment-markup'])
    expect(one('Name *')).toEqual(['comment-form/form-field'])
    expect(one('전자 메일 *')).toEqual(['comment-form/form-field'])
    expect(one('微信扫一扫 关注该公众号')).toEqual(['platform/platform-prompt'])
    expect(one('阅读原文')).toEqual(['platform/platform-prompt'])
    expect(one('Member-only story')).toEqual(['platform/platform-prompt'])
    expect(one('Discussion about this post')).toEqual(['platform/platform-prompt'])
    expect(one('本文转载自[某公众号](https://mp.weixin.qq.com/s/x)')).toEqual(['repost/repost-notice'])
    expect(one('Dieser Artikel erschien zuerst auf [Beispiel](https://b.example).')).toEqual(['repost/repost-notice'])
    expect(one('<div id="ez-toc-container" class="ez-toc-v2_0">')).toEqual(['toc-plugin/toc-markup'])
    expect(one('Table of Contents [hide]')).toEqual(['toc-plugin/toc-toggle'])
    expect(
      found('Text of the page, long enough to be a paragraph.\n\nSommaire [masquer]\n\n- [Un](#un)\n- [Deux](#deux)\n\n## Un\n'),
    ).toEqual(['toc-plugin/toc-toggle', 'toc-plugin/toc-item', 'toc-plugin/toc-item'])
    // A repost notice counts anywhere; a bare source label only near the edges.
    expect(one('本文转载自[某公众号](https://mp.weixin.qq.com/s/x)')).toEqual(['repost/repost-notice'])
    const middle = ['# T', '', ...Array.from({length: 30}, (_, index) => `Paragraph ${index} of the article, with enough words in it.\n`)]
    middle.splice(20, 0, '来源：[统计局](https://stats.example/)', '')
    expect(found(middle.join('\n'))).toEqual([])
    expect(one('<!-- ad label -->')).toEqual(['ad-label/ad-comment'])
    expect(one('- Advertisement -')).toEqual(['ad-label/ad-word'])
    expect(one('<div class="content-ad"></div>')).toEqual(['ad-label/empty-ad'])
    expect(one('광고')).toEqual(['ad-label/ad-word'])
  })

  it('finds nothing in prose, real TOCs, README sections or code', () => {
    const clean = [
      '# Adding share buttons',
      '',
      'Share this: a post about how the sharedaddy block works and why we removed our share buttons last year.',
      '',
      'The paper was originally published in 1998, and the home page of the project still links to it.',
      '',
      'Leave a reply in the issue tracker if you disagree; we read every comment about cookies.',
      '',
      '## Table of Contents',
      '',
      '- [Install](#install)',
      '- [Usage](#usage)',
      '',
      'About the Author',
      '----------------',
      '',
      'I write tools. The source is on [GitHub](https://github.com/example/tool).',
      '',
      '```html',
      '<div class="sharedaddy"></div>',
      '<!-- ad label -->',
      '[Home](/) | [News](/news) | [Blog](/blog) | [Contact](/contact)',
      '```',
      '',
      '<!--',
      'category: notes',
      'tags: a, b',
      '-->',
      '',
      '2. View by Large icons and select**Power Options** .',
      '',
    ].join('\n')
    expect(found(clean)).toEqual([])
  })

  it("takes a source line among a translation's credits as attribution, and a lone one at the edge as a notice", () => {
    const credits = [
      '> * 原文地址：[An example post](https://example.com/post)',
      '> * 原文作者：Ann Example',
      '> * 译者：Bo',
      '',
      'Body text here.',
    ].join('\n')
    expect(found(credits)).toEqual([])
    expect(found('> 原文：https://example.com/post\n\nBody text here.\n')).toEqual(['repost/repost-notice'])
    expect(found('> * 原文地址：[x](https://example.com/x)\n\nBody text here.\n')).toEqual(['repost/repost-notice'])
  })

  it('reads a list label after leading emoji', () => {
    expect(found('Body text of the post.\n\n## 💎 Recommended Tool\n')).toEqual(['page-chrome/list-label'])
  })

  it('counts by family, every family present', () => {
    const counts = countByFamily(scanChrome('Intro text of the page.\n\n<!-- ad label -->\n\nShare this:\n'))
    expect(Object.keys(counts)).toEqual([...CHROME_FAMILIES])
    expect(counts).toMatchObject({'ad-label': 1, share: 1, 'page-chrome': 0})
  })

  it('lets chrome lines go without counting them as lost', () => {
    const input =
      '# Post\n\n## Recent Posts\n\n- [A](/a)\n- [B](/b)\n\nYour email address will not be published. Required fields are marked * and so on here.\n'
    expect(findLoss(input, '# Post\n')).toEqual([])
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

  it('reports chrome found and left per family; --chrome-target makes missing the target fail', () => {
    const article = [
      '# A post',
      '',
      'Opening prose of the post, long enough to be read as a paragraph of the body.',
      '',
      'Share this:',
      '',
      '<!-- ad label -->',
      '',
    ].join('\n')
    const root = tree({'family/post.md': article})
    const script = fileURLToPath(new URL('../scripts/corpus.js', import.meta.url))
    const run = spawnSync(process.execPath, [script, root, '--json', '--disable', 'frontmatter'], {encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as {
      families: Array<{
        chromeIn: Record<string, number>
        chromeLeft: Record<string, number>
        chromeResidual: Array<{line: number; family: string}>
      }>
      total: {chromeIn: number; chromeLeft: number; chromeOk: boolean}
    }
    const family = report.families[0]
    expect(family?.chromeIn).toMatchObject({share: 1, 'ad-label': 1})
    // Whatever the rules of this build remove, what is left is counted from the output.
    const left = (family?.chromeLeft.share ?? 0) + (family?.chromeLeft['ad-label'] ?? 0)
    expect(family?.chromeResidual).toHaveLength(left)
    expect(report.total.chromeOk).toBe(left === 0)
    const strict = spawnSync(process.execPath, [script, root, '--quiet', '--chrome-target', '--disable', 'frontmatter'], {encoding: 'utf8'})
    expect(strict.status, strict.stdout).toBe(left === 0 ? 0 : 1)
    expect(strict.stdout).toMatch(/chrome 2 → \d/)
  }, 120_000)
})

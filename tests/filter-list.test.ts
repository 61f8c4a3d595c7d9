/**
 * The `filter-list` rule beyond its fixtures: the CLI with several
 * `--filter-list` files, lists with junk and unsupported lines, the messages,
 * page allow-listing, and the cost with an EasyList-size list.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {clean, createRuleSet, type CleanOptions} from '../src/index.js'
import {ruleIds} from '../src/plugin-api.js'
import {compileFilterLists, type CompiledFilterLists} from '../src/filter-lists.js'
import {tree} from './support/temp-tree.js'

const onlyFilterList: CleanOptions = {enable: ['filter-list'], disable: ruleIds.filter((id) => id !== 'filter-list')}

/** Clean options with these filter lists (a run option beside the default rule set). */
function withLists(...lists: Array<[name: string, text: string]>): {filterLists: CompiledFilterLists} {
  return {filterLists: compileFilterLists(lists.map(([name, text]) => ({name, text})))}
}

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

const ARTICLE = [
  '---',
  'title: Cleaning gutters',
  '---',
  '',
  'Clear the gutters twice a year, after the leaves fall and in spring.',
  '',
  '![](https://ads.example/banner.png)',
  '',
  '<div class="promo-box">Gutter guards, 10% off!</div>',
  '',
  '![Our ladder](https://ads.example/static/ladder.jpg)',
  '',
  'Use a scoop, not your hands, and wear gloves.',
  '',
].join('\n')

describe('filter-list through the CLI', () => {
  it('applies every --filter-list, with exceptions across lists, and names the list in each reason', async () => {
    const root = tree({
      'in/gutters.md': ARTICLE,
      'lists/network.txt': '! network\n||ads.example^\n',
      'lists/cosmetic.txt': '! cosmetic and an exception for the first list\n##.promo-box\n@@||ads.example/static/\n',
    })
    const stderr = sink()
    const code = await main({
      argv: ['in', '--out', 'out', '--filter-list', 'lists/network.txt', '--filter-list', 'lists/cosmetic.txt', '--quiet'],
      cwd: root,
      stdout: sink(),
      stderr,
      env: {},
      isTTY: false,
    })
    expect(stderr.text()).toBe('')
    expect(code).toBe(ExitCode.ok)
    const markdown = readFileSync(join(root, 'out/gutters.md'), 'utf8')
    expect(markdown).not.toContain('banner.png')
    expect(markdown).not.toContain('promo-box')
    expect(markdown).toContain('![Our ladder](https://ads.example/static/ladder.jpg)')
    const record = JSON.parse(readFileSync(join(root, 'out/gutters.json'), 'utf8')) as {
      removals: Array<{rule: string; reason: string}>
    }
    expect(record.removals.map((removal) => [removal.rule, removal.reason])).toEqual([
      ['filter-list', 'Image removed: matches filter "||ads.example^" (lists/network.txt)'],
      ['filter-list', '<div> removed: matches filter "##.promo-box" (lists/cosmetic.txt)'],
    ])
  })

  it('applies the lists in check mode and on stdin too', async () => {
    const root = tree({'lists/cosmetic.txt': '##.promo-box\n', 'post.md': '# Post\n\nReal text.\n\n<div class="promo-box">Buy now</div>\n'})
    const checked = sink()
    const checkCode = await main({
      argv: ['check', '--no-config', '--filter-list', 'lists/cosmetic.txt', 'post.md'],
      cwd: root,
      stdout: checked,
      stderr: sink(),
      env: {},
      isTTY: false,
    })
    expect(checkCode).toBe(ExitCode.problems)
    expect(checked.text()).toMatch(/^post\.md:5:1 {2}filter-list {2}error {2}/m)
    const cleaned = sink()
    const stdinCode = await main({
      argv: ['-', '--md', '--no-config', '--filter-list', 'lists/cosmetic.txt', '--quiet'],
      cwd: root,
      stdin: Readable.from([Buffer.from(readFileSync(join(root, 'post.md')))]),
      stdout: cleaned,
      stderr: sink(),
      env: {},
      isTTY: false,
    })
    expect(stdinCode).toBe(ExitCode.ok)
    expect(cleaned.text()).toBe('# Post\n\nReal text.\n')
  })

  it('refuses a filter list it cannot read, and writes nothing', async () => {
    const root = tree({'in/gutters.md': ARTICLE})
    const stderr = sink()
    const code = await main({
      argv: ['in', '--out', 'out', '--filter-list', 'missing.txt'],
      cwd: root,
      stdout: sink(),
      stderr,
      env: {},
      isTTY: false,
    })
    expect(code).toBe(ExitCode.usage)
    expect(stderr.text()).toMatch(/missing\.txt: cannot read filter list/)
  })
})

describe('compileFilterLists', () => {
  it('survives junk and unsupported lines, and counts them', () => {
    const junk = [
      '[Adblock Plus 2.0]',
      '! a comment',
      '',
      '||ads.example^',
      '##.promo-box',
      'this is not a filter $$$ %%%',
      '||bad.example^$no-such-option',
      '##.teaser:has-text(Sponsored)',
      '##.x:-abp-has(.y)',
      '##+js(abort-on-property-read, adsLoaded)',
      'example.com##.box:style(color: red)',
      '#?#div:-abp-contains(Advertisement)',
      'example.org#$#.foo { display: none }',
      "||csp.example^$csp=script-src 'none'",
      '\u0000\u0001 binary garbage \uFFFD',
      '##[',
      '/unclosed(regex/',
    ].join('\n')
    const lists = compileFilterLists([{name: 'junk.txt', text: junk}])
    const stats = lists.stats[0]!
    expect(stats.name).toBe('junk.txt')
    expect(stats.network).toBeGreaterThanOrEqual(1)
    expect(stats.cosmetic).toBeGreaterThanOrEqual(1)
    expect(stats.ignored).toBeGreaterThanOrEqual(8)
    expect(stats.ignoredSamples.length).toBeGreaterThan(0)
    const result = clean(ARTICLE, {filterLists: lists, ...onlyFilterList})
    expect(result.markdown).not.toContain('banner.png')
    expect(result.markdown).not.toContain('promo-box')
  })

  it('accepts empty lists and lists of comments only', () => {
    const run = withLists(['empty.txt', ''], ['comments.txt', '! nothing\n[Adblock Plus 2.0]\n'])
    expect(run.filterLists.hasNetworkFilters).toBe(false)
    expect(run.filterLists.hasCosmeticFilters).toBe(false)
    expect(clean(ARTICLE, {...run, ...onlyFilterList}).removals).toEqual([])
  })
})

describe('filter-list decisions', () => {
  it('does nothing without filter lists', () => {
    expect(clean(ARTICLE, {rules: createRuleSet(), ...onlyFilterList}).removals).toEqual([])
  })

  it('leaves a page alone when a list allows it (`@@||site^$document`)', () => {
    const run = withLists(['a.txt', '||ads.example^\n@@||gutters.example^$document\n'])
    const onSite = ARTICLE.replace('title: Cleaning gutters', 'title: Cleaning gutters\nurl: https://www.gutters.example/cleaning')
    expect(clean(onSite, {...run, ...onlyFilterList}).removals).toEqual([])
    expect(clean(ARTICLE, {...run, ...onlyFilterList}).removals).toHaveLength(2)
  })

  it('treats every URL as third-party when the site is unknown, and decides by the site when known', () => {
    const run = withLists(['a.txt', '||cdn.gutters.example^$third-party\n'])
    const article = '---\ntitle: T\n---\n\n![Ladder](https://cdn.gutters.example/ladder.jpg)\n'
    expect(clean(article, {...run, ...onlyFilterList}).removals).toHaveLength(1)
    const firstParty = article.replace('title: T', 'title: T\ncanonical: https://gutters.example/post')
    expect(clean(firstParty, {...run, ...onlyFilterList}).removals).toEqual([])
    const thirdParty = article.replace('title: T', 'title: T\ncanonical: https://other.example/post')
    expect(clean(thirdParty, {...run, ...onlyFilterList}).removals).toHaveLength(1)
  })

  it('takes the site from the first key of filterList.siteKeys that holds a URL; a rules file can change the keys', () => {
    const run = withLists(['a.txt', '||cdn.gutters.example^$third-party\n'])
    const article = [
      '---',
      'title: T',
      'Source-URL: https://other.example/post',
      'canonicalURL: https://gutters.example/post',
      '---',
      '',
      '![Ladder](https://cdn.gutters.example/ladder.jpg)',
      '',
    ].join('\n')
    // Defaults: `canonical_url` (as `canonicalURL`) ranks above `source_url` (as `Source-URL`): first party, kept.
    expect(clean(article, {...run, ...onlyFilterList}).removals).toEqual([])
    const sourceFirst = createRuleSet({text: 'filterList:\n  siteKeys: [source_url]\n', file: 'site-keys.yaml'})
    expect(clean(article, {rules: sourceFirst, ...run, ...onlyFilterList}).removals).toHaveLength(1)
    const noKeys = createRuleSet({text: 'filterList:\n  siteKeys: []\n', file: 'no-keys.yaml'})
    expect(clean(article, {rules: noKeys, ...run, ...onlyFilterList}).removals).toHaveLength(1)
  })

  it('refuses a site key with no letter to compare', () => {
    expect(() => createRuleSet({text: 'filterList:\n  siteKeys: ["_"]\n', file: 'bad.yaml'})).toThrow(/bad\.yaml:2:.*siteKeys.*letter/s)
  })

  it('matches links only against filters that name a host', () => {
    const run = withLists(['a.txt', '/ads/*\n||clicks.example^\n'])
    const article = 'See [the ads policy](https://news.example/ads/policy) and [this deal](https://clicks.example/ads/1).\n'
    const result = clean(article, {...run, ...onlyFilterList})
    expect(result.markdown).toBe('See [the ads policy](https://news.example/ads/policy) and this deal.\n')
    expect(result.removals.map((removal) => removal.reason)).toEqual([
      'Link unlinked: matches filter "||clicks.example^" (a.txt)',
      'Link unlinked: matches filter "||clicks.example^" (a.txt)',
    ])
  })

  it('warns instead of removing an element that spans Markdown headings', () => {
    const run = withLists(['a.txt', '##.content-area\n'])
    const article = '<div class="content-area">\n\n## Drying\n\nDry the seeds.\n\n</div>\n'
    const result = clean(article, {...run, ...onlyFilterList})
    expect(result.removals).toEqual([])
    expect(result.record.warnings.map((warning) => warning.reason)).toEqual([
      '<div> matches filter "##.content-area" (a.txt), but it holds headings, code or tables: kept',
    ])
  })

  it('removes an element whose inner ad an earlier rule took, with that removal inside', () => {
    const run = withLists(['a.txt', '##.ad-wrapper\n'])
    const article =
      'Intro.\n\n<div class="ad-wrapper"><small>From our partners</small>\n<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>\n</div>\n\nOutro.\n'
    const result = clean(article, {...run})
    expect(result.markdown).toBe('Intro.\n\nOutro.\n')
    expect(result.removals.map((removal) => removal.rule)).toEqual(['filter-list'])
  })

  it('skips selectors hast-util-select cannot evaluate', () => {
    const run = withLists(['a.txt', '##.box::before\n##.box\n'])
    const result = clean('<div class="box">Sale!</div>\n\nText.\n', {...run, ...onlyFilterList})
    expect(result.markdown).toBe('Text.\n')
  })
})

/** Pieces an article is built from: ads the list below blocks, look-alikes it must keep, and Markdown noise. */
const PIECES = [
  'Prose about pruning, with a [normal link](https://docs.example/prune) in it.',
  '![](https://ads.example/banner.png)',
  '[![Sale](https://ads.example/b.jpg)](https://shop.example/x)',
  'See [this deal](https://clicks.example/c?o=1) today.',
  '[Buy now](https://clicks.example/c?o=2)',
  '<div class="promo-box">Sale!</div>',
  '<div align="center">\n<div class="promo-box"><p>Sale!</p></div>\n</div>',
  'Text <span class="promo-box">(ad)</span> more text.',
  '<iframe src="https://frames.example/slot"></iframe>',
  '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
  '<a href="https://clicks.example/c"><img src="https://img.example/a.png"></a>',
  'A <a href="https://clicks.example/c">guide</a> here.',
  '<div class="promo-box">\n\nSponsored [thing](https://shop.example/y).\n\n</div>',
  '```html\n<div class="promo-box"></div>\n![](https://ads.example/x.png)\n```',
  'The [burr][b] test.\n\n[b]: https://clicks.example/c?o=3',
  '- item ![](https://ads.example/p.gif)\n- item two',
  '| a | b |\n| - | - |\n| ![](https://ads.example/t.png) | cell |',
  '<div id="ad-top">x</div><p>kept paragraph</p>',
  '# Heading',
  '<',
  '</div>',
]
const FILTERS = '||ads.example^\n||clicks.example^\n||frames.example^$subdocument\n##.promo-box\n##div[id^="ad-"]\n'

describe('filter-list properties', () => {
  const run = withLists(['p.txt', FILTERS])
  const articles = fc
    .tuple(fc.array(fc.nat(PIECES.length - 1), {maxLength: 8}), fc.constantFrom('\n\n', '\n', '\r\n\r\n'), fc.boolean())
    .map(
      ([picks, glue, site]) =>
        (site ? '---\nurl: https://blog.example/p\n---\n\n' : '') + picks.map((pick) => PIECES[pick]).join(glue) + '\n',
    )

  it('is idempotent and its removals put back give the input', () => {
    fc.assert(
      fc.property(articles, (input) => {
        const once = clean(input, {...run, ...onlyFilterList})
        expect(clean(once.markdown, {...run, ...onlyFilterList}).markdown).toBe(once.markdown)
        for (const removal of once.removals) {
          expect(input.slice(removal.start.offset, removal.end.offset)).toBe(removal.text)
        }
        // Re-insert in source order: each removal's offset is in the input.
        let rebuilt = ''
        let at = 0
        let kept = 0
        for (const removal of once.removals) {
          rebuilt += once.markdown.slice(kept, kept + removal.start.offset - at) + removal.text
          kept += removal.start.offset - at
          at = removal.end.offset
        }
        rebuilt += once.markdown.slice(kept)
        expect(rebuilt).toBe(input)
      }),
      {
        numRuns: Number(process.env['FC_RUNS'] ?? 150),
        seed: process.env['FC_SEED'] === undefined ? 20240607 : Number(process.env['FC_SEED']),
      },
    )
  })
})

/** A synthetic list the size of EasyList: mostly host rules, generic class/id rules, some site rules and attribute rules. */
function bigList(size: number): string {
  const lines = ['[Adblock Plus 2.0]', '! Synthetic list']
  for (let index = 0; lines.length < size; index++) {
    switch (index % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        lines.push(`||adhost${index}.example^$third-party`)
        break
      case 4:
        lines.push(`/banner${index}/*$image`)
        break
      case 5:
      case 6:
        lines.push(`##.ad-unit-${index}`)
        break
      case 7:
        lines.push(`###ad-slot-${index}`)
        break
      case 8:
        lines.push(`site${index}.example##.promo-${index}`)
        break
      default:
        lines.push(`##div[data-ad-${index}]`, `##a[href^="https://adhost${index}.example/"]`)
    }
  }
  return lines.join('\n')
}

describe('filter-list cost', () => {
  it('compiles an EasyList-size list once and stays fast per article', () => {
    const started = performance.now()
    const run = withLists(['big.txt', `${bigList(20_000)}\n##.promo-box\n||ads.example^\n`])
    const compileMs = performance.now() - started
    const articles = Array.from({length: 40}, (_, index) =>
      [
        ARTICLE,
        `<div class="note n${index}"><p>Note ${index}</p><img src="https://img.example/${index}.png"></div>`,
        '',
        `See [the guide ${index}](https://docs.example/${index}) and [a deal](https://adhost${index * 10}.example/c).`,
        '',
      ].join('\n'),
    )
    for (const article of articles.slice(0, 5)) clean(article, {...run, ...onlyFilterList})
    const timed = performance.now()
    for (const article of articles) {
      const result = clean(article, {...run, ...onlyFilterList})
      expect(result.markdown).not.toContain('promo-box')
    }
    const perArticle = (performance.now() - timed) / articles.length
    const baseline = performance.now()
    for (const article of articles) clean(article, {rules: createRuleSet(), ...onlyFilterList})
    const basePerArticle = (performance.now() - baseline) / articles.length
    console.log(
      `filter-list: 20k rules compiled in ${compileMs.toFixed(0)} ms; ${perArticle.toFixed(2)} ms/article with the list, ${basePerArticle.toFixed(2)} ms/article without`,
    )
    // Generous bounds: a regression to testing every selector or rule per article costs far more.
    expect(compileMs).toBeLessThan(5_000)
    expect(perArticle).toBeLessThan(50)
  })
})

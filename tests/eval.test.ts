/**
 * The synthetic evaluation set (scripts/lib/pages.js), its scoring
 * (scripts/lib/gold.js) and `npm run eval` (scripts/eval.js on dist/).
 *
 * - the set is deterministic, covers every language and site kind, and its
 *   gold labels are consistent (segments in order, inside the text, junk only
 *   on chrome sites);
 * - the corpus scan (chrome-scan.js) flags no content line of the set and
 *   finds every line of the kinds it is meant to see whole;
 * - scoring counts removed characters per segment, overlapping spans once;
 * - clean() keeps the content of the set (≥ 99.5 % of its characters, no
 *   content block lost, no page refused) and the chrome group's rules remove
 *   nothing from its clean and repost pages;
 * - the script runs with both runners, scoring the same pages.
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {scanChrome} from '../scripts/lib/chrome-scan.js'
import {scorePage, spansOf} from '../scripts/lib/gold.js'
import {generateSites, LANGS} from '../scripts/lib/pages.js'
import {clean} from '../src/index.js'
import {registry} from '../src/plugin-api.js'

const sites = generateSites({seed: 14, pages: 6})
const chromeIds = new Set(registry.filter((rule) => (rule.meta.group as string) === 'chrome').map((rule) => rule.meta.id as string))

describe('generateSites', () => {
  it('is deterministic, and a language subset gives the same pages', () => {
    const again = generateSites({seed: 14, pages: 6})
    expect(again.map((site) => site.pages.map((page) => page.text))).toEqual(sites.map((site) => site.pages.map((page) => page.text)))
    const other = generateSites({seed: 15, pages: 6})
    expect(other[0]?.pages[0]?.text).not.toBe(sites[0]?.pages[0]?.text)
    const de = generateSites({seed: 14, pages: 6, langs: ['de']})
    expect(de.map((site) => site.pages[0]?.text)).toEqual(sites.filter((site) => site.lang === 'de').map((site) => site.pages[0]?.text))
  })

  it('covers every language and site kind, with chrome only where it belongs', () => {
    expect(new Set(sites.map((site) => site.lang))).toEqual(new Set(LANGS))
    expect(new Set(sites.map((site) => site.kind))).toEqual(
      new Set(['whole-page', 'blog', 'wechat', 'medium', 'substack', 'clean', 'repost']),
    )
    for (const site of sites) {
      expect(site.pages).toHaveLength(6)
      const junk = site.pages.flatMap((page) => page.segments.filter((segment) => segment.junk))
      if (site.kind === 'clean' || site.kind === 'repost') expect(junk, site.id).toEqual([])
      else expect(junk.length, site.id).toBeGreaterThan(0)
    }
    const junkKinds = new Set(sites.flatMap((site) => site.pages.flatMap((page) => page.segments.filter((s) => s.junk).map((s) => s.kind))))
    for (const kind of [
      'menu',
      'auth',
      'breadcrumb',
      'share',
      'tags',
      'counter',
      'related',
      'comment-form',
      'author-box',
      'footer',
      'platform',
      'toc-plugin',
      'ad-label',
    ]) {
      expect(junkKinds, kind).toContain(`junk:${kind}`)
    }
  })

  it('labels each block once, in order, inside the text', () => {
    for (const site of sites) {
      for (const page of site.pages) {
        let at = 0
        for (const segment of page.segments) {
          expect(segment.start, `${site.id}/${page.path}`).toBeGreaterThanOrEqual(at)
          expect(segment.end).toBeGreaterThan(segment.start)
          expect(page.text.slice(segment.start, segment.end).trim()).not.toBe('')
          at = segment.end
        }
        expect(at).toBeLessThanOrEqual(page.text.length)
        // Between segments there is only white space.
        const gaps = page.segments.map((segment, index) => page.text.slice(page.segments[index - 1]?.end ?? 0, segment.start))
        expect(gaps.join('').trim()).toBe('')
      }
    }
  })

  it('reposts one tutorial under different titles (content that recurs with its neighbours)', () => {
    const repost = sites.find((site) => site.id === 'en-repost')
    const tutorials = repost?.pages.map((page) =>
      page.segments
        .filter((s) => s.kind === 'content:tutorial')
        .map((s) => page.text.slice(s.start, s.end))
        .join('\n'),
    )
    expect(new Set(tutorials).size).toBe(1)
    expect(new Set(repost?.pages.map((page) => page.title)).size).toBe(6)
  })
})

describe('the corpus scan (chrome-scan.js) on the evaluation set', () => {
  it('flags no content line, and finds the menus, share rows, comment forms and TOC plugins', () => {
    const wrong: string[] = []
    const found: Record<string, number> = {}
    const total: Record<string, number> = {}
    for (const site of sites) {
      for (const page of site.pages) {
        const lineKind: string[] = []
        let offset = 0
        for (const line of page.text.split('\n')) {
          const segment = page.segments.find((s) => offset >= s.start && offset < s.end)
          lineKind.push(line.trim() === '' ? 'blank' : (segment?.kind ?? 'none'))
          offset += line.length + 1
        }
        const flagged = new Set(scanChrome(page.text).map((finding) => finding.line))
        for (const line of flagged)
          if (!lineKind[line - 1]?.startsWith('junk:')) wrong.push(`${site.id}/${page.path}:${line} ${lineKind[line - 1]}`)
        lineKind.forEach((kind, index) => {
          if (!kind.startsWith('junk:')) return
          total[kind] = (total[kind] ?? 0) + 1
          if (flagged.has(index + 1)) found[kind] = (found[kind] ?? 0) + 1
        })
      }
    }
    expect(wrong).toEqual([])
    for (const kind of [
      'junk:menu',
      'junk:auth',
      'junk:breadcrumb',
      'junk:comment-form',
      'junk:tags',
      'junk:toc-plugin',
      'junk:ad-label',
      'junk:prev-next',
    ]) {
      expect(found[kind], kind).toBe(total[kind])
    }
  })
})

describe('scorePage', () => {
  it('counts removed characters per segment, overlapping spans once', () => {
    const input = 'Junk line\n\nGood text\n'
    const segments = [
      {start: 0, end: 9, kind: 'junk:menu', junk: true},
      {start: 11, end: 20, kind: 'content:paragraph', junk: false},
    ]
    const spans = spansOf([
      {rule: 'a', start: {offset: 0}, end: {offset: 5}},
      {rule: 'b', start: {offset: 3}, end: {offset: 11}},
      {rule: 'c', start: {offset: 16}, end: {offset: 20}},
    ])
    const score = scorePage(input, segments, spans, 'Good \n')
    expect(score).toMatchObject({junkChars: 9, junkRemoved: 9, contentChars: 9, contentRemoved: 4})
    expect(score.lostBlocks).toEqual(['Good text'])
    expect(score.rulesOutsideFrontmatter).toEqual(['a', 'b', 'c'])
  })
})

describe('clean() on the evaluation set', () => {
  it('keeps the content, refuses nothing, and the chrome rules leave clean and repost pages alone', () => {
    let contentChars = 0
    let contentRemoved = 0
    const problems: string[] = []
    for (const site of sites) {
      for (const page of site.pages) {
        const result = clean(page.text, {path: `${site.id}/${page.path}`})
        const score = scorePage(page.text, page.segments, spansOf(result.record.removals), result.markdown)
        contentChars += score.contentChars
        contentRemoved += score.contentRemoved
        for (const block of score.lostBlocks) problems.push(`${site.id}/${page.path}: lost ${JSON.stringify(block)}`)
        if (site.kind === 'clean' || site.kind === 'repost') {
          for (const removal of result.record.removals.filter((removal) => chromeIds.has(removal.rule))) {
            problems.push(
              `${site.id}/${page.path}:${removal.start.line} ${removal.rule}: ${removal.reason} ${JSON.stringify(removal.text.slice(0, 120))}`,
            )
          }
        }
      }
    }
    expect(problems).toEqual([])
    expect(contentRemoved / contentChars).toBeLessThanOrEqual(0.005)
  }, 120_000)
})

describe('npm run eval (scripts/eval.js on dist/)', () => {
  const script = fileURLToPath(new URL('../scripts/eval.js', import.meta.url))
  const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], {encoding: 'utf8', maxBuffer: 32 * 1024 * 1024})

  it('reports per kind, language and site kind, the same with the library and the CLI runner', () => {
    const args = ['--json', '--lang', 'it', '--pages', '6', '--templates', 'off']
    const library = run(args)
    expect(library.status, library.stderr).toBe(0)
    const cli = run([...args, '--runner', 'cli'])
    expect(cli.status, cli.stderr).toBe(0)
    type Report = {total: {pages: number; refused: number}; byLang: Record<string, unknown>; byKind: Record<string, {chars: number}>}
    const fromLibrary = JSON.parse(library.stdout) as Report
    const fromCli = JSON.parse(cli.stdout) as Report
    expect(fromLibrary.total).toMatchObject({pages: 24, refused: 0})
    expect(Object.keys(fromLibrary.byLang)).toEqual(['it'])
    expect(fromLibrary.byKind['junk:menu']?.chars).toBeGreaterThan(0)
    // Both runners score the same pages (what they remove may differ: a CLI batch may learn site templates).
    const chars = (report: Report) => Object.fromEntries(Object.entries(report.byKind).map(([kind, tally]) => [kind, tally.chars]))
    expect(chars(fromCli)).toEqual(chars(fromLibrary))
    expect(fromCli.total).toMatchObject({pages: 24, refused: 0})
  }, 180_000)

  it('refuses bad usage with exit code 2', () => {
    expect(run(['--lang', 'xx']).status).toBe(2)
    expect(run(['--runner', 'nope']).status).toBe(2)
  }, 60_000)
})

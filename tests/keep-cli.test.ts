/**
 * `keep` entries through the command: `decruft in -o out --rules keep.yaml`
 * keeps exactly the spans the entries name (present in the output, listed
 * in the record's `kept`) and makes every other removal; check mode and its
 * cache honour them; a bad entry is a rules error naming file:line (exit 2).
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {keepHash} from '../src/engine/keep-hash.js'
import {clean} from '../src/index.js'
import {POOL_THRESHOLD} from '../src/node/pool.js'
import type {ArticleRecord} from '../src/record.js'
import {tree} from './support/temp-tree.js'

const AD = [
  '<!-- affiliate ads begin -->',
  '<a href="https://shop.example.test/buy?aff=42"><img src="https://img.example.test/oil.png"></a>',
  '<!-- affiliate ads end -->',
].join('\n')

/** An article with an ad region and an unlinked affiliate link, of invented text. */
function article(title: string): string {
  return [
    `# ${title}`,
    '',
    'Oil the pin of the hinge once a year and it will stay quiet.',
    '',
    AD,
    '',
    'If it squeaks, try the [Hinge Kit](https://tools.techidaily.com/hinge-kit/download/) first.',
    '',
    'Wipe away any excess with a dry cloth.',
    '',
  ].join('\n')
}

async function run(argv: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main({
    argv,
    cwd,
    stdout: {write: (chunk: string) => out.push(chunk)},
    stderr: {write: (chunk: string) => err.push(chunk)},
    env: {},
    isTTY: false,
  })
  return {code, stdout: out.join(''), stderr: err.join('')}
}

function recordAt(root: string, path: string): ArticleRecord {
  return JSON.parse(readFileSync(join(root, 'out', path), 'utf8')) as ArticleRecord
}

describe('decruft --rules with keep entries', () => {
  const source = article('Hinges')
  const removals = clean(source, {path: 'in/blog/a.md'}).removals
  const ad = removals.find((removal) => removal.rule === 'ad-block')!
  const affiliate = removals.filter((removal) => removal.rule === 'affiliate-link')
  const keepYaml = [
    'keep:',
    '  - id: keep-our-ad',
    '    note: our own sponsor',
    `    textHash: ${keepHash(ad.text)}`,
    '  - id: affiliates-ok-in-news',
    '    rule: affiliate-link',
    '    paths: [in/news/]',
    '',
  ].join('\n')

  for (const threads of [[], ['--concurrency', '2']]) {
    it(`keeps exactly the spans the entries name, and makes every other removal ${threads.length === 0 ? 'in-process' : 'on workers'}`, async () => {
      expect(ad).toBeDefined()
      expect(affiliate.length).toBeGreaterThan(0)
      // On workers: enough articles to cross the pool threshold (the entries compile in each worker).
      const more = threads.length === 0 ? [] : Array.from({length: POOL_THRESHOLD}, (_, index) => [`in/more/${index}.md`, source])
      const root = tree({'in/blog/a.md': source, 'in/news/b.md': source, 'keep.yaml': keepYaml, ...Object.fromEntries(more)})
      const result = await run(['in', '-o', 'out', '--rules', 'keep.yaml', ...threads], root)
      if (threads.length > 0) expect(result.stderr).toMatch(/worker threads/)
      expect(result.code).toBe(ExitCode.ok)
      expect(result.stderr).toMatch(/affiliate-link +\d+\n/)

      // blog: the ad (by its hash, every article) is kept, the affiliate link (news only) is removed.
      const blog = recordAt(root, 'blog/a.json')
      expect(blog.kept).toEqual([{rule: 'ad-block', keep: 'keep-our-ad', start: ad.start, end: ad.end}])
      expect(blog.removals.map((removal) => removal.text)).toEqual(affiliate.map((removal) => removal.text))
      const blogText = readFileSync(join(root, 'out', 'blog/a.md'), 'utf8')
      expect(blogText).toContain(ad.text)
      expect(blogText).not.toContain('](https://tools.techidaily.com')

      // news: both kept, nothing removed.
      const news = recordAt(root, 'news/b.json')
      expect(news.removals).toEqual([])
      expect(news.kept?.map((span) => span.keep).sort()).toEqual(['affiliates-ok-in-news', 'affiliates-ok-in-news', 'keep-our-ad'])
      expect(readFileSync(join(root, 'out', 'news/b.md'), 'utf8')).toBe(source)
    })
  }

  it('check mode, with and without its cache, reports only what is not kept', async () => {
    const root = tree({'in/blog/a.md': source, 'in/news/b.md': source, 'keep.yaml': keepYaml})
    /** Rule ids found per file, from the JSON reporter. */
    const rulesByFile = (stdout: string) =>
      Object.fromEntries(
        (JSON.parse(stdout) as {files: Array<{path: string; findings: Array<{rule: string}>}>}).files.map((file) => [
          file.path,
          file.findings.map((finding) => finding.rule),
        ]),
      )
    for (const extra of [[], ['--cache'], ['--cache']]) {
      const result = await run(['check', '--reporter', 'json', '--rules', 'keep.yaml', ...extra, 'in'], root)
      expect(rulesByFile(result.stdout)).toEqual({'in/blog/a.md': ['affiliate-link'], 'in/news/b.md': []})
      expect(result.code).toBe(ExitCode.problems)
    }
    // Entries by path match the display path, which changes with the working directory: so does the cache's key.
    const inside = await run(
      ['check', '--reporter', 'json', '--rules', '../keep.yaml', '--cache', '--cache-location', '../.decruftcache', '.'],
      join(root, 'in'),
    )
    expect(rulesByFile(inside.stdout)).toEqual({'blog/a.md': ['affiliate-link'], 'news/b.md': ['affiliate-link']})
    // The cache follows the rules file's text: without the entries, the kept spans are findings again.
    writeFileSync(join(root, 'keep.yaml'), 'keep: []\n')
    const again = await run(['check', '--reporter', 'json', '--rules', 'keep.yaml', '--cache', 'in'], root)
    expect(rulesByFile(again.stdout)).toEqual({
      'in/blog/a.md': ['ad-block', 'affiliate-link'],
      'in/news/b.md': ['ad-block', 'affiliate-link'],
    })
  })

  const invalid: Array<[string, string, RegExp]> = [
    ['an entry with no condition', 'keep:\n  - id: nothing\n    note: forgot\n', /^decruft: keep\.yaml:2:\d+: keep\.0: .*at least one of/m],
    ['a bad hash', 'keep:\n  - id: bad\n    textHash: not-a-hash\n', /^decruft: keep\.yaml:3:\d+: keep\.0\.textHash: /m],
  ]
  for (const [name, text, message] of invalid) {
    it(`exits 2 on ${name}, naming file and line`, async () => {
      const root = tree({'in/a.md': source, 'keep.yaml': text})
      const result = await run(['in', '-o', 'out', '--rules', 'keep.yaml'], root)
      expect(result.code).toBe(ExitCode.usage)
      expect(result.stderr).toMatch(message)
    })
  }
})

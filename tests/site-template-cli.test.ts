/**
 * Site templates on the command line: a batch learns its sites' templates
 * first (unless --no-templates), --save-templates writes the index it used,
 * --templates gives a saved one to a batch, to check mode and to stdin mode,
 * and `decruft templates merge` adds indexes up. Run in-process through
 * `main()` on temporary trees of generated sites.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {expandOperands, runBatch} from '../src/node/index.js'
import {parseTemplateIndex, serializeTemplateIndex} from '../src/plugin-api.js'
import {tree} from './support/temp-tree.js'
import {templateSites, type SiteArticle} from './support/template-sites.js'

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

async function run(argv: string[], cwd: string, stdin?: string): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = sink()
  const stderr = sink()
  const code = await main({
    argv,
    cwd,
    stdout,
    stderr,
    env: {},
    isTTY: false,
    stdin: stdin === undefined ? undefined : Readable.from([Buffer.from(stdin)]),
  })
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

/** The generated sites under `in/`. */
function siteTree(articles: readonly SiteArticle[]): string {
  return tree(Object.fromEntries(articles.map((article) => [`in/${article.path}`, article.text])))
}

const sites = templateSites(6).filter((article) => article.path.startsWith('en/') || article.path.startsWith('zh/'))

describe('a batch learns site templates', () => {
  it('removes each site’s template by default, keeps every sentence, and says what it learned', async () => {
    const root = siteTree(sites)
    const result = await run(['in', '--out', 'out'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(result.stderr).toContain('site templates learned from 12 articles of 2 sites')
    for (const article of sites) {
      const output = readFileSync(join(root, 'out', article.path), 'utf8')
      for (const block of article.template) expect(output).not.toContain(block)
      for (const sentence of article.content) expect(output).toContain(sentence)
      const record = JSON.parse(readFileSync(join(root, 'out', article.path.replace(/\.md$/, '.json')), 'utf8')) as {
        removals: Array<{rule: string; features?: Record<string, unknown>}>
      }
      const own = record.removals.filter((removal) => removal.rule === 'site-template')
      const chrome = record.removals.filter((removal) => removal.rule === 'site-template' || removal.rule === 'widget')
      expect(chrome).toHaveLength(article.template.length)
      expect(own[0]!.features).toMatchObject({df: 6, articles: 6})
    }
  })

  it('hands the learned index to worker threads (the build’s worker), with the same outputs as in-process', async () => {
    const root = siteTree(sites)
    const {files} = await expandOperands(['in'], {cwd: root})
    const inline = await runBatch(files, {outDir: 'inline', cwd: root, pool: 'inline'})
    const workers = await runBatch(files, {outDir: 'workers', cwd: root, pool: 'workers', concurrency: 2})
    expect(workers.mode).toBe('workers')
    expect(workers.removals['site-template']).toBe(inline.removals['site-template'])
    expect((inline.removals['site-template'] ?? 0) + (inline.removals['widget'] ?? 0)).toBe(
      sites.reduce((sum, article) => sum + article.template.length, 0),
    )
    for (const article of sites) {
      expect(readFileSync(join(root, 'workers', article.path), 'utf8')).toBe(readFileSync(join(root, 'inline', article.path), 'utf8'))
    }
  })

  it('learns nothing with --no-templates, nor with the rule off', async () => {
    for (const flags of [['--no-templates'], ['--disable', 'site-template']]) {
      const root = siteTree(sites)
      const result = await run(['in', '--out', 'out', ...flags], root)
      expect(result.code).toBe(ExitCode.ok)
      expect(result.stderr).not.toContain('site templates learned')
      expect(readFileSync(join(root, 'out', sites[0]!.path), 'utf8')).toContain(sites[0]!.template[0])
    }
  })

  it('saves the index it used with --save-templates; check mode, stdin mode and another batch use it with --templates', async () => {
    const root = siteTree(sites)
    expect((await run(['in', '--out', 'out', '--save-templates', 'sites.json'], root)).code).toBe(ExitCode.ok)
    const saved = parseTemplateIndex(readFileSync(join(root, 'sites.json'), 'utf8'))
    expect([...saved.sites.keys()].sort()).toEqual(['dir:in/zh', 'harbour-news.example'])

    // One file alone (a pre-commit hook) still knows its site's template.
    const article = sites[0]!
    const checked = await run(['check', '--templates', 'sites.json', `in/${article.path}`], root)
    expect(checked.code).toBe(ExitCode.problems)
    expect(checked.stdout.match(/ (site-template|widget) /g)).toHaveLength(article.template.length)
    expect(checked.stdout).toContain(' site-template ')
    expect((await run(['check', `in/${article.path}`], root)).stdout).not.toContain('site-template')

    const piped = await run(['-', '--templates', 'sites.json'], root, article.text)
    expect(piped.code).toBe(ExitCode.ok)
    for (const block of article.template) expect(piped.stdout).not.toContain(block)

    // A batch of one article learns too little alone; with the saved index it removes the template.
    expect((await run([`in/${article.path}`, '--out', 'one', '--templates', 'sites.json'], root)).code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'one', '1.md'), 'utf8')).not.toContain(article.template[0])
    expect((await run([`in/${article.path}`, '--out', 'alone'], root)).code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'alone', '1.md'), 'utf8')).toContain(article.template[0])
  })

  it('refuses an index that is not one (exit 2), and --save-templates outside a batch', async () => {
    const root = tree({'in/a.md': sites[0]!.text, 'bad.json': '{"version": 9}', 'broken.json': '{'})
    for (const file of ['bad.json', 'broken.json']) {
      const result = await run(['in', '--out', 'out', '--templates', file], root)
      expect(result.code).toBe(ExitCode.usage)
      expect(result.stderr).toContain(`${file}: not a template index`)
      expect(existsSync(join(root, 'out'))).toBe(false)
    }
    expect((await run(['in', '--out', 'out', '--templates', 'missing.json'], root)).stderr).toContain(
      'missing.json: cannot read template index',
    )
    const check = await run(['check', '--save-templates', 'x.json', 'in/a.md'], root)
    expect(check.code).toBe(ExitCode.usage)
    expect(check.stderr).toContain('--save-templates is for a batch')
  })
})

describe('decruft templates merge', () => {
  it('adds indexes up (in any order) into one file', async () => {
    const en = sites.filter((article) => article.path.startsWith('en/'))
    const root = siteTree(en)
    expect((await run(['in/en/1.md', 'in/en/2.md', 'in/en/3.md', '--out', 'a', '--save-templates', 'a.json'], root)).code).toBe(ExitCode.ok)
    expect((await run(['in/en/4.md', 'in/en/5.md', 'in/en/6.md', '--out', 'b', '--save-templates', 'b.json'], root)).code).toBe(ExitCode.ok)
    expect((await run(['in', '--out', 'all', '--save-templates', 'all.json'], root)).code).toBe(ExitCode.ok)
    const merged = await run(['templates', 'merge', 'a.json', 'b.json', '-o', 'ab.json'], root)
    expect(merged.code).toBe(ExitCode.ok)
    expect(merged.stderr).toContain('ab.json: 2 indexes merged: 1 sites, 6 articles')
    expect((await run(['templates', 'merge', 'b.json', 'a.json', '-o', 'ba.json'], root)).code).toBe(ExitCode.ok)
    const ab = readFileSync(join(root, 'ab.json'), 'utf8')
    expect(readFileSync(join(root, 'ba.json'), 'utf8')).toBe(ab)
    // The template blocks (in every article) have the counts a batch of all six gives.
    const all = parseTemplateIndex(readFileSync(join(root, 'all.json'), 'utf8')).sites.get('harbour-news.example')!
    const sum = parseTemplateIndex(ab).sites.get('harbour-news.example')!
    expect(sum.articles).toBe(6)
    for (const [hash, entry] of all.blocks) if (entry.df === 6) expect(sum.blocks.get(hash)).toEqual(entry)
    expect(serializeTemplateIndex(parseTemplateIndex(ab))).toBe(ab)
  })

  it('keeps every count, so merging merged indexes again adds up as one merge does', async () => {
    const en = sites.filter((article) => article.path.startsWith('en/'))
    const root = siteTree(en)
    for (const [name, files] of [
      ['a', ['in/en/1.md', 'in/en/2.md']],
      ['b', ['in/en/3.md', 'in/en/4.md']],
      ['c', ['in/en/5.md', 'in/en/6.md']],
    ] as const) {
      expect((await run(['templates', 'learn', ...files, '-o', `${name}.json`], root)).code).toBe(ExitCode.ok)
    }
    expect((await run(['templates', 'merge', 'a.json', 'b.json', 'c.json', '-o', 'abc.json'], root)).code).toBe(ExitCode.ok)
    expect((await run(['templates', 'merge', 'a.json', 'b.json', '-o', 'ab.json'], root)).code).toBe(ExitCode.ok)
    expect((await run(['templates', 'merge', 'ab.json', 'c.json', '-o', 'ab-c.json'], root)).code).toBe(ExitCode.ok)
    const once = readFileSync(join(root, 'abc.json'), 'utf8')
    expect(readFileSync(join(root, 'ab-c.json'), 'utf8')).toBe(once)
    // Blocks seen in one article only are kept too.
    const site = parseTemplateIndex(once).sites.get('harbour-news.example')!
    expect((site.singles?.size ?? 0) + [...site.blocks.values()].filter((entry) => entry.df === 1).length).toBeGreaterThan(0)
  })

  it('says what is wrong with its arguments (exit 2)', async () => {
    const root = tree({'bad.json': '[]'})
    expect((await run(['templates'], root)).stderr).toContain('expected a command: merge')
    expect((await run(['templates', 'split'], root)).stderr).toContain('unknown command `split`')
    expect((await run(['templates', 'merge', '-o', 'x.json'], root)).stderr).toContain('give the index files to merge')
    expect((await run(['templates', 'merge', 'bad.json'], root)).stderr).toContain('missing -o')
    const bad = await run(['templates', 'merge', 'bad.json', '-o', 'x.json'], root)
    expect(bad.code).toBe(ExitCode.usage)
    expect(bad.stderr).toContain('bad.json: not a template index')
    expect((await run(['templates', '--help'], root)).stdout).toContain('Usage: decruft templates merge')
  })
})

/**
 * `--report <file.html>`: a batch (in-process and on worker threads) and
 * check mode write one self-contained page. Checked without a browser:
 * the HTML parses; its CSP allows only the page's own script and style by
 * hash (no unsafe-*); nothing from an article becomes an element or an
 * attribute (the page around the data is the same for a payload batch as for
 * a benign one, and the data is JSON with `<` escaped and base64); each
 * body decodes (gzip) to the article and removals whose offsets and keep
 * hashes match the record; the option is refused where it has no run.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {keepHash} from '../src/engine/keep-hash.js'
import {expandOperands, runBatch} from '../src/node/index.js'
import {openReport} from '../src/node/report-file.js'
import {reportAssets} from '../src/report/html/assets.generated.js'
import {base64Of, cspHash, jsonForScript} from '../src/report/html/page.js'
import type {ReportBody, ReportIndexEntry} from '../src/report/report-entry.js'
import type {ArticleRecord} from '../src/record.js'
import {tree} from './support/temp-tree.js'

const PAYLOAD = [
  '---',
  'title: "</script><script>window.pwned=1</script>"',
  'tags: one, two',
  '---',
  '# Hello <img src=x onerror="window.pwned=2">',
  '',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  'Kept text with ${window.pwned=3} and {{constructor.constructor("window.pwned=4")()}}.',
  '',
  '<!-- ads start -->',
  '<script>window.pwned=5</script><svg onload="window.pwned=6"></svg> Buy at https://shop.example.com/deal?utm_source=x',
  '<!-- ads end -->',
  '',
  '<noscript><p title="</noscript><img src=x onerror=window.pwned=7>"></noscript>',
  '',
  '[click](javascript:window.pwned=8)',
  '',
].join('\n')

const LINK_FARM = [
  '# Notes </script><b>',
  '',
  'Text.',
  '',
  'Also read:',
  '',
  '- [One](https://a.example/1)',
  '- [Two](https://a.example/2)',
  '- [Three](https://a.example/3)',
  '',
].join('\n')

const BENIGN = '# Plain\n\nNothing to remove here.\n'

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

function elements(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type === 'element') {
      found.push(child)
      elements(child, found)
    }
  }
  return found
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
}

interface ParsedReport {
  html: string
  csp: string
  scripts: Element[]
  index: {summary: {articles: number; failed: number; removals: number; byRule: Array<[string, number]>}; articles: ReportIndexEntry[]}
  bodies: Map<number, ReportBody>
}

function readReport(file: string): ParsedReport {
  const html = readFileSync(file, 'utf8')
  const tree = fromHtml(html)
  const all = elements(tree)
  const csp = all.find((element) => element.tagName === 'meta' && element.properties['httpEquiv']?.toString() === 'Content-Security-Policy')
  const scripts = all.filter((element) => element.tagName === 'script')
  const indexScript = scripts.find((script) => script.properties['id'] === 'decruft-index')!
  const bodies = new Map<number, ReportBody>()
  for (const script of scripts.filter((element) => element.properties['type'] === 'application/octet-stream')) {
    const n = Number(String(script.properties['id']).slice(2))
    bodies.set(n, JSON.parse(gunzipSync(Buffer.from(textOf(script), 'base64')).toString('utf8')) as ReportBody)
  }
  return {html, csp: String(csp?.properties['content'] ?? ''), scripts, index: JSON.parse(textOf(indexScript)), bodies}
}

/** The page with the data taken out: the index JSON, the bodies and the date. */
function frame(html: string): string {
  return html
    .replace(/(<script type="application\/json" id="decruft-index">)[^<]*(<\/script>)/, '$1$2')
    .replace(/<script type="application\/octet-stream" id="b-\d+">[A-Za-z0-9+/=]*<\/script>\n/g, '')
}

describe('--report on a batch', () => {
  it('writes a page whose markup holds nothing from the articles, with a strict CSP', async () => {
    const root = tree({'in/site/payload.md': PAYLOAD, 'in/site/<b onclick=x>farm.md': LINK_FARM, 'ok/plain.md': BENIGN})
    const payload = await run(['in', '--out', 'out', '--report', 'payload.html', '-q'], root)
    expect(payload).toMatchObject({code: ExitCode.ok, stderr: ''})
    expect((await run(['ok', '--out', 'out-ok', '--report', 'benign.html', '-q'], root)).code).toBe(ExitCode.ok)
    const report = readReport(join(root, 'payload.html'))
    const benign = readReport(join(root, 'benign.html'))

    // The frame around the data is the same, whatever the articles hold: no element or attribute comes from them.
    expect(frame(report.html)).toBe(frame(benign.html))
    expect(report.html).toMatch(/^<!doctype html>\n<html lang="en" data-ready="0">/)
    // Three kinds of script: the index (JSON), the page's own, and the bodies; only the page's own runs.
    const runnable = report.scripts.filter((script) => script.properties['type'] === undefined)
    expect(runnable).toHaveLength(1)
    expect(textOf(runnable[0]!)).toBe(reportAssets.script)
    expect(report.scripts.filter((script) => script.properties['type'] === 'application/json')).toHaveLength(1)
    expect(report.bodies.size).toBe(2)
    // The JSON holds no `<` at all: nothing in it can close its element.
    const indexText = /id="decruft-index">([^<]*)<\/script>/.exec(report.html)![1]!
    expect(indexText).toContain('\\u003c/script>')

    expect(report.csp).toContain("default-src 'none'")
    expect(report.csp).toContain(`script-src ${cspHash(reportAssets.script)}`)
    expect(report.csp).toContain(`style-src ${cspHash(reportAssets.style)}`)
    expect(report.csp).not.toMatch(/unsafe|\*|https?:|data:|blob:/)
  })

  it('lists every article with its counts, and each body decodes to the text and removals the record holds', async () => {
    const root = tree({'in/site/payload.md': PAYLOAD, 'in/site/farm.md': LINK_FARM, 'in/plain.md': BENIGN})
    expect((await run(['in', '--out', 'out', '--report', 'r.html', '-q'], root)).code).toBe(ExitCode.ok)
    const report = readReport(join(root, 'r.html'))
    expect(report.index.articles.map((entry) => entry.p)).toEqual(['in/plain.md', 'in/site/farm.md', 'in/site/payload.md'])
    let total = 0
    for (const [n, entry] of report.index.articles.entries()) {
      const record = JSON.parse(readFileSync(join(root, 'out', entry.p.slice(3).replace(/\.md$/, '.json')), 'utf8')) as ArticleRecord
      expect(entry.r).toEqual(record.stats.removals)
      const body = report.bodies.get(n)!
      expect(body.path).toBe(entry.p)
      expect(body.text).toBe(readFileSync(join(root, entry.p), 'utf8'))
      expect(body.removals.map((removal) => [removal.rule, removal.start, removal.end])).toEqual(
        record.removals.map((removal) => [removal.rule, removal.start.offset, removal.end.offset]),
      )
      for (const removal of body.removals) expect(removal.hash).toBe(keepHash(body.text.slice(removal.start, removal.end)))
      expect(body.changes.map((change) => change.key)).toEqual(record.changes.map((change) => change.key))
      total += Object.values(entry.r).reduce((sum, count) => sum + count, 0)
    }
    expect(report.index.summary).toMatchObject({articles: 3, failed: 0, removals: total})
    const payload = report.bodies.get(2)!
    const ad = payload.removals.find((removal) => removal.rule === 'ad-block')!
    expect(ad.urls).toEqual(['https://shop.example.com/deal?utm_source=x'])
    expect(ad.hosts).toEqual(['shop.example.com'])
    expect(
      payload.removals
        .filter((removal) => removal.locked)
        .every((removal) => removal.rule === 'unsafe-html' || removal.rule === 'frontmatter'),
    ).toBe(true)
    expect(payload.title).toBe('</script><script>window.pwned=1</script>')
  })

  it('gives the same report from worker threads as in-process', async () => {
    const root = tree({'in/a.md': PAYLOAD, 'in/b.md': LINK_FARM, 'in/c.md': BENIGN})
    const {files} = await expandOperands(['in'], {cwd: root})
    const bodies: Record<string, string[]> = {inline: [], workers: []}
    for (const pool of ['inline', 'workers'] as const) {
      await runBatch(files, {
        outDir: pool,
        cwd: root,
        pool,
        concurrency: 2,
        report: true,
        onFile: (outcome) => bodies[pool]!.push(outcome.ok ? gunzipSync(Buffer.from(outcome.report!.body, 'base64')).toString() : ''),
      })
    }
    expect(bodies['workers']).toHaveLength(3)
    expect(bodies['workers']).toEqual(bodies['inline'])
  })

  it('lists a failed article with its error and no body', async () => {
    const root = tree({'in/good.md': LINK_FARM, 'in/bad.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x0a])})
    const result = await run(['in', '--out', 'out', '--report', 'r.html', '-q'], root)
    expect(result.code).toBe(ExitCode.failures)
    const report = readReport(join(root, 'r.html'))
    expect(report.index.articles.map((entry) => [entry.p, entry.e === undefined])).toEqual([
      ['in/bad.md', false],
      ['in/good.md', true],
    ])
    expect([...report.bodies.keys()]).toEqual([1])
    expect(report.index.summary.failed).toBe(1)
  })
})

describe('--report in check mode', () => {
  it('writes the page of what a clean would remove, and reads no cache', async () => {
    const root = tree({'in/farm.md': LINK_FARM})
    const result = await run(['check', 'in', '--cache', '--report', 'r.html'], root)
    expect(result.code).toBe(ExitCode.problems)
    const report = readReport(join(root, 'r.html'))
    expect(report.index.articles).toHaveLength(1)
    expect(report.index.articles[0]!.r['link-farm']).toBe(1)
    expect(report.bodies.get(0)!.removals.some((removal) => removal.rule === 'link-farm')).toBe(true)
  })
})

describe('--report usage', () => {
  it('is refused with -, --jsonl, --diff and --stdin-filename, and needs a file', async () => {
    const root = tree({'a.md': BENIGN})
    for (const argv of [
      ['-', '--report', 'r.html'],
      ['--jsonl', '--report', 'r.html'],
      ['--diff', 'a.md', '--report', 'r.html'],
      ['check', '--stdin-filename', 'a.md', '--report', 'r.html'],
      ['a.md', '--out', 'o', '--report', ''],
    ]) {
      const result = await run(argv, root)
      expect(result.code, argv.join(' ')).toBe(ExitCode.usage)
      expect(result.stderr).toContain('--report')
    }
  })

  it('names the report when it cannot be written; the articles are still written', async () => {
    const root = tree({'in/a.md': LINK_FARM})
    const result = await run(['in', '--out', 'out', '--report', 'missing/folder/r.html', '-q'], root)
    expect(result.code).toBe(ExitCode.failures)
    expect(result.stderr).toContain('missing/folder/r.html: cannot write the review report')
    expect(readFileSync(join(root, 'out/a.md'), 'utf8')).not.toContain('Also read')
  })
})

describe('page pieces', () => {
  it('escapes < (and the JS line separators) in embedded JSON, and reads back the same value', () => {
    const value = {a: '</script><!--', b: '\u2028\u2029'}
    const json = jsonForScript(value)
    expect(json).not.toMatch(/[<\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual(value)
  })
  it('writes base64 as Node does', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({length}, (_, index) => (index * 37 + 11) % 256)
      expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
  it('leaves no file behind when a report is abandoned', async () => {
    const root = tree({})
    const writer = await openReport(join(root, 'r.html'))
    writer.add({path: 'a.md', error: 'x'})
    await writer.abandon()
    expect(() => readFileSync(join(root, 'r.html'))).toThrow()
  })
})

/**
 * The review report is attack surface: it shows scraped text. The payload
 * articles (tests/fixtures-report/payloads: scripts, event handlers,
 * `javascript:` URLs, SVG and MathML, `<iframe srcdoc>`, `<base>`, `<meta
 * http-equiv=refresh>`, `<style>`, mutation-XSS shapes, broken tags,
 * `</script>` in text and frontmatter, template syntax), some removed inside
 * ads and some kept as article text, plus payloads in file and folder names
 * (made here: a name cannot hold `/`, and such names do not belong in git),
 * are reported by the built CLI and opened in headless Chromium. The test
 * does everything a reader can: opens every article, picks every kind of
 * "keep this" for every removal, presses the keys, toggles every rule,
 * searches for markup. Nothing may run: no dialog, no page error, no console
 * error, no CSP violation, no request, no `window.__decruftPwned` (what every
 * payload sets), and no element or attribute in the page that came from an
 * article (no handler attribute, no image, frame, SVG, base or link); the
 * payloads are shown as text instead.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {parse} from 'yaml'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {chromium, collectCspViolations, inPage, launchChromium, openReport} from './support/browser.js'
import {needs, ROOT} from './support/external.js'
import {runDecruft, workFolderWith} from './support/report-run.js'
import {removeBestEffort} from './support/temp-tree.js'

const PAYLOADS = join(ROOT, 'tests', 'fixtures-report', 'payloads')
const SLOW = 300_000

/** Articles whose path carries the payload: `in/<path>` (each also has a payload title and an ad with a payload). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
const PATH_PAYLOADS = ['a</script><svg onload=alert(8)>/b.md', '"><img src=x onerror=alert(9)>.md', "${alert(10)}{{7*7}}'&amp;.md"]

function pathPayloadArticle(n: number): string {
  return [
    '---',
    `title: "</title></script><script>window.__decruftPwned='path-title-${n}';alert(${n})</script>"`,
    '---',
    '',
    `Paragraph ${n} of an article whose file name is hostile.`,
    '',
    '<!-- affiliate ads begin -->',
    `<img src="x" onerror="window.__decruftPwned='path-ad-${n}';alert('path-ad-${n}')">`,
    '<!-- affiliate ads end -->',
    '',
    'The end.',
    '',
  ].join('\n')
}

let browser: Browser | undefined
let work = ''

beforeAll(async () => {
  if (chromium.missing() !== undefined) return
  work = workFolderWith(PAYLOADS, 'decruft-report-payloads-')
  PATH_PAYLOADS.forEach((path, n) => {
    const file = join(work, 'in', path)
    mkdirSync(join(file, '..'), {recursive: true})
    writeFileSync(file, pathPayloadArticle(n))
  })
  const run = await runDecruft(['in', '--out', 'out', '--report', 'report.html'], work)
  if (run.code !== 0) throw new Error(`decruft exited ${run.code}: ${run.stderr}`)
  browser = await launchChromium()
}, SLOW)

afterAll(async () => {
  await browser?.close()
  await removeBestEffort(work)
}, SLOW)

beforeEach((context) => needs(context, chromium))

/** Page code: every element in the page that a payload could have put there, described. */
const INTRUDERS = `[...document.querySelectorAll('*')].flatMap((element) => {
  const found = []
  for (const attribute of element.attributes) {
    if (/^on/i.test(attribute.name)) found.push(element.localName + '[' + attribute.name + ']')
    if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value) && attribute.name !== 'content') found.push(element.localName + '[' + attribute.name + '=' + attribute.value + ']')
  }
  if (/^(img|svg|math|iframe|frame|object|embed|base|link|form|noscript|template|video|audio|source|picture|style)$/.test(element.localName) && !element.closest('head'))
    found.push(element.localName)
  if (element.localName === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh')
  if (element.localName === 'textarea' && element.id !== 'snippet') found.push('textarea')
  return found
})`

describe('the review report of hostile articles', () => {
  it(
    'runs nothing from an article, whatever the reader does, and shows the payloads as text',
    async () => {
      if (!browser) throw new Error('no browser')
      const {page, incidents} = await openReport(browser, join(work, 'report.html'))
      try {
        const scripts = await inPage<number>(page, 'document.scripts.length')
        const paths = await inPage<string[]>(
          page,
          `[...document.querySelectorAll('#articles [data-article] .path')].map((path) => path.textContent)`,
        )
        // Every article is listed, hostile paths spelled out as text.
        expect(paths.length).toBe(4 + PATH_PAYLOADS.length)
        for (const path of PATH_PAYLOADS) expect(paths).toContain(`in/${path}`)

        const numbers = await inPage<string[]>(
          page,
          `[...document.querySelectorAll('#articles [data-article]')].map((row) => row.dataset.article)`,
        )
        for (const number of numbers) {
          await page.click(`#articles [data-article="${number}"]`)
          await page.waitForFunction(
            `document.querySelector('#articles [data-article="${number}"]')?.classList.contains('open') && document.querySelector('#article pre.document') !== null`,
            {timeout: SLOW},
          )
          // The keys first: focus the next removal, keep it (as its text).
          await inPage(page, 'document.activeElement?.blur()')
          await page.keyboard.press('n')
          await page.keyboard.press('x')
          // Then every kind of "keep this" for every removal, each kept in the end: by its text, a URL, a host or its
          // rule off for the folder (the last kind, which a lone removal ends on): the snippet holds hostile paths, URLs, hosts.
          const selects = await inPage<Array<{removal: string; values: string[]}>>(
            page,
            `[...document.querySelectorAll('#article select.keep-kind')].map((select) => ({removal: select.dataset.removal, values: [...select.options].map((option) => option.value)}))`,
          )
          for (const {removal, values} of selects) {
            const select = `#article select.keep-kind[data-removal="${removal}"]`
            for (const value of values) await page.select(select, value)
            if (selects.length > 1) await page.select(select, values[Number(removal) % values.length] ?? 'text')
            const button = `#article button.keep[data-removal="${removal}"]`
            if ((await inPage(page, `document.querySelector('${button}').getAttribute('aria-pressed')`)) !== 'true')
              await page.click(button)
          }
          await inPage(page, 'document.activeElement?.blur()')
          await page.keyboard.press('j')
        }
        for (const rule of await inPage<string[]>(
          page,
          `[...document.querySelectorAll('#rules button[data-rule]')].map((b) => b.dataset.rule)`,
        )) {
          await page.click(`#rules button[data-rule=${JSON.stringify(rule)}]`)
          await page.click(`#rules button[data-rule=${JSON.stringify(rule)}]`)
        }
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
        for (const query of ['<script>', '</script>', '<img src=x onerror=alert(1)>', '${alert(1)}', '{{7*7}}']) {
          await page.click('#search', {count: 3})
          await page.type('#search', query)
        }
        await page.click('#copy-snippet').catch(() => undefined)

        await collectCspViolations(page, incidents)
        expect(incidents).toEqual({console: [], pageErrors: [], dialogs: [], requests: [], cspViolations: []})
        expect(await inPage(page, 'typeof window.__decruftPwned')).toBe('undefined')
        expect(await inPage(page, INTRUDERS)).toEqual([])
        expect(await inPage(page, 'document.scripts.length')).toBe(scripts)
        expect(await inPage(page, 'document.baseURI')).toBe(page.url())

        // The payloads are there, as text: a removed one in an ad and a kept one in prose.
        await page.click('#search', {count: 3})
        await page.type('#search', 'script-in-ads')
        await page.waitForFunction(`document.querySelectorAll('#articles [data-article]').length === 1`, {timeout: SLOW})
        await page.click('#articles [data-article]')
        await page.waitForFunction(`document.querySelector('#article h2.path')?.textContent === 'in/script-in-ads.md'`, {timeout: SLOW})
        const removed = await inPage<string[]>(page, `[...document.querySelectorAll('#article del.removal')].map((del) => del.textContent)`)
        expect(removed.join('\n')).toContain(`<script>window.__decruftPwned = 'ad-script'; alert('ad-script')</script>`)
        const document = await inPage<string>(page, `document.querySelector('#article pre.document').textContent`)
        expect(document).toContain('A literal closing tag in prose, </script> like this')
        expect(await inPage(page, `document.querySelector('#article p.title').textContent`)).toContain(
          `</script><script>window.__decruftPwned='title';alert('title')</script>`,
        )

        // The snippet, with every hostile path, URL and host in it, is still a rules file the CLI loads.
        const snippet = await inPage<string>(page, `document.querySelector('#snippet').value`)
        expect(snippet).toContain('a</script><svg onload=alert(8)>/')
        expect(() => parse(snippet)).not.toThrow()
        writeFileSync(join(work, 'keep.yaml'), snippet)
        const again = await runDecruft(['in', '--out', 'out-kept', '--rules', 'keep.yaml'], work)
        expect(again.code, again.stderr).toBe(0)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )
})

/**
 * The HTML review report (`--report <file.html>`, docs/report.md) in a real
 * browser: headless Chromium (tests/support/browser.ts) opens the page the
 * built CLI wrote for tests/fixtures-report/articles, as a reader would
 * (`file://`), and the page must load without a console error, an uncaught
 * exception, a dialog, a CSP violation or any request but its own file; the
 * rule filters and the search change the list; `j`/`k`/`Enter`/`/` work;
 * an open article shows its document with each removal in place.
 *
 * The round trip: "keep this" on chosen removals (by text hash, by host,
 * and a rule switched off for a folder), the snippet read from `#snippet`
 * and from the downloaded file, and the next run with `--rules` that file
 * keeps exactly those spans (listed in the record's `kept`) and makes every
 * other removal.
 *
 * The payload articles (tests/fixtures-report/payloads) are in
 * tests/report-browser-payloads.test.ts.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {chromium, collectCspViolations, inPage, launchChromium, openReport, type PageIncidents} from './support/browser.js'
import {needs, ROOT} from './support/external.js'
import {type RecordSeen, readRecords, runDecruft, workFolderWith} from './support/report-run.js'
import {removeBestEffort} from './support/temp-tree.js'

const ARTICLES = join(ROOT, 'tests', 'fixtures-report', 'articles')
/** Starting Chromium and a CLI run on a loaded 2-core machine can be slow: hooks and tests get minutes, and nothing is timed. */
const SLOW = 240_000

let browser: Browser | undefined
let work = ''
/** The first run's records, by article (`tech/router`). */
let records = new Map<string, RecordSeen>()

beforeAll(async () => {
  if (chromium.missing() !== undefined) return
  work = workFolderWith(ARTICLES, 'decruft-report-browser-')
  const run = await runDecruft(['in', '--out', 'out', '--report', 'report.html'], work)
  if (run.code !== 0) throw new Error(`decruft exited ${run.code}: ${run.stderr}`)
  records = readRecords(join(work, 'out'))
  browser = await launchChromium()
}, SLOW)

afterAll(async () => {
  await browser?.close()
  await removeBestEffort(work)
}, SLOW)

beforeEach((context) => needs(context, chromium))

/** The report in a new page, opened and rendered (the caller closes it). */
function open(): Promise<{page: Page; incidents: PageIncidents}> {
  if (!browser) throw new Error('no browser')
  return openReport(browser, join(work, 'report.html'))
}

/** Assert the page did nothing a report never should (docs/report.md, "Safety"). */
async function expectWellBehaved(page: Page, incidents: PageIncidents): Promise<void> {
  await collectCspViolations(page, incidents)
  expect(incidents).toEqual({console: [], pageErrors: [], dialogs: [], requests: [], cspViolations: []})
}

/** The paths of the rows the list shows, in order. */
function listedPaths(page: Page): Promise<string[]> {
  return inPage(page, `[...document.querySelectorAll('#articles [data-article] .path')].map((path) => path.textContent)`)
}

/** The displayed path of article `key` (`tech/router` → `in/tech/router.md`). */
function displayPath(key: string): string {
  return `in/${key}.md`
}

/** Wait until the list shows `count` rows. */
async function listHas(page: Page, count: number): Promise<void> {
  await page.waitForFunction(`document.querySelectorAll('#articles [data-article]').length === ${count}`, {timeout: SLOW})
}

/** Open the article at `path` by clicking its row; wait until the document is shown. */
async function openArticle(page: Page, path: string): Promise<void> {
  const number = await inPage<string | undefined>(
    page,
    `[...document.querySelectorAll('#articles [data-article]')].find((row) => row.querySelector('.path').textContent === ${JSON.stringify(path)})?.dataset.article`,
  )
  if (number === undefined) throw new Error(`${path} is not in the list`)
  await page.click(`#articles [data-article="${number}"]`)
  await waitForOpen(page, path)
}

/** Wait until `#article` shows the article at `path` with its document. */
async function waitForOpen(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    `document.querySelector('#article h2.path')?.textContent === ${JSON.stringify(path)} && document.querySelector('#article pre.document') !== null`,
    {timeout: SLOW},
  )
}

describe('the review report in Chromium', () => {
  it(
    'loads from file:// with no console error, page error, dialog, CSP violation or request but its own file',
    async () => {
      const {page, incidents} = await open()
      try {
        expect(await inPage(page, `document.querySelector('#articles').dataset.count`)).toBe(String(records.size))
        expect((await listedPaths(page)).sort()).toEqual([...records.keys()].map(displayPath).sort())
        const rules = new Set([...records.values()].flatMap((record) => record.removals.map((removal) => removal.rule)))
        expect(
          await inPage<string[]>(page, `[...document.querySelectorAll('#rules button[data-rule]')].map((b) => b.dataset.rule)`),
        ).toEqual(expect.arrayContaining([...rules]))
        expect(await inPage(page, `document.querySelector('#summary').textContent`)).toContain(`${records.size} articles`)
        // The page's own policy: no unsafe-inline, no unsafe-eval, nothing from the network.
        const csp = await inPage<string>(page, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)
        expect(csp).toContain("default-src 'none'")
        expect(csp).not.toContain('unsafe-')
        await expectWellBehaved(page, incidents)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )

  it(
    'filters the list by rule (aria-pressed), and by two rules as either',
    async () => {
      const {page, incidents} = await open()
      try {
        const having = (rule: string) =>
          [...records]
            .filter(([, record]) => record.removals.some((removal) => removal.rule === rule))
            .map(([key]) => displayPath(key))
            .sort()
        const feedFooter = having('feed-footer')
        const adBlock = having('ad-block')
        expect(feedFooter.length).toBeGreaterThan(0)
        expect(feedFooter.length).toBeLessThan(records.size)

        await page.click('#rules button[data-rule="feed-footer"]')
        await listHas(page, feedFooter.length)
        expect((await listedPaths(page)).sort()).toEqual(feedFooter)
        expect(await inPage(page, `document.querySelector('#rules button[data-rule="feed-footer"]').getAttribute('aria-pressed')`)).toBe(
          'true',
        )

        await page.click('#rules button[data-rule="ad-block"]')
        const either = [...new Set([...feedFooter, ...adBlock])].sort()
        await listHas(page, either.length)
        expect((await listedPaths(page)).sort()).toEqual(either)

        await page.click('#rules button[data-rule="feed-footer"]')
        await page.click('#rules button[data-rule="ad-block"]')
        await listHas(page, records.size)
        expect(await inPage(page, `document.querySelector('#rules button[data-rule="feed-footer"]').getAttribute('aria-pressed')`)).toBe(
          'false',
        )
        await expectWellBehaved(page, incidents)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )

  it(
    'searches by path and by removed text',
    async () => {
      const {page, incidents} = await open()
      try {
        await page.type('#search', 'garden/')
        await listHas(page, 2)
        expect((await listedPaths(page)).sort()).toEqual(['in/garden/roses.md', 'in/garden/soil.md'])

        // Removed text: only the router article's ad links to this host.
        await page.click('#search', {count: 3})
        await page.type('#search', 'shopper.pxf.io')
        await listHas(page, 1)
        expect(await listedPaths(page)).toEqual(['in/tech/router.md'])

        await page.click('#search', {count: 3})
        await page.keyboard.press('Backspace')
        await listHas(page, records.size)
        await expectWellBehaved(page, incidents)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )

  it(
    'moves with j/k, opens with Enter, focuses the search with /',
    async () => {
      const {page, incidents} = await open()
      try {
        const paths = await listedPaths(page)
        const selected = () => inPage<string>(page, `document.querySelector('#articles [aria-selected="true"] .path')?.textContent ?? ''`)
        expect(await selected()).toBe(paths[0])
        await page.keyboard.press('j')
        await page.keyboard.press('j')
        expect(await selected()).toBe(paths[2])
        await page.keyboard.press('Enter')
        await waitForOpen(page, paths[2] ?? '')
        await page.keyboard.press('k')
        expect(await selected()).toBe(paths[1])
        await page.keyboard.press('Enter')
        await waitForOpen(page, paths[1] ?? '')

        await page.keyboard.press('/')
        expect(await inPage(page, 'document.activeElement?.id')).toBe('search')
        await page.keyboard.type('soil')
        await listHas(page, 1)
        await expectWellBehaved(page, incidents)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )

  it(
    'shows an opened article as its text with each removal in place, and its frontmatter changes',
    async () => {
      const {page, incidents} = await open()
      try {
        for (const [key, record] of records) {
          await openArticle(page, displayPath(key))
          const shown = await inPage<Array<{rule: string; text: string}>>(
            page,
            `[...document.querySelectorAll('#article del.removal')].map((del) => ({rule: del.dataset.rule, text: del.textContent}))`,
          )
          // Every removal is there, struck through, with its rule (parts of a removal of several spans each on their own).
          expect(shown).toEqual(record.removals.map((removal) => ({rule: removal.rule, text: removal.text})))
          // Around them, the article's text as it was read: nothing lost, nothing added (the `ins` are replacements shown beside).
          const text = await inPage<string>(
            page,
            `[...document.querySelector('#article pre.document').childNodes].filter((node) => node.nodeName !== 'INS').map((node) => node.textContent).join('')`,
          )
          expect(text).toBe(readFileSync(join(work, 'in', `${key}.md`), 'utf8'))
        }
        await openArticle(page, 'in/tech/router.md')
        const table = await inPage<string[][]>(
          page,
          `[...document.querySelectorAll('#article table.frontmatter tr')].slice(1).map((row) => [...row.cells].map((cell) => cell.textContent))`,
        )
        expect(table.map((row) => row[0])).toEqual(expect.arrayContaining(['date', 'keywords']))
        expect(table.find((row) => row[0] === 'keywords')?.[1]).toContain('Router,router reset , wifi')
        await expectWellBehaved(page, incidents)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )
})

describe('"keep this": the snippet from the page makes the next run keep exactly those spans', () => {
  it(
    'keeps a text, a host and a rule for a folder, and makes every other removal',
    async () => {
      const {page, incidents} = await open()
      const downloads = mkdtempSync(join(tmpdir(), 'decruft-report-download-'))
      try {
        /** The chosen removals: article, rule, and how the page is asked to keep it. */
        const chosen = [
          {key: 'tech/router', rule: 'tracking-param', kind: 'text'},
          {key: 'garden/roses', rule: 'ad-block', kind: 'host:shop.example'},
          {key: 'garden/soil', rule: 'feed-footer', kind: 'folder'},
        ]
        for (const choice of chosen) {
          await openArticle(page, displayPath(choice.key))
          const removal = await inPage<string | undefined>(
            page,
            `document.querySelector('#article del.removal[data-rule=${JSON.stringify(choice.rule)}]')?.dataset.removal`,
          )
          if (removal === undefined) throw new Error(`no ${choice.rule} removal in ${choice.key}`)
          await page.select(`#article select.keep-kind[data-removal="${removal}"]`, choice.kind)
          await page.click(`#article button.keep[data-removal="${removal}"]`)
          expect(
            await inPage(page, `document.querySelector('#article button.keep[data-removal="${removal}"]').getAttribute('aria-pressed')`),
          ).toBe('true')
        }
        const snippet = await inPage<string>(
          page,
          `document.querySelector('#snippet').value ?? document.querySelector('#snippet').textContent`,
        )
        expect(snippet).toMatch(/^keep:/m)

        // The download hands over the same text.
        const session = await page.createCDPSession()
        await session.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads})
        await page.click('#download-snippet')
        const downloaded = join(downloads, 'keep.yaml')
        await waitFor(() => existsSync(downloaded) && readFileSync(downloaded, 'utf8') === snippet, SLOW)
        expect(readFileSync(downloaded, 'utf8')).toBe(snippet)
        await expectWellBehaved(page, incidents)

        writeFileSync(join(work, 'keep.yaml'), snippet)
        const again = await runDecruft(['in', '--out', 'out-kept', '--rules', 'keep.yaml'], work)
        expect(again.stderr).not.toMatch(/warning|error/i)
        expect(again.code).toBe(0)
        const after = readRecords(join(work, 'out-kept'))

        const span = (removal: {rule: string; start: {offset: number}; end: {offset: number}}) =>
          `${removal.rule} ${removal.start.offset}-${removal.end.offset}`
        for (const [key, before] of records) {
          const record = after.get(key)
          expect(record, key).toBeDefined()
          // What this article's choices keep: the chosen rule's removals the entry matches (the whole removal, each part).
          const keptHere = before.removals.filter((removal) =>
            chosen.some(
              (choice) =>
                choice.rule === removal.rule &&
                (choice.key === key || (choice.kind === 'folder' && key.startsWith(`${choice.key.split('/')[0]}/`))),
            ),
          )
          expect((record?.kept ?? []).map(span), key).toEqual(keptHere.map(span))
          // Every other removal is still made, exactly as before.
          expect(record?.removals.map(span), key).toEqual(before.removals.filter((removal) => !keptHere.includes(removal)).map(span))
          const output = readFileSync(join(work, 'out-kept', `${key}.md`), 'utf8')
          for (const removal of keptHere) expect(output, key).toContain(removal.text.trim())
          if (keptHere.length === 0) expect(output).toBe(readFileSync(join(work, 'out', `${key}.md`), 'utf8'))
        }
        // Each choice kept something.
        for (const choice of chosen)
          expect(
            after.get(choice.key)?.kept?.some((kept) => kept.rule === choice.rule),
            choice.key,
          ).toBe(true)
      } finally {
        await page.close()
        await removeBestEffort(downloads)
      }
    },
    SLOW,
  )
})

/** Poll `condition` until it holds (or fail after `timeout` ms). */
async function waitFor(condition: () => boolean, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * The browser tests' watcher (tests/support/browser.ts `watchPage`) sees what
 * it is there to see: a page that alerts, logs an error, throws, requests a
 * URL and breaks its own CSP is caught on every count. Without this, a
 * payload test that finds nothing could be a watcher that looks at nothing.
 */
import {createHash} from 'node:crypto'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Browser} from 'puppeteer-core'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {chromium, collectCspViolations, fileUrl, launchChromium, watchPage} from './support/browser.js'
import {needs} from './support/external.js'
import {tree} from './support/temp-tree.js'

const SLOW = 240_000

/** A page that does every forbidden thing once, its inline script allowed; then an inline script the CSP blocks. */
const MISBEHAVING = `<!doctype html>
<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-HASH'"></head>
<body><script>SCRIPT</script><script>window.blocked = 1</script></body></html>`
const SCRIPT = `alert('hello'); console.error('broken'); fetch('https://example.invalid/x').catch(() => {}); setTimeout(() => { throw new Error('thrown') })`

let browser: Browser | undefined

beforeAll(async () => {
  if (chromium.missing() === undefined) browser = await launchChromium()
}, SLOW)

afterAll(async () => {
  await browser?.close()
}, SLOW)

beforeEach((context) => needs(context, chromium))

describe('watchPage', () => {
  it(
    'records dialogs, console errors, page errors, requests and CSP violations',
    async () => {
      if (!browser) throw new Error('no browser')
      const hash = createHash('sha256').update(SCRIPT).digest('base64')
      const folder = tree({})
      const file = join(folder, 'page.html')
      writeFileSync(file, MISBEHAVING.replace('HASH', hash).replace('SCRIPT', SCRIPT))
      const page = await browser.newPage()
      try {
        const incidents = await watchPage(page, fileUrl(file))
        await page.goto(fileUrl(file), {waitUntil: 'load', timeout: SLOW})
        // The page throws from a timer: wait for it (no fixed sleep), then for the CSP reports.
        await until(() => incidents.pageErrors.length > 0)
        for (const deadline = Date.now() + SLOW / 2; Date.now() < deadline; ) {
          await collectCspViolations(page, incidents)
          if (incidents.cspViolations.length >= 2) break
        }
        expect(incidents.dialogs).toEqual(['alert: hello'])
        expect(incidents.console).toEqual(expect.arrayContaining(['error: broken']))
        expect(incidents.pageErrors.join('\n')).toContain('thrown')
        // The fetch is blocked by the CSP (a violation, and a console error), or requested: either way it is seen.
        expect([...incidents.requests, ...incidents.cspViolations].join('\n')).toMatch(/example\.invalid|connect-src/)
        expect(incidents.cspViolations.join('\n')).toMatch(/script-src/)
      } finally {
        await page.close()
      }
    },
    SLOW,
  )
})

/** Poll `condition` until it holds; fail after a generous while. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + SLOW / 2
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

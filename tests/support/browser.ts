/**
 * Headless Chromium for the tests that open the HTML review report
 * (tests/report-browser*.test.ts), driven with puppeteer-core: no browser is
 * ever downloaded; the one on the machine is used (Debian's `chromium`
 * package, which `.ci/run` installs; `DECRUFT_CHROMIUM` names another
 * binary).
 *
 * Like the other outside prerequisites (tests/support/external.ts), a
 * missing Chromium skips the test with the reason, and fails it under
 * `DECRUFT_REQUIRE_EXTERNAL=1` (CI).
 *
 * Finding and launching it is scripts/lib/report-browser.js's (the bench
 * measures the report with the same code).
 *
 * {@link watchPage} records everything a page does that a report must never
 * do: console errors, uncaught exceptions, dialogs (`alert`), requests for
 * anything but the file itself, and Content-Security-Policy violations, so a
 * test asserts all of them empty at once.
 */
import {spawnSync} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {CHROMIUM_CANDIDATES, chromiumPath} from '../../scripts/lib/report-browser.js'
import type {Prerequisite} from './external.js'

export {launchChromium} from '../../scripts/lib/report-browser.js'

let checked: {reason: string | undefined} | undefined

/** Headless Chromium, found and answering `--version` (Debian: `apt-get install chromium`; `.ci/run` does). */
export const chromium: Prerequisite = {
  name: 'Chromium',
  missing: () => {
    checked ??= {reason: findChromium()}
    return checked.reason
  },
}

function findChromium(): string | undefined {
  const hint = 'install it (Debian: apt-get install chromium; .ci/run does) or set DECRUFT_CHROMIUM to a Chromium binary'
  const path = chromiumPath()
  if (path === undefined) return `no Chromium at ${CHROMIUM_CANDIDATES.join(', ')}; ${hint}`
  // Debian's /usr/bin/chromium wrapper prints a harmless `[: unexpected operator` on stderr: only the exit status and stdout count.
  const result = spawnSync(path, ['--version'], {encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe']})
  if (result.error) return `${path} cannot be run (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}); ${hint}`
  if (result.status !== 0 || !/\d+\.\d+/.test(result.stdout)) {
    return `\`${path} --version\` exited ${result.status ?? result.signal}: ${(result.stderr || result.stdout).trim().split('\n').pop() ?? ''}; ${hint}`
  }
  return undefined
}

/** What a page did that a report never should (every list empty for a well-behaved page). */
export interface PageIncidents {
  /** `console.error` / `console.warn` messages and console `assert`s, with their text. */
  readonly console: string[]
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[]
  /** `alert`, `confirm`, `prompt`, `beforeunload` dialogs (each dismissed), with their message. */
  readonly dialogs: string[]
  /** Every request but the page's own file (`file://…/report.html`). */
  readonly requests: string[]
  /** Content-Security-Policy violations the page reported (`securitypolicyviolation` events). */
  readonly cspViolations: string[]
}

/** The name under which the page's CSP violations are collected (set before any page script runs). */
const VIOLATIONS = '__decruftTestCspViolations'

/**
 * Watch `page` for {@link PageIncidents} from now on: call it before
 * navigating. `allowedUrl` is the one request that is expected (the report's
 * own file URL); `data:` and `blob:` URLs the page makes itself are not
 * network and are allowed.
 */
export async function watchPage(page: Page, allowedUrl: string): Promise<PageIncidents> {
  const incidents: PageIncidents = {console: [], pageErrors: [], dialogs: [], requests: [], cspViolations: []}
  page.on('console', (message) => {
    const type = message.type()
    if (type === 'error' || type === 'warn' || type === 'assert') incidents.console.push(`${type}: ${message.text()}`)
  })
  page.on('pageerror', (error) => incidents.pageErrors.push(error instanceof Error ? error.message : String(error)))
  page.on('dialog', (dialog) => {
    incidents.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  page.on('request', (request) => {
    const url = request.url()
    if (url !== allowedUrl && !url.startsWith('data:') && !url.startsWith('blob:')) incidents.requests.push(url)
  })
  // Runs in the page before its own scripts (the CSP does not apply to what the test injects over the DevTools protocol).
  // Page code is a string: the tests are type-checked without the DOM library.
  await page.evaluateOnNewDocument(`(() => {
    const violations = []
    Object.defineProperty(window, ${JSON.stringify(VIOLATIONS)}, {value: violations})
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sample + ')')
    })
  })()`)
  return incidents
}

/** Copy the page's CSP violations into `incidents.cspViolations` (call before asserting on them). */
export async function collectCspViolations(page: Page, incidents: PageIncidents): Promise<void> {
  const violations = await inPage<string[]>(page, `[...(window[${JSON.stringify(VIOLATIONS)}] ?? [])]`)
  incidents.cspViolations.splice(0, incidents.cspViolations.length, ...violations)
}

/**
 * The value of `expression` evaluated in `page` (JSON-serialisable). Page code
 * is written as a string: the tests are type-checked without the DOM library.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>
}

/** The `file://` URL of `path` (what Chromium requests when the test opens it). */
export function fileUrl(path: string): string {
  return pathToFileURL(path).href
}

/**
 * Open the report at `path` in a new page of `browser`, watched from the
 * first byte ({@link watchPage}), and wait until its script has done the
 * first render (`<html data-ready="1">`, the page contract of docs/report.md).
 */
export async function openReport(browser: Browser, path: string, timeout = 120_000): Promise<{page: Page; incidents: PageIncidents}> {
  const page = await browser.newPage()
  const url = fileUrl(path)
  const incidents = await watchPage(page, url)
  await page.goto(url, {waitUntil: 'load', timeout})
  await page.waitForSelector('html[data-ready="1"]', {timeout})
  return {page, incidents}
}

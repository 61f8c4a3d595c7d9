/**
 * Headless Chromium for the HTML review report (`--report <file.html>`):
 * finding the binary, launching it with puppeteer-core (which downloads no
 * browser: the machine's Chromium is used, Debian's `chromium` package, or
 * `DECRUFT_CHROMIUM`), and timing what a reader does in the page (time to
 * first paint and to the first render, filtering by a rule, searching,
 * opening an article).
 *
 * Shared by the bench (scripts/lib/bench-report.js) and the browser tests
 * (tests/support/browser.ts, tests/report-browser-scale.test.ts), so both
 * measure the same way. Page code is passed as strings: the tests are
 * type-checked without the DOM library.
 */
import {accessSync, constants} from 'node:fs'
import puppeteer from 'puppeteer-core'

/** Where Chromium is looked for when `DECRUFT_CHROMIUM` is not set: Debian's wrapper and binary, then other distributions' names. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The Chromium binary to launch: `DECRUFT_CHROMIUM` when set, else the first of {@link CHROMIUM_CANDIDATES} present.
 *
 * @returns {string | undefined} undefined when there is none
 */
export function chromiumPath() {
  const chosen = process.env.DECRUFT_CHROMIUM
  if (chosen !== undefined && chosen !== '') return chosen
  return CHROMIUM_CANDIDATES.find(executable)
}

/**
 * Launch headless Chromium ({@link chromiumPath}). `--no-sandbox` only when
 * running as root (Chromium will not start its sandbox as root; CI runs as
 * root); `/dev/shm` is not used, since containers give it a few megabytes.
 * Timeouts are generous: a loaded 2-core machine can take long to start it.
 *
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchChromium() {
  const executablePath = chromiumPath()
  if (executablePath === undefined) throw new Error(`no Chromium at ${CHROMIUM_CANDIDATES.join(', ')} (set DECRUFT_CHROMIUM)`)
  const args = ['--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check']
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  return puppeteer.launch({executablePath, headless: true, args, timeout: 120_000, protocolTimeout: 300_000})
}

/** Set before the page's scripts run: when `<html data-ready>` first turned "1", in the page's clock (ms since navigation start). */
const READY_MARK = '__decruftReadyAt'

/**
 * Open `url` in `page` and time it: milliseconds from navigation start to
 * the first contentful paint and to `<html data-ready="1">` (the page's
 * first render, docs/report.md).
 *
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 * @param {number} [timeout]
 * @returns {Promise<{firstPaintMs: number | undefined, readyMs: number}>}
 */
export async function timeReportLoad(page, url, timeout = 120_000) {
  await page.evaluateOnNewDocument(`(() => {
    const observe = () => {
      const root = document.documentElement
      const check = () => {
        if (root.getAttribute('data-ready') === '1' && window[${JSON.stringify(READY_MARK)}] === undefined) window[${JSON.stringify(READY_MARK)}] = performance.now()
      }
      new MutationObserver(check).observe(root, {attributes: true, attributeFilter: ['data-ready']})
      check()
    }
    if (document.documentElement) observe()
    else document.addEventListener('readystatechange', observe, {once: true})
  })()`)
  await page.goto(url, {waitUntil: 'load', timeout})
  await page.waitForSelector('html[data-ready="1"]', {timeout})
  return /** @type {Promise<{firstPaintMs: number | undefined, readyMs: number}>} */ (
    page.evaluate(`(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0]
      return {firstPaintMs: paint ? paint.startTime : undefined, readyMs: window[${JSON.stringify(READY_MARK)}] ?? performance.now()}
    })()`)
  )
}

/**
 * Time one action in the page: run `action` (page code, statements) and
 * wait until the element `watched` (a selector) has changed (a DOM mutation
 * in it) with `done` (page code, an expression) true, and the next frame is
 * painted. Milliseconds in the page's clock; rejects when that does not
 * happen within `timeout`.
 *
 * @param {import('puppeteer-core').Page} page
 * @param {string} watched
 * @param {string} action
 * @param {{done?: string, timeout?: number}} [options]
 * @returns {Promise<number>}
 */
export function timeAction(page, watched, action, {done = 'true', timeout = 60_000} = {}) {
  return /** @type {Promise<number>} */ (
    page.evaluate(`new Promise((resolve, reject) => {
      const target = document.querySelector(${JSON.stringify(watched)})
      if (!target) return reject(new Error('no ' + ${JSON.stringify(watched)} + ' in the page'))
      let started
      const timer = setTimeout(() => { observer.disconnect(); reject(new Error('nothing in ' + ${JSON.stringify(watched)} + ' changed')) }, ${timeout})
      const observer = new MutationObserver(() => {
        if (!(${done})) return
        observer.disconnect()
        clearTimeout(timer)
        // The change is rendered once the frame after it starts.
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)))
      })
      observer.observe(target, {childList: true, subtree: true, attributes: true, characterData: true})
      started = performance.now()
      ;(() => { ${action} })()
    })`)
  )
}

/**
 * Page code (an expression) that types `text` into the search box `#search` as one input event.
 *
 * @param {string} text
 */
export function searchAction(text) {
  return `const box = document.querySelector('#search'); box.focus(); box.value = ${JSON.stringify(text)}; box.dispatchEvent(new Event('input', {bubbles: true}))`
}

/**
 * Page code (an expression) that clicks the first element matching `selector`.
 *
 * @param {string} selector
 */
export function clickAction(selector) {
  return `document.querySelector(${JSON.stringify(selector)}).click()`
}

/**
 * The median of `values` (at least one).
 *
 * @param {readonly number[]} values
 */
export function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

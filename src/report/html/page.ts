/**
 * The review report's HTML, in the pieces the writer streams out
 * (src/node/report-file.ts): the head with its Content-Security-Policy and
 * style, the index as JSON, the page's script, then each article's body as
 * base64 of gzip in a non-executing `<script type="application/octet-stream">`
 * that the page decodes when the article is opened.
 *
 * Nothing taken from an article is written as HTML: the static part holds
 * no scraped string, the index is JSON with `<` escaped (so no `</script>`
 * can close it), the bodies are base64. The page's script inserts every
 * string with `textContent`. The CSP allows the one script and the one style
 * by their SHA-256 and nothing else (`default-src 'none'`): no network, no
 * inline handlers, no eval.
 */
import {sha256} from '@noble/hashes/sha2.js'
import {utf8ToBytes} from '@noble/hashes/utils.js'

/** The page's assets: the bundled script and the style sheet (assets.generated.ts). */
export interface ReportAssets {
  script: string
  style: string
}

/** Totals the summary shows, known once every article is done. */
export interface ReportSummary {
  articles: number
  failed: number
  removals: number
  /** Removals by rule id, most first. */
  byRule: Array<[string, number]>
  /** Removals by folder, most first (the first ones). */
  byFolder: Array<[string, number]>
  /** When the report was written (ISO 8601). */
  written: string
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 of bytes, padded. */
export function base64Of(bytes: Uint8Array): string {
  let out = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!
    const b = bytes[index + 1]
    const c = bytes[index + 2]
    out += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!
    out += b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!
    out += c === undefined ? '=' : BASE64[c & 63]!
  }
  return out
}

/** The CSP source of an inline script or style: `'sha256-…'` of its exact text. */
export function cspHash(text: string): string {
  return `'sha256-${base64Of(sha256(utf8ToBytes(text)))}'`
}

/** The page's Content-Security-Policy: nothing but the one script and the one style, by hash. */
export function reportCsp(assets: ReportAssets): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(assets.script)}`,
    `style-src ${cspHash(assets.style)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** JSON safe inside a `<script>` element: `<` written as `\u003c`, so nothing in it can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

function assertInline(assets: ReportAssets): void {
  if (/<\/script/i.test(assets.script)) throw new Error('report script holds </script')
  if (/<\/style/i.test(assets.style)) throw new Error('report style holds </style')
}

/** Keyboard help, on the page and in docs/report.md. */
export const REPORT_KEYS: ReadonlyArray<[string, string]> = [
  ['j / k', 'next / previous article'],
  ['Enter', 'open the article'],
  ['/', 'search'],
  ['n / p', 'next / previous removal in the open article'],
  ['x', 'keep the focused removal'],
  ['Esc', 'leave the search box'],
]

/** From `<!doctype html>` to the opening of the index's JSON. */
export function reportPageStart(assets: ReportAssets): string {
  assertInline(assets)
  const keys = REPORT_KEYS.map(([key, what]) => `<li><kbd>${key}</kbd> ${what}</li>`).join('')
  return `<!doctype html>
<html lang="en" data-ready="0">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(assets)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>decruft review</title>
<style>${assets.style}</style>
</head>
<body>
<header><h1>decruft review</h1><ul id="keys">${keys}</ul></header>
<section id="summary" aria-label="summary"></section>
<div id="filters"><div id="rules" role="toolbar" aria-label="filter by rule"></div>
<input id="search" type="search" placeholder="search path, title, removed text (/)" aria-label="search" autocomplete="off"></div>
<div id="layout">
<div id="list-pane"><p id="list-status" aria-live="polite"></p><div id="articles" role="listbox" aria-label="articles" tabindex="0"></div></div>
<section id="article" aria-label="article"><p class="hint">Open an article (Enter or click) to see its removals.</p></section>
<aside id="keep-pane"><h2>Rules-file snippet</h2><p class="hint">Each "keep this" adds an entry; use the file with <code>--rules</code>.</p>
<textarea id="snippet" readonly rows="12" aria-label="rules-file snippet"></textarea>
<div><button id="copy-snippet" type="button">Copy</button> <button id="download-snippet" type="button">Download keep.yaml</button></div></aside>
</div>
<script type="application/json" id="decruft-index">`
}

/** Closes the index JSON (opened with `{"summary":…,"articles":[`) and adds the page's script. */
export function reportIndexHead(summary: ReportSummary): string {
  return `{"summary":${jsonForScript(summary)},"articles":[`
}

/** After the last index line: the end of the JSON, then the page's script (it renders while the bodies load). */
export function reportIndexEnd(assets: ReportAssets): string {
  return `]}</script>\n<script>${assets.script}</script>\n`
}

/** One article's body: base64 of its gzip-compressed JSON. */
export function reportBodyElement(article: number, base64: string): string {
  if (!/^[A-Za-z0-9+/=]*$/.test(base64)) throw new Error('report body is not base64')
  return `<script type="application/octet-stream" id="b-${article}">${base64}</script>\n`
}

export const REPORT_PAGE_END = '</body>\n</html>\n'

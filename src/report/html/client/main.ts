/**
 * The review report's script (bundled into the page by
 * `npm run report:generate`, see scripts/lib/report-assets.js). It reads
 * the index JSON, renders the summary, the rule filters and a virtualised
 * article list, and decodes an article's body (base64 of gzip, with
 * `DecompressionStream`) only when it is opened. Every string from an
 * article goes in with `textContent`; no HTML is ever parsed from data.
 * "keep this" choices become a rules-file snippet (../../keep-snippet.ts).
 */
import {keepEntryFor, keepSnippet, shortHash, type KeepChoice, type KeepKind} from '../../keep-snippet.js'
import type {ReportBody, ReportIndexEntry, ReportRemoval} from '../../report-entry.js'
import type {ReportSummary} from '../page.js'

interface ReportIndex {
  summary: ReportSummary
  articles: ReportIndexEntry[]
}

const ROW_HEIGHT = 56
const OVERSCAN = 8

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`missing #${id}`)
  return element as T
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  if (className) created.className = className
  if (text !== undefined) created.textContent = text
  return created
}

function hueOf(rule: string): string {
  return String(Number.parseInt(shortHash(rule).slice(0, 4), 16) % 360)
}

const index = JSON.parse(byId('decruft-index').textContent ?? '{}') as ReportIndex
const articles = index.articles
const summaryPane = byId('summary')
const rulesPane = byId('rules')
const search = byId<HTMLInputElement>('search')
const list = byId('articles')
const status = byId('list-status')
const articlePane = byId('article')
const snippet = byId<HTMLTextAreaElement>('snippet')

const activeRules = new Set<string>()
let query = ''
/** Article numbers shown, in order. */
let shown: number[] = articles.map((_, n) => n)
/** Position in `shown` of the focused article. */
let cursor = 0
let openArticle: number | undefined
let openBody: ReportBody | undefined
let focusedRemoval: number | undefined
/** Choices by `article:removal`. */
const choices = new Map<string, KeepChoice>()

// ---- summary ------------------------------------------------------------

function bars(title: string, rows: Array<[string, number]>, colour: boolean): HTMLElement {
  const figure = element('figure', 'chart')
  figure.append(element('figcaption', undefined, title))
  const max = Math.max(1, ...rows.map(([, count]) => count))
  for (const [name, count] of rows) {
    const row = element('div', 'bar-row')
    const label = element('span', 'bar-label', name || '(top folder)')
    const track = element('span', 'bar-track')
    const bar = element('span', 'bar')
    bar.style.width = `${(100 * count) / max}%`
    if (colour) bar.style.setProperty('--hue', hueOf(name))
    track.append(bar)
    row.append(label, track, element('span', 'bar-count', String(count)))
    figure.append(row)
  }
  return figure
}

function renderSummary(): void {
  const s = index.summary
  const totals = element('p', 'totals')
  totals.textContent = `${s.articles} articles, ${s.removals} removals${s.failed > 0 ? `, ${s.failed} failed` : ''} · written ${s.written}`
  summaryPane.replaceChildren(totals, bars('Removals by rule', s.byRule, true), bars('Removals by folder', s.byFolder, false))
}

function renderRules(): void {
  for (const [rule, count] of index.summary.byRule) {
    const button = element('button', 'rule', `${rule} ${count}`)
    button.type = 'button'
    button.dataset['rule'] = rule
    button.setAttribute('aria-pressed', 'false')
    button.style.setProperty('--hue', hueOf(rule))
    button.addEventListener('click', () => toggleRule(rule, button))
    rulesPane.append(button)
  }
}

function toggleRule(rule: string, button: HTMLElement): void {
  if (activeRules.has(rule)) activeRules.delete(rule)
  else activeRules.add(rule)
  button.setAttribute('aria-pressed', String(activeRules.has(rule)))
  applyFilters()
  if (openBody) renderArticle()
}

// ---- the list -------------------------------------------------------------

function matches(entry: ReportIndexEntry): boolean {
  if (activeRules.size > 0 && ![...activeRules].some((rule) => (entry.r[rule] ?? 0) > 0)) return false
  if (query === '') return true
  return entry.p.toLowerCase().includes(query) || entry.t.toLowerCase().includes(query) || entry.s.toLowerCase().includes(query)
}

function applyFilters(): void {
  const current = shown[cursor]
  shown = []
  for (let n = 0; n < articles.length; n++) if (matches(articles[n]!)) shown.push(n)
  const kept = current === undefined ? -1 : shown.indexOf(current)
  cursor = kept === -1 ? 0 : kept
  list.dataset['count'] = String(shown.length)
  status.textContent = `${shown.length} of ${articles.length} articles`
  spacer.style.height = `${shown.length * ROW_HEIGHT}px`
  renderRows()
}

const spacer = element('div', 'spacer')
const rows = element('div', 'rows')
spacer.append(rows)
list.append(spacer)

function countsText(entry: ReportIndexEntry): string {
  if (entry.e !== undefined) return `failed: ${entry.e}`
  const parts = Object.entries(entry.r).map(([rule, count]) => `${rule} ${count}`)
  return parts.length === 0 ? 'nothing removed' : parts.join(' · ')
}

function renderRows(): void {
  const first = Math.max(0, Math.floor(list.scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((list.scrollTop + (list.clientHeight || 600)) / ROW_HEIGHT) + OVERSCAN)
  const fragment = document.createDocumentFragment()
  for (let position = first; position < last; position++) {
    const n = shown[position]!
    const entry = articles[n]!
    const row = element('div', 'item')
    row.dataset['article'] = String(n)
    row.setAttribute('role', 'option')
    row.setAttribute('aria-selected', String(position === cursor))
    if (n === openArticle) row.classList.add('open')
    row.style.top = `${position * ROW_HEIGHT}px`
    const path = element('span', 'path', entry.p)
    const title = element('span', 'title', entry.t)
    const counts = element('span', entry.e === undefined ? 'counts' : 'counts failed', countsText(entry))
    row.append(path, title, counts)
    row.addEventListener('click', () => {
      cursor = position
      void open(n)
    })
    fragment.append(row)
  }
  rows.replaceChildren(fragment)
}

list.addEventListener('scroll', () => renderRows(), {passive: true})

function moveCursor(step: number): void {
  if (shown.length === 0) return
  cursor = Math.min(shown.length - 1, Math.max(0, cursor + step))
  const top = cursor * ROW_HEIGHT
  if (top < list.scrollTop) list.scrollTop = top
  else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight
  renderRows()
}

// ---- an article -----------------------------------------------------------

function bodyReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve()
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), {once: true}))
}

async function decodeBody(n: number): Promise<ReportBody> {
  let holder = document.getElementById(`b-${n}`)
  if (!holder) {
    await bodyReady()
    holder = document.getElementById(`b-${n}`)
  }
  if (!holder) throw new Error('no body for this article')
  const binary = atob(holder.textContent ?? '')
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return JSON.parse(await new Response(stream).text()) as ReportBody
}

async function open(n: number): Promise<void> {
  openArticle = n
  openBody = undefined
  focusedRemoval = undefined
  renderRows()
  const entry = articles[n]!
  if (entry.e !== undefined) {
    articlePane.replaceChildren(element('h2', 'path', entry.p), element('p', 'failed', `failed: ${entry.e}`))
    return
  }
  articlePane.replaceChildren(element('p', 'hint', 'loading…'))
  try {
    const body = await decodeBody(n)
    if (openArticle !== n) return
    openBody = body
    renderArticle()
  } catch (error) {
    articlePane.replaceChildren(element('p', 'failed', `cannot read this article: ${String(error)}`))
  }
}

function frontmatterTable(body: ReportBody): HTMLTableElement {
  const table = element('table', 'frontmatter')
  table.append(element('caption', undefined, 'Frontmatter changes'))
  const head = element('tr')
  head.append(element('th', undefined, 'key'), element('th', undefined, 'before'), element('th', undefined, 'after'))
  table.append(head)
  if (body.changes.length === 0) {
    const row = element('tr')
    const cell = element('td', 'hint', 'no changes')
    cell.colSpan = 3
    row.append(cell)
    table.append(row)
  }
  for (const change of body.changes) {
    const row = element('tr')
    const key = change.from !== undefined && change.from !== change.key ? `${change.from} → ${change.key}` : change.key
    row.append(element('td', 'key', key), element('td', 'before', change.before ?? '—'), element('td', 'after', change.after ?? '—'))
    table.append(row)
  }
  return table
}

function dimmed(removal: ReportRemoval): boolean {
  return activeRules.size > 0 && !activeRules.has(removal.rule)
}

function documentView(body: ReportBody): HTMLElement {
  const pre = element('pre', 'document')
  let at = 0
  body.removals.forEach((removal, r) => {
    if (removal.start < at) return
    if (removal.start > at) pre.append(document.createTextNode(body.text.slice(at, removal.start)))
    const del = element('del', 'removal', body.text.slice(removal.start, removal.end))
    del.dataset['removal'] = String(r)
    del.dataset['rule'] = removal.rule
    del.tabIndex = 0
    del.title = `${removal.rule}: ${removal.reason}`
    del.style.setProperty('--hue', hueOf(removal.rule))
    if (dimmed(removal)) del.classList.add('dim')
    del.addEventListener('focus', () => focusRemoval(r, false))
    pre.append(del)
    if (removal.replacement) pre.append(element('ins', 'replacement', removal.replacement))
    at = removal.end
  })
  if (at < body.text.length) pre.append(document.createTextNode(body.text.slice(at)))
  return pre
}

function kindOptions(removal: ReportRemoval): Array<{value: string; label: string}> {
  const options = [{value: 'text', label: 'this text (hash)'}]
  for (const [u, url] of (removal.urls ?? []).entries()) options.push({value: `url:${u}`, label: `URL ${url}`})
  for (const host of removal.hosts ?? []) options.push({value: `host:${host}`, label: `host ${host}`})
  // Paths patterns match relative paths only: an article shown outside the working folder has none to offer.
  if (openBody && isRelative(openBody.path)) options.push({value: 'folder', label: 'rule off for this folder'})
  return options
}

function isRelative(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !/^[a-z]:/i.test(path) && !path.split('/').includes('..')
}

/**
 * The hash a text choice names: the removal's own, or for a part of a
 * removal of several spans, its group's longest part (an unlinked link's
 * `](https://…)`, not its `[`, which every such link shares). The engine
 * keeps the whole group when any part matches.
 */
function specificHash(body: ReportBody, removal: ReportRemoval): string {
  if (removal.group === undefined) return removal.hash
  let longest = removal
  for (const part of body.removals) {
    if (part.group === removal.group && part.rule === removal.rule && part.end - part.start > longest.end - longest.start) longest = part
  }
  return longest.hash
}

function choiceFor(n: number, body: ReportBody, r: number, value: string): KeepChoice {
  const removal = body.removals[r]!
  const kind = value.split(':')[0] as KeepKind
  const choice: KeepChoice = {kind, rule: removal.rule, path: body.path}
  if (kind === 'text') choice.textHash = specificHash(body, removal)
  if (kind === 'url') choice.url = removal.urls?.[Number(value.slice(4))]
  if (kind === 'host') choice.host = value.slice(5)
  void n
  return choice
}

function removalPanel(n: number, body: ReportBody): HTMLElement {
  const panel = element('ol', 'removals')
  body.removals.forEach((removal, r) => {
    const item = element('li', 'removal-item')
    item.dataset['removal'] = String(r)
    if (dimmed(removal)) item.classList.add('dim')
    const head = element('div', 'removal-head')
    const rule = element('span', 'rule-name', removal.rule)
    rule.style.setProperty('--hue', hueOf(removal.rule))
    head.append(rule, element('span', 'severity', removal.severity ?? 'error'))
    if (removal.group !== undefined) head.append(element('span', 'group', 'part of a removal of several spans'))
    item.append(head, element('p', 'reason', removal.reason))
    if (removal.features) {
      const features = element('dl', 'features')
      for (const [name, value] of Object.entries(removal.features))
        features.append(element('dt', undefined, name), element('dd', undefined, String(value)))
      item.append(features)
    }
    const select = element('select', 'keep-kind')
    select.dataset['removal'] = String(r)
    select.setAttribute('aria-label', 'what to keep')
    for (const option of kindOptions(removal)) {
      const created = element('option', undefined, option.label)
      created.value = option.value
      select.append(created)
    }
    const key = `${n}:${r}`
    const button = element('button', 'keep', 'keep this')
    button.type = 'button'
    button.dataset['removal'] = String(r)
    button.setAttribute('aria-pressed', String(choices.has(key)))
    if (removal.locked) {
      // The engine never keeps a safety removal or a frontmatter rewrite (only --disable switches those rules off): no entry to offer.
      button.disabled = true
      select.disabled = true
      button.title = 'a safety removal or frontmatter rewrite cannot be kept (only --disable switches the rule off)'
    }
    const chosen = choices.get(key)
    if (chosen)
      select.value =
        chosen.kind === 'url'
          ? `url:${(removal.urls ?? []).indexOf(chosen.url ?? '')}`
          : chosen.kind === 'host'
            ? `host:${chosen.host}`
            : chosen.kind
    button.addEventListener('click', () => toggleKeep(n, body, r))
    select.addEventListener('change', () => {
      if (choices.has(key)) {
        choices.set(key, choiceFor(n, body, r, select.value))
        renderSnippet()
      }
    })
    item.append(select, button)
    item.addEventListener('click', (event) => {
      if (event.target === item) focusRemoval(r, true)
    })
    panel.append(item)
  })
  return panel
}

function renderArticle(): void {
  const body = openBody
  const n = openArticle
  if (!body || n === undefined) return
  const heading = element('h2', 'path', body.path)
  const title = element('p', 'title', body.title)
  const removals = body.removals.length === 0 ? element('p', 'hint', 'nothing removed') : removalPanel(n, body)
  articlePane.replaceChildren(
    heading,
    title,
    frontmatterTable(body),
    element('h3', undefined, 'Removals'),
    removals,
    element('h3', undefined, 'Document'),
    documentView(body),
  )
  if (focusedRemoval !== undefined) markFocused(focusedRemoval)
}

function markFocused(r: number): void {
  for (const item of articlePane.querySelectorAll('.focused')) item.classList.remove('focused')
  for (const item of articlePane.querySelectorAll(`[data-removal="${r}"]`)) item.classList.add('focused')
}

function focusRemoval(r: number, scroll: boolean): void {
  focusedRemoval = r
  markFocused(r)
  if (scroll) articlePane.querySelector(`del.removal[data-removal="${r}"]`)?.scrollIntoView({block: 'nearest'})
}

function toggleKeep(n: number, body: ReportBody, r: number): void {
  const key = `${n}:${r}`
  if (body.removals[r]?.locked) return
  const select = articlePane.querySelector<HTMLSelectElement>(`select.keep-kind[data-removal="${r}"]`)
  if (choices.has(key)) choices.delete(key)
  else choices.set(key, choiceFor(n, body, r, select?.value ?? 'text'))
  articlePane.querySelector(`button.keep[data-removal="${r}"]`)?.setAttribute('aria-pressed', String(choices.has(key)))
  focusRemoval(r, false)
  renderSnippet()
}

// ---- the snippet ------------------------------------------------------------

function renderSnippet(): void {
  snippet.value = keepSnippet([...choices.values()].map(keepEntryFor))
}

byId('copy-snippet').addEventListener('click', () => {
  const text = snippet.value
  snippet.select()
  navigator.clipboard?.writeText(text).catch(() => document.execCommand('copy'))
})

byId('download-snippet').addEventListener('click', () => {
  const url = URL.createObjectURL(new Blob([snippet.value], {type: 'text/yaml'}))
  const link = element('a')
  link.href = url
  link.download = 'keep.yaml'
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
})

// ---- keyboard -----------------------------------------------------------------

search.addEventListener('input', () => {
  query = search.value.trim().toLowerCase()
  applyFilters()
})

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null
  const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  if (event.ctrlKey || event.metaKey || event.altKey) return
  if (typing) {
    if (event.key === 'Escape') target.blur()
    if (event.key === 'Enter' && target === search && shown[cursor] !== undefined) void open(shown[cursor]!)
    return
  }
  const onButton = target instanceof HTMLButtonElement
  switch (event.key) {
    case 'j':
      moveCursor(1)
      break
    case 'k':
      moveCursor(-1)
      break
    case '/':
      event.preventDefault()
      search.focus()
      return
    case 'Enter':
      if (onButton || shown[cursor] === undefined) return
      void open(shown[cursor]!)
      break
    case 'n':
    case 'p':
      if (openBody && openBody.removals.length > 0) {
        const count = openBody.removals.length
        const next = focusedRemoval === undefined ? 0 : (focusedRemoval + (event.key === 'n' ? 1 : count - 1)) % count
        focusRemoval(next, true)
      }
      break
    case 'x':
      if (openBody && openArticle !== undefined && openBody.removals.length > 0) toggleKeep(openArticle, openBody, focusedRemoval ?? 0)
      break
    default:
      return
  }
  event.preventDefault()
})

renderSummary()
renderRules()
applyFilters()
renderSnippet()
document.documentElement.dataset['ready'] = '1'

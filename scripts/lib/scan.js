/**
 * Independent checks of a cleaned article, for `npm run corpus` and tests.
 *
 * Nothing here reads `rules/` or decruft's code: the patterns below are this
 * script's own, hard-coded on purpose, so a rule that misses spam (or eats
 * content) cannot hide it by also being the judge.
 *
 * - {@link scanSpam}: spam markers left in a document, outside code (a
 *   tutorial that shows ad markup in a code block or inline code is fine).
 * - {@link contentItems} + {@link findLoss}: the headings, image URLs, code
 *   blocks (fenced and indented) and "real paragraphs" of the input that are
 *   not inside spam (nor on a page-chrome line, see chrome-scan.js) must all
 *   still be in the output.
 */
import {chromeLineSet} from './chrome-scan.js'
import {CODE_KINDS, classifyLines, proseLines} from './markdown-lines.js'

/** @typedef {import('./markdown-lines.js').Line} Line */
/** @typedef {{pattern: string, line: number, excerpt: string}} SpamFinding */
/** A piece of content and its line (1-based). @typedef {{text: string, line: number}} Item */
/** @typedef {Item & {kind: 'heading' | 'image' | 'code' | 'paragraph' | 'table'}} LostItem */

/**
 * Residual-spam patterns, by id. All global; `AFFILIATE=` is matched as 2Checkout writes it (upper case).
 *
 * @type {ReadonlyArray<{id: string, pattern: RegExp, test?: (match: RegExpMatchArray) => boolean}>}
 */
export const SPAM_PATTERNS = [
  {id: 'ad-marker', pattern: /<!--((?:(?!-->)[\s\S]){0,160}?)-->/g, test: isAdMarkerComment},
  {id: 'adsbygoogle', pattern: /adsbygoogle/gi},
  {id: 'atpl-alsoread', pattern: /atpl-alsoreadstyle/gi},
  {id: 'data-ad-client', pattern: /data-ad-client/gi},
  {
    id: 'ad-host',
    // Hosts whose every embed is an ad (or an ad-network script).
    pattern:
      /\b(?:googlesyndication\.com|doubleclick\.net|googletagservices\.com|amazon-adsystem\.com|ezoic\.net|ezojs\.com|taboola\.com|outbrain\.com|contextual\.media\.net|carbonads\.(?:com|net)|buysellads\.com|adthrive\.com|mediavine\.com|criteo\.(?:com|net)|infolinks\.com|propellerads\.com)\b/gi,
  },
  {id: 'ad-unit-id', pattern: /\b(?:ezoic-pub-ad-placeholder|div-gpt-ad|taboola-(?:below|right|mid)|carbonads|mv-ad-box)/gi},
  {
    id: 'affiliate-host',
    // Subdomains (`imp.pxf.io`) match too: the dot before the host is a word boundary.
    pattern:
      /\b(?:tools\.techidaily\.com|pxf\.io|sjv\.io|7eer\.net|8odi\.net|impactradius-go\.com|amzn\.to|shareasale\.com\/r\.cfm|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com|dpbolvw\.net|kqzyfj\.com|awin1\.com|linksynergy\.com|prf\.hn|skimresources\.com|redirectingat\.com|hop\.clickbank\.net|flexlinkspro\.com|partnerlinks\.io|shop-links\.co)\b/gi,
  },
  {id: 'affiliate-param', pattern: /[?&](?:amp;)?AFFILIATE=/g},
  // A component or element named for what it is (`<AffiliateCard …/>` in MDX, `<affiliate-box>`).
  {id: 'affiliate-element', pattern: /<[\w-]*affiliate[\w-]*(?=[\s/>]|$)/gim},
  {id: 'amazon-tag', pattern: /\bamazon\.[a-z.]{2,8}\/[^\s)"'<>\]]*?[?&](?:amp;)?tag=/gi},
  {
    id: 'feed-footer',
    pattern:
      /\b(?:appeared first on|read the (?:entire|full) (?:article|post|story) (?:here|at|on)\b|originally (?:published|posted) (?:at|on|in)\s+(?:\[|<a\b|https?:|\*|_)|erschien zuerst auf|se public[óo] primero en|apareceu primeiro em|est apparu en premier sur)/gi,
  },
  {
    id: 'link-farm-label',
    pattern:
      /^(?:[#>*_ \t-]|<[^>]+>)*(?:also read|read also|see also|related posts?|related articles?|related reading|you may also like|you might also like|recommended (?:posts?|articles?|reading)|lire aussi|à lire aussi|leer también|lee también|auch interessant|das könnte (?:dich|sie) auch interessieren|leia também|veja também|artigos relacionados|te puede interesar|leggi anche|lees ook|関連記事|читайте также|相关文章|相關文章|延伸阅读|延伸閱讀|推荐阅读|猜你喜欢)\s*[:：]?(?:[*_\s]|<\/[^>]+>)*(?:\[|<a\b|$)/gim,
    test: isFarmLabel,
  },
  {id: 'script', pattern: /<script\b/gi},
  {id: 'event-handler', pattern: /<[a-z][\w-]*\b[^>]*\son[a-z]+\s*=/gi},
  {id: 'javascript-url', pattern: /(?:href|src|action)\s*=\s*["']?\s*javascript:|\]\(\s*<?javascript:/gi},
]

/**
 * A link-farm label is only residual spam when links follow it: on its line
 * or within the next lines. Links to the site's own pages count
 * (`[Next post](/blog/next/)`): a "Related Reading" list is usually internal.
 *
 * @param {RegExpMatchArray} match
 */
function isFarmLabel(match) {
  const at = match.index ?? 0
  const rest = (match.input ?? '').slice(at, at + 600)
  const links = rest.match(/\]\((?:https?:|\.{0,2}\/)|<a\s[^>]*href=["']?(?:https?:|\.{0,2}\/)/gi) ?? []
  return links.length >= 2
}

const AD_WORD = /\b(?:ads?|adverts?|advertisements?|adsense)\b|google_ad_section_(?:start|end)/i
const BOUNDARY_WORD = /\b(?:begin|begins|start|starts|end|ends|stop)\b|_(?:start|end)\b/i

/**
 * An HTML comment that opens or closes an ad region (`<!-- affiliate ads begin -->`, `<!-- end ads -->`).
 *
 * @param {RegExpMatchArray} match
 */
function isAdMarkerComment(match) {
  const value = match[1] ?? ''
  return AD_WORD.test(value) && BOUNDARY_WORD.test(value)
}

/**
 * Spam left outside code.
 *
 * @param {string} text A whole document.
 * @param {readonly Line[]} [lines] Its lines, if classified already.
 * @returns {SpamFinding[]}
 */
export function scanSpam(text, lines = classifyLines(text)) {
  const prose = proseLines(lines)
  // Join so that a comment or tag spanning lines is still seen; keep line starts to map back.
  /** @type {number[]} */
  const starts = []
  let joined = ''
  for (const line of prose) {
    starts.push(joined.length)
    joined += line + '\n'
  }
  /** @type {SpamFinding[]} */
  const findings = []
  for (const {id, pattern, test} of SPAM_PATTERNS) {
    pattern.lastIndex = 0
    for (const match of joined.matchAll(pattern)) {
      if (test && !test(match)) continue
      const line = lineAt(starts, match.index)
      findings.push({pattern: id, line, excerpt: excerptOf(joined, match.index, match[0].length)})
    }
  }
  return findings.sort((a, b) => a.line - b.line)
}

/**
 * @param {readonly number[]} starts
 * @param {number} offset
 */
function lineAt(starts, offset) {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle] <= offset) low = middle
    else high = middle - 1
  }
  return low + 1
}

/**
 * @param {string} text
 * @param {number} index
 * @param {number} length
 */
function excerptOf(text, index, length) {
  const from = Math.max(0, index - 20)
  const to = Math.min(text.length, index + Math.max(length, 40) + 20)
  return oneLine(text.slice(from, to))
}

/**
 * Collapse white space so an excerpt prints on one line.
 *
 * @param {string} text
 * @param {number} [max]
 * @returns {string}
 */
export function oneLine(text, max = 100) {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

// ---------------------------------------------------------------------------
// Loss check

const MARKDOWN_IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)/g
/**
 * An image inlined as a `data:` URL. In scraped pages these are icons and
 * lazy-loading placeholders (the real image is in `data-src`), not the
 * article's pictures, and decruft's sanitiser drops `data:` URLs by policy
 * (as GitHub's does): they are not counted as content.
 */
const DATA_URL = /^\s*data:/i
const HTML_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi
const PIXEL_SIZE = /\b(?:width|height)\s*=\s*["']?[01](?:px)?["'\s/>]/i
const URL_OR_TAG = /https?:\/\/|\bwww\.|\]\(|mailto:|<\/?[A-Za-z!?]/
const MIN_PARAGRAPH_LENGTH = 80

/**
 * Line numbers (1-based) of the input that count as spam for the loss check:
 * marker-delimited ad regions, and any line (or whole HTML block) holding a
 * spam pattern. Content there may go.
 *
 * @param {readonly Line[]} lines
 * @param {string[]} [prose] Their {@link proseLines}.
 * @returns {Set<number>}
 */
export function spamLineSet(lines, prose = proseLines(lines)) {
  /** @type {Set<number>} */
  const spam = new Set()
  // Marker regions: from an ad "begin/start" comment to the next ad "end" comment.
  let openAt = -1
  for (let index = 0; index < prose.length; index++) {
    for (const match of prose[index].matchAll(/<!--((?:(?!-->)[\s\S]){0,160}?)-->/g)) {
      if (!isAdMarkerComment(match)) continue
      const isEnd = /\b(?:end|ends|stop)\b|_end\b/i.test(match[1])
      if (!isEnd && openAt === -1) openAt = index
      else if (isEnd && openAt !== -1) {
        for (let marked = openAt; marked <= index; marked++) spam.add(marked + 1)
        openAt = -1
      }
    }
  }
  // Lines with a spam pattern (matched as scanSpam does, so that a label sees the links below it);
  // one in raw HTML takes its whole HTML block with it.
  const spamLines = new Set(scanSpam('', lines).map((finding) => finding.line - 1))
  for (const index of [...spamLines].sort((a, b) => a - b)) {
    let from = index
    let to = index
    if (lines[index].kind === 'html') {
      while (from > 0 && lines[from - 1].kind === 'html') from--
      while (to < lines.length - 1 && lines[to + 1].kind === 'html') to++
    }
    // A tag whose attributes run over several lines (an MDX component) is spam to its `>`.
    const tag = /<[\w-]+(?:\s[^>]*)?$/.exec(prose[index])
    if (tag) while (to < lines.length - 1 && !prose[to].slice(to === index ? tag.index : 0).includes('>')) to++
    for (let marked = from; marked <= to; marked++) spam.add(marked + 1)
  }
  return spam
}

/** @param {string} text */
function normaliseHeading(text) {
  return text
    .trim()
    .replace(/^#{1,6}(?=\s|$)/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The content of a document that a cleaner must not eat.
 *
 * @param {string} text
 * @param {{skipSpam?: boolean}} [options] With `skipSpam`, items inside spam (see {@link spamLineSet}) or on page-chrome lines (chrome-scan.js) are left out.
 * @returns {{headings: Item[], images: Item[], code: Item[], paragraphs: Item[], tables: Item[]}} (a table is its header row)
 */
export function contentItems(text, options = {}) {
  const lines = classifyLines(text)
  const prose = proseLines(lines)
  /** @type {Set<number>} */
  const spam = options.skipSpam ? spamLineSet(lines, prose) : new Set()
  // Page chrome and widgets (chrome-scan.js) may go too: a "Recent Posts" heading is not content.
  if (options.skipSpam) for (const line of chromeLineSet(text, lines)) spam.add(line)
  /** @type {{headings: Item[], images: Item[], code: Item[], paragraphs: Item[], tables: Item[]}} */
  const items = {headings: [], images: [], code: [], paragraphs: [], tables: []}
  let codeStart = -1
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const number = index + 1
    if (line.kind === 'fence') {
      if (codeStart === -1) codeStart = index
      else {
        if (!spam.has(codeStart + 1)) {
          const body = lines
            .slice(codeStart + 1, index)
            .map((code) => code.text)
            .join('\n')
          if (body.trim()) items.code.push({text: body, line: codeStart + 1})
        }
        codeStart = -1
      }
      continue
    }
    if (line.kind === 'indented-code' && lines[index - 1]?.kind !== 'indented-code') {
      let last = index
      while (lines[last + 1]?.kind === 'indented-code') last++
      if (!spam.has(number))
        items.code.push({
          text: lines
            .slice(index, last + 1)
            .map((code) => code.text)
            .join('\n'),
          line: number,
        })
    }
    if (spam.has(number) || line.kind === 'frontmatter' || CODE_KINDS.has(line.kind)) continue
    const visible = prose[index]
    if (line.kind === 'heading' && !/^\s*(?:[=-]+)\s*$/.test(visible)) {
      const heading = normaliseHeading(visible)
      if (heading) items.headings.push({text: heading, line: number})
    }
    if (line.kind !== 'html' && visible.includes('![')) {
      for (const match of visible.matchAll(MARKDOWN_IMAGE)) if (!DATA_URL.test(match[1])) items.images.push({text: match[1], line: number})
    }
    for (const match of visible.includes('<img') || visible.includes('<IMG') ? visible.matchAll(HTML_IMAGE) : []) {
      if (PIXEL_SIZE.test(match[0])) continue
      const url = match[1] ?? match[2] ?? match[3] ?? ''
      if (url && !DATA_URL.test(url)) items.images.push({text: url, line: number})
    }
    // Compared with the output's lines as they are, so taken raw (with any inline code).
    const trimmed = line.text.trim()
    // A GFM table: its header row (the line above a delimiter row) must survive.
    const next = lines[index + 1]
    if (line.kind === 'text' && trimmed.includes('|') && next && /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$/.test(next.text)) {
      items.tables.push({text: trimmed, line: number})
    }
    if (
      line.kind === 'text' &&
      !line.inList &&
      !line.inQuote &&
      trimmed.length >= MIN_PARAGRAPH_LENGTH &&
      !trimmed.startsWith('|') &&
      !URL_OR_TAG.test(trimmed)
    ) {
      items.paragraphs.push({text: trimmed, line: number})
    }
  }
  return items
}

/**
 * The trimmed lines of a document (all kinds), for paragraph presence checks.
 *
 * @param {string} text
 */
function trimmedLineSet(text) {
  /** @type {Set<string>} */
  const set = new Set()
  for (const line of text.split('\n')) set.add(line.replace(/\r$/, '').trim())
  return set
}

/**
 * What the input had (outside spam) that the output lacks.
 *
 * Presence, not counts: a paragraph repeated in the input is still there if
 * one copy survives (the duplicate-paragraph rule may take the other).
 *
 * @param {string} input
 * @param {string} output
 * @returns {LostItem[]}
 */
export function findLoss(input, output) {
  const before = contentItems(input, {skipSpam: true})
  const after = contentItems(output)
  const has = {
    heading: new Set(after.headings.map((item) => item.text)),
    image: new Set(after.images.map((item) => item.text)),
    code: new Set(after.code.map((item) => item.text.replace(/\r/g, ''))),
  }
  const outputLines = trimmedLineSet(output)
  /** @type {LostItem[]} */
  const lost = []
  for (const item of before.headings) if (!has.heading.has(item.text)) lost.push({kind: 'heading', ...item})
  for (const item of before.images) if (!has.image.has(item.text)) lost.push({kind: 'image', ...item})
  for (const item of before.code) if (!has.code.has(item.text.replace(/\r/g, ''))) lost.push({kind: 'code', ...item})
  for (const item of before.paragraphs) if (!outputLines.has(item.text)) lost.push({kind: 'paragraph', ...item})
  for (const item of before.tables) if (!outputLines.has(item.text)) lost.push({kind: 'table', ...item})
  return lost.sort((a, b) => a.line - b.line)
}

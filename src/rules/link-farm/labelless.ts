/**
 * link-farm without a label (`linkFarm.labelless`): blocks of links that
 * stand like a farm though nothing names them — the guess described in the
 * header of `index.ts`. It holds the top-level block model (links,
 * paragraphs, headings, and what is transparent: removed spans, rules, empty
 * HTML), the classification of link targets (an article on one site, not a
 * home page, a file or reference material) and the introduction and position
 * checks, all of which have to agree.
 *
 * It lives apart from the labelled detection because it answers a different
 * question — where a block stands and where its links go, not what it is
 * called — and only shares the reading of blocks of links
 * (`items.ts`) with it. `findLinkFarms` runs it last, over the
 * farms found so far.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {replaceComments, replaceTags} from '../../core/delimited.js'
import type {Span} from '../../engine/span.js'
import {countWords} from '../../core/text.js'
import {
  ENTITY,
  htmlListAt,
  isBlankCode,
  isKeepLabel,
  markdownLinkList,
  paragraphLinkLines,
  skipBlank,
  type Farm,
  type LinkFarmRules,
  type LinkList,
  type Scan,
} from './items.js'

/** A paragraph that ends like this introduces what follows ("Useful pages:"). */
const ENDS_WITH_COLON = /[:：]\s*$/u
/** A paragraph that ends like this is a sentence, not a label. */
const ENDS_A_SENTENCE = /[.!?。！？…]["'”’)）\]]*\s*$/u

/** A top-level block, as label-less detection sees it. */
interface Block {
  kind: 'links' | 'transparent' | 'paragraph' | 'heading' | 'other'
  start: number
  end: number
  node: RootContent
  /** For `links`: one target per item. */
  targets?: string[]
  /** For `links`: a paragraph (consecutive ones join into one block of links). */
  paragraph?: boolean
  /** The heading of the block's section. */
  section?: Heading | undefined
  /** For `transparent`: removed (by an earlier rule or as a farm), so gone from the output. */
  gone?: boolean
}

/** Facts about a paragraph, computed when needed. */
interface ParagraphFacts {
  /** It introduces what follows: ends with a colon, reads as a label, or is a keep label. */
  intro: boolean
  /** Short enough to stand after a farm at the end (a sign-off, a footer). */
  short: boolean
  /** A verbatim repeat of an earlier top-level paragraph (an intro pasted again). */
  repeated: boolean
}

/** A label-less farm before reporting: where it stands and what it links to. */
interface LabellessFarm {
  start: number
  end: number
  /** The site most links go to. */
  site: string
  /** Why its position is a farm's. */
  placed: string
  links: number
}

/** A block of links: one or more consecutive blocks, or blocks that removals will make consecutive. */
interface Unit {
  first: number
  last: number
  targets: string[]
}

/** Second-level labels under which sites register (`example.co.uk`). */
const SECOND_LEVEL: ReadonlySet<string> = new Set([
  'co',
  'com',
  'org',
  'net',
  'gov',
  'edu',
  'ac',
  'ne',
  'or',
  'go',
  'gob',
  'ltd',
  'plc',
  'sch',
  'mil',
  'nic',
])
/** Hosts where each sub-domain is a different site. */
const SHARED_HOSTS: ReadonlySet<string> = new Set([
  'blogspot.com',
  'wordpress.com',
  'medium.com',
  'substack.com',
  'tumblr.com',
  'github.io',
  'gitlab.io',
  'netlify.app',
  'vercel.app',
  'pages.dev',
])
const URL_PARTS = /^(?:([a-z][a-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?/i
const PAGE_EXTENSION = /\.(?:html?|php|aspx?|jsp|cfm)$/i
/** An article slug: two or more words joined by dashes, underscores or pluses. */
const SLUG = /[\p{L}\p{N}]+(?:[-_+][\p{L}\p{N}]+)+/u
/** A percent-encoded title (non-ASCII slugs). */
const ENCODED_SLUG = /(?:%[0-9a-f]{2}){3}/i
const NON_ASCII_SLUG = /[^\x00-\x7f]{2}/
const NUMERIC_ID = /^\d{4,}$/
const ARTICLE_QUERY = /(?:^|&)(?:p|id|post|article|story)=\d+/i

/** The site a host belongs to: its registrable domain, roughly. */
function siteOf(host: string): string {
  const labels = host.replace(/^www\./, '').split('.')
  if (labels.length <= 2) return labels.join('.')
  const lastTwo = labels.slice(-2).join('.')
  if (SHARED_HOSTS.has(lastTwo)) return labels.slice(-3).join('.')
  const tld = labels[labels.length - 1]!
  return tld.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? labels.slice(-3).join('.') : lastTwo
}

/** Whether a URL path (and query) looks like one article rather than a home, section or file. */
function isArticlePath(path: string, query: string): boolean {
  if (ARTICLE_QUERY.test(query)) return true
  const segments = path.split('/').filter(Boolean)
  const last = segments[segments.length - 1]
  if (last === undefined) return false
  const name = last.replace(PAGE_EXTENSION, '')
  if (SLUG.test(name) || ENCODED_SLUG.test(name) || NON_ASCII_SLUG.test(name)) return true
  return NUMERIC_ID.test(name) && segments.length > 1
}

/** The site of a link to an article (`''` for a relative link), or undefined when it is not one. */
function articleSite(href: string, rules: LinkFarmRules): string | undefined {
  const value = href.trim()
  const parts = URL_PARTS.exec(value)
  if (!parts || value.startsWith('#')) return undefined
  const scheme = parts[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return undefined
  const host = (parts[2] ?? '')
    .toLowerCase()
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
  if (scheme !== undefined && !host) return undefined
  const path = (parts[3] ?? '').startsWith('/') ? parts[3]! : `/${parts[3] ?? ''}`
  if (!isArticlePath(path, parts[4] ?? '')) return undefined
  if (rules.labelless.referencePaths.some((matcher) => matcher.pattern.test(path))) return undefined
  if (host) {
    let url: URL
    try {
      url = new URL(value, 'https://relative.invalid/')
    } catch {
      return undefined
    }
    if (rules.labelless.referenceHosts.some((matcher) => matcher.test(url))) return undefined
    return siteOf(host)
  }
  return ''
}

/** Whether a link goes to reference material: a `referenceHosts` host or a `referencePaths` path (Wikipedia, docs, papers). */
function isReferenceTarget(href: string, rules: LinkFarmRules): boolean {
  let url: URL
  try {
    url = new URL(href.trim(), 'https://relative.invalid/')
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (rules.labelless.referencePaths.some((matcher) => matcher.pattern.test(url.pathname))) return true
  return url.hostname !== 'relative.invalid' && rules.labelless.referenceHosts.some((matcher) => matcher.test(url))
}

/**
 * Whether at least half of a list's targets are reference material
 * ({@link isReferenceTarget}). A "See also" over such links is a real
 * reference list, not a farm of sister articles.
 */
export function isMostlyReference(targets: readonly string[] | undefined, rules: LinkFarmRules): boolean {
  if (!targets || targets.length === 0) return false
  let references = 0
  for (const target of targets) if (isReferenceTarget(target, rules)) references++
  return references * 2 >= targets.length
}

/** The site most of the targets go to, when they are all articles and enough share it. */
function farmSite(targets: readonly string[], rules: LinkFarmRules): string | undefined {
  const counts = new Map<string, number>()
  for (const target of targets) {
    const site = articleSite(target, rules)
    if (site === undefined) return undefined
    counts.set(site, (counts.get(site) ?? 0) + 1)
  }
  let best: string | undefined
  let most = 0
  for (const [site, count] of counts) {
    if (count > most) {
      best = site
      most = count
    }
  }
  return best !== undefined && most >= targets.length * rules.labelless.minSameSite ? best || 'this site' : undefined
}

/** Whether the HTML of a block shows no text (comments, empty wrappers, a pixel). */
function isEmptyHtml(value: string): boolean {
  return replaceTags(replaceComments(value)).replace(ENTITY, ' ').trim() === ''
}

/** Sort and merge spans. */
function mergedSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({start: span.start, end: span.end})
  }
  return merged
}

/** The top-level blocks of the tree, with the blocks of links found among them. */
function topLevelBlocks(scan: Scan, tree: Root, farms: readonly Farm[]): Block[] {
  const {text, removed} = scan
  const found = mergedSpans(farms)
  let farmIndex = 0
  const blocks: Block[] = []
  let section: Heading | undefined
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    const start = node.position?.start.offset
    let end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    while (found[farmIndex] && found[farmIndex]!.end <= start) farmIndex++
    const farm = found[farmIndex]
    if (removed.covers(start, end) || (farm && farm.start <= start && end <= farm.end)) {
      blocks.push({kind: 'transparent', start, end, node, section, gone: true})
      continue
    }
    let kind: Block['kind'] = 'other'
    let links: LinkList | undefined
    switch (node.type) {
      case 'paragraph':
        links = paragraphLinkLines(scan, node)
        kind = links?.targets ? 'links' : 'paragraph'
        break
      case 'list':
        links = markdownLinkList(scan, node)
        if (links?.targets) kind = 'links'
        break
      case 'html':
        links = htmlListAt(scan.context, skipBlank(text, start))
        if (links?.targets) {
          // An HTML list with blank lines inside is several HTML nodes.
          let last = index
          while (children[last + 1] && (children[last + 1]!.position?.start.offset ?? Number.POSITIVE_INFINITY) < links.end) last++
          if (skipBlank(text, links.end) >= (children[last]!.position?.end.offset ?? links.end)) {
            kind = 'links'
            index = last
            end = links.end
          }
        }
        if (kind !== 'links' && isEmptyHtml(node.value)) kind = 'transparent'
        break
      case 'heading':
        kind = 'heading'
        section = node
        break
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        kind = 'transparent'
        break
      default:
        break
    }
    const block: Block = {kind, start, end, node, section}
    if (kind === 'links' && links?.targets) {
      block.targets = links.targets
      block.paragraph = node.type === 'paragraph'
    }
    blocks.push(block)
  }
  return blocks
}

/** Whether an earlier rule removed what stands right before `start` (only white space between). */
function spamBefore(scan: Scan, start: number): boolean {
  let at = start - 1
  while (at >= 0 && scan.removed.endAt(at) === -1 && isBlankCode(scan.text.charCodeAt(at))) at--
  return at >= 0 && scan.removed.endAt(at) !== -1
}

/** Whether an earlier rule removed what stands right after `end` (only white space between). */
function spamAfter(scan: Scan, end: number): boolean {
  let at = end
  while (at < scan.text.length && scan.removed.endAt(at) === -1 && isBlankCode(scan.text.charCodeAt(at))) at++
  return at < scan.text.length && scan.removed.endAt(at) !== -1
}

/**
 * Find blocks of links without a label that stand like a farm (see the
 * header of `index.ts`): density, target, introduction and position all
 * have to agree. Takes the farms found so far (their spans are transparent,
 * as removed ones are) and adds what it finds to them.
 */
export function findLabellessFarms(scan: Scan, tree: Root, farms: Farm[]): void {
  // A farm found here is gone from the output too: the blocks on either side of it may then
  // make one run of links. Look again with it, until nothing new is found (rarely a second time).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = farms.length
    findLabellessFarmsOnce(scan, tree, farms)
    if (farms.length === before) return
  }
}

/** Rounds of label-less detection at most (each after new farms). */
const MAX_ROUNDS = 4

function findLabellessFarmsOnce(scan: Scan, tree: Root, farms: Farm[]): void {
  const options = scan.rules.labelless
  const blocks = topLevelBlocks(scan, tree, farms)
  // Blocks of links: a list or HTML list alone, consecutive paragraphs of links together, also
  // when only removed blocks stand between them (they will be consecutive in the output, and
  // cleaning it again must find nothing new); the farm's removal then holds those removed
  // blocks, as a labelled farm's does. Lists that a removal joins into one are seen joined in
  // a second pass (src/passes.ts: `changesStructure`).
  const units = new Map<number, Unit>()
  let enough = false
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    if (block.kind !== 'links' || !block.targets) continue
    const unit: Unit = {first: index, last: index, targets: [...block.targets]}
    for (;;) {
      let next = unit.last + 1
      while (blocks[next]?.gone) next++
      const candidate = blocks[next]
      if (candidate?.kind !== 'links' || !candidate.targets) break
      if (!block.paragraph || !candidate.paragraph) break
      unit.last = next
      unit.targets.push(...candidate.targets)
    }
    units.set(unit.last, unit)
    if (unit.targets.length >= options.minLinks) enough = true
    index = unit.last
  }
  if (!enough) return

  const facts = new Map<number, ParagraphFacts>()
  let seen: Map<string, number> | undefined
  const paragraphFacts = (index: number): ParagraphFacts => {
    let known = facts.get(index)
    if (known) return known
    const block = blocks[index]!
    const value = toString(block.node).trim()
    const words = countWords(value)
    if (!seen) {
      seen = new Map()
      for (const [at, other] of blocks.entries()) {
        const source = scan.text.slice(other.start, other.end)
        if (other.kind === 'paragraph' && !seen.has(source)) seen.set(source, at)
      }
    }
    known = {
      intro: ENDS_WITH_COLON.test(value) || (words <= options.labelWords && !ENDS_A_SENTENCE.test(value)) || isKeepLabel(scan.rules, value),
      short: words <= options.tailWords,
      repeated: (seen.get(scan.text.slice(block.start, block.end)) ?? index) < index,
    }
    facts.set(index, known)
    return known
  }
  // The nearest block before each one that is neither transparent nor links.
  const previous: number[] = []
  let last = -1
  for (const [index, block] of blocks.entries()) {
    previous.push(last)
    if (block.kind !== 'transparent' && block.kind !== 'links') last = index
  }

  const judge = (unit: Unit, atEnd: boolean): LabellessFarm | undefined => {
    if (unit.targets.length < options.minLinks) return undefined
    const first = blocks[unit.first]!
    const lastBlock = blocks[unit.last]!
    const before = previous[unit.first] ?? -1
    if (before === -1 || blocks[before]!.kind !== 'paragraph' || paragraphFacts(before).intro) return undefined
    if (first.section && isKeepLabel(scan.rules, toString(first.section))) return undefined
    const placed = atEnd
      ? 'after the last prose'
      : options.betweenSpam && spamBefore(scan, first.start) && spamAfter(scan, lastBlock.end)
        ? 'between removed spans'
        : undefined
    if (!placed) return undefined
    const site = farmSite(unit.targets, scan.rules)
    if (site === undefined) return undefined
    return {start: first.start, end: lastBlock.end, site, placed, links: unit.targets.length}
  }

  // Farms that follow on (a list, then a run of link lines) go as one removal.
  const found: LabellessFarm[] = []
  let atEnd = true
  let shortLeft = options.tailParagraphs
  for (let index = blocks.length - 1; index >= 0; index--) {
    const unit = units.get(index)
    if (unit) {
      const farm = judge(unit, atEnd)
      const after = found[found.length - 1]
      if (!farm) atEnd = false
      else if (after && skipBlank(scan.text, farm.end) === after.start) {
        after.start = farm.start
        after.links += farm.links
      } else found.push(farm)
      index = unit.first
      continue
    }
    const block = blocks[index]!
    if (block.kind === 'transparent') continue
    if (atEnd && block.kind === 'paragraph') {
      const paragraph = paragraphFacts(index)
      if (paragraph.repeated) continue
      if (paragraph.short && shortLeft > 0) {
        shortLeft--
        continue
      }
    }
    atEnd = false
  }
  for (const farm of found) {
    farms.push({start: farm.start, end: farm.end, reason: `Link farm without a label: ${farm.links} links to ${farm.site} ${farm.placed}`})
  }
}

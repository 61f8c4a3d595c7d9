/**
 * link-farm: remove link farms — blocks of links to other articles that a
 * site or a scraper left around the article ("Also read:", "Lire aussi",
 * "Leia também", "相关文章"), with a label or, at the end of the article,
 * without one.
 *
 * **With a label.** A farm is a label and the links right after it (only
 * white space, or spans an earlier rule already removed, between them),
 * removed together:
 * - an HTML element with a class in `rules: linkFarm.labelClasses`
 *   (`<span class="atpl-alsoreadstyle">`) — a strong signal: its list needs
 *   one link, and a flagged element that wraps the list goes whole;
 * - a paragraph, heading or short HTML element whose whole text is a label in
 *   `linkFarm.labels` (English, French, Spanish, German, Portuguese, Chinese,
 *   Italian, Dutch, Japanese, Korean, Russian, Polish, Turkish; leading and
 *   trailing punctuation and emoji ignored), followed by at least
 *   `linkFarm.minLinks` links as a Markdown list, an HTML list (`<ul>`/`<ol>`,
 *   possibly inside `<div>`, `<aside>`, `<nav>`, `<section>` wrappers), or a
 *   run of link lines (a paragraph whose lines are links, or consecutive
 *   paragraphs of links), each item nothing but a link;
 * - one paragraph or HTML element holding the label and then only links
 *   (`**Also read:** [A](…) · [B](…) · [C](…)`,
 *   `<p>Leia também: <a …>A</a> | <a …>B</a> | <a …>C</a></p>`), to its end.
 * A label may also start a later line of a paragraph, or follow a link on its
 * line, and a label whose links run into another farm takes that farm in:
 * what another rule removes around a farm (a "Buy now" button above it) must
 * not make a new farm appear when the output is cleaned again. An HTML
 * wrapper left holding nothing but a farm goes with it.
 *
 * **Without a label** (`linkFarm.labelless`), a block is a farm only when all
 * of these hold — it is a guess, so every test leans towards keeping:
 * - density: a top-level Markdown list, HTML list or run of link lines whose
 *   items are each one link and nothing else, at least `labelless.minLinks`;
 * - target: every link looks like an article (a slug, a long id or a title
 *   in its path; not a home page, anchor, file, or reference material in
 *   `referenceHosts`/`referencePaths`), and at least `minSameSite` of them go
 *   to one site (registrable domain: sister sites on sub-domains count as one);
 * - introduction: the nearest block before it (past removed spans, rules and
 *   other link blocks) is a prose paragraph — not a heading, not a sentence
 *   ending with a colon, not a short label-like line ("Useful pages"), not a
 *   keep label — and the heading of its section is not a keep label;
 * - position: it stands after the article's last prose — nothing after it
 *   but removed spans, other farms, rules, link definitions, empty HTML, a
 *   repeat of an earlier paragraph, and at most `tail.maxParagraphs` short
 *   paragraphs (a sign-off, a feed footer) — or, with `betweenSpam`, it sits
 *   right between two spans an earlier rule removed (an ad above and below).
 *
 * Keeps: a sentence that merely starts like a label ("See also the docs"), a
 * list whose items have prose besides the link (a real reference list), a
 * list under a keep label (`linkFarm.keepLabels`: "Further reading",
 * "References", "Sources", "Resources", "Pour aller plus loin", "参考资料" —
 * these are never farm labels), a list of links in the middle of the article
 * or introduced by a heading or a colon, tables of contents (anchors),
 * tables, and anything in code.
 *
 * Modules: this one is the entry point — the rule (`meta`, `findLinkFarms`)
 * and the labelled farms; `labelless.ts` holds the farms without a
 * label (top-level blocks, link targets, introduction and position);
 * `items.ts` what both build on (the scan, label matching, reading
 * lists and runs of links).
 *
 * @example
 *   Last step.
 *
 *   **Related posts:**
 *
 *   - [Other article](https://sister.example/a/)
 *   - [Another one](https://sister.example/b/)
 *   - [And a third](https://sister.example/c/)
 *   → "Last step.\n"
 */
import type {Heading, List, Nodes, PhrasingContent, Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext, type SourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import {classesOf, type Element} from '../../core/html.js'
import {linkIndex} from '../../core/links.js'
import {blockIndex} from '../../core/nodes.js'
import {removedSpans, reportRemoval} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan, firstAtOrAfter, type Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {section} from './section.js'
import {
  ENTITY,
  LIST_WRAPPERS,
  SEPARATOR,
  containsLink,
  countLinks,
  htmlLinkList,
  htmlListAt,
  isBlankCode,
  labelText,
  markdownLinkList,
  isOneLinkLabel,
  matchLabel,
  paragraphLines,
  paragraphLinkLines,
  skipBlank,
  skipBlankBack,
  type Farm,
  type Label,
  type Line,
  type LinkFarmRules,
  type LinkList,
  type ParagraphEntry,
  type Scan,
} from './items.js'
import {findLabellessFarms, isMostlyReference} from './labelless.js'

export const meta = {
  id: 'link-farm',
  description:
    'Link farms: "Also read:"-style blocks of links to other articles, labelled in many languages or placed like one at the end of the article.',
  removalOnly: true,
  group: 'spam',
  shapes: ['block', 'html'],
} as const

/** HTML elements that may hold a label's text. */
const LABEL_TAGS: ReadonlySet<string> = new Set([
  'span',
  'p',
  'div',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'label',
  'header',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])
/** Inline elements allowed between the links of a one-element farm (`<p>Label: <a>…</a> | <a>…</a></p>`). */
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'br',
  'wbr',
  'b',
  'strong',
  'em',
  'i',
  'u',
  's',
  'del',
  'span',
  'small',
  'font',
  'mark',
  'sup',
  'sub',
])
/** A label is short; longer element content is not looked at. */
const MAX_LABEL_SOURCE = 160
/** A one-element farm (label and links in one `<p>`) is not longer than this. */
const MAX_INLINE_FARM_SOURCE = 8000
/** Elements a label never holds: its text would be a link, a list or an image. */
const NOT_A_LABEL = /<(?:a|ul|ol|li|img)\b/i

// ─── Links after a label ─────────────────────────────────────────────────

/** Skip white space (and `>` of block quotes), removed spans and found farms from `offset`. */
function skipGap(scan: Scan, offset: number): number {
  const {text, removed, farmEnds} = scan
  let at = offset
  for (;;) {
    const code = text.charCodeAt(at)
    if (isBlankCode(code) || code === 62) at++
    else {
      const end = Math.max(removed.endAt(at), farmEnds.get(at) ?? -1)
      if (end > at) at = end
      else return at
    }
  }
}

/**
 * The index of the first of `siblings` from `from` that is not wholly in
 * what {@link skipGap} passes over (removed spans, farms, blank lines); a
 * farm spanning several siblings takes them all.
 */
function nextKept(scan: Scan, siblings: readonly Nodes[], from: number): number {
  let reached = -1
  for (let index = from; index < siblings.length; index++) {
    const start = siblings[index]!.position?.start.offset
    const end = siblings[index]!.position?.end.offset
    if (start === undefined || end === undefined) return index
    if (end <= reached) continue
    const skipped = skipGap(scan, start)
    if (skipped < end) return index
    reached = skipped
  }
  return siblings.length
}

/** A Markdown list, an HTML list or a run of link lines starting at `offset`. */
function linkListAt(scan: Scan, offset: number): LinkList | undefined {
  const list = scan.lists.get(offset)
  if (list) return markdownLinkList(scan, list)
  return htmlListAt(scan.context, offset) ?? linkRunAt(scan, offset)
}

/**
 * A run of link lines from `offset`: a paragraph whose lines are each only
 * links, and the paragraphs of links right after it.
 */
function linkRunAt(scan: Scan, offset: number): LinkList | undefined {
  let entry = scan.paragraphs.get(offset)
  let links = 0
  let targets: string[] | undefined = []
  let end = -1
  while (entry) {
    const lines = paragraphLinkLines(scan, entry.node)
    const nodeEnd = entry.node.position?.end.offset
    if (!lines || nodeEnd === undefined) break
    links += lines.links
    targets = lines.targets && targets ? [...targets, ...lines.targets] : undefined
    end = nodeEnd
    // A farm at the paragraph's end goes with it: the run stops there.
    if (scan.cut.has(entry.node)) break
    // The next sibling, past those removed whole (an ad between two lines of links):
    // once they are gone, the paragraphs are consecutive.
    const next = entry.siblings[nextKept(scan, entry.siblings, entry.index + 1)]
    const nextStart = next?.type === 'paragraph' ? next.position?.start.offset : undefined
    if (nextStart === undefined || skipGap(scan, end) !== nextStart) break
    entry = scan.paragraphs.get(nextStart)
  }
  return links > 0 ? {end, links, targets} : undefined
}

// ─── Labels in paragraphs, headings and HTML ─────────────────────────────

const NEWLINE: PhrasingContent = {type: 'text', value: '\n'}

/** A heading whose whole text is a label. */
function headingLabel(node: Heading, rules: LinkFarmRules): Label | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const value = labelText(node.children)
  const matcher = value === undefined ? undefined : matchLabel(rules, value)
  return matcher && start !== undefined && end !== undefined ? {start, end, strong: false, id: matcher.id} : undefined
}

/** What a paragraph holds: a farm, or a label at its end that may introduce a list. */
interface ParagraphFinds {
  /** A label and nothing but links after it, to the paragraph's end. */
  farm?: Farm
  /** A label that ends the paragraph (all of it, its last line, or after a link). */
  trailing?: Label
  /** A label and links up to `until`: they join the farm that starts there, if one does. */
  pending?: Pending
}

/** Label and links that become a farm if another farm starts at `until` and takes the paragraph's rest. */
interface Pending {
  start: number
  links: number
  id: string
  until: number
}

/**
 * Find labels in a paragraph. A label is a line's text up to its first link
 * (or the line's end); it starts a line or follows a link (`[Buy now](…)
 * See also: [A](…) …`), so removing what stood before it never makes a farm
 * appear. Labels are tried last first, and an earlier label whose links run
 * into a later farm takes it in — what a second pass would find.
 */
function paragraphFinds(scan: Scan, lines: readonly Line[], end: number, htmlLabelEnds: ReadonlyMap<number, number>): ParagraphFinds {
  const {text, rules} = scan
  const flat: PhrasingContent[] = []
  // An HTML label that runs to the paragraph's end may start a farm of its own.
  let tail: {index: number; offset: number} | undefined
  const candidates: Array<{index: number; lineEnd: number; offset: number}> = []
  for (const [number, line] of lines.entries()) {
    if (number > 0) flat.push(NEWLINE)
    const first = candidates.length
    for (const [index, node] of line.nodes.entries()) {
      const before = line.nodes[index - 1]
      if (!containsLink(node)) {
        const after = before?.position?.end.offset
        if (!before) candidates.push({index: flat.length, lineEnd: 0, offset: line.start})
        else if (after !== undefined && containsLink(before))
          candidates.push({index: flat.length, lineEnd: 0, offset: skipBlank(text, after)})
      }
      const at = node.type === 'html' ? node.position?.start.offset : undefined
      if (at !== undefined && !tail && (htmlLabelEnds.get(at) ?? -1) >= end) tail = {index: flat.length, offset: at}
      flat.push(node)
    }
    for (let index = first; index < candidates.length; index++) candidates[index]!.lineEnd = flat.length
  }
  const nextLink: number[] = new Array<number>(flat.length + 1).fill(flat.length)
  for (let index = flat.length - 1; index >= 0; index--) nextLink[index] = containsLink(flat[index]!) ? index : nextLink[index + 1]!

  let found: {start: number; links: number; id: string} | undefined
  let trailing: Label | undefined
  let limit = tail?.index ?? flat.length
  for (let candidate = candidates.length - 1; candidate >= 0; candidate--) {
    const {index, lineEnd, offset} = candidates[candidate]!
    if (index >= limit) continue
    const first = Math.min(nextLink[index]!, lineEnd, limit)
    const value = labelText(flat.slice(index, first))
    const matcher = value === undefined ? undefined : matchLabel(rules, value)
    if (!matcher) continue
    if (first === flat.length && !trailing && !tail) {
      trailing = {start: offset, end, strong: false, id: matcher.id}
      limit = index
      continue
    }
    const links = countLinks(flat.slice(first, limit), scan.definitions)
    // A paragraph that is only a one-link label and its link(s) is a farm too.
    const fewest = index === 0 && limit === flat.length && isOneLinkLabel(rules, value!) ? 1 : rules.minLinks
    if (links < 0 || (!found && links < fewest)) continue
    found = {start: offset, links: links + (found?.links ?? 0), id: matcher.id}
    limit = index
  }
  const until = trailing?.start ?? tail?.offset
  if (until !== undefined) {
    const finds: ParagraphFinds = trailing ? {trailing} : {}
    if (found) finds.pending = {...found, until}
    return finds
  }
  return found ? {farm: {start: found.start, end, reason: `Link farm: \`${found.id}\` label with ${found.links} links`}} : {}
}

/**
 * Labels from the HTML: flagged classes (strong) and short elements whose
 * text is a label; an element holding a label and then only links
 * (`<p>Lire aussi : <a>…</a> · <a>…</a></p>`) is a farm of its own.
 */
function htmlLabels(scan: Scan, farms: Farm[]): Label[] {
  const {context, rules} = scan
  const found: Label[] = []
  for (const element of context.elements) {
    if (!element.closed) continue
    const flagged = classesOf(element.attributes).find((name) => rules.labelClasses.has(name))
    if (flagged !== undefined) {
      const wrapped = wrappedList(context, element)
      if (wrapped)
        farms.push({start: element.start, end: element.end, reason: `Link farm: \`${flagged}\` block with ${wrapped.links} links`})
      else found.push({start: element.start, end: element.end, strong: true, id: flagged})
      continue
    }
    const size = element.contentEnd - element.contentStart
    if (!LABEL_TAGS.has(element.name) || size > MAX_INLINE_FARM_SOURCE) continue
    const inner = size > MAX_LABEL_SOURCE ? '' : context.text.slice(element.contentStart, element.contentEnd)
    if (size > MAX_LABEL_SOURCE || NOT_A_LABEL.test(inner)) {
      const farm = inlineHtmlFarm(scan, element)
      if (farm) farms.push(farm)
      continue
    }
    const matcher = matchLabel(rules, replaceTags(inner))
    if (matcher) found.push({start: element.start, end: element.end, strong: false, id: matcher.id})
  }
  return found
}

/** A flagged element that holds its list inside (`<div class="…">Also read: <ul>…</ul></div>`). */
function wrappedList(context: SourceContext, element: Element): LinkList | undefined {
  const elements = context.elements
  for (let index = firstAtOrAfter(elements, element.contentStart); index < elements.length; index++) {
    const inner = elements[index]!
    if (inner.start >= element.contentEnd) break
    if ((inner.name === 'ul' || inner.name === 'ol') && inner.closed) {
      const list = htmlLinkList(context, inner)
      return list === undefined ? undefined : {...list, end: element.end}
    }
  }
  return undefined
}

/** An element holding a label and then only links and separators, at least `minLinks` of them. */
function inlineHtmlFarm(scan: Scan, element: Element): Farm | undefined {
  const {text, tokens} = scan.context
  let index = firstAtOrAfter(tokens, element.contentStart)
  // The label: what stands before the first anchor, plain text and inline tags.
  for (; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start >= element.contentEnd) return undefined
    if (token.kind === 'comment') continue
    if (token.name === 'a' && token.kind === 'open') break
    if (!INLINE_TAGS.has(token.name)) return undefined
  }
  const first = tokens[index]
  if (!first || first.start - element.contentStart > MAX_LABEL_SOURCE) return undefined
  const matcher = matchLabel(scan.rules, replaceTags(text.slice(element.contentStart, first.start)))
  if (!matcher) return undefined
  let links = 0
  let inAnchor = false
  let cursor = first.start
  for (; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.start >= element.contentEnd) break
    if (!inAnchor && !SEPARATOR.test(text.slice(cursor, token.start).replace(ENTITY, ' '))) return undefined
    cursor = token.end
    if (token.kind === 'comment') continue
    if (token.name === 'a') {
      if (token.kind === 'open') {
        if (inAnchor || token.attributes['href'] === undefined) return undefined
        inAnchor = true
        links++
      } else inAnchor = false
    } else if (!inAnchor && !INLINE_TAGS.has(token.name)) return undefined
  }
  if (inAnchor || !SEPARATOR.test(text.slice(cursor, element.contentEnd).replace(ENTITY, ' '))) return undefined
  if (links < scan.rules.minLinks) return undefined
  return {start: element.start, end: element.end, reason: `Link farm: \`${matcher.id}\` label with ${links} links`}
}

// ─── Putting it together ─────────────────────────────────────────────────

/** Grow a farm to the HTML wrappers that hold nothing else (`<aside class="related">…</aside>`). */
function wrapperGrower(context: SourceContext): (span: Span) => Span {
  let byContent: Map<number, Element[]> | undefined
  return (span) => {
    if (!byContent) {
      byContent = new Map()
      for (const element of context.elements) {
        if (!element.closed || !LIST_WRAPPERS.has(element.name)) continue
        const key = skipBlank(context.text, element.contentStart)
        const list = byContent.get(key)
        if (list) list.push(element)
        else byContent.set(key, [element])
      }
    }
    let {start, end} = span
    for (;;) {
      const outer = byContent
        .get(start)
        ?.find((element) => element.start < start && skipBlankBack(context.text, element.contentEnd) === end)
      if (!outer) return {start, end}
      start = outer.start
      end = outer.end
    }
  }
}

/** Nodes whose `html` children are HTML blocks. */
const BLOCK_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

/** Find link farms and report each (label and links together) as one removal. */
export function findLinkFarms(tree: Root, file: VFile, rules: RuleSet): void {
  const options = rules.linkFarm
  const labelless = options.labelless.enabled
  if (options.labels.length === 0 && options.labelClasses.size === 0 && !labelless) return
  const context = sourceContext(tree, file)
  const text = context.text
  const lists = new Map<number, List>()
  const paragraphs = new Map<number, ParagraphEntry>()
  const scan: Scan = {
    context,
    text,
    rules: options,
    removed: removedSpans(file),
    definitions: linkIndex(tree, file),
    lists,
    paragraphs,
    cut: new Map(),
    farmEnds: new Map(),
  }
  const farms: Farm[] = []
  const pending: Pending[] = []
  // HTML labels first: a flagged class names the farm better than its text does.
  const labels: Label[] = text.includes('<') ? htmlLabels(scan, farms) : []
  const htmlLabelEnds = new Map(labels.map((label) => [label.start, label.end]))

  /** HTML blocks (not inline HTML): a farm inside one is HTML markup, not whole blocks. */
  const htmlBlocks: Span[] = []
  // Blocks in document order (one shared walk): nothing inside a paragraph or heading is a block.
  for (const {node, parent, index} of blockIndex(tree, file).blocks) {
    if (node.type === 'html') {
      if (!BLOCK_PARENTS.has(parent.type)) continue
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) htmlBlocks.push({start, end})
    } else if (node.type === 'list') {
      const start = node.position?.start.offset
      if (start !== undefined) lists.set(start, node)
    } else if (node.type === 'heading') {
      const label = headingLabel(node, options)
      if (label) labels.push(label)
    } else if (node.type === 'paragraph') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) continue
      paragraphs.set(start, {node, siblings: parent.children as Nodes[], index})
      const finds = paragraphFinds(scan, paragraphLines(node.children, text, start), end, htmlLabelEnds)
      if (finds.farm) {
        farms.push(finds.farm)
        scan.cut.set(node, finds.farm.start)
      }
      if (finds.trailing) labels.push(finds.trailing)
      if (finds.pending) pending.push(finds.pending)
    }
  }

  // Last label first, so a label sees past a farm found after it (a label
  // stacked on another farm): one pass then finds what a second would.
  const farmEnds = scan.farmEnds
  for (const farm of farms) farmEnds.set(farm.start, Math.max(farm.end, farmEnds.get(farm.start) ?? 0))
  labels.sort((a, b) => b.start - a.start)
  for (const label of labels) {
    const at = skipGap(scan, label.end)
    const found = linkListAt(scan, at)
    // A label without its list is left alone, even a flagged one: what follows
    // it is not known to be a farm, and removing it could make one appear.
    if (!found || found.links < (label.strong ? 1 : options.minLinks)) continue
    // A label-only guess ("See also", "Related") over reference material is a
    // real reference list; a flagged label class is certain either way.
    if (!label.strong && isMostlyReference(found.targets, options)) continue
    const farm = {start: label.start, end: found.end, reason: `Link farm: \`${label.id}\` label with ${found.links} links`}
    farms.push(farm)
    farmEnds.set(farm.start, Math.max(farm.end, farmEnds.get(farm.start) ?? 0))
  }
  for (const links of pending) {
    const end = farmEnds.get(links.until)
    if (end !== undefined)
      farms.push({start: links.start, end, reason: `Link farm: \`${links.id}\` label with ${links.links} links, then another farm`})
  }
  if (labelless) findLabellessFarms(scan, tree, farms)
  if (farms.length === 0) return

  const grow = text.includes('<') ? wrapperGrower(context) : (span: Span) => span
  const grown = farms.map((farm) => ({...farm, ...grow(farm)}))
  grown.sort((a, b) => a.start - b.start || b.end - a.end)
  let reached = -1
  for (const farm of grown) {
    if (farm.start < reached) continue
    reached = farm.end
    if (context.inCode(farm.start) || scan.removed.covers(farm.start, farm.end)) continue
    // Whole blocks, or HTML markup inside one HTML block (a flagged element, a label element and its list).
    const shape = htmlBlocks.some((block) => block.start <= farm.start && farm.end <= block.end) ? 'html' : 'block'
    reportRemoval(file, {ruleId: meta.id, reason: farm.reason, shape, ...blockSpan(text, farm.start, farm.end)})
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findLinkFarms, section)

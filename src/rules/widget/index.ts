/**
 * widget: remove the widgets and platform chrome a blog engine, a plugin or
 * a platform puts round every article — known by their markup or their
 * fixed words, all listed as data in `rules: widget`:
 * - HTML widgets (`widget.elements`): share bars (Jetpack `sharedaddy`,
 *   AddToAny, ShareThis, Shareaholic, AddThis …), like boxes, comment forms
 *   (`#respond`, `#commentform`, Disqus), table-of-contents plugin boxes,
 *   WeChat and Substack furniture; from open tag to close tag;
 * - text widgets (`widget.labels`): a block whose whole text is a widget's
 *   ("Like Loading…", "Your email address will not be published. Required
 *   fields are marked *", "微信扫一扫 关注该公众号", "Member-only story",
 *   "Discussion about this post"); words that also open real sentences
 *   only in the head or tail zone;
 * - share blocks (`widget.share`): a paragraph or list whose links (at least
 *   `minLinks`) all post the page to a network (`facebook.com/sharer`,
 *   `twitter.com/intent/tweet`, `?share=twitter`, `service.weibo.com/share`
 *   …) with next to no other words, and a "Share this:" label right before;
 * - a block that is one short share link ("[Click to tweet](https://twitter.com/intent/tweet?…)",
 *   `widget.share.singleLinkMaxWords`); a quote with its own words and a
 *   "Tweet this" link stays whole (the rule removes blocks, not spans);
 * - taxonomy lines in the tail zone (`widget.taxonomy`: "Tags: a, b",
 *   "Filed under: Travel", "分类：未分类") and rows of legal footer links
 *   (`widget.legalLinks`: "Privacy Policy | Terms of Use | Contact"), see
 *   furniture.ts;
 * - TOC plugin boxes scraped to Markdown (`widget.toc`, see toc.ts);
 * - repost notices (`widget.notices`: "本文转载自 …", "출처: …", "Reposted
 *   from …") in the head or tail zone; the source URL is kept in the
 *   removal's `features.sourceUrl`.
 * What earlier rules took (link-farm's "Share this:" list, feed-footer's
 * "Originally published at …") is not reported again.
 *
 * Keeps: anything in code or holding code (a post that shows how to add a
 * share bar), a sentence that mentions sharing, comments or reposting inside
 * prose ("Share this: it helps", "Originally published in 1998, the
 * paper…"), a hand-written table of contents (no plugin mark, or anchors
 * that are not the article's headings), a list of links that are not all
 * share endpoints.
 *
 * @example
 *   Last paragraph.
 *
 *   Like this:
 *
 *   Like Loading...
 *   → "Last paragraph.\n"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {removedSpans, reportRemoval, type RemovalFeatures} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {shapeStructureOf} from '../../engine/shape-check.js'
import {blockSpan} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import {widgetBlocks, type WidgetBlock} from './blocks.js'
import {findElementWidgets} from './elements.js'
import {legalLinkRow, taxonomyLine, wordCount} from './furniture.js'
import {section, type WidgetRules, type WidgetZone} from './section.js'
import {headingKey, tocBoxAt} from './toc.js'

export const meta = {
  id: 'widget',
  description:
    'Share bars, like boxes, comment forms, TOC plugin boxes, WeChat/Medium/Substack prompts, repost notices, tag lines and legal footer links (widgets as data).',
  removalOnly: true,
  group: 'chrome',
  shapes: ['block', 'html'],
} as const

const URL_BASE = 'https://relative.invalid/'

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value.trim(), URL_BASE)
  } catch {
    return undefined
  }
}

/** A block's place among the live blocks: head, tail, both or neither. */
function inZone(zone: WidgetZone, index: number, count: number, rules: WidgetRules): boolean {
  const head = index < rules.headBlocks
  const tail = index >= count - rules.tailBlocks
  if (zone === 'anywhere') return true
  if (zone === 'head') return head
  if (zone === 'tail') return tail
  return head || tail
}

function zoneName(index: number, count: number, rules: WidgetRules): string {
  if (index < rules.headBlocks) return 'head'
  if (index >= count - rules.tailBlocks) return 'tail'
  return 'body'
}

/** Whether every link of `block` (at least `minLinks`) is a share endpoint, with next to no other words. */
function shareNetworks(block: WidgetBlock, share: WidgetRules['share']): string[] | undefined {
  if (block.links.length < share.minLinks || block.otherChars > share.maxOtherChars) return undefined
  if (block.node.type !== 'paragraph' && block.node.type !== 'list' && block.node.type !== 'html') return undefined
  const ids: string[] = []
  for (const link of block.links) {
    const url = parseUrl(link.url)
    const matcher = url && share.links.find((candidate) => candidate.test(url))
    if (!matcher) return undefined
    if (!ids.includes(matcher.id)) ids.push(matcher.id)
  }
  return ids
}

/** The network of a block that is nothing but one short share link ("[Click to tweet](https://twitter.com/intent/tweet?…)"). */
function singleShareLink(block: WidgetBlock, share: WidgetRules['share']): string | undefined {
  const {node} = block
  const paragraph =
    node.type === 'paragraph' || (node.type === 'blockquote' && node.children.length === 1 && node.children[0]!.type === 'paragraph')
  if (!paragraph || block.links.length !== 1 || block.otherChars > 0) return undefined
  const link = block.links[0]!
  if (link.text === '' || wordCount(link.text) > share.singleLinkMaxWords) return undefined
  const url = parseUrl(link.url)
  return url && share.links.find((candidate) => candidate.test(url))?.id
}

/** The source URL a notice names: its first link, else its first bare URL. */
function sourceUrlOf(block: WidgetBlock): string | undefined {
  return block.links.find((link) => link.url !== '')?.url ?? block.bareUrls[0]
}

/** Find the widgets of `tree` and report each as a removal. */
export function findWidgets(tree: Root, file: VFile, rules: RuleSet): void {
  const widget = rules.widget
  const context = sourceContext(tree, file)
  const {text} = context
  const structure = shapeStructureOf(file, tree)

  for (const found of findElementWidgets(context, structure, widget.elements, removedSpans(file))) {
    const {matcher} = found
    reportRemoval(file, {
      ruleId: meta.id,
      reason: `Widget (${matcher.kind}): \`<${found.tag}>\` of \`${matcher.id}\``,
      shape: found.shape,
      start: found.start,
      end: found.end,
      features: {kind: matcher.kind, id: matcher.id, tag: found.tag},
    })
  }

  const removed = removedSpans(file)
  const gone = new Set<WidgetBlock>()
  const blocks = widgetBlocks(tree, context).filter((block) => !removed.covers(block.start, block.end))
  const report = (block: WidgetBlock, reason: string, features: RemovalFeatures): void => {
    if (gone.has(block)) return
    gone.add(block)
    reportRemoval(file, {ruleId: meta.id, reason, shape: 'block', ...blockSpan(text, block.start, block.end), features})
  }
  // The label first: a block too long for one is not measured further.
  const candidate = (block: WidgetBlock) => block.label.length > 0 && block.label.length <= widget.maxLength && !block.hasCode
  // Text widgets are one paragraph, heading or HTML block (or a quote of one paragraph): a quoted list of credits is more than a notice.
  const textual = (block: WidgetBlock) => {
    const {node} = block
    if (node.type === 'blockquote') return node.children.length === 1 && node.children[0]!.type === 'paragraph'
    return node.type === 'paragraph' || node.type === 'heading' || node.type === 'html'
  }
  // A block right before code introduces it ("Like this:" over a snippet): never a widget.
  const position = new Map(blocks.map((block, index) => [block, index]))
  const introducesCode = (block: WidgetBlock) => {
    const next = blocks[(position.get(block) ?? -2) + 1]
    return next !== undefined && (next.node.type === 'code' || next.hasCode)
  }

  // Widgets wherever they stand.
  const headings = new Set(blocks.filter((block) => block.node.type === 'heading').map((block) => headingKey(block.plain)))
  blocks.forEach((block, index) => {
    if (gone.has(block) || !candidate(block)) return
    const label = introducesCode(block)
      ? undefined
      : widget.labels.find((matcher) => matcher.zone === 'anywhere' && matcher.pattern.test(block.label))
    if (label) {
      report(block, `Widget (${label.kind}): \`${label.id}\``, {kind: label.kind, id: label.id, zone: 'anywhere'})
      return
    }
    const networks = shareNetworks(block, widget.share)
    if (networks) {
      const features = {kind: 'share', links: block.links.length, networks: networks.join(' ')}
      const previous = blocks[index - 1]
      if (
        previous &&
        !gone.has(previous) &&
        candidate(previous) &&
        widget.share.labels.some((matcher) => matcher.pattern.test(previous.label))
      ) {
        report(previous, 'Widget (share): the label of a share block', {...features, id: 'share-label'})
      }
      report(block, `Widget (share): ${block.links.length} share links (${networks.join(', ')})`, features)
      return
    }
    const single = introducesCode(block) ? undefined : singleShareLink(block, widget.share)
    if (single) {
      report(block, `Widget (share): a lone share link (${single})`, {kind: 'share', id: 'single-share-link', links: 1, networks: single})
      return
    }
    const toc = tocBoxAt(blocks, index, headings, widget.toc)
    if (toc) {
      const reason = `Widget (toc): a table-of-contents plugin box, ${Math.round(toc.headingMatch * 100)} % of its ${toc.links} links are headings of the article`
      for (const part of toc.blocks)
        report(part, reason, {kind: 'toc', links: toc.links, headingMatch: toc.headingMatch, evidence: toc.evidence})
    }
  })

  // Taxonomy lines and legal link rows: post furniture of the tail zone.
  const tailFurniture = (block: WidgetBlock): boolean => {
    const taxonomy = taxonomyLine(block, widget.taxonomy)
    if (taxonomy) {
      report(
        block,
        `Widget (taxonomy): \`${taxonomy.label.id}\` with ${taxonomy.items.length} item${taxonomy.items.length === 1 ? '' : 's'} in the tail`,
        {
          kind: 'taxonomy',
          id: taxonomy.label.id,
          zone: 'tail',
          items: taxonomy.items.length,
        },
      )
      return true
    }
    const legal = legalLinkRow(block, widget.legalLinks)
    if (legal) {
      report(block, `Widget (legal-links): ${block.links.length} footer links (${legal.join(', ')}) in the tail`, {
        kind: 'legal-links',
        id: 'legal-links',
        zone: 'tail',
        links: block.links.length,
        words: legal.join(' '),
      })
      return true
    }
    return false
  }

  // Widgets of the head or tail zone, counted among the blocks that stay: repeat until nothing new comes into a zone.
  for (let changed = true; changed; ) {
    changed = false
    const live = blocks.filter((block) => !gone.has(block))
    live.forEach((block, index) => {
      if (!candidate(block) || introducesCode(block)) return
      const zone = zoneName(index, live.length, widget)
      if (inZone('tail', index, live.length, widget) && tailFurniture(block)) {
        changed = true
        return
      }
      if (!textual(block)) return
      const label = widget.labels.find(
        (matcher) => matcher.zone !== 'anywhere' && inZone(matcher.zone, index, live.length, widget) && matcher.pattern.test(block.label),
      )
      if (label) {
        report(block, `Widget (${label.kind}): \`${label.id}\` in the ${zone}`, {kind: label.kind, id: label.id, zone})
        changed = true
        return
      }
      if (zone === 'body') return
      const hasLink = block.links.some((link) => link.url !== '') || block.bareUrls.length > 0
      const notice = widget.notices.find((matcher) => (!matcher.needsLink || hasLink) && matcher.pattern.test(block.label))
      if (notice) {
        const source = sourceUrlOf(block)
        report(block, `Repost notice \`${notice.id}\` in the ${zone}`, {
          kind: 'notice',
          id: notice.id,
          zone,
          ...(source ? {sourceUrl: source} : {}),
        })
        changed = true
      }
    })
  }
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findWidgets, section)

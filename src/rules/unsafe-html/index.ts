/**
 * unsafe-html: sanitise the HTML that stays, and record what the sanitiser
 * drops as removals.
 *
 * Runs after every spam rule, so it only judges HTML that stays. Each HTML
 * fragment of the document (`htmlFragments`: a block of HTML, or the inline
 * tags of one paragraph) is run through rehype-sanitize with the schema in
 * `rules: unsafeHtml`, and the sanitised tree is compared with the parsed
 * one (hast-util-sanitize keeps the positions of what it keeps):
 * - an element dropped with its content (`strip`: `<script>`, `<style>`,
 *   `<object>`, inline `<svg>`, …) goes whole;
 * - an element dropped but whose content survives (a tag in neither `tags`
 *   nor `strip`: `<form>`, `<button>`, a made-up `<x-widget>`) loses its
 *   opening and closing tags (two parts of one removal), its content stays;
 * - an attribute dropped from a kept element (`on*` handlers, `srcdoc`,
 *   `href="javascript:…"`, a `style` holding `expression(…)`) goes with the
 *   white space before it;
 * - an `<iframe>` stays only when its `src` is one of `embeds` (a YouTube
 *   or Vimeo player); any other goes whole. The sanitiser cannot judge a tag
 *   by its `src` host, so this is decided before it runs.
 * Nothing is ever rewritten — the sanitiser is set up not to prefix ids or add
 * attributes; where it would change a value (an item of a list attribute),
 * the attribute goes whole. URL attributes are shown to the sanitiser as a
 * browser's URL parser reads them (tabs and line breaks gone, edges trimmed,
 * scheme lower-cased: `JaVa&#x09;Script:` is `javascript:`); relative URLs
 * always pass. A `style` value is shown as the CSS parser reads it (escapes
 * decoded, comments gone: `\65 xpression(` is `expression(`; css.ts), and
 * a reason says when that decided it.
 *
 * What one parse of a fragment cannot see is made safe too:
 * - after removing, the fragment is parsed again without the removed spans
 *   until nothing more goes (unwrapping `<select>` frees an `<img>` the
 *   select had swallowed; `<<blink>script>` makes a script);
 * - start tags the parser ignores in the fragment's context (`<td
 *   onclick>` outside a table, a second `<body onload>`) are judged alone;
 * - a tag, comment or kept raw-text element (`<iframe>`) left open at the end
 *   of a block would swallow the page after it, so it goes; so does markup
 *   inside a kept `<iframe>` (text there, live HTML once a stricter
 *   sanitiser drops the iframe);
 * - a removal never takes part of an inline HTML node (the `]]>` of a
 *   CDATA section), nor the end of an HTML block that runs to a `-->` or
 *   `</pre>`: the HTML they hid would come alive.
 * An HTML block that loses everything goes as a block (with one blank line).
 *
 * Markdown is held to the same `protocols`: a link to a `javascript:`,
 * `vbscript:` or `data:` URL is unlinked (its words stay), an image or an
 * autolink with one goes whole, and so does a link definition (its
 * references are unlinked).
 *
 * Keeps: harmless inline HTML as written (`<u>`, `<span class>`, `<b>`,
 * `<sup>`, `<kbd>`, `<details>` — no Markdown rewrite, minimal edits),
 * comments (`<!-- more -->`), allowed embeds, relative URLs, anything in
 * code, and anything inside spans an earlier rule removed.
 *
 * The parts, one module each: urls.ts (a URL as a browser reads it, its
 * scheme), prepare.ts (the sanitiser's input), judge.ts and tags.ts (what
 * the sanitiser drops from one parse), fragments.ts (parse again until
 * nothing more goes), html-nodes.ts (never cut into Markdown's HTML nodes),
 * markdown.ts (links, images, definitions), report.ts (cuts → removals),
 * cut.ts (what they hand each other); this module runs them in order.
 *
 * @example
 *   <p onclick="steal()">Press <kbd>Ctrl</kbd>.</p><script>x()</script>
 *   → "<p>Press <kbd>Ctrl</kbd>.</p>"
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {htmlFragments} from '../../core/html-tree.js'
import {linkIndex} from '../../core/links.js'
import {removalsOf, removedSpans} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import type {Span} from '../../engine/span.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {Cut} from './cut.js'
import {coversFragment, isInert, outside, sanitiseFragment, spansWithin} from './fragments.js'
import {keepsBlockEnd, wholeHtmlNodes} from './html-nodes.js'
import {findMarkdownUrls} from './markdown.js'
import {reportCuts} from './report.js'
import {section} from './section.js'

export const meta = {
  id: 'unsafe-html',
  description:
    'What the sanitiser drops from HTML that stays: scripts, event handlers, javascript: and data: URLs, iframes from hosts not allowed.',
  removalOnly: true,
  group: 'safety',
  shapes: ['html', 'inline', 'block'],
} as const

/** Sanitise the HTML and Markdown URLs of a document and report what goes. */
export function findUnsafeHtml(tree: Root, file: VFile, rules: RuleSet): void {
  const policy = rules.unsafeHtml
  const text = String(file.value)
  const removed = removedSpans(file)
  const cuts: Cut[] = []
  const htmlNodes = findMarkdownUrls(linkIndex(tree, file), text, policy, removed, cuts)
  if (htmlNodes.length > 0) {
    let earlierSpans: Span[] | undefined
    for (const fragment of htmlFragments(tree, file)) {
      if (removed.covers(fragment.start, fragment.end) || isInert(fragment.html, policy)) continue
      earlierSpans ??= removalsOf(file).map((removal) => ({start: removal.start.offset, end: removal.end.offset}))
      const earlier = removed.overlaps(fragment.start, fragment.end) ? spansWithin(earlierSpans, fragment.start, fragment.end) : []
      let found = sanitiseFragment(fragment, policy, earlier, text.slice(fragment.end, fragment.end + 200))
      if (found.length === 0) continue
      if (fragment.kind === 'inline') found = wholeHtmlNodes(found, spansWithin(htmlNodes, fragment.start, fragment.end))
      else if (!keepsBlockEnd(fragment, earlier, found)) {
        found = [{start: fragment.start, end: fragment.end, reason: 'HTML block whose end would go with what is removed', kind: 'whole'}]
      }
      if (fragment.kind === 'block' && earlier.length === 0 && coversFragment(fragment, found)) {
        const reasons = [...new Set(found.map((cut) => cut.reason))]
        const reason = reasons.length > 3 ? `${reasons.slice(0, 3).join('; ')}; …` : reasons.join('; ')
        cuts.push({start: fragment.start, end: fragment.end, reason, kind: 'whole'})
        continue
      }
      for (const cut of found) cuts.push(...outside(cut, earlier))
    }
  }
  if (cuts.length > 0) reportCuts(file, meta.id, text, cuts)
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findUnsafeHtml, section)

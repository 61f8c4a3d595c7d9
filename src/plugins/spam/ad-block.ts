/**
 * ad-block: remove marker-delimited ad regions.
 *
 * Removes everything from an opening marker comment to its closing one
 * (`<!-- affiliate ads begin -->` … `<!-- affiliate ads end -->`, and the
 * other pairs in `rules: adBlock.markers`), whatever the region holds and
 * wherever it stands: between list items, before a heading, after an image.
 * Whole lines go when the markers stand on their own lines.
 *
 * Keeps: markers inside code (an example of ad markup in a tutorial), and the
 * text around an unbalanced marker — a begin without an end (or an end
 * without a begin) is reported, never guessed at.
 *
 * @example
 *   Step one.
 *
 *   <!-- affiliate ads begin -->
 *   <a href="https://x.pxf.io/c/1"><img src="banner.png"></a>
 *   <!-- affiliate ads end -->
 *
 *   Step two.
 *   → "Step one.\n\nStep two.\n"
 */
import {defaultRuleSet} from '../../ruleset/index.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {reportRemoval, reportWarning} from '../../core/removal.js'
import {defineRule} from '../../core/rule.js'
import {blockSpan} from '../../core/span.js'

export const meta = {
  id: 'ad-block',
  description: 'Marker-delimited ad regions (`<!-- affiliate ads begin -->` … `<!-- affiliate ads end -->`).',
  removalOnly: true,
  group: 'spam',
  shapes: ['html'],
} as const

/** Find marker pairs and report each region as a removal. */
export function findAdBlocks(tree: Root, file: VFile, rules: RuleSet): void {
  const markers = rules.adBlock.markers
  if (markers.length === 0) return
  const context = sourceContext(tree, file)
  const open = new Map<string, {start: number; end: number}>()
  for (const token of context.tokens) {
    if (token.kind !== 'comment') continue
    for (const marker of markers) {
      if (marker.begin.test(token.value)) {
        const previous = open.get(marker.id)
        if (previous) {
          reportWarning(file, {ruleId: meta.id, reason: `Unbalanced ad marker \`${marker.id}\`: begin without end, left in place`, start: previous.start, end: previous.end})
        }
        open.set(marker.id, {start: token.start, end: token.end})
        break
      }
      if (marker.end.test(token.value)) {
        const begin = open.get(marker.id)
        if (!begin) {
          reportWarning(file, {ruleId: meta.id, reason: `Unbalanced ad marker \`${marker.id}\`: end without begin, left in place`, start: token.start, end: token.end})
          break
        }
        open.delete(marker.id)
        const span = blockSpan(context.text, begin.start, token.end)
        reportRemoval(file, {ruleId: meta.id, reason: `Ad region between \`${marker.id}\` markers`, ...span})
        break
      }
    }
  }
  for (const [id, begin] of open) {
    reportWarning(file, {ruleId: meta.id, reason: `Unbalanced ad marker \`${id}\`: begin without end, left in place`, start: begin.start, end: begin.end})
  }
}

export const adBlock = defineRule(meta, findAdBlocks, defaultRuleSet)
export default adBlock.plugin

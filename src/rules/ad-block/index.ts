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
import {section} from './section.js'
import type {RuleSet} from '../../ruleset/compile.js'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {sourceContext} from '../../core/context.js'
import {reportRemoval, reportWarning} from '../../engine/removal.js'
import {defineRule} from '../../engine/rule.js'
import {blockSpan} from '../../engine/span.js'

export const meta = {
  id: 'ad-block',
  description: 'Marker-delimited ad regions (`<!-- affiliate ads begin -->` … `<!-- affiliate ads end -->`).',
  removalOnly: true,
  group: 'spam',
  shapes: ['html'],
} as const

/** A begin marker matched with its end. */
interface Region {
  ids: string[]
  start: number
  end: number
}

/**
 * Find marker pairs and report each region as a removal.
 *
 * Markers pair like brackets, per marker id: an end closes the latest open
 * begin of its id, so a region nested in another of the same kind pairs
 * inside-out (`begin begin end end` is one region, not a stray begin and a
 * stray end that a second clean would pair). Regions that overlap or nest
 * are removed as one, from the first begin to the last end; a begin left
 * open or an end with nothing to close is reported and left in place.
 */
export function findAdBlocks(tree: Root, file: VFile, rules: RuleSet): void {
  const markers = rules.adBlock.markers
  if (markers.length === 0) return
  const context = sourceContext(tree, file)
  const open = new Map<string, Array<{start: number; end: number}>>()
  const regions: Region[] = []
  for (const token of context.tokens) {
    if (token.kind !== 'comment') continue
    for (const marker of markers) {
      if (marker.begin.test(token.value)) {
        const stack = open.get(marker.id) ?? []
        stack.push({start: token.start, end: token.end})
        open.set(marker.id, stack)
        break
      }
      if (marker.end.test(token.value)) {
        const begin = open.get(marker.id)?.pop()
        if (begin) regions.push({ids: [marker.id], start: begin.start, end: token.end})
        else
          reportWarning(file, {
            ruleId: meta.id,
            reason: `Unbalanced ad marker \`${marker.id}\`: end without begin, left in place`,
            start: token.start,
            end: token.end,
          })
        break
      }
    }
  }
  for (const [id, stack] of open) {
    for (const begin of stack) {
      reportWarning(file, {
        ruleId: meta.id,
        reason: `Unbalanced ad marker \`${id}\`: begin without end, left in place`,
        start: begin.start,
        end: begin.end,
      })
    }
  }
  for (const region of mergeRegions(regions)) {
    const span = blockSpan(context.text, region.start, region.end)
    const names = region.ids.map((id) => `\`${id}\``).join(', ')
    const reason =
      region.ids.length === 1
        ? `Ad region between ${names} markers`
        : `Ad regions between ${names} markers, nested or overlapping, removed as one`
    reportRemoval(file, {ruleId: meta.id, reason, ...span})
  }
}

/** Regions in text order, those that nest or overlap joined into one. */
function mergeRegions(regions: readonly Region[]): Region[] {
  const sorted = [...regions].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Region[] = []
  for (const region of sorted) {
    const last = merged[merged.length - 1]
    if (last && region.start < last.end) {
      last.end = Math.max(last.end, region.end)
      for (const id of region.ids) if (!last.ids.includes(id)) last.ids.push(id)
    } else {
      merged.push({ids: [...region.ids], start: region.start, end: region.end})
    }
  }
  return merged
}

/** The rule, as the registry (`src/rules/index.ts`) takes it. */
export const rule = defineRule(meta, findAdBlocks, section)

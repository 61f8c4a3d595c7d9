/**
 * HTML widgets: elements that `widget.elements` describes (tag, class,
 * attributes, emptiness, the same matcher as ad-slot's ad units), outside
 * code, removed from open tag to close tag. The outermost match wins: a
 * share box takes its buttons with it. An element whose close tag stands
 * blocks further on (a `<div id="respond">` round a scraped form) is taken
 * whole only when it starts and ends a line and holds no code and little
 * text; otherwise it is left to the other rules.
 */
import type {SourceContext} from '../../core/context.js'
import {replaceTags} from '../../core/delimited.js'
import type {Element} from '../../core/html.js'
import type {RemovedSpans} from '../../engine/removal.js'
import {spansMarkdownBlocks, startsLine, type ShapeStructure} from '../../engine/shape.js'
import {blockSpan} from '../../engine/span.js'
import {matchesElement} from '../ad-slot/index.js'
import type {WidgetElementMatcher} from './section.js'

/** A widget found in the HTML. */
export interface ElementWidget {
  readonly start: number
  readonly end: number
  readonly shape: 'html' | 'block'
  readonly matcher: WidgetElementMatcher
  readonly tag: string
}

/** An element that crosses Markdown blocks holds at most this much text to go whole. */
const MAX_CROSSING_TEXT = 3000
const LINE_REST = /^[ \t]*(?:\r?\n|$)/

function endsLine(text: string, offset: number): boolean {
  return LINE_REST.test(text.slice(offset, offset + 200))
}

function crossingIsWidget(element: Element, context: SourceContext): boolean {
  const {text} = context
  if (!startsLine(text, element.start) || !endsLine(text, element.end)) return false
  for (const [from, to] of context.code) if (from < element.end && to > element.start) return false
  return replaceTags(text.slice(element.contentStart, element.contentEnd), ' ').trim().length <= MAX_CROSSING_TEXT
}

/** The outermost HTML widgets of the source, in source order. */
export function findElementWidgets(
  context: SourceContext,
  structure: ShapeStructure,
  matchers: readonly WidgetElementMatcher[],
  removed: RemovedSpans,
): ElementWidget[] {
  if (matchers.length === 0 || context.tokens.length === 0) return []
  const found: ElementWidget[] = []
  let coveredUntil = -1
  for (const element of context.elements) {
    if (element.start < coveredUntil || !element.closed || context.inCode(element.start)) continue
    const matcher = matchers.find((candidate) => matchesElement(element, candidate, context.text))
    if (!matcher || removed.covers(element.start, element.end)) continue
    const crosses = spansMarkdownBlocks(structure, element.start, element.end)
    if (crosses && !crossingIsWidget(element, context)) continue
    const span = blockSpan(context.text, element.start, element.end)
    found.push({...span, shape: crosses ? 'block' : 'html', matcher, tag: element.name})
    coveredUntil = element.end
  }
  return found
}

/**
 * unsafe-html's judge: runs one parsed fragment through the sanitiser and
 * compares the sanitised tree with the parsed one (hast-util-sanitize keeps
 * the positions of what it keeps): an element dropped with its content goes
 * whole, one whose content survives loses its two tags, an attribute dropped
 * from a kept element goes alone — each a {@link Cut} with its reason. Also
 * what one parse cannot see: start tags the parser ignored here, raw-text
 * elements, comments and tags left open at the fragment's end.
 */
import type {Element as HastElement, Nodes as HastNodes, Root as HastRoot} from 'hast'
import {find, html as htmlSchema} from 'property-information'
import {elementParts, parseHtmlFragment} from '../../core/html-tree.js'
import type {Span} from '../../engine/span.js'
import type {Cut, Policy} from './cut.js'
import {prepare} from './prepare.js'
import {RAW_TEXT_TAGS} from './section.js'
import {isClosedComment, LETTER, tagEnd, unterminatedTagStart} from './tags.js'
import {forbiddenScheme} from './urls.js'

/** Elements whose content is raw text: one left open swallows the rest of the output (`<plaintext>` never closes). */
const RAW_TEXT = RAW_TEXT_TAGS

/**
 * The furthest source offset a node reaches: its own end, its tags' ends and
 * its descendants' ends (parse5 leaves the end of an element closed by the
 * end of input unset).
 */
function furthestEnd(node: HastNodes): number {
  let end = node.position?.end.offset ?? 0
  if (node.type === 'element') {
    const parts = elementParts(node)
    end = Math.max(end, parts.opening?.end ?? 0, parts.closing?.end ?? 0)
  }
  if ('children' in node) for (const child of node.children) end = Math.max(end, furthestEnd(child))
  return end
}

function keyOf(element: HastElement): string | undefined {
  const start = element.position?.start.offset
  return start === undefined ? undefined : `${start}:${element.tagName}`
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index])
  return a === b
}

function attributeName(property: string): string {
  return find(htmlSchema, property).attribute
}

/**
 * Why the sanitiser dropped `property` (with the value it was shown) from a
 * kept `<tag>`; `decoded`: the value shown was a `style` read as CSS (css.ts).
 */
function attributeReason(tag: string, property: string, value: unknown, policy: Policy, decoded = false): string {
  const name = attributeName(property)
  const what = `\`${name}\` removed from \`<${tag}>\``
  if (!policy.allowsAttribute(tag, property)) {
    return /^on[a-z]/i.test(name) ? `Event handler ${what}` : `Attribute ${what} (not allowed)`
  }
  if (typeof value === 'string') {
    const scheme = policy.schemes.has(property) ? forbiddenScheme(value, property, policy) : undefined
    if (scheme !== undefined) return `Attribute ${what} (\`${scheme}:\` URL)`
    const denied = policy.deniedValue(property, value)
    if (denied !== undefined)
      return `Attribute ${what} (value denied by \`${denied}\`${decoded ? ' once CSS escapes and comments are decoded' : ''})`
  }
  return `Attribute ${what} (value not allowed)`
}

/**
 * What the sanitiser drops from one parsed fragment, in the fragment's own
 * offsets. `html` is the parsed string; `base` is the offset of its first
 * character; `closedAfter(tag)` says whether the source right after the
 * fragment closes a raw-text element left open in it (an `<iframe>` block,
 * a blank line, then `</iframe>`).
 */
export function judgeTree(
  root: HastRoot,
  html: string,
  base: number,
  policy: Policy,
  closedAfter: (tag: string) => boolean,
  lookForIgnoredTags = true,
): Cut[] {
  const {input, copies, decided} = prepare(root, policy)
  const sanitised = policy.sanitize(input)
  const kept = new Map<string, HastElement>()
  const collect = (node: HastNodes) => {
    if (node.type === 'element') {
      const key = keyOf(node)
      if (key !== undefined) kept.set(key, node)
    }
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(sanitised)

  const cuts: Cut[] = []
  let lastEnd = base
  const seen = (offset: number | undefined) => {
    if (offset !== undefined && offset > lastEnd) lastEnd = offset
  }
  /** Start offsets of the tags that made elements; spans whose `<` are not tags (comments, raw text, what goes whole). */
  const openings = new Set<number>()
  const opaque: Span[] = []
  const whole = (node: HastNodes, reason: string, toEnd = false) => {
    const start = node.position?.start.offset
    if (start === undefined) return
    const end = toEnd ? base + html.length : Math.min(furthestEnd(node), base + html.length)
    cuts.push({start, end, reason, kind: 'whole'})
    opaque.push({start, end})
    seen(end)
  }
  const walk = (node: HastNodes): void => {
    if (node.type === 'text' || node.type === 'doctype') {
      seen(node.position?.end.offset)
      return
    }
    if (node.type === 'comment') {
      const start = node.position?.start.offset
      if (start === undefined) return
      const end = Math.min(Math.max(node.position?.end.offset ?? 0, start), base + html.length)
      if (!isClosedComment(html.slice(start - base, end - base))) whole(node, 'Unclosed comment removed (it would hide what follows)', true)
      else if (!policy.comments) whole(node, 'Comment removed')
      opaque.push({start, end})
      seen(end)
      return
    }
    if (node.type === 'root') {
      for (const child of node.children) walk(child)
      return
    }
    if (node.type !== 'element') return
    const tag = node.tagName
    const parts = elementParts(node)
    const verdict = decided.get(node)
    if (verdict !== undefined) {
      whole(node, verdict, !parts.closing)
      return
    }
    const key = keyOf(node)
    if (key === undefined) {
      // An element the parser made up (an implied `<tbody>`, a re-opened `<b>`): nothing of it is in the source.
      for (const child of node.children) walk(child)
      return
    }
    seen(parts.opening?.end)
    if (parts.opening) openings.add(parts.opening.start)
    const safe = kept.get(key)
    if (!safe) {
      const strip = policy.strippedTags.get(tag)
      if (strip !== undefined) {
        // A raw-text element left open runs to the end of the fragment.
        whole(node, `\`<${tag}>\` removed with its content (\`${strip}\`)`, RAW_TEXT.has(tag) && !parts.closing)
        return
      }
      const reason = `Disallowed tag \`<${tag}>\` removed (its content stays)`
      // Its opening and closing tags: two parts of one removal.
      const group = (parts.opening ?? parts.closing)?.start
      if (parts.opening) cuts.push({...parts.opening, reason, kind: 'tag', group})
      for (const child of node.children) walk(child)
      if (parts.closing) cuts.push({...parts.closing, reason, kind: 'tag', group})
      seen(parts.closing?.end)
      if (!parts.opening) seen(node.position?.end.offset)
      return
    }
    if (RAW_TEXT.has(tag) && !parts.closing && !closedAfter(tag)) {
      whole(node, `Unclosed \`<${tag}>\` removed (it would swallow what follows)`, true)
      return
    }
    if (RAW_TEXT.has(tag) && parts.opening) {
      const content = {start: parts.opening.end, end: parts.closing?.start ?? base + html.length}
      opaque.push(content)
      // Raw text that looks like markup becomes markup wherever the element is not kept (a stricter sanitiser downstream).
      if (html.slice(content.start - base, content.end - base).includes('<')) {
        cuts.push({...content, reason: `Markup inside \`<${tag}>\` removed (never shown; live HTML if the tag went)`, kind: 'exact'})
      }
    }
    const shown = copies.get(node)?.properties ?? node.properties
    for (const [property, value] of Object.entries(shown)) {
      if (sameValue(value, safe.properties[property])) continue
      const span = parts.attributes[property]
      if (!span) continue
      const decoded = property === 'style' && value !== node.properties[property]
      cuts.push({...span, reason: attributeReason(tag, property, value, policy, decoded), kind: 'attribute'})
    }
    for (const child of node.children) walk(child)
    seen(parts.closing?.end)
    if (!parts.opening) seen(node.position?.end.offset)
  }
  walk(root)
  if (lookForIgnoredTags) cuts.push(...judgeIgnoredTags(html, base, openings, opaque, policy))
  const tail = unterminatedTagStart(html, lastEnd - base)
  if (tail >= 0)
    cuts.push({start: base + tail, end: base + html.length, reason: 'Unclosed tag removed (it would swallow what follows)', kind: 'whole'})
  return cuts
}

/**
 * Start tags that the parser dropped in this context (`<td onclick=…>`
 * after `<a>`, a second `<body onload=…>`), judged on their own: in another
 * context (a table cell of the rendered page) the same tag makes an element,
 * and a second `<body>` lends the page's body its attributes. Each is parsed
 * alone: an element made from it is judged like any other; a tag with
 * attributes that makes no element even alone goes whole.
 */
function judgeIgnoredTags(html: string, base: number, openings: ReadonlySet<number>, opaque: Span[], policy: Policy): Cut[] {
  const cuts: Cut[] = []
  opaque.sort((a, b) => a.start - b.start)
  let next = 0
  let index = html.indexOf('<')
  while (index >= 0 && index < html.length) {
    const at = base + index
    while (next < opaque.length && opaque[next]!.end <= at) next++
    const inside = opaque[next]
    if (inside && inside.start <= at) {
      index = html.indexOf('<', inside.end - base)
      continue
    }
    const second = html.charAt(index + 1)
    const end = LETTER.test(second)
      ? tagEnd(html, index + 1)
      : second === '/' && LETTER.test(html.charAt(index + 2))
        ? tagEnd(html, index + 2)
        : -2
    if (end === -1) break
    if (end === -2) {
      index = html.indexOf('<', index + 1)
      continue
    }
    if (second !== '/' && !openings.has(at)) {
      const source = html.slice(index, end)
      const alone = parseHtmlFragment(source, at)
      const made = alone.children.some((child) => child.type === 'element' && elementParts(child).opening?.start === at)
      if (made) cuts.push(...judgeTree(alone, source, at, policy, () => true, false))
      else if (/^<[^\t\n\f\r />]+[\t\n\f\r /]+[^\t\n\f\r />]/.test(source)) {
        // With attributes: `<body onload=…>` gives them to the page's body.
        const name = /^<([^\t\n\f\r />]+)/.exec(source)?.[1]?.toLowerCase() ?? ''
        cuts.push({start: at, end: base + end, reason: `Start tag \`<${name}>\` that the HTML parser ignores here removed`, kind: 'tag'})
      }
    }
    index = html.indexOf('<', end)
  }
  return cuts
}

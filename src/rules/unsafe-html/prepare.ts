/**
 * unsafe-html's sanitiser input: a copy of a parsed fragment with URL
 * attributes shown as a browser reads them, `style` values as the CSS parser
 * reads them (css.ts), and iframes decided before the sanitiser runs (it
 * cannot judge a tag by its `src` host): each copy remembers its original,
 * so what the sanitiser drops can be found in the source.
 */
import type {Element as HastElement, Nodes as HastNodes, Properties, Root as HastRoot} from 'hast'
import {cssAsRead} from './css.js'
import type {Policy} from './cut.js'
import {judgedUrl, normaliseUrl} from './urls.js'

const BASE = 'https://relative.invalid/'

/** A fragment as the sanitiser is shown it. */
export interface Prepared {
  input: HastRoot
  /** Each element of the parsed tree → its copy in the input. */
  copies: Map<HastElement, HastElement>
  /** Elements decided before the sanitiser ran (iframes that are not allowed embeds). */
  decided: Map<HastElement, string>
}

/** Why an `<iframe>` goes, or undefined when its `src` is an allowed embed. */
function iframeVerdict(element: HastElement, policy: Policy): string | undefined {
  const properties = element.properties
  const source = [properties['src'], properties['dataSrc'], properties['dataLazySrc']].find(
    (value): value is string => typeof value === 'string' && value.trim() !== '' && value.trim() !== 'about:blank',
  )
  if (source === undefined) return '`<iframe>` without an embed source removed'
  let url: URL
  try {
    url = new URL(normaliseUrl(source), BASE)
  } catch {
    return '`<iframe>` with an unreadable source removed'
  }
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== 'relative.invalid') {
    if (policy.embeds.some((embed) => embed.test(url))) return undefined
    return `\`<iframe>\` from \`${url.hostname}\` removed (not an allowed embed)`
  }
  return '`<iframe>` that is not an allowed embed removed'
}

function normaliseProperties(properties: Properties, policy: Policy): Properties {
  let copy: Properties | undefined
  for (const [property, value] of Object.entries(properties)) {
    if (property === 'style' && typeof value === 'string') {
      // Judged as the CSS parser reads it: `\65 xpression(` is `expression(` (css.ts).
      const read = cssAsRead(value)
      if (read === value) continue
      copy ??= {...properties}
      copy[property] = read
      continue
    }
    if (!policy.schemes.has(property)) continue
    copy ??= {...properties}
    if (typeof value === 'string') copy[property] = judgedUrl(property, value, policy)
    else if (Array.isArray(value)) copy[property] = value.map((item) => (typeof item === 'string' ? normaliseUrl(item) : item))
  }
  return copy ?? properties
}

/** Copy `root` for the sanitiser: URLs and styles as read, iframes that are not allowed embeds left out (and decided). */
export function prepare(root: HastRoot, policy: Policy): Prepared {
  const copies = new Map<HastElement, HastElement>()
  const decided = new Map<HastElement, string>()
  const copy = (node: HastNodes): HastNodes | undefined => {
    if (node.type === 'element') {
      if (node.tagName === 'iframe' && policy.allowedTags.has('iframe')) {
        const verdict = iframeVerdict(node, policy)
        if (verdict !== undefined) {
          decided.set(node, verdict)
          return undefined
        }
      }
      const element: HastElement = {
        type: 'element',
        tagName: node.tagName,
        properties: normaliseProperties(node.properties, policy),
        children: copyChildren(node.children) as HastElement['children'],
      }
      if (node.position) element.position = node.position
      copies.set(node, element)
      return element
    }
    return node
  }
  const copyChildren = (children: readonly HastNodes[]): HastNodes[] => {
    const out: HastNodes[] = []
    for (const child of children) {
      const copied = copy(child)
      if (copied) out.push(copied)
    }
    return out
  }
  const input: HastRoot = {type: 'root', children: copyChildren(root.children) as HastRoot['children']}
  return {input, copies, decided}
}

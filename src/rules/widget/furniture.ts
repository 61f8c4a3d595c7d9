/**
 * Post furniture at the foot of a blog post, as the widget rule sees it:
 * taxonomy lines ("Tags: a, b", "分类：未分类", "Filed under Travel") and
 * rows of legal or corporate footer links ("Privacy Policy | Terms of Use |
 * Contact"). Both are only looked for in the tail zone (index.ts decides).
 *
 * Keeps: a sentence that starts with a taxonomy word ("Tags: are a way to
 * group posts", items longer than `maxItemWords`), a list of links with long
 * texts or words round them, a row with fewer than `minLegal` legal words or
 * with corporate words only ("Home | About | Contact", a blog's own menu).
 */
import type {WidgetBlock} from './blocks.js'
import type {PatternMatcher, WidgetRules} from './section.js'

const ITEM_SEPARATORS = /[,，、|;；·•/]+/u
/** Han and kana runs have no spaces: two characters count as one word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu

/** Words of `text`, a run of Han or kana counted as one word per two characters. */
export function wordCount(text: string): number {
  let count = 0
  const spaced = text.replace(UNSPACED, (run) => {
    count += Math.ceil(run.length / 2)
    return ' '
  })
  return count + spaced.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** A block that is one paragraph, or a list of one item holding one paragraph. */
function isLine(block: WidgetBlock): boolean {
  const {node} = block
  if (node.type === 'paragraph') return true
  if (node.type !== 'list' || node.children.length !== 1) return false
  const item = node.children[0]!
  return item.children.length === 1 && item.children[0]!.type === 'paragraph'
}

/** The taxonomy label a block opens with and its items, when the block is a taxonomy line. */
export function taxonomyLine(block: WidgetBlock, rules: WidgetRules['taxonomy']): {label: PatternMatcher; items: string[]} | undefined {
  if (!isLine(block)) return undefined
  for (const label of rules.labels) {
    const match = label.pattern.exec(block.label)
    if (match?.index !== 0) continue
    let rest = block.label.slice(match[0].length)
    if (rest.trim() === '' || rules.sentence.test(rest)) return undefined
    const items: string[] = []
    for (const link of block.links) {
      const at = link.text === '' ? -1 : rest.indexOf(link.text)
      if (at === -1) continue
      items.push(link.text)
      rest = `${rest.slice(0, at)}|${rest.slice(at + link.text.length)}`
    }
    items.push(
      ...rest
        .split(ITEM_SEPARATORS)
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    if (items.length === 0 || items.some((item) => wordCount(item) > rules.maxItemWords)) return undefined
    return {label, items}
  }
  return undefined
}

/** The legal words a row of footer links names, when the block is such a row. */
export function legalLinkRow(block: WidgetBlock, rules: WidgetRules['legalLinks']): string[] | undefined {
  const {node} = block
  if (node.type !== 'paragraph' && node.type !== 'list') return undefined
  if (block.links.length < rules.minLinks || block.otherChars > 0) return undefined
  if (block.links.some((link) => link.text === '' || wordCount(link.text) > rules.maxLinkWords)) return undefined
  const ids: string[] = []
  let legal = false
  for (const link of block.links) {
    const word = rules.words.find((matcher) => matcher.pattern.test(link.text))
    if (!word) continue
    ids.push(word.id)
    legal ||= !word.corporate
  }
  return legal && ids.length >= rules.minLegal ? ids : undefined
}

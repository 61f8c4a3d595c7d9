/**
 * The article's own URL, as its frontmatter names it: the value of the first
 * of `filterList.siteKeys` (most trusted first) that holds an absolute
 * http(s) URL. Read by line (`key: value`), not by a YAML parser: only plain
 * and quoted one-line values are URLs anyway. Filter-list rules match against
 * it (`$domain=`), and the site-template index keys sites by its host.
 */
import type {Root} from 'mdast'
import {siteKeyForm} from './section.js'

/** `key: value` lines of YAML frontmatter. */
const FRONTMATTER_ENTRY = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]+(.+?)(?:[ \t]+#.*)?$/gm
const QUOTED = /^(["'])(.*)\1$/
const HTTP_URL = /^https?:\/\/\S+$/i

/** The article's URL from its frontmatter (`siteKeys` in the rules-file form), if it names one. */
export function frontmatterUrl(tree: Root, siteKeys: readonly string[]): string | undefined {
  const first = tree.children[0]
  if (first?.type !== 'yaml' || siteKeys.length === 0) return undefined
  let best: {rank: number; url: string} | undefined
  for (const [, key, raw] of first.value.matchAll(FRONTMATTER_ENTRY)) {
    const rank = siteKeys.indexOf(siteKeyForm(key!))
    if (rank === -1 || (best && best.rank <= rank)) continue
    const value = raw!.trim().replace(QUOTED, '$2')
    if (HTTP_URL.test(value)) best = {rank, url: value}
  }
  return best?.url
}

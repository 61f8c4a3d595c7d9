/**
 * Which site an article belongs to, for the template index: the host of the
 * URL its frontmatter names (the keys of `filterList.siteKeys`, most trusted
 * first; `www.` dropped, lower case), else its folder (`dir:posts/2024`, the
 * path as given, `/`-separated), else `dir:.`. The learner and the rule call
 * this one function, so an article is counted and looked up under one key.
 *
 * The folder key depends on how the path is written: give the learner and
 * `clean` the same paths (the batch does; check mode with `--templates`
 * uses paths relative to the working directory, as the batch that saved the
 * index did when run from the same place). A URL in the frontmatter is the
 * robust key.
 */
import type {Root} from 'mdast'
import {frontmatterUrl} from '../filter-list/article-url.js'

/** The host of the article's own URL in its frontmatter, if it names one. */
function frontmatterHost(tree: Root, siteKeys: readonly string[]): string | undefined {
  const url = frontmatterUrl(tree, siteKeys)
  if (url === undefined) return undefined
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined
  } catch {
    return undefined
  }
}

/** The folder of `path` (`/`-separated, no trailing slash), `.` for none. */
function folderOf(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/')
  parts.pop()
  const folder = parts.filter((part) => part !== '' && part !== '.').join('/')
  return folder === '' ? '.' : folder
}

/** The site key of an article (see the module comment). */
export function siteKeyOf(tree: Root, path: string | undefined, siteKeys: readonly string[]): string {
  return frontmatterHost(tree, siteKeys) ?? `dir:${folderOf(path ?? '')}`
}

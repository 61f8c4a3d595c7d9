/**
 * Canonical formatting (opt-in, `format: true`): the body re-serialised by
 * remark-stringify, the frontmatter by gray-matter from the normalised data.
 * Without this option decruft never reformats: outside removed spans the
 * author's bytes stay.
 */
import matter from 'gray-matter'
import remarkStringify from 'remark-stringify'
import type {Processor} from 'unified'
import {createParser} from './pipeline.js'
import {bodyOf} from './record.js'

let formatter: Processor | undefined

function markdownFormatter(): Processor {
  formatter ??= createParser().use(remarkStringify, {bullet: '-', emphasis: '_', rule: '-', fences: true}) as unknown as Processor
  return formatter
}

/**
 * Format a clean document canonically, given its normalised frontmatter data.
 * With `keepBlock` (frontmatter that could not be read, so has no data), the
 * block stays as written.
 */
export function formatDocument(cleaned: string, frontmatter: Record<string, unknown>, keepBlock = false): string {
  const rest = bodyOf(cleaned)
  const body = String(markdownFormatter().processSync(rest.replace(/\r\n?/g, '\n')))
  if (keepBlock) return cleaned.slice(0, cleaned.length - rest.length) + body
  if (Object.keys(frontmatter).length === 0) return body
  // An options object keeps gray-matter from caching every document it sees.
  return matter.stringify(body, frontmatter, {language: 'yaml'})
}

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

/** Format a clean document canonically, given its normalised frontmatter data. */
export function formatDocument(cleaned: string, frontmatter: Record<string, unknown>): string {
  const body = String(markdownFormatter().processSync(bodyOf(cleaned).replace(/\r\n?/g, '\n')))
  if (Object.keys(frontmatter).length === 0) return body
  // An options object keeps gray-matter from caching every document it sees.
  return matter.stringify(body, frontmatter, {language: 'yaml'})
}

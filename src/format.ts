/**
 * Canonical formatting (opt-in, `format: true`): the body re-serialised by
 * remark-stringify, the frontmatter by gray-matter from the normalised data.
 * Without this option decruft never reformats: outside removed spans the
 * author's bytes stay. Line endings become `\n` (`\r\n` and a lone `\r`
 * alike), and formatting a formatted document changes nothing.
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

/** At most this many rounds of re-serialising the body (see {@link formatBody}). */
const MAX_FORMAT_ROUNDS = 4

/**
 * The body re-serialised until it no longer changes. remark-stringify's
 * output is not always a fixed point of a parse and re-serialise: a line
 * inside a multi-line inline tag (`<span class="x"\n     title="y">`) loses
 * a few columns of indentation per round, so one round would leave work for
 * the next `--format`. Most documents are stable after one extra round.
 */
function formatBody(markdown: string): string {
  let body = String(markdownFormatter().processSync(markdown))
  for (let round = 1; round < MAX_FORMAT_ROUNDS; round++) {
    const again = String(markdownFormatter().processSync(body))
    if (again === body) break
    body = again
  }
  return body
}

/**
 * Format a clean document canonically, given its normalised frontmatter data.
 * With `keepBlock` (frontmatter that could not be read, so has no data), the
 * block stays as written.
 */
export function formatDocument(cleaned: string, frontmatter: Record<string, unknown>, keepBlock = false): string {
  const rest = bodyOf(cleaned)
  const body = formatBody(rest.replace(/\r\n?/g, '\n'))
  if (keepBlock) return cleaned.slice(0, cleaned.length - rest.length) + body
  if (Object.keys(frontmatter).length === 0) return body
  // An options object keeps gray-matter from caching every document it sees.
  return matter.stringify(body, frontmatter, {language: 'yaml'})
}

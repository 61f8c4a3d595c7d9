/**
 * Frontmatter YAML parsed once per text. The repair check reads a block
 * before the document is parsed (`repair-yaml.ts`: does it read as written?)
 * and the frontmatter rule reads the same block again (`block.ts`); both ask
 * here, and the second gets the Document the first made, so an article's
 * frontmatter is parsed once, not twice. Neither changes the Document (they
 * read it, and build new nodes to write), which is what makes sharing it
 * safe. One entry is kept: the last text parsed.
 */
import {LineCounter, parseDocument, type Document} from 'yaml'

/** A parsed block and the line starts the parser recorded. */
export interface ParsedYaml {
  readonly document: Document.Parsed
  readonly lineCounter: LineCounter
}

let last: {text: string; parsed: ParsedYaml} | undefined

/** Parse `text` as YAML (duplicate keys are errors; messages without source excerpts). */
export function parseYaml(text: string): ParsedYaml {
  if (last?.text === text) return last.parsed
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false})
  last = {text, parsed: {document, lineCounter}}
  return last.parsed
}

/**
 * Read a rules file (YAML or JSON text) into validated rules data. Errors
 * name the file, the line and column, and the path of the offending key.
 * No file system here: the caller reads the text.
 */
import {isNode, LineCounter, parseDocument} from 'yaml'
import {rulesSchema, type RulesData} from './schema.js'

/** A problem with a rules or config file. */
export class RulesError extends Error {
  override readonly name = 'RulesError'
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly path: string,
  ) {
    super(`${file}:${line}:${column}: ${path ? `${path}: ` : ''}${message}`)
  }
}

/** Parse and validate the text of a rules file. Throws {@link RulesError}. */
export function parseRules(text: string, file = 'rules'): RulesData {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    const position = lineCounter.linePos(error.pos[0])
    throw new RulesError(error.message.split('\n')[0] ?? error.message, file, position.line, position.col, '')
  }
  const data: unknown = document.toJS() ?? {}
  const result = rulesSchema.safeParse(data)
  if (result.success) return result.data as RulesData
  const issue = result.error.issues[0]!
  const path = issue.path.map(String)
  let node: unknown = path.length > 0 ? document.getIn(path, true) : document.contents
  // For unknown keys, point at the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) {
    node = document.getIn([...path, issue.keys[0]], true) ?? node
    path.push(issue.keys[0])
  }
  for (let depth = path.length - 1; !isNode(node) && depth >= 0; depth--) node = document.getIn(path.slice(0, depth), true)
  const offset = isNode(node) && node.range ? node.range[0] : 0
  const position = lineCounter.linePos(offset)
  throw new RulesError(issue.message, file, position.line, position.col, path.join('.'))
}

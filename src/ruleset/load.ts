/**
 * Read a rules file (YAML or JSON text) into validated rules data. Errors
 * name the file, the line and column, and the path of the offending key.
 * No file system here: the caller reads the text.
 *
 * A user's rules file is a *layer*: its entries may give only an `id` and the
 * fields they change, so it is validated after merging over the defaults,
 * and errors found then are traced back to the layer's own lines.
 */
import {isMap, isNode, isScalar, LineCounter, parseDocument, type Document} from 'yaml'
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

/** A rules file read but not yet validated. */
export interface RulesLayer {
  readonly file: string
  readonly data: unknown
  /** Line and column of the node at `path` (or of its closest ancestor); of the key itself with `{key: true}`. */
  locate(path: readonly (string | number)[], options?: {key?: boolean}): {line: number; column: number}
}

/** Read the text of a rules file; throws {@link RulesError} on YAML syntax errors. */
export function readRulesLayer(text: string, file = 'rules'): RulesLayer {
  const lineCounter = new LineCounter()
  const document: Document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    const position = lineCounter.linePos(error.pos[0])
    throw new RulesError(error.message.split('\n')[0] ?? error.message, file, position.line, position.col, '')
  }
  const data: unknown = document.toJS() ?? {}
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new RulesError('a rules file is a mapping of sections (adBlock, adSlot, …)', file, 1, 1, '')
  }
  return {
    file,
    data,
    locate(path, options) {
      let node: unknown = path.length > 0 ? document.getIn(path, true) : document.contents
      if (options?.key && path.length > 0) {
        const parent: unknown = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents
        const name = path[path.length - 1]
        const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === name) : undefined
        if (pair && isNode(pair.key)) node = pair.key
      }
      for (let depth = path.length - 1; !isNode(node) && depth >= 0; depth--) node = document.getIn(path.slice(0, depth), true)
      const position = lineCounter.linePos(isNode(node) && node.range ? node.range[0] : 0)
      return {line: position.line, column: position.col}
    },
  }
}

type Issue = {path: PropertyKey[]; message: string; code: string; keys?: string[]}

/** Validate merged rules data; errors are traced to `layer` (with `origin` mapping merged paths to the layer's). */
export function validateRules(
  data: unknown,
  layer: RulesLayer,
  origin: (path: readonly (string | number)[]) => readonly (string | number)[] = (path) => path,
): RulesData {
  const result = rulesSchema.safeParse(data)
  if (result.success) return result.data as RulesData
  const issue = result.error.issues[0] as Issue
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)))
  const unknownKey = issue.code === 'unrecognized_keys' && issue.keys?.[0]
  if (unknownKey) path.push(unknownKey)
  const layerPath = origin(path)
  const {line, column} = layer.locate(layerPath, {key: Boolean(unknownKey)})
  throw new RulesError(issue.message, layer.file, line, column, layerPath.join('.'))
}

/** Parse and validate the complete text of a rules file. Throws {@link RulesError}. */
export function parseRules(text: string, file = 'rules'): RulesData {
  const layer = readRulesLayer(text, file)
  return validateRules(layer.data, layer)
}

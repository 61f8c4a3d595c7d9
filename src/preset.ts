/**
 * `decruft`: a unified plugin that cleans. `remark().use(decruft)` and
 * `unified().use(remarkParse).use(remarkFrontmatter).use(decruft).use(remarkStringify)`
 * give exactly `clean(text, options).markdown` — the minimal-edit splice,
 * not a reformatting — with every removal as a vfile message (as `clean`'s
 * `messages`: `ruleId`, `source: 'decruft'`, `place` in the input, the
 * removed text in `actual`).
 *
 * The transformer cleans the file's text (`String(file)`, not the tree it is
 * given: `clean` parses with its own settings and splices the original), then
 * hands on the processor's parse of the clean text, so later plugins (a
 * linter, remark-rehype) see the clean document; `file.value` becomes the
 * clean text too, so their positions and `String(file)` agree. The compiler
 * (src/preset-compiler.ts) emits the spliced text while that tree is
 * unchanged; a later plugin's change makes the output the inner compiler's
 * (remark-stringify's) serialisation of the changed tree. A plugin before
 * this one that changed the tree has its change dropped, with a warning
 * (`plugin-order`, src/preset-parse-check.ts): put decruft first.
 *
 * The find-only plugins (`remarkDecruft`, each rule's plugin) stay as they
 * are, for pipelines that apply the removals themselves.
 */
import type {Root} from 'mdast'
import type {Plugin, Processor} from 'unified'
import type {VFile} from 'vfile'
import {clean, CleanError, type CleanOptions} from './clean.js'
import {SOURCE, withoutStack} from './engine/removal.js'
import {createParser} from './pipeline.js'
import {compileToCleanText, rememberCleaned} from './preset-compiler.js'
import {changedSinceParse, parserOf, snapshotParses} from './preset-parse-check.js'
import type {ArticleRecord} from './record.js'

/** What the cleaning preset leaves in `file.data`. */
export interface DecruftData {
  /** The article's JSON record, as `clean(text, options).record`. */
  record: ArticleRecord
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the `decruft` plugin: the record of the clean. */
    decruft: DecruftData
  }
}

/**
 * A unified plugin that cleans the document, as {@link clean} with the same
 * options (`path` defaults to the file's path). The output of the processor
 * is `clean(text, options).markdown` while no later plugin changes the tree;
 * the removals and warnings are the file's messages, the record is
 * `file.data.decruft.record`. A text `clean` refuses (binary, too large, over
 * a limit) fails the file (`file.fail`, a fatal message with the
 * `CleanError` as its `cause`).
 */
export const decruft: Plugin<[(CleanOptions | null | undefined)?], Root, Root> = function (options) {
  const self = this as unknown as Processor<Root, Root, Root, Root, string>
  const settings: CleanOptions = options ?? {}
  compileToCleanText(self)
  snapshotParses(self)
  // For a processor without a parser (`unified().use(decruft).runSync(tree, file)`): decruft's own, made on first use.
  let ownParser: Processor<Root> | undefined
  const parseClean = (markdown: string, file: VFile): Root => {
    const parse = parserOf(self)
    if (parse) return parse(markdown, file)
    ownParser ??= createParser()
    return ownParser.parse(markdown)
  }
  return (given: Root, file: VFile): Root => {
    if (changedSinceParse(file, given)) warnEarlierChange(file)
    const path = settings.path ?? file.path
    let result: ReturnType<typeof clean>
    try {
      result = clean(String(file), path === undefined ? settings : {...settings, path})
    } catch (error) {
      if (!(error instanceof CleanError)) throw error
      const place = error.line === undefined ? undefined : {line: error.line, column: error.column ?? 1}
      return file.fail(error.reason, {...(place ? {place} : {}), source: SOURCE, cause: error})
    }
    file.messages.push(...result.messages)
    file.value = result.markdown
    file.data.decruft = {record: result.record}
    // The processor's parse of the clean text, so later plugins get the tree they expect.
    const tree = parseClean(result.markdown, file)
    rememberCleaned(file, result.markdown, tree)
    return tree
  }
}

/** A plugin before this one changed the tree: its change is dropped, so say so. */
function warnEarlierChange(file: VFile): void {
  const message = withoutStack(() =>
    file.message(
      'a plugin that ran before decruft changed the tree; decruft cleans the text, so that change is dropped (use decruft right after the parser)',
      {ruleId: 'plugin-order', source: SOURCE},
    ),
  )
  message.fatal = false
}

/**
 * The parser side of the cleaning preset (src/preset.ts): notice when a
 * plugin that ran before it changed the tree, since the preset cleans the
 * file's text and hands on a fresh parse of the clean text — such a change
 * would be dropped without a word.
 *
 * The processor's `parser` becomes an accessor (as the compiler does in
 * src/preset-compiler.ts, and for the same reason: remark-parse may be
 * attached before or after): the wrapper parses with the parser set and
 * keeps, per file, a JSON snapshot of the tree it made. The preset compares
 * the tree it is given with that snapshot. A tree that did not come from
 * this processor's `parse` of the same file (`run(tree, file)` on a tree of
 * your own) has no snapshot, and is not checked.
 */
import type {Root} from 'mdast'
import type {Parser, Processor} from 'unified'
import type {VFile} from 'vfile'
import {snapshotOf, unchangedSince} from './preset-snapshot.js'

/** The parse snapshot of each file, taken by the parser and read (once) by the preset. */
const parsedFiles = new WeakMap<VFile, string | undefined>()

const WATCHED = Symbol('decruft parse snapshot')

/** Each watched processor's inner parser (the one remark-parse set). */
const innerParsers = new WeakMap<object, () => Parser<Root> | undefined>()

/** Make `processor`'s parser keep a snapshot of each tree it parses, per file. */
export function snapshotParses(processor: Processor<Root, Root, Root, Root, string>): void {
  const host = processor as unknown as {parser?: Parser<Root> & {[WATCHED]?: true}}
  if (host.parser?.[WATCHED]) return
  let inner = host.parser
  const parser: Parser<Root> & {[WATCHED]?: true} = (document, file) => {
    if (!inner) throw new TypeError('Cannot `parse` without `parser`')
    const tree = inner(document, file)
    parsedFiles.set(file, snapshotOf(tree))
    return tree
  }
  parser[WATCHED] = true
  innerParsers.set(processor, () => inner)
  Object.defineProperty(processor, 'parser', {
    configurable: true,
    enumerable: true,
    // Undefined while there is no parser, so unified's own checks (`Cannot process without parser`) stay as they are.
    get: () => (inner ? parser : undefined),
    set: (next: Parser<Root> | undefined) => {
      inner = next
    },
  })
}

/**
 * Whether `tree` differs from what the processor parsed for `file` (false
 * when it did not parse this file). Forgets the snapshot.
 */
export function changedSinceParse(file: VFile, tree: Root): boolean {
  if (!parsedFiles.has(file)) return false
  const parsed = parsedFiles.get(file)
  parsedFiles.delete(file)
  return !unchangedSince(parsed, tree)
}

/** A processor's parser without the snapshot (for parsing other text than the file's). */
export function parserOf(processor: Processor<Root, Root, Root, Root, string>): Parser<Root> | undefined {
  const inner = innerParsers.get(processor)
  return inner ? inner() : processor.parser
}

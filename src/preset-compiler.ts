/**
 * The compiler side of the cleaning preset (src/preset.ts): while the tree
 * is as the preset left it, the processor's output is the clean text itself
 * — `clean()`'s minimal-edit splice, byte for byte — not a re-serialisation.
 *
 * unified runs attachers in the order they were `use`d, and a plugin that
 * sets `this.compiler` loses to remark-stringify attached after it. So the
 * processor's `compiler` becomes an accessor: whatever compiler is set,
 * before or after, is kept as the inner one, and the processor's compiler
 * is always this wrapper. The wrapper emits the spliced text when the tree
 * it is given is deep-equal to the clean tree the preset handed on (a JSON
 * snapshot taken then, src/preset-snapshot.ts); a tree a later plugin
 * changed (or replaced, as remark-rehype does) goes to the inner compiler as
 * usual — with remark-stringify, the changed tree reformatted as a whole.
 */
import type {Node, Root} from 'mdast'
import type {CompileResults, Compiler, Processor} from 'unified'
import type {VFile} from 'vfile'
import {snapshotOf, unchangedSince} from './preset-snapshot.js'

/** What the preset left for one file: the clean text and the snapshot of the tree it parses to. */
interface Cleaned {
  readonly markdown: string
  readonly snapshot: string | undefined
}

/** Per file, so one processor can run many files (also at once). */
const cleanedFiles = new WeakMap<VFile, Cleaned>()

const WRAPPED = Symbol('decruft splice compiler')

/** Remember, for `file`, the clean text and the tree the preset hands on (call after the last change to the tree). */
export function rememberCleaned(file: VFile, markdown: string, tree: Root): void {
  cleanedFiles.set(file, {markdown, snapshot: snapshotOf(tree)})
}

/**
 * Make `processor`'s compiler emit the remembered clean text for a file
 * whose tree is unchanged, and otherwise defer to the compiler set before or
 * after (none: an unchanged tree still compiles, a changed one throws a
 * TypeError saying a compiler such as remark-stringify is needed).
 */
export function compileToCleanText(processor: Processor<Root, Root, Root, Root, string>): void {
  const host = processor as unknown as {compiler?: Compiler<Node, CompileResults> & {[WRAPPED]?: true}}
  if (host.compiler?.[WRAPPED]) return
  let inner = host.compiler
  const compiler: Compiler<Node, CompileResults> & {[WRAPPED]?: true} = (tree, file) => {
    const cleaned = cleanedFiles.get(file)
    if (cleaned && unchangedSince(cleaned.snapshot, tree)) return cleaned.markdown
    if (inner) return inner(tree, file)
    throw new TypeError(
      'decruft: the tree was changed after cleaning (or was not cleaned), and there is no compiler to serialise it: add remark-stringify',
    )
  }
  compiler[WRAPPED] = true
  Object.defineProperty(processor, 'compiler', {
    configurable: true,
    enumerable: true,
    get: () => compiler,
    set: (next: Compiler<Node, CompileResults> | undefined) => {
      inner = next
    },
  })
}

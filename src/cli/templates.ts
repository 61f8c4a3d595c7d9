/**
 * `decruft templates merge <index.json…> -o <out.json>`: add the counts of
 * saved site-template indexes into one (shards of a corpus, earlier runs).
 * Merging is commutative and associative, so the order of the files does
 * not matter. Exit codes as for the rest of the command: 2 for bad usage or
 * an index that cannot be read, 3 when the output cannot be written.
 *
 * `decruft templates learn` (templates-learn.ts) learns an index without
 * cleaning, from folders or from JSONL articles on stdin.
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {mergeTemplateIndexes, parseTemplateIndex, serializeTemplateIndex, type TemplateIndex} from '../plugin-api.js'
import {describeSystemError} from '../node/read.js'
import {writeFileSafely} from '../node/write.js'
import type {SubcommandIo} from './subcommand-io.js'

export const TEMPLATES_HELP = `Usage: decruft templates merge <index.json…> -o <out.json>
       decruft templates learn [<files|dirs|globs…>] [--jsonl] [--shard i/n] -o <out.json>

Merge site-template indexes (written by a batch with --save-templates):
articles, block counts and neighbour samples add up, per site. Use the
result with --templates in a batch, in check mode or with -.
  -o, --out <file>   where to write the merged index
  -h, --help         show this help
`

/** Run `decruft templates …` (`argv` after `templates`); resolves to the exit code. */
export async function runTemplates(argv: readonly string[], io: SubcommandIo): Promise<0 | 2 | 3> {
  if (argv[0] === 'learn') {
    const {runLearn} = await import('./templates-learn.js')
    return runLearn(argv.slice(1), io)
  }
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {out: {type: 'string', short: 'o'}, help: {type: 'boolean', short: 'h'}},
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.report(
      `templates: ${(error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument[\s\S]*$/, '')}`,
    )
    return 2
  }
  if (parsed.values.help === true) {
    io.stdout.write(TEMPLATES_HELP)
    return 0
  }
  const [command, ...inputs] = parsed.positionals
  if (command !== 'merge') {
    io.report(
      command === undefined
        ? 'templates: expected a command: merge or learn'
        : `templates: unknown command \`${command}\` (commands: merge, learn)`,
    )
    return 2
  }
  if (inputs.length === 0) {
    io.report('templates merge: give the index files to merge')
    return 2
  }
  const out = parsed.values.out
  if (out === undefined || out === '') {
    io.report('templates merge: missing -o <out.json>')
    return 2
  }
  const indexes: TemplateIndex[] = []
  for (const input of inputs) {
    let text: string
    try {
      text = await readFile(resolve(io.cwd, input), 'utf8')
    } catch (error) {
      io.report(`${input}: cannot read template index: ${describeSystemError(error)}`)
      return 2
    }
    try {
      indexes.push(parseTemplateIndex(text))
    } catch (error) {
      io.report(`${input}: not a template index: ${error instanceof Error ? error.message : String(error)}`)
      return 2
    }
  }
  const merged = mergeTemplateIndexes(indexes)
  try {
    // Every count the inputs hold is kept (blocks seen once too): merging
    // merged indexes again, or adding next month's parts, then adds up
    // exactly as one learning run would.
    await writeFileSafely(resolve(io.cwd, out), serializeTemplateIndex(merged, {minDf: 1}), {fsync: true})
  } catch (error) {
    io.report(`${out}: cannot write the template index: ${error instanceof Error ? error.message : String(error)}`)
    return 3
  }
  let articles = 0
  for (const site of merged.sites.values()) articles += site.articles
  io.report(`${out}: ${indexes.length} indexes merged: ${merged.sites.size} sites, ${articles} articles`)
  return 0
}

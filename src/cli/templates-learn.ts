/**
 * `decruft templates learn`: learn a site-template index without cleaning,
 * so that a corpus split over machines can learn per part, merge the parts
 * (`decruft templates merge`) and then clean every part with the merged
 * index (`--templates merged.json --no-templates`, or `--jsonl --templates
 * merged.json`), which gives what one batch over the whole corpus gives.
 *
 * - Folders (`learn <files|dirs|globs…>`): the articles a batch would clean,
 *   listed, ignored and keyed (by their path from the working directory) as
 *   the batch's own learning pass does (node/learn-templates.ts).
 * - `--jsonl`: the articles of a JSONL stream on stdin (docs/jsonl.md),
 *   keyed by their `path` as `decruft --jsonl` cleans them; read with
 *   back-pressure, one line at a time, nothing held but the counts.
 * - `--shard i/n`: only the articles of that shard (node/shard.ts), by
 *   relative path (a line's `path`, else its `id`).
 *
 * The index keeps every block's count, even of blocks seen once (a saved
 * batch index leaves those out), so that the counts of the parts add up to
 * those of the whole when merged.
 *
 * An article that cannot be read or would be refused is not counted (the
 * clean reports it), as in a batch; bad lines are named on stderr. Exit
 * code 0; 2 for bad usage; 3 when the index cannot be written.
 */
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {articleSignature, createTemplateLearner, serializeTemplateIndex, type TemplateIndex} from '../plugin-api.js'
import type {RuleSet} from '../index.js'
import type {FileTask} from '../node/clean-file.js'
import {readJsonLines} from '../node/jsonl-lines.js'
import {learnTemplates, signatureOfFile} from '../node/learn-templates.js'
import {displayPath} from '../node/paths.js'
import {DEFAULT_MAX_BYTES} from '../node/read.js'
import {inShard, parseShard, ShardError, type Shard} from '../node/shard.js'
import {streamDisplay} from '../node/stream-clean.js'
import {isFailure, parseStreamLine} from '../node/stream-line.js'
import {maxLineBytesFor} from '../node/stream.js'
import {writeFileSafely} from '../node/write.js'
import {parseSize} from './args.js'
import {batchArticles, batchSettings} from './pack.js'
import type {SubcommandIo} from './subcommand-io.js'

export const LEARN_HELP = `Usage: decruft templates learn [<files|dirs|globs…>] [--jsonl] [--shard i/n] -o <out.json>

Learn a site-template index from articles without cleaning them: from
folders (as a batch lists and keys them) or, with --jsonl, from JSONL
articles on stdin (as decruft --jsonl keys them). Merge the indexes of the
parts with decruft templates merge; clean with --templates.
  -o, --out <file>   where to write the index (- for stdout)
      --jsonl        read JSONL articles from stdin
      --shard <i/n>  learn only from shard i of n (by relative path)
      --rules <file> rules file merged over the defaults; repeatable
      --config <file>, --no-config   as for a batch
      --max-size <size>  leave out larger articles (default 1M)
  -q, --quiet        no summary
  -h, --help         show this help
`

/** Run `decruft templates learn …`; resolves to the exit code. */
export async function runLearn(argv: readonly string[], io: SubcommandIo): Promise<0 | 2 | 3> {
  let parsed
  let shard: Shard | undefined
  let maxBytes = DEFAULT_MAX_BYTES
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: {type: 'string', short: 'o'},
        jsonl: {type: 'boolean'},
        shard: {type: 'string'},
        rules: {type: 'string', multiple: true},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        'max-size': {type: 'string'},
        quiet: {type: 'boolean', short: 'q'},
        help: {type: 'boolean', short: 'h'},
      },
      allowPositionals: true,
      strict: true,
    })
    if (parsed.values.shard !== undefined) shard = parseShard(parsed.values.shard)
    if (parsed.values['max-size'] !== undefined) maxBytes = parseSize(parsed.values['max-size'])
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument[\s\S]*$/, '')
    io.report(`templates learn: ${error instanceof ShardError ? `--shard: ${message}` : message}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help === true) {
    io.stdout.write(LEARN_HELP)
    return 0
  }
  const jsonl = values.jsonl === true
  if (jsonl === positionals.length > 0) {
    io.report(
      `templates learn: ${jsonl ? '--jsonl reads stdin: give no files' : 'give the files, folders or globs to learn from (or --jsonl)'}`,
    )
    return 2
  }
  if (values.out === undefined || values.out === '') {
    io.report('templates learn: missing -o <out.json> (- for stdout)')
    return 2
  }
  const settings = await batchSettings(
    {rules: values.rules ?? [], configFile: values.config, noConfig: values['no-config'] === true, maxBytes},
    io.cwd,
    io.report,
  )
  if (!settings) return 2
  let learned: {index: TemplateIndex; articles: number; skipped: number}
  if (jsonl) {
    if (!io.stdin) {
      io.report('templates learn: no stdin to read from')
      return 2
    }
    learned = await learnFromLines(io.stdin, settings.rules, maxBytes, shard, io.report)
  } else {
    const listed = await batchArticles(positionals, settings, io.cwd, io.report)
    if (!listed) return 2
    const tasks: FileTask[] = listed.files
      .filter((file) => shard === undefined || inShard(file.relative, shard))
      .map((file) => ({absolute: file.absolute, display: displayPath(io.cwd, file.absolute), relative: file.relative}))
    const result = await learnTemplates(tasks, {
      rules: settings.rules,
      signatureOf: (task) => signatureOfFile(task, settings.rules, maxBytes),
      concurrency: 8,
    })
    learned = {index: result.index, articles: result.articles, skipped: tasks.length - result.articles}
  }
  // Every count kept (blocks seen once too): the parts of a split corpus add up to the whole's counts.
  const text = serializeTemplateIndex(learned.index, {minDf: 1})
  if (values.out === '-') io.stdout.write(text)
  else {
    try {
      await writeFileSafely(resolve(io.cwd, values.out), text, {fsync: true})
    } catch (error) {
      io.report(`${values.out}: cannot write the template index: ${error instanceof Error ? error.message : String(error)}`)
      return 3
    }
  }
  if (values.quiet !== true) {
    const skipped = learned.skipped > 0 ? ` (${learned.skipped} left out: unreadable or refused)` : ''
    const where = shard ? ` of shard ${shard.index}/${shard.count}` : ''
    io.report(`${values.out}: ${learned.articles} articles${where} learned from, ${learned.index.sites.size} sites${skipped}`)
  }
  return 0
}

/** Count the articles of a JSONL stream, one line at a time. */
async function learnFromLines(
  input: AsyncIterable<Uint8Array | string>,
  rules: RuleSet,
  maxBytes: number,
  shard: Shard | undefined,
  report: (message: string) => void,
): Promise<{index: TemplateIndex; articles: number; skipped: number}> {
  const learner = createTemplateLearner({rules})
  let articles = 0
  let skipped = 0
  for await (const line of readJsonLines(input, {maxLineBytes: maxLineBytesFor(maxBytes)})) {
    if (!('text' in line)) {
      report(`line ${line.line}: line too long (${line.oversize} bytes); left out`)
      skipped++
      continue
    }
    if (line.text.trim() === '') continue
    const item = parseStreamLine(line.text, line.line)
    if (isFailure(item)) {
      report(item.message)
      skipped++
      continue
    }
    if (shard !== undefined && !inShard(item.path ?? String(item.id), shard)) continue
    // As `decruft --jsonl` would refuse it: not counted.
    const signature =
      Buffer.byteLength(item.text, 'utf8') > maxBytes
        ? undefined
        : articleSignature(item.text, streamDisplay(item), {rules, maxLength: maxBytes})
    if (!signature) {
      skipped++
      continue
    }
    learner.addSignature(signature)
    articles++
  }
  return {index: learner.index, articles, skipped}
}

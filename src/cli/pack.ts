/**
 * `decruft pack` and `decruft unpack`: a folder into JSONL articles and
 * JSONL results back into a folder, so that a stream run (`decruft --jsonl`,
 * on one machine or a cluster) and a folder run are provably the same.
 *
 * - `pack <files|dirs|globs…> [-o file.jsonl]` lists the articles exactly as
 *   a batch does (same operands, order, ignore files and config) and writes
 *   one line per article: `{"id": rel, "path": rel, "text", "site"?}`, where
 *   `rel` is the relative path a batch mirrors under `--out` (with `/`), and
 *   `site` is the generator (and zone) the article's site files say, as a
 *   batch finds them (not with `--generator none`). A file that cannot be
 *   read is named on stderr and left out (exit code 3).
 * - `unpack [file.jsonl|-] -o <dir>` writes each result's Markdown to
 *   `<dir>/<path>` and its record beside it, named and written exactly as a
 *   batch writes them; an error line is named on stderr (exit code 3).
 */
import {createReadStream, createWriteStream} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import {dirname, resolve, sep} from 'node:path'
import {parseArgs} from 'node:util'
import {serializeRecord} from '../node/clean-file.js'
import {expandOperands, outputPaths} from '../node/files.js'
import {readJsonLines} from '../node/jsonl-lines.js'
import {outDirProblem} from '../node/out-dir.js'
import {displayPath} from '../node/paths.js'
import {readArticle} from '../node/read.js'
import {createSiteDetector} from '../node/site.js'
import {relativePathProblem} from '../node/stream-line.js'
import {maxLineBytesFor, writeLine, type LineSink} from '../node/stream.js'
import {writeOutputs, type Output} from '../node/write.js'
import {parseCliArgs, parseSize, UsageError, type CliConfig} from './args.js'
import {resolveSettings, type RunSettings} from './settings.js'
import type {SubcommandIo} from './subcommand-io.js'

export const PACK_HELP = `Usage: decruft pack <files|dirs|globs…> [-o file.jsonl] [options]
       decruft unpack [file.jsonl|-] -o <dir> [--md|--json]

pack: one JSON line per Markdown article, listed as a batch lists them:
{"id": path, "path": path, "text": …, "site"?: {"generator", "zone"?}}.
unpack: write the results of decruft --jsonl as a batch writes them:
<dir>/<path> (the Markdown) and the record beside it.
  -o, --out <file|dir>   pack: file to write (default: stdout); unpack: folder
      --config <file>    pack: use this config file (its ignore, its generator)
      --no-config        pack: use no config file
      --generator <name> pack: auto (default), none, or a generator's name
      --max-size <size>  pack: refuse larger files (default 1M)
      --md, --json       unpack: write only the Markdown, or only the record
  -h, --help             show this help
`

/** The settings of a run as a batch with these options would resolve them (config file, rules, ignore, generator). */
export async function batchSettings(
  overrides: Partial<CliConfig>,
  cwd: string,
  report: (message: string) => void,
): Promise<RunSettings | undefined> {
  // A batch's defaults, from the parser itself, with the subcommand's options over them.
  const base = parseCliArgs(['.', '-o', '.'])
  return resolveSettings({...base, quiet: true, ...overrides}, cwd, report)
}

/** The articles of `operands` as a batch lists them (after its ignore files); undefined (reported) when nothing usable was given. */
export async function batchArticles(
  operands: readonly string[],
  settings: RunSettings,
  cwd: string,
  report: (message: string) => void,
): Promise<{files: Array<{absolute: string; relative: string}>; errors: number} | undefined> {
  const expanded = await expandOperands(operands, {cwd})
  for (const error of expanded.errors) report(`${error.operand}: ${error.reason}`)
  if (expanded.files.length === 0 && expanded.errors.length > 0) return undefined
  return {files: expanded.files.filter((file) => !settings.ignored(file.absolute)), errors: expanded.errors.length}
}

/** Run `decruft pack …`; resolves to the exit code. */
export async function runPack(argv: readonly string[], io: SubcommandIo): Promise<0 | 2 | 3> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: {type: 'string', short: 'o'},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        generator: {type: 'string'},
        'max-size': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.report(`pack: ${usageText(error)}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help === true) {
    io.stdout.write(PACK_HELP)
    return 0
  }
  if (positionals.length === 0) {
    io.report('pack: give the files, folders or globs to pack')
    return 2
  }
  let maxBytes: number | undefined
  try {
    maxBytes = values['max-size'] === undefined ? undefined : parseSize(values['max-size'])
  } catch (error) {
    io.report(`pack: ${error instanceof UsageError ? error.message : String(error)}`)
    return 2
  }
  const settings = await batchSettings(
    {configFile: values.config, noConfig: values['no-config'] === true, generator: values.generator},
    io.cwd,
    io.report,
  )
  if (!settings) return 2
  const out = values.out === undefined || values.out === '-' ? undefined : resolve(io.cwd, values.out)
  const listed = await batchArticles(positionals, settings, io.cwd, io.report)
  if (!listed) return 2
  const detector = settings.detectSite ? createSiteDetector() : undefined
  const temporary = out ? `${out}.${process.pid}.tmp` : undefined
  const file = temporary ? createWriteStream(temporary) : undefined
  const sink: LineSink = file ?? io.stdout
  let failed = listed.errors
  let packed = 0
  try {
    for (const article of listed.files) {
      const display = displayPath(io.cwd, article.absolute)
      let text: string
      try {
        text = await readArticle(article.absolute, display, {maxBytes})
      } catch (error) {
        io.report(error instanceof Error ? error.message : String(error))
        failed++
        continue
      }
      const path = article.relative.split(sep).join('/')
      const site = detector ? await detector.detect(dirname(article.absolute)) : undefined
      const line = {
        id: path,
        path,
        text,
        ...(site?.kind === 'site' ? {site: {generator: site.generator, ...(site.zone === undefined ? {} : {zone: site.zone})}} : {}),
      }
      await writeLine(sink, `${JSON.stringify(line)}\n`)
      packed++
    }
    if (file && temporary && out) {
      await new Promise<void>((done, fail) => file.end((error?: Error | null) => (error ? fail(error) : done())))
      await rename(temporary, out)
    }
  } catch (error) {
    file?.destroy()
    if (temporary) await rm(temporary, {force: true})
    io.report(`${values.out ?? 'stdout'}: cannot write: ${error instanceof Error ? error.message : String(error)}`)
    return 3
  }
  io.report(`${packed} articles packed${failed > 0 ? `, ${failed} failed` : ''}`)
  return failed > 0 ? 3 : 0
}

/** Run `decruft unpack …`; resolves to the exit code. */
export async function runUnpack(argv: readonly string[], io: SubcommandIo): Promise<0 | 2 | 3> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: {type: 'string', short: 'o'},
        md: {type: 'boolean'},
        json: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
      },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.report(`unpack: ${usageText(error)}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help === true) {
    io.stdout.write(PACK_HELP)
    return 0
  }
  if (positionals.length > 1) {
    io.report('unpack: give one JSONL file (or - for stdin)')
    return 2
  }
  if (values.out === undefined || values.out === '') {
    io.report('unpack: missing -o <dir>')
    return 2
  }
  const outDir = resolve(io.cwd, values.out)
  const problem = await outDirProblem(outDir)
  if (problem) {
    io.report(`${values.out}: ${problem}`)
    return 2
  }
  const source = positionals[0] === undefined || positionals[0] === '-' ? io.stdin : createReadStream(resolve(io.cwd, positionals[0]))
  if (!source) {
    io.report('unpack: no stdin to read from')
    return 2
  }
  const markdown = values.md === true || values.json !== true
  const json = values.json === true || values.md !== true
  const claimed = new Set<string>()
  let written = 0
  let failed = 0
  try {
    // Result lines carry the Markdown and the record: allow for 16 MiB articles.
    for await (const line of readJsonLines(source, {maxLineBytes: maxLineBytesFor(16 * 1024 * 1024)})) {
      if (!('text' in line)) {
        io.report(`line ${line.line}: line too long (${line.oversize} bytes); skipped`)
        failed++
        continue
      }
      if (line.text.trim() === '') continue
      const outcome = await unpackLine(line.text, line.line, {outDir, markdown, json, claimed})
      if (outcome === true) written++
      else {
        io.report(outcome)
        failed++
      }
    }
  } catch (error) {
    io.report(`${positionals[0] ?? 'stdin'}: cannot read: ${error instanceof Error ? error.message : String(error)}`)
    return 3
  }
  io.report(`${written} articles unpacked into ${values.out}${failed > 0 ? `, ${failed} failed` : ''}`)
  return failed > 0 ? 3 : 0
}

/** Write one result line's outputs: true, or the message of why not. */
async function unpackLine(
  text: string,
  number: number,
  context: {outDir: string; markdown: boolean; json: boolean; claimed: Set<string>},
): Promise<true | string> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return `line ${number}: not JSON: ${error instanceof Error ? error.message : String(error)}`
  }
  if (typeof value !== 'object' || value === null) return `line ${number}: expected a JSON object`
  const result = value as {path?: unknown; markdown?: unknown; record?: unknown; error?: {message?: unknown}}
  if (result.error !== undefined) return typeof result.error?.message === 'string' ? result.error.message : `line ${number}: error line`
  if (typeof result.path !== 'string') return `line ${number}: no \`path\` to write the result to`
  const problem = relativePathProblem(result.path)
  if (problem) return `line ${number}: \`path\` ${problem}`
  if (typeof result.markdown !== 'string' || typeof result.record !== 'object' || result.record === null)
    return `${result.path}: line ${number}: expected \`markdown\` and \`record\``
  let paths: {markdown: string; json: string}
  try {
    paths = outputPaths(context.outDir, {absolute: '', relative: result.path.split('/').join(sep)})
  } catch (error) {
    return `${result.path}: ${error instanceof Error ? error.message : String(error)}`
  }
  if (context.claimed.has(paths.markdown)) return `${result.path}: line ${number}: already written by an earlier line`
  context.claimed.add(paths.markdown)
  const outputs: Output[] = []
  if (context.markdown) outputs.push({path: paths.markdown, data: result.markdown})
  if (context.json) outputs.push({path: paths.json, data: serializeRecord(result.record)})
  try {
    await writeOutputs(outputs)
  } catch (error) {
    return `${result.path}: ${error instanceof Error ? error.message : String(error)}`
  }
  return true
}

/** parseArgs' message without its long hint about `--`. */
function usageText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument[\s\S]*$/, '')
}

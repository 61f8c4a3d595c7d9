/**
 * `--diff`: print what a clean would change, as a unified diff per file
 * (report/unified-diff.ts), and write nothing where the user can see it.
 *
 * The articles are cleaned by the batch itself (node/batch.ts) into a
 * private temporary folder, which is removed at the end: so the diff is
 * exactly what the run would write, with the same workers, limits, shard
 * and, for a batch, the same learning pass over the sites' templates.
 * `decruft --diff <dirs>` shows what `decruft <dirs> --out <dir>` would
 * write; `decruft check --diff <dirs>` what `decruft check --write <dirs>`
 * would (check mode learns no templates; it uses `--templates`). Each
 * file's output is read, diffed against its input and deleted as soon as
 * the file is done, in input order, so memory and disk stay flat.
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createColors} from 'picocolors'
import type {FileOutcome} from '../node/clean-file.js'
import {expandOperands, outputPaths, type InputFile} from '../node/files.js'
import {displayPath} from '../node/paths.js'
import {readArticle} from '../node/read.js'
import {unifiedDiff} from '../report/unified-diff.js'
import type {CliConfig} from './args.js'
import type {Output} from './output.js'
import {batchRunOptions, type RunSettings} from './settings.js'

/** Where `--diff` reads and writes. */
export interface DiffContext {
  readonly cwd: string
  readonly stdout: Output
  /** Colour the diff (stdout is a terminal, or forced). */
  readonly colors: boolean
  /** A note or failure on stderr (`decruft: …`). */
  readonly report: (message: string) => void
}

/** What a `--diff` run found: the exit code decides from these. */
export interface DiffOutcome {
  /** Files a clean would change (each printed as a diff). */
  readonly changed: number
  /** Files a clean would leave as they are. */
  readonly unchanged: number
  /** Files that could not be read or cleaned, and operands that named nothing. */
  readonly failed: number
  /** Every operand named nothing: a mistake in the command line. */
  readonly nothing: boolean
}

/** Print the diff of every listed file (batch or check mode, by `config.mode`). */
export async function runDiff(config: CliConfig, settings: RunSettings, context: DiffContext): Promise<DiffOutcome> {
  const {cwd, report} = context
  const expanded = await expandOperands(config.operands, {cwd})
  for (const error of expanded.errors) report(`${error.operand}: ${error.reason}`)
  if (expanded.files.length === 0 && expanded.errors.length > 0)
    return {changed: 0, unchanged: 0, failed: expanded.errors.length, nothing: true}
  if (!config.quiet) {
    for (const operand of expanded.empty) report(`${operand}: no Markdown files found`)
    for (const skipped of expanded.skipped) report(`${displayPath(cwd, skipped.path)}: ${skipped.reason}`)
  }
  const files = expanded.files.filter((file) => !settings.ignored(file.absolute))
  const byDisplay = new Map<string, InputFile>(files.map((file) => [displayPath(cwd, file.absolute), file]))
  const colors = context.colors ? createColors(true) : undefined
  const {runBatch} = await import('../node/batch.js')
  const outDir = await mkdtemp(join(tmpdir(), 'decruft-diff-'))
  let changed = 0
  let unchanged = 0
  let failed = 0
  // Outcomes come in input order; each one's diff is printed before the next.
  let printing = Promise.resolve()
  const onFile = (outcome: FileOutcome) => {
    if (!outcome.ok) {
      failed++
      report(outcome.message)
      return
    }
    const file = byDisplay.get(outcome.path)
    if (!file) return
    printing = printing.then(async () => {
      const output = outputPaths(outDir, file).markdown
      try {
        const before = await readArticle(file.absolute, outcome.path, {maxBytes: config.maxBytes})
        const after = await readArticle(output, outcome.path, {maxBytes: Number.MAX_SAFE_INTEGER})
        const patch = unifiedDiff(displayPath(cwd, file.absolute).split('\\').join('/'), before, after, colors)
        if (patch === '') unchanged++
        else {
          changed++
          context.stdout.write(patch)
        }
      } catch (error) {
        failed++
        report(`${outcome.path}: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        await rm(output, {force: true})
      }
    })
  }
  try {
    await runBatch(files, {
      ...batchRunOptions(config, settings),
      outDir,
      cwd,
      markdown: true,
      json: false,
      // A batch learns its sites' templates first; check mode (what `--write` would do) does not.
      learnTemplates: config.mode === 'batch' && config.learnTemplates,
      onFile,
    })
    await printing
  } finally {
    await printing.catch(() => {})
    await rm(outDir, {recursive: true, force: true})
  }
  if (!config.quiet) {
    const count = (n: number) => `${n} file${n === 1 ? '' : 's'}`
    report(changed === 0 ? `no changes in ${count(unchanged)}` : `${count(changed)} would change, ${unchanged} unchanged`)
  }
  return {changed, unchanged, failed: failed + expanded.errors.length, nothing: false}
}

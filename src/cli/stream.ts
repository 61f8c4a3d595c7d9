/**
 * `decruft --jsonl`: the stream mode on the process's stdin and stdout (the
 * engine is node/stream.ts; the format is in docs/jsonl.md). Every error
 * line is also named on stderr, as a batch names a failed file, and a
 * one-line summary follows unless `--quiet`. Exit code 0, or 3 when any
 * line is an error line.
 */
import {runStream, type LineSink} from '../node/stream.js'
import type {CliConfig} from './args.js'
import type {MainOptions} from './main.js'
import type {RunSettings} from './settings.js'

/** Run the stream mode; resolves to the exit code (0, 2 without stdin, 3 with error lines). */
export async function cleanStream(
  config: CliConfig,
  settings: RunSettings,
  options: Pick<MainOptions, 'stdin' | 'stdout'>,
  report: (message: string) => void,
): Promise<0 | 2 | 3> {
  if (!options.stdin) {
    report('--jsonl: no stdin to read from')
    return 2
  }
  const summary = await runStream(options.stdin, options.stdout as LineSink, {
    rules: settings.sources.rules,
    filterLists: settings.sources.filterLists,
    templates: settings.sources.templates,
    enable: settings.enable,
    disable: settings.disable,
    format: config.format,
    maxBytes: config.maxBytes,
    frontmatter: settings.frontmatter,
    detectSite: settings.detectSite,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    maxMemoryMb: config.maxMemoryMb,
    onFailure: (failure) => report(failure.message),
  })
  if (!config.quiet) {
    const seconds = (summary.durationMs / 1000).toFixed(1)
    const how = summary.mode === 'workers' ? `${summary.threads} worker threads` : 'in-process'
    report(`${summary.articles} articles: ${summary.cleaned} cleaned, ${summary.failed} failed (${how}, ${seconds} s)`)
  }
  return summary.failed > 0 ? 3 : 0
}

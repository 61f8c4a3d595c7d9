/**
 * The progress bar of a batch (cli-progress), drawn on stderr. Shown only
 * when stderr is a terminal, not --quiet, and the batch is large enough to
 * take a while; failures are logged above it so it never garbles them.
 */
import cliProgress from 'cli-progress'
import type {Output} from './output.js'

/** A batch needs more articles than this to get a progress bar. */
export const PROGRESS_THRESHOLD = 20

export interface Progress {
  increment(): void
  /** Print a line (ending in a newline) above the bar. */
  log(line: string): void
  stop(): void
}

export function createProgress(stream: Output, total: number): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: 'decruft [{bar}] {value}/{total} files | {duration_formatted} elapsed, ETA {eta_formatted}',
      clearOnComplete: true,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
  const bar = bars.create(total, 0)
  return {
    increment: () => bar.increment(),
    log: (line) => bars.log(line),
    stop: () => {
      // stop() alone drops lines logged since the last redraw: draw once more first.
      bars.update()
      bars.stop()
    },
  }
}

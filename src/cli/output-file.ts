/**
 * `decruft check --output-file <file>`: the reporter's whole output written
 * to a file instead of stdout, atomically (node/write.ts: a complete
 * temporary copy renamed over the target), once the run is done, so that a
 * CI step never reads half a report. Messages still go to stderr.
 */
import {WriteError, writeFileSafely} from '../node/write.js'
import {describeSystemError} from '../node/read.js'

/**
 * Write the report to `file.path` (`display`: as the user gave it), creating its folders. Resolves to false
 * (after reporting why) when it cannot be written; the old file, if any,
 * then stays as it was.
 */
export async function writeReportFile(
  file: {path: string; display: string},
  text: string,
  report: (message: string) => void,
): Promise<boolean> {
  try {
    await writeFileSafely(file.path, text)
    return true
  } catch (error) {
    if (!(error instanceof WriteError)) throw error
    report(`${file.display}: cannot write the report (--output-file): ${describeSystemError(error.cause)}`)
    return false
  }
}

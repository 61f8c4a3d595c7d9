/**
 * What `main` hands each subcommand (`pack`, `unpack`, `templates merge`,
 * `templates learn`): the working directory, stdin, stdout and the way to
 * report a message on stderr. One type, so the subcommands take the same.
 */
import type {LineSink} from '../node/stream.js'

/** What the subcommands are given by `main`. */
export interface SubcommandIo {
  cwd: string
  stdin?: AsyncIterable<Uint8Array | string> | undefined
  stdout: LineSink
  report: (message: string) => void
}

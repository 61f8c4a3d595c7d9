/** Paths as shown in messages. */
import {isAbsolute, relative} from 'node:path'

/** A path as shown in messages: relative to `cwd` when that is possible. */
export function displayPath(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute)
  return path === '' || isAbsolute(path) ? absolute : path
}

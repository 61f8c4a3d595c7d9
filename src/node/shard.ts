/**
 * Shards of a folder run: `--shard i/n` takes the articles whose relative
 * path hashes to `i` modulo `n`, so that n machines (or the pods of a
 * Kubernetes Indexed Job) can split one folder without talking to each
 * other, and every article lands in exactly one shard.
 *
 * The hash is of the article's relative path (the one mirrored under the
 * output directory), written with `/` whatever the OS, so a shard holds the
 * same articles on every machine and does not depend on the listing order or
 * on what else is in the folder: adding an article never moves another one.
 * It is SHA-256, the first 6 bytes read as a big-endian integer, modulo n:
 * easy to compute anywhere (Python:
 * `int(hashlib.sha256(path.encode()).hexdigest()[:12], 16) % n`).
 */
import {createHash} from 'node:crypto'
import {sep} from 'node:path'

/** Shard `index` of `count` (0 ≤ index < count). */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** Why a `--shard` value was refused. */
export class ShardError extends Error {
  override name = 'ShardError'
}

/** The most shards a run may be split into. */
export const MAX_SHARDS = 1_000_000

/** Parse `i/n` (0-based `i`, as Kubernetes' `JOB_COMPLETION_INDEX`); throws a {@link ShardError}. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match) throw new ShardError(`expected i/n (for example 0/4), got ${JSON.stringify(text)}`)
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || count > MAX_SHARDS) throw new ShardError(`the number of shards must be between 1 and ${MAX_SHARDS}, got ${count}`)
  if (index >= count) throw new ShardError(`the shard index must be below ${count} (shards are numbered from 0), got ${index}`)
  return {index, count}
}

/** The shard (0 … count−1) of an article with this relative path (OS or `/` separators). */
export function shardOf(relativePath: string, count: number): number {
  const posix = sep === '/' ? relativePath : relativePath.split(sep).join('/')
  const digest = createHash('sha256').update(posix, 'utf8').digest()
  return digest.readUIntBE(0, 6) % count
}

/** Whether the article with this relative path belongs to `shard`. */
export function inShard(relativePath: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(relativePath, shard.count) === shard.index
}

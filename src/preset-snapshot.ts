/**
 * A tree's snapshot, to tell later whether a plugin changed it (the cleaning
 * preset, src/preset.ts): its JSON, positions and `data` included, so any
 * change counts. A tree JSON cannot write (a plugin linked nodes into a
 * cycle) has none, and counts as changed.
 */
import type {Node} from 'mdast'

/** The snapshot of `tree`, or `undefined` when it cannot be taken. */
export function snapshotOf(tree: Node): string | undefined {
  try {
    return JSON.stringify(tree)
  } catch {
    return undefined
  }
}

/** Whether `tree` is as it was when `snapshot` was taken (never, without a snapshot on either side). */
export function unchangedSince(snapshot: string | undefined, tree: Node): boolean {
  return snapshot !== undefined && snapshot === snapshotOf(tree)
}

/**
 * Temporary folders for tests that touch the file system, removed after each
 * test. Removing is best effort and can never fail a test or time out its
 * hook: it runs off the event loop (`fs.promises.rm`, retried), waits at most
 * a bounded time, and a folder it could not remove is only reported (a
 * loaded machine may take long to delete a big tree; the tests' results do
 * not depend on it).
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join, relative, sep} from 'node:path'
import {afterEach} from 'vitest'

/** How long a hook waits for removals (the rest goes on in the background), and the hook's own timeout, above it. */
const REMOVAL_WAIT_MS = 30_000
export const REMOVAL_HOOK_TIMEOUT_MS = 2 * REMOVAL_WAIT_MS

/**
 * Remove `path` (recursively), retrying on the errors a busy file system
 * gives; wait at most `waitMs`. Never throws: a failure, or a removal still
 * running when the wait ends, is reported on stderr with the path.
 */
export async function removeBestEffort(path: string, waitMs = REMOVAL_WAIT_MS): Promise<void> {
  if (path === '') return
  let timer: NodeJS.Timeout | undefined
  const removal = rm(path, {recursive: true, force: true, maxRetries: 5, retryDelay: 200}).then(
    () => 'removed' as const,
    (error: unknown) => {
      console.warn(`could not remove the test folder ${path}: ${error instanceof Error ? error.message : String(error)}`)
      return 'failed' as const
    },
  )
  const waited = new Promise<'waiting'>((resolve) => {
    timer = setTimeout(() => resolve('waiting'), waitMs)
  })
  const outcome = await Promise.race([removal, waited])
  clearTimeout(timer)
  if (outcome === 'waiting') console.warn(`still removing the test folder ${path} after ${waitMs} ms; left to finish in the background`)
}

const roots: string[] = []
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => removeBestEffort(root)))
}, REMOVAL_HOOK_TIMEOUT_MS)

/** A temporary directory holding `files` (path → content). */
export function tree(files: Record<string, string | Uint8Array>, prefix = 'decruft-test-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix))
  roots.push(root)
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), content)
  }
  return root
}

/** Every file under `root`, as sorted relative paths with `/`. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return []
  return (readdirSync(root, {recursive: true, withFileTypes: true}) as Array<{name: string; parentPath: string; isFile(): boolean}>)
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** Temporary folders for tests that touch the file system, removed after each test. */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative, sep} from 'node:path'
import {afterEach} from 'vitest'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, {recursive: true, force: true})
})

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

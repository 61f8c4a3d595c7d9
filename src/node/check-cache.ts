/**
 * The check cache (`decruft check --cache`): a file's findings kept from one
 * run to the next, so a repository of thousands of articles is cleaned again
 * only where something changed (as ESLint's `--cache`).
 *
 * An entry is found by the file's absolute path and used only when its key
 * matches: a hash of the run's settings ({@link runKey}: decruft's version,
 * the rules files, filter lists and template index as text, --enable and
 * --disable, severities, frontmatter options), the file's own frontmatter
 * settings (its site's generator and zone) and the file's text. Anything
 * else is a miss, and the file is checked as without a cache. Files that
 * fail are not kept; a file fixed by `--write` is not kept either (its text
 * changed: the next run checks it afresh), and with `--write` an entry
 * whose findings a fix would act on is a miss, so the fix happens.
 *
 * The cache is one JSON file (default `.decruftcache` in the working
 * directory), written atomically at the end of the run when something was
 * added. A damaged cache is ignored with a note and replaced; a file that is
 * not a decruft cache at all is ignored with a note and left alone; one
 * written by another version of decruft is dropped silently. Entries of
 * files no longer checked stay until the cache is deleted.
 */
import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import type {FileReport, Finding} from '../report/finding.js'
import type {FrontmatterOptions} from '../index.js'
import {describeSystemError, readArticle} from './read.js'
import {frontmatterForFile, type SiteDetector} from './site.js'
import {writeFileSafely} from './write.js'

/** The cache file's name when `--cache-location` is not given, or names a directory. */
export const DEFAULT_CACHE_NAME = '.decruftcache'

/** The first member of a cache file: what says the file is one (and lets a damaged one be recognised). */
const FORMAT = 'decruft-check-cache'
const FORMAT_VERSION = 1
const FORMAT_PREFIX = `{"format":"${FORMAT}"`

/** A finding as kept: without its path (the file is the entry's; its display path is the run's). */
type CachedFinding = Omit<Finding, 'path'>

interface CacheEntry {
  readonly key: string
  readonly findings: readonly CachedFinding[]
}

interface CacheFile {
  readonly format: typeof FORMAT
  readonly version: typeof FORMAT_VERSION
  /** The version of decruft that wrote it. */
  readonly decruft: string
  readonly entries: Record<string, CacheEntry>
}

/** An open cache: look up and add entries, then `save`. */
export interface CheckCache {
  /** The cache file (absolute). */
  readonly file: string
  /** The findings kept for `absolute` under `key`, if any. */
  lookup(absolute: string, key: string): readonly CachedFinding[] | undefined
  /** Keep a file's findings under `key`. */
  store(absolute: string, key: string, findings: readonly Finding[]): void
  /** Write the cache if anything was added (atomically); a failure is a note, not an error. */
  save(): Promise<void>
}

/**
 * The cache file for `--cache-location` (relative to `cwd`): that file, or
 * `.decruftcache` in it when it names a directory (an existing one, or a
 * path ending in a separator). Default: `.decruftcache` in `cwd`.
 */
export async function cacheFileFor(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(resolve(cwd), DEFAULT_CACHE_NAME)
  const path = resolve(cwd, location)
  if (/[\\/]$/.test(location)) return join(path, DEFAULT_CACHE_NAME)
  const isDirectory = await stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  )
  return isDirectory ? join(path, DEFAULT_CACHE_NAME) : path
}

/** A hash of everything of a run that decides a file's findings, besides the file itself and its site. */
export function runKey(settings: {
  readonly version: string
  readonly rules: readonly {readonly text: string}[]
  readonly filterLists: readonly {readonly text: string}[]
  readonly templates: {readonly text: string} | undefined
  readonly enable: readonly string[]
  readonly disable: readonly string[]
  readonly severity: Readonly<Record<string, string>>
  readonly frontmatter: FrontmatterOptions | undefined
  readonly detectSite: boolean
  readonly maxBytes: number
}): string {
  return hash(
    JSON.stringify([
      settings.version,
      settings.rules.map((layer) => layer.text),
      settings.filterLists.map((list) => list.text),
      settings.templates?.text ?? null,
      settings.enable,
      settings.disable,
      Object.entries(settings.severity).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      settings.frontmatter ?? null,
      settings.detectSite,
      settings.maxBytes,
    ]),
  )
}

/**
 * An entry's key: the run's key, the file's frontmatter settings (its site's)
 * and its text; and its display path when given, since the rules' `keep`
 * entries match by it (`paths`) and it changes with the working directory.
 */
export function entryKey(run: string, frontmatter: FrontmatterOptions | undefined, text: string, display?: string): string {
  return hash(`${run}\0${JSON.stringify(frontmatter ?? null)}\0${display === undefined ? '' : `${display}\0`}${text}`)
}

/**
 * Open the cache at `file` for decruft `version`. Never throws: a cache that
 * cannot be read or used is reported through `note` and the run starts
 * with an empty one.
 */
export async function openCheckCache(file: string, version: string, note: (message: string) => void): Promise<CheckCache> {
  let entries: Record<string, CacheEntry> = {}
  // Whether the file may be replaced: not when it is someone else's.
  let writable = true
  let text: string | undefined
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      note(`${file}: cannot read the check cache (${describeSystemError(error)}); checking without it`)
      writable = false
    }
  }
  if (text !== undefined) {
    const read = readCacheFile(text)
    if (read === 'foreign') {
      note(`${file}: not a decruft check cache; checking without it, and leaving it as it is (see --cache-location)`)
      writable = false
    } else if (read === 'damaged') {
      note(`${file}: the check cache is damaged; checking without it, and writing a new one`)
    } else if (read.decruft === version) {
      entries = read.entries
    }
  }
  let changed = false
  return {
    file,
    lookup(absolute, key) {
      const entry = Object.hasOwn(entries, absolute) ? entries[absolute] : undefined
      return entry?.key === key ? entry.findings : undefined
    },
    store(absolute, key, findings) {
      entries[absolute] = {key, findings: findings.map(({path: _path, ...finding}) => finding)}
      changed = true
    },
    async save() {
      if (!changed || !writable) return
      const data: CacheFile = {format: FORMAT, version: FORMAT_VERSION, decruft: version, entries}
      try {
        await writeFileSafely(file, `${JSON.stringify(data)}\n`)
      } catch (error) {
        note(`${file}: cannot write the check cache: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
  }
}

/** A cache file's text → its data, or why it cannot be used. */
function readCacheFile(text: string): CacheFile | 'damaged' | 'foreign' {
  if (text.trim() === '') return 'damaged'
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return text.startsWith(FORMAT_PREFIX) ? 'damaged' : 'foreign'
  }
  if (typeof data !== 'object' || data === null || (data as {format?: unknown}).format !== FORMAT) return 'foreign'
  const {version, decruft, entries} = data as Partial<Record<keyof CacheFile, unknown>>
  if (version !== FORMAT_VERSION || typeof decruft !== 'string' || typeof entries !== 'object' || entries === null) return 'damaged'
  for (const entry of Object.values(entries)) {
    const {key, findings} = (entry ?? {}) as Partial<Record<keyof CacheEntry, unknown>>
    if (typeof key !== 'string' || !Array.isArray(findings)) return 'damaged'
  }
  return data as CacheFile
}

/** What the cached check needs besides the cache. */
export interface CachedCheckSettings {
  /** The run's key ({@link runKey}). */
  readonly run: string
  readonly frontmatter: FrontmatterOptions | undefined
  readonly detector: SiteDetector | undefined
  readonly maxBytes: number
  /** `--write`: a cached entry that a fix would act on is a miss. */
  readonly write: boolean
}

/**
 * Wrap a check of one file (`check(absolute, display)`) with the cache: a
 * hit is answered from it, a miss is checked and, when it did not fail and
 * the file did not change meanwhile, kept.
 */
export function withCheckCache(
  check: (absolute: string, display: string) => Promise<FileReport>,
  cache: CheckCache,
  settings: CachedCheckSettings,
): (absolute: string, display: string) => Promise<FileReport> {
  const keyOf = async (absolute: string, display: string): Promise<string | undefined> => {
    try {
      const text = await readArticle(absolute, absolute, {maxBytes: settings.maxBytes})
      return entryKey(settings.run, await frontmatterForFile(absolute, settings.frontmatter, settings.detector), text, display)
    } catch {
      // Unreadable, too large, not UTF-8: the check says why.
      return undefined
    }
  }
  return async (absolute, display) => {
    const key = await keyOf(absolute, display)
    if (key === undefined) return check(absolute, display)
    const kept = cache.lookup(absolute, key)
    if (kept !== undefined && !(settings.write && kept.some(isFixable))) {
      return {path: display, findings: kept.map((finding) => ({path: display, ...finding})), fixed: false}
    }
    const report = await check(absolute, display)
    // Kept only for the text that was checked: not after a fix, nor when someone saved the file meanwhile.
    if (report.error === undefined && !report.fixed && (await keyOf(absolute, display)) === key) cache.store(absolute, key, report.findings)
    return report
  }
}

/** Whether a fix (`--write`) acts on a finding: it removes or replaces text. */
function isFixable(finding: CachedFinding): boolean {
  return finding.removed !== undefined || finding.replacement !== undefined
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

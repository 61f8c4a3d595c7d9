/**
 * Running the built CLI (`bin/decruft.js`, needs `npm run build`) for the
 * browser tests of the review report: a child process, awaited without
 * blocking the event loop (the test talks to Chromium meanwhile), and the
 * run's JSON records read back.
 */
import {spawn} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative, sep} from 'node:path'
import {ROOT} from './external.js'

const BIN = join(ROOT, 'bin', 'decruft.js')

/** What a CLI run gave. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Run `decruft …args` in `cwd` (no colour). */
export function runDecruft(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')}),
    )
  })
}

/** A fresh temporary folder holding a copy of `source` as `in/` (the caller removes it). */
export function workFolderWith(source: string, prefix: string): string {
  const work = mkdtempSync(join(tmpdir(), prefix))
  cpSync(source, join(work, 'in'), {recursive: true})
  return work
}

/** A position in an article, as the record gives it. */
export interface RecordPoint {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** A removal as the JSON record lists it (the fields the tests read). */
export interface RecordRemovalSeen {
  readonly rule: string
  readonly text: string
  readonly start: RecordPoint
  readonly end: RecordPoint
  readonly group?: number
}

/** A span a `keep` entry kept, as the record lists it. */
export interface RecordKeptSeen {
  readonly rule: string
  readonly keep: string
  readonly start: RecordPoint
  readonly end: RecordPoint
}

/** The parts of a JSON record the tests read. */
export interface RecordSeen {
  readonly removals: RecordRemovalSeen[]
  readonly kept?: RecordKeptSeen[]
}

/** The records under `out` by article path relative to it, without `.json` (`tech/router`). */
export function readRecords(out: string): Map<string, RecordSeen> {
  const records = new Map<string, RecordSeen>()
  for (const name of readdirSync(out, {recursive: true}).map(String).sort()) {
    if (!name.endsWith('.json')) continue
    const key = relative(out, join(out, name))
      .split(sep)
      .join('/')
      .replace(/\.json$/, '')
    records.set(key, JSON.parse(readFileSync(join(out, name), 'utf8')) as RecordSeen)
  }
  return records
}

/**
 * The distributed proof: scripts/distributed/dask-run.sh packs a folder into
 * JSONL, starts a real Dask cluster (a scheduler and two worker processes
 * over TCP on 127.0.0.1), learns site templates per partition, merges the
 * indexes, cleans each partition with `decruft --jsonl`, unpacks, and
 * `diff -r`s the result against a plain batch of the same folder. Here it
 * runs on a small mixed folder: five template sites (one keyed by its
 * folder, the others by their frontmatter URL) whose articles the script
 * deals round-robin into four partitions (so no partition alone sees enough
 * of a site to learn its template: only the merged index does), the sample
 * articles of input/, a Hugo site with its config (its generator and zone
 * travel in the JSONL lines), and an article over `--max-size` (refused by
 * `decruft pack` as by the batch: both runs exit 3, and neither writes it).
 *
 * Needs Dask distributed (Debian's python3-dask and python3-distributed):
 * without it the test skips, saying so (and fails in CI, see
 * tests/support/external.ts). It takes about 15 s alone on a 2-core
 * machine (the cluster's start is a few of them), up to a minute under load.
 */
import {spawn} from 'node:child_process'
import {cpSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {daskDistributed, needs, ROOT} from './support/external.js'
import {tree} from './support/temp-tree.js'
import {templateSites} from './support/template-sites.js'

/** The whole run: cluster start, two stages, unpack, batch, diff (seconds alone; more under load). */
const RUN_TIMEOUT = 4 * 60_000

/** Run `bash script args…`; its exit code and output. */
function runScript(args: readonly string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(ROOT, 'scripts', 'distributed', 'dask-run.sh'), ...args], {stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
}

/** Every `removals[].rule` of the JSON records under `folder`. */
function rulesRecorded(folder: string): string[] {
  const rules: string[] = []
  for (const name of readdirSync(folder, {recursive: true, encoding: 'utf8'})) {
    if (!name.endsWith('.json')) continue
    const record = JSON.parse(readFileSync(join(folder, name), 'utf8')) as {removals?: Array<{rule: string}>}
    for (const removal of record.removals ?? []) rules.push(removal.rule)
  }
  return rules
}

describe('scripts/distributed/dask-run.sh', () => {
  it(
    'cleans a folder on a Dask cluster of two workers, and its output equals a batch run byte for byte',
    async (context) => {
      needs(context, daskDistributed)
      const sites = templateSites(6)
      const files: Record<string, string> = Object.fromEntries(sites.map((article) => [`articles/sites/${article.path}`, article.text]))
      files['articles/too-big.md'] = `# Too big\n\n${'A sentence that makes this article longer than the limit. '.repeat(1200)}\n`
      const root = tree(files, 'decruft-dask-')
      cpSync(join(ROOT, 'input'), join(root, 'articles', 'sample'), {recursive: true})
      cpSync(join(ROOT, 'tests', 'fixtures-sites', 'hugo'), join(root, 'articles', 'hugo'), {recursive: true})
      const work = join(root, 'work')

      const result = await runScript([
        '--workers',
        '2',
        '--partitions',
        '4',
        '--keep',
        work,
        join(root, 'articles'),
        '--',
        '--max-size',
        '64K',
      ])

      expect(result.code, `${result.stdout}${result.stderr}`).toBe(0)
      expect(result.stdout).toMatch(/ in 4 partitions on 2 dask workers \(1 thread each\): [\d.]+ s/)
      expect(result.stdout).toContain('dask-run: identical:')
      // Both runs really cleaned: the templates were learned from the merged index, and the big article failed in both.
      const rules = rulesRecorded(join(work, 'dask-out'))
      expect(rules.filter((rule) => rule === 'site-template').length).toBeGreaterThanOrEqual(sites.length)
      // The big article: refused by pack (as by the batch), so in neither output; the run still says 3 = 3.
      expect(result.stderr).toMatch(/too-big\.md: file too large/)
      expect(readdirSync(join(work, 'dask-out'), {recursive: true})).not.toContain('too-big.md')
      expect(readdirSync(join(work, 'batch-out'), {recursive: true})).not.toContain('too-big.md')
    },
    RUN_TIMEOUT,
  )
})

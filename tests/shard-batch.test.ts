/**
 * `--shard i/n` on a folder batch: the shards split the listed articles (each
 * in exactly one shard, by a hash of its relative path), their outputs keep
 * their relative paths, and the union of the n shards' outputs is byte for
 * byte what one unsharded run writes: Markdown and records, with
 * `--no-templates`, and with site templates learned per shard, merged, and
 * given back with `--templates merged.json --no-templates`. Run in-process
 * through `main()` on a temporary tree: generated template sites, the README
 * sample (input/), the generator sites of tests/fixtures-sites (found by
 * their config files), and an article that fails (invalid UTF-8).
 */
import {cpSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {inShard, shardOf} from '../src/node/shard.js'
import {listFiles, tree} from './support/temp-tree.js'
import {templateSites} from './support/template-sites.js'

const REPO = new URL('..', import.meta.url).pathname
const SHARDS = 3

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

async function run(argv: string[], cwd: string): Promise<{code: number; stderr: string}> {
  const stderr = sink()
  const code = await main({argv, cwd, stdout: sink(), stderr, env: {}, isTTY: false})
  return {code, stderr: stderr.text()}
}

/** Generated template sites, the sample input, the generator sites and one unreadable article, under `in/`. */
function mixedTree(): string {
  const sites = templateSites(8)
  const root = tree({
    ...Object.fromEntries(sites.map((article) => [`in/sites/${article.path}`, article.text])),
    // Invalid UTF-8: this article fails in whichever shard holds it, and nothing is written for it.
    'in/broken/latin1.md': Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
  })
  cpSync(join(REPO, 'input'), join(root, 'in', 'sample'), {recursive: true})
  cpSync(join(REPO, 'tests', 'fixtures-sites'), join(root, 'in', 'generators'), {recursive: true})
  return root
}

/** The Markdown files under `in/`, relative to it (what a batch of `in` mirrors). */
function articlesOf(root: string): string[] {
  return listFiles(join(root, 'in')).filter((path) => /\.(md|markdown)$/.test(path))
}

/** Every file under `dir`: relative path → its text (the outputs are UTF-8; a byte difference is a text difference). */
function contents(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]))
}

/** The union of the shards' outputs; fails if two shards wrote the same file. */
function union(root: string, dirs: readonly string[]): Map<string, string> {
  const all = new Map<string, string>()
  for (const dir of dirs) {
    for (const [path, bytes] of contents(join(root, dir))) {
      expect(all.has(path), `${path} written by two shards`).toBe(false)
      all.set(path, bytes)
    }
  }
  return all
}

describe('--shard i/n on a folder batch', () => {
  it('splits the articles by a hash of their relative paths, and the union of the shards is the unsharded run, byte for byte', async () => {
    const root = mixedTree()
    const articles = articlesOf(root)
    const whole = await run(['in', '--out', 'whole', '--no-templates'], root)
    expect(whole.code).toBe(ExitCode.failures)
    expect(whole.stderr).toContain('latin1.md')
    const shardDirs: string[] = []
    for (let index = 0; index < SHARDS; index++) {
      const result = await run(['in', '--out', `shard-${index}`, '--no-templates', '--shard', `${index}/${SHARDS}`], root)
      const mine = articles.filter((path) => inShard(path, {index, count: SHARDS}))
      // Every shard gets some of this folder (else the test would prove little).
      expect(mine.length).toBeGreaterThan(0)
      expect(result.stderr).toContain(`shard ${index}/${SHARDS}: ${mine.length} of ${articles.length} articles`)
      const failing = mine.includes('broken/latin1.md')
      expect(result.code).toBe(failing ? ExitCode.failures : ExitCode.ok)
      // Outputs keep their relative paths: the shard wrote exactly its own articles' outputs.
      const written = listFiles(join(root, `shard-${index}`))
      const expected = mine
        .filter((path) => path !== 'broken/latin1.md')
        .flatMap((path) => [path, path.replace(/\.(md|markdown)$/, '.json')])
      expect(written).toEqual(expected.sort())
      shardDirs.push(`shard-${index}`)
    }
    expect(union(root, shardDirs)).toEqual(contents(join(root, 'whole')))
  })

  it('with templates learned per shard, merged, and given back: the union is a plain batch that learns from all its articles', async () => {
    const root = mixedTree()
    const plain = await run(['in', '--out', 'plain'], root)
    expect(plain.code).toBe(ExitCode.failures)
    // The recipe must matter: the plain batch removed what the sites repeat.
    expect(plain.stderr).toMatch(/site-template\s+[1-9]/)
    const indexes: string[] = []
    for (let index = 0; index < SHARDS; index++) {
      // Learn per shard (here with --save-templates on a --shard run; its outputs are not used).
      const learned = await run(
        ['in', '--out', `learn-${index}`, '--shard', `${index}/${SHARDS}`, '--save-templates', `index-${index}.json`],
        root,
      )
      expect([ExitCode.ok, ExitCode.failures]).toContain(learned.code)
      indexes.push(`index-${index}.json`)
    }
    expect((await run(['templates', 'merge', ...indexes, '-o', 'merged.json'], root)).code).toBe(ExitCode.ok)
    const shardDirs: string[] = []
    for (let index = 0; index < SHARDS; index++) {
      const argv = ['in', '--out', `clean-${index}`, '--templates', 'merged.json', '--no-templates', '--shard', `${index}/${SHARDS}`]
      expect([ExitCode.ok, ExitCode.failures]).toContain((await run(argv, root)).code)
      shardDirs.push(`clean-${index}`)
    }
    expect(union(root, shardDirs)).toEqual(contents(join(root, 'plain')))
    // A shard's own index alone is not enough: it has seen too few of each site's articles.
    const alone = await run(['in', '--out', 'alone-0', '--templates', 'index-0.json', '--no-templates', '--shard', `0/${SHARDS}`], root)
    expect(alone.code).not.toBe(ExitCode.usage)
    const differs = [...contents(join(root, 'alone-0'))].some(([path, bytes]) => contents(join(root, 'plain')).get(path) !== bytes)
    expect(differs).toBe(true)
  })

  it('plans outputs over every listed article: a clash between two shards fails the same article as in one run', async () => {
    // b.md and b.markdown both want b.json, and fall in different shards of 2; one run refuses the second one listed.
    const root = tree({'in/b.md': '# B\n\nOne.\n', 'in/b.markdown': '# B\n\nTwo.\n'})
    expect(shardOf('b.md', 2)).not.toBe(shardOf('b.markdown', 2))
    const whole = await run(['in', '--out', 'whole', '--no-templates'], root)
    expect(whole.code).toBe(ExitCode.failures)
    expect(whole.stderr).toContain('is already written for')
    const codes = []
    for (let index = 0; index < 2; index++) {
      codes.push((await run(['in', '--out', `s${index}`, '--no-templates', '--shard', `${index}/2`], root)).code)
    }
    expect(codes.sort()).toEqual([ExitCode.ok, ExitCode.failures])
    expect(union(root, ['s0', 's1'])).toEqual(contents(join(root, 'whole')))
  })

  it.each([
    [['in', '--out', 'o', '--shard', '3/3'], 'the shard index must be below 3'],
    [['in', '--out', 'o', '--shard', 'two'], 'expected i/n'],
    [['check', 'in', '--shard', '0/2'], '--shard is for a batch'],
    [['-', '--shard', '0/2'], '--shard is for a batch'],
  ])('refuses %j', async (argv, message) => {
    const root = tree({'in/a.md': '# A\n'})
    const result = await run(argv, root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain(message)
  })
})

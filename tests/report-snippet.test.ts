/**
 * The review report's rules-file snippet (src/report/keep-snippet.ts): each
 * kind of "keep this" choice writes the entry the `keep` section expects, the
 * YAML reads back to exactly those entries (scraped paths and URLs with
 * quotes, newlines or `</script>` included), and it validates against the
 * shape of a `keep` entry (kebab-case unique id, at least one condition,
 * a 16-hex text hash).
 */
import fc from 'fast-check'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {keepHash} from '../src/engine/keep-hash.js'
import {folderOf, keepEntryFor, keepSnippet, mergeKeepEntries, type KeepChoice} from '../src/report/keep-snippet.js'

/** The shape of a rules file's `keep` entry (team contract; ruleset/keep.ts validates the same). */
const keepEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    note: z.string().optional(),
    rule: z.string().optional(),
    textHash: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
    url: z.url().optional(),
    host: z.string().optional(),
    paths: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((entry) => entry.rule !== undefined || entry.textHash !== undefined || entry.url !== undefined || entry.host !== undefined)
const rulesFile = z.object({keep: z.array(keepEntry)}).strict()

const FC_RUNS = Number(process.env['FC_RUNS'] ?? 200)
const FC_SEED = Number(process.env['FC_SEED'] ?? 16)

function read(yaml: string) {
  const data = rulesFile.parse(parse(yaml))
  expect(new Set(data.keep.map((entry) => entry.id)).size).toBe(data.keep.length)
  return data.keep
}

describe('keepEntryFor', () => {
  const hash = keepHash('<!-- ad -->Buy now<!-- /ad -->')
  it('keeps a text by its hash and rule', () => {
    expect(keepEntryFor({kind: 'text', rule: 'ad-block', path: 'blog/a.md', textHash: hash})).toEqual({
      id: `keep-${hash}`,
      note: 'kept in review (ad-block in blog/a.md)',
      rule: 'ad-block',
      textHash: hash,
    })
  })
  it('keeps a URL, or a host, for the rule', () => {
    const url = keepEntryFor({kind: 'url', rule: 'affiliate-link', path: 'a.md', url: 'https://shop.example/x?a=1'})
    expect(url).toMatchObject({rule: 'affiliate-link', url: 'https://shop.example/x?a=1'})
    expect(url.id).toMatch(/^keep-url-affiliate-link-[0-9a-f]{8}$/)
    expect(keepEntryFor({kind: 'host', rule: 'link-farm', path: 'a.md', host: 'Blog.Example.org'})).toMatchObject({
      id: 'keep-host-link-farm-blog-example-org',
      rule: 'link-farm',
      host: 'Blog.Example.org',
    })
  })
  it("switches the rule off for the article's folder, or everywhere for one at the top", () => {
    const folder = keepEntryFor({kind: 'folder', rule: 'link-farm', path: 'in/blog/post.md'})
    expect(folder).toMatchObject({rule: 'link-farm', paths: ['in/blog/']})
    expect(folder.textHash).toBeUndefined()
    expect(keepEntryFor({kind: 'folder', rule: 'link-farm', path: 'post.md'})).toEqual({
      id: 'keep-link-farm-everywhere',
      note: 'rule switched off in review (link-farm in post.md)',
      rule: 'link-farm',
    })
    expect(folderOf('a/b/c.md')).toBe('a/b/')
  })
})

describe('keepSnippet', () => {
  it('writes an empty keep list when nothing was chosen', () => {
    expect(read(keepSnippet([]))).toEqual([])
  })

  it('merges choices by id: the same text chosen twice is one entry; by two rules, kept whatever the rule', () => {
    const hash = keepHash('same text')
    const a = keepEntryFor({kind: 'text', rule: 'ad-block', path: 'a.md', textHash: hash})
    const b = keepEntryFor({kind: 'text', rule: 'ad-block', path: 'b.md', textHash: hash})
    const c = keepEntryFor({kind: 'text', rule: 'ad-slot', path: 'c.md', textHash: hash})
    expect(read(keepSnippet([a, b]))).toEqual([a])
    expect(mergeKeepEntries([a, c])).toEqual([{...a, rule: undefined}])
    expect(read(keepSnippet([a, c]))).toEqual([{id: a.id, note: a.note, textHash: hash}])
  })

  it('reads back exactly what was chosen, whatever the scraped path, URL or host holds', () => {
    const text = fc.string({unit: 'grapheme', maxLength: 40})
    const choice: fc.Arbitrary<KeepChoice> = fc.oneof(
      fc.record({kind: fc.constant('text' as const), rule: fc.constant('ad-block'), path: text, textHash: text.map(keepHash)}),
      fc.record({
        kind: fc.constant('url' as const),
        rule: fc.constant('affiliate-link'),
        path: text,
        url: fc.webUrl().map((url) => url.replace(/^(https?:\/\/)/, '$1x.')),
      }),
      fc.record({kind: fc.constant('host' as const), rule: fc.constant('link-farm'), path: text, host: fc.domain()}),
      fc.record({kind: fc.constant('folder' as const), rule: fc.constant('widget'), path: text}),
    )
    fc.assert(
      fc.property(fc.array(choice, {maxLength: 6}), (choices) => {
        const entries = mergeKeepEntries(choices.map(keepEntryFor))
        const back = read(keepSnippet(entries))
        expect(back).toEqual(entries.map((entry) => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined))))
      }),
      {numRuns: FC_RUNS, seed: FC_SEED},
    )
  })

  it('keeps quotes, newlines and markup in values as text', () => {
    const path = 'evil/"quoted"\n</script><img src=x onerror=alert(1)>.md'
    const entry = keepEntryFor({kind: 'folder', rule: 'ad-block', path})
    const yaml = keepSnippet([entry])
    expect(yaml).not.toContain('\n</script>')
    expect(read(yaml)).toEqual([{...entry}])
  })
})

/**
 * Frontmatter that respects the site's generator, through the command line
 * (`main()`, in-process): the hand-written posts of tests/fixtures-sites/,
 * one small site per generator in its documented style, give no error
 * finding when checked where they are (the generator found from the site's
 * files); the same posts outside a site, or with `--generator none`, get the
 * generic tidy (documented in the README: readable dates rewritten as ISO
 * 8601 without a made-up zone, a string where a list belongs made a list —
 * warnings, since they are matters of taste); a date without a zone in a
 * site with a `timezone` is read in that zone; Jekyll's space-separated
 * categories keep their meaning; junk is still an error in a site.
 */
import {cpSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExitCode, main} from '../src/cli/main.js'
import {listFiles, tree} from './support/temp-tree.js'

const SITES = new URL('./fixtures-sites/', import.meta.url).pathname
const GENERATORS = ['jekyll', 'hugo', 'hexo', 'astro'] as const

function sink() {
  const chunks: string[] = []
  return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')}
}

interface JsonFinding {
  line: number
  rule: string
  severity: 'error' | 'warning'
  message: string
  replacement?: string
}

interface JsonReport {
  files: Array<{path: string; findings: JsonFinding[]; error?: string}>
  summary: {files: number; errors: number; warnings: number; failed: number}
}

async function run(argv: string[], cwd: string) {
  const stdout = sink()
  const stderr = sink()
  const code = await main({argv, cwd, stdout, stderr, env: {}, isTTY: false})
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

/** `decruft check --reporter json` over `operands`, from `cwd`, without any config file. */
async function check(cwd: string, operands: string[], options: string[] = []): Promise<{code: number; report: JsonReport}> {
  const result = await run(['check', '--reporter', 'json', '--no-config', ...options, ...operands], cwd)
  expect(result.stderr).toBe('')
  return {code: result.code, report: JSON.parse(result.stdout) as JsonReport}
}

/** Findings as `path:line rule severity message`, for readable comparisons. */
function lines(report: JsonReport): string[] {
  return report.files.flatMap((file) =>
    file.findings.map((finding) => `${file.path}:${finding.line} ${finding.rule} ${finding.severity} ${finding.message}`),
  )
}

/** The site's Markdown files, copied into a temporary repository with no site files: the same posts outside any site. */
function outsideSite(generator: string): string {
  const root = tree({'.git/HEAD': 'ref: refs/heads/main\n'}, 'decruft-outside-')
  for (const file of listFiles(join(SITES, generator)).filter((path) => path.endsWith('.md'))) {
    cpSync(join(SITES, generator, file), join(root, file))
  }
  return root
}

/** A temporary repository holding a site. */
function site(files: Record<string, string>): string {
  return tree({'.git/HEAD': 'ref: refs/heads/main\n', ...files}, 'decruft-sites-')
}

describe('hand-written posts in each generator’s own style, checked where they are', () => {
  for (const generator of GENERATORS) {
    it(`${generator}: no error finding, and no finding at all except those matters of taste listed`, async () => {
      const {code, report} = await check(SITES, [generator])
      expect(report.summary.failed).toBe(0)
      expect(report.summary.files).toBeGreaterThanOrEqual(4)
      expect(report.summary.errors, lines(report).join('\n')).toBe(0)
      expect(code).toBe(ExitCode.ok)
      // Hexo themes take `keywords` as one comma string; decruft still makes it a list, as a warning.
      const expected =
        generator === 'hexo' ? ['hexo/source/_posts/standings.md:5 frontmatter warning keywords: comma string split into a list'] : []
      expect(lines(report)).toEqual(expected)
    })
  }

  it('keeps every site file byte for byte with --write, but the one matter of taste', async () => {
    const copy = tree({}, 'decruft-sites-')
    cpSync(SITES, copy, {recursive: true})
    const before = Object.fromEntries(listFiles(copy).map((file) => [file, readFileSync(join(copy, file), 'utf8')]))
    const result = await run(['check', '--write', '--no-config', '.'], copy)
    expect(result.code).toBe(ExitCode.ok)
    const changed = listFiles(copy).filter((file) => readFileSync(join(copy, file), 'utf8') !== before[file])
    expect(changed).toEqual(['hexo/source/_posts/standings.md'])
  })
})

describe('the same posts outside any site', () => {
  it('get the generic tidy: warnings for the forms it rewrites, errors only for what it calls junk', async () => {
    const outside: Record<string, string[]> = {}
    for (const generator of GENERATORS) {
      const root = outsideSite(generator)
      const {report} = await check(root, ['.'])
      outside[generator] = lines(report)
      // The same findings as `--generator none` in the site.
      const {report: none} = await check(join(SITES, generator), ['.'], ['--generator', 'none'])
      expect(lines(none), generator).toEqual(outside[generator])
    }
    // Jekyll's own date format becomes ISO 8601 (keeping its offset); a space-separated string becomes one item.
    expect(outside['jekyll']).toContain(
      '_posts/2024-05-02-two-weeks-in-portugal.md:4 frontmatter warning date: `2024-05-02 09:30:00 +0200` written as `2024-05-02T09:30:00+02:00`',
    )
    expect(outside['jekyll']).toContain(
      '_posts/2024-05-02-two-weeks-in-portugal.md:5 frontmatter warning categories: string made a one-item list',
    )
    // A date without a zone is not taken as UTC: it stays without one.
    expect(outside['hexo']).toContain(
      'source/_posts/night-game.md:3 frontmatter warning date: `2024-08-12 22:40:00` written as `2024-08-12T22:40:00`',
    )
    // Astro's `Jul 08 2022` is rewritten, as a warning.
    expect(outside['astro']).toContain(
      'src/content/blog/first-tide.md:4 frontmatter warning pubDate: `Jul 08 2022` written as `2022-07-08`',
    )
    // Outside Hexo, the empty `tags:` its scaffold writes is an empty key: junk, an error.
    expect(outside['hexo']).toContain('source/_posts/rest-day.md:4 frontmatter error tags: empty, dropped')
    const errors = Object.values(outside)
      .flat()
      .filter((line) => line.includes(' error '))
    expect(errors).toEqual(['source/_posts/rest-day.md:4 frontmatter error tags: empty, dropped'])
  })
})

describe('dates without a zone in a site with one', () => {
  const POST = (date: string) => `---\ntitle: A post\ndate: ${date}\n---\n\nBody.\n`

  it('Jekyll (timezone: Europe/Berlin): a date it must rewrite is read and written in Berlin time', async () => {
    const root = site({
      '_config.yml': 'title: Notes\ntimezone: Europe/Berlin\n',
      Gemfile: 'gem "jekyll"\n',
      '_posts/2025-03-05-winter.md': POST('March 5, 2025 10:30 AM'),
      '_posts/2025-07-05-summer.md': POST('July 5, 2025 10:30 AM'),
      '_posts/2025-07-06-kept.md': POST('2025-07-06 10:30:00'),
    })
    const result = await run(['check', '--write', '--no-config', '_posts'], root)
    expect(result.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, '_posts/2025-03-05-winter.md'), 'utf8')).toBe(POST('2025-03-05 10:30:00 +0100'))
    expect(readFileSync(join(root, '_posts/2025-07-05-summer.md'), 'utf8')).toBe(POST('2025-07-05 10:30:00 +0200'))
    // Jekyll reads this one in its timezone as written: it stays.
    expect(readFileSync(join(root, '_posts/2025-07-06-kept.md'), 'utf8')).toBe(POST('2025-07-06 10:30:00'))
    expect(result.stdout).toContain('(no time zone given: taken as Europe/Berlin)')
  })

  it('Hexo (timezone: Europe/Berlin): a date naming its offset is written as Berlin wall-clock time, which Hexo reads', async () => {
    const files = {
      'package.json': '{"dependencies": {"hexo": "^7.3.0"}}',
      'source/_posts/a.md': POST('2025-03-05T10:30:00+01:00'),
      'source/_posts/b.md': POST('2025-03-05 10:30:00'),
    }
    const berlin = site({'_config.yml': 'title: Diary\ntimezone: Europe/Berlin\n', ...files})
    await run(['check', '--write', '--no-config', '.'], berlin)
    expect(readFileSync(join(berlin, 'source/_posts/a.md'), 'utf8')).toBe(POST('2025-03-05 10:30:00'))
    expect(readFileSync(join(berlin, 'source/_posts/b.md'), 'utf8')).toBe(POST('2025-03-05 10:30:00'))
    const newYork = site({'_config.yml': 'title: Diary\ntimezone: America/New_York\n', ...files})
    await run(['check', '--write', '--no-config', '.'], newYork)
    expect(readFileSync(join(newYork, 'source/_posts/a.md'), 'utf8')).toBe(POST('2025-03-05 04:30:00'))
    // Without a timezone Hexo reads it in the build machine's zone, which is not known: left as written, with a warning.
    const unknown = site({'_config.yml': 'title: Diary\n', ...files})
    const result = await run(['check', '--write', '--no-config', '.'], unknown)
    expect(readFileSync(join(unknown, 'source/_posts/a.md'), 'utf8')).toBe(POST('2025-03-05T10:30:00+01:00'))
    expect(result.stdout).toContain('`date` names its offset')
  })

  it('Hugo (timeZone, UTC when unset): a date it cannot read is written with the site’s offset', async () => {
    const oslo = site({
      'hugo.toml': "baseURL = 'https://example.org/'\ntimeZone = 'Europe/Oslo'\n",
      'content/posts/a.md': POST('2024-05-02 09:30'),
    })
    await run(['check', '--write', '--no-config', '.'], oslo)
    expect(readFileSync(join(oslo, 'content/posts/a.md'), 'utf8')).toBe(POST('2024-05-02T09:30:00+02:00'))
    const utc = site({'hugo.toml': "baseURL = 'https://example.org/'\n", 'content/posts/a.md': POST('2024-05-02 09:30')})
    await run(['check', '--write', '--no-config', '.'], utc)
    expect(readFileSync(join(utc, 'content/posts/a.md'), 'utf8')).toBe(POST('2024-05-02T09:30:00Z'))
  })

  it('lets --timezone win over the site’s zone', async () => {
    const root = site({
      '_config.yml': 'timezone: Europe/Berlin\n',
      Gemfile: 'gem "jekyll"\n',
      '_posts/a.md': POST('March 5, 2025 10:30 AM'),
    })
    await run(['check', '--write', '--no-config', '--timezone', 'America/New_York', '_posts'], root)
    expect(readFileSync(join(root, '_posts/a.md'), 'utf8')).toBe(POST('2025-03-05 10:30:00 -0500'))
  })
})

describe('Jekyll’s space-separated categories', () => {
  const POST =
    '---\ntitle: Two weeks in Portugal\ndate: 2024-05-02 09:30:00 +0200\ncategories: travel portugal\ntags: lisbon trains\n---\n\nBody.\n'
  const JEKYLL = {'_config.yml': 'title: Notes\n', Gemfile: 'gem "jekyll"\n'}

  it('keep their meaning: left as Jekyll reads them, in a check, a fix, a batch and under --frontmatter jekyll', async () => {
    const root = site({...JEKYLL, '_posts/2024-05-02-portugal.md': POST})
    const {report} = await check(root, ['_posts'])
    expect(lines(report)).toEqual([])
    await run(['check', '--write', '--no-config', '_posts'], root)
    expect(readFileSync(join(root, '_posts/2024-05-02-portugal.md'), 'utf8')).toBe(POST)
    const batch = await run(['--no-config', '--md', '_posts', '--out', 'out'], root)
    expect(batch.code).toBe(ExitCode.ok)
    expect(readFileSync(join(root, 'out/2024-05-02-portugal.md'), 'utf8')).toBe(POST)
    await run(['--no-config', '--md', '--frontmatter', 'jekyll', '_posts', '--out', 'dialect'], root)
    expect(readFileSync(join(root, 'dialect/2024-05-02-portugal.md'), 'utf8')).toContain(
      '\ncategories: travel portugal\ntags: lisbon trains\n',
    )
  })

  it('with --generator jekyll, keep their meaning where no site is found', async () => {
    const root = site({'posts/portugal.md': POST})
    const {report} = await check(root, ['posts'], ['--generator', 'jekyll'])
    expect(lines(report)).toEqual([])
    const {report: generic} = await check(root, ['posts'])
    expect(lines(generic)).toContain('posts/portugal.md:4 frontmatter warning categories: string made a one-item list')
  })
})

describe('severity in a site', () => {
  it('keeps junk an error (a tracking parameter, an empty key), and a rule set to warn makes it a warning', async () => {
    const post =
      '---\ntitle: A post\ndate: 2024-05-02 09:30:00 +0200\nimage: https://img.example.org/a.jpg?utm_source=feed\nsubtitle: ""\n---\n\nBody.\n'
    const root = site({'_config.yml': 'title: Notes\n', Gemfile: 'gem "jekyll"\n', '_posts/a.md': post})
    const {code, report} = await check(root, ['_posts'])
    expect(code).toBe(ExitCode.problems)
    expect(lines(report)).toEqual([
      '_posts/a.md:4 frontmatter error image: tracking parameter `utm_source=feed` removed',
      '_posts/a.md:5 frontmatter error subtitle: empty, dropped',
    ])
    const relaxed = site({
      '_config.yml': 'title: Notes\n',
      Gemfile: 'gem "jekyll"\n',
      '_posts/a.md': post,
      '.decruftrc.yaml': 'rules:\n  frontmatter: warn\n',
    })
    const result = await run(['check', '--reporter', 'json', '_posts'], relaxed)
    expect(result.code).toBe(ExitCode.ok)
    expect((JSON.parse(result.stdout) as JsonReport).summary).toMatchObject({errors: 0, warnings: 2})
  })
})

describe('options', () => {
  it('take the generator from the config file (frontmatter.generator), and none switches detection off', async () => {
    const post = '---\ntitle: A post\ndate: 2024-05-02 09:30:00 +0200\n---\n\nBody.\n'
    const files = {'_config.yml': 'title: Notes\n', Gemfile: 'gem "jekyll"\n', '_posts/a.md': post}
    const detected = site(files)
    expect(lines((await check(detected, ['_posts'])).report)).toEqual([])
    const off = site({...files, '.decruftrc.yaml': 'frontmatter:\n  generator: none\n'})
    const result = await run(['check', '--reporter', 'json', '_posts'], off)
    expect(lines(JSON.parse(result.stdout) as JsonReport)).toEqual([
      '_posts/a.md:3 frontmatter warning date: `2024-05-02 09:30:00 +0200` written as `2024-05-02T09:30:00+02:00`',
    ])
  })

  it('refuse an unknown generator, naming the option', async () => {
    const root = site({'a.md': '# A\n'})
    const result = await run(['check', '--no-config', '--generator', 'gatsby', 'a.md'], root)
    expect(result.code).toBe(ExitCode.usage)
    expect(result.stderr).toContain('decruft: --generator: unknown site generator `gatsby` (known: hugo, jekyll, hexo, astro)')
    const fromConfig = site({'a.md': '# A\n', '.decruftrc.yaml': 'frontmatter:\n  generator: gatsby\n'})
    const viaConfig = await run(['check', 'a.md'], fromConfig)
    expect(viaConfig.code).toBe(ExitCode.usage)
    expect(viaConfig.stderr).toContain('decruft: .decruftrc.yaml: frontmatter: unknown site generator `gatsby`')
  })
})

describe('many files, on worker threads', () => {
  it('find the site in each worker, as in one thread', async () => {
    const files: Record<string, string> = {'_config.yml': 'title: Notes\n', Gemfile: 'gem "jekyll"\n'}
    for (let index = 0; index < 60; index++) {
      files[`_posts/2024-01-${String((index % 28) + 1).padStart(2, '0')}-post-${index}.md`] =
        `---\ntitle: Post ${index}\ndate: 2024-01-01 09:30:00 +0200\ncategories: travel notes\n---\n\nBody ${index}.\n`
    }
    const root = site(files)
    expect(readdirSync(join(root, '_posts'))).toHaveLength(60)
    const workers = await check(root, ['_posts'], ['--concurrency', '2'])
    expect(workers.report.summary).toMatchObject({files: 60, errors: 0, warnings: 0, failed: 0})
    const none = await check(root, ['_posts'], ['--concurrency', '2', '--generator', 'none'])
    expect(none.report.summary).toMatchObject({files: 60, errors: 0, warnings: 120, failed: 0})
  })
})

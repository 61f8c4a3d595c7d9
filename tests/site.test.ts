/**
 * Finding the site generator of an article from the site's own files
 * (src/node/site.ts): each generator by its files, Jekyll and Hexo told
 * apart when both could own a `_config.yml`, folders that point two ways,
 * the nearest site winning, the search stopping at the repository root, the
 * zone each site reads dates in, and each folder looked at once per detector.
 *
 * Every temporary tree has a `.git` folder at its root, so that the search
 * never wanders into the machine's own temporary folder.
 */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {createSiteDetector, withSite, type SiteDetection, type SiteFileSystem} from '../src/node/site.js'
import {tree} from './support/temp-tree.js'

/** A temporary repository holding `files`. */
function repo(files: Record<string, string>): string {
  return tree({'.git/HEAD': 'ref: refs/heads/main\n', ...files}, 'decruft-site-')
}

async function detect(root: string, folder: string): Promise<SiteDetection | undefined> {
  return createSiteDetector().detect(join(root, folder))
}

const GEMFILE = 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n'
const HEXO_PACKAGE = JSON.stringify({name: 'blog', hexo: {version: '7.3.0'}, dependencies: {hexo: '^7.3.0'}})

describe('site detection: each generator', () => {
  it('finds Jekyll by _config.yml and a Gemfile naming jekyll, with its timezone', async () => {
    const root = repo({'_config.yml': 'title: Notes\ntimezone: Europe/Berlin\n', Gemfile: GEMFILE, '_posts/2024-01-01-a.md': ''})
    expect(await detect(root, '_posts')).toEqual({
      kind: 'site',
      generator: 'jekyll',
      root,
      evidence: ['_config.yml', 'Gemfile'],
      zone: 'Europe/Berlin',
    })
  })

  it('finds Jekyll without a Gemfile (GitHub Pages) by its _posts folder or its keys', async () => {
    const posts = repo({'_config.yml': 'title: Notes\n', '_posts/2024-01-01-a.md': ''})
    expect(await detect(posts, '_posts')).toMatchObject({kind: 'site', generator: 'jekyll', evidence: ['_config.yml', '_posts/']})
    const keys = repo({'_config.yml': 'title: Notes\nmarkdown: kramdown\n', 'docs/a.md': ''})
    expect(await detect(keys, 'docs')).toMatchObject({kind: 'site', generator: 'jekyll', evidence: ['_config.yml', '_config.yml keys']})
    const theme = repo({'_config.yml': 'title: Notes\ntheme: jekyll-theme-cayman\n', 'a.md': ''})
    expect(await detect(theme, '.')).toMatchObject({kind: 'site', generator: 'jekyll'})
  })

  it('finds Hexo by _config.yml and hexo in package.json, or by keys only Hexo uses', async () => {
    const strong = repo({'_config.yml': 'title: Diary\ntimezone: Asia/Tokyo\n', 'package.json': HEXO_PACKAGE, 'source/_posts/a.md': ''})
    expect(await detect(strong, 'source/_posts')).toEqual({
      kind: 'site',
      generator: 'hexo',
      root: strong,
      evidence: ['_config.yml', 'package.json'],
      zone: 'Asia/Tokyo',
    })
    const keys = repo({'_config.yml': 'title: Diary\nnew_post_name: :title.md\nsource_dir: source\n', 'source/_posts/a.md': ''})
    expect(await detect(keys, 'source/_posts')).toMatchObject({
      kind: 'site',
      generator: 'hexo',
      evidence: ['_config.yml', '_config.yml keys'],
    })
  })

  it('finds Hugo by hugo.toml (its timeZone), hugo.yaml (UTC when unset), a config folder, or config.toml with Hugo keys', async () => {
    const toml = repo({'hugo.toml': "baseURL = 'https://example.org/'\ntimeZone = 'Europe/Oslo'\n", 'content/posts/a.md': ''})
    expect(await detect(toml, 'content/posts')).toEqual({
      kind: 'site',
      generator: 'hugo',
      root: toml,
      evidence: ['hugo.toml'],
      zone: 'Europe/Oslo',
    })
    const yaml = repo({'hugo.yaml': 'baseURL: https://example.org/\ntitle: Log\n', 'content/a.md': ''})
    expect(await detect(yaml, 'content')).toMatchObject({generator: 'hugo', zone: 'UTC'})
    const folder = repo({'config/_default/hugo.toml': "timezone = 'America/Chicago'\n", 'content/a.md': ''})
    expect(await detect(folder, 'content')).toMatchObject({
      generator: 'hugo',
      evidence: ['config/_default/hugo.toml'],
      zone: 'America/Chicago',
    })
    const legacy = repo({'config.toml': "baseurl = 'https://example.org/'\nlanguageCode = 'en-us'\n", 'content/a.md': ''})
    expect(await detect(legacy, 'content')).toMatchObject({generator: 'hugo', evidence: ['config.toml']})
  })

  it('does not take another tool’s config.toml for Hugo’s (Zola writes base_url)', async () => {
    const root = repo({'config.toml': 'base_url = "https://example.org"\ncompile_sass = true\n', 'content/a.md': ''})
    expect(await detect(root, 'content')).toBeUndefined()
  })

  it('finds Astro by astro.config.*, with no zone (Astro has none)', async () => {
    for (const name of ['astro.config.mjs', 'astro.config.ts']) {
      const root = repo({[name]: 'export default {}\n', 'src/content/blog/a.md': ''})
      expect(await detect(root, 'src/content/blog')).toEqual({kind: 'site', generator: 'astro', root, evidence: [name]})
    }
  })
})

describe('site detection: what is not a site, or not one site', () => {
  it('calls a folder ambiguous when its signs point to Jekyll and Hexo alike', async () => {
    const both = repo({'_config.yml': 'title: x\n', Gemfile: GEMFILE, 'package.json': HEXO_PACKAGE, 'a.md': ''})
    expect(await detect(both, '.')).toMatchObject({kind: 'ambiguous', candidates: ['jekyll', 'hexo']})
    const weak = repo({'_config.yml': 'title: x\nnew_post_name: :title.md\n', '_posts/a.md': ''})
    expect(await detect(weak, '_posts')).toMatchObject({kind: 'ambiguous', candidates: ['jekyll', 'hexo']})
  })

  it('lets a strong sign win over a weak one (a Gemfile over a Hexo-looking key)', async () => {
    const root = repo({'_config.yml': 'title: x\ndate_format: YYYY-MM-DD\n', Gemfile: GEMFILE, 'a.md': ''})
    expect(await detect(root, '.')).toMatchObject({kind: 'site', generator: 'jekyll'})
  })

  it('calls a folder with two generators’ files ambiguous', async () => {
    const root = repo({'hugo.toml': "baseURL = 'https://example.org/'\n", 'astro.config.mjs': 'export default {}\n', 'a.md': ''})
    expect(await detect(root, '.')).toMatchObject({kind: 'ambiguous', candidates: ['astro', 'hugo']})
  })

  it('finds nothing in a _config.yml that says nothing about its generator', async () => {
    const root = repo({'_config.yml': 'title: Just a title\n', 'a.md': ''})
    expect(await detect(root, '.')).toBeUndefined()
  })

  it('ignores a zone that is not one', async () => {
    const root = repo({'_config.yml': 'timezone: Mars/Olympus_Mons\n', Gemfile: GEMFILE, 'a.md': ''})
    expect(await detect(root, '.')).toMatchObject({generator: 'jekyll', zone: undefined})
  })
})

describe('site detection: where it looks', () => {
  it('takes the nearest site: a Hugo blog inside a Jekyll repository is Hugo’s', async () => {
    const root = repo({
      '_config.yml': 'title: Docs\n',
      Gemfile: GEMFILE,
      '_posts/a.md': '',
      'blog/hugo.toml': "baseURL = 'https://blog.example.org/'\n",
      'blog/content/posts/b.md': '',
    })
    expect(await detect(root, 'blog/content/posts')).toMatchObject({generator: 'hugo', root: join(root, 'blog')})
    expect(await detect(root, '_posts')).toMatchObject({generator: 'jekyll', root})
  })

  it('stops at the repository root: a site above it is not the article’s', async () => {
    const outer = tree(
      {'hugo.toml': "baseURL = 'https://example.org/'\n", 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/posts/a.md': ''},
      'decruft-site-',
    )
    expect(await detect(outer, 'repo/posts')).toBeUndefined()
    // A `.git` file (a worktree or submodule) marks a root too.
    const worktree = tree(
      {'hugo.toml': "baseURL = 'https://example.org/'\n", 'wt/.git': 'gitdir: ../x\n', 'wt/posts/a.md': ''},
      'decruft-site-',
    )
    expect(await detect(worktree, 'wt/posts')).toBeUndefined()
  })

  it('looks at each folder once per detector, however many articles share it', async () => {
    const root = repo({
      '_config.yml': 'title: Notes\ntimezone: Europe/Lisbon\n',
      Gemfile: GEMFILE,
      '_posts/2024/a.md': '',
      '_posts/2024/b.md': '',
      '_posts/2025/c.md': '',
    })
    const listed: string[] = []
    const read: string[] = []
    const fs: SiteFileSystem = {
      async list(directory) {
        listed.push(directory)
        const entries = await readdir(directory, {withFileTypes: true})
        return new Map(entries.map((entry) => [entry.name, entry.isDirectory()]))
      },
      async read(file) {
        read.push(file)
        return readFile(file, 'utf8')
      },
    }
    const detector = createSiteDetector(fs)
    const folders = ['_posts/2024', '_posts/2024', '_posts/2025', '_posts/2024', '_posts']
    const answers = await Promise.all(folders.map((folder) => detector.detect(join(root, folder))))
    for (const answer of answers) expect(answer).toMatchObject({generator: 'jekyll', zone: 'Europe/Lisbon'})
    expect([...listed].sort()).toEqual([root, join(root, '_posts'), join(root, '_posts/2024'), join(root, '_posts/2025')].sort())
    expect(read.sort()).toEqual([join(root, 'Gemfile'), join(root, '_config.yml')].sort())
    // A new detector (a new run) reads the files again.
    await createSiteDetector(fs).detect(join(root, '_posts'))
    expect(read).toHaveLength(4)
  })
})

describe('withSite', () => {
  const site: SiteDetection = {kind: 'site', generator: 'hexo', root: '/blog', evidence: ['_config.yml'], zone: 'Europe/Berlin'}
  it('gives the run the site’s generator and zone where the run names none', () => {
    expect(withSite({strict: true}, site)).toEqual({strict: true, generator: 'hexo', zone: 'Europe/Berlin'})
  })
  it('lets the run’s own generator and zone win', () => {
    expect(withSite({generator: 'jekyll', zone: 'UTC'}, site)).toEqual({generator: 'jekyll', zone: 'UTC'})
  })
  it('changes nothing for no site, or an ambiguous one', () => {
    expect(withSite({dialect: 'hugo'}, undefined)).toEqual({dialect: 'hugo'})
    expect(withSite({}, {kind: 'ambiguous', root: '/x', candidates: ['jekyll', 'hexo'], evidence: []})).toEqual({})
  })
})

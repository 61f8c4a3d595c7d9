/**
 * Which site generator an article is written for, found from the site's own
 * files: the nearest folder up the tree from the article that holds a
 * generator's files is the site, and says which generator it is and the zone
 * it reads dates without one in. The search stops at the repository root (a
 * folder holding `.git`) and at the file-system root.
 *
 * What counts, in one folder:
 * - Astro: `astro.config.{mjs,js,ts,mts,cjs,cts}`;
 * - Hugo: `hugo.{toml,yaml,yml,json}`, `config/_default/{hugo,config}.*`, or
 *   `config.{toml,yaml,yml,json}` with Hugo's keys (`baseURL` …); its zone
 *   is `timeZone`, UTC when unset (as Hugo reads such dates);
 * - Jekyll or Hexo: `_config.yml` (or `.yaml`), which both use. Hexo when
 *   package.json names `hexo`, Jekyll when a Gemfile names `jekyll` (or
 *   `github-pages`); failing those, the folder and the config's keys decide
 *   (`_posts/` and keys such as `markdown:` or `plugins:` for Jekyll, keys
 *   such as `new_post_name:` or `source_dir:` for Hexo). The zone is the
 *   config's `timezone:`; unset, both use the build machine's zone, which
 *   is not known here.
 * Files of two generators in one folder, or a `_config.yml` whose signs
 * point both ways, make the folder ambiguous: no generator is assumed.
 *
 * Each folder is looked at once per detector (a batch of thousands of
 * articles reads each config once): the answer for a folder is cached, and
 * the answer for a folder without a site's files is its parent's.
 *
 * @example
 *   const detector = createSiteDetector()
 *   await detector.detect('/blog/_posts')
 *   // → {kind: 'site', generator: 'jekyll', root: '/blog', evidence: ['_config.yml', 'Gemfile'], zone: 'Europe/Berlin'}
 */
import {readdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {FrontmatterOptions} from '../index.js'
import {
  configZone,
  gemfileNamesJekyll,
  hasKey,
  HEXO_KEYS,
  HUGO_KEYS,
  JEKYLL_KEYS,
  namesJekyllTheme,
  packageNamesHexo,
  readConfigText,
} from './site-config.js'

/** The generators decruft can tell from a site's files; each is also a frontmatter dialect. */
export const siteGenerators = ['jekyll', 'hugo', 'hexo', 'astro'] as const
export type SiteGenerator = (typeof siteGenerators)[number]

/** A site found up the tree from an article. */
export interface Site {
  readonly kind: 'site'
  readonly generator: SiteGenerator
  /** The site's folder (absolute). */
  readonly root: string
  /** The files that told, relative to `root` (`_config.yml`, `Gemfile`, `_posts/` …). */
  readonly evidence: readonly string[]
  /** The zone the site reads dates written without one in; undefined when that is the build machine's. */
  readonly zone?: string | undefined
}

/** A folder whose files point to more than one generator: none is assumed. */
export interface AmbiguousSite {
  readonly kind: 'ambiguous'
  readonly root: string
  readonly candidates: readonly SiteGenerator[]
  readonly evidence: readonly string[]
}

export type SiteDetection = Site | AmbiguousSite

/** The file-system calls a detector makes (injected in tests to count them). */
export interface SiteFileSystem {
  /** The entries of a folder: name → whether it is a folder; rejects when it cannot be read. */
  list(directory: string): Promise<ReadonlyMap<string, boolean>>
  /** A file's text; rejects when it cannot be read. */
  read(file: string): Promise<string>
}

export interface SiteDetector {
  /** The site `directory` (absolute) belongs to, or undefined when none is found before the repository root. */
  detect(directory: string): Promise<SiteDetection | undefined>
}

const nodeFileSystem: SiteFileSystem = {
  async list(directory) {
    const entries = await readdir(directory, {withFileTypes: true})
    return new Map(entries.map((entry) => [entry.name, entry.isDirectory()]))
  },
  read: (file) => readFile(file, 'utf8'),
}

const ASTRO_CONFIGS = ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs', 'astro.config.cts']
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json']
const HUGO_LEGACY_CONFIGS = ['config.toml', 'config.yaml', 'config.yml', 'config.json']
const JEKYLL_HEXO_CONFIGS = ['_config.yml', '_config.yaml']

/** What one folder's files say: a generator with its evidence and zone, or nothing. */
interface Sign {
  readonly generator: SiteGenerator
  readonly evidence: readonly string[]
  readonly zone?: string | undefined
}

/** A folder's entries and a way to read its files, for the sign readers. */
interface Folder {
  readonly path: string
  readonly entries: ReadonlyMap<string, boolean>
  readonly fs: SiteFileSystem
}

async function readText(folder: Folder, name: string): Promise<string | undefined> {
  try {
    return await folder.fs.read(join(folder.path, name))
  } catch {
    return undefined
  }
}

async function readConfig(folder: Folder, name: string): Promise<Record<string, unknown> | undefined> {
  const text = await readText(folder, name)
  return text === undefined ? undefined : readConfigText(text, name)
}

function isFile(folder: Folder, name: string): boolean {
  return folder.entries.get(name) === false
}

function astroSign(folder: Folder): Sign | undefined {
  const file = ASTRO_CONFIGS.find((name) => isFile(folder, name))
  return file === undefined ? undefined : {generator: 'astro', evidence: [file]}
}

/** Hugo reads a date without a zone in `timeZone`, and in UTC when it is unset. */
function hugoSign(file: string, config: Record<string, unknown> | undefined): Sign {
  return {generator: 'hugo', evidence: [file], zone: config === undefined ? undefined : (configZone(config, 'timeZone', true) ?? 'UTC')}
}

async function hugoSignOf(folder: Folder): Promise<Sign | undefined> {
  const file = HUGO_CONFIGS.find((name) => isFile(folder, name))
  if (file !== undefined) return hugoSign(file, await readConfig(folder, file))
  // A config folder: config/_default/hugo.toml (or config.toml) holds the root settings.
  if (folder.entries.get('config') === true) {
    let inner: ReadonlyMap<string, boolean>
    try {
      inner = await folder.fs.list(join(folder.path, 'config', '_default'))
    } catch {
      inner = new Map()
    }
    const name = [...HUGO_CONFIGS, ...HUGO_LEGACY_CONFIGS].find((candidate) => inner.get(candidate) === false)
    if (name !== undefined) {
      const relative = `config/_default/${name}`
      return hugoSign(relative, await readConfig(folder, relative))
    }
  }
  for (const legacy of HUGO_LEGACY_CONFIGS) {
    if (!isFile(folder, legacy)) continue
    const config = await readConfig(folder, legacy)
    if (config && hasKey(config, HUGO_KEYS, true)) return hugoSign(legacy, config)
  }
  return undefined
}

/** Jekyll or Hexo from a `_config.yml`: strong signs (Gemfile, package.json) first, then the folder and the keys. */
async function jekyllOrHexoSign(folder: Folder): Promise<Sign | AmbiguousSite | undefined> {
  const file = JEKYLL_HEXO_CONFIGS.find((name) => isFile(folder, name))
  if (file === undefined) return undefined
  const config = (await readConfig(folder, file)) ?? {}
  const gemfile = isFile(folder, 'Gemfile') ? await readText(folder, 'Gemfile') : undefined
  const packageJson = isFile(folder, 'package.json') ? await readText(folder, 'package.json') : undefined
  const jekyllStrong = gemfile !== undefined && gemfileNamesJekyll(gemfile)
  const hexoStrong = packageJson !== undefined && packageNamesHexo(packageJson)
  const jekyllWeak: string[] = []
  if (folder.entries.get('_posts') === true) jekyllWeak.push('_posts/')
  if (hasKey(config, JEKYLL_KEYS) || namesJekyllTheme(config)) jekyllWeak.push(`${file} keys`)
  const hexoWeak: string[] = []
  if (folder.entries.get('scaffolds') === true) hexoWeak.push('scaffolds/')
  if (hasKey(config, HEXO_KEYS)) hexoWeak.push(`${file} keys`)
  const zone = configZone(config, 'timezone')
  const jekyll: Sign = {generator: 'jekyll', evidence: [file, ...(jekyllStrong ? ['Gemfile'] : jekyllWeak)], zone}
  const hexo: Sign = {generator: 'hexo', evidence: [file, ...(hexoStrong ? ['package.json'] : hexoWeak)], zone}
  const ambiguous: AmbiguousSite = {
    kind: 'ambiguous',
    root: folder.path,
    candidates: ['jekyll', 'hexo'],
    evidence: [...new Set([...jekyll.evidence, ...hexo.evidence])],
  }
  if (jekyllStrong || hexoStrong) return jekyllStrong && hexoStrong ? ambiguous : jekyllStrong ? jekyll : hexo
  if (jekyllWeak.length > 0 && hexoWeak.length > 0) return ambiguous
  if (jekyllWeak.length > 0) return jekyll
  if (hexoWeak.length > 0) return hexo
  // A `_config.yml` that says nothing about its generator.
  return undefined
}

/** What one folder's files say. */
async function examine(folder: Folder): Promise<SiteDetection | undefined> {
  const found: Array<Sign | AmbiguousSite> = []
  const astro = astroSign(folder)
  if (astro) found.push(astro)
  const hugo = await hugoSignOf(folder)
  if (hugo) found.push(hugo)
  const jekyllOrHexo = await jekyllOrHexoSign(folder)
  if (jekyllOrHexo) found.push(jekyllOrHexo)
  if (found.length === 0) return undefined
  const [only] = found
  if (found.length === 1 && only && !('kind' in only)) return {kind: 'site', root: folder.path, ...only}
  const candidates = found.flatMap((sign) => ('kind' in sign ? sign.candidates : [sign.generator]))
  return {kind: 'ambiguous', root: folder.path, candidates: [...new Set(candidates)], evidence: found.flatMap((sign) => sign.evidence)}
}

/** A detector with its own cache: make one per run, so that configs changed between runs are read again. */
export function createSiteDetector(fs: SiteFileSystem = nodeFileSystem): SiteDetector {
  const cache = new Map<string, Promise<SiteDetection | undefined>>()
  const detect = (directory: string): Promise<SiteDetection | undefined> => {
    let answer = cache.get(directory)
    if (answer === undefined) {
      answer = look(directory)
      cache.set(directory, answer)
    }
    return answer
  }
  const look = async (directory: string): Promise<SiteDetection | undefined> => {
    let entries: ReadonlyMap<string, boolean>
    try {
      entries = await fs.list(directory)
    } catch {
      entries = new Map()
    }
    const found = await examine({path: directory, entries, fs})
    if (found) return found
    const parent = dirname(directory)
    // The repository's root is as far as a site can be; so is the file system's.
    if (entries.has('.git') || parent === directory) return undefined
    return detect(parent)
  }
  return {detect}
}

/**
 * The frontmatter options for an article in `site`: the run's own, with the
 * site's generator and zone where the run names none (a `--generator` or a
 * `--timezone` wins over what the site's files say).
 */
export function withSite(options: FrontmatterOptions, site: SiteDetection | undefined): FrontmatterOptions {
  if (site?.kind !== 'site') return options
  return {...options, generator: options.generator ?? site.generator, zone: options.zone ?? site.zone}
}

/** How a run finds sites: off, or with this detector (made per run, or per worker thread). */
export interface SiteLookup {
  /** Look for the site of each article. Default: false. */
  readonly detectSite?: boolean | undefined
  /** The run's detector (in-process runs); a worker thread makes its own. */
  readonly siteDetector?: SiteDetector | undefined
}

/** The frontmatter options for the article at `file` (absolute): with its site's generator and zone when the run looks for sites. */
export async function frontmatterForFile(
  file: string,
  options: FrontmatterOptions | undefined,
  detector: SiteDetector | undefined,
): Promise<FrontmatterOptions | undefined> {
  if (!detector) return options
  return withSite(options ?? {}, await detector.detect(dirname(file)))
}

/**
 * What a site generator's own files say: the keys that mark a config file as
 * Jekyll's, Hexo's or Hugo's, and the zone the site reads dates written
 * without one in (Jekyll's and Hexo's `timezone:`, Hugo's `timeZone`). Pure
 * functions over file texts; `site.ts` finds and reads the files.
 *
 * Jekyll and Hexo both use `_config.yml`; keys only one of them uses tell
 * them apart when nothing stronger (a Gemfile naming jekyll, `hexo` in
 * package.json) does.
 */
import {parse as parseToml} from 'smol-toml'
import {parse as parseYaml} from 'yaml'
import {isTimeZone} from '../plugin-api.js'

/** Keys of `_config.yml` that only Jekyll uses (jekyllrb.com/docs/configuration). */
export const JEKYLL_KEYS: ReadonlySet<string> = new Set([
  'baseurl',
  'markdown',
  'kramdown',
  'highlighter',
  'plugins',
  'gems',
  'collections',
  'collections_dir',
  'defaults',
  'sass',
  'remote_theme',
  'liquid',
  'incremental',
  'strict_front_matter',
  'jekyll-archives',
  'jekyll_compose',
])

/** Keys of `_config.yml` that only Hexo uses (hexo.io/docs/configuration). */
export const HEXO_KEYS: ReadonlySet<string> = new Set([
  'new_post_name',
  'default_layout',
  'source_dir',
  'public_dir',
  'tag_dir',
  'archive_dir',
  'category_dir',
  'code_dir',
  'i18n_dir',
  'skip_render',
  'post_asset_folder',
  'relative_link',
  'render_drafts',
  'filename_case',
  'external_link',
  'default_category',
  'category_map',
  'tag_map',
  'date_format',
  'time_format',
  'updated_option',
  'pagination_dir',
  'index_generator',
  'meta_generator',
  'permalink_defaults',
  'pretty_urls',
])

/** Keys of a `config.*` file that mark it as Hugo's (matched case-insensitively, as Hugo reads them). */
export const HUGO_KEYS: ReadonlySet<string> = new Set([
  'baseurl',
  'languagecode',
  'defaultcontentlanguage',
  'timezone',
  'paginate',
  'pagination',
  'permalinks',
  'taxonomies',
  'enablerobotstxt',
  'enableemoji',
  'enablegitinfo',
  'publishdir',
  'contentdir',
  'disablekinds',
  'markup',
  'outputs',
  'module',
])

/** A config file's top-level mapping; undefined when it does not parse or is not a mapping. */
export function readConfigText(text: string, file: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = file.endsWith('.toml') ? parseToml(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Whether the mapping has one of `keys`, compared in lower case when `anyCase`. */
export function hasKey(config: Record<string, unknown>, keys: ReadonlySet<string>, anyCase = false): boolean {
  return Object.keys(config).some((key) => keys.has(anyCase ? key.toLowerCase() : key))
}

/** The value of `key`, found case-insensitively (Hugo's keys are). */
function valueOf(config: Record<string, unknown>, key: string): unknown {
  const name = Object.keys(config).find((candidate) => candidate.toLowerCase() === key)
  return name === undefined ? undefined : config[name]
}

/** A zone named in a config, when it is one (`Europe/Berlin`); undefined for none, blank or an unknown name. */
export function configZone(config: Record<string, unknown>, key: string, anyCase = false): string | undefined {
  const value = anyCase ? valueOf(config, key.toLowerCase()) : config[key]
  return typeof value === 'string' && value.trim() !== '' && isTimeZone(value.trim()) ? value.trim() : undefined
}

/** Whether a Gemfile asks for Jekyll (`gem "jekyll"`, or GitHub Pages' `gem "github-pages"`). */
export function gemfileNamesJekyll(text: string): boolean {
  return /^[ \t]*gem[ \t(]+["'](?:jekyll|github-pages)["']/m.test(text)
}

/** Whether a package.json belongs to a Hexo site (`hexo` in its dependencies, or the `hexo` key hexo-cli writes). */
export function packageNamesHexo(text: string): boolean {
  const data = readConfigText(text, 'package.json')
  if (!data) return false
  if ('hexo' in data) return true
  return ['dependencies', 'devDependencies'].some((field) => {
    const dependencies = data[field]
    return dependencies !== null && typeof dependencies === 'object' && 'hexo' in dependencies
  })
}

/** Whether a Jekyll `theme:` names a Jekyll theme gem (`minima`, `jekyll-theme-cayman`). */
export function namesJekyllTheme(config: Record<string, unknown>): boolean {
  const theme = config['theme']
  return typeof theme === 'string' && /^(?:minima|jekyll-theme-[\w-]+)$/.test(theme)
}

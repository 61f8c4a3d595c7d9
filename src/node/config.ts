/**
 * The config file: found upwards from the working directory (or given with
 * `--config`), read, and validated. It switches rules on and off and sets
 * their severity, adds rules files and filter lists, ignores files, and
 * gives frontmatter defaults; the command line goes over it (`cli/settings`).
 *
 * Errors are {@link ConfigError}s that name the file, the line and column
 * (YAML and JSON) and the key path, like a rules file's `RulesError`. Paths in
 * a config (rules files, filter lists, ignore patterns) are relative to the
 * config file's folder, so a config means the same from any subfolder.
 *
 * @example
 * // .decruftrc.yaml
 * // rules: {link-farm: warn, call-to-action: error, boilerplate: off}
 * // rulesFiles: [rules/site.yaml]
 * const {config, file} = await loadConfig(process.cwd())
 * const {enable, disable, severity} = ruleSelection(config.rules)
 */
import {stat} from 'node:fs/promises'
import {basename, dirname, extname, isAbsolute, parse as parsePath, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {lilconfig, type LilconfigResult} from 'lilconfig'
import {LineCounter, parseDocument} from 'yaml'
import {z} from 'zod'
import {UnknownRuleError, type RuleId} from '../index.js'
import {derivableFields, isRuleName, isTimeZone, ruleGroups, ruleIds, type DerivableField} from '../plugin-api.js'
import {readRulesLayer} from '../ruleset/load.js'
import {displayPath} from './paths.js'
import {describeSystemError} from './read.js'

/** A rule's setting in a config: switched off, or on with this severity. */
export type RuleSetting = 'off' | 'warn' | 'error'

/** A validated config, with defaults filled in. */
export interface DecruftConfig {
  /** Setting per rule id or group name (`true` in the file is `error`, `false` is `off`). */
  rules: Record<string, RuleSetting>
  /** Extra rules files (absolute paths), merged over the defaults in order. */
  rulesFiles: string[]
  /** Adblock Plus filter lists (absolute paths). */
  filterLists: string[]
  /** Gitignore-style patterns, relative to {@link LoadedConfig.dir}. */
  ignore: string[]
  frontmatter: {dialect?: string; generator?: string; timezone?: string; strict?: boolean; derive?: DerivableField[]}
}

/** A config and where it came from. */
export interface LoadedConfig {
  config: DecruftConfig
  /** Absolute path of the config file; undefined when none was found. */
  file: string | undefined
  /** The folder `ignore` patterns are relative to: the config file's folder, or the search start. */
  dir: string
}

/** Where to look for a config, nearest first within one folder. */
export const CONFIG_SEARCH_PLACES: readonly string[] = [
  'package.json',
  '.decruftrc',
  '.decruftrc.json',
  '.decruftrc.yaml',
  '.decruftrc.yml',
  '.decruftrc.js',
  '.decruftrc.mjs',
  'decruft.config.json',
  'decruft.config.yaml',
  'decruft.config.yml',
  'decruft.config.js',
  'decruft.config.mjs',
]

/** The key of decruft's settings in `package.json`. */
const PACKAGE_KEY = 'decruft'

/** A problem with a config file. The message reads `file:line:col: key.path: reason`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  /** Absolute path of the config file (the message shows it relative to the working directory). */
  readonly file: string
  readonly line?: number
  readonly column?: number
  /** The key path (`rules.link-farm`, `rulesFiles.0`; in `package.json` it starts with `decruft`). */
  readonly key?: string
  /** The cause alone, without file and key. */
  readonly reason: string
  constructor(
    reason: string,
    where: {file: string; display: string; line?: number | undefined; column?: number | undefined; key?: string | undefined},
  ) {
    const place = where.line === undefined ? where.display : `${where.display}:${where.line}:${where.column ?? 1}`
    super(`${place}: ${where.key ? `${where.key}: ` : ''}${reason}`)
    this.file = where.file
    this.reason = reason
    if (where.line !== undefined) this.line = where.line
    if (where.line !== undefined) this.column = where.column ?? 1
    if (where.key) this.key = where.key
  }
}

// ---------------------------------------------------------------------------
// Schema

const SETTINGS = ['off', 'warn', 'error'] as const
const ruleNames = [...new Set([...ruleIds, ...ruleGroups.keys()])]
const settingKeys = ['rules', 'rulesFiles', 'filterLists', 'ignore', 'frontmatter']
const frontmatterKeys = ['dialect', 'generator', 'timezone', 'strict', 'derive']

const show = (value: unknown) => (typeof value === 'string' ? `\`${value}\`` : (JSON.stringify(value) ?? String(value)))

const unknownKey =
  (what: string, known: readonly string[]) =>
  (issue: {code?: string | undefined}): string | undefined =>
    issue.code === 'unrecognized_keys' ? `unknown ${what} (expected one of: ${known.join(', ')})` : undefined

const ruleSetting = z
  .union([z.enum(SETTINGS), z.boolean()], {
    error: (issue) => `not a rule setting: ${show(issue.input)} (expected off, warn or error; true is error, false is off)`,
  })
  .transform((value): RuleSetting => (value === true ? 'error' : value === false ? 'off' : value))

const rulesSchema = z.strictObject(Object.fromEntries(ruleNames.map((name) => [name, ruleSetting.optional()])), {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown rule id or group (rules: ${ruleIds.join(', ')}; groups: ${[...ruleGroups.keys()].join(', ')})`
      : undefined,
})

const pathList = z.array(z.string().min(1, {error: 'an empty path'}))

const frontmatterSchema = z.strictObject(
  {
    dialect: z.string().min(1, {error: 'an empty dialect name'}).optional(),
    /** `auto` (look for each article's site), `none`, or a generator's name (checked against the rules once loaded). */
    generator: z.string().min(1, {error: 'an empty generator name (auto, none, jekyll, hugo, hexo, astro)'}).optional(),
    timezone: z
      .string()
      .refine((value) => isTimeZone(value), {
        error: 'not a time zone (an IANA name such as `Europe/Paris`, `UTC`, or an offset such as `+05:30`)',
      })
      .optional(),
    strict: z.boolean().optional(),
    derive: z
      .array(z.enum(derivableFields, {error: (issue) => `cannot derive ${show(issue.input)} (derivable: ${derivableFields.join(', ')})`}))
      .optional(),
  },
  {error: unknownKey('frontmatter setting', frontmatterKeys)},
)

/** The schema of a config file's settings. */
export const configSchema = z.strictObject(
  {
    rules: rulesSchema.optional(),
    rulesFiles: pathList.optional(),
    filterLists: pathList.optional(),
    ignore: z.array(z.string()).optional(),
    frontmatter: frontmatterSchema.optional(),
  },
  {error: unknownKey('setting', settingKeys)},
)

// ---------------------------------------------------------------------------
// Reading

type KeyPath = Array<string | number>

/** What a config file holds, and how to place an error in it. */
interface ConfigSource {
  file: string
  display: string
  /** The file's text (JSON and YAML), for line and column of a key path. */
  text?: string | undefined
  /** The settings' path in the file (`['decruft']` in package.json). */
  base: KeyPath
}

/** The type of a value, in words. */
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'function') return 'a function'
  return `${typeof value} ${show(value)}`
}

function located(source: ConfigSource, reason: string, path: KeyPath, options: {key?: boolean} = {}): ConfigError {
  const full = [...source.base, ...path]
  let position: {line: number; column: number} | undefined
  if (source.text !== undefined) {
    try {
      position = readRulesLayer(source.text, source.file).locate(full, options)
    } catch {
      position = undefined // Not locatable (JSON that is not also YAML): the key path still says where.
    }
  }
  return new ConfigError(reason, {
    file: source.file,
    display: source.display,
    line: position?.line,
    column: position?.column,
    key: full.join('.'),
  })
}

/** Line and column (1-based) of an offset. */
function positionAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.min(Math.max(offset, 0), text.length))
  const lineStart = before.lastIndexOf('\n') + 1
  return {line: before.split('\n').length, column: before.length - lineStart + 1}
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

function parseJson(text: string, file: string, display: string): unknown {
  const body = stripBom(text)
  try {
    return JSON.parse(body) as unknown
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = /position (\d+)/.exec(message)?.[1]
    const {line, column} = positionAt(body, offset === undefined ? body.length : Number(offset))
    const reason = `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')}`
    throw new ConfigError(reason, {file, display, line, column})
  }
}

function parseYaml(text: string, file: string, display: string): unknown {
  const lineCounter = new LineCounter()
  const document = parseDocument(stripBom(text), {lineCounter, prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    const position = lineCounter.linePos(error.pos[0])
    const reason = `invalid YAML: ${error.message.split('\n')[0] ?? error.message}`
    throw new ConfigError(reason, {file, display, line: position.line, column: position.col})
  }
  return document.toJS() as unknown
}

async function importConfig(file: string, display: string): Promise<unknown> {
  let module: {default?: unknown}
  try {
    module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {default?: unknown}
  } catch (error) {
    throw new ConfigError(`cannot load: ${error instanceof Error ? error.message : String(error)}`, {file, display})
  }
  if (!('default' in module))
    throw new ConfigError('no default export (export the settings object: `export default {rules: {…}}`)', {file, display})
  return module.default
}

/** The loader for a file name: JSON, YAML (also `.decruftrc`, no extension) or a JavaScript module. */
function loaderFor(file: string): 'json' | 'yaml' | 'module' | undefined {
  const extension = extname(file).toLowerCase()
  if (extension === '.json') return 'json'
  if (extension === '' || extension === '.yaml' || extension === '.yml') return 'yaml'
  if (extension === '.js' || extension === '.mjs' || extension === '.cjs') return 'module'
  return undefined
}

/** Check and complete the raw settings of `source`; throws {@link ConfigError}. */
async function validateConfig(raw: unknown, source: ConfigSource): Promise<DecruftConfig> {
  const data = raw ?? {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    const what = source.base.length > 0 ? 'decruft settings are' : 'a config is'
    throw located(source, `${what} a mapping (${settingKeys.join(', ')}), not ${kindOf(data)}`, [])
  }
  const result = configSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const path: KeyPath = issue.path.map((part) => (typeof part === 'number' ? part : String(part)))
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
    if (key !== undefined) path.push(key)
    let reason = issue.message
    if (issue.code === 'invalid_type') {
      const value = path.reduce<unknown>((at, part) => (at as Record<string | number, unknown> | undefined)?.[part], data)
      const expected = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`
      reason = `expected ${expected}, not ${kindOf(value)}`
    }
    throw located(source, reason, path, {key: key !== undefined})
  }
  const folder = dirname(source.file)
  const files = async (name: 'rulesFiles' | 'filterLists', what: string): Promise<string[]> => {
    const paths = result.data[name] ?? []
    const absolute: string[] = []
    for (const [index, path] of paths.entries()) {
      const full = resolve(folder, path)
      const found = await stat(full).then(
        (stats) => (stats.isFile() ? undefined : `is not a file`),
        (error: unknown) => describeSystemError(error),
      )
      if (found !== undefined) throw located(source, `${what} ${full}: ${found}`, [name, index])
      absolute.push(full)
    }
    return absolute
  }
  const frontmatter: DecruftConfig['frontmatter'] = {}
  const given = result.data.frontmatter ?? {}
  if (given.dialect !== undefined) frontmatter.dialect = given.dialect
  if (given.generator !== undefined) frontmatter.generator = given.generator
  if (given.timezone !== undefined) frontmatter.timezone = given.timezone
  if (given.strict !== undefined) frontmatter.strict = given.strict
  if (given.derive !== undefined) frontmatter.derive = given.derive
  const rules: Record<string, RuleSetting> = {}
  for (const [name, setting] of Object.entries(result.data.rules ?? {})) if (setting !== undefined) rules[name] = setting
  return {
    rules,
    rulesFiles: await files('rulesFiles', 'rules file'),
    filterLists: await files('filterLists', 'filter list'),
    ignore: result.data.ignore ?? [],
    frontmatter,
  }
}

/** An empty config: every rule at its default. */
function emptyConfig(): DecruftConfig {
  return {rules: {}, rulesFiles: [], filterLists: [], ignore: [], frontmatter: {}}
}

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The last folder searched (default: the file system root). */
  stopDir?: string | undefined
}

/**
 * Find and load the config for `cwd`: the first of {@link CONFIG_SEARCH_PLACES}
 * in `cwd`, then in each parent folder up to the file system root (or
 * `stopDir`). A `package.json` counts only when it has a `decruft` key; an
 * empty config file counts (and stops the search). With `explicit` (a path
 * given with `--config`, relative to `cwd`), load that file instead; it may
 * have any of the searched extensions, or be a `package.json`.
 *
 * Throws {@link ConfigError} naming the file, line, column and key path.
 */
export async function loadConfig(cwd: string, explicit?: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const texts = new Map<string, string>()
  const display = (file: string) => displayPath(cwd, file)
  const remember =
    (parse: (text: string, file: string, display: string) => unknown) =>
    (file: string, text: string): unknown => {
      texts.set(file, text)
      const data = parse(text, file, display(file))
      // lilconfig reads `decruft` with the `in` operator: give it an object.
      return basename(file) === 'package.json' && (typeof data !== 'object' || data === null) ? {} : data
    }
  const module = (file: string) => importConfig(file, display(file))
  const explorer = lilconfig('decruft', {
    searchPlaces: [...CONFIG_SEARCH_PLACES],
    packageProp: PACKAGE_KEY,
    ignoreEmptySearchPlaces: false,
    cache: false,
    stopDir: options.stopDir === undefined ? parsePath(resolve(cwd)).root : resolve(cwd, options.stopDir),
    loaders: {
      '.json': remember(parseJson),
      '.yaml': remember(parseYaml),
      '.yml': remember(parseYaml),
      noExt: remember(parseYaml),
      '.js': module,
      '.mjs': module,
      '.cjs': module,
    },
  })
  let result: LilconfigResult
  const file = explicit === undefined ? undefined : resolve(cwd, explicit)
  try {
    if (file === undefined) {
      result = await explorer.search(cwd)
    } else {
      if (loaderFor(file) === undefined) {
        throw new ConfigError('not a config file type decruft reads (.json, .yaml, .yml, .js, .mjs, .cjs, or no extension for YAML)', {
          file,
          display: display(file),
        })
      }
      const stats = await stat(file).catch((error: unknown) => {
        throw new ConfigError(`cannot read config: ${describeSystemError(error)}`, {file, display: display(file)})
      })
      if (!stats.isFile()) throw new ConfigError('cannot read config: not a file', {file, display: display(file)})
      result = await explorer.load(file)
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error
    const path = (error as {path?: unknown}).path
    const where = typeof path === 'string' ? path : (file ?? cwd)
    throw new ConfigError(`cannot read config: ${describeSystemError(error)}`, {file: where, display: display(where)})
  }
  if (!result) return {config: emptyConfig(), file: undefined, dir: resolve(cwd)}
  const found = isAbsolute(result.filepath) ? result.filepath : resolve(cwd, result.filepath)
  const inPackage = basename(found) === 'package.json'
  const source: ConfigSource = {file: found, display: display(found), text: texts.get(found), base: inPackage ? [PACKAGE_KEY] : []}
  if (inPackage && result.config == null) {
    throw new ConfigError(`no \`${PACKAGE_KEY}\` key with settings`, {file: found, display: source.display})
  }
  return {config: await validateConfig(result.config, source), file: found, dir: dirname(found)}
}

// ---------------------------------------------------------------------------
// Rule selection

/**
 * Resolve rule settings into what `clean()` takes: the rule ids to switch on
 * and off, and the severity of each rule the settings switch on (`warn` →
 * `warning`). A rule id wins over its group; rules not named, directly or by
 * group, keep their default (on or off) and are absent from `severity`.
 * Throws `UnknownRuleError` on a name that is neither a rule id nor a group.
 *
 * @example
 * ruleSelection({boilerplate: 'off', 'call-to-action': 'warn'})
 * // → {enable: ['call-to-action'], disable: [], severity: {'call-to-action': 'warning'}}
 */
export function ruleSelection(rules: Readonly<Record<string, RuleSetting>>): {
  enable: RuleId[]
  disable: RuleId[]
  severity: Record<string, 'error' | 'warning'>
} {
  for (const name of Object.keys(rules)) {
    if (!isRuleName(name)) {
      throw new UnknownRuleError(
        `unknown rule id or group \`${name}\` (rules: ${ruleIds.join(', ')}; groups: ${[...ruleGroups.keys()].join(', ')})`,
      )
    }
  }
  const groupOf = new Map([...ruleGroups].flatMap(([group, ids]) => ids.map((id) => [id, group] as const)))
  const selection = {enable: [] as RuleId[], disable: [] as RuleId[], severity: {} as Record<string, 'error' | 'warning'>}
  for (const id of ruleIds) {
    const group = groupOf.get(id)
    const setting = Object.hasOwn(rules, id) ? rules[id] : group !== undefined && Object.hasOwn(rules, group) ? rules[group] : undefined
    if (setting === undefined) continue
    if (setting === 'off') {
      selection.disable.push(id)
    } else {
      selection.enable.push(id)
      selection.severity[id] = setting === 'warn' ? 'warning' : 'error'
    }
  }
  return selection
}

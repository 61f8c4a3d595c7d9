/**
 * The settings of one run: the config file (found upwards from the working
 * directory, or given with `--config`) with the command line over it. Rules
 * files and filter lists of both are read and compiled here, so a bad one
 * stops the run before any article (exit code 2).
 */
import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {FrontmatterOptionsError, RulesError, type FrontmatterOptions, type RuleSet} from '../index.js'
import type {CompiledFilterLists} from '../filter-lists.js'
import {checkFrontmatterOptions, ruleGroups, TemplateIndexError, type RuleName, type TemplateIndex} from '../plugin-api.js'
import {ConfigError, loadConfig, ruleSelection, type LoadedConfig} from '../node/config.js'
import {createIgnore} from '../node/ignore.js'
import {displayPath} from '../node/paths.js'
import {describeSystemError} from '../node/read.js'
import {compileRuleSources, type CompiledRuleSources, type RuleSources} from '../node/rule-sources.js'
import type {Severity} from '../report/finding.js'
import type {BatchOptions} from '../node/batch.js'
import type {CliConfig} from './args.js'

export interface RunSettings {
  /** The config file used, if any (absolute). */
  readonly configFile: string | undefined
  /** Rules files and filter lists as text (for worker threads), and compiled. */
  readonly sources: RuleSources
  readonly rules: RuleSet
  /** The filter lists compiled, if any: a run option beside the rule set. */
  readonly filterLists: CompiledFilterLists | undefined
  /** The site-template index of `--templates FILE`, if given. */
  readonly templates: TemplateIndex | undefined
  readonly enable: RuleName[]
  readonly disable: RuleName[]
  /** Severity per rule id (check mode). */
  readonly severity: Record<string, Severity>
  readonly frontmatter: FrontmatterOptions
  /** Whether to look for each article's site (its generator and zone): not with `--generator none`. */
  readonly detectSite: boolean
  /** Whether a file is ignored (config `ignore`, `.decruftignore`). */
  readonly ignored: (absolute: string) => boolean
}

const NO_CONFIG: LoadedConfig = {
  config: {rules: {}, rulesFiles: [], filterLists: [], ignore: [], frontmatter: {}},
  file: undefined,
  dir: '',
}

/** Rule ids named by rule ids or group names. */
function idsOf(names: readonly RuleName[]): Set<string> {
  return new Set<string>(names.flatMap((name): readonly string[] => ruleGroups.get(name) ?? [name]))
}

/** Read text files; undefined (after reporting) when one cannot be read. */
async function readTexts(
  files: ReadonlyArray<{path: string; display: string}>,
  what: string,
  report: (message: string) => void,
): Promise<Array<{file: string; text: string}> | undefined> {
  const texts: Array<{file: string; text: string}> = []
  for (const {path, display} of files) {
    try {
      texts.push({text: await readFile(path, 'utf8'), file: display})
    } catch (error) {
      report(`${display}: cannot read ${what}: ${describeSystemError(error)}`)
      return undefined
    }
  }
  return texts
}

/** Resolve the run's settings; undefined (after reporting) on a bad config, rules file, filter list or option. */
export async function resolveSettings(config: CliConfig, cwd: string, report: (message: string) => void): Promise<RunSettings | undefined> {
  let loaded: LoadedConfig
  try {
    loaded = config.noConfig ? {...NO_CONFIG, dir: cwd} : await loadConfig(cwd, config.configFile)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    report(error.message)
    return undefined
  }
  const fromConfig = loaded.config
  const display = (path: string) => ({path, display: displayPath(cwd, path)})
  const layers = await readTexts(
    [...fromConfig.rulesFiles.map(display), ...config.rules.map((file) => ({path: resolve(cwd, file), display: file}))],
    'rules file',
    report,
  )
  const lists = await readTexts(
    [...fromConfig.filterLists.map(display), ...config.filterLists.map((file) => ({path: resolve(cwd, file), display: file}))],
    'filter list',
    report,
  )
  const templates =
    config.templates === undefined
      ? []
      : await readTexts([{path: resolve(cwd, config.templates), display: config.templates}], 'template index', report)
  if (!layers || !lists || !templates) return undefined
  const sources: RuleSources = {
    rules: layers,
    filterLists: lists.map(({file, text}) => ({name: file, text})),
    ...(templates[0] ? {templates: templates[0]} : {}),
  }
  let compiled: CompiledRuleSources
  try {
    compiled = await compileRuleSources(sources)
  } catch (error) {
    if (!(error instanceof RulesError) && !(error instanceof TemplateIndexError)) throw error
    report(error.message)
    return undefined
  }
  if (!config.quiet) {
    for (const list of compiled.filterLists?.stats ?? []) {
      const ignored =
        list.ignored === 0
          ? ''
          : `; ${list.ignored} lines ignored (they cannot act on static Markdown, e.g. \`${list.ignoredSamples[0] ?? ''}\`)`
      report(`${list.name}: ${list.network} network and ${list.cosmetic} element filters${ignored}`)
    }
  }
  // The command line wins over the config: --enable lifts a config `off`.
  const selection = ruleSelection(fromConfig.rules)
  const enabledHere = idsOf(config.enable)
  const enable = [...selection.enable, ...config.enable]
  const disable = [...selection.disable.filter((id) => !enabledHere.has(id)), ...config.disable]
  // `auto` (the default) looks for each article's site; `none` does not; a generator's name is used as given.
  const generator = config.generator ?? fromConfig.frontmatter.generator ?? 'auto'
  const frontmatter: FrontmatterOptions = {
    dialect: config.dialect ?? fromConfig.frontmatter.dialect,
    generator: generator === 'auto' || generator === 'none' ? undefined : generator,
    zone: config.zone ?? fromConfig.frontmatter.timezone,
    strict: config.strict || fromConfig.frontmatter.strict === true,
    derive: config.derive.length > 0 ? config.derive : (fromConfig.frontmatter.derive ?? []),
  }
  // A dialect or generator may come from a rules file: check them against the loaded rules.
  try {
    checkFrontmatterOptions(compiled.rules, frontmatter)
  } catch (error) {
    if (!(error instanceof FrontmatterOptionsError)) throw error
    // A dialect or generator from the command line, or else from the config file.
    const option = error.option === 'generator' ? '--generator' : '--frontmatter'
    const fromCommandLine = error.option === 'generator' ? config.generator !== undefined : config.dialect !== undefined
    report(`${!fromCommandLine && loaded.file ? `${displayPath(cwd, loaded.file)}: frontmatter` : option}: ${error.message}`)
    return undefined
  }
  let ignored: (absolute: string) => boolean
  try {
    ignored = await createIgnore(loaded.dir || cwd, fromConfig.ignore, {
      ignoreFile: config.ignorePath === undefined ? undefined : {path: resolve(cwd, config.ignorePath), display: config.ignorePath},
    })
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    report(error.message)
    return undefined
  }
  return {
    configFile: loaded.file,
    sources,
    rules: compiled.rules,
    filterLists: compiled.filterLists,
    templates: compiled.templates,
    enable,
    disable,
    severity: selection.severity,
    frontmatter,
    detectSite: generator !== 'none',
    ignored,
  }
}

/**
 * The options of `runBatch` that follow from the command line and the
 * resolved settings alone: a batch (`main`) and `--diff` (a batch into a
 * temporary folder) add where and what to write.
 */
export function batchRunOptions(
  config: CliConfig,
  settings: RunSettings,
): Omit<BatchOptions, 'outDir' | 'cwd' | 'markdown' | 'json' | 'onFile'> {
  return {
    rules: settings.sources.rules,
    filterLists: settings.sources.filterLists,
    templates: settings.sources.templates,
    learnTemplates: config.learnTemplates,
    enable: settings.enable,
    disable: settings.disable,
    format: config.format,
    maxBytes: config.maxBytes,
    timeoutMs: config.timeoutMs,
    maxMemoryMb: config.maxMemoryMb,
    frontmatter: settings.frontmatter,
    detectSite: settings.detectSite,
    concurrency: config.concurrency,
    shard: config.shard,
  }
}

/**
 * Command-line arguments → a checked configuration, or a usage error.
 * Parsing only: nothing here touches the file system.
 */
import {parseArgs} from 'node:util'
import {UnknownRuleError} from '../index.js'
import {allRules, derivableFields, isTimeZone, ruleGroups, ruleIds, ruleNames, type RuleName, type DerivableField} from '../plugin-api.js'
import {DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, MIN_MAX_MEMORY_MB} from '../node/bounded.js'
import {DEFAULT_MAX_BYTES} from '../node/read.js'
import {parseShard, ShardError, type Shard} from '../node/shard.js'
import {reporterNames, type ReporterName} from '../report/finding.js'

/** A mistake in the command line: exit code 2 with this message. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface CliConfig {
  /** `batch` (clean into --out), `check` (`decruft check` / `--check`: report findings, or fix in place with --write). */
  mode: 'batch' | 'check'
  /** Files, directories and globs; empty in stdin mode. */
  operands: string[]
  /** Fix the inputs in place (check mode). */
  write: boolean
  /** How check mode reports. */
  reporter: ReporterName | undefined
  /** A config file given with --config; undefined: search for one. */
  configFile: string | undefined
  /** --no-config: use no config file. */
  noConfig: boolean
  /** Read stdin, write stdout (`decruft -`). */
  stdin: boolean
  /** JSONL stream mode (`--jsonl`): articles as JSON lines on stdin, results as JSON lines on stdout. */
  jsonl: boolean
  out: string | undefined
  markdown: boolean
  json: boolean
  rules: string[]
  filterLists: string[]
  enable: RuleName[]
  disable: RuleName[]
  format: boolean
  /** Frontmatter dialect (`--frontmatter`); checked against the rules once they are loaded. */
  dialect: string | undefined
  /** Site generator (`--generator`): `auto` (look for each article's site), `none`, or a generator's name; undefined: the config's, else `auto`. */
  generator: string | undefined
  /** Zone of dates written without one (`--timezone`). */
  zone: string | undefined
  /** Report frontmatter problems (`--strict`). */
  strict: boolean
  /** Fields to derive when missing (`--derive`). */
  derive: DerivableField[]
  quiet: boolean
  concurrency: number | undefined
  /** Clean only this shard of the listed articles (`--shard i/n`, a batch only). */
  shard: Shard | undefined
  maxBytes: number
  /** Time budget of one file in milliseconds (`--timeout`, given in seconds); 0: none. */
  timeoutMs: number
  /** Heap cap of one file's worker in MB (`--max-memory`); 0: none. */
  maxMemoryMb: number
  /** A saved site-template index to use (`--templates FILE`). */
  templates: string | undefined
  /** Where a batch writes the template index it used (`--save-templates FILE`). */
  saveTemplates: string | undefined
  /** Whether a batch learns site templates from its articles first (not with `--no-templates`). */
  learnTemplates: boolean
  /** Check mode: keep each file's findings in a cache and reuse them while nothing changed (`--cache`). */
  cache: boolean
  /** Where the cache is (`--cache-location`, a file or a directory); undefined: `.decruftcache` in the working directory. */
  cacheLocation: string | undefined
  /** Write the review report of a batch or check run to this HTML file (`--report`). */
  report: string | undefined
  help: boolean
  version: boolean
}

const options = {
  check: {type: 'boolean'},
  write: {type: 'boolean'},
  reporter: {type: 'string'},
  config: {type: 'string'},
  'no-config': {type: 'boolean'},
  out: {type: 'string', short: 'o'},
  md: {type: 'boolean'},
  json: {type: 'boolean'},
  rules: {type: 'string', multiple: true},
  'filter-list': {type: 'string', multiple: true},
  enable: {type: 'string', multiple: true},
  disable: {type: 'string', multiple: true},
  format: {type: 'boolean'},
  frontmatter: {type: 'string'},
  generator: {type: 'string'},
  timezone: {type: 'string'},
  strict: {type: 'boolean'},
  derive: {type: 'string', multiple: true},
  quiet: {type: 'boolean', short: 'q'},
  concurrency: {type: 'string'},
  shard: {type: 'string'},
  'max-size': {type: 'string'},
  timeout: {type: 'string'},
  'max-memory': {type: 'string'},
  templates: {type: 'string'},
  'save-templates': {type: 'string'},
  'no-templates': {type: 'boolean'},
  jsonl: {type: 'boolean'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  report: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
} as const

/** Parse `argv` (without `node` and the script). Throws {@link UsageError}. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
  } catch (error) {
    // parseArgs appends a long hint about `--` to unknown options; the first sentence says it all.
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(message.replace(/\. To specify a positional argument[\s\S]*$/, ''))
  }
  const {values} = parsed
  // `decruft check …` is the same as `decruft --check …`.
  const subcommand = parsed.positionals[0] === 'check'
  const positionals = subcommand ? parsed.positionals.slice(1) : parsed.positionals
  const config: CliConfig = {
    mode: subcommand || values.check === true || values.write === true ? 'check' : 'batch',
    write: values.write === true,
    reporter: values.reporter === undefined ? undefined : parseReporter(values.reporter),
    configFile: values.config,
    noConfig: values['no-config'] === true,
    operands: positionals.filter((operand) => operand !== '-'),
    stdin: positionals.includes('-'),
    jsonl: values.jsonl === true,
    out: values.out,
    // Neither flag: both outputs.
    markdown: values.md === true || values.json !== true,
    json: values.json === true || values.md !== true,
    rules: values.rules ?? [],
    filterLists: values['filter-list'] ?? [],
    enable: parseRuleNames(values.enable ?? [], '--enable'),
    disable: parseRuleNames(values.disable ?? [], '--disable'),
    format: values.format === true,
    dialect: values.frontmatter,
    generator: values.generator === undefined ? undefined : parseGenerator(values.generator),
    zone: values.timezone === undefined ? undefined : parseZone(values.timezone),
    strict: values.strict === true,
    derive: parseDerive(values.derive ?? []),
    quiet: values.quiet === true,
    concurrency: values.concurrency === undefined ? undefined : parseCount(values.concurrency, '--concurrency'),
    shard: values.shard === undefined ? undefined : parseShardOption(values.shard),
    maxBytes: values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']),
    timeoutMs: values.timeout === undefined ? DEFAULT_TIMEOUT_MS : parseTimeout(values.timeout),
    maxMemoryMb: values['max-memory'] === undefined ? DEFAULT_MAX_MEMORY_MB : parseMemory(values['max-memory']),
    templates: values.templates,
    saveTemplates: values['save-templates'],
    learnTemplates: values['no-templates'] !== true,
    cache: values.cache === true,
    cacheLocation: values['cache-location'],
    report: values.report,
    help: values.help === true,
    version: values.version === true,
  }
  if (config.help || config.version) return config
  if (config.templates === '') throw new UsageError('--templates: expected a file (a template index saved with --save-templates)')
  if (config.saveTemplates === '') throw new UsageError('--save-templates: expected a file to write the template index to')
  if (config.mode === 'check' || config.stdin) {
    const option = config.saveTemplates !== undefined ? '--save-templates' : values['no-templates'] === true ? '--no-templates' : undefined
    if (option)
      throw new UsageError(
        `${option} is for a batch (a batch learns site templates; ${config.stdin ? '`-`' : 'check mode'} only reads them with --templates)`,
      )
  }
  checkCacheOptions(config)
  checkReportOption(config)
  if (config.shard !== undefined && (config.mode === 'check' || config.stdin || config.jsonl))
    throw new UsageError(
      `--shard is for a batch (it splits the articles of a folder run), not for ${config.jsonl ? '--jsonl (the engine feeding the stream splits it)' : config.stdin ? '`-`' : 'check mode'}`,
    )
  if (config.jsonl) {
    checkStreamOptions(config, values)
    return config
  }
  if (config.mode === 'check') {
    checkCheckOperands(config, values)
    return config
  }
  if (config.reporter !== undefined) throw new UsageError('--reporter is for check mode (decruft check …)')
  checkOperands(config, values.md === true && values.json === true)
  return config
}

function checkCheckOperands(
  config: CliConfig,
  values: {out?: string | undefined; md?: boolean | undefined; json?: boolean | undefined; format?: boolean | undefined},
): void {
  if (config.stdin) throw new UsageError('check mode reads files: `-` (stdin) cannot be used with it')
  if (values.out !== undefined)
    throw new UsageError('check mode writes no outputs: --out cannot be used with it (use --write to fix files in place)')
  if (values.md === true || values.json === true)
    throw new UsageError('check mode writes no outputs: --md and --json cannot be used with it (see --reporter)')
  if (values.format === true) throw new UsageError('--format cannot be used in check mode')
  if (config.operands.length === 0) throw new UsageError('no input: give files, directories or globs to check')
}

/** `--jsonl` reads stdin and writes stdout, both Markdown and record per line; it never learns templates. */
function checkStreamOptions(config: CliConfig, values: {md?: boolean | undefined; json?: boolean | undefined}): void {
  if (config.mode === 'check') throw new UsageError('--jsonl cannot be used in check mode')
  if (config.reporter !== undefined) throw new UsageError('--reporter is for check mode (decruft check …)')
  if (config.stdin || config.operands.length > 0) throw new UsageError('--jsonl reads its articles from stdin: give no files (nor -)')
  if (config.out !== undefined) throw new UsageError('--jsonl writes to stdout; --out cannot be used with it (see decruft unpack)')
  if (values.md === true || values.json === true)
    throw new UsageError('--jsonl writes the Markdown and the record of each article: --md and --json cannot be used with it')
  if (config.saveTemplates !== undefined)
    throw new UsageError('--save-templates is for a batch: --jsonl never learns templates (see decruft templates learn --jsonl)')
}

function checkCacheOptions(config: CliConfig): void {
  if (config.cacheLocation !== undefined && !config.cache) throw new UsageError('--cache-location needs --cache')
  if (config.cacheLocation === '') throw new UsageError('--cache-location: expected a file or a directory')
  if (config.cache && config.mode !== 'check') throw new UsageError('--cache is for check mode (decruft check --cache …)')
}

/** `--report` reads the removals of a run over files: a batch or check mode, not `-` nor `--jsonl`. */
function checkReportOption(config: CliConfig): void {
  if (config.report === undefined) return
  if (config.report === '') throw new UsageError('--report: expected an HTML file to write the review report to')
  if (config.stdin || config.jsonl)
    throw new UsageError(`--report is for a batch or check mode (a run over files), not for ${config.jsonl ? '--jsonl' : '`-`'}`)
}

function parseReporter(value: string): ReporterName {
  if (!(reporterNames as readonly string[]).includes(value)) {
    throw new UsageError(`--reporter: unknown reporter \`${value}\` (reporters: ${reporterNames.join(', ')})`)
  }
  return value as ReporterName
}

function checkOperands(config: CliConfig, bothOutputs: boolean): void {
  if (config.stdin) {
    if (config.operands.length > 0) throw new UsageError('`-` (stdin) cannot be combined with files')
    if (config.out !== undefined) throw new UsageError('`-` writes to stdout; --out cannot be used with it')
    if (bothOutputs) throw new UsageError('`-` writes one output to stdout: choose --md or --json')
    return
  }
  if (config.operands.length === 0) throw new UsageError('no input: give files, directories or globs (or - for stdin)')
  if (config.out === undefined || config.out === '') throw new UsageError('missing --out <dir>')
}

/** `--disable a --disable b,c` → [a, b, c], each a known rule id or group. */
function parseRuleNames(values: readonly string[], option: string): RuleName[] {
  const names = [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ]
  try {
    return ruleNames(names)
  } catch (error) {
    if (error instanceof UnknownRuleError) throw new UsageError(`${option}: ${error.message}`)
    throw error
  }
}

/** `auto`, `none`, or a name (checked against the rules' dialects once they are loaded). */
function parseGenerator(value: string): string {
  if (value.trim() === '') throw new UsageError('--generator: expected auto, none, or a generator (jekyll, hugo, hexo, astro)')
  return value.trim()
}

function parseZone(value: string): string {
  if (!isTimeZone(value)) {
    throw new UsageError(
      `--timezone: unknown time zone \`${value}\` (use an IANA name such as Europe/Paris, UTC, or an offset such as +05:30)`,
    )
  }
  return value
}

/** `--derive slug,description` → the fields, each one decruft can derive. */
function parseDerive(values: readonly string[]): DerivableField[] {
  const names = [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ]
  for (const name of names) {
    if (!(derivableFields as readonly string[]).includes(name)) {
      throw new UsageError(`--derive: cannot derive \`${name}\` (derivable: ${derivableFields.join(', ')})`)
    }
  }
  return names as DerivableField[]
}

/** `--shard 2/8` → shard 2 of 8 (0-based, as Kubernetes' JOB_COMPLETION_INDEX). */
function parseShardOption(value: string): Shard {
  try {
    return parseShard(value)
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(`--shard: ${error.message}`)
    throw error
  }
}

function parseCount(value: string, name: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`${name}: expected a positive whole number, got \`${value}\``)
  return Number(value)
}

const SIZE_UNITS: Record<string, number> = {'': 1, k: 1024, m: 1024 * 1024}

/** `5242880`, `512k`, `5M`, `5MiB` → bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*([km]?)(?:i?b)?$/i.exec(value.trim())
  if (!match || Number(match[1]) === 0) {
    throw new UsageError(`--max-size: expected a size such as 5M, 512K or 1048576, got \`${value}\``)
  }
  return Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!
}

/** `--timeout 60`, `--timeout 2.5` (seconds) → milliseconds; `0`: no limit. */
function parseTimeout(value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()))
    throw new UsageError(`--timeout: expected seconds such as 60 or 2.5 (0: no limit), got \`${value}\``)
  return Math.round(Number(value.trim()) * 1000)
}

const MEMORY_UNITS: Record<string, number> = {'': 1, m: 1, g: 1024}

/** `--max-memory 2048`, `512M`, `2G`, `2GiB` → MB; `0`: no cap. */
function parseMemory(value: string): number {
  const match = /^(\d+)\s*([mg]?)(?:i?b)?$/i.exec(value.trim())
  const megabytes = match ? Number(match[1]) * MEMORY_UNITS[match[2]!.toLowerCase()]! : Number.NaN
  if (!(megabytes === 0 || megabytes >= MIN_MAX_MEMORY_MB)) {
    throw new UsageError(
      `--max-memory: expected megabytes such as 2048, 512M or 2G (at least ${MIN_MAX_MEMORY_MB}M; 0: no cap), got \`${value}\``,
    )
  }
  return megabytes
}

export const HELP = `Usage: decruft <files|dirs|globs…> --out <dir> [options]
       decruft - [--json] [options]
       decruft check [--write] [--reporter <name>] <files|dirs|globs…> [options]
       decruft --jsonl [options] < articles.jsonl > results.jsonl
       decruft pack <files|dirs|globs…> [-o file.jsonl]
       decruft unpack [file.jsonl|-] -o <dir>
       decruft templates learn [<files|dirs|globs…>] [--jsonl] [--shard i/n] -o <index.json>
       decruft templates merge <index.json…> -o <out.json>

Clean scraped Markdown articles: remove ads, affiliate links, tracking
parameters, link farms, feed footers and repeated paragraphs, sanitise the
HTML that stays, normalise frontmatter, and record every removal.
Directories are searched for *.md and *.markdown; <in>/<path>.md is written
to <out>/<path>.md and its record to <out>/<path>.json. Inputs are never
modified. With -, the article is read from stdin and the clean Markdown (or,
with --json, the JSON record) is written to stdout.

With --jsonl, each stdin line is an article {"id", "text", "path"?, …} and
each stdout line, in the same order, its result {"id", "path"?, "markdown",
"record", …} or {"id", "line", "error": {"code", "message"}} (exit code 3
if any); other fields pass through (docs/jsonl.md). pack and unpack turn a
folder into such lines and results back into a folder.

Check mode (decruft check, or --check): report what a clean would remove,
one finding per line as path:line:col  rule-id  message, then a count; the
files are not modified. With --write, fix them in place instead.
      --check            check mode (same as the check command)
      --write            fix the files in place, atomically, only those that
                         change (implies check mode)
      --reporter <name>  pretty (default), json, sarif, github
      --config <file>    use this config file (default: search upwards for
                         decruft.config.*, .decruftrc*, package.json "decruft")
      --no-config        use no config file
      --cache            reuse the findings of files unchanged since the last
                         run with the same settings (kept in .decruftcache)
      --cache-location <path>  the cache file, or a directory for it

Options:
  -o, --out <dir>        directory to write to (created if missing; not an
                         input folder, nor inside or around one)
      --md               write the clean Markdown only
      --json             write the JSON record only (default: both)
      --rules <file>     rules file (YAML) merged over the defaults; repeatable
      --enable <id>      switch a rule or group on (e.g. boilerplate, off by
                         default); repeatable, or comma-separated
      --disable <id>     switch a rule or group off; repeatable, or comma-separated
      --filter-list <file>  Adblock Plus / EasyList filter list: its element
                         and network rules remove matching embedded HTML,
                         links, images and iframes; repeatable
      --format           re-serialise the Markdown in a canonical style
      --frontmatter <dialect>  write frontmatter for a site generator:
                         canonical, hugo, jekyll, hexo, astro (or one from a
                         rules file); default: tidy values in place
      --generator <name> the site generator the articles are for: auto (default:
                         found from the site's files up the tree), none, jekyll,
                         hugo, hexo, astro; values it reads stay as written
      --timezone <zone>  zone of dates written without one, and of dates
                         written (IANA name or +05:30; default: the site's
                         own, else none: such dates stay without one)
      --strict           report missing required frontmatter keys and values
                         of the wrong type (exit code 1)
      --derive <fields>  fill in missing fields: slug, description, date;
                         comma-separated or repeatable
      --max-size <size>  refuse larger inputs (default 1M; e.g. 512K, 5M)
      --timeout <seconds>  give up on a file that takes longer to clean
                         (default 60; 0: no limit); it fails, the rest go on
      --max-memory <size>  memory one file may use (default 2G, at least
                         64M; 0: no cap); past it the file fails, the rest go on
      --concurrency <n>  worker threads for large batches (default: cores - 1
                         on 3+ cores, else in-process; see README)
      --shard <i/n>      clean only shard i (0 … n-1) of the listed articles,
                         chosen by a hash of each relative path: n machines
                         split a folder, their outputs add up to one run
      --templates <file> a site-template index (saved with --save-templates):
                         the site-template rule removes the blocks it shows
                         to be the site's template (batch, check and -)
      --save-templates <file>  write the template index the batch used
      --no-templates     a batch cleans in one pass, without first learning
                         its sites' templates from its articles
      --report <file.html>  write one self-contained HTML page to review
                         the run's removals and choose what to keep (batch
                         and check; docs/report.md)
  -q, --quiet            no progress, notes or summary; failures only
  -h, --help             show this help
  -v, --version          show the version

Rules: ${ruleIds.join(', ')}
Groups: ${[...ruleGroups].map(([group, ids]) => `${group} (${ids.join(', ')})`).join('; ')}
Off by default: ${allRules
  .filter((rule) => rule.meta.enabledByDefault === false)
  .map((rule) => `${rule.meta.id} (group ${rule.meta.group})`)
  .join(', ')}

Exit codes: 0 all cleaned (check: nothing found); 1 findings (check mode),
or --strict found frontmatter problems (the articles are written); 2 bad
usage, options, config or rules file, or an --out that cannot be used; 3
some inputs could not be read, cleaned or written (each named on stderr;
their old files stay; the others are done).
`

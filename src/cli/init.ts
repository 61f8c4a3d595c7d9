/**
 * `decruft init`: write a starting config, `.decruftrc.yaml`, in the working
 * directory. Every setting is there, commented out, with its default value
 * (each rule with its default, `off` or `error`, and what it removes), so
 * uncommenting a line changes exactly that setting; uncommenting every
 * setting line gives a config that means the defaults. Settings without a
 * default value (a frontmatter dialect, a time zone) are described in prose.
 * The rules are listed from the rules themselves, so the file stays true.
 *
 * It refuses (exit code 2) to overwrite an existing `.decruftrc.yaml`
 * unless `--force`, and to write one beside another config file of the same
 * folder (`.decruftrc.json`, a `decruft` key in `package.json`, …), which
 * would leave two configs of which decruft reads one.
 */
import {open, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {allRules, ruleGroups} from '../plugin-api.js'
import {CONFIG_SEARCH_PLACES} from '../node/config.js'
import {describeSystemError} from '../node/read.js'
import {writeFileSafely} from '../node/write.js'

/** The file `decruft init` writes. */
export const INIT_FILE = '.decruftrc.yaml'

export const INIT_HELP = `Usage: decruft init [--force]

Write a starting config, ${INIT_FILE}, in this folder: every setting
commented out with its default. An existing ${INIT_FILE} is kept unless
--force; a folder with another config file is refused.
      --force            overwrite an existing ${INIT_FILE}
  -q, --quiet            no note on success
  -h, --help             show this help
`

/** A rule's description cut to fit one comment line. */
function shortDescription(description: string): string {
  const first = description.split(/:\s|\s\(|\.\s|\.$/)[0]?.trim() ?? ''
  if (first.length <= 64) return first
  const cut = first.slice(0, 64)
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;]$/, '')} …`
}

/** The text of the starting config. */
export function initialConfig(): string {
  const width = Math.max(...allRules.map((rule) => rule.meta.id.length)) + ': error'.length
  const ruleLines = allRules.map((rule) => {
    const setting = `${rule.meta.id}: ${rule.meta.enabledByDefault === false ? 'off' : 'error'}`
    const note = `${shortDescription(rule.meta.description)} (${rule.meta.group}${rule.meta.enabledByDefault === false ? ', off by default' : ''})`
    return `#   ${setting.padEnd(width)}  # ${note}`
  })
  const groups = [...ruleGroups.keys()].join(', ')
  return `# decruft configuration, written by \`decruft init\`.
# Every setting is commented out and shows its default: uncomment a line
# (and its section's line above it) to change it. Paths are relative to
# this file's folder. Reference: docs/check-and-hooks.md, "Configuration".

# Each rule is off, warn (reported but not failing the check; a fix still
# removes what it finds) or error. A group of rules may be set as one
# (${groups}); a rule's own line wins.
# rules:
${ruleLines.join('\n')}

# Rules files (YAML) merged over the default rules, in order, e.g. [rules/site.yaml].
# rulesFiles: []

# Adblock Plus / EasyList filter lists for the filter-list rule.
# filterLists: []

# Files to skip, gitignore-style (a .decruftignore file beside this one adds more).
# ignore: []

# How frontmatter is written.
# frontmatter:
#   generator: auto  # the site generator: auto (found from the site's files), none, jekyll, hugo, hexo, astro
#   strict: false    # report missing required keys and values of the wrong type
#   derive: []       # fill in missing fields: slug, description, date
#   dialect, no default (values are tidied in place, keeping the author's keys):
#     canonical, hugo, jekyll, hexo or astro writes that generator's keys
#   timezone, no default (the site's own, else none): an IANA name such as
#     Europe/Paris, UTC, or an offset such as +05:30
`
}

/** A config file in `dir` other than {@link INIT_FILE}, if any (a `package.json` counts only with a `decruft` key). */
async function otherConfig(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_SEARCH_PLACES) {
    if (name === INIT_FILE) continue
    let text: string
    try {
      text = await readFile(join(dir, name), 'utf8')
    } catch {
      continue
    }
    if (name !== 'package.json') return name
    try {
      const data = JSON.parse(text) as unknown
      if (typeof data === 'object' && data !== null && 'decruft' in data) return 'package.json (its `decruft` key)'
    } catch {
      // Not JSON: not a config decruft reads either.
    }
  }
  return undefined
}

/** Run `decruft init` (`argv` after `init`); resolves to the exit code. */
export async function runInit(
  argv: readonly string[],
  io: {cwd: string; stdout: {write(text: string): unknown}; report: (message: string) => void},
): Promise<0 | 2 | 3> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {force: {type: 'boolean'}, quiet: {type: 'boolean', short: 'q'}, help: {type: 'boolean', short: 'h'}},
      allowPositionals: false,
      strict: true,
    })
  } catch (error) {
    io.report(
      `init: ${(error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument[\s\S]*$/, '')}`,
    )
    return 2
  }
  if (parsed.values.help === true) {
    io.stdout.write(INIT_HELP)
    return 0
  }
  const other = await otherConfig(io.cwd)
  if (other !== undefined) {
    io.report(`init: this folder has a config already: ${other} (edit it, or remove it and run decruft init again)`)
    return 2
  }
  const file = join(io.cwd, INIT_FILE)
  const text = initialConfig()
  try {
    if (parsed.values.force === true) {
      await writeFileSafely(file, text, {fsync: true})
    } else {
      // `wx`: created only if absent, so a config written meanwhile is not replaced either.
      const handle = await open(file, 'wx')
      try {
        await handle.writeFile(text)
        await handle.sync()
      } catch (error) {
        // Not half a config: the file is ours, created just now.
        await handle.close()
        await rm(file, {force: true})
        throw error
      }
      await handle.close()
    }
  } catch (error) {
    if ((error as {code?: unknown}).code === 'EEXIST') {
      io.report(`init: ${INIT_FILE} exists already; kept (use --force to overwrite it)`)
      return 2
    }
    io.report(`init: cannot write ${INIT_FILE}: ${describeSystemError(error)}`)
    return 3
  }
  if (parsed.values.quiet !== true) io.report(`wrote ${INIT_FILE}: every setting commented out with its default`)
  return 0
}

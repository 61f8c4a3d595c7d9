/**
 * The rules-file snippet the review report writes: one `keep` entry per
 * "keep this" choice, as YAML that `--rules` reads (docs/rules.md, "Keeping
 * what a rule removes"). Pure and shared: the page's script bundles it
 * (src/report/html/client), the tests run it in Node.
 *
 * Every scalar is written as a JSON string, which YAML reads as a
 * double-quoted scalar, so a path, URL or note taken from a scraped article
 * can never break out of its value. Ids are kebab-case and say what they
 * keep: `keep-<textHash>`, `keep-url-…`, `keep-host-…`, `keep-<rule>-in-…`.
 *
 * @example
 *   keepSnippet([keepEntryFor({kind: 'text', rule: 'ad-block', path: 'blog/a.md', textHash: '3f2a9c1b0d4e5f60'})])
 *   // keep:
 *   //   - id: "keep-3f2a9c1b0d4e5f60"
 *   //     note: "kept in review (ad-block in blog/a.md)"
 *   //     rule: "ad-block"
 *   //     textHash: "3f2a9c1b0d4e5f60"
 */

/** What the reviewer chose to keep: this text, this URL, this host, or the rule in this folder. */
export type KeepKind = 'text' | 'url' | 'host' | 'folder'

/** One "keep this" choice, as the page makes it. */
export interface KeepChoice {
  kind: KeepKind
  /** The rule that made the removal. */
  rule: string
  /** The article's path (as the run displayed it, POSIX). */
  path: string
  /** `keepHash` of the removed text (kind `text`). */
  textHash?: string | undefined
  /** The URL (kind `url`) or host (kind `host`) chosen. */
  url?: string | undefined
  host?: string | undefined
}

/** An entry of a rules file's `keep` section. */
export interface KeepEntry {
  id: string
  note: string
  rule?: string | undefined
  textHash?: string | undefined
  url?: string | undefined
  host?: string | undefined
  paths?: string[] | undefined
}

/** 32-bit FNV-1a of a string, as 8 hex digits: short, stable ids for URLs and folders (not a security hash). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** `text` as a kebab-case id part: lower case, runs of other characters as one `-`, at most 40 characters. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'x'
  )
}

/** The folder of a POSIX path with a trailing slash (`blog/post.md` → `blog/`), or `''` at the top. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash + 1)
}

/**
 * The `keep` entry a choice writes. Text, URL and host entries also name the
 * rule, so they keep only what that rule removes; a folder choice switches
 * the rule off under the article's folder (every article, for an article at
 * the top).
 */
export function keepEntryFor(choice: KeepChoice): KeepEntry {
  const where = `${choice.rule} in ${choice.path}`
  switch (choice.kind) {
    case 'text':
      return {id: `keep-${choice.textHash ?? ''}`, note: `kept in review (${where})`, rule: choice.rule, textHash: choice.textHash}
    case 'url': {
      const url = choice.url ?? ''
      return {id: `keep-url-${slug(choice.rule)}-${shortHash(url)}`, note: `URL kept in review (${where})`, rule: choice.rule, url}
    }
    case 'host': {
      const host = choice.host ?? ''
      return {id: `keep-host-${slug(choice.rule)}-${slug(host)}`, note: `host kept in review (${where})`, rule: choice.rule, host}
    }
    case 'folder': {
      const folder = folderOf(choice.path)
      return folder === ''
        ? {id: `keep-${slug(choice.rule)}-everywhere`, note: `rule switched off in review (${where})`, rule: choice.rule}
        : {
            id: `keep-${slug(choice.rule)}-in-${shortHash(folder)}`,
            note: `rule switched off for ${folder} in review (${where})`,
            rule: choice.rule,
            paths: [folder],
          }
    }
  }
}

/**
 * Entries merged by id, in the order first chosen: a second choice with the
 * same id but another rule (one text removed by two rules) keeps the text
 * whatever the rule.
 */
export function mergeKeepEntries(entries: readonly KeepEntry[]): KeepEntry[] {
  const byId = new Map<string, KeepEntry>()
  for (const entry of entries) {
    const seen = byId.get(entry.id)
    if (seen === undefined) byId.set(entry.id, {...entry})
    else if (seen.rule !== entry.rule) seen.rule = undefined
  }
  return [...byId.values()]
}

const FIELDS = ['note', 'rule', 'textHash', 'url', 'host'] as const

/** The YAML rules file holding `entries` (merged by id); an empty `keep: []` for none. */
export function keepSnippet(entries: readonly KeepEntry[]): string {
  const merged = mergeKeepEntries(entries)
  const head = '# decruft rules file written by the review report: use it with --rules (docs/report.md)\n'
  if (merged.length === 0) return `${head}keep: []\n`
  const lines = [`${head}keep:`]
  for (const entry of merged) {
    lines.push(`  - id: ${JSON.stringify(entry.id)}`)
    for (const field of FIELDS) {
      const value = entry[field]
      if (value !== undefined) lines.push(`    ${field}: ${JSON.stringify(value)}`)
    }
    if (entry.paths) lines.push(`    paths: [${entry.paths.map((path) => JSON.stringify(path)).join(', ')}]`)
  }
  return `${lines.join('\n')}\n`
}

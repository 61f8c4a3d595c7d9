/**
 * The clean-Markdown check: hand-written READMEs and docs (from
 * `node_modules`, present after `npm ci`) must come out of the chrome rules
 * untouched. Used by `npm run eval -- --clean` and tests/clean-docs.test.ts.
 *
 * Which rules: every rule of the registry whose group is `chrome` (read from
 * the registry, not listed here, so a rule added to the group is checked
 * without editing this file). While no rule has that group the check still
 * lists and cleans the files (so the harness is exercised) and says plainly
 * that there was nothing to check.
 *
 * Which files: every `.md`/`.markdown` file under the folder (symlinks not
 * followed), except change logs, licences and codes of conduct (not prose
 * a scraper would meet) and files over {@link MAX_BYTES}; sorted by path in
 * code-point order, so the selection depends only on the lockfile.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

/** The group of the rules this check holds to "remove nothing". */
export const CHROME_GROUP = 'chrome'
/** Bigger files are left out (a generated API dump is not a hand-written doc, and costs time). */
export const MAX_BYTES = 200_000

const MARKDOWN = /\.(?:md|markdown)$/i
const NOT_DOCS =
  /^(?:change-?log|changes|history|licen[cs]e|copying|code[-_]of[-_]conduct|security|authors|contributors)(?:[-_.].*)?\.(?:md|markdown)$/i

/**
 * @typedef {object} DocFile
 * @property {string} path Absolute path.
 * @property {string} file Path relative to the scanned folder, with `/`.
 * @property {string} package The package it belongs to (`@scope/name` or `name`; the innermost `node_modules`).
 */

/**
 * The package a path under `node_modules` belongs to.
 *
 * @param {string} file Relative path with `/`.
 */
export function packageOf(file) {
  const parts = file.split('/')
  const at = parts.lastIndexOf('node_modules')
  const rest = at === -1 ? parts : parts.slice(at + 1)
  if (rest[0]?.startsWith('@') && rest.length > 1) return `${rest[0]}/${rest[1]}`
  return rest[0] ?? file
}

/**
 * The README and docs files under `root`, in a deterministic order.
 *
 * @param {string} root Usually `node_modules`.
 * @returns {DocFile[]}
 */
export function listDocFiles(root) {
  /** @type {DocFile[]} */
  const found = []
  for (const entry of readdirSync(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !MARKDOWN.test(entry.name) || NOT_DOCS.test(entry.name)) continue
    const path = join(entry.parentPath ?? entry.path, entry.name)
    const file = relative(root, path).split(sep).join('/')
    if (file.startsWith('.') || file.includes('/.')) continue
    if (statSync(path).size > MAX_BYTES) continue
    found.push({path, file, package: packageOf(file)})
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/**
 * The inputs of the `keeps-*` fixtures of rules outside `exclude` (legitimate
 * content another rule's tests show must survive), and the clean sample
 * articles: hand-made precision cases next to the docs.
 *
 * @param {string} fixtures `tests/fixtures`
 * @param {readonly string[]} exclude Rule ids whose own fixtures are left out (the chrome rules judge theirs).
 * @returns {DocFile[]}
 */
export function listKeepsFixtures(fixtures, exclude) {
  /** @type {DocFile[]} */
  const found = []
  for (const rule of readdirSync(fixtures, {withFileTypes: true})) {
    if (!rule.isDirectory() || exclude.includes(rule.name)) continue
    for (const fixture of readdirSync(join(fixtures, rule.name), {withFileTypes: true})) {
      if (!fixture.isDirectory() || !fixture.name.startsWith('keeps-')) continue
      const path = join(fixtures, rule.name, fixture.name, 'input.md')
      try {
        statSync(path)
      } catch {
        continue
      }
      found.push({path, file: `${rule.name}/${fixture.name}/input.md`, package: `fixtures/${rule.name}`})
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/**
 * The ids of the registry's rules in the chrome group.
 *
 * @param {ReadonlyArray<{meta: {id: string, group: string}}>} registry
 * @returns {string[]}
 */
export function chromeRuleIds(registry) {
  return registry.filter((rule) => rule.meta.group === CHROME_GROUP).map((rule) => rule.meta.id)
}

/**
 * @typedef {object} DocRemoval
 * @property {string} file
 * @property {string} rule
 * @property {number} line
 * @property {string} reason
 * @property {string} text
 */
/**
 * @typedef {object} CleanDocsResult
 * @property {string[]} ruleIds The chrome rules checked (empty: nothing to check yet).
 * @property {number} files Files listed.
 * @property {number} checked Files cleaned.
 * @property {string[]} packages Packages the checked files belong to, sorted.
 * @property {Array<{file: string, message: string}>} refused Files clean() refused (too big, a parse hazard): not checked.
 * @property {DocRemoval[]} removals What the chrome rules removed (must be empty).
 */

/**
 * Clean each file with the default rules (so the chrome rules see what the
 * earlier rules removed, as in a real run) and collect what the chrome
 * rules removed.
 *
 * @param {readonly DocFile[]} files
 * @param {{clean: (text: string, options: {path?: string, enable?: readonly any[]}) => {removals: ReadonlyArray<{rule: string, reason: string, text: string, start: {line: number}}>}, registry: ReadonlyArray<{meta: {id: string, group: string}}>}} library
 * @returns {CleanDocsResult}
 */
export function checkCleanDocs(files, {clean, registry}) {
  const ruleIds = chromeRuleIds(registry)
  const chrome = new Set(ruleIds)
  /** @type {CleanDocsResult} */
  const result = {ruleIds, files: files.length, checked: 0, packages: [], refused: [], removals: []}
  /** @type {Set<string>} */
  const packages = new Set()
  for (const doc of files) {
    const text = readFileSync(doc.path, 'utf8')
    let removals
    try {
      // `enable` switches on a chrome rule that is off by default (by id: the same as the group).
      removals = clean(text, {path: doc.file, enable: ruleIds}).removals
    } catch (error) {
      result.refused.push({file: doc.file, message: error instanceof Error ? error.message : String(error)})
      continue
    }
    result.checked++
    packages.add(doc.package)
    for (const removal of removals) {
      if (!chrome.has(removal.rule)) continue
      result.removals.push({file: doc.file, rule: removal.rule, line: removal.start.line, reason: removal.reason, text: removal.text})
    }
  }
  result.packages = [...packages].sort()
  return result
}

/**
 * Precision on clean Markdown: the READMEs and docs in node_modules (present
 * after `npm ci`; ≥ 200 files, chosen by scripts/lib/clean-docs.js in path
 * order) are hand-written pages with badges, link lists and TOCs but no page
 * chrome, so the chrome rules (the registry's group `chrome`) must remove
 * nothing from them. Every removal is printed in the failure message.
 *
 * The same holds for the inputs of the other rules' keeps-* fixtures.
 *
 * While the registry has no rule in that group, the files are still listed
 * and cleaned (the harness runs), and the test says so instead of checking.
 */
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {checkCleanDocs, chromeRuleIds, listDocFiles, listKeepsFixtures, packageOf} from '../scripts/lib/clean-docs.js'
import {clean} from '../src/index.js'
import {registry} from '../src/plugin-api.js'
import {tree} from './support/temp-tree.js'

const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url))

describe('clean-docs selection', () => {
  it('names the package of a nested or scoped path', () => {
    expect(packageOf('unified/readme.md')).toBe('unified')
    expect(packageOf('@biomejs/biome/README.md')).toBe('@biomejs/biome')
    expect(packageOf('a/node_modules/@s/b/docs/x.md')).toBe('@s/b')
  })

  it('lists at least 200 README/docs files, sorted, without change logs or licences', () => {
    const files = listDocFiles(nodeModules)
    expect(files.length).toBeGreaterThanOrEqual(200)
    const names = files.map((file) => file.file)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(names.filter((name) => /(?:^|\/)(?:changelog|license)\.md$/i.test(name))).toEqual([])
  })
})

describe('checkCleanDocs', () => {
  it('reports every removal of the rules in the group, and none of the others', () => {
    // A stand-in registry that puts link-farm in the chrome group: the check must then see its removal (and not ad-slot's).
    const root = tree({
      'pkg/README.md':
        '# Pkg\n\nText of the readme.\n\n**Also read:** [One post about this](https://s.example/1)\n\n<ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins>\n',
    })
    const files = listDocFiles(root)
    expect(files.map((file) => `${file.package} ${file.file}`)).toEqual(['pkg pkg/README.md'])
    const stand = registry.map((rule) => ({meta: {id: rule.meta.id, group: rule.meta.id === 'link-farm' ? 'chrome' : 'other'}}))
    const result = checkCleanDocs(files, {clean, registry: stand})
    expect(result.ruleIds).toEqual(['link-farm'])
    expect(result.removals.map((removal) => `${removal.file}:${removal.line} ${removal.rule}`)).toEqual(['pkg/README.md:5 link-farm'])
  })
})

describe('the chrome rules on clean Markdown (node_modules READMEs and docs)', () => {
  it('remove nothing', () => {
    const files = listDocFiles(nodeModules)
    const result = checkCleanDocs(files, {clean, registry})
    expect(result.checked, `refused: ${JSON.stringify(result.refused)}`).toBeGreaterThanOrEqual(200)
    const shown = result.removals.map(
      (removal) => `${removal.file}:${removal.line} ${removal.rule}: ${removal.reason}\n    ${JSON.stringify(removal.text.slice(0, 300))}`,
    )
    if (result.ruleIds.length === 0) {
      console.info(`clean-docs: no rule in group "chrome" yet: ${result.checked} files cleaned, nothing to check`)
    }
    expect(result.ruleIds).toEqual(chromeRuleIds(registry))
    expect(shown, `${shown.length} removal(s) by ${result.ruleIds.join(', ')} in clean docs`).toEqual([])
  }, 300_000)
})

describe("the chrome rules on the other rules' keeps-* fixtures", () => {
  it('remove nothing', () => {
    const chrome = chromeRuleIds(registry)
    const files = listKeepsFixtures(fixtures, chrome)
    expect(files.length).toBeGreaterThanOrEqual(50)
    const result = checkCleanDocs(files, {clean, registry})
    expect(result.refused).toEqual([])
    expect(
      result.removals.map((removal) => `${removal.file}:${removal.line} ${removal.rule}: ${JSON.stringify(removal.text.slice(0, 200))}`),
    ).toEqual([])
  }, 120_000)
})

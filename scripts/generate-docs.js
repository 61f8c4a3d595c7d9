#!/usr/bin/env node
// Write docs/rules/<id>.md for every rule, from its meta, its default rules
// (rules/default/<id>.yaml) and its fixtures (tests/fixtures/<id>/), so the
// examples in the docs are the fixtures the tests run. Pages of rules that no
// longer exist are removed. Run after `npm run build` (`npm run docs:generate`
// does both); tests/docs-generated.test.ts fails when a committed page differs.
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {renderRuleDocs} from './lib/rule-docs.js'

/**
 * The rules to document, in pipeline order: the registry's
 * (`src/rules/index.ts`), the one place this script learns which rules exist.
 * @returns {Promise<import('./lib/rule-docs.js').RuleMeta[]>}
 */
async function loadRuleMetas() {
  const {registry} = await import('../dist/plugin-api.js')
  return registry.map((/** @type {{meta: import('./lib/rule-docs.js').RuleMeta}} */ rule) => rule.meta)
}

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = `${root}docs/rules/`
const pages = renderRuleDocs(root, await loadRuleMetas())
mkdirSync(dir, {recursive: true})
for (const file of readdirSync(dir)) if (file.endsWith('.md') && !pages.has(file)) rmSync(`${dir}${file}`)
for (const [file, text] of pages) writeFileSync(`${dir}${file}`, text)
console.log(`wrote ${pages.size} pages in docs/rules/`)

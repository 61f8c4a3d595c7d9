// Read the default rules: every rules/default/*.yaml, in name order, merged
// into one rules object (each file holds its own sections).
import {readdirSync, readFileSync} from 'node:fs'
import {parseRules} from '../../dist/ruleset/load.js'
import {mergeRules} from '../../dist/ruleset/merge.js'

/**
 * @param {string} root the project root, ending in `/`
 * @returns {import('../../dist/ruleset/schema.js').RulesData}
 */
export function readDefaultRules(root) {
  const names = readdirSync(`${root}rules/default`)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
  /** @type {import('../../dist/ruleset/schema.js').RulesData} */
  let data = {version: 1}
  for (const name of names) {
    const file = `rules/default/${name}`
    data = mergeRules(data, parseRules(readFileSync(`${root}${file}`, 'utf8'), file))
  }
  return data
}

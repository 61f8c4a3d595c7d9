import type {RulesData} from '../../src/ruleset/schema.js'
export function readDefaultRules(root: string): RulesData

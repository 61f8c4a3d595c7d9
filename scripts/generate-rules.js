#!/usr/bin/env node
// Regenerate what is derived from rules/: the embedded default rule data
// (src/ruleset/default-rules.ts, so the library needs no file system) and
// the JSON Schemas for editors (rules/schema.json, schema/record.schema.json).
// Run after `npm run build`. Also writes the stopword lists of the languages
// page-chrome weighs (src/rules/page-chrome/stopwords.generated.ts), taken
// from the stopwords-iso devDependency, so the library reads no file at run
// time and carries only the languages rules/default/page-chrome.yaml lists.
import {mkdirSync, writeFileSync} from 'node:fs'
import {readStopwordsIso, stopwordsModule} from './lib/stopwords.js'
import {fileURLToPath} from 'node:url'
import {readDefaultRules} from './lib/default-rules.js'
import {rulesJsonSchema} from '../dist/ruleset/schema.js'
import {recordJsonSchema} from '../dist/record-schema.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const data = readDefaultRules(root)
const dialects = (data.frontmatter?.dialects ?? []).map((dialect) => JSON.stringify(dialect.id)).join(' | ') || 'never'
writeFileSync(
  `${root}src/ruleset/default-rules.ts`,
  `// Generated from rules/default/*.yaml by \`npm run rules:generate\`. Do not edit.\n` +
    `import type {RulesData} from './schema.js'\n\n` +
    `/** The frontmatter dialects the default rules define (\`canonical\` is built in besides them). */\n` +
    `export type DefaultDialectName = ${dialects}\n\n` +
    `export const defaultRulesData: RulesData = ${JSON.stringify(data, null, 2)}\n`,
)
writeFileSync(`${root}rules/schema.json`, `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`)
mkdirSync(`${root}schema`, {recursive: true})
writeFileSync(`${root}schema/record.schema.json`, `${JSON.stringify(recordJsonSchema(), null, 2)}\n`)
writeFileSync(`${root}src/rules/page-chrome/stopwords.generated.ts`, stopwordsModule(data.pageChrome?.languages ?? [], readStopwordsIso()))
console.log(
  'wrote src/ruleset/default-rules.ts, rules/schema.json, schema/record.schema.json and src/rules/page-chrome/stopwords.generated.ts',
)

/**
 * decruft: clean scraped Markdown articles and record every removal.
 *
 * The library core: portable (no Node-only imports), synchronous, pure. This
 * entry holds what users call — `clean`, rule sets, the unified preset, the
 * error classes, the record and option types — and nothing else: every name
 * here is a promise (`tests/entry-points.test.ts` pins them). Rule internals
 * (defining rules, reporting removals, shapes, schemas, each rule's plugin)
 * are in `decruft/plugin-api`; filter lists in `decruft/filter-lists`; the
 * file system in `decruft/node`.
 */
export {clean, CleanError, type CleanOptions, type CleanResult} from './clean.js'
export {createRuleSet, RulesError, type RuleSet, type RulesData} from './ruleset/index.js'
export {decruft} from './preset.js'
export {remarkDecruft, UnknownRuleError, type RuleGroup, type RuleId, type RuleSelection} from './pipeline.js'
export {applyRemovals} from './engine/apply.js'
export {removalsOf, type Removal} from './engine/removal.js'
export {FrontmatterOptionsError, type FrontmatterOptions} from './rules/frontmatter/options.js'
export type {ArticleRecord, RecordRemoval} from './record.js'

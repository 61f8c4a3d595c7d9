/**
 * `decruft/plugin-api`: the parts of decruft a rule, a tool or another
 * unified pipeline builds on — the rule registry and each rule as a unified
 * plugin, defining rules and their rules-file sections, reporting and
 * applying removals, shapes, the rules-file schema and loading, frontmatter
 * dates, the record's JSON Schema. What users call is in the main entry
 * (`decruft`); these names are pinned too (`tests/entry-points.test.ts`).
 *
 * @example
 *   import {unified} from 'unified'
 *   import remarkParse from 'remark-parse'
 *   import {rulesById} from 'decruft/plugin-api'
 *   unified().use(remarkParse).use(rulesById['link-farm'].plugin)
 */
export {DEFAULT_MAX_LENGTH} from './clean.js'
export {timedOutReason} from './engine/deadline.js'
export {DEFAULT_GUARD_LIMITS, guardLimits, type GuardLimits, type GuardViolation} from './engine/guard-limits.js'
export {findParseHazard} from './engine/guard.js'
export {
  allRules,
  createParser,
  disabledRules,
  isRuleId,
  isRuleName,
  ruleGroups,
  ruleIds,
  ruleNames,
  rulesById,
  runRules,
  type Rule,
  type RuleName,
  type RuleOptions,
} from './pipeline.js'
export {registry, type RegisteredRule} from './rules/index.js'
export {applyEdits, editsOf, type Edit} from './engine/apply.js'
export {repairRemovals} from './engine/repair.js'
export {
  isRemovalMessage,
  reportRemoval,
  reportWarning,
  SOURCE,
  type Point,
  type RemovalInit,
  type RemovalMessage,
  type RemovalSeverity,
} from './engine/removal.js'
export {countRemovals, removalGroups} from './engine/group.js'
export {defineRule, type Finder, type GroupName, type RuleDefinition, type RuleMeta} from './engine/rule.js'
export {defineSection, type RuleSection, type Section} from './ruleset/section.js'
export type {RunOptions} from './ruleset/run-options.js'
export {SHAPES, shapeStructure, shapeViolation, type Leaf, type RemovedEndAt, type Shape, type ShapeStructure} from './engine/shape.js'
export {defaultShapeCheckMode, ShapeError, SHAPE_CHECK_ENV, type ShapeCheckMode} from './engine/shape-check.js'
export {bodyOf, type RecordKept, type RecordWarning} from './record.js'
export {keepHash} from './engine/keep-hash.js'
export {urlsIn} from './engine/keep-urls.js'
export {countWords} from './core/text.js'
export {compileRules, defaultRuleSet, defaultRulesData, mergeRules, parseRules, rulesJsonSchema, rulesSchema} from './ruleset/index.js'
export type {FrontmatterChange, FrontmatterData, FrontmatterFileData} from './rules/frontmatter/index.js'
export {
  checkFrontmatterOptions,
  derivableFields,
  type DerivableField,
  type DialectName,
  type GeneratorName,
} from './rules/frontmatter/options.js'
export {formatDate, isTimeZone, parseDate, type ParsedDate} from './rules/frontmatter/dates.js'
export type {StrictProblem} from './rules/frontmatter/strict.js'
export {recordJsonSchema, recordSchema} from './record-schema.js'
export {articleSignature, createTemplateLearner, type ArticleSignature, type TemplateLearner} from './rules/site-template/learner.js'
export {
  mergeTemplateIndexes,
  parseTemplateIndex,
  serializeTemplateIndex,
  TemplateIndexError,
  type TemplateIndex,
} from './rules/site-template/template-index.js'

/**
 * decruft: clean scraped Markdown articles and record every removal.
 *
 * The library core: portable (no Node-only imports), synchronous, pure.
 */
export {clean, CleanError, DEFAULT_MAX_LENGTH, type CleanOptions, type CleanResult} from './clean.js'
export {timedOutReason} from './engine/deadline.js'
export {DEFAULT_GUARD_LIMITS, guardLimits, type GuardLimits, type GuardViolation} from './engine/guard-limits.js'
export {findParseHazard} from './engine/guard.js'
export {
  allRules,
  createParser,
  disabledRules,
  remarkDecruft,
  ruleGroups,
  ruleIds,
  runRules,
  UnknownRuleError,
  type RuleSelection,
} from './pipeline.js'
export {applyEdits, applyRemovals, editsOf, type Edit} from './engine/apply.js'
export {repairRemovals} from './engine/repair.js'
export {
  isRemovalMessage,
  removalsOf,
  reportRemoval,
  reportWarning,
  SOURCE,
  type Point,
  type Removal,
  type RemovalInit,
  type RemovalMessage,
  type RemovalSeverity,
} from './engine/removal.js'
export {countRemovals, removalGroups} from './engine/group.js'
export {defineRule, type Rule, type RuleGroup, type RuleMeta, type RuleOptions} from './engine/rule.js'
export {SHAPES, shapeStructure, shapeViolation, type Leaf, type RemovedEndAt, type Shape, type ShapeStructure} from './engine/shape.js'
export {defaultShapeCheckMode, ShapeError, SHAPE_CHECK_ENV, type ShapeCheckMode} from './engine/shape-check.js'
export {bodyOf, countWords, type ArticleRecord, type RecordRemoval, type RecordWarning} from './record.js'
export {
  compileRules,
  createRuleSet,
  defaultRuleSet,
  defaultRulesData,
  mergeRules,
  parseRules,
  RulesError,
  rulesJsonSchema,
  rulesSchema,
  type RuleSet,
  type RulesData,
  withFilterLists,
  type CompiledFilterLists,
  type FilterListSource,
} from './ruleset/index.js'
export {adBlock} from './rules/ad-block/index.js'
export {adSlot} from './rules/ad-slot/index.js'
export {affiliateLink} from './rules/affiliate-link/index.js'
export {duplicateParagraph} from './rules/duplicate-paragraph/index.js'
export {linkFarm} from './rules/link-farm/index.js'
export {feedFooter} from './rules/feed-footer/index.js'
export {filterList} from './rules/filter-list/index.js'
export {trackingParam} from './rules/tracking-param/index.js'
export {callToAction} from './rules/call-to-action/index.js'
export {unsafeHtml} from './rules/unsafe-html/index.js'
export {
  frontmatter,
  type FrontmatterChange,
  type FrontmatterData,
  type FrontmatterFileData,
} from './rules/frontmatter/index.js'
export {
  derivableFields,
  FrontmatterOptionsError,
  withFrontmatterOptions,
  type DerivableField,
  type FrontmatterOptions,
} from './rules/frontmatter/options.js'
export {formatDate, isTimeZone, parseDate, type ParsedDate} from './rules/frontmatter/dates.js'
export type {StrictProblem} from './rules/frontmatter/strict.js'
export {recordJsonSchema, recordSchema} from './record-schema.js'

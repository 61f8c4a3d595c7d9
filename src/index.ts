/**
 * decruft: clean scraped Markdown articles and record every removal.
 *
 * The library core: portable (no Node-only imports), synchronous, pure.
 */
export {clean, CleanError, DEFAULT_MAX_LENGTH, type CleanOptions, type CleanResult} from './clean.js'
export {timedOutReason} from './core/deadline.js'
export {DEFAULT_GUARD_LIMITS, guardLimits, type GuardLimits, type GuardViolation} from './core/guard-limits.js'
export {findParseHazard} from './core/guard.js'
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
export {applyEdits, applyRemovals, editsOf, type Edit} from './core/apply.js'
export {repairRemovals} from './core/repair.js'
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
} from './core/removal.js'
export {countRemovals, removalGroups} from './core/group.js'
export {defineRule, type Rule, type RuleGroup, type RuleMeta, type RuleOptions} from './core/rule.js'
export {SHAPES, shapeStructure, shapeViolation, type Leaf, type RemovedEndAt, type Shape, type ShapeStructure} from './core/shape.js'
export {defaultShapeCheckMode, ShapeError, SHAPE_CHECK_ENV, type ShapeCheckMode} from './core/shape-check.js'
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
export {adBlock} from './plugins/spam/ad-block.js'
export {adSlot} from './plugins/spam/ad-slot.js'
export {affiliateLink} from './plugins/spam/affiliate-link.js'
export {duplicateParagraph} from './plugins/spam/duplicate-paragraph.js'
export {linkFarm} from './plugins/spam/link-farm.js'
export {feedFooter} from './plugins/spam/feed-footer.js'
export {filterList} from './plugins/spam/filter-list.js'
export {trackingParam} from './plugins/spam/tracking-param.js'
export {callToAction} from './plugins/boilerplate/call-to-action.js'
export {unsafeHtml} from './plugins/safety/unsafe-html.js'
export {
  frontmatter,
  type FrontmatterChange,
  type FrontmatterData,
  type FrontmatterFileData,
} from './plugins/frontmatter/frontmatter.js'
export {
  derivableFields,
  FrontmatterOptionsError,
  withFrontmatterOptions,
  type DerivableField,
  type FrontmatterOptions,
} from './plugins/frontmatter/options.js'
export {formatDate, isTimeZone, parseDate, type ParsedDate} from './plugins/frontmatter/dates.js'
export type {StrictProblem} from './plugins/frontmatter/strict.js'
export {recordJsonSchema, recordSchema} from './record-schema.js'

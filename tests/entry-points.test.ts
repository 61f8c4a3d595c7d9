/**
 * Each entry point's exported names, values and types, pinned: widening (or
 * narrowing) the public API is a visible decision made here, not a side
 * effect of an `export` added somewhere. The names are read from the source
 * with the TypeScript compiler (tests/support/exported-names.ts); the
 * package.json `exports` map must list exactly these entries.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {exportedNames, type ExportedNames} from './support/exported-names.js'

const root = new URL('../', import.meta.url).pathname

/** Entry (as in package.json `exports`) → source file and its pinned names. */
const ENTRIES: Record<string, {source: string; names: ExportedNames}> = {
  '.': {
    source: 'src/index.ts',
    names: {
      values: [
        'CleanError',
        'FrontmatterOptionsError',
        'RulesError',
        'UnknownRuleError',
        'applyRemovals',
        'clean',
        'createRuleSet',
        'remarkDecruft',
        'removalsOf',
      ],
      types: [
        'ArticleRecord',
        'CleanOptions',
        'CleanResult',
        'FrontmatterOptions',
        'RecordRemoval',
        'Removal',
        'RuleGroup',
        'RuleId',
        'RuleSelection',
        'RuleSet',
        'RulesData',
      ],
    },
  },
  './plugin-api': {
    source: 'src/plugin-api.ts',
    names: {
      values: [
        'DEFAULT_GUARD_LIMITS',
        'DEFAULT_MAX_LENGTH',
        'SHAPES',
        'SHAPE_CHECK_ENV',
        'SOURCE',
        'ShapeError',
        'TemplateIndexError',
        'allRules',
        'applyEdits',
        'articleSignature',
        'bodyOf',
        'checkFrontmatterOptions',
        'compileRules',
        'countRemovals',
        'countWords',
        'createParser',
        'createTemplateLearner',
        'defaultRuleSet',
        'defaultRulesData',
        'defaultShapeCheckMode',
        'defineRule',
        'defineSection',
        'derivableFields',
        'disabledRules',
        'editsOf',
        'findParseHazard',
        'formatDate',
        'guardLimits',
        'isRemovalMessage',
        'isRuleId',
        'isRuleName',
        'isTimeZone',
        'keepHash',
        'mergeRules',
        'mergeTemplateIndexes',
        'parseDate',
        'parseRules',
        'parseTemplateIndex',
        'recordJsonSchema',
        'recordSchema',
        'registry',
        'removalGroups',
        'repairRemovals',
        'reportRemoval',
        'reportWarning',
        'ruleGroups',
        'ruleIds',
        'ruleNames',
        'rulesById',
        'rulesJsonSchema',
        'rulesSchema',
        'runRules',
        'serializeTemplateIndex',
        'shapeStructure',
        'shapeViolation',
        'timedOutReason',
        'urlsIn',
      ],
      types: [
        'ArticleSignature',
        'DerivableField',
        'DialectName',
        'Edit',
        'Finder',
        'FrontmatterChange',
        'FrontmatterData',
        'FrontmatterFileData',
        'GeneratorName',
        'GroupName',
        'GuardLimits',
        'GuardViolation',
        'Leaf',
        'ParsedDate',
        'Point',
        'RecordKept',
        'RecordWarning',
        'RegisteredRule',
        'RemovalInit',
        'RemovalMessage',
        'RemovalSeverity',
        'RemovedEndAt',
        'Rule',
        'RuleDefinition',
        'RuleMeta',
        'RuleName',
        'RuleOptions',
        'RuleSection',
        'RunOptions',
        'Section',
        'Shape',
        'ShapeCheckMode',
        'ShapeStructure',
        'StrictProblem',
        'TemplateIndex',
        'TemplateLearner',
      ],
    },
  },
  './node': {
    source: 'src/node/index.ts',
    names: {
      values: [
        'DEFAULT_MAX_BYTES',
        'MARKDOWN_EXTENSIONS',
        'POOL_THRESHOLD',
        'WriteError',
        'checkFile',
        'cleanFile',
        'compileRuleSources',
        'createSiteDetector',
        'decodeArticle',
        'describeSystemError',
        'displayPath',
        'expandOperands',
        'failureMessage',
        'firstInvalidUtf8',
        'frontmatterForFile',
        'isInside',
        'isMarkdownPath',
        'nodeWriterFs',
        'outDirProblem',
        'outInputConflict',
        'outputPaths',
        'readArticle',
        'readArticleStream',
        'runBatch',
        'serializeRecord',
        'siteGenerators',
        'staticBase',
        'withSite',
        'writeFileSafely',
        'writeOutputs',
      ],
      types: [
        'AmbiguousSite',
        'BatchOptions',
        'BatchSummary',
        'CheckSettings',
        'CleanSettings',
        'CompiledRuleSources',
        'ExpandOptions',
        'ExpandResult',
        'FileOutcome',
        'FileTask',
        'InputFile',
        'OperandError',
        'Output',
        'ReadOptions',
        'RuleSources',
        'Site',
        'SiteDetection',
        'SiteDetector',
        'SiteFileSystem',
        'SiteGenerator',
        'SiteLookup',
        'SkippedPath',
        'WritableHandle',
        'WriteOptions',
        'WriterFs',
      ],
    },
  },
  './filter-lists': {
    source: 'src/filter-lists.ts',
    names: {values: ['compileFilterLists'], types: ['CompiledFilterLists', 'FilterListSource', 'FilterListStats']},
  },
}

describe('entry points', () => {
  const names = exportedNames(
    Object.values(ENTRIES).map(({source}) => root + source),
    root + 'tsconfig.json',
  )

  for (const [entry, {source, names: pinned}] of Object.entries(ENTRIES)) {
    it(`\`${entry}\` (${source}) exports exactly its pinned values and types`, () => {
      expect(names.get(root + source)).toEqual(pinned)
    })
  }

  it('the main entry exports at most 20 names, values and types together', () => {
    const main = names.get(root + ENTRIES['.']!.source)!
    expect(main.values.length + main.types.length).toBeLessThanOrEqual(20)
  })

  it('package.json `exports` lists exactly these entries (and package.json), each built from its source', () => {
    const exportsMap = (JSON.parse(readFileSync(root + 'package.json', 'utf8')) as {exports: Record<string, unknown>}).exports
    expect(Object.keys(exportsMap).sort()).toEqual([...Object.keys(ENTRIES), './package.json'].sort())
    for (const [entry, {source}] of Object.entries(ENTRIES)) {
      const built = source.replace(/^src\//, './dist/').replace(/\.ts$/, '')
      expect(exportsMap[entry]).toEqual({types: `${built}.d.ts`, default: `${built}.js`})
    }
  })
})

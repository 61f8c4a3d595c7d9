/**
 * decruft/node: the file-system side of decruft — reading articles, atomic
 * writing, expanding operands, batches on worker threads, and finding the
 * site generator an article is written for.
 */
export {compileRuleSources, type CompiledRuleSources, type RuleSources} from './rule-sources.js'
export {runBatch, POOL_THRESHOLD, type BatchOptions, type BatchSummary} from './batch.js'
export {displayPath} from './paths.js'
export {checkFile, type CheckSettings} from './check-file.js'
export {cleanFile, failureMessage, serializeRecord, type CleanSettings, type FileOutcome, type FileTask} from './clean-file.js'
export {
  expandOperands,
  isMarkdownPath,
  MARKDOWN_EXTENSIONS,
  outputPaths,
  staticBase,
  type ExpandOptions,
  type ExpandResult,
  type InputFile,
  type OperandError,
  type SkippedPath,
} from './files.js'
export {isInside, outDirProblem, outInputConflict} from './out-dir.js'
export {
  decodeArticle,
  DEFAULT_MAX_BYTES,
  describeSystemError,
  firstInvalidUtf8,
  readArticle,
  readArticleStream,
  type ReadOptions,
} from './read.js'
export {
  nodeWriterFs,
  writeFileSafely,
  writeOutputs,
  WriteError,
  type Output,
  type WritableHandle,
  type WriteOptions,
  type WriterFs,
} from './write.js'
export {
  createSiteDetector,
  frontmatterForFile,
  siteGenerators,
  withSite,
  type AmbiguousSite,
  type Site,
  type SiteDetection,
  type SiteDetector,
  type SiteFileSystem,
  type SiteGenerator,
  type SiteLookup,
} from './site.js'

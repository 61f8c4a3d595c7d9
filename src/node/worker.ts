/**
 * The worker-thread side of large runs (tinypool): for a batch (the default
 * export), clean one article and write its outputs, return only the small
 * outcome; for a batch's learning pass (`signatureInWorker`), read one
 * article and return its block signatures; for check mode (`checkInWorker`), check or fix one article and
 * return its findings.
 *
 * The rules files and filter lists arrive once, as text, when the worker
 * starts (the pool's `workerData`, see `openWorkerPool`), and are compiled on
 * the first task and reused: a compiled rule set holds RegExps and cannot
 * cross threads, and a filter list of megabytes should not be copied with
 * every article. A batch's learned template index comes later, through the
 * pool's shared slot (learned-slot.ts), and is parsed on the first clean.
 *
 * When the run times its files, each task comes with a sequence number, and
 * the worker marks the pool's clock with it while it reads and cleans (see
 * bounded.ts): a task past its time is ended with its worker.
 */
import Tinypool, {workerId} from 'tinypool'
import type {FrontmatterOptions} from '../index.js'
import {parseTemplateIndex, type ArticleSignature, type RuleName} from '../plugin-api.js'
import type {FileReport} from '../report/finding.js'
import {phaseReporter, type PhaseReporter} from './bounded.js'
import {checkFile, type CheckSettings} from './check-file.js'
import {cleanFile, type FileOutcome, type FileTask} from './clean-file.js'
import {signatureOfFile, type SignatureTask} from './learn-templates.js'
import {readLearnedSlot, type LearnedSlot} from './learned-slot.js'
import type {PoolData} from './pool.js'
import {compileRuleSources, type CompiledRuleSources} from './rule-sources.js'
import {createSiteDetector, type SiteDetector} from './site.js'
import {processStreamLine, type StreamOutcome, type StreamSettings} from './stream-clean.js'

/** The settings of a batch as plain data (the rules come with the pool). */
export interface WorkerSettings {
  enable: readonly RuleName[]
  disable: readonly RuleName[]
  format: boolean
  maxBytes: number
  fsync: boolean
  frontmatter?: FrontmatterOptions | undefined
  /** Look for each article's site (its generator and zone). */
  detectSite?: boolean | undefined
  /** Time budget of a clean in milliseconds (checked between its steps); 0 or none: no limit. */
  timeoutMs?: number | undefined
  /** Return each article's piece of the review report (`--report`). */
  report?: boolean | undefined
}

/** The task's sequence number, when the run times its files (see node/bounded.ts). */
interface Timed {
  seq?: number | undefined
}

export interface WorkerInput extends Timed {
  task: FileTask
  settings: WorkerSettings
}

let compiled: Promise<CompiledRuleSources> | undefined
/** The compiled rules with the batch's learned index, once the pool's slot holds it. */
let withLearned: Promise<CompiledRuleSources> | undefined
/** This worker's site detector: a pool lives for one run, so its cache does too. */
let siteDetector: SiteDetector | undefined

function poolData(): PoolData {
  const data = Tinypool.workerData as PoolData | undefined
  if (!data) throw new Error('decruft worker started without rule sources (open the pool with openWorkerPool)')
  return data
}

/** This worker's rule set and filter lists, compiled from the pool's rule sources on first use. */
function rules(): Promise<CompiledRuleSources> {
  compiled ??= compileRuleSources(poolData().sources)
  return compiled
}

/**
 * What a clean uses: {@link rules}, with the learned template index in
 * place of the given one once the batch has filled the pool's slot (it
 * starts from the given one; see learned-slot.ts). Parsed once per worker.
 */
function cleanRules(): Promise<CompiledRuleSources> {
  if (withLearned) return withLearned
  const slot = poolData().learned
  const text = slot ? readLearnedSlot(slot as LearnedSlot) : undefined
  if (text === undefined) return rules()
  withLearned = rules().then((base) => ({...base, templates: parseTemplateIndex(text)}))
  return withLearned
}

function detector(): SiteDetector {
  siteDetector ??= createSiteDetector()
  return siteDetector
}

/** Marks this worker's slot of the pool's clock while a task reads and cleans (see node/bounded.ts). */
function phases(seq: number | undefined): PhaseReporter | undefined {
  return phaseReporter((Tinypool.workerData as PoolData | undefined)?.clock, workerId, seq)
}

export default async function cleanInWorker({task, settings, seq}: WorkerInput): Promise<FileOutcome> {
  const reporter = phases(seq)
  try {
    // The clock starts once the rules are compiled (cleanFile says when): compiling is the run's cost, not the file's.
    return await cleanFile(
      task,
      {...settings, ...(await cleanRules()), siteDetector: settings.detectSite ? detector() : undefined},
      reporter,
    )
  } finally {
    reporter?.('write')
  }
}

/**
 * The learning pass of a large batch: read one article and return its block
 * signatures (see node/learn-templates.ts), or null when it cannot be read
 * or would be refused.
 */
export async function signatureInWorker({task, maxBytes, seq}: SignatureTask & Timed): Promise<ArticleSignature | null> {
  const reporter = phases(seq)
  try {
    const {rules: compiledRules} = await rules()
    reporter?.('clean')
    return (await signatureOfFile(task, compiledRules, maxBytes)) ?? null
  } finally {
    reporter?.('write')
  }
}

/** Check-mode settings as plain data (the rules come with the pool, the site detector is the worker's). */
export type CheckWorkerSettings = Omit<CheckSettings, 'rules' | 'filterLists' | 'templates' | 'siteDetector'>

export interface CheckWorkerInput extends Timed {
  /** Absolute path of the article. */
  file: string
  /** Its path in messages. */
  display: string
  settings: CheckWorkerSettings
}

/** Check (or with `write`, fix) one article: what `decruft check` runs on each file of a large run. */
export async function checkInWorker({file, display, settings, seq}: CheckWorkerInput): Promise<FileReport> {
  const reporter = phases(seq)
  try {
    return await checkFile(
      file,
      display,
      {...settings, ...(await rules()), siteDetector: settings.detectSite ? detector() : undefined},
      reporter,
    )
  } finally {
    reporter?.('write')
  }
}

/** One line of a JSONL stream (`decruft --jsonl`), as read: the worker checks and cleans it. */
export interface StreamWorkerInput extends Timed {
  /** The line's text. */
  raw: string
  /** Its line number, from 1. */
  line: number
  settings: StreamSettings
}

/** Check and clean one line of a JSONL stream into its output line (see node/stream.ts). */
export async function cleanStreamInWorker({raw, line, settings, seq}: StreamWorkerInput): Promise<StreamOutcome> {
  const reporter = phases(seq)
  try {
    const compiledRules = await rules()
    reporter?.('clean')
    return processStreamLine(raw, line, {...settings, ...compiledRules})
  } finally {
    reporter?.('write')
  }
}

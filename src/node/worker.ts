/**
 * The worker-thread side of large runs (tinypool): for a batch (the default
 * export), clean one article and write its outputs, return only the small
 * outcome; for check mode (`checkInWorker`), check or fix one article and
 * return its findings. Rule files arrive as text and are compiled once per
 * worker and reused (a compiled rule set holds RegExps and cannot cross
 * threads).
 */
import type {FilterListSource, FrontmatterOptions, RuleSet} from '../index.js'
import type {FileReport} from '../report/finding.js'
import {checkFile, type CheckSettings} from './check-file.js'
import {compileRuleSources, type RuleSources} from './rule-sources.js'
import {cleanFile, type FileOutcome, type FileTask} from './clean-file.js'

/** The settings of a batch as plain data. */
export interface WorkerSettings {
  rules: ReadonlyArray<{text: string; file: string}>
  filterLists: readonly FilterListSource[]
  enable: readonly string[]
  disable: readonly string[]
  format: boolean
  maxBytes: number
  fsync: boolean
  frontmatter?: FrontmatterOptions | undefined
}

export interface WorkerInput {
  task: FileTask
  settings: WorkerSettings
}

// Per-worker cache: one batch uses one set of rules; compile it on the first task.
let compiled: {key: string; rules: RuleSet} | undefined

async function rulesFor(settings: RuleSources): Promise<RuleSet> {
  const key = JSON.stringify([settings.rules, settings.filterLists])
  if (compiled?.key !== key) compiled = {key, rules: await compileRuleSources(settings)}
  return compiled.rules
}

export default async function cleanInWorker({task, settings}: WorkerInput): Promise<FileOutcome> {
  return cleanFile(task, {...settings, rules: await rulesFor(settings)})
}

/** Check-mode settings as plain data: the rule sources instead of the compiled rules. */
export interface CheckWorkerSettings extends RuleSources, Omit<CheckSettings, 'rules'> {}

export interface CheckWorkerInput {
  /** Absolute path of the article. */
  file: string
  /** Its path in messages. */
  display: string
  settings: CheckWorkerSettings
}

/** Check (or with `write`, fix) one article: what `decruft check` runs on each file of a large run. */
export async function checkInWorker({file, display, settings}: CheckWorkerInput): Promise<FileReport> {
  return checkFile(file, display, {...settings, rules: await rulesFor(settings)})
}

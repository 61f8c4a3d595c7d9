/**
 * The worker-thread side of a batch (tinypool): clean one article and write
 * its outputs, return only the small outcome. Rule files arrive as text and
 * are compiled once per worker and reused (a compiled rule set holds RegExps
 * and cannot cross threads).
 */
import type {FilterListSource, FrontmatterOptions, RuleSet} from '../index.js'
import {compileRuleSources} from './rule-sources.js'
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

async function rulesFor(settings: WorkerSettings): Promise<RuleSet> {
  const key = JSON.stringify([settings.rules, settings.filterLists])
  if (compiled?.key !== key) compiled = {key, rules: await compileRuleSources(settings)}
  return compiled.rules
}

export default async function cleanInWorker({task, settings}: WorkerInput): Promise<FileOutcome> {
  return cleanFile(task, {...settings, rules: await rulesFor(settings)})
}

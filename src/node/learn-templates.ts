/**
 * A batch's first pass: learn its sites' templates from its own articles.
 * Each article is read and parsed (the parser only, no rules) and its block
 * signatures (small: a hash and two neighbour hashes per block) are counted,
 * in input order, in a template learner that starts from a `--templates`
 * index when one was given. Where the signatures are computed is the
 * caller's choice (`signatureOf`): on the batch's worker pool for large
 * batches, in this thread for small ones (an article that could pass the
 * memory cap goes to the isolated worker there too, as in the clean pass).
 * An article that cannot be read or parsed is not counted; the clean pass
 * reports it.
 */
import {articleSignature, createTemplateLearner, type ArticleSignature, type TemplateIndex} from '../plugin-api.js'
import type {RuleSet} from '../index.js'
import type {FileTask} from './clean-file.js'
import {runOrdered} from './ordered.js'
import {readArticle} from './read.js'

/** What the learning pass did. */
export interface LearnedTemplates {
  /** The index: the given one plus what this batch's articles added. */
  index: TemplateIndex
  /** Articles counted. */
  articles: number
  /** Sites with at least one article counted. */
  sites: number
  durationMs: number
}

/** A worker's task of the learning pass (`signatureInWorker`). */
export interface SignatureTask {
  task: FileTask
  maxBytes: number
}

/** Read one article and take its signature (undefined when it cannot be read or `clean` would refuse it). */
export async function signatureOfFile(task: FileTask, rules: RuleSet, maxBytes: number): Promise<ArticleSignature | undefined> {
  let text: string
  try {
    text = await readArticle(task.absolute, task.display, {maxBytes})
  } catch {
    return undefined
  }
  return articleSignature(text, task.display, {rules, maxLength: maxBytes})
}

/** Learn the templates of `tasks` (see the module comment). */
export async function learnTemplates(
  tasks: readonly FileTask[],
  options: {
    rules: RuleSet
    start?: TemplateIndex | undefined
    signatureOf: (task: FileTask) => Promise<ArticleSignature | undefined>
    concurrency: number
  },
): Promise<LearnedTemplates> {
  const started = performance.now()
  const learner = createTemplateLearner({rules: options.rules, start: options.start})
  const sites = new Set<string>()
  let articles = 0
  await runOrdered(
    tasks.length,
    (index) => options.signatureOf(tasks[index]!),
    (signature) => {
      if (!signature) return
      learner.addSignature(signature)
      sites.add(signature.site)
      articles++
    },
    {concurrency: options.concurrency, window: options.concurrency * 4},
  )
  return {index: learner.index, articles, sites: sites.size, durationMs: performance.now() - started}
}

/** The template index could not be written (`--save-templates`): names the file and the cause. */
export class TemplatesWriteError extends Error {
  override readonly name = 'TemplatesWriteError'
}

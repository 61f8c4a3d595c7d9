/**
 * A batch's first pass: learn its sites' templates from its own articles.
 * Each article is read and parsed (the parser only, no rules) and its block
 * signatures counted in a template learner, starting from a `--templates`
 * index when one was given. Runs in this thread: the pass is one parse per
 * article, and a second pool would cost its start-up (see `npm run bench`
 * for the cost). An article that cannot be read is not counted; the clean
 * pass reports it.
 */
import {articleSignature, createTemplateLearner, type TemplateIndex} from '../plugin-api.js'
import type {RuleSet} from '../index.js'
import type {FileTask} from './clean-file.js'
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

/** Learn the templates of `tasks` (see the module comment). */
export async function learnTemplates(
  tasks: readonly FileTask[],
  options: {rules: RuleSet; start?: TemplateIndex | undefined; maxBytes: number},
): Promise<LearnedTemplates> {
  const started = performance.now()
  const learner = createTemplateLearner({rules: options.rules, start: options.start, maxLength: options.maxBytes})
  const sites = new Set<string>()
  let articles = 0
  for (const task of tasks) {
    let text: string
    try {
      text = await readArticle(task.absolute, task.display, {maxBytes: options.maxBytes})
    } catch {
      continue
    }
    const signature = articleSignature(text, task.display, {rules: options.rules, maxLength: options.maxBytes})
    if (!signature) continue
    learner.addSignature(signature)
    sites.add(signature.site)
    articles++
  }
  return {index: learner.index, articles, sites: sites.size, durationMs: performance.now() - started}
}

/** The template index could not be written (`--save-templates`): names the file and the cause. */
export class TemplatesWriteError extends Error {
  override readonly name = 'TemplatesWriteError'
}

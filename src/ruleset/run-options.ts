/**
 * What one run adds beside the compiled rule set: the filter lists given
 * with `--filter-list`, how frontmatter is written, and the site-template
 * index learned from the batch or given with `--templates`. The rule set is the
 * cleanup knowledge (compiled once, shared by every run); these are the
 * run's choices, handed to each finder next to it, so neither has to be
 * copied into the other.
 */
import type {CompiledFilterLists} from '../rules/filter-list/lists.js'
import type {FrontmatterOptions} from '../rules/frontmatter/options.js'
import type {TemplateIndex} from '../rules/site-template/template-index.js'

/** The per-run options every finder gets beside the rule set. */
export interface RunOptions {
  /** Filter lists (see `compileFilterLists` in `decruft/filter-lists`); none: the `filter-list` rule finds nothing. */
  readonly filterLists?: CompiledFilterLists | undefined
  /** How this run writes frontmatter (see `FrontmatterOptions`); checked against the rule set by `checkFrontmatterOptions`. */
  readonly frontmatter?: FrontmatterOptions | undefined
  /** A learned site-template index (see `parseTemplateIndex`); none: the `site-template` rule finds nothing. */
  readonly templates?: TemplateIndex | undefined
}

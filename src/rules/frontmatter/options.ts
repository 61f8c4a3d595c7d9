/**
 * How one run writes frontmatter: the dialect (`hugo`, `jekyll` … or none,
 * which tidies values in place), the site generator whose reading of values
 * is respected, the zone of dates written without one, `strict` validation
 * and the derived fields. They are the run's choices and travel beside the
 * rule set (`RunOptions.frontmatter`); {@link checkFrontmatterOptions}
 * checks them against it.
 */
import type {RuleSet} from '../../ruleset/compile.js'
import type {DefaultDialectName} from '../../ruleset/default-rules.js'
import {isTimeZone} from './dates.js'
import type {CANONICAL_DIALECT} from './section.js'

/** Fields decruft can fill in when they are missing. */
export const derivableFields = ['slug', 'description', 'date'] as const
export type DerivableField = (typeof derivableFields)[number]

/**
 * A frontmatter dialect's name: `canonical`, one of the default rules'
 * (`hugo`, `jekyll`, `hexo`, `astro`), or one a rules file defines (any
 * string, checked against the rule set by {@link checkFrontmatterOptions}).
 */
export type DialectName = typeof CANONICAL_DIALECT | DefaultDialectName | (string & {})

/** A site generator's name: a dialect that says how its generator reads values (the default rules': `hugo`, `jekyll`, `hexo`, `astro`), or one a rules file defines. */
export type GeneratorName = DefaultDialectName | (string & {})

export interface FrontmatterOptions {
  /**
   * Write the frontmatter for this dialect: its key names, order, date format
   * and list shapes (`canonical`, `hugo`, `jekyll`, `hexo`, `astro`, or one
   * defined in a rules file). Default: none — values are tidied in place and
   * the author's key names and order stay.
   */
  readonly dialect?: DialectName | undefined
  /**
   * The site generator the article is for (`jekyll`, `hugo`, `hexo`, `astro`:
   * a dialect with `reads`), as `decruft/node` detects it from the site's
   * files. Values it reads as written stay as they are and are no findings
   * (`date: 2024-05-02 09:30:00 +0200` in Jekyll, `categories: travel
   * portugal`, Astro's `pubDate: 'Jul 08 2022'`); a date it must rewrite is
   * written in its format. The values are still tidied in place (key names,
   * order and bytes stay); a `dialect` wins over it. Default: none.
   */
  readonly generator?: GeneratorName | undefined
  /**
   * The zone of dates written without one (the site's `timezone`, or
   * `--timezone`), and the zone dates are printed in. Default: the rules'
   * `zone`, none by default: a date-time without a zone is then kept without
   * one, never taken as UTC.
   */
  readonly zone?: string | undefined
  /** Report missing required keys and values of the wrong type as problems. Default: false. */
  readonly strict?: boolean | undefined
  /** Fields to derive when missing: `slug` (title or file name), `description` (first paragraph), `date` (a `2024-06-21-` file-name prefix). Default: none. */
  readonly derive?: readonly DerivableField[] | undefined
}

/** An unknown dialect, generator, zone or derivable field in {@link FrontmatterOptions}. */
export class FrontmatterOptionsError extends Error {
  override readonly name = 'FrontmatterOptionsError'
  constructor(
    message: string,
    /** The option at fault. */
    readonly option: keyof FrontmatterOptions,
  ) {
    super(message)
  }
}

/**
 * The options, checked against the rule set (a dialect or generator may be
 * defined in a rules file); throws {@link FrontmatterOptionsError} for an
 * unknown dialect, generator, zone or derivable field.
 */
export function checkFrontmatterOptions(rules: RuleSet, options: FrontmatterOptions): FrontmatterOptions {
  if (options.dialect !== undefined && !rules.frontmatter.dialects.has(options.dialect)) {
    throw new FrontmatterOptionsError(
      `unknown frontmatter dialect \`${options.dialect}\` (known: ${[...rules.frontmatter.dialects.keys()].join(', ')})`,
      'dialect',
    )
  }
  if (options.generator !== undefined && !rules.frontmatter.dialects.get(options.generator)?.reads) {
    throw new FrontmatterOptionsError(
      `unknown site generator \`${options.generator}\` (known: ${[...rules.frontmatter.dialects.values()]
        .filter((dialect) => dialect.reads)
        .map((dialect) => dialect.id)
        .join(', ')})`,
      'generator',
    )
  }
  if (options.zone !== undefined && !isTimeZone(options.zone)) {
    throw new FrontmatterOptionsError(
      `unknown time zone \`${options.zone}\` (use an IANA name such as Europe/Paris, UTC, or an offset such as +05:30)`,
      'zone',
    )
  }
  for (const field of options.derive ?? []) {
    if (!derivableFields.includes(field)) {
      throw new FrontmatterOptionsError(`cannot derive \`${String(field)}\` (derivable: ${derivableFields.join(', ')})`, 'derive')
    }
  }
  return options
}

/**
 * Rules section `siteTemplate`: when a block that a site repeats across its
 * articles counts as the site's template (see `src/rules/site-template/`),
 * and the bounds of the learned index.
 */
import {z} from 'zod'
import {defineSection} from '../../ruleset/section.js'

const share = z.number().min(0).max(1)

export const schema = z
  .object({
    /** A block is a candidate only when it stands in at least this many of the site's articles… */
    minArticles: z.number().int().min(2).optional(),
    /** …and in at least this share of them (0–1). */
    minShare: share.optional(),
    /**
     * A run of candidates is a template only when the neighbours outside it
     * vary across the site's articles: distinct neighbour pairs of its first
     * or last block over the occurrences seen (at most `contextSample`). A
     * reposted article repeats its blocks with the same neighbours, and stays.
     */
    minContextDiversity: share.optional(),
    /** A run longer than this share of the article's characters is the article (a repost), not a template. */
    maxRunShare: share.optional(),
    /** Blocks longer than this (characters of source) are never counted: prose, not template. */
    maxBlockChars: z.number().int().min(1).optional(),
    /** Distinct neighbour pairs kept per block (the diversity sample). */
    contextSample: z.number().int().min(1).max(64).optional(),
    /** At most this many blocks are counted per site; past it, those seen once are dropped first. */
    maxEntriesPerSite: z.number().int().min(100).optional(),
    /** A run inside the article (not at its start or end, not next to other removed junk) goes only when each block has at least this link density (link text over all text). */
    linkDenseShare: share.optional(),
  })
  .strict()

/** The compiled `siteTemplate` section. */
export interface SiteTemplateRules {
  readonly minArticles: number
  readonly minShare: number
  readonly minContextDiversity: number
  readonly maxRunShare: number
  readonly maxBlockChars: number
  readonly contextSample: number
  readonly maxEntriesPerSite: number
  readonly linkDenseShare: number
}

export function compile(data: z.input<typeof schema> | undefined): SiteTemplateRules {
  return {
    minArticles: data?.minArticles ?? 5,
    minShare: data?.minShare ?? 0.5,
    minContextDiversity: data?.minContextDiversity ?? 0.5,
    maxRunShare: data?.maxRunShare ?? 0.5,
    maxBlockChars: data?.maxBlockChars ?? 2000,
    contextSample: data?.contextSample ?? 8,
    maxEntriesPerSite: data?.maxEntriesPerSite ?? 200_000,
    linkDenseShare: data?.linkDenseShare ?? 0.5,
  }
}

/** The `siteTemplate` section of a rules file. */
export const section = defineSection('siteTemplate', schema, compile)

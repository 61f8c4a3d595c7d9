/**
 * The schema of the JSON record written beside each clean article. Written
 * once here; `schema/record.schema.json` is generated from it by
 * `npm run rules:generate`, and tests validate real records against it.
 */
import {z} from 'zod'

const point = z.object({
  line: z.number().int().min(1).describe('1-indexed line in the input'),
  column: z.number().int().min(1).describe('1-indexed column in the input'),
  offset: z.number().int().min(0).describe('0-indexed UTF-16 offset in the input (a BOM counts)'),
})

export const recordSchema = z
  .object({
    source: z.string().describe('Path of the input, relative to the input root'),
    frontmatter: z.record(z.string(), z.unknown()).describe('The normalised frontmatter'),
    markdown: z.string().describe('The clean Markdown body, without frontmatter'),
    text: z.string().describe('The clean body as plain text (paragraphs separated by blank lines)'),
    headings: z.array(z.object({depth: z.number().int().min(1).max(6), text: z.string(), line: z.number().int()})),
    links: z.array(z.object({url: z.string(), text: z.string(), line: z.number().int()})),
    images: z.array(z.object({url: z.string(), alt: z.string(), line: z.number().int()})),
    stats: z.object({
      words: z.number().int().min(0),
      bytesIn: z.number().int().min(0),
      bytesOut: z.number().int().min(0),
      readingMinutes: z.number().int().min(0).describe('Reading time at 230 words a minute, rounded up'),
      removals: z
        .record(z.string(), z.number().int().min(1))
        .describe('Removals per rule id; a removal of several parts (entries sharing a `group`) counts once'),
    }),
    removals: z.array(
      z
        .object({
          rule: z.string().describe('Rule id'),
          reason: z.string(),
          start: point,
          end: point,
          text: z.string().describe('The exact text removed'),
          replacement: z.string().optional().describe('What was put in its place (frontmatter changes)'),
          key: z.string().optional().describe('The frontmatter key concerned'),
          group: z
            .number()
            .int()
            .min(0)
            .optional()
            .describe(
              'On each part of a removal made of several spans (an unlinked link: its `[` and its `](url)`): the start offset of the first part, shared by every part; absent for a removal of one span',
            ),
          severity: z
            .literal('warning')
            .optional()
            .describe('A matter of taste (a date format, a list shape): check mode reports it as a warning; absent for an error'),
          adjusted: z
            .string()
            .optional()
            .describe(
              'How the span was widened or adjusted so the Markdown around it renders as before (e.g. "widened to the strong emphasis it emptied")',
            ),
          features: z
            .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
            .optional()
            .describe(
              'The measurements that decided the removal (a link density, a count, the zone of the page), flat; absent when the rule gives none',
            ),
        })
        .strict(),
    ),
    kept: z
      .array(
        z
          .object({
            rule: z.string().describe('The rule that would have removed the span'),
            keep: z.string().describe('The id of the `keep` entry of the rules file that kept it'),
            start: point,
            end: point,
          })
          .strict(),
      )
      .optional()
      .describe(
        'Spans that `keep` entries of the rules file kept (each part of a removal of several spans), in source order; absent when none was kept',
      ),
    changes: z
      .array(
        z
          .object({
            key: z.string().describe('The frontmatter key written (a dropped key: its name as written)'),
            from: z.string().optional().describe('The key as written, when it was renamed'),
            old: z.unknown().optional().describe('The value as read; absent for a derived field'),
            new: z.unknown().optional().describe('The value written; absent when the key was dropped'),
            reason: z.string(),
            repair: z
              .enum(['quote-value', 'escape-quotes', 'tab-indent'])
              .optional()
              .describe('The kind of repair, when the change repaired YAML that did not read; `old` is then the text as written'),
          })
          .strict(),
      )
      .describe('Every frontmatter change, old value → new'),
    warnings: z.array(z.object({rule: z.string(), reason: z.string(), line: z.number().int(), column: z.number().int()}).strict()),
    problems: z
      .array(z.object({rule: z.string(), reason: z.string(), line: z.number().int(), column: z.number().int()}).strict())
      .describe('With --strict: frontmatter keys missing or of the wrong type'),
  })
  .strict()

/** The JSON Schema of a record. */
export function recordJsonSchema(): unknown {
  return z.toJSONSchema(recordSchema, {target: 'draft-2020-12'})
}

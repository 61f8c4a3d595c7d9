/** Rules section `duplicateParagraph`: thresholds for repeated paragraphs. */
import {z} from 'zod'
import {defineSection} from '../../ruleset/section.js'

export const schema = z
  .object({
    /** A repeated prose paragraph shorter than this (in characters of text) is kept. */
    minLength: z.number().int().min(1).optional(),
    /** A repeated paragraph with fewer words is kept. */
    minWords: z.number().int().min(1).optional(),
    /** How many of the first top-level paragraphs count as the intro. */
    introParagraphs: z.number().int().min(0).optional(),
    /** How many of the last top-level blocks count as the outro, where a pasted-again intro sits. */
    outroBlocks: z.number().int().min(0).optional(),
    /** An intro pasted again in the outro goes from this many characters of text… */
    minIntroLength: z.number().int().min(1).optional(),
    /** …and this many words. */
    minIntroWords: z.number().int().min(1).optional(),
  })
  .strict()

export interface DuplicateParagraphRules {
  readonly minLength: number
  readonly minWords: number
  readonly introParagraphs: number
  readonly outroBlocks: number
  readonly minIntroLength: number
  readonly minIntroWords: number
}

export function compile(data: z.input<typeof schema> | undefined): DuplicateParagraphRules {
  return {
    minLength: data?.minLength ?? 120,
    minWords: data?.minWords ?? 20,
    introParagraphs: data?.introParagraphs ?? 3,
    outroBlocks: data?.outroBlocks ?? 5,
    minIntroLength: data?.minIntroLength ?? 60,
    minIntroWords: data?.minIntroWords ?? 10,
  }
}

/** The `duplicateParagraph` section of a rules file. */
export const section = defineSection('duplicateParagraph', schema, compile)

/** Types for scan.js (independent residual-spam and loss checks). */
import type {Line} from './markdown-lines.js'

export interface SpamFinding {
  pattern: string
  line: number
  excerpt: string
}

export interface Item {
  text: string
  line: number
}

export interface LostItem extends Item {
  kind: 'heading' | 'image' | 'code' | 'paragraph' | 'table'
}

export declare const SPAM_PATTERNS: ReadonlyArray<{id: string; pattern: RegExp; test?: (match: RegExpMatchArray) => boolean}>
export declare function scanSpam(text: string, lines?: Line[]): SpamFinding[]
export declare function oneLine(text: string, max?: number): string
export declare function spamLineSet(lines: readonly Line[], prose?: string[]): Set<number>
export declare function contentItems(
  text: string,
  options?: {skipSpam?: boolean},
): {headings: Item[]; images: Item[]; code: Item[]; paragraphs: Item[]; tables: Item[]}
export declare function findLoss(input: string, output: string): LostItem[]

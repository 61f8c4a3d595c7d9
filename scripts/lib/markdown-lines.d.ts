/** Types for markdown-lines.js (cheap line-based block classifier). */
export type LineKind =
  | 'frontmatter' | 'blank' | 'text' | 'heading' | 'setext' | 'break' | 'list'
  | 'html' | 'pre' | 'fence' | 'code' | 'indented-code'

export interface Line {
  kind: LineKind
  text: string
  start: number
  end: number
  number: number
  inList: boolean
  inQuote: boolean
}

export declare const CODE_KINDS: ReadonlySet<string>
export declare function classifyLines(text: string): Line[]
export declare function stripInlineCode(text: string, kind: LineKind): string
export declare function proseLines(lines: readonly Line[]): string[]

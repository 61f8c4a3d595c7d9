/** Types for rule-docs.js (the generated pages of docs/rules/); the JSDoc in rule-docs.js says the same. */
export interface RuleMeta {
  readonly id: string
  readonly group: string
  readonly description: string
  readonly enabledByDefault?: boolean
  readonly shapes: readonly string[]
}

export declare function renderRuleDocs(root: string, rules: readonly RuleMeta[]): Map<string, string>
export declare function renderRulePage(root: string, meta: RuleMeta): string

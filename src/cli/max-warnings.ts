/**
 * `decruft check --max-warnings <n>`: warnings do not fail a check, but a
 * project can cap them, as with ESLint's flag of the same name. With
 * `--write` only the warnings a fix left count.
 */

/** Whether the run has more warnings than `--max-warnings` allows (never, without the flag). */
export function exceedsMaxWarnings(warnings: number, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && warnings > maxWarnings
}

/**
 * The line that says why the run fails.
 *
 * @example tooManyWarningsMessage(5, 3, false) // → 'too many warnings: 5, more than --max-warnings 3 allows'
 */
export function tooManyWarningsMessage(warnings: number, maxWarnings: number, write: boolean): string {
  return `too many warnings${write ? ' left' : ''}: ${warnings}, more than --max-warnings ${maxWarnings} allows`
}

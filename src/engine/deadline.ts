/**
 * A time budget for one clean, checked between its steps (each parse, each
 * rule, each pass). `clean()` is synchronous: in its own thread nothing can
 * stop it from outside, so it gives up by itself at the next check once the
 * budget is spent. One step is never interrupted (a parse or a rule that runs
 * away runs to its end); the guards before parsing bound those, and a run on
 * worker threads also ends a task that overruns from outside (node/bounded.ts).
 *
 * Portable: `performance.now()` is there in browsers and Node alike.
 */

/** Thrown at a check once the budget is spent; `clean()` turns it into a CleanError. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded'
  constructor(readonly timeoutMs: number) {
    super(timedOutReason(timeoutMs))
  }
}

/** Where a clean checks its budget. */
export interface Deadline {
  /** Throw {@link DeadlineExceeded} when the budget is spent. */
  check(): void
}

/** No budget: every check passes. */
export const NO_DEADLINE: Deadline = {check() {}}

/**
 * A deadline `timeoutMs` from now; none when `timeoutMs` is undefined or 0.
 * Throws a RangeError for a negative or non-finite budget.
 */
export function startDeadline(timeoutMs: number | undefined): Deadline {
  if (timeoutMs === undefined || timeoutMs === 0) return NO_DEADLINE
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs))
    throw new RangeError(`timeout must be a positive number of milliseconds, got ${timeoutMs}`)
  const end = performance.now() + timeoutMs
  return {
    check() {
      if (performance.now() > end) throw new DeadlineExceeded(timeoutMs)
    },
  }
}

/** `timed out after 60 s`: the cause of a file that overran its budget, the same wherever it ran. */
export function timedOutReason(timeoutMs: number): string {
  return `timed out after ${formatSeconds(timeoutMs)}`
}

/** `60 s`, `0.5 s`, `1.25 s`: milliseconds as seconds, without trailing zeros. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/**
 * Prints the plain closing line CI reads — `N passed, N failed` (and
 * `, N skipped` when any were) — after vitest's own summary, and before it
 * every skipped test with its reason (a test skips only when something
 * outside the project is missing, see tests/support/external.ts; a skip
 * without a reason is shown as such).
 *
 * `failed` counts what vitest counts as a failure, so that the line never
 * says `0 failed` when the run failed: failed tests; each file that failed
 * without a failed test of its own (it did not load, or a `beforeAll` /
 * `afterAll` hook or a suite failed); each unhandled error; and, if the run
 * still ended as failed or interrupted with nothing counted, one.
 */
import type {Reporter, TestModule, TestRunEndReason} from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>, reason: TestRunEndReason): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    /** Skipped tests by file and reason: `file: reason` → how many. */
    const skips = new Map<string, number>()
    const failedFiles: string[] = []
    for (const module of testModules) {
      let failedHere = 0
      for (const test of module.children.allTests()) {
        const result = test.result()
        if (result.state === 'passed') passed++
        else if (result.state === 'failed') failedHere++
        else {
          skipped++
          const note = result.state === 'skipped' ? result.note : undefined
          const key = `${module.relativeModuleId}: ${note ?? `${test.fullName}: no reason given`}`
          skips.set(key, (skips.get(key) ?? 0) + 1)
        }
      }
      failed += failedHere
      const moduleFailed =
        module.state() === 'failed' ||
        module.errors().length > 0 ||
        [...module.children.allSuites()].some((suite) => suite.state() === 'failed' && suite.errors().length > 0)
      if (moduleFailed && failedHere === 0) {
        failed++
        failedFiles.push(module.relativeModuleId)
      }
    }
    failed += errors.length
    if (reason !== 'passed' && failed === 0) failed = 1
    const lines: string[] = []
    for (const [where, count] of skips) lines.push(`skipped ${count} test${count === 1 ? '' : 's'} of ${where}`)
    if (failedFiles.length > 0) lines.push(`failed outside its tests (a hook, a suite or loading): ${failedFiles.join(', ')}`)
    if (errors.length > 0) lines.push(`${errors.length} unhandled error${errors.length === 1 ? '' : 's'} (see above)`)
    process.stdout.write(
      `\n${lines.map((line) => `${line}\n`).join('')}${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    )
  }
}

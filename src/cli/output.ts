/**
 * Where the CLI writes: stdout and stderr as `main` is given them (a
 * process stream, or a string buffer in tests). A module of its own so the
 * progress bar, the summary and check mode can take one without importing
 * `main.ts`, which imports them.
 */

/** A writable text sink (`process.stdout`, or a test's collector). */
export interface Output {
  write(chunk: string): unknown
}

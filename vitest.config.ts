import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // DECRUFT_SHAPE_CHECK=throw: a removal that breaks its rule's shape fails the test that made it
    // (in-process, and in the CLI's child processes, which inherit the environment).
    env: {TZ: 'UTC', DECRUFT_SHAPE_CHECK: 'throw'},
    testTimeout: 60_000,
    // Hooks that build or remove big things set their own, longer timeouts; this one leaves room on a loaded machine.
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
})

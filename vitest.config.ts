import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: {TZ: 'UTC'},
    testTimeout: 60_000,
    // Hooks that build or remove big things set their own, longer timeouts; this one leaves room on a loaded machine.
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
})

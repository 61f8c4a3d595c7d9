import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: {TZ: 'UTC'},
    testTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
})

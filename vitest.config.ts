import { defineConfig } from 'vitest/config'

// Two projects: `unit` (pure, fast, no browser) and `e2e` (the built CLI and decks in a real headless
// Chromium; longer time-outs, one file at a time so browsers do not fight over the machine's 2 cores).
// Both speak English whatever the machine's language: tests of the French messages set it themselves.
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          env: ENGLISH,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          env: ENGLISH,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

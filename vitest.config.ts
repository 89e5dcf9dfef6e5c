import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';
import { hasCorpus, hasSeed, SHARED_MISSING } from './tests/support/corpus';

// One line, once per run, for the tests that skip in a clone on its own.
if (!hasCorpus || !hasSeed) console.log(`Some unit tests are skipped: each ${SHARED_MISSING}.`);

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // `npm run test:coverage`: line coverage of the shipped code, per folder.
    coverage: {
      provider: 'v8',
      include: ['{core,lib,entrypoints,components}/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'test-output/coverage',
      // The content script and background are the parts a page and the
      // reader meet; their unit tier keeps at least this much of them run.
      thresholds: {
        'entrypoints/content/**': { lines: 70 },
        'entrypoints/background/**': { lines: 70 },
      },
    },
  },
});

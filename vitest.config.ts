import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

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

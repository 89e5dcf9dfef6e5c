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
      include: ['core/**', 'lib/**', 'entrypoints/**', 'components/**'],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'test-output/coverage',
    },
  },
});

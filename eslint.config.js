import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      'demo-output/',
      'test-output/',
      'bench-output/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Never build DOM from strings: data reaches the page only as text.
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM with Preact or textContent, never innerHTML.',
        },
        {
          property: 'outerHTML',
          message: 'Build DOM with Preact or textContent, never outerHTML.',
        },
        { property: 'insertAdjacentHTML', message: 'Never insert HTML strings.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  // The layers (README, "Layout"): core is pure and imports no browser side;
  // lib is shared by the entry points and imports none of them; components
  // get data through props, never from the database.
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/**', '**/entrypoints/**', '**/components/**'],
              message:
                'core/ is pure TypeScript: it imports nothing of lib/, entrypoints/ or components/.',
            },
            {
              group: ['wxt', 'wxt/*', 'webextension-polyfill', 'idb', 'preact', 'preact/*'],
              message: 'core/ runs without a browser: no extension API, no IndexedDB, no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entrypoints/**', '**/components/**'],
              message: 'lib/ is shared by the entry points: it imports none of them, nor the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/db', '**/lib/db/**', '**/entrypoints/**'],
              message:
                'components get their data through props, never from the database or an entry point.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and benchmarks build fixtures and read serialised DOM; shipped code never does.
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);

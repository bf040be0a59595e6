// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layers of docs/architecture: code depends downward only.
// lib < data < dom; platform sees lib only; entry points see everything.
const entries = ['**/content/**', '**/background/**', '**/popup/**', '**/options/**'];
const polyfill = {
  group: ['webextension-polyfill'],
  message: 'webextension-polyfill is imported in src/platform/browser.ts only.',
};

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'coverage/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Page scripts of the test fixtures run in the page, as plain scripts.
    files: ['test/e2e/fixtures/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Extension code renders with textContent and elements only. Tests may
    // write fixture markup.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
          message: 'Render with textContent and elements, never an HTML string.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render with textContent and elements, never an HTML string.',
        },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No eval.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [polyfill] }],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            polyfill,
            {
              group: ['**/data/**', '**/dom/**', '**/platform/**', ...entries],
              message: 'src/lib may import src/lib only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            polyfill,
            { group: ['**/dom/**', '**/platform/**', ...entries], message: 'src/data may import src/lib only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/dom/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            polyfill,
            { group: ['**/platform/**', ...entries], message: 'src/dom may import src/lib and src/data only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['src/platform/browser.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            polyfill,
            { group: ['**/data/**', '**/dom/**', ...entries], message: 'src/platform may import src/lib only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/browser.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/data/**', '**/dom/**', ...entries], message: 'src/platform may import src/lib only.' },
          ],
        },
      ],
    },
  },
);

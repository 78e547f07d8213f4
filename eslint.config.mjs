// ESLint 9 flat config: typescript-eslint (type-aware), Lit, web components, lit-a11y.
// `npm run lint` runs this, lit-analyzer (template types) and `prettier --check`; `npm run format` formats.
import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', '.tmp/', 'src/generated/', 'bench/results*', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // "_"-prefixed names and rest siblings (`({ samples, ...rest }) => rest`) are deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `current = this` records the one open <bj-keyword> (module state), not an alias for a closure.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['current'] }],
    },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    // Off for tests only: chai's property assertions (`expect(x).to.exist`) are expressions by design.
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // test/helpers/wait.ts wraps it with a timeout that holds on a loaded two-core CI machine.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: 'Import waitUntil from test/helpers/wait.js (10 s default timeout).',
            },
          ],
        },
      ],
    },
  },
);

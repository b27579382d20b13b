// One lint setup for the whole workspace: typescript-eslint everywhere, Lit and web-component rules
// where elements live (widget/, packages/ui/, console/).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', '**/coverage/**', '**/custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Migrations are frozen against `Kysely<any>` on purpose (house style).
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
    },
  },
  {
    // Layering of the service: domain code (every folder of src/ but the HTTP side and the command
    // line) knows nothing of HTTP. Refusals are `DomainError`s, which http/problem.ts answers. Folders
    // that import each other are refused by config-service/scripts/folder-cycles.ts (also `pnpm lint`).
    files: ['config-service/src/*/**/*.ts'],
    ignores: ['config-service/src/http/**', 'config-service/src/routes/**', 'config-service/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(http|routes)/|(^|/)(app|deps)\\.ts$',
              message: 'Domain code does not import the HTTP side: throw a DomainError (src/errors/) instead.',
            },
            {
              regex: '^(hono|@hono/.*)(/.*)?$',
              message: 'Domain code does not use the web framework: HTTP stays in src/http/ and src/routes/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['config-service/src/db/migrations/**', 'config-service/src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.test.ts', 'config-service/test/**', 'embed-demo/e2e/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Chai's `expect(x).to.exist` is an expression by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['widget/**/*.ts', 'console/**/*.ts', 'packages/ui/src/**/*.ts', 'embed-demo/**/*.{js,ts}'],
    languageOptions: { globals: { ...globals.browser } },
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['widget/**/*.ts', 'console/**/*.ts', 'packages/ui/src/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
);

// ESLint flat config. TypeScript is linted with type information (typescript-eslint
// recommendedTypeChecked + the project service); plain JavaScript (bin/, scripts/, configs) with
// @eslint/js recommended. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', '.data/', '.data*/', 'coverage/', 'test-results/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // ── JavaScript: Node scripts and configs ─────────────────────────────────────────────────────
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: globals.node,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    // Static assets served to the browser (progressive enhancement; not bundled).
    files: ['src/**/assets/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, htmx: 'readonly' } },
  },

  // ── TypeScript: type-checked ─────────────────────────────────────────────────────────────────
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its rejection (and, in a use case, its transaction).
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify accepts async handlers, hooks and plugins wherever a callback is expected, so
      // passing an async function as an argument or JSX attribute is fine; conditionals and
      // spreads of promises are still bugs.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // Fastify plugins, hooks and route handlers are async by contract even when they do not
      // await anything; so are many port implementations (in-memory fakes).
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names mark deliberately unused parameters (interface conformance, Fastify's
      // positional (request, reply) signature) and discarded destructured fields.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read JSON bodies through light-my-request's `response.json()` (typed `any`) and
    // vitest's `expect(...)` checks their shape at run time; `expect(fake.method)` passes methods
    // unbound on purpose. Production code keeps all of these rules.
    files: ['test/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
]);

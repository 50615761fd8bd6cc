// The project's lint: typescript-eslint's type-checked rules on the TypeScript (src, runtime, tests, the
// Vite and Vitest configs), ESLint's recommended rules on the plain JavaScript (scripts/, bin/). Formatting
// is Prettier's alone (.prettierrc.json): eslint-config-prettier, last, turns off every rule it owns.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** `fs` → `node:fs`: the code names Node's modules by their protocol, so a package can never shadow one. */
const NODE_PROTOCOL = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_') && !name.startsWith('node:'))
    .map((name) => ({ name, message: `Import 'node:${name}': Node's own modules are named with the node: protocol.` })),
}

export default defineConfig([
  // Built, installed or user content (fixtures are decks and scripts as users write them).
  globalIgnores(['dist/', 'lib/', 'assets/', 'node_modules/', '.bench/', 'coverage/', 'tests/fixtures/', 'templates/', '.diapo-tmp-*']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'no-restricted-imports': ['error', NODE_PROTOCOL] },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A parameter a signature needs but the body does not read is named `_ctx`, as the code does today.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // `||` on strings is deliberate: an empty `HOME` or an empty note falls back like a missing one.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Handing on a caught `unknown` (`catch (err) { ... throw err }`, `Promise.reject(err)`) is the rethrow idiom.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (`expect.any(Number)`, `expect.objectContaining()`) are typed `any`;
      // where a test really reads an untyped value, no-unsafe-member-access and no-unsafe-call still say so.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    // Node scripts; the functions they hand to Puppeteer's page.evaluate() run in the page, hence the browser's globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
])

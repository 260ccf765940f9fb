// ESLint, flat config. TypeScript (apps, libs, tests) gets typescript-eslint's type-checked recommended rules,
// the console's browser modules get @eslint/js recommended, and the pure libraries get lint rules that keep the
// clock and randomness out of them (DESIGN §2: domain and policy are functions of their inputs).
// The import layering (which library may import which) is dependency-cruiser's job: .dependency-cruiser.cjs.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The browser globals the console uses. (The `globals` package is not installed; tsc with checkJs and lib "dom"
// checks the console's names anyway, see apps/web/tsconfig.json.)
const browserGlobals = Object.fromEntries(
  [
    'window',
    'document',
    'location',
    'history',
    'navigator',
    'localStorage',
    'sessionStorage',
    'fetch',
    'Headers',
    'URL',
    'URLSearchParams',
    'FormData',
    'Blob',
    'File',
    'FileReader',
    'AbortController',
    'Event',
    'CustomEvent',
    'HTMLElement',
    'HTMLInputElement',
    'HTMLSelectElement',
    'HTMLTextAreaElement',
    'HTMLFormElement',
    'HTMLButtonElement',
    'HTMLAnchorElement',
    'Element',
    'Node',
    'DocumentFragment',
    'console',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'requestAnimationFrame',
    'queueMicrotask',
    'structuredClone',
    'crypto',
    'Intl',
    'CSS',
  ].map((name) => [name, 'readonly']),
);

// The clock and chance do not belong in a pure library: take "now" and random values as inputs.
const impure = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() reads the clock: pass the date in (the caller decides what "now" is).',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Date.now() reads the clock: pass the time in.',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Math.random() makes the result depend on chance: pass the value in.',
  },
];

export default defineConfig(
  globalIgnores(['**/dist/', '**/data/', '**/node_modules/', '**/coverage/', '.dist-*/']),

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Nest handlers, guards and ports are async by contract even when an implementation has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a parameter a signature demands and the body does not use (as tsc's noUnused*
      // does); `const { dropped: _, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },

  {
    // A test reads untyped JSON on purpose (supertest's res.body, fetch's json(), pg rows): its expect() calls are
    // the check, so the no-unsafe-* family (which flags every read of an `any`) is off in tests and specs only.
    files: ['tests/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  {
    files: ['libs/domain/**/*.ts', 'libs/policy/**/*.ts', 'libs/kernel/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...impure] },
  },

  {
    files: ['apps/web/public/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: browserGlobals },
  },

  {
    files: ['**/*.cjs', 'jest.config.js', 'scripts/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },

  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module' },
  },
);

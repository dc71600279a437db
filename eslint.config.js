import tseslint from 'typescript-eslint';
import globals from 'globals';
import aviso from './lint/aviso-rules.js';

const typeScript = ['**/*.ts', '**/*.tsx'];
const tests = ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**'];
// node:test's test() and describe() return promises the runner awaits itself.
const nodeTestCalls = [
  {
    from: 'package',
    package: 'node:test',
    name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
  },
];
// Building queries is the stores' job (and storage/'s): everywhere else, call a store.
const queryBuilders = ['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto', 'selectNoFrom'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'screenshots/',
      'src/public-page/public/**/*.js',
      'src/embed/**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.ts only.' },
      ],
    },
  },
  {
    // Type-aware rules that catch real bugs, everywhere TypeScript is: an unawaited promise (an
    // assert.rejects nobody waits for cannot fail), a promise where a callback is expected.
    files: typeScript,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: nodeTestCalls }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Production code gets the whole type-checked set, unsafe `any` included.
    files: typeScript,
    ignores: tests,
    extends: [tseslint.configs.recommendedTypeChecked],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // Fastify handlers are async whether or not they wait for something.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Only the config module reads the environment; scripts and tests of the harness may pass it on.
    files: ['src/config.ts', 'scripts/**', 'bench/**', 'playwright.config.ts', 'e2e/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The layers of ARCHITECTURE.md, and no import cycle anywhere in src/ (type-only imports count).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { aviso },
    rules: { 'aviso/no-import-cycle': 'error', 'aviso/layering': 'error' },
  },
  {
    // Tests assemble real parts from every layer; the layering binds production code.
    files: tests,
    rules: { 'aviso/layering': 'off' },
  },
  {
    // SQL lives in the stores and storage/ only.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*-store.ts', 'src/storage/**', ...tests],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: 'SQL lives in *-store.ts files and storage/ only.' }] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=/^(${queryBuilders.join('|')})$/]`,
          message: 'SQL lives in *-store.ts files and storage/ only: call a store.',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);

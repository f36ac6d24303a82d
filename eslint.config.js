// Lint: type-aware TypeScript rules, plus the architecture's folder boundaries as import restrictions
// (see ../shared/ARCHITECTURE.md): what each folder may not import is enforced here, not in review.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's built-ins spelled without `node:` (`fs`, `path`); the `node:` spelling is caught by the `node` pattern. */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('node:'));
const node = { regex: '^node:', message: 'Node built-ins are not available here.' };
const electronPackage = {
  regex: '^electron(/|$)',
  message: 'Only electron/main and electron/preload import Electron.',
};
const electronFolder = {
  regex: '(^|/)electron/(main|preload|library|cli|serve)(/|$)',
  message: 'This side reaches the app only through shared/contract.',
};
const rendererFolder = { regex: '(^|/)renderer(/|$)', message: 'Nothing outside renderer/ imports the renderer.' };
const noDb = { name: 'better-sqlite3', message: 'Only electron/library talks to SQLite.' };

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'bench/cache/**',
      'test-results/**',
      '.electron-native/**',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-control-regex': 'error',
    },
  },
  {
    // Plain JavaScript (scripts, bin, this file) is outside the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'react', 'react-dom', noDb.name].map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no Node, Electron, React or SQLite.',
          })),
          patterns: [node, electronPackage, electronFolder, rendererFolder, { regex: '^react(-dom)?/' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.map((name) => ({ name, message: node.message })), noDb],
          patterns: [node, electronPackage, electronFolder],
        },
      ],
    },
  },
  {
    files: ['electron/library/**', 'electron/cli/**', 'electron/serve/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronPackage, rendererFolder, { regex: '(^|/)electron/(main|preload)(/|$)' }] },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [rendererFolder] }] },
  },
  {
    // The preload runs sandboxed: only 'electron' and bundled shared code are available to it.
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'A sandboxed preload has no Node built-ins.' })),
            noDb,
          ],
          patterns: [node, rendererFolder, { regex: '(^|/)electron/(main|library|cli|serve)(/|$)' }],
        },
      ],
    },
  },
);

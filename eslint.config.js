import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'url', 'util', 'stream', 'zlib', 'events', 'buffer'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'tmp/**', 'resources/scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', 'electron/**/*.ts', 'test/**/*.ts', '*.config.ts'], languageOptions: { globals: { ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    // Type-aware rules for every TypeScript file: tsconfig.json references tsconfig.node.json and
    // tsconfig.web.json, which together include electron/, shared/, renderer/, resources/, test/ and
    // the *.config.ts files, so the project service finds a program for each of them.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // A runtime import cycle makes module initialisation order-dependent. Type-only imports are
    // erased at build time, so import-x's no-cycle skips them (import type / all-type specifiers).
    files: ['**/*.{ts,tsx,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Tool configuration files are loaded through their default export.
    files: ['*.config.{js,ts}'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    // shared/ is pure TypeScript: no Node, DOM, Electron, React or sql.js.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ must stay pure: no Node modules.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must stay pure: no Electron.' },
          { group: ['react', 'react-dom', 'react/*', '@mantine/*', 'zustand', 'leaflet', 'react-leaflet'], message: 'shared/ must stay pure: no UI libraries.' },
          { group: ['sql.js', 'better-sqlite3', 'exceljs', 'papaparse', 'iconv-lite'], message: 'shared/ must stay pure: I/O libraries belong to electron/backend.' },
          { group: ['../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'], message: 'shared/ must not depend on a host.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'localStorage', 'fetch'],
    },
  },
  {
    // The backend is plain Node: it never imports Electron or React.
    files: ['electron/backend/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron'], message: 'The backend is plain Node: no Electron import.' },
          { group: ['react', 'react-dom', '@mantine/*', '../../renderer/*', '../renderer/*'], message: 'The backend has no UI code.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['sql.js', 'better-sqlite3', 'exceljs', 'papaparse', 'iconv-lite', 'electron', ...nodeBuiltins], message: 'The renderer talks to the backend through the API client only.' },
          { group: ['../electron/*', '../../electron/*', '../../../electron/*'], message: 'The renderer never imports backend code.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        // A state updater runs after the handler returns, when React has cleared the event's currentTarget.
        selector: 'CallExpression[callee.name=/^set[A-Z]/] > :function MemberExpression[property.name="currentTarget"]',
        message: 'Read event.currentTarget in the handler and pass the value to the updater: inside the updater it is null.',
      }],
    },
  },
);

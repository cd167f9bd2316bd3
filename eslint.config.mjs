// Type-aware lint with the boundaries of our layout:
//   src/core/**       no runtime `vscode`, no host code (runs in plain Node)
//   src/webview-ui/** browser only: no `vscode`, no Node built-ins
//   activation modules  feature modules only as `import type` (scripts/eslintActivationBoundary.mjs)
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { ACTIVATION_MODULES, activationBoundary } from './scripts/eslintActivationBoundary.mjs';

const nodeBuiltins = [
  'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'util', 'url', 'zlib', 'events',
].flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-env/**', 'test-results/**', '.stryker-tmp/**', 'reports/**', '**/*.mjs', 'scripts/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.test.json', './tsconfig.webview.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      eqeqeq: 'error',
      curly: 'error',
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // vscode.Disposable is declared as a class but the API (and every extension) uses it structurally:
      // EventEmitter, TreeView, WebviewPanel… are "disposables" without being instances of that class.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // `import vscode = require('vscode')`: esbuild emits a plain require for it, where
      // `import * as vscode` costs a full copy of the API object per importing module at activation.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='vscode'][importKind='value']",
        message: "Use `import vscode = require('vscode')` (or `import type`): esbuild copies the whole API object for each `import * as vscode`.",
      }],
    },
  },
  {
    // the two composition stages: what activation evaluates never pulls in a feature module
    files: ACTIVATION_MODULES,
    plugins: { yampi: { rules: { 'activation-boundary': activationBoundary } } },
    rules: { 'yampi/activation-boundary': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', allowTypeImports: true, message: 'src/core must not import vscode at runtime.' }],
        patterns: [{ group: ['**/host/**', '**/webview-ui/**'], message: 'src/core must not depend on host or webview code.' }],
      }],
    },
  },
  {
    files: ['src/webview-ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview bundle runs in a browser.' }, ...nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins in the webview.' }))],
        patterns: [{ group: ['**/host/**', '**/core/api/**'], message: 'The webview bundle imports only core/webview protocol and pure helpers.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

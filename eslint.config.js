// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node built-ins, with and without the `node:` prefix. */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

const noElectron = {
  name: 'electron',
  message: 'Only main/shell (and preload) may import electron: see ARCHITECTURE §2.',
};
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Use the typed contract wrapper (main/shell/ipc, preload/index.ts), never raw ipcMain/ipcRenderer.',
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // shared/: pure TypeScript, used by both sides.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ is pure: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'shared/ may not depend on a process.',
            },
          ],
        },
      ],
    },
  },
  // renderer/: sees only shared/ and window.portdesk.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer talks to main only through window.portdesk.',
            },
          ],
        },
      ],
    },
  },
  // renderer/: the rules of hooks, and effects that name everything they read.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // main/core and the simulator: plain Node, testable without Electron.
  {
    files: ['main/core/**/*.ts', 'main/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/shell/**', '**/renderer/**'],
              message: 'core may not reach up into the shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  // Everything else that may import electron still may not use raw IPC.
  {
    files: ['main/shell/**/*.ts', 'main/index.ts', 'preload/**/*.ts', 'tests/**/*.ts'],
    ignores: ['main/shell/ipc/handle.ts', 'main/shell/ipc/send.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
);

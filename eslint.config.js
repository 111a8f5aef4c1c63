// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

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

/**
 * The layers of ARCHITECTURE §2, as import-x zones: each zone forbids `target` from importing
 * `from`. shared ← core ← host ← {shell, browserHost}; simulator ← shared; demo ← {simulator,
 * core}; renderer ← shared; the composition roots (main/index.ts, main/browserHost/cli.ts) wire
 * the demo in.
 */
const everythingBut = (...allowed) =>
  [
    'main/core',
    'main/host',
    'main/shell',
    'main/browserHost',
    'main/demo',
    'main/simulator',
    'main/index.ts',
    'renderer',
    'preload',
    'shared',
    'tests',
    'bench',
    'scripts',
  ]
    .filter((folder) => !allowed.includes(folder))
    .map((folder) => `./${folder}`);
const layerZones = [
  {
    target: './shared',
    from: everythingBut('shared'),
    message: 'shared/ imports nothing of ours.',
  },
  {
    target: './main/core',
    from: everythingBut('main/core', 'shared'),
    message: 'main/core imports shared/ only; a host-side need is injected (ARCHITECTURE §2).',
  },
  {
    target: './main/host',
    from: everythingBut('main/host', 'main/core', 'shared'),
    message: 'main/host is host-neutral: it imports core and shared only.',
  },
  {
    target: './main/shell',
    from: everythingBut('main/shell', 'main/host', 'main/core', 'shared'),
    message: 'main/shell imports host, core and shared only.',
  },
  {
    // Every file but cli.ts, the browser host's composition root.
    target: ['./main/browserHost/!(cli).ts', './main/browserHost/*/**'],
    from: everythingBut('main/browserHost', 'main/host', 'main/core', 'shared'),
    message: 'main/browserHost imports host, core and shared only (cli.ts composes the demo).',
  },
  {
    target: './main/simulator',
    from: everythingBut('main/simulator', 'shared'),
    message: 'The simulator imports shared/ only.',
  },
  {
    target: './main/demo',
    from: everythingBut('main/demo', 'main/simulator', 'main/core', 'shared'),
    message: 'main/demo composes the simulator and the core, nothing else.',
  },
  {
    target: './renderer',
    from: everythingBut('renderer', 'shared'),
    message: 'The renderer sees shared/ and window.portdesk only.',
  },
  {
    target: './preload',
    from: everythingBut('preload', 'shared'),
    message: 'preload builds the bridge from shared/ only.',
  },
  {
    target: './renderer/store',
    from: './renderer/features',
    message: 'Stores hold state and workflows; they never import screens.',
  },
];

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
  // Layers (ARCHITECTURE §2), checked on the import graph; cycles, type-only ones included, are
  // checked by `npm run lint:cycles` (dpdm).
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['tsconfig.node.json', 'tsconfig.web.json'],
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  // Everything else that may import electron still may not use raw IPC.
  {
    files: ['main/shell/**/*.ts', 'main/index.ts', 'preload/**/*.ts', 'tests/**/*.ts'],
    ignores: ['main/shell/ipc/handle.ts', 'main/shell/ipc/send.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
);

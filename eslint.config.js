// ESLint: the recommended rules, and the architecture as import rules, each with a message that
// names the fix (docs/architecture.md, "Rules the layout keeps"). `npm run lint`; `npm run check`
// runs it with the three type checks.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

// ── What each layer may not import ─────────────────────────────────────────────────────────────
// Patterns are regular expressions over the import specifier as written (relative paths included).

const HUB_IS_UI_FREE = 'electron/hub/ is the UI-free core that `mcp-tray serve` runs too:';

const hubPaths = [
  { name: 'electron', message: `${HUB_IS_UI_FREE} take what it needs as an option (see HubOptions in hub.ts) and pass it from electron/main.ts.` },
  { name: 'electron-store', message: `${HUB_IS_UI_FREE} settings go through settings/store.ts, and main.ts passes the electron-store backend in.` },
];

const hubPatterns = [
  {
    regex: '(^|/)shell/|^(\\.\\./)+(main|preload)\\.ts$',
    message: `${HUB_IS_UI_FREE} it cannot import the Electron shell. Move the shared code into electron/hub/ and import it from the shell instead.`,
  },
  { regex: '(^|/)cli/', message: `${HUB_IS_UI_FREE} it cannot import the CLI. Move the shared code into electron/hub/ and import it from electron/cli/ instead.` },
  {
    regex: '(^|/)renderer/',
    message: `${HUB_IS_UI_FREE} it cannot import the renderer. Types both sides share belong in electron/hub/contract/.`,
  },
];

// The v2 SDK (protocol 2026-07-28) stays behind electron/hub/gateway/eras/ and
// electron/hub/upstream/eras/, and is loaded only when a client or a server of that era shows up
// (docs/protocol-eras.md).
const V2_IS_CONTAINED =
  'The v2 MCP SDK is imported only in electron/hub/gateway/eras/ and electron/hub/upstream/eras/, and loaded with `await import(...)` when a 2026-07-28 client or server shows up: add what you need to a module there and call it through the gateway or open-upstream.ts.';
const v2Patterns = [
  { regex: '^@modelcontextprotocol/(server|node|client|core)(/|$)', message: V2_IS_CONTAINED },
  // Its modules that load the SDK: a type import is fine, a value import would load it at start.
  { regex: '(^|/)eras/modern-(http|socket|dispatch|upstream)\\.ts$', allowTypeImports: true, message: V2_IS_CONTAINED },
];

const CONTRACT_IS_BOTTOM =
  'electron/hub/contract/ is the bottom layer (the renderer type-imports it): it imports only itself, ../settings/schema.ts and zod. Move the type here, or the code that needs the import out of the contract.';

const contractPatterns = (up) => [
  // Packages: zod only (no node: modules, no SDK).
  { regex: '^(?![./]|zod$)', message: CONTRACT_IS_BOTTOM },
  // Out of the contract folder: only the settings schema.
  { regex: `^${up}\\.\\./(?!settings/schema\\.ts$)`, message: CONTRACT_IS_BOTTOM },
  { regex: `^${up}\\.\\./\\.\\./`, message: CONTRACT_IS_BOTTOM },
];

const rendererPatterns = [
  {
    regex: '(^|/)electron/hub/contract/',
    allowTypeImports: true,
    message:
      'The renderer reaches the hub only through the control API: use `import type` from electron/hub/contract/ (re-exported by renderer/src/api/contract-types.ts) and call the hub with `control.call` from renderer/src/api/control-client.ts.',
  },
  {
    regex: '^(\\.\\./)*electron(/(?!hub/contract/)|$)',
    message:
      'The renderer runs in a browser or a sandboxed window: it imports nothing from electron/ but the contract types (electron/hub/contract/, type-only). Add what it needs to the contract, or to renderer/src/.',
  },
];

const serverPatterns = [
  {
    regex: '^(\\.\\./)+electron/|^electron$',
    message: 'Bundled servers under servers/ run on their own (bundled into resources/servers/): they import nothing from electron/. Put shared code in servers/common/.',
  },
];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'e2e/**/fixtures/**/*.js', 'bench/results/**'] },

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `let x; … () => x?.stop() …; x = …`: a closure made before the value exists reads it later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },

  // Type-aware, where it is cheap and matters: in the hub, the shell and the servers a dropped
  // rejection ends a long-running process. A promise left on purpose says so with `void`.
  {
    files: ['electron/**/*.ts', 'servers/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }] },
  },
  // The renderer: browser globals and the rules of hooks.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // ── The architecture ──────────────────────────────────────────────────────────────────────────
  {
    files: ['electron/hub/**/*.ts'],
    rules: { [RULE]: ['error', { paths: hubPaths, patterns: [...hubPatterns, ...v2Patterns] }] },
  },
  {
    files: ['electron/hub/gateway/eras/*.ts', 'electron/hub/upstream/eras/*.ts'],
    rules: { [RULE]: ['error', { paths: hubPaths, patterns: hubPatterns }] },
  },
  {
    files: ['electron/hub/contract/*.ts'],
    rules: { [RULE]: ['error', { paths: hubPaths, patterns: [...hubPatterns, ...contractPatterns('')] }] },
  },
  {
    files: ['electron/hub/contract/api/*.ts'],
    rules: { [RULE]: ['error', { paths: hubPaths, patterns: [...hubPatterns, ...contractPatterns('\\.\\./')] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { [RULE]: ['error', { patterns: rendererPatterns }] },
  },
  {
    files: ['servers/**/*.ts'],
    rules: { [RULE]: ['error', { patterns: serverPatterns }] },
  },
);

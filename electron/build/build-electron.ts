// `npm run build:electron`: the JavaScript the desktop app runs, built with rolldown (the bundler
// vite uses). Electron's main process cannot be relied on to strip TypeScript like Node 24 does,
// and a sandboxed preload must be one CommonJS file. Type checking is separate
// (`tsc -p electron/tsconfig.json`); this only transforms, so it does not need Electron's binary.
//
//   dist/electron/main.js       the main process; npm packages stay imports (node_modules in the app)
//   dist/electron/preload.cjs   the preload, one CommonJS file (only `electron` is external)
//   dist/electron/assets/       tray and window icons
//   dist/servers/<kind>/main.js each bundled server, self-contained (shipped as resources)
//   dist/bridge/mcp-tray.mjs    the CLI, self-contained: what IDE entries run (shipped as resources)
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InputOptions, type OutputOptions } from 'rolldown';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const from = (...parts: string[]) => path.join(ROOT, ...parts);

const NODE_BUILTINS: (string | RegExp)[] = [/^node:/, ...builtinModules];
/** npm packages a bundled server never loads (optional native or non-Node variants). */
const NEVER_LOADED = ['pg-native', 'pg-cloudflare', 'cloudflare:sockets'];
/**
 * Files a bundled server loads beside itself at run time (they cannot be inlined): the PostgreSQL
 * parser's WebAssembly, which libpg-query finds next to the module that loads it.
 */
const SERVER_ASSETS: Record<string, string[]> = { postgres: ['node_modules/libpg-query/wasm/libpg-query.wasm'] };
/** Native modules cannot be bundled; only `mcp-tray serve` loads the keychain one. */
const NATIVE = [/^@napi-rs\/keyring/];

const isBarePackage = (id: string) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

/**
 * Worker scripts the hub starts with `new Worker(new URL('./<name><ext of the caller>', import.meta.url))`:
 * built as entries of their own beside the module that starts them.
 */
const HUB_WORKERS = [['log-worker', 'electron/hub/call-log/log-worker.ts']] as const;
const workerEntries = () => Object.fromEntries(HUB_WORKERS.filter(([, file]) => existsSync(from(file))).map(([name, file]) => [name, from(file)]));

async function bundle(input: InputOptions, output: OutputOptions): Promise<void> {
  // ES module builds first: some packages' `main` is a UMD file that requires its parts at run time.
  await build({ platform: 'node', logLevel: 'warn', resolve: { mainFields: ['module', 'main'] }, ...input, output: { sourcemap: true, ...output } });
}

export async function buildElectron(): Promise<void> {
  const started = Date.now();
  for (const dir of ['electron', 'servers', 'bridge']) rmSync(path.join(DIST, dir), { recursive: true, force: true });

  await bundle(
    { input: { main: from('electron', 'main.ts'), ...workerEntries() }, external: (id) => isBarePackage(id) },
    { dir: path.join(DIST, 'electron'), format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  );
  await bundle({ input: from('electron', 'preload.ts'), external: ['electron'] }, { file: path.join(DIST, 'electron', 'preload.cjs'), format: 'cjs' });

  mkdirSync(path.join(DIST, 'electron', 'assets'), { recursive: true });
  for (const file of readdirSync(from('electron', 'assets')).filter((name) => name.endsWith('.png'))) {
    cpSync(from('electron', 'assets', file), path.join(DIST, 'electron', 'assets', file));
  }

  const kinds = readdirSync(from('servers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(from('servers', entry.name, 'main.ts')))
    .map((entry) => entry.name);
  for (const kind of kinds) {
    await bundle(
      {
        input: from('servers', kind, 'main.ts'),
        external: [...NODE_BUILTINS, ...NEVER_LOADED],
        // CommonJS parts (libpg-query's loader) ask for their own folder: in an ES module that is import.meta's.
        transform: { define: { __dirname: 'import.meta.dirname', __filename: 'import.meta.filename' } },
      },
      { file: path.join(DIST, 'servers', kind, 'main.js'), format: 'esm', codeSplitting: false },
    );
    for (const asset of SERVER_ASSETS[kind] ?? []) cpSync(from(asset), path.join(DIST, 'servers', kind, path.basename(asset)));
  }
  // resources/servers has no package.json above it in a packaged app: say these are ES modules.
  writeFileSync(path.join(DIST, 'servers', 'package.json'), '{ "type": "module" }\n');

  await bundle(
    {
      input: { 'mcp-tray': from('electron', 'cli', 'main.ts'), ...workerEntries() },
      external: [...NODE_BUILTINS, ...NEVER_LOADED, ...NATIVE],
      // The entry module is the CLI's main.ts itself: run it when started, on any Node version.
      transform: { define: { 'import.meta.main': 'true' } },
    },
    {
      dir: path.join(DIST, 'bridge'),
      format: 'esm',
      // `serve` (and so the call log that starts the worker) is a chunk: its worker goes beside it.
      entryFileNames: (chunk) => (chunk.name === 'mcp-tray' ? 'mcp-tray.mjs' : 'chunks/[name].mjs'),
      chunkFileNames: 'chunks/[name]-[hash].mjs',
    },
  );
  writeFileSync(path.join(DIST, 'bridge', 'package.json'), '{ "type": "module" }\n');

  process.stdout.write(`build:electron: main, preload, ${kinds.length} servers (${kinds.join(', ')}) and the bridge in ${Date.now() - started} ms → ${DIST}\n`);
}

if (import.meta.main) await buildElectron();

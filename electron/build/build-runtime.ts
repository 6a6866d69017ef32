// `npm run build:runtime`: the packaged app's Node runtime, dist/runtime/mcp-tray-runtime(.exe), a
// Node single executable application (https://nodejs.org/api/single-executable-applications.html)
// made from the Node that runs this build (the one pinned in node_modules) and the script
// electron/runtime/runtime-entry.ts. IDE entries and the bundled servers run it, so the app can ship
// with Electron's runAsNode fuse off (docs/security.md). Built on each OS for that OS: the Node
// binary is the build machine's own.
//
//   1. rolldown: the runtime's script as one CommonJS file (the bridge only: the CLI's other
//      commands are left out, they load the hub)
//   2. node --experimental-sea-config: the preparation blob
//   3. a copy of this Node with the blob injected (postject); on macOS the copy is unsigned first and
//      signed ad hoc after (electron-builder signs it for real: mac.binaries)
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'rolldown';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RUNTIME_DIR = path.join(ROOT, 'dist', 'runtime');
export const RUNTIME_NAME = process.platform === 'win32' ? 'mcp-tray-runtime.exe' : 'mcp-tray-runtime';
export const RUNTIME_PATH = path.join(RUNTIME_DIR, RUNTIME_NAME);
/** The marker Node looks for to know a blob was injected (Node's documented value). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** The CLI's command table loads every command lazily: in the runtime only `bridge` may be reached. */
const onlyTheBridge: Plugin = {
  name: 'only-the-bridge',
  resolveId(id, importer) {
    if (importer?.endsWith(`${path.sep}command-table.ts`) && id.startsWith('./commands/') && id !== './commands/bridge.ts') return `\0not-in-runtime:${id}`;
    return undefined;
  },
  load(id) {
    if (id.startsWith('\0not-in-runtime:')) return `throw new Error('mcp-tray-runtime runs only the bridge');`;
    return undefined;
  },
};

export async function buildRuntime(): Promise<{ path: string; bytes: number; ms: number }> {
  const started = Date.now();
  rmSync(RUNTIME_DIR, { recursive: true, force: true });
  mkdirSync(RUNTIME_DIR, { recursive: true });
  const script = path.join(RUNTIME_DIR, 'runtime-entry.cjs');
  await build({
    input: path.join(ROOT, 'electron', 'runtime', 'runtime-entry.ts'),
    platform: 'node',
    logLevel: 'warn',
    external: [/^node:/, ...builtinModules],
    plugins: [onlyTheBridge],
    // The bridge never runs from a checkout, so the checkout's launcher path is never used.
    transform: { define: { 'import.meta.url': JSON.stringify(pathToFileHref(RUNTIME_PATH)) } },
    output: { file: script, format: 'cjs', codeSplitting: false },
  });

  const blob = path.join(RUNTIME_DIR, 'runtime.blob');
  const config = path.join(RUNTIME_DIR, 'sea-config.json');
  // execArgvExtension "none": the runtime takes no Node options from its command line.
  writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false, execArgvExtension: 'none' }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'pipe' });

  copyFileSync(process.execPath, RUNTIME_PATH);
  chmodSync(RUNTIME_PATH, 0o755);
  if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', RUNTIME_PATH]);
  const { inject } = createRequire(import.meta.url)('postject') as {
    inject(file: string, name: string, data: Buffer, options: { sentinelFuse: string; machoSegmentName?: string }): Promise<void>;
  };
  await inject(RUNTIME_PATH, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE, ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}) });
  if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', RUNTIME_PATH]);
  for (const file of [blob, config]) rmSync(file);
  return { path: RUNTIME_PATH, bytes: statSync(RUNTIME_PATH).size, ms: Date.now() - started };
}

function pathToFileHref(file: string): string {
  return new URL(`file://${file.split(path.sep).join('/')}`).href;
}

if (import.meta.main) {
  const built = await buildRuntime();
  process.stdout.write(`build:runtime: ${built.path} (${(built.bytes / 1e6).toFixed(1)} MB) in ${built.ms} ms\n`);
}

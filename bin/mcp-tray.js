#!/usr/bin/env node
// Launcher for the `mcp-tray` CLI. The CLI is TypeScript run by Node's type stripping and uses
// node:sqlite, so it needs Node ≥ 22.18. Under an older Node (Debian's 20, say) it re-runs itself
// with the Node pinned in this project's node_modules, passing stdio straight through.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 18);

if (supported) {
  // Node caches compiled (and type-stripped) modules between runs: the hub starts about twice as
  // fast and without the TypeScript stripper loaded. Only in a folder of the user's own (not the
  // shared /tmp, Node's default); without a safe one, no cache.
  const { privateCompileCacheFolder } = await import('./private-compile-cache.js');
  const cacheFolder = privateCompileCacheFolder();
  if (cacheFolder) module.enableCompileCache?.(cacheFolder);
  // Before the first module loads: loading alone would grow V8's young generation for good.
  const { keepYoungGenerationSmall } = await import('../electron/hub/util/young-generation.ts');
  keepYoungGenerationSmall();
  const { main } = await import('../electron/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(`mcp-tray: needs Node 22.18 or newer (this is ${process.version}); run "npm install" in ${fileURLToPath(new URL('..', import.meta.url))} to get the pinned one\n`);
    process.exit(1);
  }
  const child = spawn(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

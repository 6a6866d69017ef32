// `npm run warm:servers` (also part of `npm install`): fills the user's compile cache with the
// bundled servers' modules. In a checkout they are TypeScript that Node strips at each start unless
// the compile cache holds them; a sandboxed server may read that cache but never write it, so
// without this each server loads Node's type stripper and strips every file at every start (about
// 13 MB more per server, and slower). Each server runs here once with its input closed: it loads
// its modules and exits. No sandbox is needed for that: this is our own code, at install time, with
// a temp HOME and no settings, secrets or arguments. Run it again after editing a bundled server.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { privateCompileCacheFolder } from '../../bin/private-compile-cache.js';
import { BUNDLED_NODE_FLAGS } from '../hub/server-registry/launch-plan.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PROGRAMS = ['filesystem', 'git', 'memory', 'postgres', 'sandbox-relay'];
const GIVE_UP_MS = 20_000;

function warm(entry: string, cache: string, home: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...BUNDLED_NODE_FLAGS, entry], {
      cwd: home,
      env: { PATH: process.env.PATH, HOME: home, NODE_COMPILE_CACHE: cache },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
    child.once('error', () => resolve());
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const cache = privateCompileCacheFolder();
if (!cache) {
  process.stderr.write('warm:servers: no private compile cache folder (see docs/security.md); the bundled servers will strip their TypeScript at each start\n');
} else {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-warm-'));
  try {
    const entries = PROGRAMS.map((name) => path.join(REPO, 'servers', name, 'main.ts')).filter((entry) => existsSync(entry));
    await Promise.all(entries.map((entry) => warm(entry, cache, home)));
    process.stdout.write(`warm:servers: ${entries.length} bundled servers compiled into ${cache}\n`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

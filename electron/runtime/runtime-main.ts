// The packaged app's Node runtime (`resources/runtime/mcp-tray-runtime`): a Node single executable
// application whose embedded script is this file (built by electron/build/build-runtime.ts). It
// lets the app run with Electron's runAsNode fuse off (docs/security.md) and still needs no Node on
// the machine. It runs exactly two things, never an arbitrary script:
//   mcp-tray-runtime bridge --client ID [--data-dir D]     what IDE entries run (the CLI's bridge)
//   mcp-tray-runtime <resources>/servers/<kind>/main.js …  a bundled server, started by the hub
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliContext } from '../cli/cli-context.ts';
import { CliError } from '../cli/cli-error.ts';
import { parseCommandLine, UsageError } from '../cli/parse-command.ts';
import { resolveDataDir } from '../hub/paths.ts';

/** Where the bundled servers are: `resources/servers`, beside this executable's own folder. */
export function serversRootFor(execPath: string): string {
  return path.join(path.dirname(execPath), '..', 'servers');
}

/** Whether `entry` is a file inside `root` (both resolved through symbolic links). */
export function isInside(root: string, entry: string): boolean {
  let realRoot: string;
  let realEntry: string;
  try {
    realRoot = realpathSync(root);
    realEntry = realpathSync(entry);
  } catch {
    return false;
  }
  const relative = path.relative(realRoot, realEntry);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function runBridge(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind !== 'run' || parsed.command.spec.path.join(' ') !== 'bridge') throw new UsageError('mcp-tray-runtime runs only "bridge --client ID"');
    const ctx: CliContext = { dataDir: resolveDataDir(parsed.command.dataDir), stdout: process.stdout, stderr: process.stderr };
    const { run } = await import('../cli/commands/bridge.ts');
    return await run(parsed.command, ctx);
  } catch (error) {
    const code = error instanceof UsageError ? 2 : error instanceof CliError ? error.exitCode : 1;
    process.stderr.write(`mcp-tray: ${(error as Error).message.split('\n')[0]}\n`);
    return code;
  }
}

async function runServer(entry: string, execPath: string): Promise<number | undefined> {
  if (!isInside(serversRootFor(execPath), entry)) {
    process.stderr.write(`mcp-tray-runtime: ${entry} is not one of the app's bundled servers; this runtime runs nothing else\n`);
    return 2;
  }
  // The server reads its arguments from process.argv.slice(2), as under `node main.js …`.
  process.argv.splice(1, 1);
  await import(pathToFileURL(realpathSync(entry)).href);
  return undefined;
}

export async function runtimeMain(argv: string[], execPath: string): Promise<number | undefined> {
  const first = argv[0];
  if (first === 'bridge') return runBridge(argv);
  if (first && path.isAbsolute(first) && first.endsWith('.js')) return runServer(first, execPath);
  process.stderr.write('usage: mcp-tray-runtime bridge --client ID [--data-dir DIR] (the app runs its bundled servers with it too)\n');
  return 2;
}

// The bridge an IDE entry of the packaged app runs: the app's Node runtime (dist/runtime/
// mcp-tray-runtime, a Node single executable application, electron/build/build-runtime.ts) against
// the bundled CLI under plain Node (the nearest stand-in here for the app's executable run as Node,
// which the runAsNode fuse no longer allows). Start-up = from spawning the bridge to the answer of
// `initialize` through it (the hub already running); size = bytes on disk, and gzip as a rough
// guide to what it adds to a download.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { NODE, REPO, startHub, tempDir, writeSettings } from '../../e2e/helpers/hub-process.ts';
import { round } from './stats.ts';

export interface BridgeRuntimeResult {
  /** Median ms from spawn to the `initialize` answer, per form. */
  readonly startupMs: { readonly runtime: number; readonly nodeScript: number };
  readonly runtimeMb: number;
  readonly runtimeGzipMb: number;
  /** The bundled CLI (dist/bridge without source maps) that plain Node or the app as Node ran. */
  readonly scriptKb: number;
  readonly runs: number;
}

const RUNTIME = path.join(REPO, 'dist', 'runtime', 'mcp-tray-runtime');
const SCRIPT = path.join(REPO, 'dist', 'bridge', 'mcp-tray.mjs');

async function timeToInitialize(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  const client = new Client({ name: 'bench-bridge', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command, args, stderr: 'ignore' }));
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (!entry.name.endsWith('.map')) total += statSync(full).size;
  }
  return total;
}

export async function bridgeRuntime(runs = 15): Promise<BridgeRuntimeResult> {
  execFileSync(NODE, [path.join(REPO, 'electron', 'build', 'build-runtime.ts')], { stdio: 'ignore' });
  const dataDir = tempDir('mcp-tray-bench-bridge-');
  writeSettings(dataDir, { servers: [] });
  const hub = await startHub(dataDir);
  try {
    const args = ['bridge', '--client', 'bench', '--data-dir', dataDir];
    const runtime: number[] = [];
    const nodeScript: number[] = [];
    // Alternating, after one warm-up of each, so both see the same page cache and load.
    await timeToInitialize(RUNTIME, args);
    await timeToInitialize(NODE, [SCRIPT, ...args]);
    for (let i = 0; i < runs; i++) {
      runtime.push(await timeToInitialize(RUNTIME, args));
      nodeScript.push(await timeToInitialize(NODE, [SCRIPT, ...args]));
    }
    return {
      startupMs: { runtime: round(median(runtime), 1), nodeScript: round(median(nodeScript), 1) },
      runtimeMb: round(statSync(RUNTIME).size / 1e6, 1),
      runtimeGzipMb: round(gzipSync(readFileSync(RUNTIME), { level: 6 }).length / 1e6, 1),
      scriptKb: round(folderBytes(path.dirname(SCRIPT)) / 1e3, 0),
      runs,
    };
  } finally {
    await hub.stop();
  }
}

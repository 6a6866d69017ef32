// Test helpers that use MCP Tray the way a user does: `mcp-tray serve` as a real process on a temp
// data dir, the real CLI, and the real SDK client running `mcp-tray bridge` as an IDE would.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { startFixtureServer } from './fixture-server.ts';
import { recordTestSecret } from './test-secrets.ts';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(REPO, 'bin', 'mcp-tray.js');
export const NODE = process.execPath;

export function tempDir(prefix = 'mcp-tray-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes settings.json before the hub starts (the conf format is plain JSON). */
export function writeSettings(dataDir: string, settings: Record<string, unknown>): void {
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2), { mode: 0o600 });
}

export interface HubProcess {
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `mcp-tray serve` and waits until it says it is running (`open`: let it open the browser). */
export async function startHub(dataDir: string, options: { env?: NodeJS.ProcessEnv; args?: string[]; open?: boolean } = {}): Promise<HubProcess> {
  const child = spawn(NODE, [BIN, 'serve', '--data-dir', dataDir, ...(options.open ? [] : ['--no-open']), ...(options.args ?? ['--port', '0'])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start within 30 s:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('MCP Tray hub is running')) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve();
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    dataDir,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * A hub on a fresh data dir with `servers` in its settings, once every one of them is running: its
 * data dir, its process and its /mcp URL. A hub whose servers do not start is stopped again.
 */
export async function startHubServing(servers: Record<string, unknown>[]): Promise<{ dataDir: string; hub: HubProcess; url: string }> {
  const dataDir = tempDir();
  writeSettings(dataDir, { servers });
  const hub = await startHub(dataDir);
  try {
    await waitFor('every server running', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.every((s) => s.state === 'running'));
    return { dataDir, hub, url: (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp! };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI; never throws on a non-zero exit. */
export function cli(dataDir: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(NODE, [BIN, '--data-dir', dataDir, ...args], { env: { ...process.env, ...options.env }, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export async function cliJson<T>(dataDir: string, args: string[]): Promise<T> {
  const result = await cli(dataDir, [...args, '--json']);
  if (result.code !== 0) throw new Error(`mcp-tray ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** How an IDE's stdio transport runs `mcp-tray bridge --client ID` (the options of either SDK line's StdioClientTransport). */
export function bridgeCommand(dataDir: string, clientId: string): { command: string; args: string[]; stderr: 'pipe' } {
  return { command: NODE, args: [BIN, 'bridge', '--client', clientId, '--data-dir', dataDir], stderr: 'pipe' };
}

/** The SDK client as an IDE: it runs `mcp-tray bridge --client ID` over stdio. */
export async function connectBridge(
  dataDir: string,
  clientId: string,
  clientInfo = { name: `${clientId}-ide`, version: '1.0.0' },
  capabilities: ConstructorParameters<typeof Client>[1] = {},
): Promise<Client> {
  const client = new Client(clientInfo, capabilities);
  await client.connect(new StdioClientTransport(bridgeCommand(dataDir, clientId)));
  return client;
}

/** Whether a process exists and is not a zombie (an unreaped corpse is not "left running"). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * Waits for a condition, polling; fails with the description after the timeout. A description
 * given as a function is read at the timeout, so it can show output gathered while waiting.
 */
export async function waitFor<T>(
  what: string | (() => string),
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** Bundled filesystem + memory, with a root folder of the test's own. */
export function bundledSettings(dataDir: string, root: string, extra: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    servers: [
      { id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [root] } },
      { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } },
      ...extra,
    ],
  };
}

/**
 * Stores the postgres server's URL in the keychain through the CLI. Returns why it could not when
 * the hub itself finds no keychain (the caller skips its postgres part); with a keychain, storing
 * must work, so a failing `secrets set` throws instead of becoming a reason to skip.
 */
export async function storePostgresUrl(dataDir: string, url: string, server = 'postgres'): Promise<string | undefined> {
  const { keychain } = await cliJson<{ keychain: { available: boolean; reason?: string } }>(dataDir, ['status']);
  if (!keychain.available) return keychain.reason ?? 'the keychain is unavailable';
  const set = await cli(dataDir, ['secrets', 'set', server, 'POSTGRES_URL'], { input: url });
  if (set.code !== 0) throw new Error(`secrets set failed with a keychain available: ${set.stderr}`);
  return undefined;
}

/** Waits until every server in `ids` is running, by `status`. */
export function waitForRunning(dataDir: string, ids: readonly string[], timeoutMs = 30_000): Promise<unknown> {
  return waitFor(
    `${ids.join(', ')} to be running`,
    async () => {
      const status = await cliJson<{ servers: Array<{ id: string; state: string }> }>(dataDir, ['status']);
      return ids.every((id) => status.servers.find((s) => s.id === id)?.state === 'running') && status;
    },
    timeoutMs,
    100,
  );
}

export const TEST_SERVER = path.join(REPO, 'e2e', 'fixtures', 'test-server.ts');

/** The official server-everything, run by stdio. */
export const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

/** A settings entry for server-everything by stdio, under the id and name `everything`. */
export function everythingDefinition(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], ...extra };
}

/** A settings entry for the purpose-built test server (e2e/fixtures/test-server.ts). */
export function testServerDefinition(id: string, args: string[] = [], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: id, kind: 'stdio', command: NODE, args: [TEST_SERVER, ...args], ...extra };
}

/** Lines the test server appended to its --calls-file. */
export function callsReceived(file: string): Array<{ tool: string; args: Record<string, unknown>; meta?: Record<string, unknown> }> {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { tool: string; args: Record<string, unknown>; meta?: Record<string, unknown> });
  } catch {
    return [];
  }
}

/** The SDK client as an HTTP client of the hub's /mcp endpoint with a bearer token. */
export async function connectHttp(
  url: string,
  token: string,
  clientInfo = { name: 'http-ide', version: '1.0.0' },
  capabilities: ConstructorParameters<typeof Client>[1] = {},
): Promise<Client> {
  const client = new Client(clientInfo, capabilities);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

/** Issues (or shows) the HTTP bearer token of a client through the control API. */
export async function clientToken(dataDir: string, clientId: string): Promise<string> {
  const { HubClient } = await import('../../electron/cli/hub-client.ts');
  const hub = await HubClient.connect(dataDir);
  try {
    const result = await hub.request('clients.token', { client: clientId });
    recordTestSecret(result.token);
    return result.token;
  } finally {
    hub.close();
  }
}

/** Starts server-everything in Streamable HTTP mode on loopback (e2e/fixtures/everything-http.ts). */
export function startEverythingHttp(port = 0): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  // Its stdin stays open: it exits when stdin ends.
  return startFixtureServer(path.join(REPO, 'e2e', 'fixtures', 'everything-http.ts'), [String(port)], { stdin: 'pipe' });
}

// The ways a client can reach the same upstream server, side by side: directly over stdio (the
// baseline), through `mcp-tray bridge`, through the hub's HTTP endpoint, and through supergateway
// (stateful Streamable HTTP), the bridge a user would otherwise pick.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { NODE, REPO } from '../../e2e/helpers/hub-process.ts';

export const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
export const TEST_SERVER = path.join(REPO, 'e2e', 'fixtures', 'test-server.ts');

export async function direct(args: string[]): Promise<Client> {
  const client = new Client({ name: 'bench-direct', version: '1' });
  await client.connect(new StdioClientTransport({ command: NODE, args, stderr: 'pipe' }));
  return client;
}

export interface Supergateway {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** supergateway in stateful Streamable HTTP mode in front of the same stdio server. */
export async function startSupergateway(serverArgs: string[]): Promise<Supergateway> {
  const port = await freePort();
  const bin = path.join(REPO, 'node_modules', 'supergateway', 'dist', 'index.js');
  const command = [NODE, ...serverArgs].map((part) => `'${part}'`).join(' ');
  const child: ChildProcess = spawn(NODE, [bin, '--stdio', command, '--outputTransport', 'streamableHttp', '--stateful', '--port', String(port), '--logLevel', 'none'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/mcp`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await listening(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone
      }
    },
  };
}

/** The do-nothing HTTP MCP server of the floor row (http-floor-server.ts) in a child process. */
export async function startHttpFloor(): Promise<{ readonly url: string; readonly pid: number; stop(): void }> {
  const child = spawn(NODE, [path.join(REPO, 'bench', 'lib', 'http-floor-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`the HTTP floor server exited (${code ?? 'signal'})`)));
  });
  // It exits when its stdin closes.
  return { url: `http://127.0.0.1:${port}/mcp`, pid: child.pid!, stop: () => child.stdin!.end() };
}

const RELAY_FLOOR = path.join(REPO, 'bench', 'lib', 'relay-floor.ts');

/**
 * The bridge floor row's do-nothing relays (relay-floor.ts): a hub relay in a child process serving
 * `serverArgs` (run by Node) on a socket in `dir`, and `connect()` for a client through a bridge relay.
 */
export async function startRelayFloor(dir: string, serverArgs: string[]): Promise<{ connect(): Promise<Client>; stop(): void }> {
  const socket = path.join(dir, 'relay-floor.sock');
  const hub = spawn(NODE, [RELAY_FLOOR, 'hub', socket, '--', NODE, ...serverArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    hub.stdout!.once('data', () => resolve());
    hub.once('exit', (code) => reject(new Error(`the relay floor exited (${code ?? 'signal'})`)));
  });
  return {
    async connect() {
      const client = new Client({ name: 'bench-relay-floor', version: '1' });
      await client.connect(new StdioClientTransport({ command: NODE, args: [RELAY_FLOOR, 'bridge', socket], stderr: 'pipe' }));
      return client;
    },
    stop: () => hub.stdin!.end(),
  };
}

export async function httpClient(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'bench-http', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

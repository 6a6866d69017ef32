// The strict sandbox: the server has a network namespace of its own, and its only way out is MCP
// Tray's proxy, which lets through the hosts in its allowedHosts. Two HTTP servers on this machine's
// loopback stand for the world: the listed one answers through the proxy, the other one is refused
// (and the server's log says how to let it through); connecting without the proxy reaches nothing,
// not even the listed port. Then the proxy itself: CONNECT tunnels, names that resolve to this
// machine, and a list changed while it runs.
import dns from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { EgressProxy } from '../../electron/hub/sandbox/egress-proxy.ts';
import { detectSandboxSupport } from '../../electron/hub/sandbox/sandbox-support.ts';
import { cli, cliJson, connectBridge, NODE, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';

const PROBE = fileURLToPath(new URL('./fixtures/sandbox-probe-server.ts', import.meta.url));
const support = await detectSandboxSupport();
if (!support.available) console.warn(`\n!!! sandbox-strict SKIPPED: this machine cannot sandbox: ${support.reason}\n`);

/** An HTTP server on 127.0.0.1 that answers its own name. */
async function site(name: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.end(`this is ${name}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function call(client: Client, tool: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await client.callTool({ name: tool, arguments: args });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as Record<string, unknown>;
}

describe.runIf(support.available)('a server in the strict sandbox', () => {
  let listed: Awaited<ReturnType<typeof site>>;
  let unlisted: Awaited<ReturnType<typeof site>>;
  let hub: HubProcess;
  let client: Client;
  let dataDir: string;
  let added: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    listed = await site('listed');
    unlisted = await site('unlisted');
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [] });
    hub = await startHub(dataDir);
    added = await cli(dataDir, ['servers', 'add', 'fenced', '--sandbox', 'strict', '--allowed-host', `127.0.0.1:${listed.port}`, '--', NODE, PROBE]);
    expect(added.code, added.stderr).toBe(0);
    client = await connectBridge(dataDir, 'ide');
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
    await listed?.close();
    await unlisted?.close();
  });

  it('servers add says what it may reach', () => {
    expect(added.stdout).toContain('sandbox: strict (bubblewrap); what it may reach:');
    expect(added.stdout).toContain(`network: only 127.0.0.1:${listed.port}, through MCP Tray's proxy`);
  });

  it('reaches a listed host through the proxy', async () => {
    expect(await call(client, 'http', { url: `http://127.0.0.1:${listed.port}/`, proxy: true })).toEqual({ status: 200, body: 'this is listed' });
  });

  it('is refused a host not on the list, and its log says how to allow it', async () => {
    const refused = await call(client, 'http', { url: `http://127.0.0.1:${unlisted.port}/`, proxy: true });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('not in allowedHosts');
    const log = await waitFor('the refusal in the log', async () => {
      const text = (await cli(dataDir, ['servers', 'log', 'fenced'])).stdout;
      return text.includes('sandbox: refused') ? text : undefined;
    });
    expect(log).toContain(`sandbox: refused a connection to 127.0.0.1:${unlisted.port}: not in allowedHosts`);
    expect(log).toContain('mcp-tray servers set fenced allowedHosts=');
  });

  it('reaches nothing without the proxy, not even the listed port', async () => {
    expect((await call(client, 'connect', { host: '127.0.0.1', port: listed.port })).result).toBe('error:ECONNREFUSED');
    expect(await call(client, 'http', { url: `http://127.0.0.1:${listed.port}/`, proxy: false })).toEqual({ error: 'error:ECONNREFUSED' });
  });

  it('its card says strict, and which hosts', async () => {
    const fenced = (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === 'fenced')!;
    expect(fenced.sandbox).toMatchObject({ level: 'strict', sandboxed: true, allowedHosts: [`127.0.0.1:${listed.port}`] });
    expect(fenced.sandbox.reach).toContain(`network: only 127.0.0.1:${listed.port}, through MCP Tray's proxy`);
  });
});

describe('the strict sandbox proxy', () => {
  let target: Awaited<ReturnType<typeof site>>;
  let proxy: EgressProxy;
  let allowed: string[] = [];
  const refusals: string[] = [];

  beforeAll(async () => {
    target = await site('target');
    proxy = await EgressProxy.listen({
      socketPath: path.join(tempDir(), 'proxy.sock'),
      allowedHosts: () => allowed,
      refused: (t, reason) => refusals.push(`${t} ${reason}`),
      // A stand-in for DNS (none runs here): a public-looking name that resolves to this machine, as
      // a hostile or rebinding DNS answer would; every other name resolves as the system does.
      lookup: async (host) => (host === 'rebound.example.com' ? [{ address: '127.0.0.1' }] : dns.lookup(host, { all: true })),
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await target?.close();
  });

  /** Sends a CONNECT through the proxy's socket; resolves with the status line and, when tunnelled, the target's answer. */
  function connect(authority: string): Promise<{ status: string; answer?: string }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect((proxy.endpoint as { socketPath: string }).socketPath);
      let buffer = '';
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const status = buffer.split('\r\n')[0]!;
        if (status.includes(' 200 ') && buffer.includes('\r\n\r\n') && !buffer.includes('GET-SENT')) {
          buffer += 'GET-SENT';
          socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
        }
      });
      socket.on('end', () => {
        const status = buffer.split('\r\n')[0]!;
        resolve({ status, answer: buffer.includes('this is target') ? 'this is target' : undefined });
      });
      socket.on('error', reject);
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
    });
  }

  it('tunnels CONNECT to a listed host:port and refuses the rest, reading the list at each request', async () => {
    allowed = [`127.0.0.1:${target.port}`];
    expect(await connect(`127.0.0.1:${target.port}`)).toEqual({ status: 'HTTP/1.1 200 Connection Established', answer: 'this is target' });
    expect((await connect(`127.0.0.1:${target.port + 1}`)).status).toBe('HTTP/1.1 403 Forbidden');
    allowed = [];
    expect((await connect(`127.0.0.1:${target.port}`)).status).toBe('HTTP/1.1 403 Forbidden');
    expect(refusals).toContain(`127.0.0.1:${target.port} not in allowedHosts`);
  });

  it('refuses a listed name that resolves to this machine unless the address is listed too', async () => {
    allowed = [`*.example.com:${target.port}`];
    // A listed name is no way around the list to this machine's own services.
    const viaName = await connect(`rebound.example.com:${target.port}`);
    expect(viaName.status).toBe('HTTP/1.1 403 Forbidden');
    expect(refusals.at(-1)).toContain('resolves to an address of this machine');
    allowed = [`*.example.com:${target.port}`, `127.0.0.1:${target.port}`];
    expect((await connect(`rebound.example.com:${target.port}`)).answer).toBe('this is target');
  });
});

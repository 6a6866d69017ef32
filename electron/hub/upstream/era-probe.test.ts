// The era probe on a stdio-shaped connection: a 2025 server (the 1.x SDK's, in process over a pair
// of streams) answers server/discover with "Method not found" and the same connection then takes a
// 2025 client as if nothing had been sent; a peer that never answers (a double for a server that
// ignores requests before initialize) is 2025 after the timeout; a peer that closes is reported.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { StreamTransport } from '../jsonrpc/stream-transport.ts';
import { outcomeOf, probeStream } from './era-probe.ts';

function pipePair(): { hubSide: StreamTransport; serverSide: StreamTransport; toHub: PassThrough } {
  const toServer = new PassThrough();
  const toHub = new PassThrough();
  return { hubSide: new StreamTransport({ input: toHub, output: toServer }), serverSide: new StreamTransport({ input: toServer, output: toHub }), toHub };
}

describe('probeStream', () => {
  it('finds a 2025 server, and leaves the connection for the 2025 client', async () => {
    const { hubSide, serverSide } = pipePair();
    const server = new Server({ name: 'legacy', version: '1' }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [] }));
    await server.connect(serverSide);
    expect(await probeStream(hubSide, 2_000)).toEqual({ era: 'legacy', why: 'answered' });
    const client = new Client({ name: 'hub', version: '1' });
    const errors: string[] = [];
    client.onerror = (error) => errors.push(error.message);
    await client.connect(hubSide);
    expect(client.getServerVersion()?.name).toBe('legacy');
    // Every message once: the probe started the transport, the client's start does nothing more.
    expect((await client.listTools()).tools).toEqual([]);
    expect(errors).toEqual([]);
    await client.close();
  });

  it('takes silence as 2025, and a closed connection as closed', async () => {
    const silent = pipePair();
    expect(await probeStream(silent.hubSide, 50)).toEqual({ era: 'legacy', why: 'timeout' });
    const closing = pipePair();
    const outcome = probeStream(closing.hubSide, 2_000);
    closing.toHub.end();
    expect(await outcome).toEqual({ era: 'legacy', why: 'closed' });
  });

  it('takes a discover result that names 2026-07-28 as 2026-07-28, and any other answer as 2025', () => {
    const discover = { supportedVersions: ['2026-07-28'], capabilities: {}, serverInfo: { name: 's', version: '1' } };
    expect(outcomeOf({ result: discover })).toEqual({ era: 'modern', discover });
    expect(outcomeOf({ result: { supportedVersions: ['2027-01-01'] } }).era).toBe('legacy');
    expect(outcomeOf({ error: { code: -32601, message: 'Method not found' } }).era).toBe('legacy');
  });
});

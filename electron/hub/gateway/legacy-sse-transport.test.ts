// An HTTP+SSE session on a real loopback socket: the stream names where to POST, answers go out as
// events, and under the /mcp endpoint's caps a session waiting on an answer outlives the idle time,
// an idle one is reaped (its stream ends), and one whose client left frees its place.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpMcpEndpoint } from './http-endpoint.ts';
import { LegacySseTransport } from './legacy-sse-transport.ts';

const servers: http.Server[] = [];
const endpoints: HttpMcpEndpoint[] = [];

afterEach(async () => {
  for (const endpoint of endpoints.splice(0)) await endpoint.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose every GET becomes one session; the client side reads the stream as text. */
async function session() {
  let transport!: LegacySseTransport;
  const server = http.createServer((_req, res) => {
    transport = new LegacySseTransport('s-1', res, '/messages');
    void transport.start();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sse`, { signal: abort.signal });
  const stream = { text: '', ended: false };
  void (async () => {
    try {
      for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) stream.text += chunk;
    } catch {
      // the client left
    }
    stream.ended = true;
  })();
  await until(() => stream.text.includes('\n\n'));
  return { transport, response, stream, leave: () => abort.abort() };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The caps and the reaper use neither the gateway nor the tokens: stand-ins that would throw if touched. */
const capsOnly = (idleMs: number) => {
  const endpoint = new HttpMcpEndpoint(undefined as never, undefined as never, idleMs);
  endpoints.push(endpoint);
  return endpoint;
};

describe('LegacySseTransport', () => {
  it('opens an event stream that names the POST URL, and sends messages as events', async () => {
    const { transport, response, stream } = await session();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.text).toBe('event: endpoint\ndata: /messages?sessionId=s-1\n\n');
    const received: unknown[] = [];
    transport.onmessage = (message) => received.push(message);
    transport.receive({ jsonrpc: '2.0', id: 5, method: 'ping' });
    expect(received).toEqual([{ jsonrpc: '2.0', id: 5, method: 'ping' }]);
    await transport.send({ jsonrpc: '2.0', id: 5, result: {} });
    await until(() => stream.text.includes('"id":5'));
    expect(stream.text).toContain('event: message\ndata: {"jsonrpc":"2.0","id":5,"result":{}}\n\n');
  });

  it('counts requests until they are answered or cancelled', async () => {
    const { transport } = await session();
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x' } });
    transport.receive({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'y' } });
    transport.receive({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } });
    expect(transport.pending).toBe(2);
    await transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    expect(transport.pending).toBe(1);
    transport.receive({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } });
    expect(transport.pending).toBe(0);
  });

  it('under the /mcp caps: a session waiting on an answer is kept, an idle one is reaped, one whose client left is released', async () => {
    const caps = capsOnly(100);
    const busy = await session();
    let closed = 0;
    busy.transport.whenClosed(() => {
      closed++;
      caps.release('busy');
    });
    expect(caps.adopt('busy', 'ide', busy.transport)).toBe(true);
    busy.transport.receive({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'slow' } });
    // Several idle periods pass while the call is open.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(busy.stream.ended).toBe(false);
    await busy.transport.send({ jsonrpc: '2.0', id: 1, result: {} });
    await until(() => busy.stream.ended);
    expect(closed).toBe(1);
    expect(caps.sessionCount()).toBe(0);

    // No reaping here: only the client's leaving frees the place.
    const patient = capsOnly(60_000);
    const leaving = await session();
    leaving.transport.whenClosed(() => patient.release('leaving'));
    expect(patient.adopt('leaving', 'ide', leaving.transport)).toBe(true);
    expect(patient.sessionCount()).toBe(1);
    leaving.leave();
    await until(() => patient.sessionCount() === 0);
  });
});

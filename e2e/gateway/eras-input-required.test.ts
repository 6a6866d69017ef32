// A 2025 server's requests to its client during a 2026-07-28 client's call, through a real hub
// (docs/protocol-eras.md): server-everything asks for sampling or elicitation in the middle of a
// tool call; the hub answers the modern client's call with `input_required`, the v2 client
// answers and retries, the answer reaches the server and its result comes back. By HTTP and by the
// bridge. Also: a client that did not declare the capability gets -32021, and a requestState is
// refused when it is forged, from another client, or for a call the hub no longer has.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioTransport } from '@modelcontextprotocol/client/stdio';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { BIN, NODE, REPO, cliJson, clientToken, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const MODERN = '2026-07-28';

type Result = { content?: Array<{ type: string; text?: string }>; isError?: boolean };
const textOf = (result: Result) => (result.content ?? []).map((c) => c.text ?? '').join('\n');

/** A v2 client pinned to 2026-07-28 that answers sampling and elicitation, and records what it was asked. */
function answeringClient(name: string, capabilities: Record<string, unknown> = { sampling: {}, elicitation: { form: {} } }) {
  const asked: string[] = [];
  const client = new ModernClient({ name, version: '1.0' }, { versionNegotiation: { mode: { pin: MODERN } }, capabilities });
  if ('sampling' in capabilities) {
    client.setRequestHandler('sampling/createMessage', async (request) => {
      asked.push('sampling');
      const prompt = JSON.stringify(request.params.messages);
      return { role: 'assistant', model: 'test-model', content: { type: 'text', text: `sampled by ${name}: ${prompt.includes('haiku') ? 'haiku seen' : 'no haiku'}` } };
    });
  }
  if ('elicitation' in capabilities) {
    client.setRequestHandler('elicitation/create', async () => {
      asked.push('elicitation');
      return { action: 'accept', content: { name: `Ada via ${name}` } };
    });
  }
  return { client, asked };
}

/** One raw 2026-07-28 tools/call by HTTP: what a client without the SDK sends. */
async function rawCall(url: string, token: string, params: Record<string, unknown>): Promise<{ status: number; body: { result?: Record<string, unknown>; error?: { code: number; message: string } } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${token}`,
      'MCP-Protocol-Version': MODERN,
      'Mcp-Method': 'tools/call',
      'Mcp-Name': String(params.name),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } } } },
    }),
  });
  const text = await response.text();
  // JSON, or an SSE stream whose last data line is the answer.
  const json = response.headers.get('content-type')?.includes('text/event-stream')
    ? text.split('\n').filter((line) => line.startsWith('data:')).map((line) => JSON.parse(line.slice(5)) as { id?: unknown }).findLast((m) => m.id === 7)
    : JSON.parse(text);
  return { status: response.status, body: json };
}

describe('a 2025 server asks a 2026-07-28 client for input during a call', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  const closing: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    dataDir = tempDir();
    // Write mode "allow": server-everything's sampling and elicitation tools are not read-only.
    writeSettings(dataDir, { servers: [{ id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], writeMode: 'allow' }] });
    hub = await startHub(dataDir);
    url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    await waitFor('the server running', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.every((s) => s.state === 'running'));
  }, 90_000);

  afterAll(async () => {
    for (const close of closing) await close().catch(() => undefined);
    await hub?.stop();
  });

  const connectHttp = async (name: string, capabilities?: Record<string, unknown>) => {
    const ide = answeringClient(name, capabilities);
    const token = await clientToken(dataDir, name);
    await ide.client.connect(new ModernHttpTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
    closing.push(() => ide.client.close());
    return ide;
  };
  const connectBridge = async (name: string) => {
    const ide = answeringClient(name);
    await ide.client.connect(new ModernStdioTransport({ command: NODE, args: [BIN, 'bridge', '--client', name, '--data-dir', dataDir], stderr: 'pipe' }));
    closing.push(() => ide.client.close());
    return ide;
  };

  for (const [transport, connect] of [
    ['HTTP', (name: string) => connectHttp(name)],
    ['the bridge', (name: string) => connectBridge(name)],
  ] as const) {
    it(`carries sampling and elicitation as input_required and the client's answers back to the server, by ${transport}`, async () => {
      const name = transport === 'HTTP' ? 'mrtr-http' : 'mrtr-bridge';
      const { client, asked } = await connect(name);
      const sampled = (await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'write a haiku', maxTokens: 50 } })) as Result;
      expect(sampled.isError, textOf(sampled)).toBeFalsy();
      // The server's result quotes what this client answered.
      expect(textOf(sampled)).toContain(`sampled by ${name}: haiku seen`);
      const elicited = (await client.callTool({ name: 'trigger-elicitation-request', arguments: {} })) as Result;
      expect(elicited.isError, textOf(elicited)).toBeFalsy();
      expect(textOf(elicited)).toContain(`Ada via ${name}`);
      expect(asked).toEqual(['sampling', 'elicitation']);
    });
  }

  it('answers a client that did not declare sampling with -32021, naming the capability', async () => {
    const { client, asked } = await connectHttp('mrtr-no-sampling', { elicitation: { form: {} } });
    const error = await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'x', maxTokens: 5 } }).then(
      () => undefined,
      (e: unknown) => e as { code?: number; data?: { requiredCapabilities?: Record<string, unknown> } },
    );
    expect(error?.code).toBe(-32021);
    expect(error?.data?.requiredCapabilities).toHaveProperty('sampling');
    expect(asked).toEqual([]);
  });

  it('binds the requestState to its client and its call, and continues the call for its own client', async () => {
    const owner = await clientToken(dataDir, 'mrtr-raw');
    const other = await clientToken(dataDir, 'mrtr-other');
    const first = await rawCall(url, owner, { name: 'trigger-elicitation-request', arguments: {} });
    expect(first.body.result?.resultType, JSON.stringify(first.body)).toBe('input_required');
    const requests = first.body.result!.inputRequests as Record<string, { method: string }>;
    const [key, request] = Object.entries(requests)[0]!;
    expect(request.method).toBe('elicitation/create');
    const requestState = first.body.result!.requestState as string;
    const inputResponses = { [key]: { action: 'accept', content: { name: 'Grace' } } };

    // Another client replaying it, or a forged state: refused, and the call is left as it was.
    const foreign = await rawCall(url, other, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(foreign.body.error?.code).toBe(-32602);
    const forged = await rawCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState: `${requestState.slice(0, -4)}AAAA` });
    expect(forged.body.error?.code).toBe(-32602);

    const done = await rawCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(done.body.result?.resultType ?? 'complete', JSON.stringify(done.body)).toBe('complete');
    expect(JSON.stringify(done.body.result?.content)).toContain('Grace');

    // The call is over: its state continues nothing any more.
    const again = await rawCall(url, owner, { name: 'trigger-elicitation-request', arguments: {}, inputResponses, requestState });
    expect(again.body.error?.code).toBe(-32602);
    expect(again.body.error?.message).toContain('no longer has the call');
  });
});

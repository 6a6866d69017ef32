// A server that speaks ONLY 2026-07-28 behind a real hub (docs/protocol-eras.md): the hub finds its
// era with server/discover and speaks it with the server (it refuses a 2025 initialize), by stdio
// and by HTTP. Clients of both eras — a 1.x SDK client (2025) and a v2 client pinned to
// 2026-07-28, each by the bridge and by HTTP — list and call its tools, get its progress, prompt
// and resource. The server asks for input in its results (input_required): a 2025 client gets
// those as ordinary sampling and elicitation requests and its answers get back to the server,
// round after round, and a cancelled call cancels them; a 2026-07-28 client gets them under the
// server's own keys. The server sees the calling client's capabilities, not MCP Tray's.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernHttpTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdioTransport } from '@modelcontextprotocol/client/stdio';
import type { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, CreateMessageRequestSchema, ElicitRequestSchema, ListRootsRequestSchema, ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { BIN, NODE, REPO, cliJson, clientToken, connectBridge, connectHttp, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const FIXTURE = path.join(REPO, 'e2e', 'fixtures', 'modern-only-server.ts');
const MODERN = '2026-07-28';

type Result = { content?: Array<{ type: string; text?: string }>; isError?: boolean };
const textOf = (result: Result) => (result.content ?? []).map((c) => c.text ?? '').join('\n');

interface Ide {
  readonly label: string;
  listTools(): Promise<string[]>;
  call(name: string, args?: Record<string, unknown>): Promise<Result>;
  /** Calls `count` with a progress token and counts the progress notifications that came for it. */
  progress(steps: number): Promise<{ result: Result; seen: number }>;
  prompt(): Promise<string>;
  resource(): Promise<string>;
  readonly asked: string[];
  close(): Promise<void>;
}

const LEGACY_CAPS = { sampling: {}, elicitation: { form: {} }, roots: {} };

/** A 1.x client (2025) that answers sampling, elicitation and roots, and records what it was asked. */
function legacyIde(label: string, client: LegacyClient): Ide {
  const asked: string[] = [];
  let seen = 0;
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    asked.push('sampling');
    const text = (request.params.messages[0]?.content as { text?: string }).text;
    return { role: 'assistant', model: 'test-model', content: { type: 'text', text: `${label} read "${text}"` } };
  });
  let round = 0;
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    asked.push('elicitation');
    round++;
    return { action: 'accept', content: request.params.message.includes('name') ? { name: `Ada-${label}` } : { colour: `blue-${round}` } };
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => {
    asked.push('roots');
    return { roots: [{ uri: `file:///work/${label}`, name: 'work' }] };
  });
  client.setNotificationHandler(ProgressNotificationSchema, (n) => {
    if (n.params.progressToken === `${label}-token`) seen++;
  });
  return {
    label,
    asked,
    listTools: async () => (await client.listTools()).tools.map((t) => t.name),
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as Result,
    progress: async (steps) => {
      seen = 0;
      const result = (await client.request({ method: 'tools/call', params: { name: 'count', arguments: { steps }, _meta: { progressToken: `${label}-token` } } }, CallToolResultSchema)) as Result;
      return { result, seen };
    },
    prompt: async () => JSON.stringify((await client.getPrompt({ name: 'greeting', arguments: { name: label } })).messages),
    resource: async () => JSON.stringify((await client.readResource({ uri: 'modern://note' })).contents),
    close: () => client.close(),
  };
}

/** A v2 client pinned to 2026-07-28 that answers sampling and elicitation. */
function modernClient(label: string, capabilities: Record<string, unknown> = { sampling: {}, elicitation: { form: {} } }): { client: ModernClient; asked: string[] } {
  const asked: string[] = [];
  const client = new ModernClient({ name: label, version: '1.0' }, { versionNegotiation: { mode: { pin: MODERN } }, capabilities });
  if ('sampling' in capabilities) {
    client.setRequestHandler('sampling/createMessage', async (request) => {
      asked.push('sampling');
      const text = (request.params.messages[0]?.content as { text?: string }).text;
      return { role: 'assistant', model: 'test-model', content: { type: 'text', text: `${label} read "${text}"` } };
    });
  }
  if ('elicitation' in capabilities) {
    let round = 0;
    client.setRequestHandler('elicitation/create', async (request) => {
      asked.push('elicitation');
      round++;
      const content: Record<string, string> = request.params.message.includes('name') ? { name: `Ada-${label}` } : { colour: `blue-${round}` };
      return { action: 'accept', content };
    });
  }
  return { client, asked };
}

function modernIde(label: string, client: ModernClient, asked: string[]): Ide {
  let frames = 0;
  // Counted on the wire, before the result (the v2 client's onprogress may run after the call settles).
  const wire = client.transport!;
  const deliver = wire.onmessage!;
  wire.onmessage = (message, extra) => {
    if ((message as { method?: string }).method === 'notifications/progress') frames++;
    deliver(message, extra);
  };
  return {
    label,
    asked,
    listTools: async () => (await client.listTools()).tools.map((t) => t.name),
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as Result,
    progress: async (steps) => {
      frames = 0;
      const result = (await client.callTool({ name: 'count', arguments: { steps } }, { onprogress: () => undefined })) as Result;
      return { result, seen: frames };
    },
    prompt: async () => JSON.stringify((await client.getPrompt({ name: 'greeting', arguments: { name: label } })).messages),
    resource: async () => JSON.stringify((await client.readResource({ uri: 'modern://note' })).contents),
    close: () => client.close(),
  };
}

/** Starts the fixture over HTTP: its URL and a stop. */
function startHttpFixture(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(NODE, [FIXTURE, '--http', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        resolve({ url: `http://127.0.0.1:${match[1]}/mcp`, stop: () => (child.kill('SIGTERM'), exited) });
      }
    });
    child.once('exit', (code) => reject(new Error(`the fixture exited with ${code}`)));
  });
}

/** One raw 2026-07-28 tools/call by HTTP, to see the input_required result as the client gets it. */
async function rawCall(url: string, token: string, name: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${token}`,
      'MCP-Protocol-Version': MODERN,
      'Mcp-Method': 'tools/call',
      'Mcp-Name': name,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      params: { name, arguments: {}, _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } } } },
    }),
  });
  const text = await response.text();
  const body = response.headers.get('content-type')?.includes('text/event-stream')
    ? text.split('\n').filter((line) => line.startsWith('data:')).map((line) => JSON.parse(line.slice(5)) as { id?: unknown }).findLast((m) => m.id === 9)
    : JSON.parse(text);
  return body as Record<string, unknown>;
}

for (const upstream of ['stdio', 'http'] as const) {
  describe(`a server that speaks only 2026-07-28, by ${upstream}, behind the hub`, () => {
    let dataDir: string;
    let hub: HubProcess;
    let url: string;
    let fixture: { url: string; stop(): Promise<void> } | undefined;
    const ides: Ide[] = [];

    beforeAll(async () => {
      dataDir = tempDir();
      fixture = upstream === 'http' ? await startHttpFixture() : undefined;
      const server = fixture ? { kind: 'http', url: fixture.url } : { kind: 'stdio', command: NODE, args: [FIXTURE] };
      writeSettings(dataDir, { servers: [{ id: 'modern', name: 'modern', ...server }] });
      hub = await startHub(dataDir);
      url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
      await waitFor('the modern server running', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.every((s) => s.state === 'running'));
      ides.push(legacyIde('legacy-bridge', await connectBridge(dataDir, 'legacy-bridge', undefined, { capabilities: LEGACY_CAPS })));
      ides.push(legacyIde('legacy-http', await connectHttp(url, await clientToken(dataDir, 'legacy-http'), undefined, { capabilities: LEGACY_CAPS })));
      const bridge = modernClient('modern-bridge');
      await bridge.client.connect(new ModernStdioTransport({ command: NODE, args: [BIN, 'bridge', '--client', 'modern-bridge', '--data-dir', dataDir], stderr: 'pipe' }));
      ides.push(modernIde('modern-bridge', bridge.client, bridge.asked));
      const http = modernClient('modern-http');
      await http.client.connect(new ModernHttpTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${await clientToken(dataDir, 'modern-http')}` } } }));
      ides.push(modernIde('modern-http', http.client, http.asked));
    }, 90_000);

    afterAll(async () => {
      for (const ide of ides) await ide.close().catch(() => undefined);
      await hub?.stop();
      await fixture?.stop();
    });

    it('lists and calls its tools, with progress, its prompt and its resource, for clients of both eras by the bridge and HTTP', async () => {
      for (const ide of ides) {
        expect(await ide.listTools(), ide.label).toEqual(expect.arrayContaining(['echo', 'count', 'ask_llm', 'ask_name']));
        expect(textOf(await ide.call('echo', { text: ide.label })), ide.label).toBe(`modern echo: ${ide.label}`);
        const { result, seen } = await ide.progress(3);
        expect(textOf(result), ide.label).toBe('counted 3');
        expect(seen, ide.label).toBe(3);
        expect(await ide.prompt(), ide.label).toContain(`Say hello to ${ide.label}, from a 2026-07-28 server`);
        expect(await ide.resource(), ide.label).toContain('a note from a 2026-07-28 server');
      }
    });

    it("sends the server's sampling and elicitation to each client and the answers back to the server, round after round", async () => {
      for (const ide of ides) {
        ide.asked.length = 0;
        const sampled = await ide.call('ask_llm', { question: 'capital of France?' });
        expect(sampled.isError, textOf(sampled)).toBeFalsy();
        // The server quotes this client's answer, and got its own requestState back.
        expect(textOf(sampled), ide.label).toBe(`the client's model said: ${ide.label} read "capital of France?" (state asked-llm)`);
        const greeted = await ide.call('ask_name');
        expect(textOf(greeted), ide.label).toBe(`Hello, Ada-${ide.label} (blue-2)! state name=Ada-${ide.label}`);
        expect(ide.asked, ide.label).toEqual(['sampling', 'elicitation', 'elicitation']);
      }
    });

    it("tells the server the calling client's own capabilities", async () => {
      const legacy = ides.find((ide) => ide.label === 'legacy-http')!;
      expect(JSON.parse(textOf(await legacy.call('client_capabilities')))).toEqual(LEGACY_CAPS);
      const modern = ides.find((ide) => ide.label === 'modern-http')!;
      expect(JSON.parse(textOf(await modern.call('client_capabilities')))).toEqual({ sampling: {}, elicitation: { form: {} } });
    });

    it("asks a 2025 client that declared roots for its roots", async () => {
      const legacy = ides.find((ide) => ide.label === 'legacy-bridge')!;
      expect(textOf(await legacy.call('ask_roots'))).toBe('roots: file:///work/legacy-bridge');
    });

    it('gives a 2025 client that did not declare sampling a clear error', async () => {
      const bare = await connectHttp(url, await clientToken(dataDir, 'legacy-bare'));
      try {
        const error = await bare.callTool({ name: 'ask_llm', arguments: { question: 'x' } }).then(
          (result) => new Error(`no error: ${JSON.stringify(result)}`),
          (e: unknown) => e as Error,
        );
        expect(error.message).toContain('does not support sampling');
      } finally {
        await bare.close();
      }
    });

    it("cancels the server's sampling request on a 2025 client that cancels its call", async () => {
      const client = await connectBridge(dataDir, 'legacy-cancel', undefined, { capabilities: LEGACY_CAPS });
      try {
        let asked!: (id: string | number) => void;
        const waiting = new Promise<string | number>((resolve) => (asked = resolve));
        // Never answered: only the hub's cancel ends it. The cancel is read on the wire (the 1.x
        // client does not act on a cancel of request id 0, which this first request has).
        client.setRequestHandler(CreateMessageRequestSchema, (_request, extra) => (asked(extra.requestId), new Promise(() => undefined)));
        const cancels: unknown[] = [];
        const wire = client.transport!;
        const deliver = wire.onmessage!;
        wire.onmessage = (message, extra) => {
          if ((message as { method?: string }).method === 'notifications/cancelled') cancels.push((message as { params?: { requestId?: unknown } }).params?.requestId);
          deliver(message, extra);
        };
        const controller = new AbortController();
        const call = client.callTool({ name: 'ask_llm', arguments: { question: 'never answered' } }, undefined, { signal: controller.signal }).then(
          () => 'answered',
          () => 'call rejected',
        );
        const samplingId = await waiting;
        controller.abort('the user pressed stop');
        expect(await call).toBe('call rejected');
        await waitFor('the sampling request cancelled', async () => cancels.includes(samplingId));
        // The connection and the server are fine afterwards.
        expect(textOf((await client.callTool({ name: 'echo', arguments: { text: 'after' } })) as Result)).toBe('modern echo: after');
      } finally {
        await client.close();
      }
    });

    it("carries the server's own key for its input request to a 2026-07-28 client", async () => {
      const body = await rawCall(url, await clientToken(dataDir, 'modern-raw'), 'ask_name');
      const result = body.result as { resultType?: string; inputRequests?: Record<string, { method: string }> } | undefined;
      expect(result?.resultType, JSON.stringify(body)).toBe('input_required');
      expect(Object.keys(result!.inputRequests!)).toEqual(['user_name']);
    });
  });
}

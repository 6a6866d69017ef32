// A server that speaks ONLY 2026-07-28 behind a real hub (docs/protocol-eras.md): the hub finds its
// era with server/discover and speaks it with the server (it refuses a 2025 initialize), by stdio
// and by HTTP. Clients of both eras — a 1.x SDK client (2025) and a v2 client pinned to
// 2026-07-28, each by the bridge and by HTTP — list and call its tools, get its progress, prompt
// and resource. The server asks for input in its results (input_required): a 2025 client gets
// those as ordinary sampling and elicitation requests and its answers get back to the server,
// round after round, and a cancelled call cancels them; a 2026-07-28 client gets them under the
// server's own keys. The server sees the calling client's capabilities, not MCP Tray's.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, CreateMessageRequestSchema, ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { NODE, REPO, clientToken, connectBridge, connectHttp, startHubServing, waitFor, type HubProcess } from '../helpers/hub-process.ts';
import { answerLegacy, type InputAnswers } from '../helpers/ide-answers.ts';
import { connectModern, countArrivals, rawModernCall, type HubRoute } from '../helpers/modern-client.ts';

const FIXTURE = path.join(REPO, 'e2e', 'fixtures', 'modern-only-server.ts');

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
const MODERN_CAPS = { sampling: {}, elicitation: { form: {} } };

/** What the client labelled `label` answers: its reading of the question, a name, then colours round after round. */
function answersOf(label: string): InputAnswers {
  let round = 0;
  return {
    sample: (messages) => `${label} read "${(messages[0]?.content as { text?: string }).text}"`,
    elicit: (message): Record<string, string> => {
      round++;
      return message.includes('name') ? { name: `Ada-${label}` } : { colour: `blue-${round}` };
    },
    roots: [{ uri: `file:///work/${label}`, name: 'work' }],
  };
}

/** What both SDK lines' clients do alike. */
interface SdkClient {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  getPrompt(params: { name: string; arguments: Record<string, string> }): Promise<{ messages: unknown[] }>;
  readResource(params: { uri: string }): Promise<{ contents: unknown[] }>;
  close(): Promise<void>;
}

/** An IDE of either era over its client; only progress differs between the SDK lines. */
function ideOf(label: string, client: SdkClient, asked: string[], progress: Ide['progress']): Ide {
  return {
    label,
    asked,
    listTools: async () => (await client.listTools()).tools.map((t) => t.name),
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as Result,
    progress,
    prompt: async () => JSON.stringify((await client.getPrompt({ name: 'greeting', arguments: { name: label } })).messages),
    resource: async () => JSON.stringify((await client.readResource({ uri: 'modern://note' })).contents),
    close: () => client.close(),
  };
}

/** A 1.x client (2025) that answers sampling, elicitation and roots, and records what it was asked. */
function legacyIde(label: string, client: LegacyClient): Ide {
  const asked = answerLegacy(client, LEGACY_CAPS, answersOf(label));
  let seen = 0;
  client.setNotificationHandler(ProgressNotificationSchema, (n) => {
    if (n.params.progressToken === `${label}-token`) seen++;
  });
  return ideOf(label, client, asked, async (steps) => {
    seen = 0;
    const result = (await client.request({ method: 'tools/call', params: { name: 'count', arguments: { steps }, _meta: { progressToken: `${label}-token` } } }, CallToolResultSchema)) as Result;
    return { result, seen };
  });
}

/** A v2 client pinned to 2026-07-28 that answers sampling and elicitation, by the bridge or HTTP. */
async function modernIde(label: string, route: HubRoute): Promise<Ide> {
  const { client, asked } = await connectModern(route, label, { capabilities: MODERN_CAPS, answers: answersOf(label) });
  const frames = countArrivals(client, 'notifications/progress');
  return ideOf(label, client, asked, async (steps) => {
    frames.count = 0;
    const result = (await client.callTool({ name: 'count', arguments: { steps } }, { onprogress: () => undefined })) as Result;
    return { result, seen: frames.count };
  });
}

for (const upstream of ['stdio', 'http'] as const) {
  describe(`a server that speaks only 2026-07-28, by ${upstream}, behind the hub`, () => {
    let dataDir: string;
    let hub: HubProcess;
    let url: string;
    let fixture: FixtureServer | undefined;
    const ides: Ide[] = [];

    beforeAll(async () => {
      fixture = upstream === 'http' ? await startFixtureServer(FIXTURE, ['--http', '0']) : undefined;
      const server = fixture ? { kind: 'http', url: fixture.url } : { kind: 'stdio', command: NODE, args: [FIXTURE] };
      ({ dataDir, hub, url } = await startHubServing([{ id: 'modern', name: 'modern', ...server }]));
      ides.push(legacyIde('legacy-bridge', await connectBridge(dataDir, 'legacy-bridge', undefined, { capabilities: LEGACY_CAPS })));
      ides.push(legacyIde('legacy-http', await connectHttp(url, await clientToken(dataDir, 'legacy-http'), undefined, { capabilities: LEGACY_CAPS })));
      ides.push(await modernIde('modern-bridge', { bridge: dataDir }));
      ides.push(await modernIde('modern-http', { url, token: await clientToken(dataDir, 'modern-http') }));
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
      expect(JSON.parse(textOf(await modern.call('client_capabilities')))).toEqual(MODERN_CAPS);
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
      const { body } = await rawModernCall(url, await clientToken(dataDir, 'modern-raw'), { name: 'ask_name', arguments: {} });
      const result = body.result as { resultType?: string; inputRequests?: Record<string, { method: string }> } | undefined;
      expect(result?.resultType, JSON.stringify(body)).toBe('input_required');
      expect(Object.keys(result!.inputRequests!)).toEqual(['user_name']);
    });
  });
}

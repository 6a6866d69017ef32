// Clients of both protocol eras through a real hub (docs/protocol-eras.md), by HTTP and by the
// bridge: a v2 SDK client pinned to 2026-07-28 (stateless: no Mcp-Session-Id, no initialize) and
// a 1.x SDK client (2025, initialize) list and call the same tools, get progress and an image,
// wait for an approval in ask mode, land in the same call log, and show in `status` with the
// protocol version each one speaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as ModernClient } from '@modelcontextprotocol/client';
import type { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalInfo, HubStatus } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { cli, cliJson, clientToken, connectBridge, connectHttp, everythingDefinition, startHubServing, testServerDefinition, waitFor, type HubProcess } from '../helpers/hub-process.ts';
import { MODERN, connectModern, countArrivals } from '../helpers/modern-client.ts';

type Result = { content?: Array<{ type: string; text?: string; mimeType?: string; data?: string }>; isError?: boolean };

/** One IDE of the four: an era and a way in; `id` is its verified client id (token owner or bridge --client). */
interface Ide {
  readonly id: string;
  readonly era: 'modern' | 'legacy';
  readonly transport: 'http' | 'socket';
  readonly listTools: () => Promise<Array<{ name: string }>>;
  readonly callTool: (name: string, args: Record<string, unknown>) => Promise<Result>;
  /** Runs the long operation and counts the progress notifications this client got for it. */
  readonly progressCount: () => Promise<number>;
  readonly close: () => Promise<void>;
}

/** Progress is counted as it arrives on the wire, before the result (see countArrivals). */
function modernIde(id: string, transport: 'http' | 'socket', client: ModernClient): Ide {
  const progressFrames = countArrivals(client, 'notifications/progress');
  return {
    id,
    era: 'modern',
    transport,
    listTools: async () => (await client.listTools()).tools,
    callTool: async (name, args) => (await client.callTool({ name, arguments: args })) as Result,
    progressCount: async () => {
      progressFrames.count = 0;
      let reported = 0;
      const done = (await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 } }, { onprogress: () => void reported++ })) as Result;
      expect(done.isError).toBeFalsy();
      expect(reported).toBeGreaterThanOrEqual(1);
      return progressFrames.count;
    },
    close: () => client.close(),
  };
}

function legacyIde(id: string, transport: 'http' | 'socket', client: LegacyClient): Ide {
  let steps = 0;
  client.setNotificationHandler(ProgressNotificationSchema, (n) => {
    if (n.params.progressToken === `${id}-token`) steps++;
  });
  return {
    id,
    era: 'legacy',
    transport,
    listTools: async () => (await client.listTools()).tools,
    callTool: async (name, args) => (await client.callTool({ name, arguments: args })) as Result,
    progressCount: async () => {
      steps = 0;
      await client.request(
        { method: 'tools/call', params: { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 }, _meta: { progressToken: `${id}-token` } } },
        CallToolResultSchema,
      );
      return steps;
    },
    close: () => client.close(),
  };
}

describe('both protocol eras, by HTTP and by the bridge', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  const ides: Ide[] = [];

  beforeAll(async () => {
    ({ dataDir, hub, url } = await startHubServing([everythingDefinition(), testServerDefinition('counter', [], { writeMode: 'ask' })]));

    const { client: modernHttp } = await connectModern({ url, token: await clientToken(dataDir, 'modern-http') }, 'modern-http', { version: '9.9' });
    const { client: modernBridge } = await connectModern({ bridge: dataDir }, 'modern-bridge', { version: '9.9' });
    ides.push(
      modernIde('modern-http', 'http', modernHttp),
      modernIde('modern-bridge', 'socket', modernBridge),
      legacyIde('legacy-http', 'http', await connectHttp(url, await clientToken(dataDir, 'legacy-http'), { name: 'legacy-http', version: '1.0' })),
      legacyIde('legacy-bridge', 'socket', await connectBridge(dataDir, 'legacy-bridge', { name: 'legacy-bridge', version: '1.0' })),
    );
  }, 90_000);

  afterAll(async () => {
    for (const ide of ides) await ide.close().catch(() => undefined);
    await hub?.stop();
  });

  it('gives every client the same catalog', async () => {
    const names = async (ide: Ide) => (await ide.listTools()).map((t) => t.name).sort();
    const expected = await names(ides[0]!);
    expect(expected).toEqual(expect.arrayContaining(['echo', 'get-tiny-image', 'peek', 'bump']));
    for (const ide of ides) expect(await names(ide), ide.id).toEqual(expected);
  });

  it('calls a tool and passes an image through, for every client', async () => {
    for (const ide of ides) {
      expect((await ide.callTool('echo', { message: `from ${ide.id}` })).content?.[0]?.text, ide.id).toContain(`from ${ide.id}`);
      const image = await ide.callTool('get-tiny-image', {});
      expect(image.content?.find((c) => c.type === 'image'), ide.id).toMatchObject({ type: 'image', mimeType: 'image/png', data: expect.any(String) });
    }
  });

  it('sends progress to every client its own way', async () => {
    for (const ide of ides) expect(await ide.progressCount(), ide.id).toBeGreaterThanOrEqual(3);
  });

  it('holds a write of every client for approval, and logs each call with its client', async () => {
    for (const ide of ides) {
      const call = ide.callTool('bump', { by: 1 });
      const approval = await waitFor(`an approval for ${ide.id}`, async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.client === ide.id));
      expect(approval.tool).toBe('bump');
      const done = await cli(dataDir, ['approvals', 'approve', approval.id]);
      expect(done.code, done.stderr).toBe(0);
      expect((await call).isError, ide.id).toBeFalsy();
    }
    const entries = await waitFor('every approved call in the log', async () => {
      const log = await cli(dataDir, ['log', '--export', 'jsonl']);
      const rows = log.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry).filter((e) => e.target === 'bump');
      return rows.length >= ides.length ? rows : undefined;
    });
    expect(entries.map((e) => [e.clientId, e.clientName, e.transport, e.decision, e.outcome]).sort()).toEqual(
      ides.map((ide) => [ide.id, ide.id, ide.transport, 'approved-once', 'ok']).sort(),
    );
  });

  it('shows each client with the era and version it speaks', async () => {
    const clients = (await cliJson<HubStatus>(dataDir, ['status'])).clients;
    for (const ide of ides) {
      const shown = clients.filter((c) => c.id === ide.id);
      expect(shown, ide.id).toHaveLength(1);
      expect(shown[0]).toMatchObject({
        era: ide.era,
        transport: ide.transport,
        protocolVersion: ide.era === 'modern' ? MODERN : expect.stringMatching(/^2025-/),
        clientInfo: { name: ide.id },
      });
    }
  });

  it('still refuses a 2026-07-28 request without a token', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': MODERN, 'Mcp-Method': 'tools/list' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': {} } } }),
    });
    expect(response.status).toBe(401);
  });
});

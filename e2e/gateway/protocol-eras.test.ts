// Clients of both protocol eras through the HTTP endpoint of a real hub (docs/protocol-eras.md): a
// v2 SDK client pinned to 2026-07-28 (stateless, no Mcp-Session-Id) and a 1.x SDK client (2025,
// initialize) list and call the same tools, get progress and an image, wait for an approval in ask
// mode, land in the same call log, and show in `status` with the version each one speaks.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as ModernClient, StreamableHTTPClientTransport as ModernTransport } from '@modelcontextprotocol/client';
import type { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, ProgressNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalInfo, HubStatus } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { NODE, REPO, cli, cliJson, clientToken, connectHttp, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const MODERN = '2026-07-28';

type Result = { content?: Array<{ type: string; text?: string; mimeType?: string; data?: string }>; isError?: boolean };

describe('both protocol eras over HTTP', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  let modern: ModernClient;
  let legacy: LegacyClient;
  const legacyProgress: Array<string | number> = [];

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [
        { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'] },
        testServerDefinition('counter', [], { writeMode: 'ask' }),
      ],
    });
    hub = await startHub(dataDir);
    url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    await waitFor('both servers running', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.every((s) => s.state === 'running'));
    const modernToken = await clientToken(dataDir, 'modern-ide');
    modern = new ModernClient({ name: 'modern-ide', version: '9.9' }, { versionNegotiation: { mode: { pin: MODERN } } });
    await modern.connect(new ModernTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${modernToken}` } } }));
    legacy = await connectHttp(url, await clientToken(dataDir, 'legacy-ide'), { name: 'legacy-ide', version: '1.0' });
    legacy.setNotificationHandler(ProgressNotificationSchema, (n) => void legacyProgress.push(n.params.progressToken));
  }, 90_000);

  afterAll(async () => {
    await modern?.close();
    await legacy?.close();
    await hub?.stop();
  });

  it('serves the pinned client stateless, and both clients the same catalog', async () => {
    expect(modern.getProtocolEra()).toBe('modern');
    expect(modern.getNegotiatedProtocolVersion()).toBe(MODERN);
    const names = (tools: Array<{ name: string }>) => tools.map((t) => t.name).sort();
    const fromModern = names((await modern.listTools()).tools);
    expect(fromModern).toEqual(names((await legacy.listTools()).tools));
    expect(fromModern).toEqual(expect.arrayContaining(['echo', 'get-tiny-image', 'peek', 'bump']));
  });

  it('calls a tool and passes an image through, for either era', async () => {
    for (const client of [modern, legacy] as const) {
      const echo = (await client.callTool({ name: 'echo', arguments: { message: 'both eras' } })) as Result;
      expect(echo.content?.[0]?.text).toContain('both eras');
      const image = (await client.callTool({ name: 'get-tiny-image', arguments: {} })) as Result;
      expect(image.content?.find((c) => c.type === 'image')).toMatchObject({ type: 'image', mimeType: 'image/png', data: expect.any(String) });
    }
  });

  it('sends progress to each era its own way', async () => {
    const steps: number[] = [];
    const done = (await modern.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 } },
      { onprogress: (p: { progress: number }) => void steps.push(p.progress) },
    )) as Result;
    expect(done.isError).toBeFalsy();
    expect(steps.length).toBeGreaterThanOrEqual(3);

    await legacy.request(
      { method: 'tools/call', params: { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 }, _meta: { progressToken: 'legacy-token' } } },
      CallToolResultSchema,
    );
    expect(legacyProgress.filter((t) => t === 'legacy-token').length).toBeGreaterThanOrEqual(3);
  });

  it('holds a write of either era for approval, and logs both calls with their client', async () => {
    const approveNext = async (client: string) => {
      const approval = await waitFor(`an approval for ${client}`, async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.client === client));
      expect(approval.tool).toBe('bump');
      const done = await cli(dataDir, ['approvals', 'approve', approval.id]);
      expect(done.code, done.stderr).toBe(0);
    };
    const fromModern = modern.callTool({ name: 'bump', arguments: { by: 2 } });
    await approveNext('modern-ide');
    expect(((await fromModern) as Result).isError).toBeFalsy();
    const fromLegacy = legacy.callTool({ name: 'bump', arguments: { by: 3 } });
    await approveNext('legacy-ide');
    expect(((await fromLegacy) as Result).isError).toBeFalsy();

    const entries = await waitFor('both approved calls in the log', async () => {
      const log = await cli(dataDir, ['log', '--export', 'jsonl']);
      const rows = log.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry).filter((e) => e.target === 'bump');
      return rows.length >= 2 ? rows : undefined;
    });
    expect(entries.map((e) => [e.clientId, e.clientName, e.transport, e.decision, e.outcome]).sort()).toEqual([
      ['legacy-ide', 'legacy-ide', 'http', 'approved-once', 'ok'],
      ['modern-ide', 'modern-ide', 'http', 'approved-once', 'ok'],
    ]);
  });

  it('shows each client with the era and version it speaks', async () => {
    const clients = (await cliJson<HubStatus>(dataDir, ['status'])).clients;
    expect(clients.find((c) => c.id === 'modern-ide')).toMatchObject({ era: 'modern', protocolVersion: MODERN, clientInfo: { name: 'modern-ide', version: '9.9' }, transport: 'http' });
    expect(clients.find((c) => c.id === 'legacy-ide')).toMatchObject({ era: 'legacy', protocolVersion: expect.stringMatching(/^2025-/), clientInfo: { name: 'legacy-ide' } });
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

// Fault test: 32 clients × 200 calls at once, mixing reads, writes that need approval
// (approved from another process as they arrive), tool errors and unknown tools. No call hangs,
// every call that reached a server is logged exactly once with the right decision.
import { describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { HubClient } from '../../electron/cli/hub-client.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { cli, connectBridge, startHub, tempDir, testServerDefinition, writeSettings } from '../helpers/hub-process.ts';

const CLIENTS = 32;
const CALLS = 200;
const CALL_DEADLINE_MS = 60_000;

function withDeadline<T>(promise: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([promise, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), CALL_DEADLINE_MS).unref())]);
}

describe('32 concurrent clients', () => {
  it('answers 6,400 mixed calls and logs each one that reached a server exactly once', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, { approvalDeadlineSeconds: 60, servers: [testServerDefinition('counter', [], { writeMode: 'ask' })] });
    const hub = await startHub(dataDir);
    // The user, approving from another process: once per session and tool.
    const approver = await HubClient.connect(dataDir);
    await approver.subscribe((event) => {
      if (event.type === 'approval-requested') void approver.request('approvals.decide', { id: event.approval.id, decision: 'approve-session' }).catch(() => undefined);
    });
    const clients: Client[] = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connectBridge(dataDir, `load-${i}`)));
    try {
      const outcomes = await Promise.all(
        clients.map(async (client) => {
          const tally = { ok: 0, toolError: 0, protocolError: 0, hung: 0 };
          for (let i = 0; i < CALLS; i++) {
            const name = ['peek', 'bump', 'fail', 'no_such_tool'][i % 4]!;
            const result = await withDeadline(client.callTool({ name, arguments: {} }).catch((error: Error) => error));
            if (result === 'hung') tally.hung++;
            else if (result instanceof Error) tally.protocolError++;
            else if (result.isError) tally.toolError++;
            else tally.ok++;
          }
          return tally;
        }),
      );
      const total = outcomes.reduce((a, t) => ({ ok: a.ok + t.ok, toolError: a.toolError + t.toolError, protocolError: a.protocolError + t.protocolError, hung: a.hung + t.hung }));
      const quarter = (CLIENTS * CALLS) / 4;
      expect(total).toEqual({ ok: 2 * quarter, toolError: quarter, protocolError: quarter, hung: 0 });

      const entries = (await cli(dataDir, ['log', '--export', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as LogEntry);
      expect(entries).toHaveLength(3 * quarter);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      const count = (pred: (e: LogEntry) => boolean) => entries.filter(pred).length;
      expect(count((e) => e.target === 'peek' && e.decision === 'auto-read' && e.outcome === 'ok')).toBe(quarter);
      expect(count((e) => e.target === 'bump' && e.decision === 'approved-session' && e.outcome === 'ok')).toBe(quarter);
      expect(count((e) => e.target === 'fail' && e.decision === 'approved-session' && e.outcome === 'tool-error')).toBe(quarter);
      for (let i = 0; i < CLIENTS; i++) expect(count((e) => e.clientId === `load-${i}`)).toBe(3 * (CALLS / 4));
    } finally {
      approver.close();
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await hub.stop();
    }
  });
});

// Write mode off/ask/allow, the approval queue decided from another process (the CLI),
// session approvals and persisted rules, and what reaches the server (a counting test server).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalInfo } from '../../electron/hub/contract/contract.ts';
import { callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const text = (result: unknown) => JSON.stringify((result as CallToolResult).content);

describe('write mode and approvals', () => {
  let dataDir: string;
  let callsFile: string;
  let hub: HubProcess;
  let a: Client;
  let b: Client;
  let listChangedA = 0;

  const pending = () => cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list']);
  const waitForApproval = (tool: string, client = 'ide-a') =>
    waitFor(`a pending approval of ${tool}`, async () => (await pending()).find((p) => p.tool === tool && p.client === client));

  beforeAll(async () => {
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'calls.jsonl');
    // Long enough for a heartbeat (5 s) and a CLI approval on a busy machine; the timeout case waits it out.
    writeSettings(dataDir, { approvalDeadlineSeconds: 12, servers: [testServerDefinition('counter', ['--calls-file', callsFile])] });
    hub = await startHub(dataDir);
    a = await connectBridge(dataDir, 'ide-a');
    b = await connectBridge(dataDir, 'ide-b');
    a.setNotificationHandler(ToolListChangedNotificationSchema, () => void listChangedA++);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await hub?.stop();
  });

  it('off: the write tool is hidden and a call to it never reaches the server', async () => {
    const names = (await a.listTools()).tools.map((t) => t.name);
    expect(names).toContain('peek');
    expect(names).not.toContain('bump');
    const result = await a.callTool({ name: 'bump', arguments: { by: 5 } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('write mode for server \\"counter\\" is off');
    expect(text(result)).toContain('mcp-tray servers write counter ask --yes');
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump')).toHaveLength(0);
  });

  it('turning write mode on needs --yes (and --yes-allow for allow) and announces list_changed', async () => {
    const refused = await cli(dataDir, ['servers', 'write', 'counter', 'ask']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--yes');
    const refusedAllow = await cli(dataDir, ['servers', 'write', 'counter', 'allow', '--yes']);
    expect(refusedAllow.code).not.toBe(0);
    expect(refusedAllow.stderr).toContain('--yes-allow');

    const before = listChangedA;
    const on = await cli(dataDir, ['servers', 'write', 'counter', 'ask', '--yes']);
    expect(on.code, on.stderr).toBe(0);
    await waitFor('tools/list_changed', () => listChangedA > before);
    expect((await a.listTools()).tools.map((t) => t.name)).toContain('bump');
  });

  it('ask: a write call waits, shows the exact arguments elsewhere, and completes once approved', async () => {
    const progress: unknown[] = [];
    const call = a.callTool({ name: 'bump', arguments: { by: 2, note: 'from test' } }, undefined, {
      onprogress: (p) => progress.push(p),
      resetTimeoutOnProgress: true,
    });
    const approval = await waitForApproval('bump');
    expect(approval).toMatchObject({ server: 'counter', tool: 'bump', client: 'ide-a', clientInfo: { name: 'ide-a-ide' }, arguments: { by: 2, note: 'from test' } });
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump')).toHaveLength(0);
    // Progress heartbeats come every 5 s while the call waits.
    await waitFor('a progress heartbeat', () => progress.length > 0, 8000);
    expect(JSON.stringify(progress[0])).toContain('waiting for approval in MCP Tray');
    expect((await cli(dataDir, ['approvals', 'approve', approval.id])).code).toBe(0);
    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ counter: 2 });
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump')).toHaveLength(1);
  });

  it('deny with a reason: the model gets the reason, the server never sees the call', async () => {
    const call = a.callTool({ name: 'bump', arguments: { by: 100 } });
    const approval = await waitForApproval('bump');
    expect((await cli(dataDir, ['approvals', 'deny', approval.id, '--reason', 'no'])).code).toBe(0);
    const result = await call;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('Reason given: no');
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump' && c.args.by === 100)).toHaveLength(0);
  });

  it('no decision before the deadline: denied as timed out', async () => {
    const result = await a.callTool({ name: 'bump', arguments: { by: 7 } });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('before the deadline (12 s)');
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump' && c.args.by === 7)).toHaveLength(0);
  });

  it('"this session" approves again in that session only; another session is asked', async () => {
    const first = a.callTool({ name: 'bump', arguments: { by: 1 } });
    const approval = await waitForApproval('bump');
    await cli(dataDir, ['approvals', 'approve', approval.id, '--session']);
    expect((await first).isError).toBeFalsy();
    // Same session: no question.
    const again = await a.callTool({ name: 'bump', arguments: { by: 1 } });
    expect(again.isError).toBeFalsy();
    // The other session is asked.
    const other = b.callTool({ name: 'bump', arguments: { by: 1 } });
    const asked = await waitForApproval('bump', 'ide-b');
    await cli(dataDir, ['approvals', 'deny', asked.id]);
    expect((await other).isError).toBe(true);
  });

  it('turning write mode off while a call waits denies it and sends list_changed', async () => {
    const before = listChangedA;
    const call = b.callTool({ name: 'bump', arguments: { by: 3 } });
    await waitForApproval('bump', 'ide-b');
    expect((await cli(dataDir, ['servers', 'write', 'counter', 'off'])).code).toBe(0);
    const result = await call;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('write mode for server \\"counter\\" is off');
    await waitFor('tools/list_changed', () => listChangedA > before);
    expect((await a.listTools()).tools.map((t) => t.name)).not.toContain('bump');
  });
});

describe('"always" rules', () => {
  it('survive a restart of the hub and stop applying once revoked', async () => {
    const dataDir = tempDir();
    const callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, { servers: [testServerDefinition('counter', ['--calls-file', callsFile], { writeMode: 'ask' })] });
    let hub = await startHub(dataDir);
    let client = await connectBridge(dataDir, 'ide-r');
    const call = client.callTool({ name: 'bump', arguments: {} });
    const approval = await waitFor('approval', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list']))[0]);
    await cli(dataDir, ['approvals', 'approve', approval.id, '--always']);
    expect((await call).isError).toBeFalsy();
    await client.close();
    await hub.stop();

    hub = await startHub(dataDir);
    try {
      const rules = await cliJson<Array<{ id: string; clientId: string; serverId: string; tool: string }>>(dataDir, ['rules', 'list']);
      expect(rules).toEqual([expect.objectContaining({ clientId: 'ide-r', serverId: 'counter', tool: 'bump' })]);
      client = await connectBridge(dataDir, 'ide-r');
      expect((await client.callTool({ name: 'bump', arguments: {} })).isError).toBeFalsy();
      expect((await cli(dataDir, ['rules', 'revoke', rules[0]!.id])).code).toBe(0);
      const asked = client.callTool({ name: 'bump', arguments: {} });
      const again = await waitFor('approval after revoke', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list']))[0]);
      await cli(dataDir, ['approvals', 'deny', again.id]);
      expect((await asked).isError).toBe(true);
      await client.close();
    } finally {
      await hub.stop();
    }
  });
});

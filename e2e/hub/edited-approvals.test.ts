// Approving a write call with edited arguments, from another process (the CLI): invalid edits are
// refused and the call keeps waiting; valid ones reach the server (a counting test server), the
// client is told in the result (a text block and `_meta`), and the call log keeps both.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ApprovalInfo } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

describe('approve with edited arguments', () => {
  let dataDir: string;
  let callsFile: string;
  let hub: HubProcess;
  let ide: Client;

  beforeAll(async () => {
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, { approvalDeadlineSeconds: 60, servers: [testServerDefinition('counter', ['--calls-file', callsFile], { writeMode: 'ask' })] });
    hub = await startHub(dataDir);
    ide = await connectBridge(dataDir, 'ide');
  });

  afterAll(async () => {
    await ide?.close();
    await hub?.stop();
  });

  it('refuses invalid edits, runs valid ones, and tells the client', async () => {
    const call = ide.callTool({ name: 'bump', arguments: { by: 5, note: 'from the model' } }) as Promise<CallToolResult>;
    const approval = await waitFor('a pending approval', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list']))[0]);

    const notJson = await cli(dataDir, ['approvals', 'approve', approval.id, '--args', '{by: 1']);
    expect(notJson.code).not.toBe(0);
    expect(notJson.stderr).toContain('--args is not valid JSON');
    const wrongType = await cli(dataDir, ['approvals', 'approve', approval.id, '--args', '{"by": "two"}']);
    expect(wrongType.code).not.toBe(0);
    expect(wrongType.stderr).toContain('do not fit the input schema of "bump": "by" must be number');
    // Still waiting, and nothing reached the server.
    expect((await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).map((a) => a.id)).toEqual([approval.id]);
    expect(callsReceived(callsFile)).toEqual([]);

    const approved = await cli(dataDir, ['approvals', 'approve', approval.id, '--args', '{"by": 2, "note": "edited by the user"}']);
    expect(approved.code, approved.stderr).toBe(0);
    const result = await call;
    expect(result.isError).toBeFalsy();
    expect(callsReceived(callsFile).map((c) => c.args)).toEqual([{ by: 2, note: 'edited by the user' }]);
    expect(result.structuredContent).toEqual({ counter: 2 });
    expect((result.content[0] as { text: string }).text).toContain('the user edited the arguments of "bump"');
    expect(result._meta?.['mcp-tray/editedArguments']).toEqual({ arguments: { by: 2, note: 'edited by the user' } });

    const log = await cli(dataDir, ['log', '--json', '--server', 'counter']);
    const entry = log.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogEntry).find((e) => e.target === 'bump');
    expect(entry).toMatchObject({ decision: 'approved-once', arguments: { by: 5, note: 'from the model' }, editedArguments: { by: 2, note: 'edited by the user' } });
  });
});

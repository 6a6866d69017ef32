// Treating as read a tool its server does not mark read-only is as consequential as turning write
// mode on (the tool then runs with write mode off, without approval): the CLI refuses it without
// --yes, the control API without confirm "read", and the change is recorded in the server's log and
// sent as a server-log event. Real hub, real CLI, the SDK client as the IDE through the bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { HubClient } from '../../electron/cli/hub-client.ts';
import { callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import path from 'node:path';

describe('reclassifying a write tool as read', () => {
  let dataDir: string;
  let hub: HubProcess;
  let callsFile: string;
  let events: HubClient;
  const seen: HubEvent[] = [];

  beforeAll(async () => {
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, { servers: [testServerDefinition('counter', ['--calls-file', callsFile])] });
    hub = await startHub(dataDir);
    await waitFor('counter running', async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === 'counter')?.state === 'running');
    events = await HubClient.connect(dataDir);
    await events.subscribe((event) => seen.push(event));
  });

  afterAll(async () => {
    events?.close();
    await hub?.stop();
  });

  const bumpClass = async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === 'counter')!.tools.find((t) => t.name === 'bump')!;

  it('is refused without --yes, and the write tool stays out of reach with write mode off', async () => {
    const result = await cli(dataDir, ['servers', 'tool', 'counter', 'bump', '--read']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('treating "bump" of "counter" as read lets every client call it with write mode off and without approval');
    expect(result.stderr).toContain('run again with --yes');
    expect(await bumpClass()).toMatchObject({ class: 'write', classSource: 'server', listed: false });

    const ide = await connectBridge(dataDir, 'reclassify-test');
    try {
      const call = await ide.callTool({ name: 'bump', arguments: { by: 1 } });
      expect(call.isError).toBe(true);
    } finally {
      await ide.close();
    }
    expect(callsReceived(callsFile).filter((c) => c.tool === 'bump')).toHaveLength(0);
  });

  it('is refused by the control API without confirm "read"', async () => {
    const control = await HubClient.connect(dataDir);
    try {
      await expect(control.request('servers.toolOverride', { id: 'counter', tool: 'bump', class: 'read' })).rejects.toMatchObject({ code: 'needs-confirmation' });
    } finally {
      control.close();
    }
  });

  it('with --yes, takes effect and is recorded in the server\'s log and as an event', async () => {
    const result = await cli(dataDir, ['servers', 'tool', 'counter', 'bump', '--read', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(await bumpClass()).toMatchObject({ class: 'read', classSource: 'user', listed: true });
    const log = await cli(dataDir, ['servers', 'log', 'counter']);
    expect(log.stdout).toContain('[hub] tool bump is now treated as read');
    await waitFor('the server-log event', () => JSON.stringify(seen).includes('tool bump is now treated as read'));
  });

  it('needs no confirmation for a tool the server marks read-only, nor to go back to write', async () => {
    expect((await cli(dataDir, ['servers', 'tool', 'counter', 'peek', '--read'])).code).toBe(0);
    expect((await cli(dataDir, ['servers', 'tool', 'counter', 'bump', '--write'])).code).toBe(0);
  });

  it('records write-mode changes in the server\'s log too', async () => {
    expect((await cli(dataDir, ['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
    expect((await cli(dataDir, ['servers', 'log', 'counter'])).stdout).toContain('[hub] write mode changed from off to ask by the user');
  });
});

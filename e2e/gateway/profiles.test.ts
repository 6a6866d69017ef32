// Profiles (docs/profiles.md) on a real hub, with the SDK client as the IDE over the bridge and over
// HTTP: a client sees only its profile's servers and tools, a call outside it is refused (naming the
// profile) and logged, an entry's --profile and a token's profile beat the client's binding, and a
// change reaches exactly the sessions it affects. Tool search mode: two tools, and the inner call
// under write mode, approvals and the call log as a direct one.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import type { ApprovalInfo, HubStatus } from '../../electron/hub/contract/contract.ts';
import { BIN, NODE, REPO, callsReceived, cli, cliJson, clientToken, connectBridge, connectHttp, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

describe('profiles', () => {
  let dataDir: string;
  let hub: HubProcess;
  let webCalls: string;
  let notesCalls: string;
  const clients: Client[] = [];

  const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();
  const text = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;
  const ok = async (args: string[]) => {
    const result = await cli(dataDir, args);
    expect(result.code, `mcp-tray ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const logged = async (decision: string) =>
    (await cli(dataDir, ['log', '--json', '--decision', decision])).stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogEntry);
  const track = <T extends Client>(client: T) => (clients.push(client), client);
  /** The SDK client running exactly the bridge an IDE entry with --profile runs. */
  const bridgeWithProfile = async (clientId: string, profile: string) => {
    const client = new Client({ name: `${clientId}-ide`, version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: NODE, args: [BIN, 'bridge', '--client', clientId, '--profile', profile, '--data-dir', dataDir], stderr: 'pipe' }));
    return track(client);
  };
  const listChanges = (client: Client) => {
    const seen = { count: 0 };
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void seen.count++);
    return seen;
  };

  beforeAll(async () => {
    dataDir = tempDir();
    webCalls = path.join(dataDir, 'web-calls.jsonl');
    notesCalls = path.join(dataDir, 'notes-calls.jsonl');
    writeSettings(dataDir, {
      servers: [
        testServerDefinition('web', ['--prefix', 'web_', '--calls-file', webCalls], { writeMode: 'ask' }),
        testServerDefinition('notes', ['--prefix', 'notes_', '--calls-file', notesCalls], { writeMode: 'off' }),
        // Prompts and resources come from server-everything.
        { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'] },
      ],
    });
    hub = await startHub(dataDir);
    await ok(['profiles', 'add', 'web', '--servers', 'web']);
    await ok(['profiles', 'add', 'notes-only', '--servers', 'notes', '--tools', 'notes:notes_peek']);
    await ok(['clients', 'profile', 'cursor', 'web']);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await hub?.stop();
  });

  it('a client bound to "web" lists only web\'s tools; a call to another server\'s tool is refused, named, logged, and never arrives', async () => {
    const cursor = track(await connectBridge(dataDir, 'cursor'));
    const tools = await names(cursor);
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.every((name) => name.startsWith('web_'))).toBe(true);
    expect(tools).toContain('web_peek');

    const refused = (await cursor.callTool({ name: 'notes_peek', arguments: {} })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain('not in profile "web"');
    expect(callsReceived(notesCalls)).toHaveLength(0);

    const entries = await logged('blocked-profile');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ clientId: 'cursor', serverId: 'notes', target: 'notes_peek', decision: 'blocked-profile', outcome: 'refused' });

    // A tool of its own profile still works.
    expect((await cursor.callTool({ name: 'web_peek', arguments: {} })).isError).toBeFalsy();

    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.clients.find((c) => c.id === 'cursor')).toMatchObject({ profile: 'web', profileSource: 'client' });
    // The profile is in use: removing it is refused, naming who uses it.
    const removal = await cli(dataDir, ['profiles', 'remove', 'web']);
    expect(removal.code).not.toBe(0);
    expect(removal.stderr).toContain('client cursor');
  });

  it('an entry\'s --profile and a profile-bound HTTP token each beat the client\'s binding', async () => {
    const viaEntry = await bridgeWithProfile('cursor', 'notes-only');
    expect(await names(viaEntry)).toEqual(['notes_peek']);
    expect(text(await viaEntry.callTool({ name: 'web_peek', arguments: {} }))).toContain('not in profile "notes-only"');

    const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    const token = await clientToken(dataDir, 'cursor');
    const beforeBinding = track(await connectHttp(url, token, { name: 'cursor-http', version: '1' }));
    expect((await names(beforeBinding)).every((name) => name.startsWith('web_'))).toBe(true);
    await ok(['clients', 'token', 'cursor', '--profile', 'notes-only']);
    const viaToken = track(await connectHttp(url, token, { name: 'cursor-http-2', version: '1' }));
    expect(await names(viaToken)).toEqual(['notes_peek']);

    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.clients.find((c) => c.clientInfo?.name === 'cursor-http-2')).toMatchObject({ profile: 'notes-only', profileSource: 'token' });
    expect(status.clients.find((c) => c.clientInfo?.name === 'cursor-ide' && c.transport === 'socket' && c.profileSource === 'entry')).toMatchObject({ profile: 'notes-only' });

    // An entry naming a profile that does not exist sees nothing: never everything.
    const ghost = await bridgeWithProfile('cursor', 'ghost');
    expect(await names(ghost)).toEqual([]);
  });

  it('a change sends tools/list_changed to the sessions it affects and not to the others', async () => {
    const affected = track(await connectBridge(dataDir, 'windsurf'));
    const unaffected = track(await connectBridge(dataDir, 'zed'));
    await ok(['clients', 'profile', 'windsurf', 'web']);
    const a = listChanges(affected);
    const b = listChanges(unaffected);
    await names(affected);
    await names(unaffected);

    // The profile gains a server: windsurf (bound to it) is told, zed (default profile) is not.
    await ok(['profiles', 'set', 'web', '--servers', 'web,notes']);
    await expect.poll(() => a.count, { timeout: 10_000 }).toBe(1);
    expect(await names(affected)).toContain('notes_peek');
    // zed's own round trip after the change: a notification sent in the same round would be here by now.
    await names(unaffected);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(b.count).toBe(0);

    // Binding zed to a profile tells zed, and not windsurf.
    await ok(['clients', 'profile', 'zed', 'notes-only']);
    await expect.poll(() => b.count, { timeout: 10_000 }).toBe(1);
    expect(await names(unaffected)).toEqual(['notes_peek']);
    await names(affected);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(a.count).toBe(1);
  });

  it("prompts and resources of servers outside the profile are neither listed nor served", async () => {
    const outside = track(await connectBridge(dataDir, 'cline'));
    await ok(['clients', 'profile', 'cline', 'notes-only']);
    const everyone = track(await connectBridge(dataDir, 'goose'));
    const prompts = (await everyone.listPrompts()).prompts;
    expect(prompts.length).toBeGreaterThan(0);
    expect((await everyone.listResources()).resources.length).toBeGreaterThan(0);
    expect((await outside.listPrompts()).prompts).toEqual([]);
    expect((await outside.listResources()).resources).toEqual([]);
    await expect(outside.getPrompt({ name: prompts[0]!.name })).rejects.toThrow(/not in profile "notes-only"/);
  });

  it('tool search mode: two tools; search finds the profile\'s listed tools; an ask-mode write waits for approval and is logged by its own name; an off-mode write is neither found nor called', async () => {
    await ok(['profiles', 'add', 'finder', '--servers', 'web,notes', '--tool-search']);
    await ok(['clients', 'profile', 'claude-code', 'finder']);
    const claude = track(await connectBridge(dataDir, 'claude-code'));
    expect(await names(claude)).toEqual(['call_tool', 'search_tools']);

    const found = (await claude.callTool({ name: 'search_tools', arguments: { query: 'counter', limit: 20 } })) as CallToolResult;
    const hits = (found.structuredContent as { tools: Array<{ name: string; inputSchema: unknown }> }).tools.map((t) => t.name);
    expect(hits).toContain('web_bump');
    expect(hits).toContain('notes_peek');
    expect(hits).not.toContain('notes_bump');
    expect((found.structuredContent as { tools: Array<{ name: string; inputSchema: { type: string } }> }).tools[0]!.inputSchema.type).toBe('object');

    const offWrite = (await claude.callTool({ name: 'call_tool', arguments: { name: 'notes_bump', arguments: { by: 1 } } })) as CallToolResult;
    expect(offWrite.isError).toBe(true);
    expect(callsReceived(notesCalls).some((c) => c.tool === 'bump')).toBe(false);

    const before = callsReceived(webCalls).filter((c) => c.tool === 'bump').length;
    const call = claude.callTool({ name: 'call_tool', arguments: { name: 'web_bump', arguments: { by: 2 } } });
    const approval = await waitFor('approval', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.client === 'claude-code'));
    expect(approval).toMatchObject({ server: 'web', tool: 'web_bump' });
    expect(callsReceived(webCalls).filter((c) => c.tool === 'bump')).toHaveLength(before);
    await ok(['approvals', 'approve', approval.id]);
    const result = (await call) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(callsReceived(webCalls).filter((c) => c.tool === 'bump')).toHaveLength(before + 1);

    const approved = (await logged('approved-once')).filter((e) => e.clientId === 'claude-code');
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ serverId: 'web', target: 'web_bump', method: 'tools/call' });
    const blocked = (await logged('blocked-write-off')).filter((e) => e.clientId === 'claude-code');
    expect(blocked[0]).toMatchObject({ serverId: 'notes', target: 'notes_bump' });
  });
});

// The gateway between a real SDK client and a real SDK server, in one process: both sides talk over
// the SDK's in-memory transport (InMemoryTransport.createLinkedPair), the upstream through the hub's
// own UpstreamConnection. Doubles, named as such: `InMemoryDirectory` stands in for the server
// registry (no child process: the server is an McpServer in this process), `RecordingCallLog` for
// the SQLite call log, `MemoryRuleBook` for the settings-backed "always" rules.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  ErrorCode,
  McpError,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApprovalQueue, type RuleBook } from '../approvals/approval-gate.ts';
import type { CallRecorder } from '../call-log/call-record.ts';
import { KnownSecrets } from '../call-log/redact.ts';
import type { ApprovalInfo } from '../contract/shapes.ts';
import type { CallRecord } from '../contract/call-log-shapes.ts';
import type { ServerDefinition, WriteMode } from '../settings/schema.ts';
import { UpstreamConnection } from '../upstream/upstream-connection.ts';
import { Gateway } from './gateway.ts';
import type { DirectoryServer, ServerDirectory } from './server-directory.ts';

/** Double of the server registry: one running server whose connection is an in-memory pair. */
class InMemoryDirectory implements ServerDirectory {
  readonly servers = new Map<string, DirectoryServer>();
  add(def: ServerDefinition, connection: UpstreamConnection): void {
    this.servers.set(def.id, {
      id: def.id,
      def,
      state: 'running',
      problem: undefined,
      listsKnown: true,
      get lists() {
        return connection.lists;
      },
      connection,
      introduced: undefined,
      connectionForCall: async () => connection,
      currentRun: undefined,
      exitOfRun: async () => undefined,
      callStarted: () => undefined,
      callEnded: () => undefined,
      upstreamFor() {
        return this;
      },
    });
  }
  supervisors(): DirectoryServer[] {
    return [...this.servers.values()];
  }
  get(id: string): DirectoryServer | undefined {
    return this.servers.get(id);
  }
  sessionUpstreams(): DirectoryServer[] {
    return [];
  }
  closeSession(): void {}
}

/** Double of the call log: keeps what the gateway records. */
class RecordingCallLog implements CallRecorder {
  readonly records: CallRecord[] = [];
  record(entry: CallRecord): void {
    this.records.push(entry);
  }
}

/** Double of the settings-backed rule book. */
class MemoryRuleBook implements RuleBook {
  readonly rules = new Set<string>();
  matches(clientId: string, serverId: string, tool: string): boolean {
    return this.rules.has(`${clientId}/${serverId}/${tool}`);
  }
  add(clientId: string, serverId: string, tool: string): void {
    this.rules.add(`${clientId}/${serverId}/${tool}`);
  }
}

/** The upstream: a real SDK server with a read tool, a write tool, a prompt and a resource. */
function notesServer(received: string[]): McpServer {
  const server = new McpServer({ name: 'notes', version: '1.0.0' });
  const notes = new Map([['a', 'first note']]);
  server.registerTool('read_note', { description: 'Reads a note', inputSchema: { key: z.string() }, annotations: { readOnlyHint: true } }, async ({ key }) => {
    received.push(`read_note ${key}`);
    return { content: [{ type: 'text', text: notes.get(key) ?? '(none)' }] };
  });
  server.registerTool('write_note', { description: 'Writes a note', inputSchema: { key: z.string(), text: z.string() } }, async ({ key, text }) => {
    received.push(`write_note ${key}`);
    notes.set(key, text);
    return { content: [{ type: 'text', text: `saved ${key}` }] };
  });
  server.registerPrompt('summarize', { description: 'Summarize notes' }, async () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarize my notes' } }] }));
  server.registerResource('all-notes', 'notes://all', { mimeType: 'text/plain' }, async (uri) => ({ contents: [{ uri: uri.href, text: [...notes.values()].join('\n') }] }));
  return server;
}

const text = (result: unknown) => ((result as CallToolResult).content[0] as { text: string }).text;

describe('Gateway over in-memory transports', () => {
  let received: string[];
  let upstream: McpServer;
  let directory: InMemoryDirectory;
  let callLog: RecordingCallLog;
  let rules: MemoryRuleBook;
  let requested: ApprovalInfo[];
  let approvals: ApprovalQueue;
  let gateway: Gateway;
  let client: Client;
  let def: ServerDefinition;

  async function connectIde(): Promise<Client> {
    const [clientSide, hubSide] = InMemoryTransport.createLinkedPair();
    await gateway.connect(hubSide, { clientId: 'cursor', label: 'Cursor', transport: 'socket' });
    const ide = new Client({ name: 'cursor-ide', version: '2.0.0' });
    await ide.connect(clientSide);
    return ide;
  }

  function setWriteMode(mode: WriteMode): void {
    def.writeMode = mode;
    gateway.listsChanged();
  }

  beforeEach(async () => {
    received = [];
    upstream = notesServer(received);
    const [hubClientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await upstream.connect(serverSide);
    // The supervisor's part: a server's new lists reach the gateway.
    const connection = await UpstreamConnection.open(hubClientSide, { listsChanged: () => gateway.listsChanged() });
    def = { id: 'notes', name: 'Notes', kind: 'stdio', command: 'notes', args: [], env: {}, secretEnv: [], enabled: true, writeMode: 'off', startup: 'eager', toolOverrides: {} } as ServerDefinition;
    directory = new InMemoryDirectory();
    directory.add(def, connection);
    callLog = new RecordingCallLog();
    rules = new MemoryRuleBook();
    requested = [];
    approvals = new ApprovalQueue(() => 60, rules, { requested: (a) => requested.push(a), resolved: () => undefined });
    gateway = new Gateway({ directory, approvals, recorder: callLog, secrets: new KnownSecrets(), sessionChanged: () => undefined, sessionClosed: () => undefined });
    client = await connectIde();
  });

  afterEach(async () => {
    await client.close();
    await gateway.closeAll();
    await upstream.close();
  });

  it('lists read tools only while write mode is off, and write tools once it is on', async () => {
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['read_note']);
    setWriteMode('ask');
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['read_note', 'write_note']);
  });

  it('passes a read call through unchanged and logs it as an automatic read', async () => {
    const result = await client.callTool({ name: 'read_note', arguments: { key: 'a' } });
    expect(text(result)).toBe('first note');
    expect(received).toEqual(['read_note a']);
    expect(callLog.records).toHaveLength(1);
    expect(callLog.records[0]).toMatchObject({ serverId: 'notes', method: 'tools/call', target: 'read_note', class: 'read', decision: 'auto-read', outcome: 'ok', clientId: 'cursor' });
  });

  it('refuses a write call while write mode is off, even when the client calls it unlisted; the server never sees it', async () => {
    const result = (await client.callTool({ name: 'write_note', arguments: { key: 'b', text: 'x' } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('write mode for server "notes" is off');
    expect(received).toEqual([]);
    expect(callLog.records[0]).toMatchObject({ decision: 'blocked-write-off', outcome: 'refused' });
  });

  it('holds a write call in "ask" mode until the user approves it, then forwards it', async () => {
    setWriteMode('ask');
    const call = client.callTool({ name: 'write_note', arguments: { key: 'b', text: 'second' } });
    await expect.poll(() => requested.length).toBe(1);
    expect(received).toEqual([]);
    expect(requested[0]).toMatchObject({ server: 'notes', tool: 'write_note', client: 'cursor', arguments: { key: 'b', text: 'second' } });
    expect(approvals.decide(requested[0]!.id, 'approve-once')).toBe(true);
    expect(text(await call)).toBe('saved b');
    expect(received).toEqual(['write_note b']);
    expect(callLog.records.at(-1)).toMatchObject({ decision: 'approved-once', outcome: 'ok', class: 'write' });
  });

  it('runs a call with the arguments the user edited, tells the client so, and logs both', async () => {
    setWriteMode('ask');
    const call = client.callTool({ name: 'write_note', arguments: { key: 'b', text: 'second' } });
    await expect.poll(() => requested.length).toBe(1);
    expect(() => approvals.decide(requested[0]!.id, 'approve-once', undefined, { key: 'c' })).toThrow(/required property 'text'/);
    expect(approvals.decide(requested[0]!.id, 'approve-once', undefined, { key: 'c', text: 'edited' })).toBe(true);
    const result = (await call) as CallToolResult;
    expect(received).toEqual(['write_note c']);
    expect(text(result)).toContain('the user edited the arguments of "write_note"');
    expect((result.content[1] as { text: string }).text).toBe('saved c');
    expect(result._meta).toEqual({ 'mcp-tray/editedArguments': { arguments: { key: 'c', text: 'edited' } } });
    expect(callLog.records.at(-1)).toMatchObject({ decision: 'approved-once', arguments: { key: 'b', text: 'second' }, editedArguments: { key: 'c', text: 'edited' } });
  });

  it('tells the model why when the user denies, and the server never sees the call', async () => {
    setWriteMode('ask');
    const call = client.callTool({ name: 'write_note', arguments: { key: 'b', text: 'x' } });
    await expect.poll(() => requested.length).toBe(1);
    approvals.decide(requested[0]!.id, 'deny', 'not this file');
    const result = (await call) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('Reason given: not this file');
    expect(received).toEqual([]);
    expect(callLog.records.at(-1)).toMatchObject({ decision: 'denied-user', outcome: 'refused', denyReason: 'not this file' });
  });

  it('lets an "always" rule through without asking; "allow" mode needs no approval at all', async () => {
    setWriteMode('ask');
    rules.add('cursor', 'notes', 'write_note');
    expect(text(await client.callTool({ name: 'write_note', arguments: { key: 'c', text: 'x' } }))).toBe('saved c');
    expect(callLog.records.at(-1)).toMatchObject({ decision: 'approved-rule' });
    setWriteMode('allow');
    rules.rules.clear();
    expect(text(await client.callTool({ name: 'write_note', arguments: { key: 'd', text: 'x' } }))).toBe('saved d');
    expect(callLog.records.at(-1)).toMatchObject({ decision: 'allow-mode' });
    expect(requested).toEqual([]);
  });

  it('refuses a tool the user disabled, and hides it', async () => {
    def.toolOverrides = { read_note: { disabled: true } };
    gateway.listsChanged();
    expect((await client.listTools()).tools).toEqual([]);
    const result = (await client.callTool({ name: 'read_note', arguments: { key: 'a' } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('the tool is disabled');
    expect(received).toEqual([]);
  });

  it('tells a session only about the list that changed, and nothing when nothing did', async () => {
    const heard: string[] = [];
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void heard.push('tools'));
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => void heard.push('prompts'));
    client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void heard.push('resources'));
    gateway.listsChanged();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([]);
    setWriteMode('ask');
    await expect.poll(() => heard).toEqual(['tools']);
    upstream.registerPrompt('another', { description: 'Another prompt' }, async () => ({ messages: [] }));
    await expect.poll(() => heard).toEqual(['tools', 'prompts']);
  });

  it('never lists a tool that runs only as a task, and says why a call to it is refused', async () => {
    upstream.experimental.tasks.registerToolTask(
      'research',
      { description: 'Runs as a task', inputSchema: {}, annotations: { readOnlyHint: true }, execution: { taskSupport: 'required' } },
      {
        createTask: async () => {
          throw new Error('not reached');
        },
        getTask: async () => {
          throw new Error('not reached');
        },
        getTaskResult: async () => {
          throw new Error('not reached');
        },
      },
    );
    await expect.poll(async () => directory.get('notes')!.lists.tools.map((t) => t.name)).toContain('research');
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['read_note']);
    await expect(client.callTool({ name: 'research', arguments: {} })).rejects.toThrow('the server runs it only as a task');
  });

  it('answers an unknown tool with a protocol error', async () => {
    const error = await client.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InvalidParams);
  });

  it('forwards prompts and resources, and logs them as reads', async () => {
    const prompt = await client.getPrompt({ name: 'summarize' });
    expect(prompt.messages[0]!.content).toEqual({ type: 'text', text: 'Summarize my notes' });
    const resource = await client.readResource({ uri: 'notes://all' });
    expect(resource.contents[0]).toMatchObject({ uri: 'notes://all', text: 'first note' });
    expect(callLog.records.map((r) => [r.method, r.target, r.decision])).toEqual([
      ['prompts/get', 'summarize', 'auto-read'],
      ['resources/read', 'notes://all', 'auto-read'],
    ]);
  });

  it('drops a waiting approval when its client disconnects', async () => {
    setWriteMode('ask');
    void client.callTool({ name: 'write_note', arguments: { key: 'e', text: 'x' } }).catch(() => undefined);
    await expect.poll(() => approvals.list().length).toBe(1);
    await client.close();
    await expect.poll(() => approvals.list().length).toBe(0);
    expect(received).toEqual([]);
  });
});

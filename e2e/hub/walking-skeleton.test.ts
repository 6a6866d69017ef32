// An IDE (the SDK client) reaches the bundled servers through `mcp-tray bridge`, sees only
// read tools by default, and a write call is refused before it reaches the server.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { BIN, NODE, alive, bundledSettings, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

describe('walking skeleton: bridge → hub → bundled servers, read-only by default', () => {
  let dataDir: string;
  let root: string;
  let hub: HubProcess;
  let client: Client;

  beforeAll(async () => {
    dataDir = tempDir();
    // Outside the data dir: the filesystem server never reaches MCP Tray's own folder.
    root = path.join(tempDir(), 'notes');
    mkdirSync(root);
    writeFileSync(path.join(root, 'todo.md'), '- ship the walking skeleton\n');
    writeSettings(dataDir, bundledSettings(dataDir, root));
    hub = await startHub(dataDir);
    client = await connectBridge(dataDir, 'test', { name: 'skeleton-test-ide', version: '9.9.9' });
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
  });

  it('lists the read tools of both servers and no write tool', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['list_directory', 'read_text_file', 'read_graph', 'search_nodes']));
    expect(names).not.toContain('write_file');
    expect(names).not.toContain('create_entities');
    for (const tool of tools) expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
  });

  it('answers a read call with the real content', async () => {
    const result = await client.callTool({ name: 'list_directory', arguments: { path: root } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain('todo.md');
    const read = await client.callTool({ name: 'read_text_file', arguments: { path: path.join(root, 'todo.md') } });
    expect(JSON.stringify(read.content)).toContain('ship the walking skeleton');
  });

  it('refuses a write call with write mode off, and the server never runs it', async () => {
    const target = path.join(root, 'written.txt');
    const result = await client.callTool({ name: 'write_file', arguments: { path: target, content: 'should not exist' } });
    expect(result.isError).toBe(true);
    const text = JSON.stringify(result.content);
    expect(text).toContain('write mode for server \\"filesystem\\" is off');
    expect(text).toContain('mcp-tray servers write filesystem ask --yes');
    expect(existsSync(target)).toBe(false);
  });

  it('status --json shows both servers running and the session with its clientInfo', async () => {
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.servers.map((s) => [s.id, s.state])).toEqual([
      ['filesystem', 'running'],
      ['memory', 'running'],
    ]);
    // Both keys are always there; what matters is that they hold the hub's loopback URLs.
    const { mcp, ui } = status.endpoints;
    expect(mcp).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    // The plain address: a browser signs in with a one-time link, never a token in the URL.
    expect(ui).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(ui!).port).toBe(new URL(mcp!).port);
    const fs = status.servers.find((s) => s.id === 'filesystem')!;
    expect(fs.writeMode).toBe('off');
    expect(fs.tools.find((t) => t.name === 'write_file')).toMatchObject({ exposedName: 'write_file', class: 'write' });
    const session = status.clients.find((c) => c.id === 'test');
    expect(session).toMatchObject({ label: 'test', transport: 'socket', clientInfo: { name: 'skeleton-test-ide', version: '9.9.9' } });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('leaves no server process behind after %s', async (signal) => {
    const dir = tempDir();
    const notes = path.join(tempDir(), 'notes');
    mkdirSync(notes);
    writeSettings(dir, bundledSettings(dir, notes));
    const own = await startHub(dir);
    const status = await cliJson<HubStatus>(dir, ['status']);
    const pids = status.servers.map((s) => s.pid).filter((pid): pid is number => typeof pid === 'number');
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(alive(pid)).toBe(true);
    expect(await own.stop(signal)).toBe(0);
    await waitFor('server processes to be gone', () => pids.every((pid) => !alive(pid)), 5000);
  });
});

describe('bridge with a data dir it cannot use', () => {
  it('exits non-zero with one line on stderr that says what to do', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(NODE, [BIN, 'bridge', '--client', 'cursor', '--data-dir', file], (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/is a file, not a folder; choose another with --data-dir/);
  });
});

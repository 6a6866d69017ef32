// Write mode, enforced by the OS. A server that writes on its own (its tool says it only reads, so
// MCP Tray's policy lets the call through) cannot write its folders while its write mode is off:
// the sandbox mounts them read-only, and the write fails with EROFS. With "ask" they are mounted
// read-write and the same write succeeds. First with the bundled filesystem server's sandbox profile
// (its roots) given to the test server, then through a real hub, where changing write mode restarts
// the server and its log says why.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { effectiveDeniedPaths } from '../../electron/hub/policy/denied-paths.ts';
import { defaultBundledDefinition } from '../../electron/hub/server-registry/bundled-catalog.ts';
import { currentNodeRuntime } from '../../electron/hub/server-registry/launch-plan.ts';
import { SandboxService } from '../../electron/hub/sandbox/sandbox-service.ts';
import { detectSandboxSupport } from '../../electron/hub/sandbox/sandbox-support.ts';
import { DEFAULT_DENIED_PATHS } from '../../electron/hub/settings/denied-path-defaults.ts';
import type { WriteMode } from '../../electron/hub/settings/schema.ts';
import { childEnvironment } from '../../electron/hub/supervisor/child-env.ts';
import { cli, cliJson, connectBridge, NODE, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const PROBE = fileURLToPath(new URL('./fixtures/sandbox-probe-server.ts', import.meta.url));
const support = await detectSandboxSupport();
if (!support.available) console.warn(`\n!!! sandbox-write-mode SKIPPED: this machine cannot sandbox: ${support.reason}\n`);

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close().catch(() => undefined)));
});

async function write(client: Client, tool: string, file: string): Promise<string> {
  const result = await client.callTool({ name: tool, arguments: { path: file, text: 'written by the server itself' } });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return (JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as { result: string }).result;
}

describe.runIf(support.available)('write mode, enforced by the sandbox', () => {
  it("with the bundled filesystem server's profile: EROFS while write mode is off, written with ask", async () => {
    const dataDir = tempDir('mcp-tray-sandbox-data-');
    const folder = tempDir('mcp-tray-sandbox-folder-');
    const service = new SandboxService({ dataDir, node: currentNodeRuntime(), allowedHosts: () => [], log: () => undefined });
    closing.push(() => service.stopAll());
    const filesystem = { ...defaultBundledDefinition('filesystem', dataDir), options: { roots: [folder] } };
    const deniedPaths = effectiveDeniedPaths(DEFAULT_DENIED_PATHS, dataDir);
    const probeWith = async (writeMode: WriteMode) => {
      // The test server's command line, sandboxed as the filesystem server would be.
      const { spawn, outcome } = await service.wrap({ ...filesystem, writeMode }, { command: NODE, args: [PROBE], env: await childEnvironment({}, {}) }, deniedPaths);
      expect(outcome).toMatchObject({ level: 'standard', applied: true });
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: spawn.command, args: [...spawn.args], env: spawn.env, stderr: 'pipe' }));
      closing.push(() => client.close());
      return client;
    };

    const readOnly = await probeWith('off');
    expect(await write(readOnly, 'write', path.join(folder, 'off.txt'))).toBe('error:EROFS');
    expect(existsSync(path.join(folder, 'off.txt'))).toBe(false);

    const writable = await probeWith('ask');
    expect(await write(writable, 'write', path.join(folder, 'ask.txt'))).toBe('ok');
    expect(readFileSync(path.join(folder, 'ask.txt'), 'utf8')).toBe('written by the server itself');
    // Its folder only: MCP Tray's data dir is out of reach, and /tmp is the sandbox's own.
    expect(await write(writable, 'write', path.join(dataDir, 'settings.json'))).toMatch(/^error:(EROFS|EACCES)$/);
    const outside = path.join(path.dirname(folder), `outside-${path.basename(folder)}.txt`);
    await write(writable, 'write', outside);
    expect(existsSync(outside)).toBe(false);
  });

  it('through the hub: changing write mode restarts the server, says so, and the OS follows it', async () => {
    const folder = tempDir('mcp-tray-sandbox-folder-');
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [{ id: 'writer', name: 'writer', kind: 'stdio', command: NODE, args: [PROBE], sandbox: 'standard', roots: [folder] }] });
    const hub: HubProcess = await startHub(dataDir);
    closing.push(() => hub.stop());
    const client = await connectBridge(dataDir, 'ide');
    closing.push(() => client.close());
    const server = async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === 'writer')!;

    expect(await write(client, 'write', path.join(folder, 'one.txt'))).toBe('error:EROFS');
    const before = (await server()).pid;

    expect((await cli(dataDir, ['servers', 'write', 'writer', 'ask', '--yes'])).code).toBe(0);
    const log = (await cli(dataDir, ['servers', 'log', 'writer'])).stdout;
    expect(log).toContain('write mode changed from off to ask by the user');
    expect(log).toContain('restarting it so the sandbox mounts its folders read-write');
    await waitFor('the server to run again', async () => {
      const s = await server();
      return s.state === 'running' && s.pid !== before;
    });
    expect((await server()).sandbox.reach).toContain(`its folders: ${folder} (writable: write mode is on)`);
    expect(await write(client, 'write', path.join(folder, 'two.txt'))).toBe('ok');
    expect(readFileSync(path.join(folder, 'two.txt'), 'utf8')).toBe('written by the server itself');

    expect((await cli(dataDir, ['servers', 'write', 'writer', 'off'])).code).toBe(0);
    await waitFor('the server to run again', async () => (await server()).state === 'running');
    expect(await write(client, 'write', path.join(folder, 'three.txt'))).toBe('error:EROFS');
    expect((await cli(dataDir, ['servers', 'log', 'writer'])).stdout).toContain('restarting it so the sandbox mounts its folders read-only');
  });
});

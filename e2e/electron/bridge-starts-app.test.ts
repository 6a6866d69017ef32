// The bridge of the desktop app starts the app when its hub is not running and waits
// (≤ 15 s); without the app (headless) it starts a headless hub (e2e/cli/bridge-starts-hub.test.ts). The "app" here is a
// stand-in (fixtures/stand-in-desktop-app.ts) that runs the real hub headless; the IDE is the real
// SDK client running the real `mcp-tray bridge`.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import { alive, BIN, cli, NODE, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

const STAND_IN = fileURLToPath(new URL('./fixtures/stand-in-desktop-app.ts', import.meta.url));

/** An executable file, as MCP_TRAY_APP names one (the bridge spawns it without a shell). */
function standInExecutable(dir: string): string {
  const file = path.join(dir, 'MCP Tray stand-in');
  writeFileSync(file, `#!${NODE}\nimport(${JSON.stringify(STAND_IN)});\n`);
  chmodSync(file, 0o755);
  return file;
}

const started: number[] = [];
afterEach(async () => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await waitFor(`stand-in app ${pid} to exit`, () => !alive(pid), 15_000);
  }
});

describe.skipIf(process.platform === 'win32')('bridge of the desktop app', () => {
  it('starts the app when the hub is not running, waits for it, and serves the IDE', async () => {
    const dataDir = tempDir('mcp-tray-bridge-app-');
    writeSettings(dataDir, { servers: [testServerDefinition('demo')] });
    const app = standInExecutable(tempDir('mcp-tray-app-bin-'));
    const client = new Client({ name: 'ide', version: '1.0.0' });
    const began = Date.now();
    await client.connect(
      new StdioClientTransport({
        command: NODE,
        args: [BIN, 'bridge', '--client', 'cursor', '--data-dir', dataDir],
        // What the packaged app writes into IDE entries: run as Node, and name the app to start.
        env: { ...(process.env as Record<string, string>), ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: app },
        stderr: 'pipe',
      }),
    );
    const waited = Date.now() - began;
    const record = JSON.parse(readFileSync(path.join(dataDir, 'stand-in-app.json'), 'utf8')) as { args: string[]; pid: number; electronRunAsNode: string | null; mcpTrayApp: string | null };
    started.push(record.pid);
    try {
      expect(waited).toBeLessThan(15_000);
      expect(record.args).toEqual(['--background', '--data-dir', dataDir]);
      // The app itself must not run as Node, nor think it was started by itself.
      expect(record.electronRunAsNode).toBeNull();
      expect(record.mcpTrayApp).toBeNull();
      const tools = await waitFor('the demo server tools', async () => {
        const listed = (await client.listTools()).tools;
        return listed.length > 0 ? listed : undefined;
      });
      expect(tools.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    // The app keeps running after the IDE goes (it is the tray app), until it is quit.
    expect(alive(record.pid)).toBe(true);
  });

  it('uses the hub that is already running without starting the app again', async () => {
    const dataDir = tempDir('mcp-tray-bridge-app-');
    writeSettings(dataDir, { servers: [] });
    const app = standInExecutable(tempDir('mcp-tray-app-bin-'));
    const first = await cli(dataDir, ['status'], { env: { MCP_TRAY_APP: app } });
    expect(first.code).not.toBe(0); // `status` never starts the app
    const client = new Client({ name: 'ide', version: '1.0.0' });
    const transport = () =>
      new StdioClientTransport({ command: NODE, args: [BIN, 'bridge', '--client', 'zed', '--data-dir', dataDir], env: { ...(process.env as Record<string, string>), MCP_TRAY_APP: app }, stderr: 'pipe' });
    await client.connect(transport());
    const { pid } = JSON.parse(readFileSync(path.join(dataDir, 'stand-in-app.json'), 'utf8')) as { pid: number };
    started.push(pid);
    await client.close();
    writeFileSync(path.join(dataDir, 'stand-in-app.json'), '{}');
    const second = new Client({ name: 'ide', version: '1.0.0' });
    await second.connect(transport());
    await second.close();
    expect(readFileSync(path.join(dataDir, 'stand-in-app.json'), 'utf8')).toBe('{}');
  });

  it('fails at once, saying so, when the named app cannot be started', async () => {
    const dataDir = tempDir('mcp-tray-bridge-app-');
    const began = Date.now();
    const result = await cli(dataDir, ['bridge', '--client', 'cursor'], { env: { MCP_TRAY_APP: path.join(dataDir, 'no-such-app') } });
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/the MCP Tray hub is not running and the app \(.*no-such-app\) could not be started: spawn .*ENOENT/);
  });
});

// Claude Code installed into a project (`.mcp.json`), checked with the real Claude Code CLI from
// the npm registry: `claude mcp list`, run in the project folder, holds the new project server for
// approval, and once the user has trusted the folder and approved the server (what answering
// Claude Code's two prompts writes: the folder's trust in ~/.claude.json, the server in the
// project's .claude/settings.local.json) shows mcp-tray connected. The entry names the profile
// "git-only": an SDK client spawning exactly the entry in `.mcp.json` sees git's tools and none of
// the memory server's. Uninstall takes the project server away again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { claudeCli, claudeEnv, run } from '../helpers/claude-code-cli.ts';
import { cli, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { clientEnv, tempHome } from './client-fixtures.ts';

const MINUTES = 60_000;

describe.skipIf(process.platform !== 'linux')('Claude Code installed into a project', () => {
  let home: string;
  let dataDir: string;
  let project: string;
  let claude: string;
  let hub: HubProcess;

  beforeAll(async () => {
    claude = await claudeCli();
    home = tempHome();
    dataDir = tempDir();
    project = tempDir('mcp-tray-cc-project-');
    const repo = tempDir('mcp-tray-cc-repo-');
    execFileSync('git', ['init', '-q', repo]);
    writeSettings(dataDir, {
      servers: [
        { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } },
        { id: 'git', name: 'Git', kind: 'bundled', bundled: 'git', options: { repos: [repo] } },
      ],
      profiles: [{ name: 'git-only', servers: ['git'] }],
    });
    hub = await startHub(dataDir, { env: clientEnv(home), args: ['--port', '0'] });
  }, 15 * MINUTES);

  afterAll(async () => {
    await hub?.stop();
  });

  const env = () => claudeEnv(home, { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, MCP_TRAY_KEYCHAIN_SERVICE: process.env.MCP_TRAY_KEYCHAIN_SERVICE });
  const mcpList = () => run(claude, ['mcp', 'list'], { cwd: project, env: env(), timeout: 2 * MINUTES });

  it('`claude mcp list` in the folder holds the server for approval, then shows it connected once approved', { timeout: 5 * MINUTES }, async () => {
    const installed = await cli(dataDir, ['install', 'claude-code', '--project', project, '--profile', 'git-only']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Installed MCP Tray into Claude Code for the project ${project} (bridge, profile git-only): created ${path.join(project, '.mcp.json')}`);

    // The user trusts the folder (Claude Code's first prompt there), but has not approved the server yet.
    writeFileSync(path.join(home, '.claude.json'), `${JSON.stringify({ projects: { [project]: { hasTrustDialogAccepted: true } } }, null, 2)}\n`);
    const pending = await mcpList();
    expect(pending.code, `${pending.stdout}\n${pending.stderr}`).toBe(0);
    expect(pending.stdout).toMatch(/^mcp-tray: .*bridge --client claude-code .*Pending approval/m);

    // The user approves it: Claude Code keeps that in the project's local (uncommitted) settings.
    mkdirSync(path.join(project, '.claude'));
    writeFileSync(path.join(project, '.claude', 'settings.local.json'), `${JSON.stringify({ enabledMcpjsonServers: ['mcp-tray'] }, null, 2)}\n`);
    const list = await mcpList();
    expect(list.code, `${list.stdout}\n${list.stderr}`).toBe(0);
    expect(list.stdout).toMatch(/^mcp-tray: .*bridge --client claude-code --data-dir .* --profile git-only - [✓✔] Connected$/m);
  });

  it('an SDK client spawning exactly the entry in .mcp.json sees the profile: git tools only', { timeout: 2 * MINUTES }, async () => {
    const entry = (JSON.parse(readFileSync(path.join(project, '.mcp.json'), 'utf8')) as { mcpServers: Record<string, { type: string; command: string; args: string[]; env?: Record<string, string> }> }).mcpServers['mcp-tray']!;
    expect(entry.type).toBe('stdio');
    const client = new Client({ name: 'claude-code', version: '2.1.0' });
    await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env: { ...entry.env, HOME: home }, cwd: project, stderr: 'pipe' }));
    try {
      const { tools } = await client.listTools();
      const names = tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['git_status', 'git_log']));
      // The memory server runs in the same hub, but not in this profile.
      expect(names.filter((n) => ['read_graph', 'search_nodes', 'create_entities'].includes(n))).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('uninstall takes the project server away from Claude Code', { timeout: 3 * MINUTES }, async () => {
    const removed = await cli(dataDir, ['uninstall', 'claude-code', '--project', project]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`deleted ${path.join(project, '.mcp.json')} (MCP Tray had created it)`);
    const list = await mcpList();
    expect(list.stdout).not.toMatch(/^mcp-tray:/m);
  });
});

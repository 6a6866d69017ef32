// Installs into a project folder's own config file, for every client that has one: into a folder
// without the file (created, then removed again with the folder MCP Tray made) and into an existing
// file with comments, other servers and odd formatting (only the entry added, the original back
// byte for byte on uninstall, a backup taken). A malformed file is left as it was; a missing
// folder or a file given as the folder is refused. User and project installs are recorded apart.
// Real hub, real CLI, real files.
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRow, InstallResult, UninstallResult } from '../../electron/hub/contract/api/clients.ts';
import { cli, type HubProcess, tempDir } from '../helpers/hub-process.ts';
import { assertOnlyEntryAdded, clientEnv, type ClientId, configPath, EXISTING, expectedBridgeEntry, parseAsClient, readText, serversOf, startClientsHub, withoutEntry, writeConfig } from './client-fixtures.ts';

/** Each client's project file, relative to the project folder (docs/clients.md), written out here independently of the client table. */
const PROJECT_FILES = {
  'claude-code': '.mcp.json',
  cursor: '.cursor/mcp.json',
  vscode: '.vscode/mcp.json',
  gemini: '.gemini/settings.json',
  codex: '.codex/config.toml',
  zed: '.zed/settings.json',
} as const satisfies Partial<Record<ClientId, string>>;
type ProjectClient = keyof typeof PROJECT_FILES;
const PROJECT_CLIENTS = Object.keys(PROJECT_FILES) as ProjectClient[];

/** An existing project file per client. Claude Code's `.mcp.json` is strict JSON: compact, keys in an unusual order. */
const EXISTING_PROJECT: Record<ProjectClient, string> = {
  'claude-code': '{"mcpServers": {"github": {"args": ["-y", "@modelcontextprotocol/server-github"], "command": "npx", "type": "stdio"}},\n   "$schema": "x"}\n',
  cursor: EXISTING.cursor,
  vscode: EXISTING.vscode,
  gemini: EXISTING.gemini,
  codex: EXISTING.codex,
  zed: EXISTING.zed,
};

function projectFile(id: ProjectClient, project: string): string {
  return path.join(project, ...PROJECT_FILES[id].split('/'));
}

/** Every file and folder under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('install / uninstall into a project folder', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    // Entries may name only profiles that exist (the servers they name need not run here).
    ({ home, dataDir, hub } = await startClientsHub({}, { servers: [], profiles: [{ name: 'git-only', servers: ['git'] }, { name: 'web', servers: ['web'] }] }));
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it.each(PROJECT_CLIENTS)('%s: into a folder without the file: created with only the entry, then removed with the folder it made', async (id) => {
    const project = tempDir('mcp-tray-project-');
    writeFileSync(path.join(project, 'README.md'), 'a project\n');
    const before = tree(project);
    const installed = await cli(dataDir, ['install', id, '--project', project, '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    const result = JSON.parse(installed.stdout) as InstallResult;
    const file = projectFile(id, project);
    expect(result).toMatchObject({ client: id, scope: 'project', project, path: file, via: 'file', changed: true, createdFile: true, status: 'installed' });
    expect(serversOf(id, parseAsClient(id, readText(file)))['mcp-tray']).toEqual(expectedBridgeEntry(id, dataDir));
    // The user-level config was not touched.
    expect(existsSync(configPath(id, home))).toBe(false);

    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    const row = rows.find((r) => r.id === id)!;
    expect(row.status).not.toBe('installed');
    expect(row.projects).toEqual([expect.objectContaining({ project, path: file, status: 'installed' })]);

    const removed = await cli(dataDir, ['uninstall', id, '--project', project, '--json']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(JSON.parse(removed.stdout) as UninstallResult).toMatchObject({ scope: 'project', project, changed: true, deletedFile: true });
    expect(tree(project)).toEqual(before);
    const after = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    expect(after.find((r) => r.id === id)!.projects).toEqual([]);
  });

  it.each(PROJECT_CLIENTS)('%s: into an existing file: only the entry added, a backup taken, the original back byte for byte', async (id) => {
    const project = tempDir('mcp-tray-project-');
    const file = projectFile(id, project);
    writeConfig(file, EXISTING_PROJECT[id]);
    const installed = await cli(dataDir, ['install', id, '--project', project, '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    const result = JSON.parse(installed.stdout) as InstallResult;
    expect(result).toMatchObject({ scope: 'project', path: file, changed: true, createdFile: false });
    const after = readText(file);
    const entry = expectedBridgeEntry(id, dataDir);
    const parsed = parseAsClient(id, after);
    expect(serversOf(id, parsed)['mcp-tray']).toEqual(entry);
    expect(withoutEntry(id, parsed)).toEqual(parseAsClient(id, EXISTING_PROJECT[id]));
    assertOnlyEntryAdded(id, EXISTING_PROJECT[id], after, entry);
    expect(result.backup).toBeTruthy();
    expect(readText(result.backup!)).toBe(EXISTING_PROJECT[id]);
    // Backups of a project's file live apart from the user config's.
    expect(result.backup!.startsWith(path.join(dataDir, 'backups', 'clients', id, 'projects') + path.sep)).toBe(true);

    const again = await cli(dataDir, ['install', id, '--project', project]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already has the mcp-tray entry');
    expect(readText(file)).toBe(after);

    const removed = await cli(dataDir, ['uninstall', id, '--project', project]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('Removed the mcp-tray entry');
    expect(readText(file)).toBe(EXISTING_PROJECT[id]);
  });

  it('keeps user and project installs apart: uninstalling one leaves the other', async () => {
    const project = tempDir('mcp-tray-project-');
    writeConfig(configPath('cursor', home), EXISTING.cursor);
    expect((await cli(dataDir, ['install', 'cursor'])).code).toBe(0);
    expect((await cli(dataDir, ['install', 'cursor', '--project', project])).code).toBe(0);
    const userText = readText(configPath('cursor', home));

    expect((await cli(dataDir, ['uninstall', 'cursor', '--project', project])).code).toBe(0);
    expect(existsSync(projectFile('cursor', project))).toBe(false);
    expect(readText(configPath('cursor', home))).toBe(userText);
    let row = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'cursor')!;
    expect(row.status).toBe('installed');
    expect(row.projects).toEqual([]);

    expect((await cli(dataDir, ['install', 'cursor', '--project', project])).code).toBe(0);
    const projectText = readText(projectFile('cursor', project));
    expect((await cli(dataDir, ['uninstall', 'cursor'])).code).toBe(0);
    expect(readText(configPath('cursor', home))).toBe(EXISTING.cursor);
    expect(readText(projectFile('cursor', project))).toBe(projectText);
    row = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'cursor')!;
    expect(row.projects).toEqual([expect.objectContaining({ project, status: 'installed' })]);
    expect((await cli(dataDir, ['uninstall', 'cursor', '--project', project])).code).toBe(0);
  });

  it('resolves a relative folder against where the command runs, and a symlinked one to its real path', async () => {
    const parent = tempDir('mcp-tray-project-');
    const real = path.join(parent, 'app');
    mkdirSync(real);
    symlinkSync(real, path.join(parent, 'link'));
    const viaLink = await cli(dataDir, ['install', 'vscode', '--project', 'link', '--json'], { cwd: parent });
    expect(viaLink.code, viaLink.stderr).toBe(0);
    expect(JSON.parse(viaLink.stdout) as InstallResult).toMatchObject({ project: real, path: path.join(real, '.vscode', 'mcp.json') });
    // The same folder named the other way is the same install.
    const again = await cli(dataDir, ['install', 'vscode', '--project', real]);
    expect(again.stdout).toContain('already has the mcp-tray entry');
    expect((await cli(dataDir, ['uninstall', 'vscode', '--project', './app'], { cwd: parent })).code).toBe(0);
    expect(tree(real)).toEqual([]);
  });

  it('names a profile on the bridge entry, for a project and at user level', async () => {
    const project = tempDir('mcp-tray-project-');
    const installed = await cli(dataDir, ['install', 'claude-code', '--project', project, '--profile', 'git-only', '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    expect(JSON.parse(installed.stdout) as InstallResult).toMatchObject({ profile: 'git-only' });
    const base = expectedBridgeEntry('claude-code', dataDir);
    const entry = { ...base, args: [...(base.args as string[]), '--profile', 'git-only'] };
    const text = readText(path.join(project, '.mcp.json'));
    expect(JSON.parse(text)).toEqual({ mcpServers: { 'mcp-tray': entry } });
    // Written by the same formatter as a user-level file: two-space JSON, one final newline.
    expect(text).toBe(`${JSON.stringify({ mcpServers: { 'mcp-tray': entry } }, null, 2)}\n`);
    const row = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'claude-code')!;
    expect(row.projects).toEqual([expect.objectContaining({ project, status: 'installed', profile: 'git-only' })]);
    expect((await cli(dataDir, ['uninstall', 'claude-code', '--project', project])).code).toBe(0);

    writeConfig(configPath('gemini', home), EXISTING.gemini);
    const user = await cli(dataDir, ['install', 'gemini', '--profile', 'web']);
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain('profile web');
    const userEntry = serversOf('gemini', parseAsClient('gemini', readText(configPath('gemini', home))))['mcp-tray']!;
    expect(userEntry.args).toEqual([...(expectedBridgeEntry('gemini', dataDir).args as string[]), '--profile', 'web']);
    // An entry naming a profile is current, not outdated.
    const gemini = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'gemini')!;
    expect(gemini.status).toBe('installed');
    expect((await cli(dataDir, ['uninstall', 'gemini'])).code).toBe(0);
    expect(readText(configPath('gemini', home))).toBe(EXISTING.gemini);

    const bad = await cli(dataDir, ['install', 'cursor', '--profile', '--bad']);
    expect(bad.code).not.toBe(0);
    const unknown = await cli(dataDir, ['install', 'cursor', '--project', project, '--profile', 'no-such-profile']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no-such-profile');
    expect(tree(project)).toEqual([]);
  });

  it('leaves a malformed project file untouched and says where it is broken', async () => {
    const project = tempDir('mcp-tray-project-');
    const file = projectFile('cursor', project);
    const broken = '{\n  "mcpServers": {\n    "a": { "command": "x" \n  }\n';
    writeConfig(file, broken);
    const result = await cli(dataDir, ['install', 'cursor', '--project', project]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^mcp-tray: cannot install into Cursor in ${project}: ${file}:\\d+:\\d+: .+; the file was not changed\\n$`));
    expect(readText(file)).toBe(broken);
    expect(readdirSync(path.dirname(file))).toEqual(['mcp.json']);
    const removed = await cli(dataDir, ['uninstall', 'cursor', '--project', project]);
    expect(removed.code).not.toBe(0);
    expect(readText(file)).toBe(broken);
  });

  it('refuses a folder that does not exist or is a file, and clients without a project file', async () => {
    const parent = tempDir('mcp-tray-project-');
    const missing = await cli(dataDir, ['install', 'cursor', '--project', path.join(parent, 'nope')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toBe(`mcp-tray: ${path.join(parent, 'nope')} does not exist; give an existing project folder\n`);
    writeFileSync(path.join(parent, 'file.txt'), 'x');
    const file = await cli(dataDir, ['install', 'cursor', '--project', path.join(parent, 'file.txt')]);
    expect(file.code).not.toBe(0);
    expect(file.stderr).toBe(`mcp-tray: ${path.join(parent, 'file.txt')} is a file, not a folder; give the project folder\n`);
    const windsurf = await cli(dataDir, ['install', 'windsurf', '--project', parent]);
    expect(windsurf.code).not.toBe(0);
    expect(windsurf.stderr).toContain('Windsurf has no project-level config file');
    expect(tree(parent)).toEqual(['file.txt']);
  });

  it('refuses a project folder whose project file is the user config itself', async () => {
    const result = await cli(dataDir, ['install', 'gemini', '--project', home]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("is Gemini CLI's user config, not a project file");
  });

  it('refuses --http into a project file and --http with --profile, changing nothing', async () => {
    const project = tempDir('mcp-tray-project-');
    const http = await cli(dataDir, ['install', 'cursor', '--project', project, '--http']);
    expect(http.code).not.toBe(0);
    expect(http.stderr).toContain('--http cannot go into a project file');
    const profile = await cli(dataDir, ['install', 'cursor', '--http', '--profile', 'web']);
    expect(profile.code).not.toBe(0);
    expect(profile.stderr).toContain('bind the token: mcp-tray clients token cursor --profile web');
    expect(tree(project)).toEqual([]);
  });

  it('shows a project install whose entry was removed by hand as missing, and uninstall forgets it', async () => {
    const project = tempDir('mcp-tray-project-');
    const file = projectFile('zed', project);
    writeConfig(file, EXISTING.zed);
    expect((await cli(dataDir, ['install', 'zed', '--project', project])).code).toBe(0);
    writeFileSync(file, EXISTING.zed);
    const row = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'zed')!;
    expect(row.projects).toEqual([expect.objectContaining({ project, status: 'missing' })]);
    const text = await cli(dataDir, ['clients']);
    expect(text.stdout).toContain('Installed into projects:');
    expect(text.stdout).toContain(file);
    const removed = await cli(dataDir, ['uninstall', 'zed', '--project', project]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('nothing to do');
    expect(readText(file)).toBe(EXISTING.zed);
    const after = (JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[]).find((r) => r.id === 'zed')!;
    expect(after.projects).toEqual([]);
  });

  it('a dry run into a project prints the diff and writes nothing, with or without a hub', async () => {
    const project = tempDir('mcp-tray-project-');
    const result = await cli(dataDir, ['install', 'codex', '--project', project, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`+++ ${path.join(project, '.codex', 'config.toml')}`);
    expect(result.stdout).toMatch(/^\+\[mcp_servers\.mcp-tray\]/m);
    const noHub = await cli(tempDir(), ['install', 'codex', '--project', project, '--dry-run'], { env: clientEnv(home) });
    expect(noHub.code, noHub.stderr).toBe(0);
    expect(noHub.stdout).toMatch(/^\+\[mcp_servers\.mcp-tray\]/m);
    expect(tree(project)).toEqual([]);
  });
});

// The bundled filesystem server, rooted at the whole (test) home folder as by default, never reaches
// MCP Tray's data folder nor the credential stores of the `deniedPaths` setting: not by an absolute
// path, a relative one, "..", a symlink inside the root that points into the data folder, nor by any
// listing (list_directory, list_directory_with_sizes, directory_tree, search_files). The setting is
// editable through the CLI and takes effect at once. Real hub, real filesystem server, the SDK client
// as the IDE through the bridge.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const MARK = 'SECRET-CONTENT-7f3a';

describe('filesystem server: denied paths', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;
  let ide: Client;

  const call = async (name: string, args: Record<string, unknown>) => {
    const result = await ide.callTool({ name, arguments: args });
    return { isError: result.isError === true, text: JSON.stringify(result.content) };
  };
  const denied = async (name: string, args: Record<string, unknown>) => {
    const result = await call(name, args);
    expect(result.isError, `${name} ${JSON.stringify(args)} → ${result.text}`).toBe(true);
    expect(result.text).not.toContain(MARK);
    return result.text;
  };
  const fsRunning = async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === 'filesystem')?.state === 'running';

  beforeAll(async () => {
    home = tempDir('mcp-tray-home-');
    dataDir = path.join(home, '.config', 'MCP Tray');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeSettings(dataDir, { servers: [{ id: 'filesystem', name: 'Filesystem', kind: 'bundled', bundled: 'filesystem', options: { roots: [home] } }] });
    // Files a model must not read: the hub's own, and credential stores.
    mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    writeFileSync(path.join(dataDir, 'logs', 'github.log'), `token ${MARK}\n`);
    mkdirSync(path.join(home, '.ssh'));
    writeFileSync(path.join(home, '.ssh', 'id_ed25519'), MARK);
    mkdirSync(path.join(home, '.aws'));
    writeFileSync(path.join(home, '.aws', 'credentials'), MARK);
    mkdirSync(path.join(home, '.docker'));
    writeFileSync(path.join(home, '.docker', 'config.json'), MARK);
    writeFileSync(path.join(home, '.docker', 'daemon.json'), '{"debug": true}');
    mkdirSync(path.join(home, '.cursor'));
    writeFileSync(path.join(home, '.cursor', 'mcp.json'), MARK);
    // Files it may read, and symlinks inside the root that point into the data folder.
    mkdirSync(path.join(home, 'project'));
    writeFileSync(path.join(home, 'project', 'notes.md'), 'hello notes');
    symlinkSync(dataDir, path.join(home, 'project', 'link-to-data'));
    symlinkSync(path.join(dataDir, 'logs', 'github.log'), path.join(home, 'project', 'innocent.txt'));
    mkdirSync(path.join(home, 'private'));
    writeFileSync(path.join(home, 'private', 'diary.txt'), MARK);

    hub = await startHub(dataDir, { env: { HOME: home } });
    await waitFor('filesystem running', fsRunning, 30_000);
    ide = await connectBridge(dataDir, 'fs-denied-test');
  });

  afterAll(async () => {
    await ide?.close();
    await hub?.stop();
  });

  it('reads what it may', async () => {
    const ok = await call('read_text_file', { path: path.join(home, 'project', 'notes.md') });
    expect(ok).toMatchObject({ isError: false });
    expect(ok.text).toContain('hello notes');
    expect((await call('read_text_file', { path: path.join(home, '.docker', 'daemon.json') })).text).toContain('debug');
  });

  it('refuses the data folder by absolute path, relative path, "..", symlinks and odd spellings', async () => {
    const log = path.join(dataDir, 'logs', 'github.log');
    const message = await denied('read_text_file', { path: log });
    expect(message).toContain('protected by MCP Tray');
    for (const p of [
      '.config/MCP Tray/logs/github.log',
      'project/../.config/MCP Tray/logs/github.log',
      path.join(home, 'project', '..', '.config', 'MCP Tray', 'logs', 'github.log'),
      `${home}//.config/./MCP Tray/logs//github.log`,
      path.join(home, 'project', 'link-to-data', 'logs', 'github.log'),
      path.join(home, 'project', 'innocent.txt'),
      '~/.config/MCP Tray/settings.json',
      'project/%2e%2e/.config/MCP Tray/logs/github.log',
      `${home}/.config/MCP Tray/logs/github.log\u0000.txt`,
    ]) {
      await denied('read_text_file', { path: p });
    }
    await denied('read_media_file', { path: path.join(home, 'project', 'innocent.txt') });
    await denied('get_file_info', { path: path.join(home, 'project', 'link-to-data') });
    await denied('list_directory', { path: path.join(home, 'project', 'link-to-data') });
    await denied('directory_tree', { path: dataDir });
    await denied('search_files', { path: path.join(home, 'project', 'link-to-data'), pattern: '**' });
    const many = await call('read_multiple_files', { paths: [path.join(home, 'project', 'notes.md'), path.join(home, 'project', 'innocent.txt')] });
    expect(many.text).toContain('hello notes');
    expect(many.text).toContain('protected by MCP Tray');
    expect(many.text).not.toContain(MARK);
  });

  it('refuses credential stores and IDE MCP configs by default', async () => {
    for (const p of ['.ssh/id_ed25519', '.aws/credentials', '.docker/config.json', '.cursor/mcp.json']) await denied('read_text_file', { path: path.join(home, p) });
    await denied('list_directory', { path: path.join(home, '.ssh') });
  });

  it('leaves denied entries out of every listing', async () => {
    const listing = await call('list_directory', { path: home });
    expect(listing.text).toContain('project');
    expect(listing.text).toContain('.docker');
    expect(listing.text).not.toMatch(/\.ssh|\.aws/);
    const config = await call('list_directory', { path: path.join(home, '.config') });
    expect(config.text).not.toContain('MCP Tray');
    const project = await call('list_directory_with_sizes', { path: path.join(home, 'project') });
    expect(project.text).toContain('notes.md');
    expect(project.text).not.toMatch(/link-to-data|innocent/);
    expect(project.text).toContain('Total: 1 files, 0 directories');
    const docker = await call('list_directory', { path: path.join(home, '.docker') });
    expect(docker.text).toContain('daemon.json');
    expect(docker.text).not.toContain('config.json');
    const tree = await call('directory_tree', { path: home });
    expect(tree.isError).toBe(false);
    expect(tree.text).toContain('notes.md');
    for (const hidden of ['MCP Tray', 'github.log', 'settings.json', 'id_ed25519', 'credentials', 'link-to-data', 'innocent.txt', 'mcp.json']) expect(tree.text).not.toContain(hidden);
    const search = await call('search_files', { path: home, pattern: '**/*' });
    expect(search.text).toContain('notes.md');
    for (const hidden of ['MCP Tray', 'github.log', 'id_ed25519', 'credentials', 'link-to-data', 'innocent.txt', 'mcp.json']) expect(search.text).not.toContain(hidden);
  });

  it('refuses writes into denied paths, with write mode on', async () => {
    expect((await cli(dataDir, ['servers', 'write', 'filesystem', 'allow', '--yes-allow'])).code).toBe(0);
    await waitFor('write tools listed', async () => (await ide.listTools()).tools.some((t) => t.name === 'write_file'));
    await denied('write_file', { path: path.join(home, 'project', 'link-to-data', 'planted.txt'), content: 'x' });
    await denied('write_file', { path: path.join(home, '.ssh', 'authorized_keys'), content: 'x' });
    await denied('create_directory', { path: path.join(home, '.aws', 'sub') });
    await denied('move_file', { source: path.join(home, 'project', 'notes.md'), destination: path.join(dataDir, 'notes.md') });
    await denied('move_file', { source: path.join(home, 'project', 'innocent.txt'), destination: path.join(home, 'project', 'taken.txt') });
    await denied('edit_file', { path: path.join(home, 'project', 'innocent.txt'), edits: [{ oldText: 'token', newText: 'x' }] });
    expect((await call('write_file', { path: path.join(home, 'project', 'new.md'), content: 'fine' })).isError).toBe(false);
    expect((await cli(dataDir, ['servers', 'write', 'filesystem', 'off'])).code).toBe(0);
  });

  it('takes a path added with the CLI at once, and lets it go when removed', async () => {
    const diary = path.join(home, 'private', 'diary.txt');
    expect((await call('read_text_file', { path: diary })).text).toContain(MARK);
    const added = await cli(dataDir, ['settings', 'denied-paths', 'add', '~/private']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('~/private');
    await waitFor('filesystem restarted', fsRunning, 30_000);
    await waitFor('diary denied', async () => (await call('read_text_file', { path: diary }).catch(() => ({ isError: false, text: '' }))).text.includes('protected by MCP Tray'), 30_000);
    const shown = await cliJson<string[]>(dataDir, ['settings', 'denied-paths']);
    expect(shown).toContain('~/private');
    expect(shown).toContain('~/.ssh');
    expect((await cli(dataDir, ['settings', 'denied-paths', 'remove', '~/private'])).code).toBe(0);
    await waitFor('diary readable again', async () => (await call('read_text_file', { path: diary }).catch(() => ({ isError: true, text: '' }))).text.includes(MARK), 30_000);
  });
});

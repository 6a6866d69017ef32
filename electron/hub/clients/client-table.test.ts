import { describe, expect, it } from 'vitest';
import { CLIENT_LABELS } from './client-labels.ts';
import { CLIENTS, ENTRY_NAME, findClient } from './client-table.ts';
import { chooseConfigPath, type PathContext } from './config-paths.ts';

const mac: PathContext = { platform: 'darwin', home: '/Users/u', env: {} };
const linux: PathContext = { platform: 'linux', home: '/home/u', env: {} };
const windows: PathContext = { platform: 'win32', home: 'C:\\Users\\u', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' } };

// The user config per client and OS, as docs/clients.md gives them (first candidate).
const EXPECTED: Record<string, [string, string, string]> = {
  'claude-desktop': [
    '/Users/u/Library/Application Support/Claude/claude_desktop_config.json',
    '/home/u/.config/Claude/claude_desktop_config.json',
    'C:\\Users\\u\\AppData\\Local\\Packages\\Claude_pzs8sxrjxfjjc\\LocalCache\\Roaming\\Claude\\claude_desktop_config.json',
  ],
  'claude-code': ['/Users/u/.claude.json', '/home/u/.claude.json', 'C:\\Users\\u\\.claude.json'],
  cursor: ['/Users/u/.cursor/mcp.json', '/home/u/.cursor/mcp.json', 'C:\\Users\\u\\.cursor\\mcp.json'],
  vscode: ['/Users/u/Library/Application Support/Code/User/mcp.json', '/home/u/.config/Code/User/mcp.json', 'C:\\Users\\u\\AppData\\Roaming\\Code\\User\\mcp.json'],
  windsurf: ['/Users/u/.codeium/windsurf/mcp_config.json', '/home/u/.codeium/windsurf/mcp_config.json', 'C:\\Users\\u\\.codeium\\windsurf\\mcp_config.json'],
  gemini: ['/Users/u/.gemini/settings.json', '/home/u/.gemini/settings.json', 'C:\\Users\\u\\.gemini\\settings.json'],
  codex: ['/Users/u/.codex/config.toml', '/home/u/.codex/config.toml', 'C:\\Users\\u\\.codex\\config.toml'],
  zed: ['/Users/u/.config/zed/settings.json', '/home/u/.config/zed/settings.json', 'C:\\Users\\u\\AppData\\Roaming\\Zed\\settings.json'],
  cline: ['/Users/u/.cline/data/settings/cline_mcp_settings.json', '/home/u/.cline/data/settings/cline_mcp_settings.json', 'C:\\Users\\u\\.cline\\data\\settings\\cline_mcp_settings.json'],
  lmstudio: ['/Users/u/.lmstudio/mcp.json', '/home/u/.lmstudio/mcp.json', 'C:\\Users\\u\\.lmstudio\\mcp.json'],
  continue: ['/Users/u/.continue/config.yaml', '/home/u/.continue/config.yaml', 'C:\\Users\\u\\.continue\\config.yaml'],
};

describe('the client table', () => {
  it('covers every client id with its label', () => {
    expect(CLIENTS.map((c) => c.id)).toEqual(Object.keys(CLIENT_LABELS));
    for (const client of CLIENTS) expect(client.label).toBe(CLIENT_LABELS[client.id]);
  });

  it.each(Object.entries(EXPECTED))('%s: user config path on macOS, Linux, Windows', (id, [onMac, onLinux, onWindows]) => {
    const client = findClient(id)!;
    expect(client.userConfig(mac)[0]).toBe(onMac);
    expect(client.userConfig(linux)[0]).toBe(onLinux);
    expect(client.userConfig(windows)[0]).toBe(onWindows);
  });

  it('follows the environment overrides the clients honor', () => {
    const env = { XDG_CONFIG_HOME: '/x', CLAUDE_CONFIG_DIR: '/cc', CODEX_HOME: '/cx', CLINE_DIR: '/cl', FLATPAK_XDG_CONFIG_HOME: '/fp' };
    const ctx = { ...linux, env };
    expect(findClient('vscode')!.userConfig(ctx)[0]).toBe('/x/Code/User/mcp.json');
    expect(findClient('claude-code')!.userConfig(ctx)[0]).toBe('/cc/.claude.json');
    expect(findClient('codex')!.userConfig(ctx)[0]).toBe('/cx/config.toml');
    expect(findClient('cline')!.userConfig(ctx)[0]).toBe('/cl/data/settings/cline_mcp_settings.json');
    expect(findClient('zed')!.userConfig(ctx)[0]).toBe('/fp/zed/settings.json');
    expect(findClient('cline')!.userConfig({ ...linux, env: { CLINE_MCP_SETTINGS_PATH: '/p.json' } })).toEqual(['/p.json']);
  });

  it('chooses the first existing file, else the first existing folder, else the first candidate', () => {
    const [msix, roaming] = findClient('claude-desktop')!.userConfig(windows);
    expect(chooseConfigPath([msix!, roaming!], () => false)).toBe(msix);
    expect(chooseConfigPath([msix!, roaming!], (p) => p === 'C:\\Users\\u\\AppData\\Roaming\\Claude')).toBe(roaming);
    expect(chooseConfigPath([msix!, roaming!], (p) => p === roaming)).toBe(roaming);
    const [shared, legacy] = findClient('cline')!.userConfig(linux);
    expect(legacy).toBe('/home/u/.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json');
    expect(chooseConfigPath([shared!, legacy!], (p) => p === legacy)).toBe(legacy);
  });

  it('uses each client\'s servers key and entry shapes', () => {
    const stdio = { command: '/n', args: ['a'], env: {} };
    const http = { url: 'http://127.0.0.1:1/mcp', token: 't' };
    const shapes = Object.fromEntries(CLIENTS.map((c) => [c.id, [c.serversKey.join('.'), c.stdioEntry(stdio), c.httpEntry?.(http)]]));
    expect(shapes['vscode']).toEqual(['servers', { type: 'stdio', command: '/n', args: ['a'] }, { type: 'http', url: http.url, headers: { Authorization: 'Bearer t' } }]);
    expect(shapes['zed']).toEqual(['context_servers', { source: 'custom', command: '/n', args: ['a'] }, { url: http.url, headers: { Authorization: 'Bearer t' } }]);
    expect(shapes['codex']).toEqual(['mcp_servers', { command: '/n', args: ['a'] }, { url: http.url, http_headers: { Authorization: 'Bearer t' } }]);
    expect(shapes['windsurf']![2]).toEqual({ serverUrl: http.url, headers: { Authorization: 'Bearer t' } });
    expect(shapes['cline']![2]).toEqual({ type: 'streamableHttp', url: http.url, headers: { Authorization: 'Bearer t' } });
    expect(shapes['continue']![2]).toEqual({ type: 'streamable-http', url: http.url, requestOptions: { headers: { Authorization: 'Bearer t' } } });
    expect(shapes['gemini']![2]).toEqual({ url: http.url, type: 'http', headers: { Authorization: 'Bearer t' } });
    expect(shapes['claude-desktop']![2]).toBeUndefined();
    expect(findClient('claude-desktop')!.stdioEntry({ ...stdio, env: { ELECTRON_RUN_AS_NODE: '1' } })).toEqual({ command: '/n', args: ['a'], env: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('builds argument arrays for the clients\' own CLIs', () => {
    const stdio = { stdio: { command: '/n', args: ['/b.js', 'bridge', '--client', 'x'], env: { ELECTRON_RUN_AS_NODE: '1' } } };
    expect(findClient('claude-code')!.cli!.install(stdio)!.map((s) => s.args)).toEqual([
      ['mcp', 'remove', '--scope', 'user', ENTRY_NAME],
      ['mcp', 'add-json', '--scope', 'user', ENTRY_NAME, '{"type":"stdio","command":"/n","args":["/b.js","bridge","--client","x"],"env":{"ELECTRON_RUN_AS_NODE":"1"}}'],
    ]);
    expect(findClient('gemini')!.cli!.install(stdio)![0]!.args).toEqual(['mcp', 'add', '-s', 'user', '-e', 'ELECTRON_RUN_AS_NODE=1', ENTRY_NAME, '/n', '--', '/b.js', 'bridge', '--client', 'x']);
    expect(findClient('codex')!.cli!.install(stdio)![0]!.args).toEqual(['mcp', 'add', ENTRY_NAME, '--env', 'ELECTRON_RUN_AS_NODE=1', '--', '/n', '/b.js', 'bridge', '--client', 'x']);
    expect(findClient('codex')!.cli!.install({ http: { url: 'u', token: 't' } })).toBeNull();
    expect(findClient('gemini')!.cli!.install({ http: { url: 'u', token: 't' } })![0]!.args).toEqual(['mcp', 'add', '-s', 'user', '-t', 'http', '-H', 'Authorization: Bearer t', ENTRY_NAME, 'u']);
    expect(findClient('vscode')!.cli!.remove(ENTRY_NAME)).toBeNull();
  });
});

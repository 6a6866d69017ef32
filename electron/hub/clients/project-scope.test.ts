// Which clients take a project install and where their file is; the profile an entry names; the
// contract's refusal of a relative folder and of a profile name that could pass for a flag.
import { describe, expect, it } from 'vitest';
import { clientRequests } from '../contract/api/clients.ts';
import { CLIENTS, findClient } from './client-table.ts';
import { profileInArgs, projectConfigFile, requireProjectConfig } from './project-scope.ts';

describe('project scope', () => {
  it('knows the project file of exactly the clients that have one', () => {
    const withFile = CLIENTS.filter((c) => c.projectConfig).map((c) => [c.id, projectConfigFile(c, '/p')]);
    expect(withFile).toEqual([
      ['claude-code', '/p/.mcp.json'],
      ['cursor', '/p/.cursor/mcp.json'],
      ['vscode', '/p/.vscode/mcp.json'],
      ['gemini', '/p/.gemini/settings.json'],
      ['codex', '/p/.codex/config.toml'],
      ['zed', '/p/.zed/settings.json'],
    ]);
    expect(() => requireProjectConfig(findClient('windsurf')!)).toThrow('Windsurf has no project-level config file; install it without --project');
  });

  it('reads the profile an entry names', () => {
    expect(profileInArgs(['/app/bin/mcp-tray.js', 'bridge', '--client', 'cursor', '--profile', 'web'])).toBe('web');
    expect(profileInArgs(['/app/bin/mcp-tray.js', 'bridge', '--client', 'cursor'])).toBeUndefined();
    expect(profileInArgs(undefined)).toBeUndefined();
  });

  it('takes only an absolute folder and a plain profile name over the control API', () => {
    const install = clientRequests['clients.install'];
    expect(install.safeParse({ client: 'cursor', project: '/home/u/app', profile: 'git-only' }).success).toBe(true);
    expect(install.safeParse({ client: 'cursor', project: 'C:\\Users\\u\\app' }).success).toBe(true);
    expect(install.safeParse({ client: 'cursor', project: 'app' }).success).toBe(false);
    expect(install.safeParse({ client: 'cursor', profile: '--data-dir' }).success).toBe(false);
    expect(install.safeParse({ client: 'cursor', profile: 'a b' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_DENIED_PATHS, IDE_MCP_CONFIGS } from '../settings/denied-path-defaults.ts';
import { SettingsSchema } from '../settings/schema.ts';
import { effectiveDeniedPaths } from './denied-paths.ts';

const linux = { platform: 'linux' as const, home: '/home/ada', env: {} };

describe('effective denied paths', () => {
  it('always starts with the data folder, then the setting with ~ expanded', () => {
    const list = effectiveDeniedPaths(['~/.ssh', '/srv/secrets', 'relative/dir'], '/home/ada/.config/MCP Tray', linux);
    expect(list).toEqual(['/home/ada/.config/MCP Tray', '/home/ada/.ssh', '/srv/secrets', '/home/ada/relative/dir']);
  });

  it('replaces the IDE entry by every IDE MCP config file of the client table', () => {
    const list = effectiveDeniedPaths([IDE_MCP_CONFIGS], '/d', linux);
    expect(list).toContain('/home/ada/.cursor/mcp.json');
    expect(list).toContain('/home/ada/.claude.json');
    expect(list).toContain('/home/ada/.codex/config.toml');
  });

  it('denies credential stores by default, and the data folder even with an empty list', () => {
    expect(SettingsSchema.parse({}).deniedPaths).toEqual([...DEFAULT_DENIED_PATHS]);
    for (const entry of ['~/.ssh', '~/.gnupg', '~/.aws', '~/.kube', '~/.docker/config.json', '~/.netrc', '~/.npmrc', '~/.local/share/keyrings', '~/.mozilla', IDE_MCP_CONFIGS]) {
      expect(DEFAULT_DENIED_PATHS).toContain(entry);
    }
    expect(effectiveDeniedPaths([], '/data', linux)).toEqual(['/data']);
  });
});

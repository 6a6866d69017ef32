// The installer's refusals that need no files: --http while the hub's HTTP endpoint is not
// running, and --http for a client whose config cannot hold a remote server.
import { describe, expect, it } from 'vitest';
import { ControlError } from '../contract/contract.ts';
import { Backups } from './backups.ts';
import { checkoutLauncher } from './bridge-launcher.ts';
import { findClient } from './client-table.ts';
import { ConfigEditor } from './config-access.ts';
import { InstallRecords } from './install-records.ts';
import { ClientInstaller, describeEntry } from './installer.ts';

function installer(http: { url: string } | { off: string }): ClientInstaller {
  let issued = 0;
  return new ClientInstaller(
    {
      dataDir: '/nonexistent/data',
      launcher: checkoutLauncher(),
      http: () => http,
      issueToken: async () => `token-${++issued}`,
      tokenIssued: () => issued > 0,
      sessions: () => [],
    },
    new ConfigEditor(new Backups('/nonexistent/backups')),
    new InstallRecords('/nonexistent/data'),
  );
}

describe('ClientInstaller', () => {
  it('fails --http clearly while the HTTP endpoint is not running', async () => {
    const error = await installer({ off: 'port 4100 on 127.0.0.1 is in use' }).install(findClient('cursor')!, { http: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlError);
    expect((error as ControlError).code).toBe('unavailable');
    expect((error as ControlError).message).toBe(
      "the hub's HTTP endpoint is off (port 4100 on 127.0.0.1 is in use), so there is no URL to write and nothing was changed; install cursor without --http to use the bridge entry",
    );
  });

  it('refuses --http for Claude Desktop', async () => {
    const error = await installer({ url: 'http://127.0.0.1:1/mcp' }).install(findClient('claude-desktop')!, { http: true }).catch((e: unknown) => e);
    expect((error as ControlError).code).toBe('invalid-params');
  });

  it('tells stdio from http entries, including Zed\'s nested command', () => {
    expect(describeEntry({ serverUrl: 'http://x/mcp', headers: {} })).toEqual({ transport: 'http', url: 'http://x/mcp' });
    expect(describeEntry({ command: { path: '/n', args: ['a'] } })).toEqual({ transport: 'stdio', command: '/n', args: ['a'] });
  });
});

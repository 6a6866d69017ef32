// The plans that put `mcp-tray` on PATH, per OS (run here for every OS: the plan is data).
import { describe, expect, it } from 'vitest';
import type { BridgeLauncher } from '../clients/bridge-launcher.ts';
import { cliToolInstallPlan, cliToolUninstallPlan, posixShim, SHIM_MARK, userPathScript, windowsShim, type CliToolContext } from './cli-tool-plan.ts';

const checkout: BridgeLauncher = { command: '/opt/node/bin/node', args: ["/home/ann/it's here/bin/mcp-tray.js"], env: {} };
const app: BridgeLauncher = { command: 'C:\\Program Files\\MCP Tray\\MCP Tray.exe', args: ['C:\\Program Files\\MCP Tray\\resources\\bridge\\mcp-tray.mjs'], env: { ELECTRON_RUN_AS_NODE: '1' } };

function ctx(over: Partial<CliToolContext>): CliToolContext {
  return {
    platform: 'linux',
    home: '/home/ann',
    env: { PATH: '/usr/bin:/bin' },
    dataDir: '/home/ann/.config/MCP Tray',
    launcher: checkout,
    existing: () => undefined,
    canWrite: () => false,
    linkTarget: () => undefined,
    ...over,
  };
}

describe('Linux: a shim in ~/.local/bin', () => {
  it('writes an executable shim that runs the launcher with every argument, quoted for sh', () => {
    const plan = cliToolInstallPlan(ctx({}));
    expect(plan.writes).toEqual([{ path: '/home/ann/.local/bin/mcp-tray', content: posixShim(checkout), mode: 0o755 }]);
    expect(plan.writes[0]!.content).toBe(
      `#!/bin/sh\n# The mcp-tray command, ${SHIM_MARK}.\nexec '/opt/node/bin/node' '/home/ann/it'\\''s here/bin/mcp-tray.js' "$@"\n`,
    );
    expect(plan.commands).toEqual([]);
  });

  it('says how to put ~/.local/bin on PATH when it is not there, and nothing when it is', () => {
    expect(cliToolInstallPlan(ctx({})).notes[0]).toMatch(/^\/home\/ann\/.local\/bin is not on your PATH\. Add it: echo 'export PATH="\$HOME\/.local\/bin:\$PATH"' >> ~\/.profile/);
    expect(cliToolInstallPlan(ctx({ env: { PATH: '/home/ann/.local/bin:/usr/bin' } })).notes).toEqual([]);
  });

  it('never replaces or removes a file it did not write', () => {
    const theirs = ctx({ existing: () => '#!/bin/sh\necho another tool\n' });
    expect(() => cliToolInstallPlan(theirs)).toThrow(/exists and is not MCP Tray's/);
    expect(() => cliToolUninstallPlan(theirs)).toThrow(/is not MCP Tray's; it was left alone/);
    expect(cliToolUninstallPlan(ctx({ existing: () => posixShim(checkout) })).removes).toEqual(['/home/ann/.local/bin/mcp-tray']);
  });
});

describe('macOS: the shim in the data dir, linked from /usr/local/bin', () => {
  it('links directly when /usr/local/bin is the user\'s to write', () => {
    const plan = cliToolInstallPlan(ctx({ platform: 'darwin', canWrite: () => true }));
    expect(plan.writes[0]!.path).toBe('/home/ann/.config/MCP Tray/bin/mcp-tray');
    expect(plan.links).toEqual([{ path: '/usr/local/bin/mcp-tray', target: '/home/ann/.config/MCP Tray/bin/mcp-tray' }]);
    expect(plan.commands).toEqual([]);
  });

  it('asks for an administrator in the system dialog otherwise, with only the quoted paths in the script', () => {
    const plan = cliToolInstallPlan(ctx({ platform: 'darwin' }));
    expect(plan.links).toEqual([]);
    expect(plan.commands).toHaveLength(1);
    const [command] = plan.commands;
    expect(command!.command).toBe('osascript');
    expect(command!.args).toEqual([
      '-e',
      `do shell script "mkdir -p '/usr/local/bin' && ln -sf '/home/ann/.config/MCP Tray/bin/mcp-tray' '/usr/local/bin/mcp-tray'" with administrator privileges`,
    ]);
  });

  it('leaves a link to another program alone', () => {
    expect(() => cliToolInstallPlan(ctx({ platform: 'darwin', linkTarget: () => '/Applications/Other.app/bin/mcp-tray', existing: () => 'binary' }))).toThrow(/links to \/Applications/);
    expect(() => cliToolUninstallPlan(ctx({ platform: 'darwin', linkTarget: () => '/elsewhere' }))).toThrow(/not to MCP Tray/);
  });
});

describe('Windows: mcp-tray.cmd in %LOCALAPPDATA%\\MCP Tray\\bin, on the user PATH', () => {
  const win = (over: Partial<CliToolContext> = {}) => ctx({ platform: 'win32', home: 'C:\\Users\\ann', env: { LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local', Path: 'C:\\Windows' }, launcher: app, ...over });

  it('writes a .cmd shim that runs the app as Node and adds its folder to the user PATH through an environment variable', () => {
    const plan = cliToolInstallPlan(win());
    expect(plan.writes[0]!.path).toBe('C:\\Users\\ann\\AppData\\Local\\MCP Tray\\bin\\mcp-tray.cmd');
    expect(plan.writes[0]!.content).toBe(windowsShim(app));
    expect(windowsShim(app)).toContain('set "ELECTRON_RUN_AS_NODE=1"\r\n"C:\\Program Files\\MCP Tray\\MCP Tray.exe" "C:\\Program Files\\MCP Tray\\resources\\bridge\\mcp-tray.mjs" %*\r\n');
    expect(plan.commands).toEqual([
      {
        command: 'powershell.exe',
        args: ['-NoProfile', '-NonInteractive', '-Command', userPathScript('add')],
        env: { MCP_TRAY_BIN_DIR: 'C:\\Users\\ann\\AppData\\Local\\MCP Tray\\bin' },
        purpose: 'add C:\\Users\\ann\\AppData\\Local\\MCP Tray\\bin to your user PATH',
      },
    ]);
    // The folder reaches PowerShell only as $env:MCP_TRAY_BIN_DIR, never inside the script.
    expect(userPathScript('add')).not.toContain('MCP Tray\\bin');
    expect(plan.notes[0]).toMatch(/new terminal/);
  });

  it('uninstall removes the shim and takes the folder off the user PATH', () => {
    const plan = cliToolUninstallPlan(win({ existing: () => windowsShim(app) }));
    expect(plan.removes).toEqual(['C:\\Users\\ann\\AppData\\Local\\MCP Tray\\bin\\mcp-tray.cmd']);
    expect(plan.commands[0]!.args.at(-1)).toBe(userPathScript('remove'));
  });
});

// The login entries of the headless hub, per OS (the plan is data; the systemd unit is also
// checked by systemd-analyze and run for real in e2e/cli/service.test.ts).
import { describe, expect, it } from 'vitest';
import type { BridgeLauncher } from '../clients/bridge-launcher.ts';
import { launchdPlist, serviceInstallPlan, serviceUninstallPlan, systemdUnit, windowsStartupScript, type ServiceContext } from './login-service-plan.ts';

const launcher: BridgeLauncher = { command: '/opt/node/bin/node', args: ['/home/ann/src/mcp-tray/bin/mcp-tray.js'], env: {} };
const base: ServiceContext = { platform: 'linux', home: '/home/ann', env: {}, uid: 501, dataDir: '/home/ann/.config/MCP Tray', launcher };

describe('Linux: systemd user unit', () => {
  it('runs serve --no-open on the data dir, restarts on failure, and is wanted by default.target', () => {
    const unit = systemdUnit(base);
    expect(unit).toContain('ExecStart="/opt/node/bin/node" "/home/ann/src/mcp-tray/bin/mcp-tray.js" "serve" "--no-open" "--data-dir" "/home/ann/.config/MCP Tray"\n');
    expect(unit).toContain('Restart=on-failure');
    expect(unit).toContain('[Install]\nWantedBy=default.target');
  });

  it('keeps % and $ in paths literal (systemd specifiers and variables)', () => {
    expect(systemdUnit({ ...base, dataDir: '/data/100%$HOME' })).toContain('"/data/100%%$$HOME"');
  });

  it('is enabled by the link systemctl enable makes, then started where a user manager runs', () => {
    const plan = serviceInstallPlan(base);
    expect(plan.writes.map((w) => w.path)).toEqual(['/home/ann/.config/systemd/user/mcp-tray.service']);
    expect(plan.links).toEqual([{ path: '/home/ann/.config/systemd/user/default.target.wants/mcp-tray.service', target: '/home/ann/.config/systemd/user/mcp-tray.service' }]);
    expect(plan.commands.map((c) => [c.command, ...c.args])).toEqual([
      ['systemctl', '--user', 'daemon-reload'],
      ['systemctl', '--user', 'start', 'mcp-tray.service'],
    ]);
    expect(plan.commands.every((c) => c.bestEffort)).toBe(true);
    expect(serviceUninstallPlan(base).removes).toEqual(['/home/ann/.config/systemd/user/default.target.wants/mcp-tray.service', '/home/ann/.config/systemd/user/mcp-tray.service']);
  });
});

describe('macOS: launchd agent', () => {
  const mac: ServiceContext = { ...base, platform: 'darwin', home: '/Users/ann', dataDir: '/Users/ann/Library/Application Support/MCP Tray & co' };

  it('is a plist in ~/Library/LaunchAgents that runs at load and again after a crash, logging to the data dir', () => {
    const plist = launchdPlist(mac);
    expect(plist).toContain('<key>Label</key>\n  <string>local.mcp-tray.hub</string>');
    expect(plist).toContain(
      '<array>\n    <string>/opt/node/bin/node</string>\n    <string>/home/ann/src/mcp-tray/bin/mcp-tray.js</string>\n    <string>serve</string>\n    <string>--no-open</string>\n    <string>--data-dir</string>\n    <string>/Users/ann/Library/Application Support/MCP Tray &amp; co</string>\n  </array>',
    );
    expect(plist).toContain('<key>RunAtLoad</key>\n  <true/>');
    expect(plist).toContain('<key>SuccessfulExit</key>\n    <false/>');
    expect(plist).toContain('<string>/Users/ann/Library/Application Support/MCP Tray &amp; co/logs/hub.log</string>');
    // Well-formed enough for launchd: every element closed, nothing unescaped.
    expect(plist.match(/<dict>/g)!.length).toBe(plist.match(/<\/dict>/g)!.length);
    expect(plist).not.toMatch(/& /);
  });

  it('is loaded with launchctl bootstrap in the user\'s GUI domain and unloaded with bootout', () => {
    const plan = serviceInstallPlan(mac);
    expect(plan.writes[0]!.path).toBe('/Users/ann/Library/LaunchAgents/local.mcp-tray.hub.plist');
    expect(plan.commands.map((c) => [c.command, ...c.args])).toEqual([
      ['launchctl', 'bootout', 'gui/501/local.mcp-tray.hub'],
      ['launchctl', 'bootstrap', 'gui/501', '/Users/ann/Library/LaunchAgents/local.mcp-tray.hub.plist'],
    ]);
    expect(serviceUninstallPlan(mac).commands.map((c) => c.args)).toEqual([['bootout', 'gui/501/local.mcp-tray.hub']]);
  });
});

describe('Windows: Startup folder', () => {
  const win: ServiceContext = {
    ...base,
    platform: 'win32',
    home: 'C:\\Users\\ann',
    env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
    dataDir: 'C:\\Users\\ann\\AppData\\Roaming\\MCP Tray',
    launcher: { command: 'C:\\Program Files\\nodejs\\node.exe', args: ['C:\\src\\mcp-tray\\bin\\mcp-tray.js'], env: {} },
  };

  it('is a script in the Startup folder that runs the hub hidden, without waiting', () => {
    const plan = serviceInstallPlan(win);
    expect(plan.writes[0]!.path).toBe('C:\\Users\\ann\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\MCP Tray hub.vbs');
    expect(windowsStartupScript(win)).toContain(
      'shell.Run """C:\\Program Files\\nodejs\\node.exe"" ""C:\\src\\mcp-tray\\bin\\mcp-tray.js"" ""serve"" ""--no-open"" ""--data-dir"" ""C:\\Users\\ann\\AppData\\Roaming\\MCP Tray""", 0, False',
    );
    expect(serviceUninstallPlan(win).removes).toEqual([plan.writes[0]!.path]);
  });
});

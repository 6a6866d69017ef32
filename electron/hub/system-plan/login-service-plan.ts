// `mcp-tray service install`: the headless hub (`mcp-tray serve --no-open`) started at login, for
// people who never run the desktop app (which has its own "Start at login").
//   Linux    a systemd user unit, ~/.config/systemd/user/mcp-tray.service, enabled by the same
//            link `systemctl --user enable` makes (so it works even where no user manager runs
//            now), then started with systemctl when one does
//   macOS    a launchd agent, ~/Library/LaunchAgents/local.mcp-tray.hub.plist, loaded with launchctl
//   Windows  a script in the Startup folder that starts it without a window (wscript)
import os from 'node:os';
import path from 'node:path';
import type { BridgeLauncher } from '../clients/bridge-launcher.ts';
import { emptyPlan, type SystemPlan } from './system-plan.ts';

export const UNIT_NAME = 'mcp-tray.service';
export const AGENT_LABEL = 'local.mcp-tray.hub';
export const STARTUP_SCRIPT = 'MCP Tray hub.vbs';

export interface ServiceContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly uid: number;
  readonly dataDir: string;
  readonly launcher: BridgeLauncher;
}

/** The hub's command line: what the service runs. */
export function serveCommand(ctx: Pick<ServiceContext, 'launcher' | 'dataDir'>): string[] {
  return [ctx.launcher.command, ...ctx.launcher.args, 'serve', '--no-open', '--data-dir', ctx.dataDir];
}

export function serviceFiles(ctx: ServiceContext): { readonly file: string; readonly enabledLink?: string } {
  if (ctx.platform === 'win32') {
    const appData = ctx.env.APPDATA ?? path.win32.join(ctx.home, 'AppData', 'Roaming');
    return { file: path.win32.join(appData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', 'Startup', STARTUP_SCRIPT) };
  }
  if (ctx.platform === 'darwin') return { file: path.join(ctx.home, 'Library', 'LaunchAgents', `${AGENT_LABEL}.plist`) };
  const unitDir = path.join(ctx.env.XDG_CONFIG_HOME || path.join(ctx.home, '.config'), 'systemd', 'user');
  return { file: path.join(unitDir, UNIT_NAME), enabledLink: path.join(unitDir, 'default.target.wants', UNIT_NAME) };
}

/** One word of ExecStart: quoted, with systemd's specifiers (%) and variables ($) kept literal. */
function systemdWord(word: string): string {
  return `"${word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')}"`;
}

export function systemdUnit(ctx: ServiceContext): string {
  const env = Object.entries(ctx.launcher.env).map(([key, value]) => `Environment=${systemdWord(`${key}=${value}`)}\n`).join('');
  return `# The MCP Tray hub, headless, started at login. Written by "mcp-tray service install"; "mcp-tray service uninstall" removes it.
[Unit]
Description=MCP Tray hub (headless)

[Service]
Type=simple
${env}ExecStart=${serveCommand(ctx).map(systemdWord).join(' ')}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=default.target
`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function launchdPlist(ctx: ServiceContext): string {
  const log = path.join(ctx.dataDir, 'logs', 'hub.log');
  const env = Object.entries(ctx.launcher.env);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- The MCP Tray hub, headless, started at login. Written by "mcp-tray service install"; "mcp-tray service uninstall" removes it. -->
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>${AGENT_LABEL}</string>
  <key>ProgramArguments</key>
  <array>
${serveCommand(ctx).map((word) => `    <string>${xml(word)}</string>`).join('\n')}
  </array>
${env.length ? `  <key>EnvironmentVariables</key>\n  <dict>\n${env.map(([k, v]) => `    <key>${xml(k)}</key>\n    <string>${xml(v)}</string>`).join('\n')}\n  </dict>\n` : ''}  <key>RunAtLoad</key>
  <true/>
  <key>KeepAlive</key>
  <dict>
    <key>SuccessfulExit</key>
    <false/>
  </dict>
  <key>ProcessType</key>
  <string>Background</string>
  <key>StandardOutPath</key>
  <string>${xml(log)}</string>
  <key>StandardErrorPath</key>
  <string>${xml(log)}</string>
</dict>
</plist>
`;
}

/** VBScript that runs the hub with no window (0) and does not wait (False). */
export function windowsStartupScript(ctx: ServiceContext): string {
  const quoted = serveCommand(ctx).map((word) => `""${word.replace(/"/g, '""')}""`).join(' ');
  const env = Object.entries(ctx.launcher.env).map(([k, v]) => `shell.Environment("Process")("${k}") = "${v.replace(/"/g, '""')}"\r\n`).join('');
  return `' The MCP Tray hub, headless, started at login. Written by "mcp-tray service install"; "mcp-tray service uninstall" removes it.\r\nSet shell = CreateObject("WScript.Shell")\r\n${env}shell.Run "${quoted}", 0, False\r\n`;
}

export function serviceInstallPlan(ctx: ServiceContext): SystemPlan {
  const { file, enabledLink } = serviceFiles(ctx);
  if (ctx.platform === 'win32') {
    return {
      ...emptyPlan,
      writes: [{ path: file, content: windowsStartupScript(ctx), mode: 0o644 }],
      commands: [{ command: 'wscript.exe', args: [file], purpose: 'start the hub now', bestEffort: true }],
    };
  }
  if (ctx.platform === 'darwin') {
    return {
      ...emptyPlan,
      writes: [{ path: file, content: launchdPlist(ctx), mode: 0o644 }],
      commands: [
        // A previous version of the agent is unloaded first (it may not be loaded: best effort).
        { command: 'launchctl', args: ['bootout', `gui/${ctx.uid}/${AGENT_LABEL}`], purpose: 'unload the previous agent', bestEffort: true },
        { command: 'launchctl', args: ['bootstrap', `gui/${ctx.uid}`, file], purpose: 'load the agent (the hub runs now)', bestEffort: true },
      ],
    };
  }
  return {
    ...emptyPlan,
    writes: [{ path: file, content: systemdUnit(ctx), mode: 0o644 }],
    links: [{ path: enabledLink!, target: file }],
    commands: [
      { command: 'systemctl', args: ['--user', 'daemon-reload'], purpose: 'reload the systemd user manager', bestEffort: true },
      { command: 'systemctl', args: ['--user', 'start', UNIT_NAME], purpose: 'start the hub now', bestEffort: true },
    ],
  };
}

export function serviceUninstallPlan(ctx: ServiceContext): SystemPlan {
  const { file, enabledLink } = serviceFiles(ctx);
  if (ctx.platform === 'win32') return { ...emptyPlan, removes: [file], notes: ['A hub it started keeps running until you stop it or log out.'] };
  if (ctx.platform === 'darwin') {
    return { ...emptyPlan, commands: [{ command: 'launchctl', args: ['bootout', `gui/${ctx.uid}/${AGENT_LABEL}`], purpose: 'stop and unload the agent', bestEffort: true }], removes: [file] };
  }
  return {
    ...emptyPlan,
    commands: [{ command: 'systemctl', args: ['--user', 'stop', UNIT_NAME], purpose: 'stop the hub', bestEffort: true }],
    removes: [enabledLink!, file],
  };
}

export function currentServiceContext(dataDir: string, launcher: BridgeLauncher): ServiceContext {
  return { platform: process.platform, home: os.homedir(), env: process.env, uid: process.getuid?.() ?? 0, dataDir, launcher };
}

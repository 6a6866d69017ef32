// `mcp-tray clients`: every MCP client on this machine — detected, installed (and with which
// transport), connected sessions — and `mcp-tray clients token CLIENT` for HTTP bearer tokens.
// The list reads only IDE config files, so it works without a running hub (without sessions).
import { CLIENTS } from '../../hub/clients/client-table.ts';
import { searchPath } from '../../hub/clients/detect.ts';
import type { ClientRow } from '../../hub/contract/api/clients.ts';
import type { CliContext } from '../cli-context.ts';
import { HubClient, withHub } from '../hub-client.ts';
import { HUB_NOT_RUNNING, localInstaller } from '../local-clients.ts';
import { json, table } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export async function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const hub = await HubClient.connectIfRunning(ctx.dataDir);
  let rows: ClientRow[];
  if (hub) {
    try {
      rows = await hub.request('clients.list');
    } finally {
      hub.close();
    }
  } else {
    const installer = localInstaller(ctx.dataDir);
    const pathList = await searchPath();
    rows = await Promise.all(CLIENTS.map((c) => installer.row(c, pathList)));
    ctx.stderr.write(`mcp-tray: ${HUB_NOT_RUNNING}; read the IDE config files only (no connected sessions or HTTP tokens shown)\n`);
  }
  if (flag(command, 'json')) {
    ctx.stdout.write(json(rows));
    return 0;
  }
  ctx.stdout.write(
    table([
      ['CLIENT', 'STATUS', 'CONNECTED', 'CONFIG', 'NOTE'],
      ...rows.map((r) => [
        r.id,
        r.status + (r.installed?.transport === 'http' ? ' (http)' : ''),
        !hub ? '?' : r.sessions.length ? `${r.sessions.length} session(s)` : '-',
        r.configPath,
        r.problem ?? (r.cli?.used ? `installs with ${r.cli.path}` : ''),
      ]),
    ]),
  );
  const projects = rows.flatMap((r) => r.projects.map((p) => [r.id, p.status, p.profile ?? '-', p.path, p.problem ?? '']));
  if (projects.length > 0) ctx.stdout.write(`\nInstalled into projects:\n${table([['CLIENT', 'STATUS', 'PROFILE', 'FILE', 'NOTE'], ...projects])}`);
  ctx.stdout.write('\nInstall with: mcp-tray install CLIENT [--project DIR]   ·   import its servers with: mcp-tray import CLIENT --list\n');
  return 0;
}

export function token(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = arg(command, 'CLIENT');
  return withHub(ctx.dataDir, async (hub) => {
    if (flag(command, 'revoke')) {
      const result = await hub.request('clients.revokeToken', { client });
      ctx.stdout.write(result.revoked ? `revoked the HTTP token of ${client}; requests carrying it are refused now\n` : `${client} had no HTTP token\n`);
      return 0;
    }
    const result = await hub.request('clients.token', { client, profile: option(command, 'profile') });
    if (flag(command, 'json')) ctx.stdout.write(json(result));
    else ctx.stdout.write(`${result.token}\n`);
    return 0;
  });
}

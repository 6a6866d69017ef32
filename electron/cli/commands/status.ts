// `mcp-tray status [--json]`: endpoints, servers, connected clients, pending approvals (docs/cli.md).
import type { CliContext } from '../cli-context.ts';
import { HubClient } from '../hub-client.ts';
import { ago, json, table } from '../output.ts';
import { flag, type ParsedCommand } from '../parse-command.ts';

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const values = { json: flag(command, 'json') };
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    const status = await hub.request('status');
    if (values.json) {
      ctx.stdout.write(json(status));
      return 0;
    }
    ctx.stdout.write(`MCP Tray ${status.version} · pid ${status.pid} · up since ${status.startedAt}\n`);
    ctx.stdout.write(`  socket: ${status.endpoints.socket}\n`);
    if (status.endpoints.mcp) ctx.stdout.write(`  MCP:    ${status.endpoints.mcp}\n`);
    if (status.endpoints.ui) ctx.stdout.write(`  UI:     ${status.endpoints.ui}  (sign in: mcp-tray ui open)\n`);
    if (!status.http.available) ctx.stdout.write(`  HTTP:   off: ${status.http.reason}. IDEs connect through the bridge only\n`);
    if (!status.keychain.available) {
      const fix = status.platform === 'linux' ? 'start a Secret Service: gnome-keyring, or KeePassXC with Secret Service Integration' : 'unlock the system keychain and allow MCP Tray to use it';
      ctx.stdout.write(`  keychain: unavailable: servers that need a secret do not start; to fix: ${fix}, then restart the hub (${status.keychain.reason})\n`);
    }
    ctx.stdout.write('\nServers\n');
    ctx.stdout.write(
      table([
        ['ID', 'STATE', 'WRITE', 'TOOLS (read/write)', 'NOTE'],
        ...status.servers.map((s) => [s.id, s.state, s.writeMode, `${s.toolCounts.read}/${s.toolCounts.write}`, s.problem ?? '']),
      ]),
    );
    ctx.stdout.write('\nConnected clients\n');
    ctx.stdout.write(
      status.clients.length === 0
        ? '  none (install into an IDE with: mcp-tray install <client>)\n'
        : table([
            ['CLIENT', 'TRANSPORT', 'PROFILE', 'CLIENT INFO', 'CALLS', 'LAST CALL'],
            ...status.clients.map((c) => [c.id, c.transport === 'socket' ? 'bridge' : 'http', c.profile, c.clientInfo ? `${c.clientInfo.name} ${c.clientInfo.version}` : '-', String(c.calls), ago(c.lastCallAt)]),
          ]),
    );
    if (status.approvals.length > 0) {
      ctx.stdout.write(`\nPending approvals (${status.approvals.length}): see mcp-tray approvals\n`);
    }
    for (const problem of status.problems) ctx.stdout.write(`\n! ${problem}\n`);
    return 0;
  } finally {
    hub.close();
  }
}

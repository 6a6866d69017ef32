// `mcp-tray clients`: every MCP client on this machine — detected, installed (and with which
// transport), connected sessions — and `mcp-tray clients token CLIENT` for HTTP bearer tokens.
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json, table } from '../output.ts';

const USAGE = `mcp-tray clients [list] [--json]             detected / installed / connected clients
mcp-tray clients token CLIENT [--revoke]        issue (or show) the HTTP bearer token of a client; --revoke deletes it`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, revoke: { type: 'boolean' } } });
  const [sub = 'list', client] = positionals;
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (sub === 'list') {
      const rows = await hub.request('clients.list');
      if (values.json) {
        ctx.stdout.write(json(rows));
        return 0;
      }
      ctx.stdout.write(
        table([
          ['CLIENT', 'STATUS', 'CONNECTED', 'CONFIG', 'NOTE'],
          ...rows.map((r) => [
            r.id,
            r.status + (r.installed?.transport === 'http' ? ' (http)' : ''),
            r.sessions.length ? `${r.sessions.length} session(s)` : '-',
            r.configPath,
            r.problem ?? (r.cli?.used ? `uses ${r.cli.path}` : ''),
          ]),
        ]),
      );
      ctx.stdout.write('\nInstall with: mcp-tray install CLIENT   ·   import its servers with: mcp-tray import CLIENT --list\n');
      return 0;
    }
    if (sub === 'token') {
      if (!client) throw new CliError(`usage:\n${USAGE}`, undefined, 2);
      if (values.revoke) {
        const result = await hub.request('clients.revokeToken', { client });
        ctx.stdout.write(result.revoked ? `revoked the HTTP token of ${client}; requests carrying it are refused now\n` : `${client} had no HTTP token\n`);
        return 0;
      }
      const result = await hub.request('clients.token', { client });
      if (values.json) ctx.stdout.write(json(result));
      else ctx.stdout.write(`${result.token}\n`);
      return 0;
    }
    throw new CliError(`unknown clients command "${sub}"\n${USAGE}`, undefined, 2);
  } finally {
    hub.close();
  }
}

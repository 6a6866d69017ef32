// `mcp-tray rules [list | revoke ID]`: the persisted "always approve this tool for this client" rules.
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json, table } from '../output.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub = 'list', ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (sub === 'list') {
      const rules = await hub.request('rules.list');
      if (values.json) ctx.stdout.write(json(rules));
      else if (rules.length === 0) ctx.stdout.write('no rules; "always approve" in an approval creates one\n');
      else ctx.stdout.write(table([['ID', 'CLIENT', 'SERVER', 'TOOL', 'SINCE'], ...rules.map((r) => [r.id, r.clientId, r.serverId, r.tool, r.createdAt])]));
      return 0;
    }
    if (sub === 'revoke') {
      const [id] = positionals;
      if (!id) throw new CliError('usage: mcp-tray rules revoke ID', undefined, 2);
      await hub.request('rules.revoke', { id });
      ctx.stdout.write(`revoked rule ${id}\n`);
      return 0;
    }
    throw new CliError(`unknown rules command "${sub}"; use list or revoke`, undefined, 2);
  } finally {
    hub.close();
  }
}

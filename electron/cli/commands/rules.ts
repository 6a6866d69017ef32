// `mcp-tray rules [list | revoke ID]`: the persisted "always approve this tool for this client" rules.
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, flag, type ParsedCommand } from '../parse-command.ts';

export function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const rules = await hub.request('rules.list');
    if (flag(command, 'json')) ctx.stdout.write(json(rules));
    else if (rules.length === 0) ctx.stdout.write('no rules; "always approve" in an approval creates one\n');
    else ctx.stdout.write(table([['ID', 'CLIENT', 'SERVER', 'TOOL', 'SINCE'], ...rules.map((r) => [r.id, r.clientId, r.serverId, r.tool, r.createdAt])]));
    return 0;
  });
}

export function revoke(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('rules.revoke', { id });
    ctx.stdout.write(`revoked rule ${id}\n`);
    return 0;
  });
}

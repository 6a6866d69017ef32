// `mcp-tray limits [list | set … | remove ID]`: rate limits on calls, per client, server and tool
// (docs/limits.md). The hub keeps them in settings and checks every call against them.
import type { CliContext } from '../cli-context.ts';
import { CliError } from '../cli-error.ts';
import { withHub } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const limits = await hub.request('limits.list');
    if (flag(command, 'json')) ctx.stdout.write(json(limits));
    else if (limits.length === 0) ctx.stdout.write('no limits; add one with: mcp-tray limits set --client C --per-minute N\n');
    else
      ctx.stdout.write(
        table([
          ['ID', 'CLIENT', 'SERVER', 'TOOL', 'PER MINUTE', 'AT ONCE'],
          ...limits.map((l) => [l.id, l.client ?? '*', l.server ?? '*', l.tool ?? '*', l.perMinute === undefined ? '-' : String(l.perMinute), l.concurrent === undefined ? '-' : String(l.concurrent)]),
        ]),
      );
    return 0;
  });
}

export function set(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const perMinute = count(command, 'per-minute', 1_000_000);
  const concurrent = count(command, 'concurrent', 10_000);
  if (perMinute === undefined && concurrent === undefined) throw new CliError('give --per-minute N, --concurrent N or both', undefined, 2);
  return withHub(ctx.dataDir, async (hub) => {
    const { limit, created } = await hub.request('limits.set', {
      client: option(command, 'client'),
      server: option(command, 'server'),
      tool: option(command, 'tool'),
      perMinute,
      concurrent,
    });
    if (flag(command, 'json')) ctx.stdout.write(json({ limit, created }));
    else ctx.stdout.write(`${created ? 'added' : 'changed'} limit ${limit.id}: ${limit.description}\n`);
    return 0;
  });
}

export function remove(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('limits.remove', { id });
    ctx.stdout.write(`removed limit ${id}\n`);
    return 0;
  });
}

/** A whole number option (0 takes the bound off an existing limit). */
function count(command: ParsedCommand, name: string, max: number): number | undefined {
  const raw = option(command, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) throw new CliError(`--${name} must be a whole number from 0 to ${max}, not "${raw}"`, undefined, 2);
  return value;
}

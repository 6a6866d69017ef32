// `mcp-tray approvals [list | approve ID [--session|--always] | deny ID [--reason R]]`.
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { ago, json, table } from '../output.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub = 'list', ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, session: { type: 'boolean' }, always: { type: 'boolean' }, reason: { type: 'string' } },
  });
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (sub === 'list') {
      const approvals = await hub.request('approvals.list');
      if (values.json) ctx.stdout.write(json(approvals));
      else if (approvals.length === 0) ctx.stdout.write('no pending approvals\n');
      else {
        ctx.stdout.write(
          table([
            ['ID', 'CLIENT', 'SERVER', 'TOOL', 'ASKED', 'ARGUMENTS'],
            ...approvals.map((a) => [a.id, a.clientInfo ? `${a.client} (${a.clientInfo.name})` : a.client, a.server, a.tool, ago(a.requestedAt), JSON.stringify(a.arguments)]),
          ]),
        );
      }
      return 0;
    }
    const [id] = positionals;
    if (!id) throw new CliError(`usage: mcp-tray approvals ${sub} ID`, undefined, 2);
    if (sub === 'approve') {
      if (values.session && values.always) throw new CliError('choose --session or --always, not both', undefined, 2);
      const decision = values.always ? 'approve-always' : values.session ? 'approve-session' : 'approve-once';
      await hub.request('approvals.decide', { id, decision });
      ctx.stdout.write(`approved ${id}${values.always ? ' (always, for this client and tool)' : values.session ? ' (for this session)' : ''}\n`);
      return 0;
    }
    if (sub === 'deny') {
      await hub.request('approvals.decide', { id, decision: 'deny', reason: values.reason });
      ctx.stdout.write(`denied ${id}\n`);
      return 0;
    }
    throw new CliError(`unknown approvals command "${sub}"; use list, approve or deny`, undefined, 2);
  } finally {
    hub.close();
  }
}

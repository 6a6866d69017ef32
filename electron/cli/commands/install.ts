// `mcp-tray install CLIENT [--http] [--dry-run]`: writes the one `mcp-tray` entry into an IDE's
// config (the bridge, or URL + bearer token with --http). --dry-run prints the diff and changes nothing.
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json } from '../output.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { http: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const [client] = positionals;
  if (!client || positionals.length > 1) throw new CliError('usage: mcp-tray install CLIENT [--http] [--dry-run]   (clients: mcp-tray clients)', undefined, 2);
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    const result = await hub.request('clients.install', { client, http: values.http, dryRun: values['dry-run'] });
    if (values.json) {
      ctx.stdout.write(json(result));
      return 0;
    }
    if (result.dryRun) {
      if (result.via === 'cli') ctx.stdout.write(`Would run:\n${result.commands!.map((c) => `  ${c}`).join('\n')}\nwhich amounts to this change:\n`);
      ctx.stdout.write(result.diff || `${result.path} already holds this entry; nothing to change\n`);
      return 0;
    }
    if (!result.changed) {
      ctx.stdout.write(`${result.label} already has the mcp-tray entry (${result.transport}) in ${result.path}\n`);
      return 0;
    }
    const how = result.via === 'cli' ? `with ${result.commands!.join(' && ')}` : `${result.createdFile ? 'created' : 'edited'} ${result.path}`;
    ctx.stdout.write(`Installed MCP Tray into ${result.label} (${result.transport}): ${how}\n`);
    if (result.backup) ctx.stdout.write(`  backup of the previous file: ${result.backup}\n`);
    for (const note of result.notes) ctx.stdout.write(`  note: ${note}\n`);
    ctx.stdout.write(`  ${result.reload}\n`);
    return 0;
  } finally {
    hub.close();
  }
}

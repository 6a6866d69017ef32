// `mcp-tray uninstall CLIENT [--dry-run]`: removes only the `mcp-tray` entry from an IDE's config.
import { parseArgs } from 'node:util';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json } from '../output.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } });
  const [client] = positionals;
  if (!client || positionals.length > 1) throw new CliError('usage: mcp-tray uninstall CLIENT [--dry-run]', undefined, 2);
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    const result = await hub.request('clients.uninstall', { client, dryRun: values['dry-run'] });
    if (values.json) ctx.stdout.write(json(result));
    else if (result.dryRun) ctx.stdout.write(result.diff || `${result.path} has no mcp-tray entry; nothing to change\n`);
    else if (!result.changed) ctx.stdout.write(`${result.label} has no mcp-tray entry in ${result.path}; nothing to do\n`);
    else {
      const how = result.via === 'cli' ? `with ${result.commands!.join(' && ')}` : result.deletedFile ? `deleted ${result.path} (MCP Tray had created it)` : `edited ${result.path}`;
      ctx.stdout.write(`Removed the mcp-tray entry from ${result.label}: ${how}\n`);
      if (result.backup) ctx.stdout.write(`  backup of the previous file: ${result.backup}\n`);
    }
    return 0;
  } finally {
    hub.close();
  }
}

// `mcp-tray uninstall CLIENT [--project DIR] [--dry-run]`: removes only the `mcp-tray` entry from an
// IDE's config, or with --project from the IDE's project file in DIR.
import path from 'node:path';
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { json } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = arg(command, 'CLIENT');
  const projectArg = option(command, 'project');
  const project = projectArg === undefined ? undefined : path.resolve(projectArg);
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('clients.uninstall', { client, dryRun: flag(command, 'dry-run'), ...(project !== undefined ? { project } : {}) });
    if (flag(command, 'json')) ctx.stdout.write(json(result));
    else if (result.dryRun) ctx.stdout.write(result.diff ? `${result.diff}(dry run: nothing was written)\n` : `${result.path} has no mcp-tray entry; nothing to change\n`);
    else if (!result.changed) ctx.stdout.write(`${result.label} has no mcp-tray entry in ${result.path}; nothing to do\n`);
    else {
      const how = result.via === 'cli' ? `with ${result.commands!.join(' && ')}` : result.deletedFile ? `deleted ${result.path} (MCP Tray had created it)` : `edited ${result.path}`;
      ctx.stdout.write(`Removed the mcp-tray entry from ${result.label}: ${how}\n`);
      if (result.backup) ctx.stdout.write(`  backup of the previous file: ${result.backup}\n`);
    }
    return 0;
  });
}

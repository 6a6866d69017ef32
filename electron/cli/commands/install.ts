// `mcp-tray install CLIENT [--http] [--project DIR] [--profile P] [--dry-run]`: writes the one
// `mcp-tray` entry into an IDE's config (the bridge, or URL + bearer token with --http), or with
// --project into the IDE's project file in DIR. --dry-run prints the diff and changes nothing; it
// reads only the IDE's config, so it works without a running hub.
import path from 'node:path';
import type { InstallResult } from '../../hub/contract/api/clients.ts';
import { requireClient } from '../../hub/clients/clients-feature.ts';
import { ControlError } from '../../hub/contract/control-error.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { HubClient } from '../hub-client.ts';
import { HUB_NOT_RUNNING, localInstaller } from '../local-clients.ts';
import { json } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = arg(command, 'CLIENT');
  const http = flag(command, 'http');
  const dryRun = flag(command, 'dry-run');
  // A relative folder means one under where the command runs, not under the hub's working folder.
  const projectArg = option(command, 'project');
  const project = projectArg === undefined ? undefined : path.resolve(projectArg);
  const profile = option(command, 'profile');
  const hub = await HubClient.connectIfRunning(ctx.dataDir);
  let result: InstallResult;
  if (hub) {
    try {
      result = await hub.request('clients.install', { client, http, dryRun, ...(project !== undefined ? { project } : {}), ...(profile !== undefined ? { profile } : {}) });
    } finally {
      hub.close();
    }
  } else {
    if (!dryRun) throw new CliError(`${HUB_NOT_RUNNING} for ${ctx.dataDir}; start it with "mcp-tray serve" (or see the change first with: mcp-tray install ${client} --dry-run)`);
    if (http) throw new CliError(`${HUB_NOT_RUNNING}, so there is no HTTP URL to show; start it with "mcp-tray serve", or dry-run without --http`);
    try {
      result = await localInstaller(ctx.dataDir).install(requireClient(client), { dryRun: true, project, profile });
    } catch (error) {
      if (error instanceof ControlError) throw new CliError(error.message);
      throw error;
    }
    ctx.stderr.write(`mcp-tray: ${HUB_NOT_RUNNING}; this dry run read only ${result.path}\n`);
  }
  if (flag(command, 'json')) {
    ctx.stdout.write(json(result));
    return 0;
  }
  if (result.dryRun) {
    if (result.via === 'cli') ctx.stdout.write(`Would run:\n${result.commands!.map((c) => `  ${c}`).join('\n')}\nwhich amounts to this change:\n`);
    ctx.stdout.write(result.diff ? `${result.diff}(dry run: nothing was written)\n` : `${result.path} already holds this entry; nothing to change\n`);
    return 0;
  }
  if (!result.changed) {
    ctx.stdout.write(`${result.label} already has the mcp-tray entry (${result.transport === 'stdio' ? 'bridge' : result.transport}${profileNote(result)}) in ${result.path}\n`);
    return 0;
  }
  const how = result.via === 'cli' ? `with ${result.commands!.join(' && ')}` : `${result.createdFile ? 'created' : 'edited'} ${result.path}`;
  const where = result.scope === 'project' ? ` for the project ${result.project}` : '';
  ctx.stdout.write(`Installed MCP Tray into ${result.label}${where} (${result.transport === 'stdio' ? 'bridge' : result.transport}${profileNote(result)}): ${how}\n`);
  if (result.backup) ctx.stdout.write(`  backup of the previous file: ${result.backup}\n`);
  for (const note of result.notes) ctx.stdout.write(`  note: ${note}\n`);
  ctx.stdout.write(`  ${result.reload}\n`);
  return 0;
}

function profileNote(result: InstallResult): string {
  return result.profile !== undefined ? `, profile ${result.profile}` : '';
}

// `mcp-tray settings`: the hub-wide settings, and the paths no bundled server may reach.
//   mcp-tray settings [--json]
//   mcp-tray settings denied-paths [list | add PATH... | remove PATH... | reset] [--json]
import type { PublicSettings } from '../../hub/contract/api/settings.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub, type HubClient } from '../hub-client.ts';
import { json } from '../output.ts';
import { argList, flag, type ParsedCommand } from '../parse-command.ts';

export function show(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const settings = await hub.request('settings.get');
    if (flag(command, 'json')) ctx.stdout.write(json(settings));
    else {
      const { deniedPaths, ...rest } = settings;
      for (const [key, value] of Object.entries(rest)) ctx.stdout.write(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`);
      ctx.stdout.write(`deniedPaths: ${deniedPaths.length} (see: mcp-tray settings denied-paths)\n`);
    }
    return 0;
  });
}

type Change = (hub: HubClient, current: readonly string[]) => Promise<PublicSettings | undefined>;

function deniedPaths(change: Change) {
  return (command: ParsedCommand, ctx: CliContext) =>
    withHub(ctx.dataDir, async (hub) => {
      const current = (await hub.request('settings.get')).deniedPaths;
      const next = await change(hub, current);
      const shown = next?.deniedPaths ?? current;
      if (flag(command, 'json')) ctx.stdout.write(json(shown));
      else {
        ctx.stdout.write(`Never reachable by bundled servers (besides MCP Tray's data folder, ${ctx.dataDir}):\n`);
        for (const entry of shown) ctx.stdout.write(`  ${entry}${entry === '<ide-mcp-configs>' ? '   (every IDE MCP config file MCP Tray knows)' : ''}\n`);
        if (next) ctx.stdout.write('Saved; the filesystem server restarted with the new list.\n');
      }
      return 0;
    });
}

export const deniedList = deniedPaths(async () => undefined);
export const deniedReset = deniedPaths((hub) => hub.request('settings.update', { deniedPaths: 'defaults' }));
export const deniedAdd = (command: ParsedCommand, ctx: CliContext) =>
  deniedPaths((hub, current) => hub.request('settings.update', { deniedPaths: [...current, ...argList(command, 'PATH')] }))(command, ctx);
export const deniedRemove = (command: ParsedCommand, ctx: CliContext) =>
  deniedPaths((hub, current) => {
    const paths = argList(command, 'PATH');
    const unknown = paths.filter((p) => !current.includes(p));
    if (unknown.length) throw new CliError(`not in the list: ${unknown.join(', ')}; see: mcp-tray settings denied-paths`);
    return hub.request('settings.update', { deniedPaths: current.filter((p) => !paths.includes(p)) });
  })(command, ctx);

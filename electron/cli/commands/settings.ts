// `mcp-tray settings`: the hub-wide settings, and the paths no bundled server may reach.
//   mcp-tray settings [--json]
//   mcp-tray settings denied-paths [list | add PATH... | remove PATH... | reset] [--json]
import { parseArgs } from 'node:util';
import type { PublicSettings } from '../../hub/contract/api/settings.ts';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json } from '../output.ts';

const USAGE = 'usage: mcp-tray settings [--json] | mcp-tray settings denied-paths [list | add PATH... | remove PATH... | reset] [--json]';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [topic, sub = 'list', ...paths] = positionals;
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    if (topic === undefined) {
      const settings = await hub.request('settings.get');
      if (values.json) ctx.stdout.write(json(settings));
      else {
        const { deniedPaths, ...rest } = settings;
        for (const [key, value] of Object.entries(rest)) ctx.stdout.write(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}\n`);
        ctx.stdout.write(`deniedPaths: ${deniedPaths.length} (see: mcp-tray settings denied-paths)\n`);
      }
      return 0;
    }
    if (topic !== 'denied-paths') throw new CliError(`unknown settings topic "${topic}"\n${USAGE}`, undefined, 2);
    const current = (await hub.request('settings.get')).deniedPaths;
    let next: PublicSettings | undefined;
    if (sub === 'list') next = undefined;
    else if (sub === 'add' || sub === 'remove') {
      if (paths.length === 0) throw new CliError(`usage: mcp-tray settings denied-paths ${sub} PATH...`, undefined, 2);
      if (sub === 'remove') {
        const unknown = paths.filter((p) => !current.includes(p));
        if (unknown.length) throw new CliError(`not in the list: ${unknown.join(', ')}; see: mcp-tray settings denied-paths`);
      }
      const list = sub === 'add' ? [...current, ...paths] : current.filter((p) => !paths.includes(p));
      next = await hub.request('settings.update', { deniedPaths: list });
    } else if (sub === 'reset') next = await hub.request('settings.update', { deniedPaths: 'defaults' });
    else throw new CliError(`unknown denied-paths command "${sub}"\n${USAGE}`, undefined, 2);

    const shown = next?.deniedPaths ?? current;
    if (values.json) ctx.stdout.write(json(shown));
    else {
      ctx.stdout.write(`Never reachable by bundled servers (besides MCP Tray's data folder, ${ctx.dataDir}):\n`);
      for (const entry of shown) ctx.stdout.write(`  ${entry}${entry === '<ide-mcp-configs>' ? '   (every IDE MCP config file MCP Tray knows)' : ''}\n`);
      if (next) ctx.stdout.write('Saved; the filesystem server restarted with the new list.\n');
    }
    return 0;
  } finally {
    hub.close();
  }
}

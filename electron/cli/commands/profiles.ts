// `mcp-tray profiles [list | show P | add P … | set P … | remove P]` and `mcp-tray clients profile
// CLIENT P`: which servers and tools each client sees, and tool search mode (docs/profiles.md).
import type { ProfileInfo } from '../../hub/contract/api/profiles.ts';
import { HELLO_PROFILE_PATTERN } from '../../hub/contract/socket-hello.ts';
import type { CliContext } from '../cli-context.ts';
import { CliError } from '../cli-error.ts';
import { withHub } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const overview = await hub.request('profiles.list');
    if (flag(command, 'json')) ctx.stdout.write(json(overview));
    else
      ctx.stdout.write(
        table([
          ['PROFILE', 'SERVERS', 'TOOLS', 'TOOL SEARCH', 'USED BY', 'SESSIONS'],
          ...overview.profiles.map((p) => [p.name, p.servers.join(',') || '-', p.tools ? String(p.tools.length) : 'all', p.toolSearch ? 'on' : 'off', p.usedBy.join('; ') || '-', String(p.sessions)]),
        ]),
      );
    return 0;
  });
}

export function show(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'PROFILE');
  return withHub(ctx.dataDir, async (hub) => {
    const profile = (await hub.request('profiles.list')).profiles.find((p) => p.name === name);
    if (!profile) throw new CliError(`no profile "${name}"; see: mcp-tray profiles list`);
    if (flag(command, 'json')) ctx.stdout.write(json(profile));
    else ctx.stdout.write(describe(profile));
    return 0;
  });
}

export function add(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'PROFILE');
  if (!HELLO_PROFILE_PATTERN.test(name)) throw new CliError(`"${name}" is not a profile name: a-z, 0-9 and "-", at most 32 characters, not starting with "-"`, undefined, 2);
  const servers = listOption(command, 'servers');
  if (!servers) throw new CliError('profiles add needs --servers a,b', undefined, 2);
  return withHub(ctx.dataDir, async (hub) => {
    const profile = await hub.request('profiles.add', { name, servers, tools: listOption(command, 'tools'), toolSearch: flag(command, 'tool-search') || undefined });
    if (flag(command, 'json')) ctx.stdout.write(json(profile));
    else ctx.stdout.write(`added profile ${name}\n${describe(profile)}`);
    return 0;
  });
}

export function set(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'PROFILE');
  if (flag(command, 'tool-search') && flag(command, 'no-tool-search')) throw new CliError('give --tool-search or --no-tool-search, not both', undefined, 2);
  const toolSearch = flag(command, 'tool-search') ? true : flag(command, 'no-tool-search') ? false : undefined;
  const tools = flag(command, 'all-tools') ? [] : listOption(command, 'tools');
  return withHub(ctx.dataDir, async (hub) => {
    const profile = await hub.request('profiles.set', { name, servers: listOption(command, 'servers'), tools, toolSearch });
    if (flag(command, 'json')) ctx.stdout.write(json(profile));
    else ctx.stdout.write(`changed profile ${name}\n${describe(profile)}`);
    return 0;
  });
}

export function remove(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'PROFILE');
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('profiles.remove', { name });
    ctx.stdout.write(`removed profile ${name}\n`);
    return 0;
  });
}

export function bind(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = arg(command, 'CLIENT');
  const profile = arg(command, 'PROFILE');
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('clients.profile', { client, profile });
    ctx.stdout.write(`${client} sees profile ${profile} (unless its entry or token names another)\n`);
    return 0;
  });
}

function describe(p: ProfileInfo): string {
  return [
    `  servers:     ${p.servers.join(', ') || '-'}`,
    `  tools:       ${p.tools ? p.tools.join(', ') : 'all of those servers'}`,
    `  tool search: ${p.toolSearch ? 'on (clients see search_tools and call_tool)' : 'off'}`,
    `  used by:     ${p.usedBy.join('; ') || '-'}`,
    `  sessions:    ${p.sessions}`,
    '',
  ].join('\n');
}

/** A comma-separated option as a list, or undefined when not given. */
function listOption(command: ParsedCommand, name: string): string[] | undefined {
  const raw = option(command, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new CliError(`--${name} needs a comma-separated list`, undefined, 2);
  return items;
}

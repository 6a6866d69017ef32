// `mcp-tray servers …`: list, add, remove, enable, disable, restart, log, write mode, settings and
// per-tool overrides of the hub's servers.
import type { ServerDefinition, ServerStatus } from '../../hub/contract/shapes.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, argList, flag, option, options, type ParsedCommand } from '../parse-command.ts';
import { readStdin } from './secrets.ts';

export function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const servers = await hub.request('servers.list');
    if (flag(command, 'json')) {
      ctx.stdout.write(json(servers));
      return 0;
    }
    ctx.stdout.write(
      table([
        ['ID', 'KIND', 'STATE', 'WRITE', 'TOOLS (read/write)', 'RUNS', 'NOTE'],
        ...servers.map((s) => [s.id, s.bundled ? `bundled:${s.bundled}` : s.kind, s.state, s.writeMode, `${s.toolCounts.read}/${s.toolCounts.write}`, s.launch, s.problem ?? heldNote(s)]),
      ]),
    );
    return 0;
  });
}

/** Tools waiting for review, said where the list has room for a note. */
function heldNote(s: ServerStatus): string {
  const waiting = (s.heldTools ?? []).filter((h) => !h.rejected).length;
  return waiting === 0 ? '' : `${waiting} changed ${waiting === 1 ? 'tool' : 'tools'} held: mcp-tray servers review ${s.id}`;
}

export function add(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const url = option(command, 'url');
  const common = {
    id,
    name: option(command, 'name') ?? id,
    enabled: true,
    writeMode: 'off' as const,
    startup: flag(command, 'on-demand') ? ('on-demand' as const) : ('eager' as const),
    toolOverrides: {},
    secretEnv: options(command, 'secret-env'),
  };
  const line = command.afterDashes;
  let definition: ServerDefinition;
  const oauthClientId = option(command, 'oauth-client-id');
  const secretOnStdin = flag(command, 'oauth-client-secret-stdin');
  if (url) {
    if (line.length > 0) throw new CliError('give either --url or a command after --, not both', undefined, 2);
    if (secretOnStdin && !oauthClientId) throw new CliError('--oauth-client-secret-stdin goes with --oauth-client-id', undefined, 2);
    if (option(command, 'sandbox') || options(command, 'allowed-host').length > 0) throw new CliError('--sandbox and --allowed-host are for a local server: a remote one runs elsewhere', undefined, 2);
    definition = {
      ...common,
      kind: 'http',
      url,
      headers: Object.fromEntries(options(command, 'header').map(splitPair)),
      secretHeaders: options(command, 'secret-header'),
      oauthClientId,
      oauthScopes: option(command, 'oauth-scopes'),
      oauthClientMetadataUrl: option(command, 'oauth-client-metadata-url'),
    };
  } else {
    if (oauthClientId || secretOnStdin) throw new CliError('the --oauth-… options are for a remote server (--url)', undefined, 2);
    const sandbox = sandboxOption(option(command, 'sandbox'));
    const allowedHosts = options(command, 'allowed-host');
    if (line.length === 0) {
      throw new CliError('give the server command after --, e.g.: mcp-tray servers add github --secret-env GITHUB_TOKEN -- npx -y @modelcontextprotocol/server-github', undefined, 2);
    }
    definition = {
      ...common,
      kind: 'stdio',
      command: line[0]!,
      args: line.slice(1),
      cwd: option(command, 'cwd'),
      env: Object.fromEntries(options(command, 'env').map(splitPair)),
      ...(sandbox ? { sandbox } : {}),
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
    };
  }
  return withHub(ctx.dataDir, async (hub) => {
    // Read before anything is added: no value, no server.
    const clientSecret = secretOnStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
    if (secretOnStdin && !clientSecret) throw new CliError('no client secret on stdin; nothing was added');
    let server = await hub.request('servers.add', { definition });
    if (clientSecret) {
      await hub.request('secrets.set', { server: server.id, name: 'oauth-client-secret', value: clientSecret });
      server = (await hub.request('servers.list')).find((s) => s.id === server.id) ?? server;
    }
    ctx.stdout.write(`added ${server.id}: ${describeState(server)}\n`);
    if (server.sandbox.settable) ctx.stdout.write(describeSandbox(server));
    for (const secret of server.secrets.filter((s) => !s.set && s.kind !== 'oauth')) {
      ctx.stdout.write(`  set its secret with: mcp-tray secrets set ${server.id} ${secret.name}   (the value is read from stdin)\n`);
    }
    return 0;
  });
}

function sandboxOption(value: string | undefined): 'off' | 'standard' | 'strict' | undefined {
  if (value === undefined || value === 'off' || value === 'standard' || value === 'strict') return value;
  throw new CliError(`--sandbox is standard, strict or off, not "${value}"`, undefined, 2);
}

/** What a local server may reach in its sandbox, or why it has none; and how to change it. */
function describeSandbox(server: ServerStatus): string {
  const box = server.sandbox;
  const lines = box.sandboxed
    ? [`  sandbox: ${box.level} (${box.mechanism}); what it may reach:`, ...box.reach.map((line) => `    ${line}`), ...box.gaps.map((gap) => `    note: ${gap}`)]
    : [`  not sandboxed: ${box.reason}`];
  lines.push(`  change it with: mcp-tray servers set ${server.id} sandbox=${box.level === 'strict' ? 'standard' : box.level === 'standard' ? 'strict' : 'standard'}`);
  return lines.join('\n') + '\n';
}

/** "running", or "not installed (…what to do)". */
function describeState(server: ServerStatus): string {
  const state = server.state === 'not-installed' ? 'not installed' : server.state;
  return `${state}${server.problem ? ` (${server.problem})` : ''}`;
}

export function remove(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('servers.remove', { id });
    ctx.stdout.write(`removed ${result.removed}${result.secretsDeleted ? ` and deleted its ${result.secretsDeleted} secret(s) from the keychain` : ''}\n`);
    return 0;
  });
}

const lifecycle = (method: 'servers.enable' | 'servers.disable' | 'servers.restart') => (command: ParsedCommand, ctx: CliContext) => {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    const server = await hub.request(method, { id });
    ctx.stdout.write(`${server.id}: ${describeState(server)}\n`);
    return 0;
  });
};
export const enable = lifecycle('servers.enable');
export const disable = lifecycle('servers.disable');
export const restart = lifecycle('servers.restart');

export function log(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const linesOption = option(command, 'lines');
  const count = linesOption === undefined ? undefined : Number(linesOption);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw new CliError(`--lines must be a whole number above 0, not "${linesOption}"`, undefined, 2);
  return withHub(ctx.dataDir, async (hub) => {
    const lines = await hub.request('servers.log', { id, lines: count });
    for (const line of lines) ctx.stdout.write(`${line.at} ${line.stream === 'stderr' ? '' : `[${line.stream}] `}${line.text}\n`);
    if (lines.length === 0) ctx.stderr.write('mcp-tray: nothing logged yet\n');
    return 0;
  });
}

export function write(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const mode = arg(command, 'MODE') as 'off' | 'ask' | 'allow';
  const yes = flag(command, 'yes');
  const yesAllow = flag(command, 'yes-allow');
  if (mode === 'ask' && !yes && !yesAllow) {
    throw new CliError(`write mode "ask" shows "${id}"'s write tools to every connected client; each write call then waits for your approval. Run again with --yes to turn it on.`);
  }
  if (mode === 'allow' && !yesAllow) {
    throw new CliError(`write mode "allow" lets every connected client run "${id}"'s write tools WITHOUT asking you. If that is what you want, run again with --yes-allow.`);
  }
  const confirm = mode === 'allow' ? 'allow' : mode === 'ask' ? 'ask' : undefined;
  return withHub(ctx.dataDir, async (hub) => {
    const server = await hub.request('servers.writeMode', { id, mode, confirm });
    ctx.stdout.write(`${server.id}: write mode ${server.writeMode}${server.writeMode === 'allow' ? ' (write calls run without approval)' : ''}\n`);
    return 0;
  });
}

export function set(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const values = Object.fromEntries(argList(command, 'KEY=VALUE').map(splitPair));
  return withHub(ctx.dataDir, async (hub) => {
    const server = await hub.request('servers.set', { id, values });
    ctx.stdout.write(`${server.id}: ${server.state} · ${server.launch}\n`);
    if (('sandbox' in values || 'allowedHosts' in values) && server.sandbox.settable) ctx.stdout.write(describeSandbox(server));
    return 0;
  });
}

export function review(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const given = command.args.ID;
  const id = typeof given === 'string' ? given : undefined;
  return withHub(ctx.dataDir, async (hub) => {
    const held = await hub.request('servers.review', id === undefined ? {} : { id });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(held));
      return 0;
    }
    if (held.length === 0) {
      ctx.stdout.write(`No tools are held${id ? ` on server "${id}"` : ''}.\n`);
      return 0;
    }
    for (const h of held) {
      const why = h.kind === 'new' ? 'new tool' : `changed: ${h.fields.join(', ')}`;
      const flags = [h.becomesReadOnly ? 'would now claim to be read-only' : '', h.rejected ? 'rejected by you' : ''].filter(Boolean);
      ctx.stdout.write(`${h.serverId}/${h.tool}: held (${why})${flags.length ? ` [${flags.join('; ')}]` : ''}\n`);
      ctx.stdout.write(h.diff.endsWith('\n') ? h.diff : `${h.diff}\n`);
      ctx.stdout.write(`  accept: mcp-tray servers tool ${h.serverId} ${h.tool} --accept   reject: mcp-tray servers tool ${h.serverId} ${h.tool} --reject\n\n`);
    }
    return 0;
  });
}

export function tool(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const name = arg(command, 'TOOL');
  if (flag(command, 'accept') || flag(command, 'reject')) return decideHeld(command, ctx, id, name);
  const toolClass = flag(command, 'read') ? 'read' : flag(command, 'write') ? 'write' : flag(command, 'auto') ? null : undefined;
  const disabled = flag(command, 'disable') ? true : flag(command, 'enable') ? false : undefined;
  const confirm = flag(command, 'read') && flag(command, 'yes') ? ('read' as const) : undefined;
  return withHub(ctx.dataDir, async (hub) => {
    const server = await hub.request('servers.toolOverride', { id, tool: name, class: toolClass, disabled, confirm }).catch((error: unknown) => {
      if (error instanceof CliError && error.code === 'needs-confirmation') {
        throw new CliError(`${error.message}. If that is what you want, run again with --yes.`, error.code);
      }
      throw error;
    });
    const info = server.tools.find((t) => t.name === name);
    ctx.stdout.write(info ? `${id}/${name}: ${info.class}${info.classSource === 'user' ? ' (set by you)' : ''}${info.disabled ? ', disabled' : ''}\n` : `${id}/${name}: saved (the server does not list this tool now)\n`);
    return 0;
  });
}

function decideHeld(command: ParsedCommand, ctx: CliContext, id: string, name: string): Promise<number> {
  const others = ['read', 'write', 'auto', 'disable', 'enable'].filter((f) => flag(command, f));
  if (flag(command, 'accept') && flag(command, 'reject')) throw new CliError('--accept and --reject exclude each other', undefined, 2);
  if (others.length > 0) throw new CliError(`--${flag(command, 'accept') ? 'accept' : 'reject'} goes alone, without --${others[0]}`, undefined, 2);
  const decision = flag(command, 'accept') ? ('accept' as const) : ('reject' as const);
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('servers.tool', { id, tool: name, decision });
    ctx.stdout.write(
      decision === 'accept' ? `${id}/${name}: accepted; clients see it again\n` : `${id}/${name}: rejected; it stays held until the server presents another definition\n`,
    );
    return 0;
  });
}

function splitPair(pair: string): [string, string] {
  const index = pair.indexOf('=');
  if (index <= 0) throw new CliError(`expected KEY=VALUE, got "${pair}"`, undefined, 2);
  return [pair.slice(0, index), pair.slice(index + 1)];
}

// `mcp-tray servers …`: list, add, remove, enable, disable, restart, log, write mode, settings and
// per-tool overrides of the hub's servers.
import { parseArgs } from 'node:util';
import type { ServerDefinition } from '../../hub/settings/schema.ts';
import { CliError } from '../cli-error.ts';
import { HubClient } from '../hub-client.ts';
import type { CliContext } from '../main.ts';
import { json, table } from '../output.ts';
import { readStdin } from './secrets.ts';
import { login, logout } from './servers-sign-in.ts';

const USAGE = `mcp-tray servers [list [--json]]
mcp-tray servers add ID [--name N] [--env K=V] [--secret-env K] [--cwd D] [--on-demand] -- COMMAND [ARGS...]
mcp-tray servers add ID --url URL [--name N] [--header K=V] [--secret-header K]
    [--oauth-client-id X [--oauth-client-secret-stdin]] [--oauth-scopes S] [--oauth-client-metadata-url URL]
mcp-tray servers login ID [--no-open] [--scope S] | logout ID
mcp-tray servers remove ID | enable ID | disable ID | restart ID
mcp-tray servers log ID [--lines N]
mcp-tray servers write ID off | ask --yes | allow --yes-allow
mcp-tray servers set ID KEY=VALUE...
mcp-tray servers tool ID TOOL [--read [--yes] | --write | --auto] [--disable | --enable]`;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const [sub = 'list', ...rest] = args;
  const hub = await HubClient.connect(ctx.dataDir);
  try {
    switch (sub) {
      case 'list':
        return await list(hub, rest, ctx);
      case 'add':
        return await add(hub, rest, ctx);
      case 'remove': {
        const result = await hub.request('servers.remove', { id: needId(rest) });
        ctx.stdout.write(`removed ${result.removed}${result.secretsDeleted ? ` and deleted its ${result.secretsDeleted} secret(s) from the keychain` : ''}\n`);
        return 0;
      }
      case 'enable':
      case 'disable':
      case 'restart': {
        const server = await hub.request(`servers.${sub}`, { id: needId(rest) });
        ctx.stdout.write(`${server.id}: ${server.state}${server.problem ? ` (${server.problem})` : ''}\n`);
        return 0;
      }
      case 'log':
        return await log(hub, rest, ctx);
      case 'write':
        return await write(hub, rest, ctx);
      case 'set': {
        const [id, ...pairs] = rest;
        if (!id || pairs.length === 0) throw new CliError('usage: mcp-tray servers set ID KEY=VALUE...');
        const server = await hub.request('servers.set', { id, values: Object.fromEntries(pairs.map(splitPair)) });
        ctx.stdout.write(`${server.id}: ${server.state} · ${server.launch}\n`);
        return 0;
      }
      case 'tool':
        return await tool(hub, rest, ctx);
      case 'login':
        return await login(hub, rest, ctx);
      case 'logout':
        return await logout(hub, rest, ctx);
      default:
        throw new CliError(`unknown servers command "${sub}"\n${USAGE}`, undefined, 2);
    }
  } finally {
    hub.close();
  }
}

async function list(hub: HubClient, args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const servers = await hub.request('servers.list');
  if (values.json) {
    ctx.stdout.write(json(servers));
    return 0;
  }
  ctx.stdout.write(
    table([
      ['ID', 'KIND', 'STATE', 'WRITE', 'TOOLS (read/write)', 'RUNS', 'NOTE'],
      ...servers.map((s) => [s.id, s.bundled ? `bundled:${s.bundled}` : s.kind, s.state, s.writeMode, `${s.toolCounts.read}/${s.toolCounts.write}`, s.launch, s.problem ?? '']),
    ]),
  );
  return 0;
}

async function add(hub: HubClient, args: string[], ctx: CliContext): Promise<number> {
  const split = args.indexOf('--');
  const own = split === -1 ? args : args.slice(0, split);
  const command = split === -1 ? [] : args.slice(split + 1);
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      env: { type: 'string', multiple: true },
      'secret-env': { type: 'string', multiple: true },
      cwd: { type: 'string' },
      url: { type: 'string' },
      header: { type: 'string', multiple: true },
      'secret-header': { type: 'string', multiple: true },
      'on-demand': { type: 'boolean' },
      'oauth-client-id': { type: 'string' },
      'oauth-client-secret-stdin': { type: 'boolean' },
      'oauth-scopes': { type: 'string' },
      'oauth-client-metadata-url': { type: 'string' },
    },
  });
  const [id] = positionals;
  if (!id || positionals.length > 1) throw new CliError(`usage:\n${USAGE}`, undefined, 2);
  const common = {
    id,
    name: values.name ?? id,
    enabled: true,
    writeMode: 'off' as const,
    startup: values['on-demand'] ? ('on-demand' as const) : ('eager' as const),
    toolOverrides: {},
    secretEnv: values['secret-env'] ?? [],
  };
  let definition: ServerDefinition;
  let clientSecret: string | undefined;
  if (values.url) {
    if (command.length > 0) throw new CliError('give either --url or a command after --, not both');
    if (values['oauth-client-secret-stdin']) {
      if (!values['oauth-client-id']) throw new CliError('--oauth-client-secret-stdin goes with --oauth-client-id', undefined, 2);
      // Read before anything is added: no value, no server.
      clientSecret = (await readStdin()).replace(/\r?\n$/, '');
      if (!clientSecret) throw new CliError('no client secret on stdin; nothing was added');
    }
    definition = {
      ...common,
      kind: 'http',
      url: values.url,
      headers: Object.fromEntries((values.header ?? []).map(splitPair)),
      secretHeaders: values['secret-header'] ?? [],
      oauthClientId: values['oauth-client-id'],
      oauthScopes: values['oauth-scopes'],
      oauthClientMetadataUrl: values['oauth-client-metadata-url'],
    };
  } else {
    if (command.length === 0) throw new CliError('give the server command after --, e.g.: mcp-tray servers add github --secret-env GITHUB_TOKEN -- npx -y @modelcontextprotocol/server-github');
    definition = {
      ...common,
      kind: 'stdio',
      command: command[0]!,
      args: command.slice(1),
      cwd: values.cwd,
      env: Object.fromEntries((values.env ?? []).map(splitPair)),
    };
  }
  let server = await hub.request('servers.add', { definition });
  if (clientSecret) {
    await hub.request('secrets.set', { server: server.id, name: 'oauth-client-secret', value: clientSecret });
    server = (await hub.request('servers.list')).find((s) => s.id === server.id) ?? server;
  }
  ctx.stdout.write(`added ${server.id}: ${server.state}${server.problem ? ` (${server.problem})` : ''}\n`);
  for (const secret of server.secrets.filter((s) => !s.set && s.kind !== 'oauth')) {
    ctx.stdout.write(`  set its secret with: mcp-tray secrets set ${server.id} ${secret.name}   (the value is read from stdin)\n`);
  }
  return 0;
}

async function log(hub: HubClient, args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lines: { type: 'string' } } });
  const lines = await hub.request('servers.log', { id: needId(positionals), lines: values.lines ? Number(values.lines) : undefined });
  for (const line of lines) ctx.stdout.write(`${line.at} ${line.stream === 'stderr' ? '' : `[${line.stream}] `}${line.text}\n`);
  if (lines.length === 0) ctx.stderr.write('mcp-tray: nothing logged yet\n');
  return 0;
}

async function write(hub: HubClient, args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { yes: { type: 'boolean' }, 'yes-allow': { type: 'boolean' } } });
  const [id, mode] = positionals;
  if (!id || (mode !== 'off' && mode !== 'ask' && mode !== 'allow')) throw new CliError('usage: mcp-tray servers write ID off | ask --yes | allow --yes-allow', undefined, 2);
  if (mode === 'ask' && !values.yes && !values['yes-allow']) {
    throw new CliError(
      `write mode "ask" shows "${id}"'s write tools to every connected client; each write call then waits for your approval. Run again with --yes to turn it on.`,
    );
  }
  if (mode === 'allow' && !values['yes-allow']) {
    throw new CliError(
      `write mode "allow" lets every connected client run "${id}"'s write tools WITHOUT asking you. If that is what you want, run again with --yes-allow.`,
    );
  }
  const confirm = mode === 'allow' ? 'allow' : mode === 'ask' ? 'ask' : undefined;
  const server = await hub.request('servers.writeMode', { id, mode, confirm });
  ctx.stdout.write(`${server.id}: write mode ${server.writeMode}${server.writeMode === 'allow' ? ' (write calls run without approval)' : ''}\n`);
  return 0;
}

async function tool(hub: HubClient, args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      read: { type: 'boolean' },
      write: { type: 'boolean' },
      auto: { type: 'boolean' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      yes: { type: 'boolean' },
    },
  });
  const [id, name] = positionals;
  if (!id || !name) throw new CliError('usage: mcp-tray servers tool ID TOOL [--read [--yes] | --write | --auto] [--disable | --enable]', undefined, 2);
  const toolClass = values.read ? 'read' : values.write ? 'write' : values.auto ? null : undefined;
  const disabled = values.disable ? true : values.enable ? false : undefined;
  const confirm = values.read && values.yes ? ('read' as const) : undefined;
  const server = await hub.request('servers.toolOverride', { id, tool: name, class: toolClass, disabled, confirm }).catch((error: unknown) => {
    if (error instanceof CliError && error.code === 'needs-confirmation') {
      throw new CliError(`${error.message}. If that is what you want, run again with --yes.`, error.code);
    }
    throw error;
  });
  const info = server.tools.find((t) => t.name === name);
  ctx.stdout.write(info ? `${id}/${name}: ${info.class}${info.classSource === 'user' ? ' (set by you)' : ''}${info.disabled ? ', disabled' : ''}\n` : `${id}/${name}: saved (the server does not list this tool now)\n`);
  return 0;
}

function needId(args: string[]): string {
  const [id] = args;
  if (!id) throw new CliError('give a server id; see: mcp-tray servers list', undefined, 2);
  return id;
}

function splitPair(pair: string): [string, string] {
  const index = pair.indexOf('=');
  if (index <= 0) throw new CliError(`expected KEY=VALUE, got "${pair}"`, undefined, 2);
  return [pair.slice(0, index), pair.slice(index + 1)];
}

// `mcp-tray catalog …`: search the MCP Registry (or the offline snapshot when it cannot be reached),
// show an entry, add it as a server, and list or apply updates of the servers added from it.
import type { CatalogResults, CatalogSecretInfo } from '../../hub/contract/api/catalog.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { json, table } from '../output.ts';
import { arg, flag, option, options, type ParsedCommand } from '../parse-command.ts';

type Origin = CatalogResults['catalog.search'];

/** Says on stderr where the entries came from when it was not the registry. */
function originNote(ctx: CliContext, origin: Pick<Origin, 'source' | 'registryUrl' | 'offlineReason' | 'snapshotTakenAt'>): void {
  if (origin.source === 'offline') {
    ctx.stderr.write(`mcp-tray: showing the offline snapshot (taken ${origin.snapshotTakenAt}): ${origin.offlineReason ?? `${origin.registryUrl} cannot be reached`}\n`);
  }
}

export function search(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const query = command.args.TERM;
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('catalog.search', { query: typeof query === 'string' ? query : undefined, cursor: option(command, 'cursor') });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(result));
      return 0;
    }
    originNote(ctx, result);
    if (result.entries.length === 0) ctx.stderr.write(`mcp-tray: no server matches${typeof query === 'string' ? ` "${query}"` : ''}\n`);
    else {
      ctx.stdout.write(
        table([
          ['NAME', 'VERSION', 'RUNS', 'ADDED', 'DESCRIPTION'],
          ...result.entries.map((e) => [e.name, e.version, runsAs(e.choices), e.added.join(',') || '-', e.description]),
        ]),
      );
    }
    for (const skipped of result.skipped) ctx.stderr.write(`mcp-tray: skipped ${skipped.name}${skipped.version ? ` ${skipped.version}` : ''}: ${skipped.problem}\n`);
    if (result.nextCursor) ctx.stderr.write(`mcp-tray: more with: mcp-tray catalog search${typeof query === 'string' ? ` ${query}` : ''} --cursor ${result.nextCursor}\n`);
    return 0;
  });
}

/** "npx, remote" — how an entry can run here ("-" when it cannot). */
function runsAs(choices: Origin['entries'][number]['choices']): string {
  const ways = [...new Set(choices.filter((c) => !c.unsupported).map((c) => (c.kind === 'remote' ? 'remote' : `${c.runtime}${c.runtimeMissing ? ' (missing)' : ''}`)))];
  return ways.join(', ') || '-';
}

export function show(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'NAME');
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('catalog.show', { name, version: option(command, 'version') });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(result));
      return 0;
    }
    originNote(ctx, result);
    const { entry, plan } = result;
    const lines = [
      `${entry.title ? `${entry.title} · ` : ''}${entry.name} ${entry.version}${entry.status && entry.status !== 'active' ? ` (${entry.status})` : ''}`,
      entry.description,
      ...(entry.repositoryUrl ? [`repository: ${entry.repositoryUrl}`] : []),
      ...(entry.websiteUrl ? [`website:    ${entry.websiteUrl}`] : []),
      ...(entry.added.length ? [`added as:   ${entry.added.join(', ')}`] : []),
      'ways to run:',
      ...entry.choices.map((c) => `  ${c.label}${c.unsupported ? ` — ${c.unsupported}` : c.runtimeMissing ? ` — ${c.runtime} is not installed` : ''}`),
    ];
    if (plan) {
      lines.push(`runs:       ${plan.launch}`, `id:         ${plan.suggestedId} (change with --id)`);
      const plain = plan.inputs.filter((i) => !i.secret);
      const secret = plan.inputs.filter((i) => i.secret);
      if (plain.length) lines.push('inputs (give with --input KEY=VALUE):', ...plain.map((i) => `  ${i.key}${i.required ? ' (required)' : ''}${i.default !== undefined ? ` [default: ${i.default}]` : ''}${i.description ? ` — ${i.description}` : ''}`));
      if (secret.length) lines.push('secrets (kept in the keychain; set after adding):', ...secret.map((i) => `  ${i.key}${i.required ? ' (required)' : ' (optional)'}${i.description ? ` — ${i.description}` : ''}`));
      for (const note of plan.notes) lines.push(`note: ${note}`);
    }
    if (result.problem) lines.push(`cannot be added: ${result.problem}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

export function add(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const name = arg(command, 'NAME');
  const inputs = Object.fromEntries(options(command, 'input').map(splitPair));
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('catalog.add', { name, version: option(command, 'version'), id: option(command, 'id'), inputs: Object.keys(inputs).length ? inputs : undefined });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(result));
      return 0;
    }
    const { server } = result;
    const state = server.state === 'not-installed' ? 'not installed' : server.state;
    ctx.stdout.write(`added ${server.id} (${server.source?.name} ${server.source?.version}): ${state}${server.problem ? ` (${server.problem})` : ''}\n`);
    ctx.stdout.write(`  runs: ${server.launch}\n`);
    printSecrets(ctx, server.id, result.secretsToSet);
    for (const secret of result.optionalSecrets) {
      ctx.stdout.write(`  optional secret ${secret.name}${secret.description ? ` (${secret.description})` : ''}: to use it, mcp-tray servers set ${server.id} ${secret.kind === 'header' ? 'secretHeaders' : 'secretEnv'}=${secret.name}, then mcp-tray secrets set ${server.id} ${secret.name}\n`);
    }
    if (server.state === 'needs-sign-in') ctx.stdout.write(`  sign in with: mcp-tray servers login ${server.id}\n`);
    for (const note of result.notes) ctx.stdout.write(`  note: ${note}\n`);
    ctx.stdout.write('  write mode is off: its write tools stay hidden until you turn it on (mcp-tray servers write)\n');
    return 0;
  });
}

function printSecrets(ctx: CliContext, id: string, secrets: readonly CatalogSecretInfo[]): void {
  for (const secret of secrets) {
    const format = secret.template ? `; its value is: ${secret.template}` : '';
    ctx.stdout.write(`  set its secret with: mcp-tray secrets set ${id} ${secret.name}   (the value is read from stdin${format})\n`);
  }
}

export function updates(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('catalog.updates', { check: true });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(result));
      return 0;
    }
    for (const problem of result.problems) ctx.stderr.write(`mcp-tray: could not check ${problem}\n`);
    if (result.updates.length === 0) {
      ctx.stderr.write('mcp-tray: every server added from the catalog is at its latest version\n');
      return 0;
    }
    ctx.stdout.write(table([['ID', 'ENTRY', 'INSTALLED', 'LATEST'], ...result.updates.map((u) => [u.id, u.entry, u.installed, u.latest])]));
    ctx.stderr.write(`mcp-tray: update one with: mcp-tray catalog update ${result.updates[0]!.id}\n`);
    return 0;
  });
}

export function update(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('catalog.update', { id });
    if (flag(command, 'json')) {
      ctx.stdout.write(json(result));
      return 0;
    }
    ctx.stdout.write(`updated ${id} from ${result.from} to ${result.to}: ${result.server.state}; id, secrets, write mode (${result.server.writeMode}) and settings kept\n`);
    ctx.stdout.write(`  runs: ${result.server.launch}\n`);
    printSecrets(ctx, id, result.secretsToSet);
    return 0;
  });
}

function splitPair(pair: string): [string, string] {
  const index = pair.indexOf('=');
  if (index <= 0) throw new CliError(`expected KEY=VALUE, got "${pair}"`, undefined, 2);
  return [pair.slice(0, index), pair.slice(index + 1)];
}

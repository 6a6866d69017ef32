// `mcp-tray approvals [list | show ID | approve ID [--session|--always] | deny ID [--reason R]]`.
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub } from '../hub-client.ts';
import { ago, json, table } from '../output.ts';
import { previewSummary } from '../../hub/previews/preview-summary.ts';
import { previewText } from '../preview-text.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';

export function list(command: ParsedCommand, ctx: CliContext): Promise<number> {
  return withHub(ctx.dataDir, async (hub) => {
    const approvals = await hub.request('approvals.list');
    if (flag(command, 'json')) ctx.stdout.write(json(approvals));
    else if (approvals.length === 0) ctx.stdout.write('no pending approvals\n');
    else {
      ctx.stdout.write(
        table([
          ['ID', 'CLIENT', 'SERVER', 'TOOL', 'ASKED', 'PREVIEW', 'ARGUMENTS'],
          ...approvals.map((a) => [
            a.id,
            a.clientInfo ? `${a.client} (${a.clientInfo.name})` : a.client,
            a.server,
            a.tool,
            ago(a.requestedAt),
            a.preview ? previewSummary(a.preview) : '-',
            JSON.stringify(a.arguments),
          ]),
        ]),
      );
    }
    return 0;
  });
}

export function show(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    const approvals = await hub.request('approvals.list');
    const matching = approvals.filter((a) => a.id === id || a.id.startsWith(id));
    if (matching.length !== 1) {
      throw new CliError(matching.length === 0 ? `no waiting approval ${id} (decided, timed out or cancelled?): mcp-tray approvals list` : `${id} matches ${matching.length} approvals: give more of the ID`);
    }
    const a = matching[0]!;
    if (flag(command, 'json')) {
      ctx.stdout.write(json(a));
      return 0;
    }
    ctx.stdout.write(`${a.id}\n${a.server} / ${a.tool} for ${a.clientLabel}, asked ${ago(a.requestedAt)}, deadline ${a.deadline}\n\n`);
    ctx.stdout.write(a.preview ? previewText(a.preview) : 'no preview\n');
    ctx.stdout.write(`\nArguments:\n${JSON.stringify(a.arguments, null, 2)}\n`);
    return 0;
  });
}

export function approve(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  const session = flag(command, 'session');
  const always = flag(command, 'always');
  if (session && always) throw new CliError('choose --session or --always, not both', undefined, 2);
  const edited = editedArguments(option(command, 'args'));
  if (edited && (session || always)) throw new CliError('--args approves this one call only: leave out --session and --always', undefined, 2);
  return withHub(ctx.dataDir, async (hub) => {
    const decision = always ? 'approve-always' : session ? 'approve-session' : 'approve-once';
    await hub.request('approvals.decide', { id, decision, ...(edited ? { arguments: edited } : {}) });
    ctx.stdout.write(`approved ${id}${always ? ' (always, for this client and tool)' : session ? ' (for this session)' : edited ? ' (once, with your arguments)' : ' (once)'}\n`);
    return 0;
  });
}

export function deny(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    await hub.request('approvals.decide', { id, decision: 'deny', reason: option(command, 'reason') });
    ctx.stdout.write(`denied ${id}\n`);
    return 0;
  });
}

/** `--args JSON`: a JSON object, or a one-line error saying what is wrong with it. */
function editedArguments(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--args is not valid JSON: ${(error as Error).message}`, undefined, 2);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliError('--args must be a JSON object, e.g. \'{"path": "notes.md"}\'', undefined, 2);
  return value as Record<string, unknown>;
}

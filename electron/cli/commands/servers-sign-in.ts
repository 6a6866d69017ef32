// `mcp-tray servers login ID [--no-open] [--scope S]` and `mcp-tray servers logout ID`: signing in
// to a remote server in the browser (docs/oauth.md). The sign-in page's URL is the only thing that
// reaches a command line (the opener's); the code, the PKCE verifier and the tokens stay in the hub.
import type { ServerStatus } from '../../hub/contract/shapes.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { withHub, type HubClient } from '../hub-client.ts';
import { arg, flag, option, type ParsedCommand } from '../parse-command.ts';
import { openInBrowser } from '../open-url.ts';

export function login(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, (hub) => signIn(hub, id, { noOpen: flag(command, 'no-open'), scope: option(command, 'scope') }, ctx));
}

async function signIn(hub: HubClient, id: string, values: { noOpen: boolean; scope: string | undefined }, ctx: CliContext): Promise<number> {
  let startedAt: string | undefined;
  let settle!: (server: ServerStatus) => void;
  const outcome = new Promise<ServerStatus>((resolve) => (settle = resolve));
  await hub.subscribe((event) => {
    if (event.type !== 'server-changed' || event.server.id !== id || !startedAt) return;
    const attempt = event.server.auth?.attempt;
    // Ours ended, or a newer sign-in replaced it.
    if (attempt && (attempt.startedAt > startedAt || (attempt.startedAt === startedAt && attempt.endedAt))) settle(event.server);
  });
  const started = await hub.request('servers.login', { id, open: false, scope: values.scope });
  startedAt = started.startedAt;
  // The URL alone on stdout (scripts read it); what to do, on stderr.
  ctx.stdout.write(`${started.authorizationUrl}\n`);
  const opened = !values.noOpen && openInBrowser(started.authorizationUrl);
  ctx.stderr.write(`mcp-tray: ${opened ? 'opened the sign-in page in your browser' : 'open this page in a browser on this machine to sign in'}; waiting (Ctrl+C to stop)…\n`);
  const cancel = () => void hub.request('servers.cancelLogin', { id }).catch(() => undefined);
  process.once('SIGINT', cancel);
  try {
    const server = await Promise.race([outcome, hub.closed().then(() => Promise.reject(new CliError('the MCP Tray hub closed the connection')))]);
    const attempt = server.auth?.attempt;
    if (attempt?.startedAt !== startedAt) throw new CliError(`another sign-in to ${id} started; this one was cancelled`);
    if (attempt.error) throw new CliError(`sign-in to ${id} failed: ${attempt.error}`);
    const auth = server.auth;
    ctx.stdout.write(`signed in to ${id}${auth?.account ? ` as ${auth.account}` : ''}${auth?.scope ? ` (scope: ${auth.scope})` : ''}; ${server.state}${server.problem ? ` (${server.problem})` : ''}\n`);
    return 0;
  } finally {
    process.off('SIGINT', cancel);
  }
}

export function logout(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const id = arg(command, 'ID');
  return withHub(ctx.dataDir, async (hub) => {
    const result = await hub.request('servers.logout', { id });
    const revoked = result.revoked.length > 0 ? `revoked the ${result.revoked.map((t) => t.replace('_', ' ')).join(' and the ')}; ` : '';
    ctx.stdout.write(`signed out of ${id}: ${revoked}deleted ${result.deleted} keychain ${result.deleted === 1 ? 'entry' : 'entries'}\n`);
    for (const problem of result.problems) ctx.stderr.write(`mcp-tray: ${problem}\n`);
    return 0;
  });
}

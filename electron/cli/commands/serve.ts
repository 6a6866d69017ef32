// `mcp-tray serve`: the hub headless, for Linux desktops without a tray, remote and WSL machines,
// and tests. Runs until SIGINT/SIGTERM, then stops every server it started. When a hub already runs
// for this data dir it says where, opens a new sign-in link for it and exits (nothing is opened
// before that check).
import { Hub } from '../../hub/hub.ts';
import { HubAlreadyRunningError } from '../../hub/gateway/local-socket.ts';
import { installProcessLastResort } from '../../hub/util/last-resort.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { HubClient } from '../hub-client.ts';
import { openInBrowser } from '../open-url.ts';
import { flag, option, type ParsedCommand } from '../parse-command.ts';

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const portOption = option(command, 'port');
  const port = portOption === undefined ? undefined : Number(portOption);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliError(`--port must be a port number (0 picks a free one), not "${portOption}"`, undefined, 2);
  const open = !flag(command, 'no-open');

  if (await pointAtRunningHub(ctx, open)) return 0;
  let hub: Hub;
  try {
    // A server's sign-in page opens with the desktop's opener, where there is a display.
    hub = await Hub.start({ dataDir: ctx.dataDir, port, openUrl: (url) => openInBrowser(url) });
  } catch (error) {
    // Lost a race with another hub starting at the same moment: that one serves.
    if (error instanceof HubAlreadyRunningError && (await pointAtRunningHub(ctx, open))) return 0;
    throw new CliError((error as Error).message);
  }
  // From here on nothing a client sends may end the process: what no handler caught is recorded
  // (stderr and the hub's problems) and the hub keeps serving; util/last-resort.ts says why.
  installProcessLastResort(hub.report);
  const stop = (signal: string) => {
    ctx.stderr.write(`mcp-tray: ${signal}: stopping servers…\n`);
    void hub.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGHUP', () => stop('SIGHUP'));

  const status = await hub.dispatcher.call('status', {});
  ctx.stdout.write(`MCP Tray hub is running (data: ${ctx.dataDir})\n`);
  ctx.stdout.write(`  local socket: ${hub.paths.socket}\n`);
  if (hub.endpoints.mcp) ctx.stdout.write(`  MCP endpoint: ${hub.endpoints.mcp}\n`);
  if (hub.endpoints.ui) {
    // A one-time link, never the UI token: it works once, within 60 s, for a browser of this user.
    // stdout is the user's terminal; the link the browser gets is a separate one (see below).
    ctx.stdout.write(`  UI:           ${hub.endpoints.ui}\n`);
    ctx.stdout.write(`  Sign in:      ${hub.loginLink().url}  (works once, within 60 s; later: mcp-tray ui open)\n`);
  }
  if (!status.http.available) ctx.stderr.write(`mcp-tray: HTTP is off: ${status.http.reason}. IDEs still connect through the bridge; there is no MCP endpoint or web UI\n`);
  for (const server of status.servers) ctx.stdout.write(`  ${server.id}: ${server.state}${server.problem ? ` (${server.problem})` : ''}\n`);
  for (const problem of status.problems) ctx.stderr.write(`mcp-tray: ${problem}\n`);
  ctx.stdout.write('Connect an IDE with: mcp-tray install <client>  ·  stop with Ctrl+C\n');
  // The opener's command line is readable by every local user: what it gets is a code of its own,
  // good once, for 60 s, and only for a browser of this user (hub/http/peer-user.ts).
  if (hub.endpoints.ui && open && openInBrowser(hub.loginLink().url)) ctx.stdout.write('Opened the UI in your browser.\n');
  await new Promise(() => undefined);
  return 0;
}

/**
 * When a hub already runs for this data dir: prints where it is (and a sign-in link, opened in the
 * browser unless --no-open) and returns true. Only a socket connection is made before this.
 */
export async function pointAtRunningHub(ctx: CliContext, open: boolean): Promise<boolean> {
  const hub = await HubClient.connectIfRunning(ctx.dataDir);
  if (!hub) return false;
  try {
    const status = await hub.request('status');
    ctx.stdout.write(`MCP Tray hub is already running (pid ${status.pid}, data: ${ctx.dataDir}); not starting another\n`);
    if (status.endpoints.ui) {
      const { url } = await hub.request('ui.loginLink');
      ctx.stdout.write(`  UI:           ${status.endpoints.ui}\n  Sign in:      ${url}  (works once, within 60 s; later: mcp-tray ui open)\n`);
      if (open && openInBrowser((await hub.request('ui.loginLink')).url)) ctx.stdout.write('Opened the UI in your browser.\n');
    } else {
      ctx.stdout.write(`  no web UI: HTTP is off (${status.http.reason ?? 'unknown reason'}); IDEs connect through the bridge\n`);
    }
    return true;
  } finally {
    hub.close();
  }
}

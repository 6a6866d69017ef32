// `mcp-tray serve`: the hub headless, for Linux desktops without a tray, remote and WSL machines,
// and tests. Runs until SIGINT/SIGTERM, then stops every server it started.
import { parseArgs } from 'node:util';
import { Hub } from '../../hub/hub.ts';
import type { CliContext } from '../main.ts';
import { CliError } from '../cli-error.ts';
import { openInBrowser } from '../open-url.ts';
import { installProcessLastResort } from '../../hub/util/last-resort.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    allowPositionals: false,
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliError(`--port must be a port number (0 picks a free one), not "${values.port}"`);

  let hub: Hub;
  try {
    // A server's sign-in page opens with the desktop's opener, where there is a display.
    hub = await Hub.start({ dataDir: ctx.dataDir, port, openUrl: (url) => openInBrowser(url) });
  } catch (error) {
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
  if (hub.endpoints.ui && !values['no-open'] && openInBrowser(hub.loginLink().url)) ctx.stdout.write('Opened the UI in your browser.\n');
  await new Promise(() => undefined);
  return 0;
}

// `mcp-tray bridge --client ID`: what IDE entries run. It pipes the IDE's stdio to the hub's local
// socket byte for byte after a one-line hello naming the client; the hub does the MCP. Kept free of
// the hub's code so it starts in a few milliseconds.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { bridgeHello, isClientId } from '../../hub/contract/socket-hello.ts';
import { socketPathFor } from '../../hub/paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../main.ts';

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { client: { type: 'string' } }, allowPositionals: false });
  const client = values.client;
  if (!client) throw new CliError('bridge needs --client ID (e.g. --client cursor)');
  if (!isClientId(client)) throw new CliError(`"${client}" is not a client id (lowercase letters, digits, ".", "_", "-")`);
  const socketPath = socketPathFor(ctx.dataDir);

  const socket = await connectOrStartApp(socketPath, ctx.dataDir, process.env);
  socket.setNoDelay(true);
  socket.write(bridgeHello(client));
  process.stdin.pipe(socket);
  socket.pipe(process.stdout);

  return new Promise<number>((resolve) => {
    // The IDE closed our stdin: let the hub finish writing, then go.
    process.stdin.on('end', () => socket.end());
    socket.on('close', (hadError) => {
      if (!process.stdin.readableEnded) ctx.stderr.write('mcp-tray bridge: the MCP Tray hub closed the connection\n');
      resolve(hadError || !process.stdin.readableEnded ? 1 : 0);
      process.stdin.destroy();
    });
    socket.on('error', (error) => ctx.stderr.write(`mcp-tray bridge: ${error.message}\n`));
  });
}

/** How long the bridge of the desktop app waits for the app it started (docs/gateway.md). */
export const APP_START_TIMEOUT_MS = 15_000;

const notRunning = (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ECONNREFUSED';

function connect(socketPath: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * Connects to the hub. The desktop app's IDE entries name the app in MCP_TRAY_APP: when its hub is
 * not running, the bridge starts the app (detached, no shell, in the tray) and waits for the socket.
 * Without MCP_TRAY_APP (headless) it fails at once with a line that says what to start.
 */
async function connectOrStartApp(socketPath: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<net.Socket> {
  const unreachable = (error: NodeJS.ErrnoException) => new CliError(`bridge: cannot reach the MCP Tray hub at ${socketPath}: ${error.message}`);
  const app = env.MCP_TRAY_APP;
  try {
    return await connect(socketPath);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (!notRunning(err)) throw unreachable(err);
    if (!app) throw new CliError(`bridge: the MCP Tray hub is not running (no socket at ${socketPath}); open the MCP Tray app or run "mcp-tray serve"`);
  }
  let failedToStart: Error | undefined;
  // The app must not inherit "run as Node" from this bridge's own entry.
  const { ELECTRON_RUN_AS_NODE: _asNode, MCP_TRAY_APP: _app, ...appEnv } = env;
  const child = spawn(app, ['--background', '--data-dir', dataDir], { detached: true, stdio: 'ignore', env: appEnv });
  child.once('error', (error) => (failedToStart = error));
  child.unref();
  const deadline = Date.now() + APP_START_TIMEOUT_MS;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (failedToStart) throw new CliError(`bridge: the MCP Tray hub is not running and the app (${app}) could not be started: ${failedToStart.message}`);
    try {
      return await connect(socketPath);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (!notRunning(err)) throw unreachable(err);
      if (Date.now() >= deadline) {
        throw new CliError(`bridge: started the MCP Tray app (${app}), but its hub did not open ${socketPath} within ${APP_START_TIMEOUT_MS / 1000} s`);
      }
    }
  }
}

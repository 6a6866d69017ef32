// `mcp-tray bridge --client ID [--profile P]`: what IDE entries run. It pipes the IDE's stdio to the hub's local
// socket byte for byte after a one-line hello naming the client; the hub does the MCP. Kept free of
// the hub's code so it starts in a few milliseconds. When no hub runs, it starts one in the
// background and waits for it (hub-starter.ts), so an IDE never needs a terminal left open.
import net from 'node:net';
import { bridgeHello, HELLO_PROFILE_PATTERN, isClientId } from '../../hub/contract/socket-hello.ts';
import { socketPathFor } from '../../hub/paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../cli-context.ts';
import { HUB_START_TIMEOUT_MS, hubLogFile, prepareForStart, spawnHub, startCommand, takeStartLock, type Started } from '../hub-starter.ts';
import { option, type ParsedCommand } from '../parse-command.ts';

export async function run(command: ParsedCommand, ctx: CliContext): Promise<number> {
  const client = option(command, 'client');
  if (!client) throw new CliError('bridge needs --client ID (e.g. --client cursor)', undefined, 2);
  if (!isClientId(client)) throw new CliError(`"${client}" is not a client id (lowercase letters, digits, ".", "_", "-")`, undefined, 2);
  const profile = option(command, 'profile');
  if (profile !== undefined && !HELLO_PROFILE_PATTERN.test(profile)) throw new CliError(`"${profile}" is not a profile name (a-z, 0-9 and "-", at most 32 characters)`, undefined, 2);
  const socketPath = socketPathFor(ctx.dataDir);

  const socket = await connectOrStartHub(socketPath, ctx.dataDir, process.env);
  socket.setNoDelay(true);
  socket.write(bridgeHello(client, profile));
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

const notRunning = (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTDIR';

function connect(socketPath: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * Connects to the hub; when none runs, one bridge starts it (the app named by MCP_TRAY_APP, else a
 * headless hub) and every bridge waits for the socket, at most HUB_START_TIMEOUT_MS.
 */
async function connectOrStartHub(socketPath: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<net.Socket> {
  const unreachable = (error: NodeJS.ErrnoException) => new CliError(`bridge: cannot reach the MCP Tray hub at ${socketPath}: ${error.message}`);
  try {
    return await connect(socketPath);
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (!notRunning(err)) throw unreachable(err);
  }
  prepareForStart(dataDir);
  const start = startCommand(dataDir, env);
  let lock = takeStartLock(dataDir);
  let started: Started | undefined;
  const startIfOwner = async (): Promise<net.Socket | undefined> => {
    if (!lock.owner || started) return undefined;
    // The hub may have come up between our first look and the lock.
    try {
      return await connect(socketPath);
    } catch {
      started = spawnHub(start);
      return undefined;
    }
  };
  try {
    const early = await startIfOwner();
    if (early) return early;
    const deadline = Date.now() + HUB_START_TIMEOUT_MS;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      try {
        return await connect(socketPath);
      } catch (error) {
        const err = error as NodeJS.ErrnoException;
        if (!notRunning(err)) throw unreachable(err);
      }
      // The bridge that was starting the hub went away (the IDE killed it): take over.
      if (!lock.owner && !started) {
        lock = takeStartLock(dataDir);
        const taken = await startIfOwner();
        if (taken) return taken;
      }
      const failure = started?.failure();
      if (failure) throw new CliError(`bridge: the MCP Tray hub is not running and ${failure}${start.logFile ? ` (log: ${start.logFile})` : ''}`);
      if (Date.now() >= deadline) {
        const who = started ? `started ${start.what}` : `another bridge${lock.owner ? '' : ` (pid ${lock.holder ?? '?'})`} is starting the hub`;
        throw new CliError(
          `bridge: ${who}, but it did not open ${socketPath} within ${HUB_START_TIMEOUT_MS / 1000} s${start.logFile ? `; see ${hubLogFile(dataDir)}` : ''}, or run "mcp-tray serve" to see why`,
        );
      }
    }
  } finally {
    if (lock.owner) lock.release();
  }
}

// `mcp-tray bridge --client ID`: what IDE entries run. It pipes the IDE's stdio to the hub's local
// socket byte for byte after a one-line hello naming the client; the hub does the MCP. Kept free of
// the hub's code so it starts in a few milliseconds.
import net from 'node:net';
import { parseArgs } from 'node:util';
import { socketPathFor } from '../../hub/paths.ts';
import { CliError } from '../cli-error.ts';
import type { CliContext } from '../main.ts';

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { client: { type: 'string' } }, allowPositionals: false });
  const client = values.client;
  if (!client) throw new CliError('bridge needs --client ID (e.g. --client cursor)');
  if (!CLIENT_ID.test(client)) throw new CliError(`"${client}" is not a client id (lowercase letters, digits, ".", "_", "-")`);
  const socketPath = socketPathFor(ctx.dataDir);

  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const s = net.connect(socketPath);
    s.once('connect', () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
            ? `bridge: the MCP Tray hub is not running (no socket at ${socketPath}); open the MCP Tray app or run "mcp-tray serve"`
            : `bridge: cannot reach the MCP Tray hub at ${socketPath}: ${error.message}`,
        ),
      ),
    );
  });
  socket.setNoDelay(true);
  socket.write(JSON.stringify({ mcpTray: 1, role: 'bridge', client }) + '\n');
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

// The hub's local socket (docs/gateway.md): a Unix domain socket in the data dir (mode 0600) or a named
// pipe on Windows. Whoever can open it is the user, so it carries two things: the bridge of an IDE
// (`{"mcpTray":1,"role":"bridge","client":"cursor"}`, then plain MCP) and the control API of the
// CLI (`{"mcpTray":1,"role":"control"}`, then control requests). The first line says which.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { z } from 'zod';
import { CLIENT_ID_PATTERN, HELLO_LIMIT_BYTES, HELLO_PROFILE_PATTERN, HELLO_VERSION, type Hello } from '../contract/socket-hello.ts';
import type { ErrorReporter } from '../util/last-resort.ts';

const HelloSchema = z.discriminatedUnion('role', [
  z.object({ mcpTray: z.literal(HELLO_VERSION), role: z.literal('bridge'), client: z.string().regex(CLIENT_ID_PATTERN), profile: z.string().regex(HELLO_PROFILE_PATTERN).optional() }),
  z.object({ mcpTray: z.literal(HELLO_VERSION), role: z.literal('control') }),
]);

export type HelloHandler = (hello: Hello, socket: net.Socket) => void;

export class HubAlreadyRunningError extends Error {
  override readonly name = 'HubAlreadyRunningError';
}

/** `report` gets what a connection's handlers throw: that connection is closed, the hub goes on. */
export async function listenLocalSocket(socketPath: string, onHello: HelloHandler, report: ErrorReporter = () => undefined): Promise<net.Server> {
  await clearStaleSocket(socketPath);
  const server = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    try {
      readHello(socket, onHello, report);
    } catch (error) {
      report('the local socket', error);
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') chmodSync(socketPath, 0o600);
  server.on('error', (error) => report('the local socket listener', error));
  return server;
}

/** Whether a hub answers on this socket now. */
export function hubListening(socketPath: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** A socket file left by a hub that died is removed; one a live hub answers on is an error. */
async function clearStaleSocket(socketPath: string): Promise<void> {
  if (process.platform === 'win32' || !existsSync(socketPath)) return;
  if (await hubListening(socketPath)) throw new HubAlreadyRunningError(`another MCP Tray hub is already running on ${socketPath}`);
  unlinkSync(socketPath);
}

function readHello(socket: net.Socket, onHello: HelloHandler, report: ErrorReporter): void {
  let buffered = Buffer.alloc(0);
  const fail = (message: string) => {
    socket.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: `MCP Tray local socket: ${message}` } }) + '\n');
  };
  const read = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const newline = buffered.indexOf(10);
    if (newline === -1) {
      if (buffered.length > HELLO_LIMIT_BYTES) {
        socket.off('data', onData);
        fail('the first line must be a hello of at most 4 KiB');
      }
      return;
    }
    socket.off('data', onData);
    socket.pause();
    const rest = buffered.subarray(newline + 1);
    let hello: Hello;
    try {
      const parsed = HelloSchema.safeParse(JSON.parse(buffered.subarray(0, newline).toString('utf8')));
      if (!parsed.success) return fail(`unexpected hello: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
      hello = parsed.data;
    } catch {
      return fail('the first line must be a JSON hello such as {"mcpTray":1,"role":"bridge","client":"cursor"}');
    }
    if (rest.length > 0) socket.unshift(rest);
    onHello(hello, socket);
    socket.resume();
  };
  const onData = (chunk: Buffer) => {
    try {
      read(chunk);
    } catch (error) {
      report('the local socket', error);
      socket.destroy();
    }
  };
  socket.on('data', onData);
}

// The CLI's line to a running hub: the control API over the local socket.
import net from 'node:net';
import type { CallArgs, ControlErrorCode, HubEvent, Method, Result } from '../hub/contract/contract.ts';
import { LineReader } from '../hub/jsonrpc/line-reader.ts';
import { socketPathFor } from '../hub/paths.ts';
import { CliError } from './cli-error.ts';
import { controlHello } from '../hub/contract/socket-hello.ts';

type Reply = { id: number; result?: unknown; error?: { code: ControlErrorCode; message: string } } | { event: HubEvent };

export class HubClient {
  readonly #socket: net.Socket;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #eventListeners = new Set<(event: HubEvent) => void>();
  #nextId = 1;
  #closed = false;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    const reader = new LineReader(256 * 1024 * 1024, {
      oversized: () => undefined,
      line: (text) => this.#onReply(JSON.parse(text) as Reply),
    });
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    socket.on('close', () => {
      this.#closed = true;
      for (const pending of this.#pending.values()) pending.reject(new CliError('the MCP Tray hub closed the connection'));
      this.#pending.clear();
    });
  }

  /** Connects to the hub of a data dir, or fails with a line that says how to start one. */
  static async connect(dataDir: string): Promise<HubClient> {
    const hub = await HubClient.connectIfRunning(dataDir);
    if (!hub) {
      throw new CliError(`no MCP Tray hub is running for ${dataDir} (no socket at ${socketPathFor(dataDir)}); start it with "mcp-tray serve" or open the MCP Tray app`);
    }
    return hub;
  }

  /** The running hub of a data dir, or undefined when none runs (read-only commands go on without one). */
  static async connectIfRunning(dataDir: string): Promise<HubClient | undefined> {
    const socketPath = socketPathFor(dataDir);
    const socket = await new Promise<net.Socket | undefined>((resolve, reject) => {
      const s = net.connect(socketPath);
      s.once('connect', () => resolve(s));
      s.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED' || error.code === 'ENOTDIR') resolve(undefined);
        else reject(new CliError(`cannot reach the MCP Tray hub at ${socketPath}: ${error.message}`));
      });
    });
    if (!socket) return undefined;
    socket.write(controlHello());
    return new HubClient(socket);
  }

  request<M extends Method>(method: M, ...args: CallArgs<M>): Promise<Result<M>> {
    const params = args[0] ?? {};
    if (this.#closed) return Promise.reject(new CliError('the MCP Tray hub closed the connection'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#socket.write(JSON.stringify({ id, method, params }) + '\n');
    });
  }

  async subscribe(listener: (event: HubEvent) => void): Promise<void> {
    this.#eventListeners.add(listener);
    const id = this.#nextId++;
    await new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#socket.write(JSON.stringify({ id, method: 'events.subscribe' }) + '\n');
    });
  }

  /** Resolves when the hub closes the connection. */
  closed(): Promise<void> {
    return new Promise((resolve) => (this.#closed ? resolve() : this.#socket.once('close', () => resolve())));
  }

  close(): void {
    this.#socket.end();
  }

  #onReply(reply: Reply): void {
    if ('event' in reply) {
      for (const listener of this.#eventListeners) listener(reply.event);
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.error) pending.reject(new CliError(reply.error.message, reply.error.code));
    else pending.resolve(reply.result);
  }
}

/** Runs `use` with a connection to the running hub, closed afterwards. */
export async function withHub<T>(dataDir: string, use: (hub: HubClient) => Promise<T>): Promise<T> {
  const hub = await HubClient.connect(dataDir);
  try {
    return await use(hub);
  } finally {
    hub.close();
  }
}

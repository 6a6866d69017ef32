// An MCP transport over any byte stream pair speaking newline-delimited JSON-RPC: a child's
// stdio, or a client's local socket. Bad frames never close the stream: on the client-facing side
// they are answered with a JSON-RPC error (parse error / invalid request / too large), on the
// server-facing side they are reported as noise (servers that print to stdout keep working).
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineReader } from './line-reader.ts';
import { releaseMemorySoon } from '../util/release-memory.ts';

/** Frames from servers (results can be large). */
export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** Frames from clients: requests are small; the SDK's own stdio limit is 10 MB. */
export const CLIENT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

export interface StreamTransportOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly maxFrameBytes?: number;
  /** Answer malformed frames with JSON-RPC errors (the side that faces a client). */
  readonly answerMalformed?: boolean;
  /** Called with every frame that is not JSON-RPC (e.g. a server's stray stdout). */
  readonly onNoise?: (text: string) => void;
}

export class StreamTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  sessionId?: string;

  readonly #options: StreamTransportOptions;
  readonly #reader: LineReader;
  #closed = false;
  #corked = false;

  constructor(options: StreamTransportOptions) {
    this.#options = options;
    const maxBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    this.#reader = new LineReader(maxBytes, {
      line: (text) => this.#onLine(text),
      oversized: (size) => {
        releaseMemorySoon();
        const message = `Message of ${size} bytes exceeds the ${maxBytes}-byte limit and was dropped`;
        this.onerror?.(new Error(message));
        if (options.answerMalformed) this.#sendError(null, -32600, message);
      },
    });
  }

  async start(): Promise<void> {
    const { input, output } = this.#options;
    input.on('data', (chunk: Buffer) => {
      // Whatever a frame makes a handler throw is this stream's error, not the process's.
      try {
        this.#reader.push(chunk);
      } catch (error) {
        this.onerror?.(error as Error);
      }
    });
    input.on('end', () => this.#markClosed());
    input.on('close', () => this.#markClosed());
    input.on('error', (error) => this.onerror?.(error));
    output.on('error', (error) => {
      this.onerror?.(error);
      this.#markClosed();
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('Not connected'));
    const { output } = this.#options;
    // Messages sent in the same tick leave in one write (writev): under load that saves a
    // system call and a wake-up of the peer per message.
    if (!this.#corked) {
      this.#corked = true;
      output.cork();
      process.nextTick(() => {
        this.#corked = false;
        output.uncork();
      });
    }
    return new Promise((resolve, reject) => {
      const ok = output.write(JSON.stringify(message) + '\n', (error) => (error ? reject(error) : undefined));
      // Resolve on buffer space rather than on flush: the SDK awaits send() for every message.
      if (ok) resolve();
      else output.once('drain', () => resolve());
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#options.output.end();
    this.#markClosed();
  }

  /** For the owner of the streams: the peer is gone (e.g. the child process exited). */
  markClosed(): void {
    this.#markClosed();
  }

  #markClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }

  #onLine(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.#malformed(text, -32700, `Parse error: ${(error as Error).message}`);
      return;
    }
    const problem = jsonRpcShapeProblem(value);
    if (problem) {
      this.#malformed(text, -32600, `Invalid Request: ${problem}`, idOf(value));
      return;
    }
    this.onmessage?.(value as JSONRPCMessage);
  }

  #malformed(text: string, code: number, message: string, id: string | number | null = null): void {
    if (this.#options.onNoise) this.#options.onNoise(text);
    else this.onerror?.(new Error(`${message}: ${text.slice(0, 200)}`));
    if (this.#options.answerMalformed) this.#sendError(id, code, message);
  }

  #sendError(id: string | number | null, code: number, message: string): void {
    if (this.#closed) return;
    this.#options.output.write(JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }) + '\n');
  }
}

/** A cheap structural check; the SDK's own schemas validate params per method afterwards. */
export function jsonRpcShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON-RPC object';
  const message = value as Record<string, unknown>;
  if (message.jsonrpc !== '2.0') return '"jsonrpc" must be "2.0"';
  const hasId = 'id' in message;
  if (hasId && typeof message.id !== 'string' && typeof message.id !== 'number') return '"id" must be a string or a number';
  if ('method' in message) {
    if (typeof message.method !== 'string') return '"method" must be a string';
    if ('params' in message && (typeof message.params !== 'object' || message.params === null)) return '"params" must be an object';
    return undefined;
  }
  if (!hasId) return 'a message needs "method" or "id"';
  if (!('result' in message) && !('error' in message)) return 'a response needs "result" or "error"';
  return undefined;
}

function idOf(value: unknown): string | number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

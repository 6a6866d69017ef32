// One session of the deprecated HTTP+SSE transport (protocol 2024-11-05; docs/gateway.md), the one
// clients of that age speak: a GET opens an event stream whose first event names the URL to POST
// to; each message from the client is one POST there (answered 202 at once); everything the hub
// sends, answers included, goes out on the stream. The stream is the session: when it closes, the
// session ends. The SDK's own SSEServerTransport is not used: it reads bodies itself, answers errors
// in plain text, reports its end twice and cannot tell the idle reaper which requests are open.
import type { ServerResponse } from 'node:http';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** Comment lines on the open stream: client read timeouts and proxies see a live connection. */
export const KEEP_ALIVE_MS = 15_000;

type RequestId = string | number;

const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' } as const;

export class LegacySseTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly sessionId: string;
  /** When anything last moved either way (the idle reaper reads it). */
  lastAnswered = Date.now();

  readonly #stream: ServerResponse;
  readonly #postUrl: string;
  /** Requests of the client not answered yet: a session waiting on an approval is not idle. */
  readonly #open = new Set<RequestId>();
  readonly #closedListeners: Array<() => void> = [];
  #keepAlive: NodeJS.Timeout | undefined;
  #closed = false;

  /** `stream` is the response to the client's GET; `postPath` where its messages go. */
  constructor(sessionId: string, stream: ServerResponse, postPath: string) {
    this.sessionId = sessionId;
    this.#stream = stream;
    this.#postUrl = `${postPath}?sessionId=${encodeURIComponent(sessionId)}`;
  }

  get pending(): number {
    return this.#open.size;
  }

  /** Sends the stream's headers and the endpoint event; the client POSTs from then on. */
  async start(): Promise<void> {
    const stream = this.#stream;
    stream.once('close', () => void this.close());
    if (stream.destroyed) return this.close();
    stream.writeHead(200, SSE_HEADERS);
    stream.write(`event: endpoint\ndata: ${this.#postUrl}\n\n`);
    this.#keepAlive = setInterval(() => {
      if (!stream.writableEnded && !stream.destroyed) stream.write(': keepalive\n\n');
    }, KEEP_ALIVE_MS);
    this.#keepAlive.unref();
  }

  /** One message the client POSTed (the endpoint checked the token, the session and its shape). */
  receive(message: JSONRPCMessage): void {
    if (this.#closed) return;
    this.lastAnswered = Date.now();
    if ('method' in message) {
      if ('id' in message) this.#open.add(message.id);
      // A cancelled request gets no answer.
      else if (message.method === 'notifications/cancelled') {
        const requestId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
        if (requestId !== undefined) this.#open.delete(requestId);
      }
    }
    this.onmessage?.(message);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return;
    if (!('method' in message)) this.#open.delete((message as { id: RequestId }).id);
    this.lastAnswered = Date.now();
    if (!this.#stream.writableEnded && !this.#stream.destroyed) this.#stream.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keepAlive);
    this.#open.clear();
    if (!this.#stream.writableEnded) this.#stream.end();
    for (const listener of this.#closedListeners) listener();
    this.onclose?.();
  }

  /** Runs when the session ends, whoever ends it (the SDK takes `onclose` for itself). */
  whenClosed(listener: () => void): void {
    this.#closedListeners.push(listener);
  }
}

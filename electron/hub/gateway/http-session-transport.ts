// One MCP session over Streamable HTTP (docs/gateway.md), on node:http directly. A POST that carries
// requests is answered with one `application/json` body when nothing but the answers goes out for
// it; the moment something else must go first (progress, a log message, a sampling or elicitation
// request beside the call) or the answer is slow (an approval wait), the same response becomes an
// event stream instead, and what was held goes out on it. A GET opens the session's own event
// stream for messages that belong to no request (list_changed, resources/updated).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import { SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { jsonRpcError } from '../http/json-rpc-error.ts';
import { jsonRpcShapeProblem } from '../jsonrpc/stream-transport.ts';

/** An answer not ready after about this long goes out on an event stream, so its headers and keep-alives flow. */
export const STREAM_AFTER_MS = 1000;
/** Comment lines on open event streams: proxies and client read timeouts see a live connection. */
export const KEEP_ALIVE_MS = 15_000;
/** Messages in one POST (a JSON-RPC batch). */
export const MAX_BATCH = 100;

type RequestId = string | number;

/** One POST that carries requests, until every one of them is answered. */
interface Exchange {
  readonly res: ServerResponse;
  readonly waiting: Set<RequestId>;
  /** Answers held while the exchange may still be one JSON body. */
  readonly held: JSONRPCMessage[];
  readonly batch: boolean;
  /** The sweep count when it started (see `SlowAnswers`). */
  readonly born: number;
  stream: boolean;
  done: boolean;
  keepAlive?: NodeJS.Timeout;
}

const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' } as const;

export class HttpSessionTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly sessionId: string;
  /** When the last answer went out (for the endpoint's idle reaper). */
  lastAnswered = Date.now();

  #initialized = false;
  #closed = false;
  readonly #byRequest = new Map<RequestId, Exchange>();
  #standalone: { res: ServerResponse; keepAlive: NodeJS.Timeout } | undefined;
  readonly #closedListeners: Array<() => void> = [];

  constructor(sessionId: string) {
    this.sessionId = sessionId;
  }

  async start(): Promise<void> {}

  /** Requests of this session still waiting for their answers. */
  get pending(): number {
    return this.#byRequest.size;
  }

  /**
   * A POST with its parsed body (the endpoint checked the token and the session). Returns whether
   * its messages were taken; a POST that is refused is answered here with an HTTP error.
   */
  handlePost(req: IncomingMessage, res: ServerResponse, body: unknown): boolean {
    const accept = req.headers.accept;
    if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) {
      return this.#refuse(res, 406, -32000, 'Not Acceptable: Client must accept both application/json and text/event-stream');
    }
    const type = req.headers['content-type'];
    // The header every SDK client sends is taken without parsing it.
    if (type !== 'application/json' && !isJsonContentType(type)) return this.#refuse(res, 415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    const batch = Array.isArray(body);
    const messages = (batch ? body : [body]) as JSONRPCMessage[];
    if (messages.length === 0) return this.#refuse(res, 400, -32600, 'Invalid Request: an empty batch');
    if (messages.length > MAX_BATCH) return this.#refuse(res, 400, -32600, `Invalid Request: Batch must not exceed ${MAX_BATCH} messages`);
    let requests = 0;
    let initialize = false;
    for (const message of messages) {
      const problem = jsonRpcShapeProblem(message);
      if (problem) return this.#refuse(res, 400, -32600, `Invalid Request: ${problem}`);
      if ('method' in message && 'id' in message) {
        requests++;
        if (message.method === 'initialize') initialize = true;
      }
    }
    if (this.#closed) return this.#refuse(res, 404, -32001, 'Session not found');
    if (initialize) {
      if (this.#initialized) return this.#refuse(res, 400, -32600, 'Invalid Request: Server already initialized');
      if (messages.length > 1) return this.#refuse(res, 400, -32600, 'Invalid Request: Only one initialization request is allowed');
      this.#initialized = true;
    } else {
      if (!this.#initialized) return this.#refuse(res, 400, -32000, 'Bad Request: Server not initialized');
      if (!this.#versionOk(req, res)) return false;
    }

    if (requests === 0) {
      // Notifications and answers only: accepted, nothing to send back on this response.
      res.writeHead(202, { 'mcp-session-id': this.sessionId }).end();
      this.#dispatch(messages);
      return true;
    }
    const exchange: Exchange = { res, waiting: new Set(), held: [], batch, born: slowAnswers.sweeps, stream: false, done: false };
    for (const message of messages) if ('method' in message && 'id' in message) {
      exchange.waiting.add(message.id);
      this.#byRequest.set(message.id, exchange);
    }
    // The client went away before every answer did: forget the exchange (a later answer is dropped).
    res.once('close', () => this.#finish(exchange));
    slowAnswers.watch(exchange, () => this.#toStream(exchange));
    this.#dispatch(messages);
    return true;
  }

  /** GET: the session's own event stream. */
  handleGet(req: IncomingMessage, res: ServerResponse): void {
    if (!req.headers.accept?.includes('text/event-stream')) return void this.#refuse(res, 406, -32000, 'Not Acceptable: Client must accept text/event-stream');
    if (!this.#initialized) return void this.#refuse(res, 400, -32000, 'Bad Request: Server not initialized');
    if (!this.#versionOk(req, res)) return;
    if (this.#closed) return void this.#refuse(res, 404, -32001, 'Session not found');
    if (this.#standalone) return void this.#refuse(res, 409, -32000, 'Conflict: Only one SSE stream is allowed per session');
    res.writeHead(200, { ...SSE_HEADERS, 'mcp-session-id': this.sessionId });
    res.flushHeaders();
    const standalone = { res, keepAlive: keepAlive(res) };
    this.#standalone = standalone;
    res.once('close', () => {
      clearInterval(standalone.keepAlive);
      if (this.#standalone === standalone) this.#standalone = undefined;
    });
  }

  /** DELETE: the client ends the session. */
  async handleDelete(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.#versionOk(req, res)) return;
    await this.close();
    res.writeHead(200).end();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#closed) return;
    const answer = !('method' in message);
    const id = answer ? (message as { id: RequestId }).id : options?.relatedRequestId;
    if (id === undefined) {
      // Belongs to no request: the session's own stream, when the client holds one open.
      if (!answer && this.#standalone) writeEvent(this.#standalone.res, message);
      return;
    }
    const exchange = this.#byRequest.get(id);
    if (!exchange) {
      if (answer) return; // the client left, or cancelled the request
      throw new Error(`the HTTP request of ${String(id)} has already been answered`);
    }
    if (!answer) {
      // Something goes out before the answer: this response becomes an event stream.
      if (!exchange.stream) this.#toStream(exchange);
      writeEvent(exchange.res, message);
      return;
    }
    this.#byRequest.delete(id);
    exchange.waiting.delete(id);
    if (!exchange.stream) exchange.held.push(message);
    else if (exchange.waiting.size > 0) writeEvent(exchange.res, message);
    else {
      // The last answer and the end of the stream leave together.
      endWithEvent(exchange.res, message);
      return this.#finish(exchange);
    }
    if (exchange.waiting.size === 0) this.#complete(exchange);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const exchange of new Set(this.#byRequest.values())) {
      if (exchange.stream) exchange.res.end();
      else this.#refuse(exchange.res, 404, -32001, 'Session closed');
      this.#finish(exchange);
    }
    if (this.#standalone) {
      clearInterval(this.#standalone.keepAlive);
      this.#standalone.res.end();
      this.#standalone = undefined;
    }
    for (const listener of this.#closedListeners) listener();
    this.onclose?.();
  }

  /** Runs when the session ends, whoever ends it (the SDK and the call lane take `onclose` for themselves). */
  whenClosed(listener: () => void): void {
    this.#closedListeners.push(listener);
  }

  #dispatch(messages: JSONRPCMessage[]): void {
    for (const message of messages) {
      this.onmessage?.(message);
      // A cancelled request gets no answer: end its part of the exchange rather than hold the response open.
      if ('method' in message && message.method === 'notifications/cancelled' && !('id' in message)) {
        const requestId = (message.params as { requestId?: RequestId } | undefined)?.requestId;
        if (requestId !== undefined) this.#cancelled(requestId);
      }
    }
  }

  #cancelled(requestId: RequestId): void {
    const exchange = this.#byRequest.get(requestId);
    if (!exchange) return;
    this.#byRequest.delete(requestId);
    exchange.waiting.delete(requestId);
    if (exchange.waiting.size > 0) return;
    if (!exchange.stream && exchange.held.length === 0) this.#toStream(exchange);
    this.#complete(exchange);
  }

  /** Every request of the exchange is answered: one JSON body, or the end of its stream. */
  #complete(exchange: Exchange): void {
    const { res } = exchange;
    if (exchange.stream) {
      res.end();
    } else if (!res.destroyed) {
      // A string body goes out in one write with the headers (a Buffer would be a second chunk).
      const body = JSON.stringify(exchange.batch ? exchange.held : exchange.held[0]);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'mcp-session-id': this.sessionId });
      res.end(body);
    }
    this.#finish(exchange);
  }

  /** Switches an exchange to an event stream: headers now, held answers as its first events. */
  #toStream(exchange: Exchange): void {
    if (exchange.stream || exchange.done) return;
    exchange.stream = true;
    slowAnswers.unwatch(exchange);
    const { res } = exchange;
    if (res.destroyed) return;
    res.writeHead(200, { ...SSE_HEADERS, 'mcp-session-id': this.sessionId });
    if (exchange.held.length === 0) res.flushHeaders();
    for (const held of exchange.held) writeEvent(res, held);
    exchange.keepAlive = keepAlive(res);
  }

  #finish(exchange: Exchange): void {
    if (exchange.done) return;
    exchange.done = true;
    slowAnswers.unwatch(exchange);
    if (exchange.keepAlive) clearInterval(exchange.keepAlive);
    for (const id of exchange.waiting) if (this.#byRequest.get(id) === exchange) this.#byRequest.delete(id);
    this.lastAnswered = Date.now();
  }

  #versionOk(req: IncomingMessage, res: ServerResponse): boolean {
    const version = req.headers['mcp-protocol-version'];
    if (version === undefined || SUPPORTED_PROTOCOL_VERSIONS.includes(version as string)) return true;
    return this.#refuse(res, 400, -32000, `Bad Request: Unsupported protocol version: ${String(version)} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`);
  }

  #refuse(res: ServerResponse, status: number, code: number, message: string): false {
    jsonRpcError(res, status, code, message);
    return false;
  }

}

const asEvent = (message: JSONRPCMessage) => `event: message\ndata: ${JSON.stringify(message)}\n\n`;

// No cork() here: on Node 24, what is written to a corked ServerResponse that is ended in the same
// tick never leaves.
function writeEvent(res: ServerResponse, message: JSONRPCMessage): void {
  if (!res.writableEnded && !res.destroyed) res.write(asEvent(message));
}

function endWithEvent(res: ServerResponse, message: JSONRPCMessage): void {
  if (!res.writableEnded && !res.destroyed) res.end(asEvent(message));
}

function keepAlive(res: ServerResponse): NodeJS.Timeout {
  const timer = setInterval(() => {
    if (res.writableEnded || res.destroyed) clearInterval(timer);
    else res.write(': keepalive\n\n');
  }, KEEP_ALIVE_MS);
  timer.unref();
  return timer;
}

/**
 * Exchanges that may still become one JSON body, swept by one shared timer that runs only while
 * there are some: a slow answer is switched to a stream without a timer (or a clock read) per request.
 */
class SlowAnswers {
  /** Sweeps so far; an exchange born at sweep n is switched at sweep n + 2 or later. */
  sweeps = 0;
  readonly #watched = new Map<Exchange, () => void>();
  #timer: NodeJS.Timeout | undefined;

  watch(exchange: Exchange, toStream: () => void): void {
    this.#watched.set(exchange, toStream);
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#sweep(), STREAM_AFTER_MS / 2);
      this.#timer.unref();
    }
  }

  unwatch(exchange: Exchange): void {
    this.#watched.delete(exchange);
  }

  #sweep(): void {
    this.sweeps++;
    for (const [exchange, toStream] of this.#watched) if (this.sweeps - exchange.born >= 2) toStream();
    if (this.#watched.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

const slowAnswers = new SlowAnswers();

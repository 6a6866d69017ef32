// The control API over HTTP for the browser UI (docs/control-api.md): `POST /api/call` with
// `{"method","params"}` answers `{"result"}` or `{"error":{"code","message"}}`; `GET /api/events`
// is a server-sent event stream of hub events. Both need a signed-in page (http/ui-auth.ts): the
// session cookie plus the page key, as the X-MCP-Tray-Key header or, for EventSource (which cannot
// set headers), `?key=`. A call changes state, so it must also carry the page's own Origin (every
// browser sends Origin with a POST); a request a browser marks as coming from another origin
// (Sec-Fetch-Site) is refused. There is no bearer token: programs use the CLI's local socket, which
// only the user can open, so the long-lived token never needs to leave the hub.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie } from 'cookie';
import { ownOrigins } from '../http/request-guards.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import type { UiAuth } from '../http/ui-auth.ts';
import type { ControlErrorCode, HubEvent } from '../contract/contract.ts';
import type { ControlDispatcher } from './dispatcher.ts';

const MAX_CALL_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 15_000;
const MAX_UNREAD_EVENT_BYTES = 16 * 1024 * 1024;
const STATUS_FOR: Record<ControlErrorCode, number> = { 'invalid-params': 400, 'not-found': 404, conflict: 409, 'needs-confirmation': 428, unavailable: 503, failed: 500 };

export class HttpControlCarrier {
  readonly #dispatcher: ControlDispatcher;
  readonly #subscribe: (listener: (event: HubEvent) => void) => () => void;
  readonly #auth: UiAuth;
  readonly #streams = new Set<ServerResponse>();

  constructor(dispatcher: ControlDispatcher, subscribe: (listener: (event: HubEvent) => void) => () => void, auth: UiAuth) {
    this.#dispatcher = dispatcher;
    this.#subscribe = subscribe;
    this.#auth = auth;
  }

  /** Ends every open event stream (the UI token was rotated: those sessions are over). */
  endStreams(): void {
    for (const stream of this.#streams) stream.destroy();
    this.#streams.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cookie = parseCookie(req.headers.cookie ?? '')[this.#auth.cookieName];
    const key = headerValue(req, 'x-mcp-tray-key') ?? (req.method === 'GET' ? (url.searchParams.get('key') ?? undefined) : undefined);
    if (!this.#auth.verify(cookie, key)) {
      return send(res, 401, { error: { code: 'unauthorized', message: 'this page is not signed in to MCP Tray; run "mcp-tray ui open" for a one-time sign-in link' } });
    }
    const site = headerValue(req, 'sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') return send(res, 403, { error: { code: 'forbidden', message: `a request from a ${site} page is not allowed` } });
    if (req.method === 'POST' && !ownOrigins(this.#auth.port).has(headerValue(req, 'origin') ?? '')) {
      return send(res, 403, { error: { code: 'forbidden', message: "a call must come from MCP Tray's own page (its Origin header)" } });
    }

    if (url.pathname === '/api/call' && req.method === 'POST') {
      let request: { method?: unknown; params?: unknown } | null;
      try {
        request = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString('utf8')) as typeof request;
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        return send(res, tooLarge ? 413 : 400, { error: { code: 'invalid-params', message: tooLarge ? error.message : 'the body must be JSON: {"method","params"}' } });
      }
      if (typeof request !== 'object' || request === null || Array.isArray(request)) {
        return send(res, 400, { error: { code: 'invalid-params', message: 'the body must be a JSON object: {"method","params"}' } });
      }
      const reply = await this.#dispatcher.dispatch(request.method, request.params);
      return send(res, 'error' in reply ? STATUS_FOR[reply.error.code] : 200, reply);
    }

    if (url.pathname === '/api/events' && req.method === 'GET') return this.#stream(req, res);
    send(res, 404, { error: { code: 'not-found', message: `no ${req.method} ${url.pathname}` } });
  }

  #stream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\n\n');
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const unsubscribe = this.#subscribe((event) => {
      // A tab that stopped reading must not make the hub buffer without bound: past the limit it
      // is disconnected, and EventSource reconnects (the UI then reloads what it shows).
      if (res.writableLength > MAX_UNREAD_EVENT_BYTES) {
        res.destroy();
        return;
      }
      write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const keepalive = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
    const stop = () => {
      clearInterval(keepalive);
      unsubscribe();
    };
    this.#streams.add(res);
    req.on('close', stop);
    res.on('close', () => {
      this.#streams.delete(res);
      stop();
    });
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

// The control API over HTTP for the browser UI (docs/control-api.md): `POST /api/call` with
// `{"method","params"}` answers `{"result"}` or `{"error":{"code","message"}}`; `GET /api/events`
// is a server-sent event stream of hub events. Both need the UI token (printed by `serve` in the
// URL fragment, so it never reaches logs or Referer headers): a bearer header, or `?token=` for
// EventSource, which cannot set headers.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from '../http/request-guards.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import type { ControlErrorCode, HubEvent } from '../contract/contract.ts';
import type { ControlDispatcher } from './dispatcher.ts';

const MAX_CALL_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 15_000;
const MAX_UNREAD_EVENT_BYTES = 16 * 1024 * 1024;
const STATUS_FOR: Record<ControlErrorCode, number> = { 'invalid-params': 400, 'not-found': 404, conflict: 409, 'needs-confirmation': 428, unavailable: 503, failed: 500 };

export class HttpControlCarrier {
  readonly #dispatcher: ControlDispatcher;
  readonly #subscribe: (listener: (event: HubEvent) => void) => () => void;
  readonly #token: string;

  constructor(dispatcher: ControlDispatcher, subscribe: (listener: (event: HubEvent) => void) => () => void, token: string) {
    this.#dispatcher = dispatcher;
    this.#subscribe = subscribe;
    this.#token = token;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const token = bearerToken(req) ?? (req.method === 'GET' ? (url.searchParams.get('token') ?? undefined) : undefined);
    if (!token || !sameSecret(token, this.#token)) return send(res, 401, { error: { code: 'unauthorized', message: 'missing or wrong UI token; open the URL that mcp-tray serve printed' } });

    if (url.pathname === '/api/call' && req.method === 'POST') {
      let request: { method?: unknown; params?: unknown };
      try {
        request = JSON.parse((await readBody(req, MAX_CALL_BYTES)).toString('utf8')) as typeof request;
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        return send(res, tooLarge ? 413 : 400, { error: { code: 'invalid-params', message: tooLarge ? error.message : 'the body must be JSON: {"method","params"}' } });
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
    const unsubscribe = this.#subscribe((event) => {
      // A tab that stopped reading must not make the hub buffer without bound: past the limit it
      // is disconnected, and EventSource reconnects (the UI then reloads what it shows).
      if (res.writableLength > MAX_UNREAD_EVENT_BYTES) {
        res.destroy();
        return;
      }
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

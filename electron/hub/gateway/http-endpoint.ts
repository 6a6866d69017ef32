// The Streamable HTTP endpoint at /mcp (docs/gateway.md): a bearer token issued to one client on every
// request; one MCP session per initialize, bound to that token's client; unknown or expired
// sessions answer 404 so clients start over; large bodies are fine up to the limit and get a
// JSON-RPC error past it; sessions idle too long are closed, and the number of open sessions is
// capped per client token and in total (the least recently used idle session makes room).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientLabel } from '../clients/client-labels.ts';
import { jsonRpcError } from '../http/json-rpc-error.ts';
import { authenticateClient } from '../http/request-guards.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import type { ClientTokens } from './client-tokens.ts';
import type { Gateway } from './gateway.ts';
import { HttpSessionTransport } from './http-session-transport.ts';
import type { ModernHttp } from './eras/modern-http.ts';
import { claimsModern } from './eras/socket-era.ts';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const SESSION_IDLE_MS = 5 * 60_000;
export const MAX_SESSIONS_PER_CLIENT = 16;
export const MAX_SESSIONS = 128;
const REAP_EVERY_MS = 60_000;

/** What the caps and the idle reaper need of a session; sessions of the legacy HTTP+SSE endpoint have it too. */
export interface CappedTransport {
  readonly pending: number;
  readonly lastAnswered: number;
  close(): Promise<void>;
}

interface HttpSession {
  readonly transport: HttpSessionTransport | CappedTransport;
  readonly clientId: string;
  lastActivity: number;
}

/** A session with requests still unanswered is not idle. */
const busy = (session: HttpSession) => session.transport.pending > 0;
const lastActive = (session: HttpSession) => Math.max(session.lastActivity, session.transport.lastAnswered);
// An initialize that carries a 2026-07-28 envelope is not a 2025 handshake: the modern leg answers it (404, a removed method).
const isInitialize = (message: unknown) => (message as { method?: unknown } | null)?.method === 'initialize' && 'id' in (message as object) && !claimsModern(message);

export class HttpMcpEndpoint {
  readonly #gateway: Gateway;
  readonly #tokens: ClientTokens;
  readonly #idleMs: number;
  readonly #sessions = new Map<string, HttpSession>();
  readonly #reaper: NodeJS.Timeout;
  /** The 2026-07-28 leg, loaded with the v2 SDK at the first request that may be one (eras/modern-http.ts). */
  #modern: Promise<ModernHttp> | undefined;

  constructor(gateway: Gateway, tokens: ClientTokens, idleMs = SESSION_IDLE_MS) {
    this.#gateway = gateway;
    this.#tokens = tokens;
    this.#idleMs = idleMs;
    this.#reaper = setInterval(() => this.#reapIdle(), Math.min(REAP_EVERY_MS, idleMs)).unref();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const clientId = await authenticateClient(req, res, this.#tokens);
    if (!clientId) return;
    const sessionId = header(req, 'mcp-session-id');

    if (req.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          // Answer at once, then keep reading (and dropping) what the client still sends: closing
          // mid-upload would leave it with a broken pipe instead of this answer.
          jsonRpcError(res, 413, -32600, `${error.message}; MCP Tray accepts requests up to ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
          discardBody(req);
          return;
        }
        return jsonRpcError(res, 400, -32700, `Parse error: ${(error as Error).message}`);
      }
      if (!sessionId) {
        const initializing = Array.isArray(body) ? body.some(isInitialize) : isInitialize(body);
        if (!initializing) {
          if (await this.#serveModern(req, res, body, clientId)) return;
          return jsonRpcError(res, 400, -32600, 'Bad Request: an Mcp-Session-Id header is required (initialize first)');
        }
        return this.#startSession(clientId, req, res, body);
      }
      this.#session(sessionId, clientId, res)?.transport.handlePost(req, res, body);
      return;
    }

    if (req.method === 'GET' || req.method === 'DELETE') {
      if (!sessionId) return jsonRpcError(res, 400, -32600, 'Bad Request: an Mcp-Session-Id header is required');
      const session = this.#session(sessionId, clientId, res);
      if (session && req.method === 'GET') session.transport.handleGet(req, res);
      else if (session) await session.transport.handleDelete(req, res);
      return;
    }
    res.setHeader('Allow', 'GET, POST, DELETE');
    jsonRpcError(res, 405, -32600, `Method ${req.method} is not allowed on /mcp`);
  }

  /**
   * Takes a session of the legacy HTTP+SSE endpoint (legacy-sse-endpoint.ts) under the same caps and
   * idle reaping as the sessions here; false when there is no room. It stays until `release`.
   */
  adopt(sessionId: string, clientId: string, transport: CappedTransport): boolean {
    if (!this.#makeRoom(clientId)) return false;
    this.#sessions.set(sessionId, { transport, clientId, lastActivity: Date.now() });
    return true;
  }

  release(sessionId: string): void {
    if (!(this.#sessions.get(sessionId)?.transport instanceof HttpSessionTransport)) this.#sessions.delete(sessionId);
  }

  sessionCount(): number {
    return this.#sessions.size;
  }

  async close(): Promise<void> {
    clearInterval(this.#reaper);
    await (await this.#modern?.catch(() => undefined))?.close().catch(() => undefined);
    await Promise.all([...this.#sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
  }

  /** A request without a session that is not an initialize: a 2026-07-28 one is served statelessly. */
  async #serveModern(req: IncomingMessage, res: ServerResponse, body: unknown, clientId: string): Promise<boolean> {
    this.#modern ??= import('./eras/modern-http.ts').then((module) => module.createModernHttp(this.#gateway));
    return (await this.#modern).serve(req, res, body, clientId);
  }

  async #startSession(clientId: string, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    if (!this.#makeRoom(clientId)) {
      return jsonRpcError(res, 503, -32000, `Too many open MCP sessions (at most ${MAX_SESSIONS_PER_CLIENT} per client, ${MAX_SESSIONS} in all), and none is idle; close one or try again later`);
    }
    const sessionId = randomUUID();
    const transport = new HttpSessionTransport(sessionId);
    // Counted from the start, so a burst of initialize requests cannot get past the caps.
    const session: HttpSession = { transport, clientId, lastActivity: Date.now() };
    this.#sessions.set(sessionId, session);
    // Not `onclose`: the call lane in front of the transport takes that for itself.
    transport.whenClosed(() => {
      if (this.#sessions.get(sessionId) === session) this.#sessions.delete(sessionId);
    });
    let taken = false;
    try {
      await this.#gateway.connect(transport, { clientId, label: clientLabel(clientId), transport: 'http' }, sessionId);
      taken = transport.handlePost(req, res, body);
    } finally {
      // An initialize that was refused leaves no session behind.
      if (!taken) this.#close(sessionId, session);
    }
  }

  /** Makes room for one more session of this client: closes the least recently used idle ones past the caps. */
  #makeRoom(clientId: string): boolean {
    const all = [...this.#sessions.entries()];
    const mine = all.filter(([, s]) => s.clientId === clientId);
    if (mine.length >= MAX_SESSIONS_PER_CLIENT && !this.#closeOldestIdle(mine)) return false;
    if (this.#sessions.size >= MAX_SESSIONS && !this.#closeOldestIdle([...this.#sessions.entries()])) return false;
    return true;
  }

  #closeOldestIdle(candidates: Array<[string, HttpSession]>): boolean {
    let oldest: [string, HttpSession] | undefined;
    for (const entry of candidates) if (!busy(entry[1]) && (!oldest || lastActive(entry[1]) < lastActive(oldest[1]))) oldest = entry;
    if (!oldest) return false;
    this.#close(...oldest);
    return true;
  }

  #close(sessionId: string, session: HttpSession): void {
    if (this.#sessions.get(sessionId) === session) this.#sessions.delete(sessionId);
    void session.transport.close().catch(() => undefined);
  }

  /** The session for an id, if it exists and belongs to this client; otherwise answers and returns undefined. */
  #session(sessionId: string, clientId: string, res: ServerResponse): (HttpSession & { transport: HttpSessionTransport }) | undefined {
    const session = this.#sessions.get(sessionId);
    // An adopted HTTP+SSE session is not one of /mcp.
    if (!session || !(session.transport instanceof HttpSessionTransport)) {
      jsonRpcError(res, 404, -32001, 'Session not found; start a new session with initialize');
      return undefined;
    }
    if (session.clientId !== clientId) {
      jsonRpcError(res, 403, -32001, 'This session belongs to another client');
      return undefined;
    }
    session.lastActivity = Date.now();
    return session as HttpSession & { transport: HttpSessionTransport };
  }

  #reapIdle(): void {
    const cutoff = Date.now() - this.#idleMs;
    for (const [id, session] of this.#sessions) if (!busy(session) && lastActive(session) < cutoff) this.#close(id, session);
  }
}

/** Drops the rest of a refused body, up to a bound; past it the connection is closed. */
export function discardBody(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 1024 * 1024 * 1024) req.destroy();
  });
  req.resume();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

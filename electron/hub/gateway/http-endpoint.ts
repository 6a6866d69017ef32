// The Streamable HTTP endpoint at /mcp (docs/gateway.md): a bearer token issued to one client on every
// request; one MCP session per initialize, bound to that token's client; unknown or expired
// sessions answer 404 so clients start over; large bodies are fine up to the limit and get a
// JSON-RPC error past it; sessions idle too long are closed.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { clientLabel } from '../clients/client-labels.ts';
import { bearerToken } from '../http/request-guards.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import type { ClientTokens } from './client-tokens.ts';
import type { Gateway } from './gateway.ts';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;
export const SESSION_IDLE_MS = 30 * 60_000;
const REAP_EVERY_MS = 60_000;

interface HttpSession {
  readonly transport: StreamableHTTPServerTransport;
  readonly clientId: string;
  lastActivity: number;
}

export class HttpMcpEndpoint {
  readonly #gateway: Gateway;
  readonly #tokens: ClientTokens;
  readonly #idleMs: number;
  readonly #sessions = new Map<string, HttpSession>();
  readonly #reaper: NodeJS.Timeout;

  constructor(gateway: Gateway, tokens: ClientTokens, idleMs = SESSION_IDLE_MS) {
    this.#gateway = gateway;
    this.#tokens = tokens;
    this.#idleMs = idleMs;
    this.#reaper = setInterval(() => this.#reapIdle(), Math.min(REAP_EVERY_MS, idleMs)).unref();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = bearerToken(req);
    const clientId = token ? await this.#tokens.verify(token) : undefined;
    if (!clientId) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="mcp-tray", error="invalid_token"');
      return jsonRpcError(res, 401, -32001, token ? 'Unknown or revoked token; get one with: mcp-tray clients token <client>' : 'Missing bearer token; get one with: mcp-tray clients token <client>');
    }
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
        const initializing = Array.isArray(body) ? body.some((m) => isInitializeRequest(m)) : isInitializeRequest(body);
        if (!initializing) return jsonRpcError(res, 400, -32600, 'Bad Request: an Mcp-Session-Id header is required (initialize first)');
        return this.#startSession(clientId, req, res, body);
      }
      const session = this.#session(sessionId, clientId, res);
      if (session) await session.transport.handleRequest(req, res, body);
      return;
    }

    if (req.method === 'GET' || req.method === 'DELETE') {
      if (!sessionId) return jsonRpcError(res, 400, -32600, 'Bad Request: an Mcp-Session-Id header is required');
      const session = this.#session(sessionId, clientId, res);
      if (session) await session.transport.handleRequest(req, res);
      return;
    }
    res.setHeader('Allow', 'GET, POST, DELETE');
    jsonRpcError(res, 405, -32600, `Method ${req.method} is not allowed on /mcp`);
  }

  sessionCount(): number {
    return this.#sessions.size;
  }

  async close(): Promise<void> {
    clearInterval(this.#reaper);
    await Promise.all([...this.#sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
  }

  async #startSession(clientId: string, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const sessionId = randomUUID();
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => sessionId,
      // Registered before the initialize response is sent, so a fast follow-up request finds it.
      onsessioninitialized: (id) => {
        this.#sessions.set(id, { transport, clientId, lastActivity: Date.now() });
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) this.#sessions.delete(transport.sessionId);
    };
    await this.#gateway.connect(transport, { clientId, label: clientLabel(clientId), transport: 'http' }, sessionId);
    await transport.handleRequest(req, res, body);
  }

  /** The session for an id, if it exists and belongs to this client; otherwise answers and returns undefined. */
  #session(sessionId: string, clientId: string, res: ServerResponse): HttpSession | undefined {
    const session = this.#sessions.get(sessionId);
    if (!session) {
      jsonRpcError(res, 404, -32001, 'Session not found; start a new session with initialize');
      return undefined;
    }
    if (session.clientId !== clientId) {
      jsonRpcError(res, 403, -32001, 'This session belongs to another client');
      return undefined;
    }
    session.lastActivity = Date.now();
    return session;
  }

  #reapIdle(): void {
    const cutoff = Date.now() - this.#idleMs;
    for (const [id, session] of this.#sessions) {
      if (session.lastActivity < cutoff) {
        this.#sessions.delete(id);
        void session.transport.close().catch(() => undefined);
      }
    }
  }
}

/** Drops the rest of a refused body, up to a bound; past it the connection is closed. */
function discardBody(req: IncomingMessage): void {
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

export function jsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } }));
}

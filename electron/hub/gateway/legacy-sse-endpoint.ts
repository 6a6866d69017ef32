// The deprecated HTTP+SSE transport (protocol 2024-11-05; docs/gateway.md), kept for clients of that
// age, the way the MCP spec describes backwards compatibility: `GET /sse` opens a session's event
// stream and names `/messages?sessionId=…`, where the client POSTs its messages. The same rules as
// /mcp: Host and Origin are checked before any route (http/request-guards.ts), a bearer token issued
// to one client on every request, the session bound to that token's client, the same body limit,
// and the same caps and idle reaping (the sessions are adopted by the /mcp endpoint, which counts
// both kinds together). A session goes through the gateway like any other, so catalog, policy,
// approvals and the call log are the same.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType } from '@modelcontextprotocol/sdk/shared/mediaType.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { clientLabel } from '../clients/client-labels.ts';
import { jsonRpcError } from '../http/json-rpc-error.ts';
import { authenticateClient } from '../http/request-guards.ts';
import { BodyTooLargeError, readBody } from '../http/read-body.ts';
import { jsonRpcShapeProblem } from '../jsonrpc/stream-transport.ts';
import type { ClientTokens } from './client-tokens.ts';
import type { Gateway } from './gateway.ts';
import { MAX_BODY_BYTES, MAX_SESSIONS, MAX_SESSIONS_PER_CLIENT, discardBody, type HttpMcpEndpoint } from './http-endpoint.ts';
import { LegacySseTransport } from './legacy-sse-transport.ts';

export const LEGACY_STREAM_PATH = '/sse';
export const LEGACY_POST_PATH = '/messages';

interface LegacySession {
  readonly transport: LegacySseTransport;
  readonly clientId: string;
}

export class LegacySseEndpoint {
  readonly #gateway: Gateway;
  readonly #tokens: ClientTokens;
  /** Holds the caps and the idle reaper for every HTTP session, these included. */
  readonly #caps: Pick<HttpMcpEndpoint, 'adopt' | 'release'>;
  readonly #sessions = new Map<string, LegacySession>();

  constructor(gateway: Gateway, tokens: ClientTokens, caps: Pick<HttpMcpEndpoint, 'adopt' | 'release'>) {
    this.#gateway = gateway;
    this.#tokens = tokens;
    this.#caps = caps;
  }

  static serves(pathname: string): boolean {
    return pathname === LEGACY_STREAM_PATH || pathname === LEGACY_POST_PATH;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const clientId = await authenticateClient(req, res, this.#tokens);
    if (!clientId) return;
    const [allowed, serve] = url.pathname === LEGACY_STREAM_PATH ? ['GET', () => this.#open(clientId, req, res)] : ['POST', () => this.#post(clientId, req, res, url)];
    if (req.method !== allowed) {
      res.setHeader('Allow', allowed);
      return jsonRpcError(res, 405, -32600, `Method ${req.method} is not allowed on ${url.pathname}`);
    }
    return serve();
  }

  /** GET /sse: a new session, its stream held open until the client or the hub closes it. */
  async #open(clientId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!req.headers.accept?.includes('text/event-stream')) return jsonRpcError(res, 406, -32000, 'Not Acceptable: Client must accept text/event-stream');
    const sessionId = randomUUID();
    const transport = new LegacySseTransport(sessionId, res, LEGACY_POST_PATH);
    if (!this.#caps.adopt(sessionId, clientId, transport)) {
      return jsonRpcError(res, 503, -32000, `Too many open MCP sessions (at most ${MAX_SESSIONS_PER_CLIENT} per client, ${MAX_SESSIONS} in all), and none is idle; close one or try again later`);
    }
    this.#sessions.set(sessionId, { transport, clientId });
    transport.whenClosed(() => {
      this.#sessions.delete(sessionId);
      this.#caps.release(sessionId);
    });
    try {
      await this.#gateway.connect(transport, { clientId, label: clientLabel(clientId), transport: 'http' }, sessionId);
    } catch (error) {
      await transport.close();
      throw error;
    }
  }

  /** POST /messages?sessionId=…: one message of a session, answered on its stream. */
  async #post(clientId: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sessionId = url.searchParams.get('sessionId');
    if (!sessionId) return jsonRpcError(res, 400, -32600, 'Bad Request: a sessionId query parameter is required (open a session with GET /sse)');
    const session = this.#sessions.get(sessionId);
    if (!session) return jsonRpcError(res, 404, -32001, 'Session not found; open a new session with GET /sse');
    if (session.clientId !== clientId) return jsonRpcError(res, 403, -32001, 'This session belongs to another client');
    if (!isJsonContentType(req.headers['content-type'])) return jsonRpcError(res, 415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        jsonRpcError(res, 413, -32600, `${error.message}; MCP Tray accepts requests up to ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
        discardBody(req);
        return;
      }
      return jsonRpcError(res, 400, -32700, `Parse error: ${(error as Error).message}`);
    }
    // Batches came to MCP after this transport; one message per POST.
    const problem = Array.isArray(body) ? 'one message per POST (no batches on this transport)' : jsonRpcShapeProblem(body);
    if (problem) return jsonRpcError(res, 400, -32600, `Invalid Request: ${problem}`);
    res.writeHead(202).end();
    session.transport.receive(body as JSONRPCMessage);
  }
}

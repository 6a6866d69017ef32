// The hub's one HTTP listener on 127.0.0.1 (docs/gateway.md): /mcp for MCP clients (per-client bearer
// tokens), /sse and /messages for clients of the older HTTP+SSE transport (the same tokens), /login
// to turn a one-time sign-in link into a UI session, /api for the signed-in browser UI, everything
// else the UI's static files. Host and Origin are checked before any route. No
// request may end the process: a malformed target is answered 400, a route that throws
// (synchronously or not) 500, a request Node cannot parse gets Node's own 400/431, and errors on the
// request, response or socket are contained (see util/last-resort.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpControlCarrier } from '../control/http-carrier.ts';
import type { HttpMcpEndpoint } from '../gateway/http-endpoint.ts';
import { LegacySseEndpoint } from '../gateway/legacy-sse-endpoint.ts';
import { guarded, isPeerGone, type ErrorReporter } from '../util/last-resort.ts';
import { collectWhenIdleAfterBurst } from '../util/release-memory.ts';
import { jsonRpcError } from './json-rpc-error.ts';
import { handleLogin } from './login-route.ts';
import { checkHostAndOrigin, ownOrigins } from './request-guards.ts';
import { serveStaticUi } from './static-ui.ts';
import type { UiAuth } from './ui-auth.ts';

export interface HubHttpServer {
  readonly port: number;
  readonly server: http.Server;
  close(): Promise<void>;
}

export interface HttpRoutes {
  readonly mcp: HttpMcpEndpoint;
  /** The deprecated HTTP+SSE transport at /sse and /messages. */
  readonly legacySse: LegacySseEndpoint;
  readonly control: HttpControlCarrier;
  /** The web UI's sign-in and sessions; told the port once the server listens. */
  readonly ui: UiAuth;
  readonly uiDir?: string;
  /** Where errors that escaped a route go (stderr and the hub's problems, throttled). */
  readonly report: ErrorReporter;
}

/** The request target as a URL on our own origin, or undefined when it is not an origin-form path. */
export function requestUrl(target: string | undefined): URL | undefined {
  // Absolute-form ("http://host/…"), authority-form and "*" are for proxies, not for us.
  if (!target?.startsWith('/')) return undefined;
  try {
    // Prefixing the origin (rather than resolving against it) keeps "//host/x" a path.
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return undefined;
  }
}

export async function startHttpServer(port: number, routes: HttpRoutes): Promise<HubHttpServer> {
  const { mcp, legacySse, control, ui, uiDir, report } = routes;
  let origins = new Set<string>();

  const failed = (req: http.IncomingMessage, res: http.ServerResponse, error: unknown) => {
    if (!isPeerGone(error)) report(`HTTP ${req.method} ${(req.url ?? '').slice(0, 80)}`, error);
    if (!res.headersSent && !res.destroyed) jsonRpcError(res, 500, -32603, 'MCP Tray: internal error (recorded in the hub\'s problems)');
    else res.destroy();
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const failure = checkHostAndOrigin(req, origins);
    if (failure) {
      jsonRpcError(res, failure.status, -32600, failure.message);
      return Promise.resolve();
    }
    // MCP clients ask for exactly /mcp on every call: no URL to build for them.
    if (req.url === '/mcp') return mcp.handle(req, res);
    const url = requestUrl(req.url);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Bad request target: MCP Tray answers only paths such as /mcp or /api/call\n');
      return Promise.resolve();
    }
    if (url.pathname === '/mcp') return mcp.handle(req, res);
    if (LegacySseEndpoint.serves(url.pathname)) return legacySse.handle(req, res, url);
    if (url.pathname.startsWith('/api/')) return control.handle(req, res, url);
    if (url.pathname === '/login') return handleLogin(req, res, url, ui);
    serveStaticUi(req, res, url, uiDir);
    return Promise.resolve();
  };

  const counted = collectWhenIdleAfterBurst();
  const server = http.createServer((req, res) => {
    counted();
    // A peer that goes away mid-request or mid-answer is routine; nothing may throw for it.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    try {
      handle(req, res).catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  });
  // Bytes that are not HTTP (or headers too large, or a lying Content-Length): answer like Node does
  // by default when it can, and never let the error go further.
  server.on(
    'clientError',
    guarded('HTTP client error', report, (error: NodeJS.ErrnoException & { code?: string }, socket) => {
      if (socket.writable && !socket.destroyed && (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent !== true) {
        const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      }
      socket.destroy();
    }),
  );
  server.on('connection', (socket) => socket.on('error', () => undefined));
  // Long approvals keep requests open for minutes; the SDK's keep-alives hold the stream.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => report('the HTTP listener', error));
  const actual = (server.address() as AddressInfo).port;
  origins = ownOrigins(actual);
  ui.bind(actual);
  return {
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// The hub's one HTTP listener on 127.0.0.1 (docs/gateway.md): /mcp for MCP clients (per-client bearer
// tokens), /api for the browser UI (UI token), everything else the UI's static files. Host and
// Origin are checked before any route.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpControlCarrier } from '../control/http-carrier.ts';
import type { HttpMcpEndpoint } from '../gateway/http-endpoint.ts';
import { jsonRpcError } from '../gateway/http-endpoint.ts';
import { checkHostAndOrigin, ownOrigins } from './request-guards.ts';
import { serveStaticUi } from './static-ui.ts';

export interface HubHttpServer {
  readonly port: number;
  readonly server: http.Server;
  close(): Promise<void>;
}

export async function startHttpServer(port: number, mcp: HttpMcpEndpoint, control: HttpControlCarrier, uiDir?: string): Promise<HubHttpServer> {
  let origins = new Set<string>();
  const server = http.createServer((req, res) => {
    const failure = checkHostAndOrigin(req, origins);
    if (failure) {
      res.writeHead(failure.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: failure.message } }));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname === '/mcp' ? mcp.handle(req, res) : url.pathname.startsWith('/api/') ? control.handle(req, res, url) : Promise.resolve(serveStaticUi(req, res, url, uiDir));
    route.catch((error: Error) => {
      if (!res.headersSent) jsonRpcError(res, 500, -32603, `MCP Tray: ${error.message}`);
      else res.destroy();
    });
  });
  // Long approvals keep requests open for minutes; the SDK's keep-alives hold the stream.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  origins = ownOrigins(actual);
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

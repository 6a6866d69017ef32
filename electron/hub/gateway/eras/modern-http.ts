// The 2026-07-28 leg of the Streamable HTTP endpoint (docs/protocol-eras.md). http-endpoint.ts
// keeps every 2025 request on its own sessionful path and loads this module (and with it the v2
// SDK) only when a request arrives that a 2025 session cannot take: one without Mcp-Session-Id
// that is not an initialize. The SDK classifies it; a 2025 request is handed back, a 2026 one is
// served stateless by a v2 Server per request (modern-dispatch.ts), in a session the hub keeps
// for the token's client and clientInfo (modern-sessions.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { classifyInboundRequest, createMcpHandler } from '@modelcontextprotocol/server';
import { clientLabel } from '../../clients/client-labels.ts';
import type { ListKind, SessionIdentity } from '../client-session.ts';
import { modernHttpServer, type ModernGateway } from './modern-dispatch.ts';
import { InputRequiredCalls } from './modern-input-required.ts';
import { ModernSessions, type ModernSessionHost } from './modern-sessions.ts';

export interface ModernHttp {
  /** Serves a request that is 2026-07-28 (or a malformed claim to be), and says so; a 2025 request is left alone (false). */
  serve(req: IncomingMessage, res: ServerResponse, body: unknown, clientId: string): Promise<boolean>;
  close(): Promise<void>;
}

export function createModernHttp(gateway: ModernGateway & ModernSessionHost): ModernHttp {
  const sessions = new ModernSessions(gateway);
  // A retry's requestState is bound to the token's client id.
  const calls = new InputRequiredCalls((ctx) => `http\0${ctx.http?.authInfo?.clientId ?? ''}`);
  sessions.ended = (session) => calls.endSession(session);
  const handler = createMcpHandler(
    ({ authInfo }) =>
      modernHttpServer(gateway, sessions, calls, (): SessionIdentity | undefined =>
        authInfo?.clientId ? { clientId: authInfo.clientId, label: clientLabel(authInfo.clientId), transport: 'http' } : undefined,
      ),
    { legacy: 'reject' },
  );
  const notify: Record<ListKind, () => void> = {
    tools: () => handler.notify.toolsChanged(),
    prompts: () => handler.notify.promptsChanged(),
    resources: () => handler.notify.resourcesChanged(),
  };
  sessions.listChanged = (kind) => notify[kind]();
  const serveNode = toNodeHandler(handler);
  return {
    async serve(req, res, body, clientId) {
      const route = classifyInboundRequest({
        httpMethod: req.method ?? 'POST',
        protocolVersionHeader: header(req, 'mcp-protocol-version'),
        mcpMethodHeader: header(req, 'mcp-method'),
        mcpNameHeader: header(req, 'mcp-name'),
        body,
      });
      if (route.kind === 'legacy') return false;
      // Our bearer check already named the client; the SDK passes this on to the factory.
      (req as IncomingMessage & { auth?: unknown }).auth = { token: '', clientId, scopes: [] };
      await serveNode(req, res, body);
      return true;
    },
    async close() {
      calls.close();
      sessions.close();
      await handler.close();
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

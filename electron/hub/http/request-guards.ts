// The checks every HTTP request to the hub passes first (docs/gateway.md):
// the Host must be a loopback name (DNS rebinding), and an Origin header, when present, must be the
// hub's own UI. IDE clients are not browsers and send no Origin. The MCP routes (/mcp, /sse,
// /messages) then want a bearer token issued to one client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonRpcError } from './json-rpc-error.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function hostIsLoopback(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_HOSTS.has(name.toLowerCase());
}

/** The origins of the hub's own UI for a port. */
export function ownOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);
}

export type GuardFailure = { status: 403; message: string } | undefined;

export function checkHostAndOrigin(req: IncomingMessage, allowedOrigins: Set<string>): GuardFailure {
  if (!hostIsLoopback(req.headers.host)) {
    return { status: 403, message: `Host "${req.headers.host ?? ''}" is not a loopback name; MCP Tray only answers on localhost` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return { status: 403, message: `Origin "${origin}" is not allowed` };
  }
  return undefined;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** What authenticating a client needs of the token store (gateway/client-tokens.ts). */
export interface TokenVerifier {
  verify(token: string): string | undefined | Promise<string | undefined>;
}

/**
 * The client whose bearer token the request carries; without one, or with an unknown or revoked
 * one, answers 401 (a `WWW-Authenticate` challenge and a JSON-RPC error) and returns undefined.
 */
export async function authenticateClient(req: IncomingMessage, res: ServerResponse, tokens: TokenVerifier): Promise<string | undefined> {
  const token = bearerToken(req);
  const clientId = token ? await tokens.verify(token) : undefined;
  if (clientId) return clientId;
  res.setHeader('WWW-Authenticate', 'Bearer realm="mcp-tray", error="invalid_token"');
  jsonRpcError(res, 401, -32001, token ? 'Unknown or revoked token; get one with: mcp-tray clients token <client>' : 'Missing bearer token; get one with: mcp-tray clients token <client>');
  return undefined;
}

// The checks every HTTP request to the hub passes first (docs/gateway.md):
// the Host must be a loopback name (DNS rebinding), and an Origin header, when present, must be the
// hub's own UI. IDE clients are not browsers and send no Origin.
import type { IncomingMessage } from 'node:http';

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

// A refusal on an MCP route, in the shape MCP clients read: a JSON-RPC error with no id.
import type { ServerResponse } from 'node:http';

export function jsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } }));
}

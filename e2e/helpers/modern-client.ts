// The v2 SDK client pinned to 2026-07-28 as an IDE of a real hub, by the bridge or by HTTP with one
// builder, and a raw 2026-07-28 tools/call by HTTP for what the SDK client does not show.
import { Client as ModernClient, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { bridgeCommand } from './hub-process.ts';
import { answerModern, type InputAnswers } from './ide-answers.ts';

export const MODERN = '2026-07-28';

/** How an IDE reaches the hub: its bridge (a child process on stdio), or /mcp with a bearer token. */
export type HubRoute = { readonly bridge: string } | { readonly url: string; readonly token: string };

/**
 * Connects a v2 client named `name` (for the bridge also its `--client` id), with `answers` to
 * the server's input requests for the capabilities it declares; `asked` records them.
 */
export async function connectModern(
  route: HubRoute,
  name: string,
  options: { version?: string; capabilities?: Record<string, unknown>; answers?: InputAnswers } = {},
): Promise<{ client: ModernClient; asked: string[] }> {
  const { version = '1.0', capabilities, answers } = options;
  const client = new ModernClient({ name, version }, { versionNegotiation: { mode: { pin: MODERN } }, ...(capabilities && { capabilities }) });
  const asked = answers ? answerModern(client, capabilities ?? {}, answers) : [];
  await client.connect(
    'bridge' in route
      ? new StdioClientTransport(bridgeCommand(route.bridge, name))
      : new StreamableHTTPClientTransport(new URL(route.url), { requestInit: { headers: { Authorization: `Bearer ${route.token}` } } }),
  );
  return { client, asked };
}

/**
 * Counts the messages of `method` as they reach a connected client, before it handles them: the v2
 * client hands a notification to `onprogress` a tick after it settles the call, so a count made
 * there can miss the last one although the hub sent it first.
 */
export function countArrivals(client: ModernClient, method: string): { count: number } {
  const seen = { count: 0 };
  const wire = client.transport!;
  const deliver = wire.onmessage!;
  wire.onmessage = (message, extra) => {
    if ((message as { method?: string }).method === method) seen.count++;
    deliver(message, extra);
  };
  return seen;
}

/** One raw 2026-07-28 tools/call by HTTP, as a client without the SDK sends it (declaring form elicitation). */
export async function rawModernCall(
  url: string,
  token: string,
  params: Record<string, unknown>,
): Promise<{ status: number; body: { result?: Record<string, unknown>; error?: { code: number; message: string } } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      Authorization: `Bearer ${token}`,
      'MCP-Protocol-Version': MODERN,
      'Mcp-Method': 'tools/call',
      'Mcp-Name': String(params.name),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { ...params, _meta: { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } } } },
    }),
  });
  const text = await response.text();
  // JSON, or an SSE stream whose last data line with this id is the answer.
  const json = response.headers.get('content-type')?.includes('text/event-stream')
    ? text.split('\n').filter((line) => line.startsWith('data:')).map((line) => JSON.parse(line.slice(5)) as { id?: unknown }).findLast((m) => m.id === 7)
    : JSON.parse(text);
  return { status: response.status, body: json };
}

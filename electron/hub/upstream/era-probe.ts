// Which protocol era a server speaks (docs/protocol-eras.md): before connecting, the hub asks it
// `server/discover`, the 2026-07-28 way to learn about a server. A server that answers with a
// discover result naming 2026-07-28 is spoken to in that era (eras/modern-upstream.ts); anything
// else (an error, silence, a 2025 HTTP server's "no session") means 2025, as before. The probe is
// plain JSON-RPC written here, so a hub whose servers all speak 2025 never loads the v2 SDK.
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { RemoteAuth } from './launch.ts';
import { HUB_VERSION } from '../version.ts';

export const MODERN_PROTOCOL_VERSION = '2026-07-28';
/** What the hub declares to a server; the real client's capabilities go with each call. */
export const HUB_CLIENT_CAPABILITIES = { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } };
/** How long a server gets to answer the probe; a server that never answers requests before `initialize` is a 2025 one. */
export const PROBE_TIMEOUT_MS = 5_000;
const PROBE_ID = 'mcp-tray-era-probe';

/** A server's answer to `server/discover`: what the v2 client adopts without asking again. */
export type DiscoverResult = Record<string, unknown> & { supportedVersions: string[] };

export type ProbeOutcome =
  | { readonly era: 'modern'; readonly discover: DiscoverResult }
  | { readonly era: 'legacy'; readonly why: 'answered' | 'timeout' | 'closed' };

function probeMessage(): JSONRPCMessage {
  return {
    jsonrpc: '2.0',
    id: PROBE_ID,
    method: 'server/discover',
    params: {
      _meta: {
        'io.modelcontextprotocol/protocolVersion': MODERN_PROTOCOL_VERSION,
        'io.modelcontextprotocol/clientCapabilities': HUB_CLIENT_CAPABILITIES,
        'io.modelcontextprotocol/clientInfo': { name: 'mcp-tray', version: HUB_VERSION },
      },
    },
  } as JSONRPCMessage;
}

/** The era a probe answer shows: a discover result that names 2026-07-28, else 2025. */
export function outcomeOf(message: unknown): ProbeOutcome {
  const result = (message as { result?: unknown } | undefined)?.result as DiscoverResult | undefined;
  if (result && Array.isArray(result.supportedVersions) && result.supportedVersions.includes(MODERN_PROTOCOL_VERSION)) return { era: 'modern', discover: result };
  return { era: 'legacy', why: 'answered' };
}

/**
 * Probes a server over its stdio transport, which it starts; afterwards the transport's `start()`
 * does nothing, so a client connects on it as on a fresh one. What the server sends during the
 * probe other than the answer (a log line) is not kept.
 */
export async function probeStream(transport: Transport, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeOutcome> {
  const outcome = new Promise<ProbeOutcome>((resolve) => {
    const timer = setTimeout(() => resolve({ era: 'legacy', why: 'timeout' }), timeoutMs);
    transport.onmessage = (message) => {
      if ((message as { id?: unknown }).id !== PROBE_ID || 'method' in message) return;
      clearTimeout(timer);
      resolve(outcomeOf(message));
    };
    transport.onclose = () => {
      clearTimeout(timer);
      resolve({ era: 'legacy', why: 'closed' });
    };
  });
  await transport.start();
  transport.start = async () => undefined;
  await transport.send(probeMessage()).catch(() => undefined);
  const result = await outcome;
  transport.onmessage = undefined;
  transport.onclose = undefined;
  return result;
}

/**
 * Probes a remote server with one POST, as a 2026-07-28 client would send it. Any trouble (a 2025
 * server's 400 for a request without a session, a refused sign-in, no answer) counts as 2025: the
 * 2025 client that connects next reports it the way it always has.
 */
export async function probeHttp(url: string, headers: Record<string, string>, auth?: RemoteAuth, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeOutcome> {
  try {
    const token = auth ? (await auth.authProvider.tokens())?.access_token : undefined;
    const send = auth ? auth.fetch : fetch;
    const response = await send(url, {
      method: 'POST',
      headers: {
        ...(auth ? {} : headers),
        ...(token && { authorization: `Bearer ${token}` }),
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': MODERN_PROTOCOL_VERSION,
        'mcp-method': 'server/discover',
      },
      body: JSON.stringify(probeMessage()),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { era: 'legacy', why: 'answered' };
    }
    const text = await response.text();
    if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) return outcomeOf(JSON.parse(text));
    // An event stream: the answer is the data of the event that carries the probe's id.
    for (const line of text.split('\n')) {
      if (!line.startsWith('data:')) continue;
      const message = JSON.parse(line.slice(5)) as { id?: unknown };
      if (message.id === PROBE_ID) return outcomeOf(message);
    }
    return { era: 'legacy', why: 'answered' };
  } catch {
    return { era: 'legacy', why: 'timeout' };
  }
}

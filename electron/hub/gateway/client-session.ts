// One connected client (docs/gateway.md): its own MCP server session, attributed to a verified client id
// (the id the bridge announced on the local socket, or the HTTP token's owner) plus the clientInfo
// the client reported about itself.
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import type { SessionInfo } from '../contract/contract.ts';
import type { ActiveProfile } from '../profiles/active-profile.ts';
import type { LaneOwner } from '../supervisor/server-supervisor.ts';
import { HUB_VERSION } from '../version.ts';

export const HUB_SERVER_INFO = { name: 'mcp-tray', title: 'MCP Tray', version: HUB_VERSION } as const;

export interface SessionIdentity {
  readonly clientId: string;
  readonly label: string;
  readonly transport: 'socket' | 'http';
  /** The profile the bridge's entry named (`--profile`); an HTTP session's comes from its token. */
  readonly profile?: string;
}

/**
 * Which protocol era the client speaks (docs/protocol-eras.md): `legacy` is the 2025 `initialize`
 * handshake on a connection of its own; `modern` is 2026-07-28, stateless, where this session is
 * one the hub keeps for the client (there is no connection: `server` below is never connected).
 */
export type SessionEra = 'legacy' | 'modern';

export type ListKind = 'tools' | 'prompts' | 'resources';

export class ClientSession {
  /** For HTTP sessions, the Mcp-Session-Id the client sends; one id everywhere. */
  readonly id: string;
  readonly server: Server;
  readonly identity: SessionIdentity;
  readonly since = new Date().toISOString();
  lastCallAt: string | undefined;
  calls = 0;
  pendingApprovals = 0;
  /** Set by logging/setLevel: the client asked for log messages; those below it are not forwarded. */
  logLevel: LoggingLevel | undefined;
  /** Tools approved "for this session" (docs/write-mode-and-approvals.md), by server and tool name. */
  readonly approvedTools = new Set<string>();
  readonly subscriptions = new Set<string>();
  closed = false;
  readonly era: SessionEra;
  /** Legacy: the version `initialize` asked for (the answer is the SDK's rule, see protocolVersion). */
  requestedVersion: string | undefined;
  /** Modern: what the client's requests carry in their envelope (self-reported, shown, never trusted). */
  modernClient: { clientInfo?: { name: string; version: string }; protocolVersion: string; capabilities?: Record<string, unknown> } | undefined;
  /** Modern: how a list change reaches the client (its open listen streams); set by the modern endpoint. */
  modernListChanged: ((kind: ListKind) => void) | undefined;
  /**
   * Modern: how a server's request (sampling, elicitation, roots) during one of the session's calls
   * reaches the client, as that call's `input_required` result (eras/modern-input-required.ts);
   * `undefined` when that call is not one the client can be asked during (roots not declared).
   * `key` is the server's own name for the request, when the server speaks 2026-07-28 too.
   */
  askDuringCall:
    | ((request: { method: string; params?: Record<string, unknown> }, callId: string | number, signal: AbortSignal, key?: string) => Promise<Record<string, unknown>> | undefined)
    | undefined;
  /** Modern on the bridge: ends the connection the session is (a UI's "disconnect"). */
  endConnection: (() => void) | undefined;
  /** Last request of a modern session (its idle clock; a legacy session's is its connection). */
  lastSeen = Date.now();

  constructor(identity: SessionIdentity, instructions: string | undefined, id: string = randomUUID(), era: SessionEra = 'legacy') {
    this.id = id;
    this.identity = identity;
    this.era = era;
    this.server = new Server(HUB_SERVER_INFO, {
      capabilities: {
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { listChanged: true, subscribe: true },
        logging: {},
        completions: {},
      },
      instructions,
      debouncedNotificationMethods: [
        'notifications/tools/list_changed',
        'notifications/prompts/list_changed',
        'notifications/resources/list_changed',
      ],
    });
  }

  /** Who a per-client server's lane for this session belongs to. */
  get owner(): LaneOwner {
    return { sessionId: this.id, clientId: this.identity.clientId, label: this.identity.label };
  }

  get clientInfo(): { name: string; version: string } | undefined {
    if (this.era === 'modern') return this.modernClient?.clientInfo;
    const info = this.server.getClientVersion();
    return info ? { name: info.name, version: info.version } : undefined;
  }

  /** Set by the gateway: the profile this session sees now (docs/profiles.md). */
  activeProfile: () => ActiveProfile = () => ({ name: 'default', source: 'default', profile: undefined, missing: false, toolSearch: false });

  /** The protocol version this client speaks with the hub: negotiated at initialize, or carried by each modern request. */
  get protocolVersion(): string | undefined {
    if (this.era === 'modern') return this.modernClient?.protocolVersion;
    const asked = this.requestedVersion;
    if (asked === undefined) return undefined;
    // The SDK's own rule when it answers initialize: the version asked for if it knows it, else its latest.
    return SUPPORTED_PROTOCOL_VERSIONS.includes(asked) ? asked : LATEST_PROTOCOL_VERSION;
  }

  /** Tells the client that one of its lists changed: over its connection, or its listen streams. */
  async announce(kind: ListKind): Promise<void> {
    if (this.era === 'modern') return this.modernListChanged?.(kind);
    if (kind === 'tools') return this.server.sendToolListChanged();
    if (kind === 'prompts') return this.server.sendPromptListChanged();
    return this.server.sendResourceListChanged();
  }

  info(): SessionInfo {
    const active = this.activeProfile();
    return {
      id: this.identity.clientId,
      sessionId: this.id,
      label: this.identity.label,
      transport: this.identity.transport,
      clientInfo: this.clientInfo,
      era: this.era,
      protocolVersion: this.protocolVersion,
      since: this.since,
      lastCallAt: this.lastCallAt,
      calls: this.calls,
      pendingApprovals: this.pendingApprovals,
      profile: active.name,
      profileSource: active.source,
    };
  }
}

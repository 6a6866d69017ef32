// One connected client (docs/gateway.md): its own MCP server session, attributed to a verified client id
// (the id the bridge announced on the local socket, or the HTTP token's owner) plus the clientInfo
// the client reported about itself.
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
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

  constructor(identity: SessionIdentity, instructions: string | undefined, id: string = randomUUID()) {
    this.id = id;
    this.identity = identity;
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
    const info = this.server.getClientVersion();
    return info ? { name: info.name, version: info.version } : undefined;
  }

  /** Set by the gateway: the profile this session sees now (docs/profiles.md). */
  activeProfile: () => ActiveProfile = () => ({ name: 'default', source: 'default', profile: undefined, missing: false, toolSearch: false });

  info(): SessionInfo {
    const active = this.activeProfile();
    return {
      id: this.identity.clientId,
      sessionId: this.id,
      label: this.identity.label,
      transport: this.identity.transport,
      clientInfo: this.clientInfo,
      since: this.since,
      lastCallAt: this.lastCallAt,
      calls: this.calls,
      pendingApprovals: this.pendingApprovals,
      profile: active.name,
      profileSource: active.source,
    };
  }
}

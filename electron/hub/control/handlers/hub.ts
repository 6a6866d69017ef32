// Control handlers: hub status and client sessions.
import type { HubResults } from '../../contract/api/hub.ts';
import type { Handlers, HubStatus, ServerStatus } from '../../contract/contract.ts';
import type { ApprovalQueue } from '../../approvals/approval-gate.ts';
import type { Gateway } from '../../gateway/gateway.ts';
import type { SecretStore } from '../../secrets/keychain.ts';
import { HUB_VERSION } from '../../version.ts';

type HubHandlers = Pick<Handlers, keyof HubResults>;

export interface HubHandlerDeps {
  readonly dataDir: string;
  readonly socket: string;
  readonly startedAt: string;
  /** The HTTP URLs while the listener runs. */
  endpoints(): { mcp: string | null; ui: string | null };
  /** Whether the HTTP listener runs, and why not. */
  http(): HubStatus['http'];
  /** What the hub noticed that the user should know (settings reset, leftovers, call log trouble). */
  problems(): readonly string[];
  readonly keychain: Pick<SecretStore, 'status'>;
  /** Whether servers can be sandboxed here (docs/sandbox.md). */
  sandbox(): Promise<HubStatus['sandbox']>;
  readonly gateway: Pick<Gateway, 'sessions' | 'disconnect'>;
  readonly approvals: Pick<ApprovalQueue, 'list'>;
  allServers(): Promise<ServerStatus[]>;
}

export function hubHandlers(deps: HubHandlerDeps): HubHandlers {
  return {
    async status(): Promise<HubStatus> {
      const keychain = await deps.keychain.status();
      return {
        version: HUB_VERSION,
        pid: process.pid,
        platform: process.platform,
        dataDir: deps.dataDir,
        startedAt: deps.startedAt,
        endpoints: { ...deps.endpoints(), socket: deps.socket },
        http: deps.http(),
        keychain: keychain.available ? { available: true } : { available: false, reason: keychain.reason },
        sandbox: await deps.sandbox(),
        servers: await deps.allServers(),
        clients: deps.gateway.sessions().map((s) => s.info()),
        approvals: deps.approvals.list(),
        problems: [...deps.problems()],
        memory: megabytes(process.memoryUsage()),
      };
    },

    async 'sessions.list'() {
      return deps.gateway.sessions().map((s) => s.info());
    },

    async 'sessions.disconnect'({ sessionId }) {
      return { disconnected: await deps.gateway.disconnect(sessionId) };
    },
  };
}

function megabytes(usage: NodeJS.MemoryUsage): HubStatus['memory'] {
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  return { rss: mb(usage.rss), heapUsed: mb(usage.heapUsed), external: mb(usage.external) };
}

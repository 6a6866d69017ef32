// Control handlers: hub status and client sessions.
import type { HubResults } from '../../contract/api/hub.ts';
import type { Handlers, HubStatus } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';
import { HUB_VERSION } from '../../version.ts';

type HubHandlers = Pick<Handlers, keyof HubResults>;

export function hubHandlers(hub: Hub): HubHandlers {
  const allServers = () => Promise.all(hub.servers.supervisors().map((s) => hub.servers.status(s.id, hub.gateway.catalog())));
  return {
    async status(): Promise<HubStatus> {
      const keychain = await hub.keychain.status();
      return {
        version: HUB_VERSION,
        pid: process.pid,
        dataDir: hub.paths.dataDir,
        startedAt: hub.startedAt,
        endpoints: { ...hub.endpoints, socket: hub.paths.socket },
        keychain: keychain.available ? { available: true } : { available: false, reason: keychain.reason },
        servers: await allServers(),
        clients: hub.gateway.sessions().map((s) => s.info()),
        approvals: hub.approvals.list(),
        problems: [...hub.problems, ...hub.callLog.problems],
        memory: megabytes(process.memoryUsage()),
      };
    },

    async 'sessions.list'() {
      return hub.gateway.sessions().map((s) => s.info());
    },

    async 'sessions.disconnect'({ sessionId }) {
      return { disconnected: await hub.gateway.disconnect(sessionId) };
    },
  };
}

function megabytes(usage: NodeJS.MemoryUsage): HubStatus['memory'] {
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  return { rss: mb(usage.rss), heapUsed: mb(usage.heapUsed), external: mb(usage.external) };
}

// Control handlers: MCP clients — the table of detected/installed/connected clients, install and
// uninstall of the `mcp-tray` entry, import of their servers, and their HTTP tokens.
import type { ClientResults } from '../../contract/api/clients.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { Hub } from '../../hub.ts';
import { CLIENTS } from '../../clients/client-table.ts';
import { createClientsFeature, requireClient, type ClientsFeature } from '../../clients/clients-feature.ts';
import { searchPath } from '../../clients/detect.ts';

type ClientHandlers = Pick<Handlers, keyof ClientResults>;

export function clientHandlers(hub: Hub): ClientHandlers {
  let feature: ClientsFeature | undefined;
  // Built on first use: the hub's parts are all in place by then.
  const clients = () => (feature ??= createClientsFeature(hub));
  return {
    async 'clients.list'() {
      const pathList = await searchPath();
      return Promise.all(CLIENTS.map((c) => clients().installer.row(c, pathList)));
    },

    async 'clients.install'({ client, http, dryRun }) {
      return clients().installer.install(requireClient(client), { http, dryRun });
    },

    async 'clients.uninstall'({ client, dryRun }) {
      return clients().installer.uninstall(requireClient(client), { dryRun });
    },

    async 'clients.importable'({ client }) {
      return clients().importer.importable(requireClient(client));
    },

    async 'clients.import'({ client, servers, deleteBackup }) {
      return clients().importer.import(requireClient(client), { servers, deleteBackup });
    },

    async 'clients.token'({ client }) {
      return { client, token: await hub.clientTokens.issue(client), url: hub.endpoints.mcp };
    },

    async 'clients.revokeToken'({ client }) {
      return { client, revoked: await hub.clientTokens.revoke(client) };
    },
  };
}

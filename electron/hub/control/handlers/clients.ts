// Control handlers: MCP clients — the table of detected/installed/connected clients, install and
// uninstall of the `mcp-tray` entry, import of their servers, and their HTTP tokens.
import type { ClientResults } from '../../contract/api/clients.ts';
import type { Handlers } from '../../contract/contract.ts';
import { CLIENTS } from '../../clients/client-table.ts';
import { requireClient, type ClientsFeature } from '../../clients/clients-feature.ts';
import { searchPath } from '../../clients/detect.ts';
import type { ClientTokens } from '../../gateway/client-tokens.ts';
import type { ProfileBook } from '../../profiles/profile-book.ts';

type ClientHandlers = Pick<Handlers, keyof ClientResults>;

export interface ClientHandlerDeps {
  readonly clients: ClientsFeature;
  readonly clientTokens: Pick<ClientTokens, 'issue' | 'revoke' | 'profileOf'>;
  /** Checks a profile name a token is bound to; the client's binding (docs/profiles.md). */
  readonly profiles: Pick<ProfileBook, 'requireKnown' | 'boundTo'>;
  /** The HTTP MCP endpoint URL, or null while HTTP is off. */
  mcpUrl(): string | null;
}

export function clientHandlers(deps: ClientHandlerDeps): ClientHandlers {
  const { installer, importer } = deps.clients;
  return {
    async 'clients.list'() {
      const pathList = await searchPath();
      return Promise.all(CLIENTS.map(async (c) => ({ ...(await installer.row(c, pathList)), profile: deps.profiles.boundTo(c.id) })));
    },

    async 'clients.install'({ client, http, dryRun, project, profile }) {
      // An entry naming a profile that does not exist would show the IDE nothing: refused here.
      if (profile !== undefined) deps.profiles.requireKnown(profile);
      return installer.install(requireClient(client), { http, dryRun, project, profile });
    },

    async 'clients.uninstall'({ client, dryRun, project }) {
      return installer.uninstall(requireClient(client), { dryRun, project });
    },

    async 'clients.importable'({ client }) {
      return importer.importable(requireClient(client));
    },

    async 'clients.import'({ client, servers, deleteBackup }) {
      return importer.import(requireClient(client), { servers, deleteBackup });
    },

    async 'clients.token'({ client, profile }) {
      if (profile !== undefined) deps.profiles.requireKnown(profile);
      const token = await deps.clientTokens.issue(client, profile);
      const bound = deps.clientTokens.profileOf(client);
      return { client, token, url: deps.mcpUrl(), ...(bound ? { profile: bound } : {}) };
    },

    async 'clients.revokeToken'({ client }) {
      return { client, revoked: await deps.clientTokens.revoke(client) };
    },
  };
}

// Wires the clients feature: one config editor (so writes to a file are serialized across every
// request), the backups folder, the install records, the installer and the importer.
import path from 'node:path';
import type { ClientTokens } from '../gateway/client-tokens.ts';
import type { SecretStore } from '../secrets/keychain.ts';
import type { SessionInfo } from '../contract/shapes.ts';
import { Backups } from './backups.ts';
import type { BridgeLauncher } from './bridge-launcher.ts';
import { CLIENTS, findClient, type ClientSpec } from './client-table.ts';
import { ConfigEditor } from './config-access.ts';
import { refreshEntriesOnce, type EntryRefresh } from './entry-refresh.ts';
import { ClientImporter, type ImporterDeps } from './importer.ts';
import { InstallRecords } from './install-records.ts';
import { ClientInstaller } from './installer.ts';
import { ControlError } from '../contract/contract.ts';

export interface ClientsFeature {
  readonly installer: ClientInstaller;
  readonly importer: ClientImporter;
  /** Rewrites outdated bridge entries MCP Tray installed, once per app version (entry-refresh.ts). */
  refreshEntries(version: string): Promise<EntryRefresh[]>;
}

/** What the clients feature needs from the hub. */
export interface ClientsFeatureDeps {
  readonly dataDir: string;
  readonly backupsDir: string;
  readonly launcher: BridgeLauncher;
  readonly tokens: Pick<ClientTokens, 'issue' | 'clients'>;
  readonly servers: ImporterDeps['servers'];
  readonly keychain: SecretStore;
  /** The HTTP MCP endpoint: its URL, or why HTTP is off. */
  http(): { url: string } | { off: string };
  sessions(): SessionInfo[];
}

export function createClientsFeature(deps: ClientsFeatureDeps): ClientsFeature {
  const backups = new Backups(path.join(deps.backupsDir, 'clients'));
  const editor = new ConfigEditor(backups);
  const records = new InstallRecords(deps.dataDir);
  const installer = new ClientInstaller(
    {
      dataDir: deps.dataDir,
      launcher: deps.launcher,
      http: () => deps.http(),
      issueToken: (clientId) => deps.tokens.issue(clientId),
      tokenIssued: (clientId) => deps.tokens.clients().includes(clientId),
      sessions: (clientId) => deps.sessions().filter((s) => s.id === clientId),
    },
    editor,
    records,
  );
  const importer = new ClientImporter({ servers: deps.servers, keychain: deps.keychain, installer, editor, backups, records });
  return { installer, importer, refreshEntries: (version) => refreshEntriesOnce(deps.dataDir, version, records, installer) };
}

export function requireClient(id: string): ClientSpec {
  const client = findClient(id);
  if (!client) throw new ControlError('not-found', `unknown client "${id}"; clients: ${CLIENTS.map((c) => c.id).join(', ')}`);
  return client;
}

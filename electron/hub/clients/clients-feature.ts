// Wires the clients feature to a hub: one config editor (so writes to a file are serialized across
// every request), the backups folder, the install records, the installer and the importer.
import path from 'node:path';
import type { Hub } from '../hub.ts';
import { Backups } from './backups.ts';
import { CLIENTS, findClient, type ClientSpec } from './client-table.ts';
import { ConfigEditor } from './config-access.ts';
import { ClientImporter } from './importer.ts';
import { InstallRecords } from './install-records.ts';
import { ClientInstaller } from './installer.ts';
import { ControlError } from '../contract/contract.ts';

export interface ClientsFeature {
  readonly installer: ClientInstaller;
  readonly importer: ClientImporter;
}

export function createClientsFeature(hub: Hub): ClientsFeature {
  const backups = new Backups(path.join(hub.paths.backupsDir, 'clients'));
  const editor = new ConfigEditor(backups);
  const records = new InstallRecords(hub.paths.dataDir);
  const installer = new ClientInstaller(
    {
      dataDir: hub.paths.dataDir,
      launcher: hub.bridgeLauncher,
      mcpUrl: () => hub.endpoints.mcp,
      issueToken: (clientId) => hub.clientTokens.issue(clientId),
      tokenIssued: (clientId) => hub.clientTokens.clients().includes(clientId),
      sessions: (clientId) => hub.gateway.sessions().map((s) => s.info()).filter((s) => s.id === clientId),
    },
    editor,
    records,
  );
  const importer = new ClientImporter({ servers: hub.servers, keychain: hub.keychain, installer, editor, backups, records });
  return { installer, importer };
}

export function requireClient(id: string): ClientSpec {
  const client = findClient(id);
  if (!client) throw new ControlError('not-found', `unknown client "${id}"; clients: ${CLIENTS.map((c) => c.id).join(', ')}`);
  return client;
}

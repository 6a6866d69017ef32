// After the app is updated, the IDE entries an older version wrote may run something that is no
// longer there or no longer allowed (say the app run as Node, once the runAsNode fuse is off). On
// the first start of a new version, every bridge entry MCP Tray installed (the install records)
// that no longer matches what this version writes is written again, so no IDE breaks, in user
// configs and in project folders alike. Entries the user wrote by hand, HTTP entries and clients
// without a record are left alone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './safe-write.ts';
import { findClient, type ClientSpec } from './client-table.ts';
import type { InstallRecords, ProjectInstallRecord } from './install-records.ts';
import type { ClientInstaller } from './installer.ts';
import { profileInArgs } from './project-scope.ts';

export interface EntryRefresh {
  readonly client: string;
  /** The project folder, for an entry in a project's file. */
  readonly project?: string;
  /** `rewritten`, or why not. */
  readonly outcome: 'rewritten' | 'current' | string;
}

const MARKER = 'ide-entries-version.json';

/** Rewrites the outdated bridge entries once per `version`; returns what it did (nothing when already done). */
export async function refreshEntriesOnce(dataDir: string, version: string, records: InstallRecords, installer: ClientInstaller): Promise<EntryRefresh[]> {
  const marker = path.join(dataDir, MARKER);
  const done = await readFile(marker, 'utf8').then((text) => (JSON.parse(text) as { version?: string }).version, () => undefined);
  if (done === version) return [];
  const outcomes: EntryRefresh[] = [];
  for (const [id, record] of Object.entries(await records.all())) {
    const client = findClient(id);
    if (!client || record.transport !== 'stdio') continue;
    outcomes.push({ client: id, outcome: await refreshOne(client, record.path, installer) });
  }
  for (const record of await records.projects()) {
    const client = findClient(record.client);
    if (!client?.projectConfig || record.transport !== 'stdio') continue;
    outcomes.push({ client: record.client, project: record.project, outcome: await refreshProject(client, record, installer) });
  }
  await writeFileAtomic(marker, `${JSON.stringify({ version })}\n`, { newFileMode: 0o600 });
  return outcomes;
}

async function refreshOne(client: ClientSpec, recordedPath: string, installer: ClientInstaller): Promise<string> {
  if (installer.configPath(client) !== recordedPath) return `its config is now ${installer.configPath(client)}, not ${recordedPath}`;
  try {
    const row = await installer.row(client);
    if (row.status !== 'outdated' || row.installed?.transport !== 'stdio') return 'current';
    const args = row.installed.args ?? [];
    if (!isOurBridge(client, args)) return 'not a bridge entry; left as it is';
    // A profile the entry named stays named.
    await installer.install(client, { profile: profileInArgs(args) });
    return 'rewritten';
  } catch (error) {
    return `could not be rewritten: ${(error as Error).message}`;
  }
}

async function refreshProject(client: ClientSpec, record: ProjectInstallRecord, installer: ClientInstaller): Promise<string> {
  try {
    const row = (await installer.row(client)).projects.find((p) => p.project === record.project);
    // A folder or entry that is gone is not brought back.
    if (!row || row.status !== 'outdated' || row.installed?.transport !== 'stdio') return 'current';
    const args = row.installed.args ?? [];
    if (!isOurBridge(client, args)) return 'not a bridge entry; left as it is';
    await installer.install(client, { project: record.project, profile: profileInArgs(args) });
    return 'rewritten';
  } catch (error) {
    return `could not be rewritten: ${(error as Error).message}`;
  }
}

/** Only an entry that is a bridge of ours (`… bridge --client ID`), never one the user changed to something else. */
function isOurBridge(client: ClientSpec, args: readonly string[]): boolean {
  const at = args.indexOf('bridge');
  return at >= 0 && args[at + 1] === '--client' && args[at + 2] === client.id;
}

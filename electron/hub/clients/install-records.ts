// What MCP Tray itself created when it installed into a client (the file, the servers key), so
// uninstall can take exactly that back and leave the file as it was. Kept in the data dir.
// User-level installs are keyed by client id (client-installs.json); installs into a project's
// own file are kept apart, by client and project folder (project-installs.json), so uninstalling
// one scope never touches the other's record.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KeyedMutex } from './file-locks.ts';
import { writeFileAtomic } from './safe-write.ts';

export interface InstallRecord {
  readonly path: string;
  readonly createdFile: boolean;
  readonly createdContainer: boolean;
  readonly transport: 'stdio' | 'http';
  readonly via: 'file' | 'cli';
  readonly at: string;
  /** The profile the entry names (`--profile P` in its bridge args), when it names one. */
  readonly profile?: string;
}

/** An install into a project folder's own config file (`.cursor/mcp.json`, `.mcp.json`, …). */
export interface ProjectInstallRecord extends InstallRecord {
  readonly client: string;
  /** The project folder, absolute and resolved through symlinks. */
  readonly project: string;
  /** The folder holding the file (`.cursor`, `.vscode`, …) did not exist and was made. */
  readonly createdFolder: boolean;
}

export class InstallRecords {
  readonly #file: string;
  readonly #projectsFile: string;
  readonly #mutex = new KeyedMutex();

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'client-installs.json');
    this.#projectsFile = path.join(dataDir, 'project-installs.json');
  }

  async get(clientId: string, configPath: string): Promise<InstallRecord | undefined> {
    const record = (await this.#read())[clientId];
    return record?.path === configPath ? record : undefined;
  }

  /** Every user-level record, by client id. */
  async all(): Promise<Readonly<Record<string, InstallRecord>>> {
    return this.#read();
  }

  async set(clientId: string, record: InstallRecord): Promise<void> {
    await this.#change((all) => void (all[clientId] = record));
  }

  async delete(clientId: string): Promise<void> {
    await this.#change((all) => void delete all[clientId]);
  }

  /** The record of `clientId`'s install into `project`, if any. */
  async getProject(clientId: string, project: string): Promise<ProjectInstallRecord | undefined> {
    return (await this.#readProjects()).find((r) => r.client === clientId && r.project === project);
  }

  /** Project installs, of one client or of all, in the order they were made. */
  async projects(clientId?: string): Promise<ProjectInstallRecord[]> {
    const all = await this.#readProjects();
    return clientId === undefined ? all : all.filter((r) => r.client === clientId);
  }

  async setProject(record: ProjectInstallRecord): Promise<void> {
    await this.#changeProjects((all) => {
      const at = all.findIndex((r) => r.client === record.client && r.project === record.project);
      if (at < 0) all.push(record);
      else all[at] = record;
    });
  }

  async deleteProject(clientId: string, project: string): Promise<void> {
    await this.#changeProjects((all) => {
      const at = all.findIndex((r) => r.client === clientId && r.project === project);
      if (at >= 0) all.splice(at, 1);
    });
  }

  async #change(change: (all: Record<string, InstallRecord>) => void): Promise<void> {
    await this.#mutex.run('records', async () => {
      const all = await this.#read();
      change(all);
      await writeFileAtomic(this.#file, `${JSON.stringify(all, null, 2)}\n`, { newFileMode: 0o600 });
    });
  }

  async #changeProjects(change: (all: ProjectInstallRecord[]) => void): Promise<void> {
    await this.#mutex.run('projects', async () => {
      const all = await this.#readProjects();
      change(all);
      await writeFileAtomic(this.#projectsFile, `${JSON.stringify(all, null, 2)}\n`, { newFileMode: 0o600 });
    });
  }

  async #read(): Promise<Record<string, InstallRecord>> {
    try {
      const value = JSON.parse(await readFile(this.#file, 'utf8')) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, InstallRecord>) : {};
    } catch {
      return {};
    }
  }

  async #readProjects(): Promise<ProjectInstallRecord[]> {
    try {
      const value = JSON.parse(await readFile(this.#projectsFile, 'utf8')) as unknown;
      return Array.isArray(value) ? (value as ProjectInstallRecord[]).filter((r) => r && typeof r.client === 'string' && typeof r.project === 'string') : [];
    } catch {
      return [];
    }
  }
}

// What MCP Tray itself created when it installed into a client (the file, the servers key), so
// uninstall can take exactly that back and leave the file as it was. Kept in the data dir.
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
}

export class InstallRecords {
  readonly #file: string;
  readonly #mutex = new KeyedMutex();

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'client-installs.json');
  }

  async get(clientId: string, configPath: string): Promise<InstallRecord | undefined> {
    const record = (await this.#read())[clientId];
    return record?.path === configPath ? record : undefined;
  }

  /** Every record, by client id. */
  async all(): Promise<Readonly<Record<string, InstallRecord>>> {
    return this.#read();
  }

  async set(clientId: string, record: InstallRecord): Promise<void> {
    await this.#change((all) => void (all[clientId] = record));
  }

  async delete(clientId: string): Promise<void> {
    await this.#change((all) => void delete all[clientId]);
  }

  async #change(change: (all: Record<string, InstallRecord>) => void): Promise<void> {
    await this.#mutex.run('records', async () => {
      const all = await this.#read();
      change(all);
      await writeFileAtomic(this.#file, `${JSON.stringify(all, null, 2)}\n`, { newFileMode: 0o600 });
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
}

// The last tool/prompt/resource lists of each server, on disk, so an on-demand server can be
// listed without starting it, also after the hub restarts.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { UpstreamLists } from '../upstream/upstream-connection.ts';

export class ListCache {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'cache');
  }

  read(serverId: string): UpstreamLists | undefined {
    try {
      const value = JSON.parse(readFileSync(this.#file(serverId), 'utf8')) as UpstreamLists;
      return Array.isArray(value.tools) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  write(serverId: string, lists: UpstreamLists): void {
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const file = this.#file(serverId);
    writeFileSync(`${file}.tmp`, JSON.stringify(lists), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  delete(serverId: string): void {
    rmSync(this.#file(serverId), { force: true });
  }

  #file(serverId: string): string {
    return path.join(this.#dir, `lists-${serverId}.json`);
  }
}

// A record of the process groups the hub has running, rewritten on every change. If the hub dies
// without stopping them (SIGKILL, power loss), the next hub reads it and stops what was left.
// Keys are server ids, or `<server id>@<session id>` for a client's own process of a per-client server.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { processExists } from '../util/process-exists.ts';
import { groupAlive, signalGroup, delay } from './process-group.ts';

interface PidRecord {
  readonly hubPid: number;
  readonly groups: Record<string, number>;
}

export class PidFile {
  readonly #file: string;
  readonly #groups = new Map<string, number>();

  constructor(file: string) {
    this.#file = file;
  }

  /** Stops every group a previous, now dead hub left running. Returns the ids of the servers it stopped. */
  async reapLeftovers(): Promise<string[]> {
    let record: PidRecord;
    try {
      record = JSON.parse(readFileSync(this.#file, 'utf8')) as PidRecord;
    } catch {
      return [];
    }
    if (record.hubPid !== process.pid && processExists(record.hubPid)) return [];
    const reaped: string[] = [];
    for (const [key, pgid] of Object.entries(record.groups ?? {})) {
      if (!groupAlive(pgid)) continue;
      signalGroup(pgid, 'SIGTERM');
      const serverId = key.split('@')[0]!;
      if (!reaped.includes(serverId)) reaped.push(serverId);
    }
    if (reaped.length > 0) {
      await delay(1000);
      for (const pgid of Object.values(record.groups)) if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
    }
    this.#write();
    return reaped;
  }

  add(key: string, pgid: number): void {
    this.#groups.set(key, pgid);
    this.#write();
  }

  remove(key: string, pgid: number): void {
    if (this.#groups.get(key) !== pgid) return;
    this.#groups.delete(key);
    this.#write();
  }

  #write(): void {
    const record: PidRecord = { hubPid: process.pid, groups: Object.fromEntries(this.#groups) };
    const temp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record), { mode: 0o600 });
    renameSync(temp, this.#file);
  }
}

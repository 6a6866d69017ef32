// The call log read straight from its SQLite file, read-only, for `mcp-tray log` when no hub runs.
// It never writes (not even the schema), so it cannot disturb a hub that starts meanwhile. Calls
// still only in the write-ahead journal (a hub that crashed) appear once a hub has replayed it.
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { LogPage, LogQuery } from '../contract/call-log-shapes.ts';
import { fromRow, whereClause, type Row } from './call-log-store.ts';

const MAX_PAGE = 1000;

export class CallLogReader {
  readonly #db: DatabaseSync | undefined;

  constructor(file: string) {
    this.#db = existsSync(file) ? new DatabaseSync(file, { readOnly: true }) : undefined;
    this.#db?.exec('PRAGMA busy_timeout = 5000');
  }

  query(q: LogQuery = {}): LogPage {
    if (!this.#db) return { entries: [] };
    const limit = Math.min(Math.max(q.limit ?? 100, 1), MAX_PAGE);
    const { where, params } = whereClause(q);
    let rows: Row[];
    try {
      rows = this.#db.prepare(`SELECT * FROM calls ${where} ORDER BY seq DESC LIMIT ?`).all(...params, limit + 1) as unknown as Row[];
    } catch (error) {
      // A log the hub never wrote a call into has no table yet.
      if (/no such table/.test((error as Error).message)) return { entries: [] };
      throw error;
    }
    const entries = rows.slice(0, limit).map(fromRow);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.seq : undefined };
  }

  close(): void {
    if (this.#db?.isOpen) this.#db.close();
  }
}

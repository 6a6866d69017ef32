// The call log's SQLite database (docs/call-log.md): one row per call, indexed for the filters the UIs
// offer, trigram full-text search over tool, arguments and preview, retention by age and size.
// It runs inside the log worker (log-worker.ts); the hub talks to it through CallLog.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CallRecord, LogEntry, LogPage, LogQuery } from '../contract/call-log-shapes.ts';


const SCHEMA = `
CREATE TABLE IF NOT EXISTS calls (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  client_id TEXT NOT NULL,
  client_label TEXT NOT NULL,
  client_name TEXT,
  client_version TEXT,
  transport TEXT NOT NULL,
  session_id TEXT NOT NULL,
  server_id TEXT NOT NULL,
  method TEXT NOT NULL,
  target TEXT NOT NULL,
  arguments TEXT NOT NULL,
  class TEXT NOT NULL,
  decision TEXT NOT NULL,
  outcome TEXT NOT NULL,
  result_bytes INTEGER NOT NULL,
  preview TEXT NOT NULL,
  error TEXT,
  deny_reason TEXT,
  edited_arguments TEXT,
  effect_preview TEXT
);
CREATE INDEX IF NOT EXISTS calls_started ON calls(started_at);
CREATE INDEX IF NOT EXISTS calls_server ON calls(server_id, seq);
CREATE INDEX IF NOT EXISTS calls_client ON calls(client_id, seq);
CREATE INDEX IF NOT EXISTS calls_decision ON calls(decision, seq);
CREATE INDEX IF NOT EXISTS calls_outcome ON calls(outcome, seq);
CREATE VIRTUAL TABLE IF NOT EXISTS calls_text USING fts5(target, arguments, preview, content='calls', content_rowid='seq', tokenize='trigram');
DROP TRIGGER IF EXISTS calls_text_insert;
CREATE TRIGGER IF NOT EXISTS calls_text_delete AFTER DELETE ON calls BEGIN
  INSERT INTO calls_text(calls_text, rowid, target, arguments, preview) VALUES ('delete', old.seq, old.target, old.arguments, old.preview);
END;
`;

const MAX_PAGE = 1000;

export class CallLogStore {
  readonly #db: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #index: StatementSync;
  readonly file: string;

  constructor(file: string) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.file = file;
    // SQLite creates the database with the process umask (0644) and gives its -wal and -shm files
    // the database's mode: creating it 0600 first keeps all three private.
    closeSync(openSync(file, 'a', 0o600));
    this.#db = new DatabaseSync(file);
    // auto_vacuum must be chosen before the first table exists; it lets retention give space back.
    this.#db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
    this.#db.exec('PRAGMA busy_timeout = 5000');
    this.#db.exec(SCHEMA);
    // A log made before approvals could carry edited arguments gets the column.
    const columns = this.#db.prepare('PRAGMA table_info(calls)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'edited_arguments')) this.#db.exec('ALTER TABLE calls ADD COLUMN edited_arguments TEXT');
    // …and one made before approvals showed a preview of the effect gets that column.
    if (!columns.some((c) => c.name === 'effect_preview')) this.#db.exec('ALTER TABLE calls ADD COLUMN effect_preview TEXT');
    // OR IGNORE: replaying the write-ahead journal after a crash may meet rows already stored.
    this.#insert = this.#db.prepare(`INSERT OR IGNORE INTO calls (id, started_at, duration_ms, client_id, client_label, client_name, client_version, transport,
      session_id, server_id, method, target, arguments, class, decision, outcome, result_bytes, preview, error, deny_reason, edited_arguments, effect_preview)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // The search index is filled per batch with one statement: several times cheaper than a
    // trigger that indexes row by row.
    this.#index = this.#db.prepare('INSERT INTO calls_text(rowid, target, arguments, preview) SELECT seq, target, arguments, preview FROM calls WHERE seq BETWEEN ? AND ?');
  }

  /** Stores entries in one transaction; returns each one's sequence number, or undefined where it was already stored. */
  insertBatch(entries: readonly CallRecord[]): Array<number | undefined> {
    const seqs: Array<number | undefined> = [];
    let first: number | undefined;
    let last: number | undefined;
    this.#db.exec('BEGIN');
    try {
      for (const entry of entries) {
        const result = this.#insert.run(
          entry.id,
          Date.parse(entry.startedAt),
          entry.durationMs,
          entry.clientId,
          entry.clientLabel,
          entry.clientName ?? null,
          entry.clientVersion ?? null,
          entry.transport,
          entry.sessionId,
          entry.serverId,
          entry.method,
          entry.target,
          JSON.stringify(entry.arguments ?? null),
          entry.class,
          entry.decision,
          entry.outcome,
          entry.resultBytes,
          entry.preview,
          entry.error ?? null,
          entry.denyReason ?? null,
          entry.editedArguments === undefined ? null : JSON.stringify(entry.editedArguments),
          entry.effectPreview ?? null,
        );
        const seq = result.changes > 0 ? Number(result.lastInsertRowid) : undefined;
        seqs.push(seq);
        if (seq !== undefined) {
          first ??= seq;
          last = seq;
        }
      }
      if (first !== undefined) this.#index.run(first, last!);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
    return seqs;
  }

  query(q: LogQuery = {}): LogPage {
    const limit = Math.min(Math.max(q.limit ?? 100, 1), MAX_PAGE);
    const { where, params } = whereClause(q);
    const rows = this.#db.prepare(`SELECT * FROM calls ${where} ORDER BY seq DESC LIMIT ?`).all(...params, limit + 1) as unknown as Row[];
    const entries = rows.slice(0, limit).map(fromRow);
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1]!.seq : undefined };
  }

  count(q: LogQuery = {}): number {
    const { where, params } = whereClause(q);
    return Number((this.#db.prepare(`SELECT count(*) AS n FROM calls ${where}`).get(...params) as { n: number }).n);
  }

  /** Drops entries older than the retention age, then the oldest until the file fits the size cap. */
  applyRetention(retentionDays: number, maxBytes: number): number {
    let deleted = Number(this.#db.prepare('DELETE FROM calls WHERE started_at < ?').run(Date.now() - retentionDays * 86_400_000).changes);
    for (let round = 0; round < 20 && this.sizeBytes() > maxBytes; round++) {
      const total = this.count();
      if (total === 0) break;
      const drop = Math.max(1, Math.ceil(total / 10));
      deleted += Number(this.#db.prepare('DELETE FROM calls WHERE seq IN (SELECT seq FROM calls ORDER BY seq ASC LIMIT ?)').run(drop).changes);
      this.#db.exec('PRAGMA incremental_vacuum');
      this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    if (deleted > 0) this.#db.exec('PRAGMA incremental_vacuum');
    return deleted;
  }

  /** Loads many rows fast (benchmarks): rows first, then the search index rebuilt in one pass. */
  bulkLoad(entries: readonly CallRecord[]): void {
    this.#db.exec('BEGIN');
    for (const entry of entries) {
      this.#insert.run(
        entry.id, Date.parse(entry.startedAt), entry.durationMs, entry.clientId, entry.clientLabel, entry.clientName ?? null,
        entry.clientVersion ?? null, entry.transport, entry.sessionId, entry.serverId, entry.method, entry.target,
        JSON.stringify(entry.arguments ?? null), entry.class, entry.decision, entry.outcome, entry.resultBytes, entry.preview,
        entry.error ?? null, entry.denyReason ?? null, entry.editedArguments === undefined ? null : JSON.stringify(entry.editedArguments),
        entry.effectPreview ?? null,
      );
    }
    this.#db.exec('COMMIT');
  }

  rebuildSearchIndex(): void {
    this.#db.exec("INSERT INTO calls_text(calls_text) VALUES ('rebuild')");
  }

  sizeBytes(): number {
    const pages = this.#db.prepare('PRAGMA page_count').get() as { page_count: number };
    const free = this.#db.prepare('PRAGMA freelist_count').get() as { freelist_count: number };
    const size = this.#db.prepare('PRAGMA page_size').get() as { page_size: number };
    return (pages.page_count - free.freelist_count) * size.page_size;
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}

export interface Row {
  seq: number;
  id: string;
  started_at: number;
  duration_ms: number;
  client_id: string;
  client_label: string;
  client_name: string | null;
  client_version: string | null;
  transport: 'socket' | 'http';
  session_id: string;
  server_id: string;
  method: CallRecord['method'];
  target: string;
  arguments: string;
  class: CallRecord['class'];
  decision: CallRecord['decision'];
  outcome: CallRecord['outcome'];
  result_bytes: number;
  preview: string;
  error: string | null;
  deny_reason: string | null;
  /** Absent in a row read from a log the hub has not opened since the column came. */
  edited_arguments?: string | null;
  /** Absent in a row read from a log the hub has not opened since the column came. */
  effect_preview?: string | null;
}

export function fromRow(row: Row): LogEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    startedAt: new Date(Number(row.started_at)).toISOString(),
    durationMs: Number(row.duration_ms),
    clientId: row.client_id,
    clientLabel: row.client_label,
    clientName: row.client_name ?? undefined,
    clientVersion: row.client_version ?? undefined,
    transport: row.transport,
    sessionId: row.session_id,
    serverId: row.server_id,
    method: row.method,
    target: row.target,
    arguments: JSON.parse(row.arguments) as unknown,
    class: row.class,
    decision: row.decision,
    outcome: row.outcome,
    resultBytes: Number(row.result_bytes),
    preview: row.preview,
    error: row.error ?? undefined,
    denyReason: row.deny_reason ?? undefined,
    ...(row.edited_arguments ? { editedArguments: JSON.parse(row.edited_arguments) as unknown } : {}),
    ...(row.effect_preview ? { effectPreview: row.effect_preview } : {}),
  };
}

export function whereClause(q: LogQuery): { where: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('server_id', q.server);
  equal('client_id', q.client);
  equal('decision', q.decision);
  equal('outcome', q.outcome);
  equal('method', q.method);
  if (q.since) {
    clauses.push('started_at >= ?');
    params.push(Date.parse(q.since));
  }
  if (q.until) {
    clauses.push('started_at <= ?');
    params.push(Date.parse(q.until));
  }
  if (q.before !== undefined) {
    clauses.push('seq < ?');
    params.push(q.before);
  }
  const search = q.search?.trim();
  if (search) {
    if ([...search].length >= 3) {
      // Trigram FTS matches any substring of 3+ characters; the phrase is quoted so its
      // characters are data, not FTS syntax.
      clauses.push('seq IN (SELECT rowid FROM calls_text WHERE calls_text MATCH ?)');
      params.push(`"${search.replace(/"/g, '""')}"`);
    } else {
      clauses.push("(target LIKE ? ESCAPE '\\' OR arguments LIKE ? ESCAPE '\\')");
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

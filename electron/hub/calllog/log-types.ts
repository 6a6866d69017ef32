// The shapes of call-log queries and pages, kept free of Node imports so UIs can import them.
import type { CallRecord } from './call-record.ts';

export interface LogQuery {
  readonly server?: string;
  readonly client?: string;
  readonly decision?: string;
  readonly outcome?: string;
  readonly method?: string;
  readonly search?: string;
  /** ISO times bounding startedAt. */
  readonly since?: string;
  readonly until?: string;
  /** Page cursor: only entries older than this sequence number. */
  readonly before?: number;
  readonly limit?: number;
}

export interface LogEntry extends CallRecord {
  readonly seq: number;
}

export interface LogPage {
  readonly entries: LogEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  readonly nextBefore?: number;
}

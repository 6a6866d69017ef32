// Messages between the hub and the call log worker.
import type { CallRecord, LogQuery } from '../contract/call-log-shapes.ts';

export type WorkerRequest =
  | { t: 'records'; records: Array<{ n: number; entry: CallRecord }> }
  | { t: 'query'; id: number; query: LogQuery }
  | { t: 'count'; id: number; query: LogQuery }
  | { t: 'retention'; id: number; days: number; maxBytes: number }
  | { t: 'flush'; id: number }
  | { t: 'close'; id: number };

export type WorkerMessage =
  /** Stored up to journal number `upTo`; `stored` pairs each newly stored record's number with its sequence number. */
  | { t: 'committed'; upTo: number; stored: Array<[n: number, seq: number]> }
  | { t: 'failed'; upTo: number; message: string }
  | { t: 'reply'; id: number; result?: unknown; error?: string };

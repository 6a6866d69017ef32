// Messages between the hub and the call log worker.
import type { CallRecord, LogEntry, LogQuery } from '../contract/call-log-shapes.ts';

export type WorkerRequest =
  | { t: 'records'; records: Array<{ n: number; entry: CallRecord }> }
  | { t: 'query'; id: number; query: LogQuery }
  | { t: 'count'; id: number; query: LogQuery }
  | { t: 'retention'; id: number; days: number; maxBytes: number }
  | { t: 'flush'; id: number }
  | { t: 'close'; id: number };

export type WorkerMessage =
  | { t: 'committed'; upTo: number; entries: LogEntry[] }
  | { t: 'failed'; upTo: number; message: string }
  | { t: 'reply'; id: number; result?: unknown; error?: string };

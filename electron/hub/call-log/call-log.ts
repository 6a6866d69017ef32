// The call log as the hub sees it (docs/call-log.md). `record()` appends the entry to the write-ahead
// journal (so it survives a crash from the moment the client is answered) and hands it to the log
// worker, which stores it in SQLite in batches. Listeners hear about entries once stored, with
// their sequence numbers; reads always see everything recorded before them.
import path from 'node:path';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CallRecord, LogEntry, LogPage, LogQuery } from '../contract/call-log-shapes.ts';
import type { CallRecorder } from './call-record.ts';
import type { WorkerMessage, WorkerRequest } from './log-worker-protocol.ts';
import { WriteAheadJournal } from './write-ahead-journal.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Entries go to the worker this often, in one message: waking another thread costs about as much
 * as a pipe write, and SQLite stores (and indexes for search) a batch of 50 rows for about half
 * the CPU per row of a batch of 10. Durability comes from the journal; the UIs show new entries
 * in batches of 100 ms anyway.
 */
const POST_EVERY_MS = 50;
const WORKER = new URL(`./log-worker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url);

export class CallLog implements CallRecorder {
  readonly #worker: Worker;
  readonly #journal: WriteAheadJournal;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(entry: LogEntry) => void>();
  #nextId = 1;
  #closed = false;
  #outbox: Array<{ n: number; entry: CallRecord }> = [];
  /** Entries sent to the worker and not yet stored, by journal number (for the listeners). */
  readonly #unstored = new Map<number, CallRecord>();
  /** Problems the hub should show (a failed batch, a crashed worker). */
  readonly problems: string[] = [];

  private constructor(file: string, journalDir: string) {
    this.#journal = new WriteAheadJournal(journalDir);
    this.#worker = new Worker(WORKER, { workerData: { file } });
    this.#worker.unref();
    this.#worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
    this.#worker.on('error', (error) => {
      this.problems.push(`call log worker failed: ${error.message}; calls stay in the journal and are stored at the next start`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  /** Opens the log and stores what a crashed hub left in the journal. */
  static async open(file: string): Promise<CallLog> {
    const log = new CallLog(file, path.join(path.dirname(file), 'journal'));
    const { entries, files } = log.#journal.leftovers();
    if (entries.length > 0) {
      log.#worker.postMessage({ t: 'records', records: entries.map((entry) => ({ n: 0, entry })) } satisfies WorkerRequest);
      await log.flush();
    }
    for (const leftover of files) rmSync(leftover, { force: true });
    return log;
  }

  record(entry: CallRecord): void {
    if (this.#closed) return; // a call that ends while the hub shuts down
    const n = this.#journal.append(entry);
    this.#outbox.push({ n, entry });
    if (this.#listeners.size > 0) this.#unstored.set(n, entry);
    if (this.#outbox.length === 1) setTimeout(() => this.#post(), POST_EVERY_MS).unref();
  }

  #post(): void {
    if (this.#outbox.length === 0) return;
    const records = this.#outbox;
    this.#outbox = [];
    this.#worker.postMessage({ t: 'records', records } satisfies WorkerRequest);
  }

  onEntry(listener: (entry: LogEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  query(query: LogQuery): Promise<LogPage> {
    return this.#ask({ t: 'query', query }) as Promise<LogPage>;
  }

  count(query: LogQuery): Promise<number> {
    return this.#ask({ t: 'count', query }) as Promise<number>;
  }

  applyRetention(days: number, maxBytes: number): Promise<number> {
    return this.#ask({ t: 'retention', days, maxBytes }) as Promise<number>;
  }

  /** Resolves once everything recorded so far is stored. */
  async flush(): Promise<void> {
    await this.#ask({ t: 'flush' });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ask({ t: 'close' }).catch(() => undefined);
    this.#journal.close();
    await this.#worker.terminate().catch(() => undefined);
  }

  #ask(request: DistributiveOmit<Exclude<WorkerRequest, { t: 'records' }>, 'id'>): Promise<unknown> {
    this.#post(); // reads must see what was recorded before them
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  #forgetUpTo(upTo: number): void {
    for (const n of this.#unstored.keys()) {
      if (n > upTo) break;
      this.#unstored.delete(n);
    }
  }

  #onMessage(message: WorkerMessage): void {
    switch (message.t) {
      case 'committed':
        if (message.upTo > 0) this.#journal.committed(message.upTo);
        for (const [n, seq] of message.stored) {
          const entry = this.#unstored.get(n);
          if (!entry) continue;
          for (const listener of this.#listeners) listener({ ...entry, seq });
        }
        this.#forgetUpTo(message.upTo);
        return;
      case 'failed':
        this.#forgetUpTo(message.upTo);
        this.problems.push(`could not store calls in the log (${message.message}); they stay in the journal`);
        return;
      case 'reply': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        if (message.error !== undefined) pending.reject(new Error(message.error));
        else pending.resolve(message.result);
      }
    }
  }
}

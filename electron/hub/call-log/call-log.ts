// The call log as the hub sees it (docs/call-log.md). `record()` appends the entry to the write-ahead
// journal (so it survives a crash from the moment the client is answered) and hands it to the log
// worker, which stores it in SQLite in batches. The worker starts at the first call or read and is
// let go after a while with nothing to do: an idle hub holds no second JavaScript heap. Listeners hear about entries once stored, with
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
/**
 * A worker thread costs about 20 MB of memory of its own. With nothing to store or answer for this
 * long, it is let go; the next call or read starts another (in about 30 ms, off the answering path:
 * records wait in the outbox and the journal meanwhile).
 */
const RELEASE_AFTER_MS = 20_000;
const WORKER = new URL(`./log-worker${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url);

export class CallLog implements CallRecorder {
  readonly #file: string;
  readonly #releaseAfterMs: number;
  #worker: Worker | undefined;
  #releaseTimer: NodeJS.Timeout | undefined;
  /** Journal numbers: the last sent to the worker, the last it stored (or failed to). */
  #lastPosted = 0;
  #lastSettled = 0;
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

  private constructor(file: string, journalDir: string, releaseAfterMs: number) {
    this.#file = file;
    this.#releaseAfterMs = releaseAfterMs;
    this.#journal = new WriteAheadJournal(journalDir);
  }

  /** The worker, started if there is none (at the first call or read, or again after a release). */
  #running(): Worker {
    clearTimeout(this.#releaseTimer);
    this.#releaseTimer = undefined;
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER, { workerData: { file: this.#file } });
    worker.unref();
    worker.on('message', (message: WorkerMessage) => this.#onMessage(message));
    worker.on('error', (error) => {
      if (this.#worker === worker) this.#worker = undefined;
      this.problems.push(`call log worker failed: ${error.message}; calls stay in the journal and are stored at the next start`);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
    this.#worker = worker;
    return worker;
  }

  /** Lets the worker go once it has had nothing to do for a while (see RELEASE_AFTER_MS). */
  #releaseWhenIdle(): void {
    if (this.#closed || !this.#worker || this.#releaseTimer) return;
    if (this.#pending.size > 0 || this.#outbox.length > 0 || this.#lastPosted > this.#lastSettled) return;
    this.#releaseTimer = setTimeout(() => {
      this.#releaseTimer = undefined;
      const worker = this.#worker;
      if (!worker || this.#pending.size > 0 || this.#outbox.length > 0 || this.#lastPosted > this.#lastSettled) return;
      this.#worker = undefined;
      // Everything it was sent is stored: it closes the database and ends; its reply is not awaited.
      worker.postMessage({ t: 'close', id: 0 } satisfies WorkerRequest);
    }, this.#releaseAfterMs).unref();
  }

  /** Opens the log and stores what a crashed hub left in the journal. */
  static async open(file: string, options: { releaseAfterMs?: number } = {}): Promise<CallLog> {
    const log = new CallLog(file, path.join(path.dirname(file), 'journal'), options.releaseAfterMs ?? RELEASE_AFTER_MS);
    const { entries, files } = log.#journal.leftovers();
    if (entries.length > 0) {
      log.#running().postMessage({ t: 'records', records: entries.map((entry) => ({ n: 0, entry })) } satisfies WorkerRequest);
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
    this.#lastPosted = Math.max(this.#lastPosted, records[records.length - 1]!.n);
    this.#running().postMessage({ t: 'records', records } satisfies WorkerRequest);
  }

  /** Whether the worker thread is running now (it is let go when idle). */
  get workerRunning(): boolean {
    return this.#worker !== undefined;
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
    this.#post();
    this.#closed = true;
    clearTimeout(this.#releaseTimer);
    const worker = this.#worker;
    if (worker) await this.#ask({ t: 'close' }).catch(() => undefined);
    this.#journal.close();
    await worker?.terminate().catch(() => undefined);
  }

  #ask(request: DistributiveOmit<Exclude<WorkerRequest, { t: 'records' }>, 'id'>): Promise<unknown> {
    this.#post(); // reads must see what was recorded before them
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#running().postMessage({ ...request, id } as WorkerRequest);
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
        this.#lastSettled = Math.max(this.#lastSettled, message.upTo);
        return this.#releaseWhenIdle();
      case 'failed':
        this.#forgetUpTo(message.upTo);
        this.#lastSettled = Math.max(this.#lastSettled, message.upTo);
        this.problems.push(`could not store calls in the log (${message.message}); they stay in the journal`);
        return this.#releaseWhenIdle();
      case 'reply': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        if (message.error !== undefined) pending.reject(new Error(message.error));
        else pending.resolve(message.result);
        this.#releaseWhenIdle();
      }
    }
  }
}

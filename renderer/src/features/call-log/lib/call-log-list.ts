// The Activity view's data: pages of `callLog.query` (newest first) plus live `call-logged` events.
// Live entries are buffered and merged every 100 ms, so thousands of calls per second cost one
// render per batch. At most MAX_KEPT entries stay in memory; older ones page in again on scroll.
import { control } from '../../../api/control-client.ts';
import type { LogEntry } from '../../../api/contract-types.ts';
import { matchesFilters, type LogFilters } from './log-filters.ts';

const PAGE = 500;
const FLUSH_MS = 100;
const RECOUNT_QUIET_MS = 700;
const MAX_KEPT = 50_000;

export interface CallLogSnapshot {
  /** Newest first. */
  readonly entries: readonly LogEntry[];
  /** How many calls match the filters in the whole log. */
  readonly total: number;
  readonly loading: boolean;
  readonly hasMore: boolean;
  readonly error?: string;
}

export class CallLogList {
  readonly #filters: LogFilters;
  readonly #listeners = new Set<() => void>();
  #snapshot: CallLogSnapshot = { entries: [], total: 0, loading: true, hasMore: false };
  #nextBefore: number | undefined;
  #pending: LogEntry[] = [];
  #ready = false;
  #closed = false;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #recountTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(filters: LogFilters) {
    this.#filters = filters;
  }

  getSnapshot = (): CallLogSnapshot => this.#snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Listens for new calls first, then loads the newest page, so nothing falls between. */
  start(): void {
    this.#unsubscribe = control.subscribe((event) => {
      if (event.type !== 'call-logged') return;
      const entry = event.entry as LogEntry;
      if (!matchesFilters(entry, this.#filters)) return;
      this.#pending.push(entry);
      if (this.#ready) this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
    });
    void this.#loadFirst();
  }

  stop(): void {
    this.#closed = true;
    this.#unsubscribe?.();
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#recountTimer);
  }

  async loadMore(): Promise<void> {
    if (this.#snapshot.loading || this.#nextBefore === undefined) return;
    this.#set({ loading: true });
    try {
      const page = await control.call('callLog.query', { ...this.#filters, before: this.#nextBefore, limit: PAGE });
      if (this.#closed) return;
      const last = this.#snapshot.entries[this.#snapshot.entries.length - 1]?.seq ?? Infinity;
      this.#nextBefore = page.nextBefore;
      this.#set({ entries: [...this.#snapshot.entries, ...page.entries.filter((e) => e.seq < last)], loading: false, hasMore: page.nextBefore !== undefined });
    } catch (error) {
      this.#set({ loading: false, error: (error as Error).message });
    }
  }

  async #loadFirst(): Promise<void> {
    try {
      const [page, count] = await Promise.all([control.call('callLog.query', { ...this.#filters, limit: PAGE }), control.call('callLog.count', this.#filters)]);
      if (this.#closed) return;
      this.#nextBefore = page.nextBefore;
      const top = page.entries[0]?.seq ?? 0;
      const countedUpTo = this.#pending.reduce((max, e) => Math.max(max, e.seq), top);
      this.#set({ entries: page.entries, total: Math.max(count.count, page.entries.length), loading: false, hasMore: page.nextBefore !== undefined });
      // Live entries the page or the count already include are dropped; the rest merge now.
      this.#pending = this.#pending.filter((e) => e.seq > top);
      this.#ready = true;
      if (this.#pending.length > 0) this.#flush(countedUpTo);
    } catch (error) {
      this.#set({ loading: false, error: (error as Error).message });
    }
  }

  #flush(countedUpTo = 0): void {
    this.#flushTimer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    const top = this.#snapshot.entries[0]?.seq ?? 0;
    const fresh = batch.filter((e) => e.seq > top).sort((a, b) => b.seq - a.seq);
    if (fresh.length === 0) return;
    let entries = fresh.concat(this.#snapshot.entries);
    if (entries.length > MAX_KEPT) {
      entries = entries.slice(0, MAX_KEPT);
      this.#nextBefore = entries[entries.length - 1]!.seq;
    }
    const uncounted = fresh.filter((e) => e.seq > countedUpTo).length;
    this.#set({ entries, total: this.#snapshot.total + uncounted, hasMore: this.#nextBefore !== undefined });
    this.#scheduleRecount();
  }

  /** Live counting can drift by the calls in flight when the count was taken; recount once it is quiet. */
  #scheduleRecount(): void {
    clearTimeout(this.#recountTimer);
    this.#recountTimer = setTimeout(() => {
      void control.call('callLog.count', this.#filters).then(
        ({ count }) => !this.#closed && this.#pending.length === 0 && this.#set({ total: Math.max(count, this.#snapshot.entries.length) }),
        () => {},
      );
    }, RECOUNT_QUIET_MS);
  }

  #set(patch: Partial<CallLogSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }
}

// The Activity list: the newest page plus live calls, merged in batches, without duplicates or
// gaps, with a total that counts each call once. `control` is replaced by a double: an in-memory
// log that answers callLog.query/count and lets the test emit `call-logged` events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubEvent, LogEntry, LogQuery } from '../../../api/contract-types.ts';
import { entry } from '../../../testing/log-entry.ts';

const hub = vi.hoisted(() => ({
  log: [] as LogEntry[],
  listeners: new Set<(event: HubEvent) => void>(),
  /** Resolves the first page when the test says so, to let live calls arrive meanwhile. */
  gate: Promise.resolve(),
}));

// Double of the control client over `hub.log` (newest first).
vi.mock('../../../api/control-client.ts', () => ({
  control: {
    subscribe(listener: (event: HubEvent) => void) {
      hub.listeners.add(listener);
      return () => hub.listeners.delete(listener);
    },
    async call(method: string, query: LogQuery) {
      // A page reads the log as it is when asked; a count, when answered (so it can see more).
      const asked = [...hub.log];
      await hub.gate;
      const matching = (method === 'callLog.count' ? hub.log : asked).filter((e) => !query.server || e.serverId === query.server);
      if (method === 'callLog.count') return { count: matching.length };
      const older = matching.filter((e) => query.before === undefined || e.seq < query.before);
      const entries = older.slice(0, query.limit);
      return { entries, ...(older.length > entries.length ? { nextBefore: entries.at(-1)!.seq } : {}) };
    },
  },
}));

const { CallLogList } = await import('./call-log-list.ts');

/** A call the hub logs now: into the log and out as an event. */
function logCall(seq: number, serverId = 'git'): void {
  const e = entry({ seq, id: `c${seq}`, serverId });
  hub.log.unshift(e);
  for (const listener of hub.listeners) listener({ type: 'call-logged', entry: e });
}

describe('CallLogList', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    hub.log = Array.from({ length: 700 }, (_, i) => entry({ seq: 700 - i, id: `c${700 - i}` }));
    hub.listeners.clear();
    hub.gate = Promise.resolve();
  });
  afterEach(() => vi.useRealTimers());

  it('loads the newest page and the total, then older pages on demand', async () => {
    const list = new CallLogList({});
    list.start();
    await vi.waitFor(() => expect(list.getSnapshot().loading).toBe(false));
    expect(list.getSnapshot()).toMatchObject({ total: 700, hasMore: true });
    expect(list.getSnapshot().entries.map((e) => e.seq).slice(0, 2)).toEqual([700, 699]);
    expect(list.getSnapshot().entries).toHaveLength(500);
    await list.loadMore();
    expect(list.getSnapshot().entries).toHaveLength(700);
    expect(list.getSnapshot().hasMore).toBe(false);
    list.stop();
  });

  it('merges live calls in one batch, newest first, and counts them', async () => {
    const list = new CallLogList({});
    list.start();
    await vi.waitFor(() => expect(list.getSnapshot().loading).toBe(false));
    let renders = 0;
    list.subscribe(() => renders++);
    logCall(701);
    logCall(702);
    logCall(703);
    expect(list.getSnapshot().entries[0]!.seq).toBe(700);
    await vi.advanceTimersByTimeAsync(100);
    expect(renders).toBe(1);
    expect(list.getSnapshot().entries.slice(0, 4).map((e) => e.seq)).toEqual([703, 702, 701, 700]);
    expect(list.getSnapshot().total).toBe(703);
    list.stop();
  });

  it('a call that lands while the first page loads is shown once and counted once', async () => {
    let release!: () => void;
    hub.gate = new Promise((resolve) => (release = resolve));
    const list = new CallLogList({});
    list.start();
    logCall(701); // after the page was read, before the count: counted, not on the page, and an event
    release();
    await vi.waitFor(() => expect(list.getSnapshot().loading).toBe(false));
    await vi.advanceTimersByTimeAsync(100);
    const seqs = list.getSnapshot().entries.map((e) => e.seq);
    expect(seqs.filter((s) => s === 701)).toHaveLength(1);
    expect(list.getSnapshot().total).toBe(701);
    list.stop();
  });

  it('keeps only live calls that match its filters', async () => {
    const list = new CallLogList({ server: 'git' });
    list.start();
    await vi.waitFor(() => expect(list.getSnapshot().loading).toBe(false));
    logCall(701, 'postgres');
    logCall(702, 'git');
    await vi.advanceTimersByTimeAsync(100);
    expect(list.getSnapshot().entries.slice(0, 2).map((e) => e.seq)).toEqual([702, 700]);
    list.stop();
  });
});

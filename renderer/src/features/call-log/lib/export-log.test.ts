// Export of the call log: every page fetched, JSONL one entry per line, CSV safe to open in a
// spreadsheet. `control` is replaced by a double that serves pages from an array.
import { describe, expect, it, vi } from 'vitest';
import type { LogEntry, LogQuery } from '../../../api/contract-types.ts';
import { entry } from '../../../testing/log-entry.ts';

const pagesServed: LogQuery[] = [];
const ALL = Array.from({ length: 2500 }, (_, i) => entry({ seq: 2500 - i, id: `c${2500 - i}` }));

// Double of the control client: callLog.query over an in-memory log, newest first.
vi.mock('../../../api/control-client.ts', () => ({
  control: {
    call: async (method: string, query: LogQuery) => {
      if (method !== 'callLog.query') throw new Error(`unexpected ${method}`);
      pagesServed.push(query);
      const older = ALL.filter((e) => query.before === undefined || e.seq < query.before);
      const entries = older.slice(0, query.limit);
      return { entries, ...(older.length > entries.length ? { nextBefore: entries.at(-1)!.seq } : {}) };
    },
  },
}));

const { fetchAllEntries, toCsv, toJsonl } = await import('./export-log.ts');

describe('export of the call log', () => {
  it('fetches every page with the filters, reporting progress', async () => {
    const progress: number[] = [];
    const all = await fetchAllEntries({ server: 'git' }, (n) => progress.push(n));
    expect(all.map((e) => e.seq)).toEqual(ALL.map((e) => e.seq));
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pagesServed.map((q) => [q.server, q.before, q.limit])).toEqual([
      ['git', undefined, 1000],
      ['git', 1501, 1000],
      ['git', 501, 1000],
    ]);
  });

  it('JSONL: one entry per line, nothing for no entries', () => {
    const lines = toJsonl([entry({ seq: 1 }), entry({ seq: 2 })]).split('\n');
    expect(lines).toHaveLength(3);
    expect((JSON.parse(lines[1]!) as LogEntry).seq).toBe(2);
    expect(toJsonl([])).toBe('');
  });

  it('CSV: a header, quoted cells, and formulas defused', () => {
    const csv = toCsv([entry({ preview: 'say "hi", then\nleave', target: '=HYPERLINK("x")', error: undefined })]);
    const [header, row] = csv.split('\r\n');
    expect(header!.startsWith('seq,id,startedAt,durationMs,clientId')).toBe(true);
    expect(row).toContain('"say ""hi"", then\nleave"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

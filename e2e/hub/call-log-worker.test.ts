// The call log's worker thread starts when the log is first used and is let go when it has had
// nothing to do for a while; nothing recorded before, during or after a release is lost, and a
// read after a release sees everything. Real worker thread, real SQLite file, real journal.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CallLog } from '../../electron/hub/call-log/call-log.ts';
import type { CallRecord, LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { tempDir, waitFor } from '../helpers/hub-process.ts';

function entry(n: number): CallRecord {
  return {
    id: `call-${n}`,
    startedAt: new Date().toISOString(),
    durationMs: 1,
    clientId: 'cursor',
    clientLabel: 'Cursor',
    transport: 'socket',
    sessionId: 'session-1',
    serverId: 'memory',
    method: 'tools/call',
    target: `tool_${n}`,
    arguments: { n },
    class: 'read',
    decision: 'auto-read',
    outcome: 'ok',
    resultBytes: 2,
    preview: 'ok',
  };
}

describe('call log worker: started when needed, let go when idle', () => {
  let log: CallLog | undefined;
  afterEach(async () => log?.close());

  it('an unused log starts no worker; a released worker loses nothing and the next use starts another', async () => {
    const dir = tempDir('mcp-tray-log-worker-');
    const file = path.join(dir, 'calls.sqlite');
    log = await CallLog.open(file, { releaseAfterMs: 300 });
    expect(log.workerRunning).toBe(false);

    const heard: LogEntry[] = [];
    log.onEntry((e) => void heard.push(e));
    for (let n = 1; n <= 5; n++) log.record(entry(n));
    expect((await log.query({})).entries.map((e) => e.target).sort()).toEqual(['tool_1', 'tool_2', 'tool_3', 'tool_4', 'tool_5']);
    expect(log.workerRunning).toBe(true);
    await waitFor('listeners heard the 5 entries', () => heard.length === 5, 5000);

    await waitFor('the idle worker was let go', () => !log!.workerRunning, 5000);
    // Recorded after the release: a new worker stores them, listeners hear them.
    for (let n = 6; n <= 8; n++) log.record(entry(n));
    expect(await log.count({})).toBe(8);
    await waitFor('listeners heard the 3 later entries', () => heard.length === 8, 5000);
    expect(new Set(heard.map((e) => e.seq)).size).toBe(8);

    // Everything is in the database itself (nothing left only in the journal), exactly once.
    await log.close();
    log = await CallLog.open(file, { releaseAfterMs: 300 });
    expect(await log.count({})).toBe(8);
  });
});

// Test material for the renderer's unit tests: one call-log entry, with the fields a test cares about.
import type { LogEntry } from '../api/contract-types.ts';

export function entry(over: Partial<LogEntry> = {}): LogEntry {
  return {
    seq: 1,
    id: 'c1',
    startedAt: '2026-01-02T10:00:00.000Z',
    durationMs: 3,
    clientId: 'cursor',
    clientLabel: 'Cursor',
    transport: 'socket',
    sessionId: 's1',
    serverId: 'git',
    method: 'tools/call',
    target: 'git_log',
    arguments: { repo: '/src/Project' },
    class: 'read',
    decision: 'auto-read',
    outcome: 'ok',
    resultBytes: 10,
    preview: 'commit abc',
    ...over,
  };
}

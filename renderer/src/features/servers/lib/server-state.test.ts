// How a server's state reads: the pill and the sentence beside it.
import { describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { describeExit, processView, stateView } from './server-state.ts';

const NOW = Date.parse('2026-01-02T10:00:00Z');
const server = (over: Partial<ServerStatus>): ServerStatus =>
  ({ id: 'git', name: 'Git', kind: 'bundled', enabled: true, writeMode: 'off', startup: 'eager', state: 'stopped', failures: 0, tools: [], toolCounts: { read: 0, write: 0 }, resourceCount: 0, promptCount: 0, secrets: [], launch: 'node git', options: {}, ...over }) as ServerStatus;

describe('server state', () => {
  it('running: how long it has been up', () => {
    expect(stateView(server({ state: 'running', startedAt: '2026-01-02T09:58:30Z' }), NOW)).toEqual({ tone: 'ok', label: 'Running', detail: 'up 1 min 30 s' });
  });

  it('restarting: when the next attempt is, which failure, and how it last exited', () => {
    const view = stateView(server({ state: 'restarting', nextAttemptAt: '2026-01-02T10:00:04Z', failures: 2, lastExit: { code: 1, signal: null, at: '', stderrTail: [], reason: 'spawn ENOENT' } }), NOW);
    expect(view).toEqual({ tone: 'warn', label: 'Restarting', detail: 'next attempt in 4 s · failure 2 · last exit code 1 (spawn ENOENT)' });
  });

  it('crashed: gave up, and what to do', () => {
    expect(stateView(server({ state: 'crashed', failures: 5, lastExit: { code: null, signal: 'SIGKILL', at: '', stderrTail: [] } }), NOW).detail).toBe('gave up after 5 failures · last exit signal SIGKILL · restart it when fixed');
  });

  it('stopped: the problem that keeps it stopped, or that it starts on demand', () => {
    expect(stateView(server({ problem: 'missing secret GITHUB_TOKEN' }), NOW)).toEqual({ tone: 'warn', label: 'Stopped', detail: 'missing secret GITHUB_TOKEN' });
    expect(stateView(server({ startup: 'on-demand' }), NOW).detail).toBe('starts at its first call');
  });

  it('needs sign-in: why, in the words of the UI (the CLI hint stays in the problem)', () => {
    const hint = 'server "git" needs you to sign in: mcp-tray servers login git (or Sign in, in MCP Tray)';
    expect(stateView(server({ state: 'needs-sign-in', problem: hint, auth: { signedIn: false } }), NOW)).toEqual({ tone: 'warn', label: 'Needs sign-in', detail: 'sign in to use its tools' });
    expect(stateView(server({ state: 'needs-sign-in', problem: hint, auth: { signedIn: false, attempt: { startedAt: 'a', endedAt: 'b', error: 'no PKCE' } } }), NOW).detail).toBe('sign-in failed: no PKCE');
    expect(stateView(server({ state: 'needs-sign-in', problem: 'the metadata names another issuer', auth: { signedIn: true } }), NOW).detail).toBe('the metadata names another issuer');
  });

  it('per client: how many of its processes run, and that each client gets its own', () => {
    const process = { sessionId: 's1', clientId: 'cursor', clientLabel: 'Cursor', failures: 0 } as const;
    expect(stateView(server({ kind: 'stdio', sessions: 'per-client', clientProcesses: [] }), NOW)).toMatchObject({ tone: 'off', label: 'Per client' });
    const two = [{ ...process, state: 'running' as const }, { ...process, sessionId: 's2', state: 'running' as const }, { ...process, sessionId: 's3', state: 'stopped' as const }];
    expect(stateView(server({ kind: 'stdio', sessions: 'per-client', clientProcesses: two }), NOW)).toMatchObject({ tone: 'ok', label: '2 per client' });
  });

  it("one client's process: idle and stopped, restarting, crashed", () => {
    const base = { sessionId: 's1', clientId: 'cursor', clientLabel: 'Cursor', failures: 0 };
    expect(processView({ ...base, state: 'stopped' }, NOW, false)).toEqual({ tone: 'off', label: 'Idle, stopped', detail: "starts again at its client's next call" });
    expect(processView({ ...base, state: 'stopped' }, NOW, true)).toEqual({ tone: 'off', label: 'Closed', detail: undefined });
    expect(processView({ ...base, state: 'restarting', failures: 1, nextAttemptAt: '2026-01-02T10:00:02Z', lastExit: { code: null, signal: 'SIGKILL', at: '', stderrTail: [] } }, NOW, false)).toEqual({
      tone: 'warn',
      label: 'Restarting',
      detail: 'next attempt in 2 s · last exit signal SIGKILL',
    });
    expect(processView({ ...base, state: 'crashed', failures: 6 }, NOW, false).detail).toBe('gave up after 6 failures · restart the server when fixed');
  });

  it('no exit, no sentence about it', () => {
    expect(describeExit(server({}))).toBeUndefined();
  });
});

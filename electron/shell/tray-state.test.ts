import { describe, expect, it } from 'vitest';
import type { ClientRow } from '../hub/contract/api/clients.ts';
import type { ControlCall } from '../hub/contract/contract.ts';
import { installTargetsFrom, loadTrayState, statusLine, trayIconState, trayTooltip } from './tray-state.ts';
import { approval, server, session } from './testing/hub-fixtures.ts';

describe('tray state', () => {
  it('lists detected clients only, with their install status', () => {
    const row = (id: string, status: ClientRow['status'], problem?: string) => ({ id, label: id.toUpperCase(), status, ...(problem ? { problem } : {}) }) as ClientRow;
    expect(installTargetsFrom([row('zed', 'not-detected'), row('cursor', 'installed'), row('codex', 'unreadable', 'bad toml')])).toEqual([
      { id: 'cursor', label: 'CURSOR', status: 'installed' },
      { id: 'codex', label: 'CODEX', status: 'unreadable', problem: 'bad toml' },
    ]);
  });

  it('is read from status, settings and updates through the control API', async () => {
    const asked: string[] = [];
    const call = (async (method: string) => {
      asked.push(method);
      if (method === 'status') return { servers: [server({ id: 'git' })], clients: [session('s1')], approvals: [approval('a1')], problems: ['settings were reset'] };
      return { startAtLogin: true };
    }) as ControlCall;
    const state = await loadTrayState(call, []);
    expect(asked.sort()).toEqual(['settings.get', 'status', 'updates.status']);
    expect(state).toMatchObject({ startAtLogin: true, problems: ['settings were reset'], installTargets: [] });
    expect(state.sessions.map((s) => s.sessionId)).toEqual(['s1']);
  });

  it('counts enabled servers only in the status line', () => {
    const state = { servers: [server({ id: 'a' }), server({ id: 'b', enabled: false, state: 'disabled' })], approvals: [], sessions: [session('s1')], installTargets: [], startAtLogin: false, problems: [] };
    expect(statusLine(state)).toBe('1 of 1 server running · 1 client connected');
  });

  it('asks for attention while a held tool waits for review, not for a rejected one', () => {
    const held = (rejected: boolean) => ({ serverId: 'a', tool: 'bump', kind: 'changed' as const, fields: ['description'], becomesReadOnly: false, rejected, digest: '0'.repeat(64) });
    const base = { approvals: [], sessions: [], installTargets: [], startAtLogin: false, problems: [] };
    const waiting = { ...base, servers: [server({ id: 'a', heldTools: [held(false)] })] };
    expect(trayIconState(waiting)).toBe('attention');
    expect(trayTooltip(waiting)).toContain('1 changed tool to review');
    expect(trayIconState({ ...base, servers: [server({ id: 'a', heldTools: [held(true)] })] })).toBe('normal');
  });
});

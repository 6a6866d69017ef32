// The sessions the hub keeps for 2026-07-28 clients: one per client id and clientInfo, ended when
// idle (never while busy or waiting for an approval), and at most 16 per client id. The host is a
// double that opens plain ClientSessions, as the gateway does for this era.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientSession, type SessionIdentity } from '../client-session.ts';
import { MAX_MODERN_SESSIONS_PER_CLIENT, ModernSessions, TooManyModernSessionsError } from './modern-sessions.ts';

const identity = (clientId = 'cursor'): SessionIdentity => ({ clientId, label: clientId, transport: 'http' });
const envelope = (name: string, version = '1') => ({ protocolVersion: '2026-07-28', clientInfo: { name, version } });

function host() {
  const closed: ClientSession[] = [];
  return {
    closed,
    openModernSession: (id: SessionIdentity) => new ClientSession(id, undefined, undefined, 'modern'),
    closeModernSession: (session: ClientSession) => {
      session.closed = true;
      closed.push(session);
    },
  };
}

describe('ModernSessions', () => {
  let sessions: ModernSessions | undefined;
  afterEach(() => sessions?.close());

  it('keeps one session per client id and clientInfo, with the version its requests carry', () => {
    sessions = new ModernSessions(host());
    const a = sessions.resolve(identity(), envelope('ide'));
    expect(sessions.resolve(identity(), envelope('ide'))).toBe(a);
    expect(sessions.resolve(identity(), envelope('ide', '2'))).not.toBe(a);
    expect(sessions.resolve(identity('other'), envelope('ide'))).not.toBe(a);
    expect(a.info()).toMatchObject({ id: 'cursor', era: 'modern', protocolVersion: '2026-07-28', clientInfo: { name: 'ide', version: '1' } });
  });

  it('ends an idle session, never a busy one, and opens a new one at the next request', async () => {
    const h = host();
    sessions = new ModernSessions(h, 1000);
    const ended: ClientSession[] = [];
    sessions.ended = (session) => ended.push(session);
    const idle = sessions.resolve(identity(), envelope('idle'));
    const busy = sessions.resolve(identity(), envelope('busy'));
    let release = () => undefined as void;
    const running = sessions.during(busy, () => new Promise<void>((resolve) => (release = resolve)));
    sessions.reap(Date.now() + 5000);
    expect(h.closed).toEqual([idle]);
    // Told, so the calls it still has waiting for the client's input are given up.
    expect(ended).toEqual([idle]);
    expect(busy.closed).toBe(false);
    release();
    await running;
    expect(sessions.resolve(identity(), envelope('idle'))).not.toBe(idle);
  });

  it('makes room at the cap by ending the least recently used idle session, and refuses when none is idle', async () => {
    const h = host();
    sessions = new ModernSessions(h);
    const opened = Array.from({ length: MAX_MODERN_SESSIONS_PER_CLIENT }, (_, i) => {
      const session = sessions!.resolve(identity(), envelope(`ide-${i}`));
      session.lastSeen = 1000 + i;
      return session;
    });
    sessions.resolve(identity(), envelope('one-more'));
    expect(h.closed).toEqual([opened[0]]);
    // Every session of the client waits for an approval: nothing can make room.
    for (const session of sessions.sessions()) session.pendingApprovals = 1;
    expect(() => sessions!.resolve(identity(), envelope('too-many'))).toThrow(TooManyModernSessionsError);
    // Another client is not affected.
    expect(sessions.resolve(identity('other'), envelope('ide')).closed).toBe(false);
  });
});

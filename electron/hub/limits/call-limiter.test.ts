// The limiter as a table of calls against a clock the test moves: the sliding window, concurrency,
// scopes that match or not, the retry hint, and counters dropped with their limit.
import { describe, expect, it } from 'vitest';
import type { CallLimit } from '../settings/schema.ts';
import { CallLimiter, describeLimit, type LimitedCall } from './call-limiter.ts';

const bump: LimitedCall = { clientId: 'cursor', serverId: 'test', method: 'tools/call', target: 'bump' };

function setup(limits: CallLimit[]) {
  const clock = { now: 1_000_000 };
  const state = { limits };
  return { clock, state, limiter: new CallLimiter(() => state.limits, () => clock.now) };
}

describe('CallLimiter', () => {
  it('admits 5 calls in a minute, refuses the 6th with the time until the oldest leaves the window', () => {
    const { clock, limiter } = setup([{ id: 'limit-1', client: 'cursor', server: 'test', tool: 'bump', perMinute: 5 }]);
    for (let i = 0; i < 5; i++) {
      expect(limiter.admit(bump).admitted).toBe(true);
      clock.now += 1000;
    }
    const sixth = limiter.admit(bump);
    expect(sixth.admitted).toBe(false);
    if (sixth.admitted) return;
    expect(sixth.refusal.kind).toBe('per-minute');
    expect(sixth.refusal.retryAfterMs).toBe(55_000);
    expect(sixth.refusal.message).toContain('"limit-1"');
    expect(sixth.refusal.message).toContain('retry in 55 s');
    clock.now += 55_000;
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
  });

  it('counts only the calls its scope names: other clients, tools and methods pass', () => {
    const { limiter } = setup([{ id: 'limit-1', client: 'cursor', server: 'test', tool: 'bump', perMinute: 1 }]);
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
    expect(limiter.admit({ ...bump, clientId: 'vscode' }).admitted).toBe(true);
    expect(limiter.admit({ ...bump, target: 'peek' }).admitted).toBe(true);
    expect(limiter.admit({ ...bump, method: 'prompts/get' }).admitted).toBe(true);
    expect(limiter.admit({ ...bump, serverId: 'other' }).admitted).toBe(true);
  });

  it('a limit without a client is one budget shared by every client', () => {
    const { limiter } = setup([{ id: 'limit-1', server: 'test', perMinute: 2 }]);
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit({ ...bump, clientId: 'vscode', method: 'resources/read', target: 'file:///x' }).admitted).toBe(true);
    expect(limiter.admit({ ...bump, clientId: 'zed' }).admitted).toBe(false);
  });

  it('bounds calls at once; a release makes room, twice releasing counts once', () => {
    const { limiter } = setup([{ id: 'limit-1', client: 'cursor', concurrent: 2 }]);
    const a = limiter.admit(bump);
    const b = limiter.admit(bump);
    const c = limiter.admit(bump);
    expect([a.admitted, b.admitted, c.admitted]).toEqual([true, true, false]);
    if (!c.admitted) expect(c.refusal.kind).toBe('concurrent');
    if (a.admitted) {
      a.release();
      a.release();
    }
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
  });

  it('a refused call counts against no limit, not even one that had room', () => {
    const { state, limiter } = setup([
      { id: 'wide', client: 'cursor', perMinute: 3 },
      { id: 'narrow', client: 'cursor', server: 'test', tool: 'bump', perMinute: 1 },
    ]);
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
    expect(limiter.admit(bump).admitted).toBe(false);
    expect(limiter.admit({ ...bump, target: 'peek' }).admitted).toBe(true);
    expect(limiter.admit({ ...bump, target: 'peek' }).admitted).toBe(true);
    const fourth = limiter.admit({ ...bump, target: 'peek' });
    expect(fourth.admitted).toBe(false);
    if (!fourth.admitted) expect(fourth.refusal.limit.id).toBe('wide');
    expect(state.limits).toHaveLength(2);
  });

  it('drops the counters of a removed limit: a limit added again starts afresh', () => {
    const { state, limiter } = setup([{ id: 'limit-1', client: 'cursor', perMinute: 1 }]);
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
    state.limits = [];
    expect(limiter.admit(bump).admitted).toBe(true);
    state.limits = [{ id: 'limit-1', client: 'cursor', perMinute: 1 }];
    expect(limiter.admit(bump).admitted).toBe(true);
    expect(limiter.admit(bump).admitted).toBe(false);
  });

  it('says a limit in words', () => {
    expect(describeLimit({ id: 'x', client: 'cursor', server: 'test', tool: 'bump', perMinute: 5 })).toBe('5 calls per minute for client "cursor" on tool "bump" of server "test"');
    expect(describeLimit({ id: 'x', server: 'test', perMinute: 1, concurrent: 2 })).toBe('1 call per minute and 2 at once for all clients together on server "test"');
    expect(describeLimit({ id: 'x', concurrent: 4 })).toBe('4 at once for all clients together on every server');
  });
});

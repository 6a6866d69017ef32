// The approval gate: a write call in "ask" mode waits until the user decides, the deadline passes,
// write mode goes off, or the client goes away; each ends the wait once, with its own outcome.
// `MemoryRuleBook` is a double of the settings-backed rule book.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApprovalInfo } from '../contract/shapes.ts';
import { ClientSession } from '../gateway/client-session.ts';
import type { UpstreamTool } from '../upstream/passthrough-schemas.ts';
import { ApprovalQueue, EditedArgumentsError, type ApprovalCall, type RuleBook } from './approval-gate.ts';

/** Double of the settings-backed rule book. */
class MemoryRuleBook implements RuleBook {
  readonly rules: string[] = [];
  matches(clientId: string, serverId: string, tool: string): boolean {
    return this.rules.includes(`${clientId}/${serverId}/${tool}`);
  }
  add(clientId: string, serverId: string, tool: string): void {
    this.rules.push(`${clientId}/${serverId}/${tool}`);
  }
}

const item = { name: 'write_file', description: 'Writes a file', inputSchema: { type: 'object' }, annotations: { destructiveHint: true } } as UpstreamTool;

describe('ApprovalQueue', () => {
  let rules: MemoryRuleBook;
  let requested: ApprovalInfo[];
  let resolved: Array<[string, string]>;
  let queue: ApprovalQueue;
  let session: ClientSession;
  let deadline: number;

  const call = (over: Partial<ApprovalCall> = {}): ApprovalCall => ({ session, serverId: 'fs', tool: 'write_file', exposedName: 'write_file', args: { path: 'a.txt' }, item, ...over });

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-02T03:04:05.000Z'));
    rules = new MemoryRuleBook();
    requested = [];
    resolved = [];
    deadline = 120;
    queue = new ApprovalQueue(() => deadline, rules, { requested: (a) => requested.push(a), resolved: (id, d) => resolved.push([id, d]) });
    session = new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'socket' }, undefined, 'session-1');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces a request with what the user needs to decide, and its deadline', () => {
    void queue.request(call(), new AbortController().signal);
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({
      server: 'fs',
      tool: 'write_file',
      client: 'cursor',
      clientLabel: 'Cursor',
      sessionId: 'session-1',
      arguments: { path: 'a.txt' },
      description: 'Writes a file',
      annotations: { destructiveHint: true },
      requestedAt: '2026-01-02T03:04:05.000Z',
      deadline: '2026-01-02T03:06:05.000Z',
    });
    expect(queue.list()).toEqual(requested);
    expect(queue.get(requested[0]!.id)).toEqual(requested[0]);
  });

  it('approve once: this call only', async () => {
    const first = queue.request(call(), new AbortController().signal);
    expect(queue.decide(requested[0]!.id, 'approve-once')).toBe(true);
    await expect(first).resolves.toEqual({ decision: 'approved-once' });
    expect(queue.list()).toEqual([]);
    void queue.request(call(), new AbortController().signal);
    expect(requested).toHaveLength(2);
  });

  it('approve for the session: later calls of the same tool in that session pass, others still ask', async () => {
    const first = queue.request(call(), new AbortController().signal);
    queue.decide(requested[0]!.id, 'approve-session');
    await expect(first).resolves.toEqual({ decision: 'approved-session' });
    await expect(queue.request(call(), new AbortController().signal)).resolves.toEqual({ decision: 'approved-session' });
    const other = new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'socket' }, undefined, 'session-2');
    void queue.request(call({ session: other }), new AbortController().signal);
    void queue.request(call({ tool: 'delete_file' }), new AbortController().signal);
    expect(requested).toHaveLength(3);
  });

  it('approve always: a rule for this client, server and tool, kept in the rule book', async () => {
    const first = queue.request(call(), new AbortController().signal);
    queue.decide(requested[0]!.id, 'approve-always');
    await expect(first).resolves.toEqual({ decision: 'approved-rule' });
    expect(rules.rules).toEqual(['cursor/fs/write_file']);
    const otherSession = new ClientSession({ clientId: 'cursor', label: 'Cursor', transport: 'http' }, undefined, 'session-3');
    await expect(queue.request(call({ session: otherSession }), new AbortController().signal)).resolves.toEqual({ decision: 'approved-rule' });
    const otherClient = new ClientSession({ clientId: 'zed', label: 'Zed', transport: 'socket' }, undefined, 'session-4');
    void queue.request(call({ session: otherClient }), new AbortController().signal);
    expect(requested).toHaveLength(2);
  });

  it('deny: with the reason trimmed, or none when blank', async () => {
    const first = queue.request(call(), new AbortController().signal);
    queue.decide(requested[0]!.id, 'deny', '  wrong file  ');
    await expect(first).resolves.toEqual({ decision: 'denied-user', reason: 'wrong file' });
    const second = queue.request(call(), new AbortController().signal);
    queue.decide(requested[1]!.id, 'deny', '   ');
    await expect(second).resolves.toEqual({ decision: 'denied-user', reason: undefined });
  });

  it('the deadline denies the call, with the seconds it waited', async () => {
    deadline = 30;
    const waiting = queue.request(call(), new AbortController().signal);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(queue.list()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toEqual({ decision: 'denied-timeout', seconds: 30 });
    expect(queue.list()).toEqual([]);
  });

  it('a client that cancels leaves the queue; an already cancelled call never enters it', async () => {
    const abort = new AbortController();
    const waiting = queue.request(call(), abort.signal);
    abort.abort();
    await expect(waiting).resolves.toEqual({ decision: 'cancelled' });
    expect(queue.list()).toEqual([]);
    await expect(queue.request(call(), abort.signal)).resolves.toEqual({ decision: 'cancelled' });
    expect(requested).toHaveLength(1);
  });

  it('write mode going off denies every waiting call of that server only', async () => {
    const fs = queue.request(call(), new AbortController().signal);
    void queue.request(call({ serverId: 'git', tool: 'commit' }), new AbortController().signal);
    queue.denyServer('fs');
    await expect(fs).resolves.toEqual({ decision: 'denied-write-off' });
    expect(queue.list().map((a) => a.server)).toEqual(['git']);
  });

  it('a closed session takes its waiting calls with it', async () => {
    const mine = queue.request(call(), new AbortController().signal);
    const other = new ClientSession({ clientId: 'zed', label: 'Zed', transport: 'socket' }, undefined, 'session-9');
    void queue.request(call({ session: other }), new AbortController().signal);
    queue.dropSession('session-1');
    await expect(mine).resolves.toEqual({ decision: 'cancelled' });
    expect(queue.list().map((a) => a.sessionId)).toEqual(['session-9']);
  });

  it('decides once: a second decision, or one for an unknown id, is refused and changes nothing', async () => {
    const waiting = queue.request(call(), new AbortController().signal);
    const id = requested[0]!.id;
    expect(queue.decide(id, 'deny')).toBe(true);
    expect(queue.decide(id, 'approve-always')).toBe(false);
    expect(queue.decide('no-such-id', 'approve-once')).toBe(false);
    await expect(waiting).resolves.toEqual({ decision: 'denied-user', reason: undefined });
    expect(rules.rules).toEqual([]);
    expect(resolved).toEqual([[id, 'denied-user']]);
  });

  it('approves once with edited arguments that fit the schema; refuses others and keeps the call waiting', async () => {
    const schema = { type: 'object', properties: { path: { type: 'string' } }, required: ['path'], additionalProperties: false };
    const waiting = queue.request(call({ item: { ...item, inputSchema: schema } as UpstreamTool }), new AbortController().signal);
    const id = requested[0]!.id;
    expect(() => queue.decide(id, 'approve-once', undefined, { path: 3 })).toThrow(EditedArgumentsError);
    expect(() => queue.decide(id, 'approve-once', undefined, { path: 'b.txt', mode: 'x' })).toThrow(/do not fit the input schema of "write_file": the arguments must NOT have additional properties \("mode"\)/);
    expect(() => queue.decide(id, 'approve-session', undefined, { path: 'b.txt' })).toThrow(/this one call only/);
    expect(queue.list()).toHaveLength(1);
    expect(queue.decide(id, 'approve-once', undefined, { path: 'b.txt' })).toBe(true);
    await expect(waiting).resolves.toEqual({ decision: 'approved-once', editedArgs: { path: 'b.txt' } });
  });

  it('edits equal to the client\'s arguments are a plain approval', async () => {
    const waiting = queue.request(call(), new AbortController().signal);
    queue.decide(requested[0]!.id, 'approve-once', undefined, { path: 'a.txt' });
    await expect(waiting).resolves.toEqual({ decision: 'approved-once' });
  });

  describe('the preview of the effect', () => {
    it('is computed before the prompt and shown with it', async () => {
      const preview = vi.fn(async () => ({ kind: 'none' as const, reason: 'a reason' }));
      void queue.request(call({ preview }), new AbortController().signal);
      expect(requested).toHaveLength(0);
      await vi.waitFor(() => expect(requested).toHaveLength(1));
      expect(preview).toHaveBeenCalledTimes(1);
      expect(requested[0]?.preview).toEqual({ kind: 'none', reason: 'a reason' });
    });

    it('is not computed when no one will be asked (approved for the session)', async () => {
      const preview = vi.fn(async () => ({ kind: 'none' as const, reason: 'x' }));
      session.approvedTools.add('fs\u0000write_file');
      expect(await queue.request(call({ preview }), new AbortController().signal)).toEqual({ decision: 'approved-session' });
      expect(preview).not.toHaveBeenCalled();
    });

    it('a client that cancels while the preview runs is never prompted', async () => {
      const abort = new AbortController();
      let finish: () => void = () => undefined;
      const preview = () => new Promise<{ kind: 'none'; reason: string }>((resolve) => (finish = () => resolve({ kind: 'none', reason: 'late' })));
      const outcome = queue.request(call({ preview }), abort.signal);
      abort.abort();
      finish();
      expect(await outcome).toEqual({ decision: 'cancelled' });
      expect(requested).toHaveLength(0);
    });
  });
});

// How a remote server's sign-in reads in the UI.
import { describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { signedInLine, signInView } from './sign-in-view.ts';

const NOW = Date.parse('2026-01-02T10:00:00Z');
const server = (over: Partial<ServerStatus>): ServerStatus =>
  ({ id: 'linear', name: 'Linear', kind: 'http', enabled: true, writeMode: 'off', startup: 'eager', state: 'running', failures: 0, tools: [], toolCounts: { read: 0, write: 0 }, resourceCount: 0, promptCount: 0, secrets: [], launch: 'https://mcp.linear.app/mcp', options: {}, ...over }) as ServerStatus;

describe('sign-in view', () => {
  it('says nothing for a server that does not sign in, or has not been asked to', () => {
    expect(signInView(server({}), NOW)).toBeUndefined();
    expect(signInView(server({ auth: { signedIn: false } }), NOW)).toBeUndefined();
  });

  it('needs a sign-in, with why the last one failed', () => {
    expect(signInView(server({ state: 'needs-sign-in', auth: { signedIn: false } }), NOW)).toEqual({ kind: 'needed', error: undefined });
    const failed = server({ state: 'needs-sign-in', auth: { signedIn: false, attempt: { startedAt: 'a', endedAt: 'b', error: 'refused: no PKCE' } } });
    expect(signInView(failed, NOW)).toEqual({ kind: 'needed', error: 'refused: no PKCE' });
  });

  it('waits for the browser, offering the page', () => {
    const waiting = server({ state: 'needs-sign-in', auth: { signedIn: false, attempt: { startedAt: 'a', authorizationUrl: 'https://auth.example/authorize?x=1' } } });
    expect(signInView(waiting, NOW)).toEqual({ kind: 'waiting', url: 'https://auth.example/authorize?x=1' });
  });

  it('signed in: who, and when the token expires; and when the server wants more', () => {
    const auth = { signedIn: true, account: 'ada@example.com', expiresAt: '2026-01-02T10:04:05Z', pendingScope: 'read write' };
    expect(signInView(server({ auth }), NOW)).toEqual({ kind: 'signed-in', line: 'Signed in as ada@example.com · token expires in 4 min 05 s', moreScope: 'read write', error: undefined });
  });

  it('names the authorization server when the token names no account, and an expired token calmly', () => {
    expect(signedInLine({ signedIn: true, issuer: 'https://auth.example.com/', expiresAt: '2026-01-02T09:00:00Z' }, NOW)).toBe('Signed in at auth.example.com · token expired; renewed at the next call');
    expect(signedInLine({ signedIn: true }, NOW)).toBe('Signed in');
  });
});

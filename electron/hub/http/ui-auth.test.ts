import { describe, expect, it } from 'vitest';
import { CODE_LIFETIME_MS, SESSION_MAX_AGE_S, UiAuth, newUiToken } from './ui-auth.ts';

describe('UI sign-in codes and sessions', () => {
  const make = () => {
    let now = 1_700_000_000_000;
    const auth = new UiAuth(newUiToken(), () => now);
    auth.bind(4545);
    return { auth, advance: (ms: number) => (now += ms) };
  };

  it('a code is redeemed once; then it is "used"', () => {
    const { auth } = make();
    const { code } = auth.issueCode();
    expect(auth.checkCode(code)).toBe('valid');
    expect(auth.redeemCode(code)).toBe(true);
    expect(auth.redeemCode(code)).toBe(false);
    expect(auth.checkCode(code)).toBe('used');
    expect(auth.checkCode('never-issued')).toBe('unknown');
  });

  it('a code is valid for 60 s and not a moment longer', () => {
    const { auth, advance } = make();
    const { code } = auth.issueCode();
    advance(CODE_LIFETIME_MS - 1);
    expect(auth.checkCode(code)).toBe('valid');
    advance(1);
    expect(auth.checkCode(code)).toBe('expired');
    expect(auth.redeemCode(code)).toBe(false);
  });

  it('a session is the cookie and the page key together, for this port and this token', () => {
    const { auth } = make();
    const a = auth.newSession();
    const b = auth.newSession();
    expect(a.cookieName).toBe('mcp-tray-ui-4545');
    expect(auth.verify(a.cookieValue, a.key)).toBe(true);
    expect(auth.verify(a.cookieValue, b.key)).toBe(false);
    expect(auth.verify(a.cookieValue, undefined)).toBe(false);
    expect(auth.verify(undefined, a.key)).toBe(false);
    expect(auth.verify(a.cookieValue.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), a.key)).toBe(false);
    auth.bind(4546);
    expect(auth.verify(a.cookieValue, a.key)).toBe(false);
  });

  it('rotating the token ends every session and every open code', () => {
    const { auth } = make();
    const session = auth.newSession();
    const { code } = auth.issueCode();
    auth.replaceToken(newUiToken());
    expect(auth.verify(session.cookieValue, session.key)).toBe(false);
    expect(auth.checkCode(code)).toBe('unknown');
  });

  it('a session ends after its maximum age, and the issue time cannot be changed', () => {
    const { auth, advance } = make();
    const session = auth.newSession();
    advance(SESSION_MAX_AGE_S * 1000 - 1000);
    expect(auth.verify(session.cookieValue, session.key)).toBe(true);
    const [id, mac] = session.cookieValue.split('.') as [string, string];
    const [, random] = id.split(/_(.*)/s) as [string, string];
    const moved = `${Math.floor(Date.now() / 1000).toString(36)}_${random}.${mac}`;
    expect(auth.verify(moved, session.key)).toBe(false);
    advance(1000);
    expect(auth.verify(session.cookieValue, session.key)).toBe(false);
  });
});

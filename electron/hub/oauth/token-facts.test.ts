import { describe, expect, it } from 'vitest';
import { accountOf, expiryOf } from './token-facts.ts';

const jwt = (claims: Record<string, unknown>) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('token facts', () => {
  it('names the account from the id token first, then a JWT access token: e-mail, user name, name, subject', () => {
    expect(accountOf({ id_token: jwt({ sub: 's', email: 'ada@example.com' }), access_token: jwt({ sub: 'other' }) })).toBe('ada@example.com');
    expect(accountOf({ access_token: jwt({ sub: 'u1', preferred_username: 'ada' }) })).toBe('ada');
    expect(accountOf({ access_token: jwt({ sub: 'u1' }) })).toBe('u1');
  });

  it('says nothing for an opaque token or claims it cannot read', () => {
    expect(accountOf({ access_token: 'opaque-token-value' })).toBeUndefined();
    expect(accountOf({ access_token: 'a.not-base64-json.c' })).toBeUndefined();
  });

  it('counts the expiry from when the tokens arrived', () => {
    expect(expiryOf({ expires_in: 60 }, 1000)).toBe(61_000);
    expect(expiryOf({}, 1000)).toBeUndefined();
    expect(expiryOf({ expires_in: 0 }, 1000)).toBeUndefined();
  });
});

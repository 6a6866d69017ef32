import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../secrets/keychain.ts';
import { CHUNK_CHARS, OAuthStore } from './oauth-store.ts';

/** An in-memory double of the OS keychain (the real one is used by the integration tests). */
function memoryKeychain(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    status: async () => ({ available: true }),
    get: async (account) => entries.get(account) ?? null,
    set: async (account, value) => void entries.set(account, value),
    delete: async (account) => entries.delete(account),
  };
}

const tokens = (accessLength: number) => ({ tokens: { access_token: 'a'.repeat(accessLength), token_type: 'Bearer', refresh_token: 'r1', issuer: 'https://as' }, receivedAt: 1, expiresAt: 2 });

describe('OAuthStore', () => {
  it('keeps a short value in one entry, named <id>:oauth:<part>', async () => {
    const keychain = memoryKeychain();
    const store = new OAuthStore(keychain, 'linear');
    await store.writeTokens(tokens(100));
    expect([...keychain.entries.keys()]).toEqual(['linear:oauth:tokens']);
    expect((await store.readTokens())?.tokens.access_token).toHaveLength(100);
  });

  it('splits a value longer than a Windows credential holds, and reads it back whole', async () => {
    const keychain = memoryKeychain();
    const store = new OAuthStore(keychain, 'linear');
    for (const length of [CHUNK_CHARS - 150, CHUNK_CHARS + 1, 5000]) {
      await store.writeTokens(tokens(length));
      expect((await store.readTokens())?.tokens.access_token).toHaveLength(length);
      for (const value of keychain.entries.values()) expect(value.length).toBeLessThanOrEqual(CHUNK_CHARS);
    }
  });

  it('removes parts a shorter value no longer needs', async () => {
    const keychain = memoryKeychain();
    const store = new OAuthStore(keychain, 'linear');
    await store.writeTokens(tokens(5000));
    expect(keychain.entries.size).toBeGreaterThan(5);
    await store.writeTokens(tokens(2500));
    const parts = [...keychain.entries.keys()].filter((k) => k.includes('#'));
    expect(parts).toEqual(['linear:oauth:tokens#0', 'linear:oauth:tokens#1', 'linear:oauth:tokens#2']);
    await store.writeTokens(tokens(10));
    expect([...keychain.entries.keys()]).toEqual(['linear:oauth:tokens']);
  });

  it('reads a value cut short (a missing part) or not JSON as absent', async () => {
    const keychain = memoryKeychain();
    const store = new OAuthStore(keychain, 'linear');
    await store.writeTokens(tokens(3000));
    keychain.entries.delete('linear:oauth:tokens#1');
    expect(await store.readTokens()).toBeUndefined();
    keychain.entries.set('linear:oauth:client', '{not json');
    expect(await store.readClient()).toBeUndefined();
  });

  it('deletes every entry of the sign-in, parts included, and counts them', async () => {
    const keychain = memoryKeychain();
    const store = new OAuthStore(keychain, 'linear');
    await store.writeTokens(tokens(3000));
    await store.writeClient({ client_id: 'c1', issuer: 'https://as' });
    keychain.entries.set('linear:oauth:client-secret', 's3cret');
    keychain.entries.set('other:oauth:tokens', 'kept');
    expect(await store.deleteAll()).toBe(7);
    expect([...keychain.entries.keys()]).toEqual(['other:oauth:tokens']);
  });
});

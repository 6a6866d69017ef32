// A server's sign-in in the keychain (docs/oauth.md): `<id>:oauth:tokens` (JSON: the tokens as the
// SDK saved them, when the access token expires, where the server's metadata is), `<id>:oauth:client`
// (the client registration, or the binding of a user-entered client id to its authorization server)
// and `<id>:oauth:client-secret` (a secret the user entered). Windows' Credential Manager holds at most
// 2,560 bytes per entry (UTF-16: about 1,280 characters), less than a pair of JWTs: a longer value is
// split into `<account>#0…#n-1`, and `<account>` then says `chunked:v1:<n>`.
import type { OAuthClientInformationMixed, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { accounts, type SecretStore } from '../secrets/keychain.ts';

/** Characters per keychain entry: below Windows' limit with room to spare. */
export const CHUNK_CHARS = 1000;
const CHUNKED = /^chunked:v1:(\d{1,3})$/;

export interface StoredTokens {
  /** As the SDK handed them to saveTokens (stamped with the issuer they came from). */
  readonly tokens: OAuthTokens;
  /** When they arrived, and when the access token expires (ms since the epoch). */
  readonly receivedAt: number;
  readonly expiresAt?: number;
  /** The metadata URL the server named in its challenge, for refreshing after a restart. */
  readonly resourceMetadataUrl?: string;
}

export type OAuthPart = 'tokens' | 'client' | 'client-secret';
export const OAUTH_PARTS: readonly OAuthPart[] = ['tokens', 'client', 'client-secret'];

export class OAuthStore {
  readonly #keychain: SecretStore;
  readonly #serverId: string;

  constructor(keychain: SecretStore, serverId: string) {
    this.#keychain = keychain;
    this.#serverId = serverId;
  }

  account(part: OAuthPart): string {
    return accounts.oauth(this.#serverId, part);
  }

  async readTokens(): Promise<StoredTokens | undefined> {
    const value = parseJson(await this.readValue(this.account('tokens')));
    return value && typeof value === 'object' && typeof (value as StoredTokens).tokens?.access_token === 'string' ? (value as StoredTokens) : undefined;
  }

  writeTokens(tokens: StoredTokens): Promise<void> {
    return this.writeValue(this.account('tokens'), JSON.stringify(tokens));
  }

  async readClient(): Promise<OAuthClientInformationMixed | undefined> {
    const value = parseJson(await this.readValue(this.account('client')));
    return value && typeof value === 'object' && typeof (value as OAuthClientInformationMixed).client_id === 'string' ? (value as OAuthClientInformationMixed) : undefined;
  }

  writeClient(client: OAuthClientInformationMixed): Promise<void> {
    return this.writeValue(this.account('client'), JSON.stringify(client));
  }

  /** The client secret the user entered (set through the secrets API, one entry). */
  async readClientSecret(): Promise<string | undefined> {
    return (await this.#keychain.get(this.account('client-secret'))) ?? undefined;
  }

  /** Deletes one part; the number of keychain entries removed. */
  delete(part: OAuthPart): Promise<number> {
    return this.deleteValue(this.account(part));
  }

  /** Deletes everything of this server's sign-in; the number of keychain entries removed. */
  async deleteAll(): Promise<number> {
    let deleted = 0;
    for (const part of OAUTH_PARTS) deleted += await this.delete(part);
    return deleted;
  }

  async readValue(account: string): Promise<string | undefined> {
    const head = await this.#keychain.get(account);
    if (head === null) return undefined;
    const chunked = CHUNKED.exec(head);
    if (!chunked) return head;
    const parts: string[] = [];
    for (let i = 0; i < Number(chunked[1]); i++) {
      const part = await this.#keychain.get(`${account}#${i}`);
      // A value cut short (a crash between writes) reads as absent: the user signs in again.
      if (part === null) return undefined;
      parts.push(part);
    }
    return parts.join('');
  }

  async writeValue(account: string, value: string): Promise<void> {
    const before = await this.#chunkCount(account);
    if (value.length <= CHUNK_CHARS) {
      await this.#keychain.set(account, value);
      await this.#deleteChunks(account, 0, before);
      return;
    }
    const count = Math.ceil(value.length / CHUNK_CHARS);
    // The parts first, then the head that names them.
    for (let i = 0; i < count; i++) await this.#keychain.set(`${account}#${i}`, value.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
    await this.#keychain.set(account, `chunked:v1:${count}`);
    await this.#deleteChunks(account, count, before);
  }

  async deleteValue(account: string): Promise<number> {
    const count = await this.#chunkCount(account);
    let deleted = (await this.#keychain.delete(account)) ? 1 : 0;
    deleted += await this.#deleteChunks(account, 0, count);
    return deleted;
  }

  async #chunkCount(account: string): Promise<number> {
    const head = await this.#keychain.get(account);
    const chunked = head === null ? null : CHUNKED.exec(head);
    return chunked ? Number(chunked[1]) : 0;
  }

  async #deleteChunks(account: string, from: number, to: number): Promise<number> {
    let deleted = 0;
    for (let i = from; i < to; i++) if (await this.#keychain.delete(`${account}#${i}`)) deleted++;
    return deleted;
  }
}

function parseJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

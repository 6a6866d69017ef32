// Per-client bearer tokens for the HTTP endpoint (docs/gateway.md, docs/clients.md): issued per client id, kept in
// the OS keychain (account `client:<id>`), listed in settings by id only, revocable. A request is
// attributed to the client whose token it carries; comparison is constant-time.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { KnownSecrets } from '../call-log/redact.ts';
import { accounts, type SecretStore } from '../secrets/keychain.ts';
import type { SettingsStore } from '../settings/store.ts';

export class ClientTokens {
  readonly #keychain: SecretStore;
  readonly #settings: SettingsStore;
  /** token → client id and the token's bytes, for the clients whose tokens were read from the keychain. */
  readonly #known = new Map<string, { clientId: string; bytes: Buffer }>();
  #loaded: Promise<void> | undefined;
  /** The keychain has been read (verify needs no wait). */
  #ready = false;
  readonly #knownSecrets: KnownSecrets | undefined;

  constructor(keychain: SecretStore, settings: SettingsStore, knownSecrets?: KnownSecrets) {
    this.#keychain = keychain;
    this.#settings = settings;
    this.#knownSecrets = knownSecrets;
  }

  /** Reads the issued tokens now, so logs can be scrubbed of them from the start. */
  learn(): Promise<void> {
    return this.#load();
  }

  clients(): string[] {
    return this.#settings.get().httpClients.map((c) => c.clientId);
  }

  /** The profile a client's token is bound to (docs/profiles.md), if any. */
  profileOf(clientId: string): string | undefined {
    return this.#settings.get().httpClients.find((c) => c.clientId === clientId)?.profile;
  }

  /**
   * The client's token: the one it has, or a new one. Throws when the keychain is unavailable.
   * With `profile`, the token is bound to that profile (the same token: sessions see the change).
   */
  async issue(clientId: string, profile?: string): Promise<string> {
    await this.#load();
    const existing = await this.#keychain.get(accounts.client(clientId));
    if (existing) {
      this.#remember(existing, clientId);
      if (!this.clients().includes(clientId)) this.#settings.update((s) => void s.httpClients.push({ clientId, issuedAt: new Date().toISOString(), profile }));
      else if (profile !== undefined) this.#bind(clientId, profile);
      return existing;
    }
    const token = `mtr_${randomBytes(32).toString('base64url')}`;
    await this.#keychain.set(accounts.client(clientId), token);
    this.#remember(token, clientId);
    if (!this.clients().includes(clientId)) {
      this.#settings.update((s) => void s.httpClients.push({ clientId, issuedAt: new Date().toISOString(), profile }));
    } else if (profile !== undefined) this.#bind(clientId, profile);
    return token;
  }

  #bind(clientId: string, profile: string): void {
    this.#settings.update((s) => void (s.httpClients = s.httpClients.map((c) => (c.clientId === clientId ? { ...c, profile } : c))));
  }

  /** Deletes the token; requests carrying it are refused from now on. */
  async revoke(clientId: string): Promise<boolean> {
    await this.#load();
    for (const [token, owner] of this.#known) if (owner.clientId === clientId) this.#known.delete(token);
    const deleted = await this.#keychain.delete(accounts.client(clientId)).catch(() => false);
    const listed = this.clients().includes(clientId);
    if (listed) this.#settings.update((s) => void (s.httpClients = s.httpClients.filter((c) => c.clientId !== clientId)));
    return deleted || listed;
  }

  /** The client id a bearer token belongs to, or undefined (a promise only until the keychain has been read). */
  verify(token: string): string | undefined | Promise<string | undefined> {
    if (!this.#ready) return this.#load().then(() => this.#match(token));
    return this.#match(token);
  }

  /** Compares with every known token, in constant time for tokens of the same length. */
  #match(token: string): string | undefined {
    const candidate = Buffer.from(token);
    let owner: string | undefined;
    for (const { clientId, bytes } of this.#known.values()) {
      if (bytes.length === candidate.length && timingSafeEqual(bytes, candidate)) owner = clientId;
    }
    return owner;
  }

  #load(): Promise<void> {
    this.#loaded ??= (async () => {
      const status = await this.#keychain.status();
      if (!status.available) return;
      for (const clientId of this.clients()) {
        const token = await this.#keychain.get(accounts.client(clientId)).catch(() => null);
        if (token) this.#remember(token, clientId);
      }
    })()
      .catch(() => {
        // A keychain that fails here fails again, visibly, when a token is issued.
      })
      .finally(() => {
        this.#ready = true;
      });
    return this.#loaded;
  }

  #remember(token: string, clientId: string): void {
    this.#known.set(token, { clientId, bytes: Buffer.from(token) });
    this.#knownSecrets?.add(token);
  }
}

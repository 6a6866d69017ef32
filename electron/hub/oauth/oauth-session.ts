// One remote server's sign-in (docs/oauth.md): its tokens and client (keychain, cached in memory so
// a request does not wait for the keychain), the fetch its requests go through, the timer that
// refreshes ahead of expiry, the sign-in in progress, and what the UIs show. It tells its owner
// (server-manager.ts) when the user must sign in and when a sign-in succeeded; it never opens a
// browser on its own.
import { auth, buildDiscoveryUrls, discoverOAuthServerInfo, type OAuthClientProvider, type OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { KnownSecrets } from '../call-log/redact.ts';
import type { SignInAttempt, SignInInfo } from '../contract/shapes.ts';
import { KeychainUnavailableError, type SecretStore } from '../secrets/keychain.ts';
import type { HttpServerDefinition } from '../settings/schema.ts';
import { unionScopes, type ServerMetadata } from './discovery-checks.ts';
import { KeychainOAuthProvider, type OAuthSettings, type SignInState } from './keychain-oauth-provider.ts';
import { createOAuthFetch, type OAuthFetch } from './oauth-fetch.ts';
import { OAuthStore, type StoredTokens } from './oauth-store.ts';
import { RefreshTimer } from './refresh-timer.ts';
import { revokeTokens } from './revocation.ts';
import { SignInFlow } from './sign-in-flow.ts';
import { AuthServerUnreachableError, MoreScopeRequiredError, needsSignIn, SignInRefusedError, SignInReplacedError, SignInRequiredError } from './sign-in-errors.ts';
import { accountOf, expiryOf } from './token-facts.ts';

const RETRY_REFRESH_MS = 30_000;

export interface OAuthSessionDeps {
  readonly serverId: string;
  readonly definition: () => HttpServerDefinition;
  readonly keychain: SecretStore;
  readonly knownSecrets: KnownSecrets;
  /** The server's static and secret headers, for its own origin only. */
  readonly headers: () => Promise<Record<string, string>>;
  readonly log: (text: string) => void;
  /** The user must sign in (the reason says how): stop the connection and wait. */
  readonly signInRequired: (reason: string) => void;
  /** A sign-in succeeded: connect with the new tokens (resolves when connected, or not). */
  readonly signedIn: () => Promise<void>;
  /** What `info()` says changed. */
  readonly changed: () => void;
  /** Whether refreshing ahead of expiry is worth it (the server is enabled). */
  readonly active: () => boolean;
}

export interface TransportAuth {
  readonly authProvider: OAuthClientProvider;
  readonly fetch: FetchLike;
}

export class OAuthSession implements SignInState {
  readonly serverId: string;
  discovery: OAuthDiscoveryState | undefined;
  readonly redirectsRefused: string[] = [];
  readonly #deps: OAuthSessionDeps;
  readonly #store: OAuthStore;
  readonly #fetch: OAuthFetch;
  readonly #background: KeychainOAuthProvider;
  readonly #timer: RefreshTimer;
  #loaded: Promise<void> | undefined;
  #tokens: StoredTokens | undefined;
  #client: OAuthClientInformationMixed | undefined;
  #clientSecret: string | undefined;
  #resourceMetadataUrl: string | undefined;
  #pendingScope: string | undefined;
  #flow: SignInFlow | undefined;
  #attempt: SignInAttempt | undefined;

  constructor(deps: OAuthSessionDeps) {
    this.serverId = deps.serverId;
    this.#deps = deps;
    this.#store = new OAuthStore(deps.keychain, deps.serverId);
    this.#fetch = createOAuthFetch({
      serverUrl: () => deps.definition().url,
      moreScope: (scope) => this.#moreScope(scope),
      redirectRefused: (from, to) => this.redirectsRefused.push(`${from} → ${to}`),
    });
    this.#background = new KeychainOAuthProvider(this);
    this.#timer = new RefreshTimer(() => this.#refreshAhead());
  }

  get serverUrl(): string {
    return this.#deps.definition().url;
  }

  settings(): OAuthSettings {
    const def = this.#deps.definition();
    return { clientId: def.oauthClientId, clientMetadataUrl: def.oauthClientMetadataUrl, scopes: def.oauthScopes };
  }

  tokens(): StoredTokens | undefined {
    return this.#tokens;
  }

  client(): OAuthClientInformationMixed | undefined {
    return this.#client;
  }

  clientSecret(): string | undefined {
    return this.#clientSecret;
  }

  /** Reads the keychain once (and again after `reload`); every stored value becomes a known secret. */
  load(): Promise<void> {
    this.#loaded ??= (async () => {
      const [tokens, client, secret] = await Promise.all([this.#store.readTokens(), this.#store.readClient(), this.#store.readClientSecret()]);
      this.#setTokens(tokens);
      this.#client = client;
      this.#learn(client?.client_secret);
      this.#clientSecret = secret;
      this.#learn(secret);
      this.#resourceMetadataUrl = tokens?.resourceMetadataUrl;
      this.#planRefresh();
    })().catch((error: unknown) => {
      this.#loaded = undefined;
      throw error;
    });
    return this.#loaded;
  }

  /** The server's URL changed: discover again at the next refresh. */
  forgetDiscovery(): void {
    this.discovery = undefined;
  }

  /** The user set or deleted the client secret: read it again at the next use. */
  reload(): void {
    this.#loaded = undefined;
  }

  /** What the MCP transport needs: the background provider and the fetch with the server's headers. */
  async transport(headers: Record<string, string>): Promise<TransportAuth> {
    // Without a keychain there are no tokens: a server that asks for a sign-in then waits for one
    // (which says the keychain is needed); one that does not ask works as before.
    await this.load().catch((error: unknown) => {
      if (!(error instanceof KeychainUnavailableError)) throw error;
    });
    this.redirectsRefused.length = 0;
    return { authProvider: this.#background, fetch: this.#fetch.withHeaders(headers) };
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    const receivedAt = Date.now();
    const stored: StoredTokens = { tokens, receivedAt, expiresAt: expiryOf(tokens, receivedAt), ...(this.#resourceMetadataUrl ? { resourceMetadataUrl: this.#resourceMetadataUrl } : {}) };
    await this.#store.writeTokens(stored);
    this.#setTokens(stored);
    this.#planRefresh();
    this.#deps.changed();
  }

  async saveClient(client: OAuthClientInformationMixed): Promise<void> {
    await this.#store.writeClient(client);
    this.#client = client;
    this.#learn(client.client_secret);
  }

  async forgetTokens(): Promise<void> {
    await this.#store.delete('tokens');
    this.#setTokens(undefined);
    this.#timer.stop();
    this.#deps.changed();
  }

  async forgetClient(): Promise<void> {
    await this.#store.delete('client');
    if (this.#client?.client_secret) this.#deps.knownSecrets.delete(this.#client.client_secret);
    this.#client = undefined;
  }

  signInRequired(error: SignInRequiredError | SignInRefusedError): SignInRequiredError | SignInRefusedError {
    this.#timer.stop();
    // After the SDK's own call stack has unwound: the owner stops the connection that threw.
    queueMicrotask(() => this.#deps.signInRequired(error.message));
    return error;
  }

  signInHint(): string {
    return `server "${this.serverId}" needs you to sign in: mcp-tray servers login ${this.serverId} (or Sign in, in MCP Tray)`;
  }

  /** What a UI shows: never a token. */
  info(): SignInInfo {
    const stored = this.#tokens;
    return {
      signedIn: stored !== undefined,
      account: stored ? accountOf(stored.tokens) : undefined,
      issuer: stored?.tokens.issuer,
      scope: stored?.tokens.scope,
      expiresAt: stored?.expiresAt === undefined ? undefined : new Date(stored.expiresAt).toISOString(),
      pendingScope: this.#pendingScope,
      attempt: this.#attempt,
    };
  }

  /**
   * Starts a sign-in in the browser (an earlier one of this server is cancelled) and resolves with
   * its authorization URL. The outcome: `signedIn()` and `changed()`, or the attempt's error.
   */
  async login(options: { scope?: string; redirectPort?: number } = {}): Promise<{ authorizationUrl: string; startedAt: string }> {
    await this.load();
    await this.#flow?.cancel('a new sign-in started');
    const attempt: SignInAttempt = { startedAt: new Date().toISOString() };
    this.#attempt = attempt;
    this.redirectsRefused.length = 0;
    this.#deps.changed();
    // Asking again after the server wanted more: what was granted plus what it asked for.
    const scope = options.scope ?? (this.#pendingScope ? unionScopes(this.#tokens?.tokens.scope, this.#pendingScope) : undefined);
    let flow: SignInFlow;
    try {
      flow = await SignInFlow.start({
        state: this,
        fetch: this.#fetch.withHeaders(await this.#deps.headers()),
        scope,
        redirectPort: options.redirectPort,
        preferredPort: registeredPort(this.#client),
        resourceMetadataUrl: (url) => (this.#resourceMetadataUrl = url ?? this.#resourceMetadataUrl),
        log: this.#deps.log,
      });
    } catch (error) {
      this.#endAttempt(attempt, describe(error));
      throw error;
    }
    this.#flow = flow;
    this.#attempt = { ...attempt, authorizationUrl: flow.authorizationUrl };
    this.#deps.changed();
    void flow.done.then(
      async () => {
        this.#pendingScope = undefined;
        this.#deps.log(`signed in${this.#tokens?.tokens.scope ? ` (scope: ${this.#tokens.tokens.scope})` : ''}`);
        // The attempt ends once the server is connected again, so "done" means usable.
        await this.#deps.signedIn().catch(() => undefined);
        this.#endAttempt(attempt);
      },
      (error: unknown) => {
        this.#deps.log(`sign-in did not complete: ${describe(error)}`);
        this.#endAttempt(attempt, describe(error));
      },
    );
    return { authorizationUrl: flow.authorizationUrl, startedAt: attempt.startedAt };
  }

  async cancelLogin(): Promise<void> {
    await this.#flow?.cancel('the sign-in was cancelled');
  }

  /**
   * Signs out: revokes at the authorization server where it offers revocation, then deletes the
   * tokens and the client registration from the keychain (a user-entered client secret stays).
   */
  async logout(): Promise<{ revoked: string[]; deleted: number; problems: string[] }> {
    await this.load();
    await this.cancelLogin();
    const stored = this.#tokens;
    let revocation = { revoked: [] as string[], problems: [] as string[] };
    if (stored) {
      try {
        const md = await this.#authorizationServerMetadata();
        revocation = await revokeTokens(md, this.#background.clientInformation(), stored.tokens, this.#fetch.fetch);
      } catch (error) {
        revocation.problems.push(`the tokens could not be revoked: ${describe(error)}`);
      }
    }
    let deleted = await this.#store.delete('tokens');
    deleted += await this.#store.delete('client');
    this.#setTokens(undefined);
    if (this.#client?.client_secret) this.#deps.knownSecrets.delete(this.#client.client_secret);
    this.#client = undefined;
    this.#pendingScope = undefined;
    this.discovery = undefined;
    this.#timer.stop();
    this.#deps.log(`signed out${revocation.revoked.length ? ` (revoked: ${revocation.revoked.join(', ')})` : ''}`);
    this.#deps.changed();
    return { ...revocation, deleted };
  }

  /** The server is removed: sign out, and delete the user-entered client secret too. */
  async forget(): Promise<number> {
    let deleted = 0;
    try {
      deleted += (await this.logout()).deleted;
    } catch {
      // keychain trouble: the entries below are tried regardless
    }
    deleted += await this.#store.deleteAll().catch(() => 0);
    if (this.#clientSecret) this.#deps.knownSecrets.delete(this.#clientSecret);
    this.#timer.stop();
    return deleted;
  }

  stop(): void {
    this.#timer.stop();
    void this.#flow?.cancel('the server was stopped');
  }

  #moreScope(scope: string | undefined): MoreScopeRequiredError {
    const granted = this.#tokens?.tokens.scope;
    this.#pendingScope = unionScopes(this.#pendingScope, scope) ?? granted;
    const grantedSet = new Set((granted ?? '').split(/\s+/));
    const missing = (scope ?? '').split(/\s+/).filter((s) => s && !grantedSet.has(s));
    this.#deps.log(`the server asked for more permission${missing.length ? ` (${missing.join(' ')})` : ''} than was granted`);
    this.#deps.changed();
    return new MoreScopeRequiredError(
      `server "${this.serverId}" needs more permission${missing.length ? ` (${missing.join(' ')})` : ''} than you granted: sign in again with mcp-tray servers login ${this.serverId} (or Sign in, in MCP Tray)`,
      this.#pendingScope ?? '',
    );
  }

  async #refreshAhead(): Promise<void> {
    const stored = this.#tokens;
    if (!stored?.tokens.refresh_token || !this.#deps.active()) return;
    try {
      await auth(this.#background, {
        serverUrl: this.serverUrl,
        resourceMetadataUrl: stored.resourceMetadataUrl ? new URL(stored.resourceMetadataUrl) : undefined,
        fetchFn: this.#fetch.withHeaders(await this.#deps.headers()),
      });
    } catch (error) {
      if (needsSignIn(error)) return; // the owner was told
      if (error instanceof SignInReplacedError) return; // the newer sign-in planned its own refresh
      this.#deps.log(`refreshing the sign-in failed: ${describe(error)}; trying again in ${RETRY_REFRESH_MS / 1000} s`);
      if (this.#tokens?.tokens.refresh_token) this.#timer.after(RETRY_REFRESH_MS);
    }
  }

  #planRefresh(): void {
    const stored = this.#tokens;
    if (stored?.tokens.refresh_token && stored.expiresAt !== undefined) this.#timer.at(stored.receivedAt, stored.expiresAt);
    else this.#timer.stop();
  }

  /** The authorization server's metadata, with its revocation endpoint even where OpenID discovery dropped it. */
  async #authorizationServerMetadata(): Promise<ServerMetadata | undefined> {
    let md: ServerMetadata | undefined = this.discovery?.authorizationServerMetadata;
    let issuer = this.discovery?.authorizationServerUrl;
    if (!md) {
      const info = await discoverOAuthServerInfo(this.serverUrl, {
        resourceMetadataUrl: this.#resourceMetadataUrl ? new URL(this.#resourceMetadataUrl) : undefined,
        fetchFn: this.#fetch.fetch,
      });
      md = info.authorizationServerMetadata;
      issuer = info.authorizationServerUrl;
    }
    if (!md || md.revocation_endpoint || !issuer) return md;
    for (const { url } of buildDiscoveryUrls(issuer)) {
      const response = await this.#fetch.fetch(url, { headers: { accept: 'application/json' }, redirect: 'manual' }).catch(() => undefined);
      const raw = response?.ok ? ((await response.json().catch(() => undefined)) as Record<string, unknown> | undefined) : undefined;
      if (typeof raw?.revocation_endpoint === 'string') return { ...md, revocation_endpoint: raw.revocation_endpoint };
    }
    return md;
  }

  #setTokens(stored: StoredTokens | undefined): void {
    const before = this.#tokens?.tokens;
    for (const value of [before?.access_token, before?.refresh_token, before?.id_token]) if (value) this.#deps.knownSecrets.delete(value);
    this.#tokens = stored;
    for (const value of [stored?.tokens.access_token, stored?.tokens.refresh_token, stored?.tokens.id_token]) this.#learn(value);
  }

  #learn(value: string | undefined): void {
    if (value) this.#deps.knownSecrets.add(value);
  }

  #endAttempt(attempt: SignInAttempt, error?: string): void {
    if (this.#attempt?.startedAt !== attempt.startedAt) return;
    this.#attempt = { ...this.#attempt, endedAt: new Date().toISOString(), ...(error ? { error } : {}) };
    this.#flow = undefined;
    this.#deps.changed();
  }
}

/** The loopback port a stored registration names, to use again so it stays valid. */
function registeredPort(client: OAuthClientInformationMixed | undefined): number | undefined {
  const uri = client && 'redirect_uris' in client ? client.redirect_uris[0] : undefined;
  if (!uri) return undefined;
  try {
    const port = Number(new URL(String(uri)).port);
    return port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof AuthServerUnreachableError || error instanceof SignInRefusedError || error instanceof SignInRequiredError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { errorCode?: string }).errorCode;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

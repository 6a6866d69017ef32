// The SDK's OAuthClientProvider over a server's sign-in state (keychain-backed, cached in memory).
// Two modes: in the background (the MCP transport and the refresh timer) it may only refresh, never
// register a client or open a browser: with no refresh token it fails at once with "sign in"; in a
// sign-in (interactive) it registers when needed, checks everything the SDK leaves unchecked
// (discovery-checks.ts) and hands the authorization URL to the sign-in flow.
import { randomBytes } from 'node:crypto';
import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { checkAuthorizationUrl, checkDiscovery, sameUrl, type ServerMetadata } from './discovery-checks.ts';
import type { LoopbackReceiver } from './loopback-receiver.ts';
import type { StoredTokens } from './oauth-store.ts';
import { AuthServerUnreachableError, SignInRefusedError, SignInReplacedError, SignInRequiredError } from './sign-in-errors.ts';
import { CALLBACK_PATH } from './loopback-receiver.ts';

/** The sign-in settings of a server (settings.json). */
export interface OAuthSettings {
  readonly clientId?: string;
  readonly clientMetadataUrl?: string;
  readonly scopes?: string;
}

/** What the provider reads and changes: one server's sign-in state (oauth-session.ts). */
export interface SignInState {
  readonly serverId: string;
  readonly serverUrl: string;
  settings(): OAuthSettings;
  tokens(): StoredTokens | undefined;
  client(): OAuthClientInformationMixed | undefined;
  clientSecret(): string | undefined;
  saveTokens(tokens: OAuthTokens): Promise<void>;
  saveClient(client: OAuthClientInformationMixed): Promise<void>;
  forgetTokens(): Promise<void>;
  forgetClient(): Promise<void>;
  /** Discovery kept between background refreshes (memory only). */
  discovery: OAuthDiscoveryState | undefined;
  /** Cross-host redirects refused during this discovery. */
  readonly redirectsRefused: string[];
  /** Tells the server's owner that the user must sign in; returns the error to throw. */
  signInRequired(error: SignInRequiredError | SignInRefusedError): SignInRequiredError | SignInRefusedError;
  signInHint(): string;
}

export interface InteractiveMode {
  readonly receiver: LoopbackReceiver;
  /** The scopes this sign-in asks for, when chosen here (a step-up). */
  readonly scope?: string;
  /** The checked authorization URL, the state it carries and the issuer to expect back. */
  authorize(url: URL, state: string, issuer: string | undefined): void;
}

/** RFC 7591 metadata plus `application_type`, which the SDK's type lacks but sends as given. */
type ClientMetadata = OAuthClientMetadata & { application_type: 'native' };

export class KeychainOAuthProvider implements OAuthClientProvider {
  readonly #state: SignInState;
  readonly #interactive: InteractiveMode | undefined;
  #verifier: string | undefined;
  #sentState: string | undefined;
  /** A sign-in's new registration, stored only with its tokens: a cancelled sign-in leaves the working one. */
  #registered: OAuthClientInformationMixed | undefined;
  #discovery: OAuthDiscoveryState | undefined;
  /** In the background: the stored sign-in the current refresh started from (set in `clientInformation`). */
  #refreshingFrom: StoredTokens | undefined;

  constructor(state: SignInState, interactive?: InteractiveMode) {
    this.#state = state;
    this.#interactive = interactive;
  }

  get clientMetadataUrl(): string | undefined {
    return this.#state.settings().clientMetadataUrl;
  }

  get redirectUrl(): string {
    if (this.#interactive) return this.#interactive.receiver.redirectUrl;
    // In the background nothing is redirected; the value only marks the flow as interactive.
    const registered = this.#state.client();
    return registered && 'redirect_uris' in registered && registered.redirect_uris[0] ? String(registered.redirect_uris[0]) : `http://127.0.0.1${CALLBACK_PATH}`;
  }

  get clientMetadata(): OAuthClientMetadata {
    const scopes = this.#state.settings().scopes;
    const metadata: ClientMetadata = {
      client_name: 'MCP Tray',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      // A native app: a loopback redirect on any port is the same redirect (RFC 8252 §7.3).
      application_type: 'native',
      ...(scopes ? { scope: scopes } : {}),
    };
    return metadata;
  }

  state(): string {
    this.#sentState = randomBytes(32).toString('base64url');
    return this.#sentState;
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    // The SDK asks for the client first in every refresh (a request only reads the tokens): the
    // stored sign-in now is the one this refresh works from.
    if (!this.#interactive) this.#refreshingFrom = this.#state.tokens();
    const settings = this.#state.settings();
    const discovery = this.#discovery ?? this.#state.discovery;
    if (this.#registered) return this.#registered;
    const stored = this.#state.client();
    if (settings.clientId) {
      // A client id the user registered: bound to the authorization server it was first used with.
      const bound = stored?.client_id === settings.clientId ? stored.issuer : undefined;
      if (bound && discovery && !sameUrl(bound, discovery.authorizationServerUrl)) {
        throw this.#refuse(
          `the server now names another authorization server (${discovery.authorizationServerUrl}) than the one your client id ${settings.clientId} was used with (${bound}); check the server, then clear oauthClientId or sign out first`,
        );
      }
      const secret = this.#state.clientSecret();
      return { client_id: settings.clientId, ...(secret ? { client_secret: secret } : {}), ...(bound ? { issuer: bound } : {}) };
    }
    if (stored && this.#interactive && 'redirect_uris' in stored && !stored.redirect_uris.map(String).includes(this.redirectUrl) && stored.client_id !== this.clientMetadataUrl) {
      // Registered for another loopback port: an authorization server that matches redirects
      // exactly would refuse it, so register again.
      return undefined;
    }
    if (stored && this.#interactive && !coversScope(stored, this.#interactive.scope)) {
      // Registered for fewer scopes than this sign-in asks for (a step-up): the authorization
      // server would refuse them for this client (invalid_scope), so register again.
      return undefined;
    }
    if (!stored && this.#interactive && discovery) this.#checkCanRegister(discovery);
    return stored;
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    const clientId = this.#state.settings().clientId;
    if (clientId) {
      if (info.client_id !== clientId) throw this.#refuse(`the authorization server would register a new client instead of your client id ${clientId}`);
      // Only the binding: the secret stays where the user put it.
      await this.#state.saveClient({ client_id: info.client_id, ...(info.issuer ? { issuer: info.issuer } : {}) });
      return;
    }
    if (this.#interactive) this.#registered = info;
    else await this.#state.saveClient(info);
  }

  tokens(): OAuthTokens | undefined {
    const stored = this.#state.tokens()?.tokens;
    // A sign-in always starts a new authorization: the SDK would refresh instead if it saw a refresh token.
    if (stored && this.#interactive) {
      const { refresh_token: _hidden, ...rest } = stored;
      return rest;
    }
    return stored;
  }

  async saveTokens(tokens: OAuthTokens): Promise<void> {
    // A sign-in finished while this refresh ran: its tokens are the newer ones, and stay.
    if (this.#replaced()) return;
    if (this.#registered) await this.#state.saveClient(this.#registered);
    this.#registered = undefined;
    await this.#state.saveTokens(tokens);
    if (!this.#interactive) this.#refreshingFrom = this.#state.tokens();
  }

  redirectToAuthorization(url: URL): void {
    if (!this.#interactive) {
      // The SDK starts a new authorization when a refresh failed without an OAuth error (network,
      // 5xx): the refresh token is still stored then. Otherwise the user must sign in.
      if (this.#state.tokens()?.tokens.refresh_token) {
        throw new AuthServerUnreachableError(`the authorization server of "${this.#state.serverId}" did not answer the token refresh; MCP Tray tries again shortly`);
      }
      throw this.#state.signInRequired(new SignInRequiredError(this.#state.signInHint()));
    }
    const md: ServerMetadata | undefined = (this.#discovery ?? this.#state.discovery)?.authorizationServerMetadata;
    checkAuthorizationUrl(url, md, this.#sentState ?? '');
    this.#interactive.authorize(url, this.#sentState!, md?.authorization_response_iss_parameter_supported ? md.issuer : undefined);
  }

  saveCodeVerifier(verifier: string): void {
    this.#verifier = verifier;
  }

  codeVerifier(): string {
    if (!this.#verifier) throw new SignInRefusedError('this sign-in has no PKCE verifier (it was not started here)');
    return this.#verifier;
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    // The authorization server refused what a refresh started from, but a sign-in has replaced it
    // since (its refresh token may have voided the old one): forgetting now would drop the new sign-in.
    if (this.#replaced()) throw new SignInReplacedError(`the sign-in of "${this.#state.serverId}" was renewed while MCP Tray refreshed it; the new one is kept, call again`);
    if (this.#interactive && (scope === 'all' || scope === 'client')) {
      // invalid_client while exchanging the code: a registration the server forgot, or a wrong
      // user-entered id or secret. The SDK would retry without the verifier and fail obscurely.
      if (!this.#state.settings().clientId) await this.#state.forgetClient();
      throw new SignInRefusedError(
        this.#state.settings().clientId
          ? `the authorization server refused the client id and secret (invalid_client); check oauthClientId and the oauth-client-secret of "${this.#state.serverId}"`
          : `the authorization server refused MCP Tray's client registration (invalid_client); sign in again to register anew`,
      );
    }
    if ((scope === 'all' || scope === 'client') && !this.#state.settings().clientId) await this.#state.forgetClient();
    if (scope === 'all' || scope === 'tokens') await this.#state.forgetTokens();
    if (scope === 'all' || scope === 'verifier') this.#verifier = undefined;
    if (scope === 'all' || scope === 'discovery') {
      this.#discovery = undefined;
      this.#state.discovery = undefined;
    }
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    if (this.#interactive) return this.#discovery;
    // In the background only a refresh may happen: no refresh token, nothing to do but ask the user.
    if (!this.#state.tokens()?.tokens.refresh_token) throw this.#state.signInRequired(new SignInRequiredError(this.#state.signInHint()));
    return this.#state.discovery;
  }

  saveDiscoveryState(discovery: OAuthDiscoveryState): void {
    try {
      checkDiscovery(discovery, this.#state.serverUrl, this.#state.redirectsRefused);
    } catch (error) {
      throw this.#interactive ? error : this.#state.signInRequired(error as SignInRefusedError);
    }
    if (this.#interactive) this.#discovery = discovery;
    this.#state.discovery = discovery;
  }

  #checkCanRegister(discovery: OAuthDiscoveryState): void {
    const md = discovery.authorizationServerMetadata;
    const byMetadataDocument = md?.client_id_metadata_document_supported === true && this.clientMetadataUrl;
    if (md && !md.registration_endpoint && !byMetadataDocument) {
      throw this.#refuse(
        `the authorization server ${md.issuer} does not let MCP Tray register itself; register a client there (redirect URI http://127.0.0.1/callback), then: mcp-tray servers set ${this.#state.serverId} oauthClientId=ID (and, if it has one, echo -n SECRET | mcp-tray secrets set ${this.#state.serverId} oauth-client-secret)`,
      );
    }
  }

  /** In the background: whether the stored sign-in changed since the current refresh read it. */
  #replaced(): boolean {
    return !this.#interactive && this.#refreshingFrom !== undefined && this.#state.tokens() !== this.#refreshingFrom;
  }

  #refuse(message: string): SignInRefusedError {
    const error = new SignInRefusedError(message);
    return this.#interactive ? error : (this.#state.signInRequired(error) as SignInRefusedError);
  }
}

/** Whether a registration allows `scope` (a registration that names no scope allows what the server allows). */
function coversScope(client: OAuthClientInformationMixed, scope: string | undefined): boolean {
  const registered = 'scope' in client && typeof client.scope === 'string' ? new Set(client.scope.split(/\s+/)) : undefined;
  return !registered || !scope || scope.split(/\s+/).every((s) => !s || registered.has(s));
}

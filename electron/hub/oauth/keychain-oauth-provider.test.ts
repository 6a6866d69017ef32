import { describe, expect, it } from 'vitest';
import type { OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { KeychainOAuthProvider, type InteractiveMode, type OAuthSettings, type SignInState } from './keychain-oauth-provider.ts';
import type { LoopbackReceiver } from './loopback-receiver.ts';
import type { StoredTokens } from './oauth-store.ts';
import { AuthServerUnreachableError, SignInRefusedError, SignInReplacedError, SignInRequiredError } from './sign-in-errors.ts';

const AS = 'https://auth.example.com';
const SERVER = 'https://mcp.example.com/mcp';

/** A double of one server's sign-in state (the real one, oauth-session.ts, is tested end to end). */
function signInState(init: { settings?: OAuthSettings; tokens?: OAuthTokens; client?: OAuthClientInformationMixed; secret?: string } = {}) {
  const told: string[] = [];
  const saved: Array<[string, unknown]> = [];
  let tokens: StoredTokens | undefined = init.tokens ? { tokens: init.tokens, receivedAt: 0 } : undefined;
  let client = init.client;
  const state: SignInState = {
    serverId: 'linear',
    serverUrl: SERVER,
    discovery: undefined,
    redirectsRefused: [],
    settings: () => init.settings ?? {},
    tokens: () => tokens,
    client: () => client,
    clientSecret: () => init.secret,
    saveTokens: async (t) => void (saved.push(['tokens', t]), (tokens = { tokens: t, receivedAt: 1 })),
    saveClient: async (c) => void (saved.push(['client', c]), (client = c)),
    forgetTokens: async () => void (saved.push(['forget-tokens', undefined]), (tokens = undefined)),
    forgetClient: async () => void (saved.push(['forget-client', undefined]), (client = undefined)),
    signInRequired: (error) => (told.push(error.message), error),
    signInHint: () => 'server "linear" needs you to sign in',
  };
  return { state, told, saved };
}

const discovery = (md: Record<string, unknown> = {}): OAuthDiscoveryState => ({
  authorizationServerUrl: AS,
  resourceMetadata: { resource: SERVER, authorization_servers: [AS] } as never,
  authorizationServerMetadata: { issuer: AS, authorization_endpoint: `${AS}/authorize`, token_endpoint: `${AS}/token`, registration_endpoint: `${AS}/register`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'], ...md } as never,
});

function interactive(port = 4242, scope?: string): InteractiveMode & { authorized: string[] } {
  const authorized: string[] = [];
  const receiver = { port, redirectUrl: `http://127.0.0.1:${port}/callback` } as LoopbackReceiver;
  return { receiver, scope, authorized, authorize: (url) => void authorized.push(url.href) };
}

const catching = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
};

describe('the provider in the background (MCP transport, refresh timer)', () => {
  it('with no refresh token, fails at once with "sign in" and tells the owner, before any discovery', () => {
    const s = signInState({ tokens: { access_token: 'at', token_type: 'Bearer' } });
    const error = catching(() => new KeychainOAuthProvider(s.state).discoveryState());
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(s.told).toEqual(['server "linear" needs you to sign in']);
  });

  it('with a refresh token, lets the SDK refresh, reusing what it discovered', () => {
    const s = signInState({ tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt' } });
    s.state.discovery = discovery();
    const provider = new KeychainOAuthProvider(s.state);
    expect(provider.discoveryState()).toBe(s.state.discovery);
    expect(provider.tokens()?.refresh_token).toBe('rt');
  });

  it('never opens a page: a failed refresh with the token still stored is "unreachable", else "sign in"', () => {
    const kept = signInState({ tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt' } });
    expect(catching(() => new KeychainOAuthProvider(kept.state).redirectToAuthorization(new URL(`${AS}/authorize`)))).toBeInstanceOf(AuthServerUnreachableError);
    expect(kept.told).toEqual([]);
    const gone = signInState();
    expect(catching(() => new KeychainOAuthProvider(gone.state).redirectToAuthorization(new URL(`${AS}/authorize`)))).toBeInstanceOf(SignInRequiredError);
    expect(gone.told).toHaveLength(1);
  });

  it('refuses a discovery that fails a check and tells the owner', () => {
    const s = signInState({ tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt' } });
    const error = catching(() => new KeychainOAuthProvider(s.state).saveDiscoveryState(discovery({ code_challenge_methods_supported: ['plain'] })));
    expect(error).toBeInstanceOf(SignInRefusedError);
    expect(s.told[0]).toMatch(/PKCE/);
    expect(s.state.discovery).toBeUndefined();
  });

  it("keeps a user-entered client when the server refuses it (invalid_client), forgetting only the tokens", async () => {
    const s = signInState({ settings: { clientId: 'mine' }, secret: 'shh', tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt' } });
    const provider = new KeychainOAuthProvider(s.state);
    expect(provider.clientInformation()).toEqual({ client_id: 'mine', client_secret: 'shh' });
    await provider.invalidateCredentials('all');
    expect(s.saved.map(([what]) => what)).toEqual(['forget-tokens']);
  });

  it('keeps a sign-in that finished while a refresh ran: the refresh neither forgets nor overwrites it', async () => {
    const s = signInState({ client: { client_id: 'old' }, tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'old-rt' } });
    const provider = new KeychainOAuthProvider(s.state);
    // A refresh starts (the SDK reads the client first), then a sign-in in the browser saves new tokens.
    provider.clientInformation();
    await s.state.saveTokens({ access_token: 'new-at', token_type: 'Bearer', refresh_token: 'new-rt', scope: 'mcp:read mcp:write' });
    // The authorization server refuses the old refresh token (invalid_grant): nothing is forgotten.
    const refused = await provider.invalidateCredentials('tokens').then(() => undefined, (error: Error) => error);
    expect(refused).toBeInstanceOf(SignInReplacedError);
    // A refresh that succeeded with the old token would not replace the newer tokens either.
    await provider.saveTokens({ access_token: 'stale-at', token_type: 'Bearer', refresh_token: 'stale-rt' });
    expect(s.state.tokens()?.tokens.access_token).toBe('new-at');
    expect(s.saved.map(([what]) => what)).toEqual(['tokens']);
    expect(s.told).toEqual([]);
    // The next refresh starts from the new sign-in and may forget it again when it is refused.
    provider.clientInformation();
    await provider.invalidateCredentials('tokens');
    expect(s.state.tokens()).toBeUndefined();
  });
});

describe('the provider in a sign-in', () => {
  it('describes MCP Tray as a native app with the loopback redirect and the scopes set', () => {
    const s = signInState({ settings: { scopes: 'read write' } });
    expect(new KeychainOAuthProvider(s.state, interactive(5555)).clientMetadata).toMatchObject({
      client_name: 'MCP Tray',
      redirect_uris: ['http://127.0.0.1:5555/callback'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      scope: 'read write',
    });
  });

  it('hides the refresh token so the SDK starts a new authorization instead of refreshing', () => {
    const s = signInState({ tokens: { access_token: 'at', token_type: 'Bearer', refresh_token: 'rt' } });
    expect(new KeychainOAuthProvider(s.state, interactive()).tokens()).toEqual({ access_token: 'at', token_type: 'Bearer' });
  });

  it('registers again for another loopback port or more scopes, and keeps the new registration only with its tokens', async () => {
    const registered = { client_id: 'old', redirect_uris: ['http://127.0.0.1:4242/callback'], scope: 'read', issuer: AS };
    const s = signInState({ client: registered });
    expect(new KeychainOAuthProvider(s.state, interactive(4242)).clientInformation()).toBe(registered);
    expect(new KeychainOAuthProvider(s.state, interactive(9999)).clientInformation()).toBeUndefined();
    const stepUp = new KeychainOAuthProvider(s.state, interactive(4242, 'read write'));
    expect(stepUp.clientInformation()).toBeUndefined();
    const fresh = { client_id: 'new', redirect_uris: ['http://127.0.0.1:4242/callback'], scope: 'read write', issuer: AS };
    await stepUp.saveClientInformation(fresh);
    expect(stepUp.clientInformation()).toBe(fresh);
    expect(s.state.client()).toBe(registered);
    await stepUp.saveTokens({ access_token: 'at2', token_type: 'Bearer' });
    expect(s.saved.map(([what]) => what)).toEqual(['client', 'tokens']);
    expect(s.state.client()).toBe(fresh);
  });

  it('says plainly that the server refused the client credentials, instead of retrying without a verifier', async () => {
    const s = signInState({ settings: { clientId: 'mine' }, secret: 'wrong' });
    await expect(new KeychainOAuthProvider(s.state, interactive()).invalidateCredentials('all')).rejects.toThrow(/refused the client id and secret \(invalid_client\)/);
  });

  it('refuses a user-entered client id for another authorization server than it was used with', () => {
    const s = signInState({ settings: { clientId: 'mine' }, client: { client_id: 'mine', issuer: 'https://old-auth.example.com' } });
    s.state.discovery = discovery();
    expect(catching(() => new KeychainOAuthProvider(s.state, interactive()).clientInformation()).message).toMatch(/another authorization server/);
  });

  it('asks for a client id when the server offers no registration', () => {
    const s = signInState();
    const provider = new KeychainOAuthProvider(s.state, interactive());
    provider.saveDiscoveryState(discovery({ registration_endpoint: undefined }));
    expect(catching(() => provider.clientInformation()).message).toMatch(/does not let MCP Tray register itself.*servers set linear oauthClientId=ID/);
  });

  it('hands over only an authorization URL that passes the checks, with the issuer to expect back', () => {
    const s = signInState();
    const mode = interactive();
    const provider = new KeychainOAuthProvider(s.state, mode);
    provider.saveDiscoveryState(discovery({ authorization_response_iss_parameter_supported: true }));
    const state = provider.state();
    const url = new URL(`${AS}/authorize?${new URLSearchParams({ code_challenge: 'c', code_challenge_method: 'S256', state, resource: SERVER })}`);
    provider.redirectToAuthorization(url);
    expect(mode.authorized).toEqual([url.href]);
    expect(catching(() => provider.redirectToAuthorization(new URL(`https://evil.example/authorize?${url.searchParams}`)))).toBeInstanceOf(SignInRefusedError);
  });
});

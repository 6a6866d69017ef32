// The checks MCP Tray makes on what a server and its authorization server publish, before anything
// is registered or a browser is opened (docs/oauth.md, "Refusals"). The SDK's own flow leaves these
// out: it falls back to guesses when metadata is missing, proceeds when PKCE support is not
// advertised, and does not compare the metadata's issuer with where it came from.
import type { OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type { AuthorizationServerMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import { SignInRefusedError } from './sign-in-errors.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Metadata fields this code reads that one of the SDK's metadata types lacks (OpenID discovery drops them). */
export type ServerMetadata = AuthorizationServerMetadata & {
  readonly revocation_endpoint?: string;
  readonly revocation_endpoint_auth_methods_supported?: string[];
  readonly authorization_response_iss_parameter_supported?: boolean;
};

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** https, or plain http on this machine only. */
export function isSecureOrLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  } catch {
    return false;
  }
}

/** Two URLs naming the same place, a trailing "/" aside (RFC 8414's issuer comparison). */
export function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href.replace(/\/$/, '') === new URL(b).href.replace(/\/$/, '');
  } catch {
    return a === b;
  }
}

/** Whether `resource` may stand for the server at `serverUrl`: the same origin, and its path or a parent of it. */
export function resourceCovers(resource: string, serverUrl: string): boolean {
  try {
    const r = new URL(resource);
    const s = new URL(serverUrl);
    if (r.origin !== s.origin) return false;
    const base = r.pathname.endsWith('/') ? r.pathname : `${r.pathname}/`;
    const path = s.pathname.endsWith('/') ? s.pathname : `${s.pathname}/`;
    return path.startsWith(base);
  } catch {
    return false;
  }
}

/**
 * Refuses (SignInRefusedError) unless the server publishes protected resource metadata for itself,
 * naming an authorization server whose metadata exists, names itself as issuer, supports PKCE with
 * S256 and the code flow, and whose endpoints are https (or on this machine).
 * `redirectsRefused`: cross-host redirects met while discovering, named when metadata is missing.
 */
export function checkDiscovery(state: OAuthDiscoveryState, serverUrl: string, redirectsRefused: readonly string[] = []): void {
  if (!isSecureOrLoopback(serverUrl)) {
    throw new SignInRefusedError(`${serverUrl} is plain http on another machine: a sign-in token would cross the network unencrypted; use its https URL`);
  }
  const prm = state.resourceMetadata;
  if (!prm) {
    const redirected = redirectsRefused.length > 0 ? ` (it redirected to another host, which MCP Tray does not follow: ${redirectsRefused.join(', ')})` : '';
    throw new SignInRefusedError(
      `${serverUrl} publishes no protected resource metadata (RFC 9728) that MCP Tray could read${redirected}; without it MCP Tray cannot tell which authorization server may have its sign-in`,
    );
  }
  if (!resourceCovers(prm.resource, serverUrl)) {
    throw new SignInRefusedError(`the server's metadata is for another resource (${prm.resource}) than the server (${serverUrl}): a token for it would be for something else`);
  }
  if (!prm.authorization_servers?.length) throw new SignInRefusedError(`the server's metadata names no authorization server`);
  const asUrl = state.authorizationServerUrl;
  const md = state.authorizationServerMetadata;
  if (!md) throw new SignInRefusedError(`the authorization server ${asUrl} publishes no metadata (RFC 8414 or OpenID Connect discovery)`);
  if (!sameUrl(md.issuer, asUrl)) {
    throw new SignInRefusedError(`the metadata found for ${asUrl} names another issuer (${md.issuer}); it may not be that server's own`);
  }
  if (!md.code_challenge_methods_supported?.includes('S256')) {
    const listed = md.code_challenge_methods_supported?.length ? md.code_challenge_methods_supported.join(', ') : 'none';
    throw new SignInRefusedError(`the authorization server ${md.issuer} does not support PKCE with S256 (it lists: ${listed}); signing in without it is refused`);
  }
  if (md.response_types_supported && !md.response_types_supported.includes('code')) {
    throw new SignInRefusedError(`the authorization server ${md.issuer} does not offer the authorization code flow`);
  }
  for (const [name, url] of endpoints(md)) {
    if (!isSecureOrLoopback(url)) throw new SignInRefusedError(`the authorization server's ${name} (${url}) is not https`);
  }
}

/** The authorization URL the SDK built must go to the discovered endpoint with S256, our state and a resource. */
export function checkAuthorizationUrl(url: URL, md: AuthorizationServerMetadata | undefined, state: string): void {
  if (!md) throw new SignInRefusedError('no authorization server metadata for this sign-in');
  const endpoint = new URL(md.authorization_endpoint);
  if (url.origin !== endpoint.origin || url.pathname !== endpoint.pathname) {
    throw new SignInRefusedError(`the sign-in page ${url.origin}${url.pathname} is not the authorization server's (${endpoint.origin}${endpoint.pathname})`);
  }
  const params = url.searchParams;
  if (params.get('code_challenge_method') !== 'S256' || !params.get('code_challenge')) throw new SignInRefusedError('the sign-in request lacks its PKCE challenge');
  if (params.get('state') !== state) throw new SignInRefusedError('the sign-in request lacks its state');
  if (!params.get('resource')) throw new SignInRefusedError('the sign-in request names no resource (RFC 8707)');
}

/** The scopes of all arguments, each once, in order (for asking again with granted + new). */
export function unionScopes(...scopes: ReadonlyArray<string | undefined>): string | undefined {
  const all = [...new Set(scopes.flatMap((s) => (s ?? '').split(/\s+/)).filter(Boolean))];
  return all.length > 0 ? all.join(' ') : undefined;
}

function endpoints(md: ServerMetadata): Array<[string, string]> {
  const list: Array<[string, string | undefined]> = [
    ['issuer', md.issuer],
    ['authorization endpoint', md.authorization_endpoint],
    ['token endpoint', md.token_endpoint],
    ['registration endpoint', md.registration_endpoint],
    ['revocation endpoint', md.revocation_endpoint],
  ];
  return list.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

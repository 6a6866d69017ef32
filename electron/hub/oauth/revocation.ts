// Signing out revokes the tokens at the authorization server where it offers revocation (RFC 7009);
// the SDK has no client side of it. The refresh token goes first: revoking it usually ends the
// whole grant. An access token in JWT form often cannot be revoked (the server answers
// unsupported_token_type); it then expires on its own.
import { selectClientAuthMethod } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ServerMetadata } from './discovery-checks.ts';

export interface RevocationResult {
  /** Which tokens the authorization server confirmed revoked. */
  readonly revoked: string[];
  /** What could not be done, in words. */
  readonly problems: string[];
}

export async function revokeTokens(
  md: ServerMetadata | undefined,
  client: OAuthClientInformationMixed | undefined,
  tokens: Pick<OAuthTokens, 'access_token' | 'refresh_token'>,
  fetchFn: FetchLike,
): Promise<RevocationResult> {
  const revoked: string[] = [];
  const problems: string[] = [];
  if (!md?.revocation_endpoint) {
    return { revoked, problems: ['the authorization server offers no revocation: the tokens were deleted here and end when they expire'] };
  }
  if (!client) return { revoked, problems: ['no client registration is stored to revoke the tokens with'] };
  const supported = md.revocation_endpoint_auth_methods_supported ?? md.token_endpoint_auth_methods_supported ?? [];
  const method = selectClientAuthMethod(client, supported);
  const pairs: Array<[string, string | undefined]> = [
    ['refresh_token', tokens.refresh_token],
    ['access_token', tokens.access_token],
  ];
  for (const [hint, token] of pairs) {
    if (!token) continue;
    const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
    const body = new URLSearchParams({ token, token_type_hint: hint });
    authenticate(method, client, headers, body);
    try {
      const response = await fetchFn(md.revocation_endpoint, { method: 'POST', headers, body, redirect: 'manual' });
      const text = await response.text().catch(() => '');
      if (response.ok) revoked.push(hint);
      else if (!/unsupported_token_type/.test(text)) problems.push(`revoking the ${hint.replace('_', ' ')} failed: HTTP ${response.status}${errorCode(text)}`);
    } catch (error) {
      problems.push(`revoking the ${hint.replace('_', ' ')} failed: ${(error as Error).message}`);
    }
  }
  return { revoked, problems };
}

function authenticate(method: string, client: OAuthClientInformationMixed, headers: Headers, body: URLSearchParams): void {
  if (method === 'client_secret_basic' && client.client_secret) {
    const pair = `${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`;
    headers.set('authorization', `Basic ${Buffer.from(pair).toString('base64')}`);
    return;
  }
  body.set('client_id', client.client_id);
  if (method === 'client_secret_post' && client.client_secret) body.set('client_secret', client.client_secret);
}

function errorCode(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    return typeof parsed.error === 'string' ? ` (${parsed.error.slice(0, 60)})` : '';
  } catch {
    return '';
  }
}

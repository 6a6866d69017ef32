// What a UI may know about stored tokens, without showing them: who they are for (read from the
// id token's or a JWT access token's claims, for display only, never trusted for anything else),
// when the access token expires, which scopes were granted.
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

/** A name for the signed-in account, when the tokens carry one. */
export function accountOf(tokens: Pick<OAuthTokens, 'id_token' | 'access_token'>): string | undefined {
  for (const jwt of [tokens.id_token, tokens.access_token]) {
    const claims = jwt ? jwtClaims(jwt) : undefined;
    const name = claims && [claims.email, claims.preferred_username, claims.name, claims.sub].find((v) => typeof v === 'string' && v.length > 0);
    if (typeof name === 'string') return name.slice(0, 200);
  }
  return undefined;
}

/** When the access token expires (ms since the epoch), from `expires_in` counted from `receivedAt`. */
export function expiryOf(tokens: Pick<OAuthTokens, 'expires_in'>, receivedAt: number): number | undefined {
  return typeof tokens.expires_in === 'number' && Number.isFinite(tokens.expires_in) && tokens.expires_in > 0 ? receivedAt + tokens.expires_in * 1000 : undefined;
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

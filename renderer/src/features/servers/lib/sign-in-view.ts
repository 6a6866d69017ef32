// What a remote server's sign-in panel says (docs/oauth.md): nothing for servers that do not sign
// in, "needs sign-in" with the reason a last attempt failed, "waiting for the browser" with the
// link to open, "asks for more permission", or "Signed in as … · token expires in …".
import type { ServerStatus, SignInInfo } from '../../../api/contract-types.ts';
import { formatSpan } from '../../../common/lib/format.ts';

export type SignInView =
  | { readonly kind: 'needed'; readonly error?: string }
  | { readonly kind: 'waiting'; readonly url?: string }
  | { readonly kind: 'signed-in'; readonly line: string; readonly moreScope?: string; readonly error?: string };

export function signInView(server: ServerStatus, now: number): SignInView | undefined {
  const auth = server.auth;
  if (!auth) return undefined;
  const attempt = auth.attempt;
  if (attempt && !attempt.endedAt) return { kind: 'waiting', url: attempt.authorizationUrl };
  if (auth.signedIn) return { kind: 'signed-in', line: signedInLine(auth, now), moreScope: auth.pendingScope, error: attempt?.error };
  if (server.state === 'needs-sign-in' || attempt) return { kind: 'needed', error: attempt?.error };
  return undefined;
}

/** "Signed in as ada@example.com · token expires in 4 min 05 s". */
export function signedInLine(auth: SignInInfo, now: number): string {
  const who = auth.account ? `Signed in as ${auth.account}` : `Signed in${auth.issuer ? ` at ${hostOf(auth.issuer)}` : ''}`;
  if (!auth.expiresAt) return who;
  const left = Date.parse(auth.expiresAt) - now;
  return `${who} · ${left > 0 ? `token expires in ${formatSpan(left)}` : 'token expired; renewed at the next call'}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

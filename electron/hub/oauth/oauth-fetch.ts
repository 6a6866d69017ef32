// The fetch a remote server's sign-in goes through (its MCP requests and every OAuth request the
// SDK makes). Three jobs:
// - One refresh at a time: requests that meet an expired token at once would each post the same
//   refresh token; with rotating refresh tokens the authorization server takes the second use for a
//   theft and revokes the whole sign-in. Refresh posts with the same refresh token share one answer.
// - The server's static and secret headers go only to the server's own origin, never to the
//   authorization server (the SDK would send them to both when given as request headers).
// - A redirect to another host is refused with a clear error (the SDK leaves it unfollowed and
//   reports something vaguer), and a 403 insufficient_scope from the server becomes "sign in again
//   for more" instead of the SDK's refresh-and-retry, which cannot widen a grant.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import { MoreScopeRequiredError, SignInRefusedError } from './sign-in-errors.ts';

/** How long a refresh answer is handed to latecomers that still hold the old refresh token. */
const SHARED_ANSWER_MS = 60_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface OAuthFetchOptions {
  /** The MCP server's URL (read at each request: the user may change it): its origin alone gets the static headers. */
  readonly serverUrl: () => string;
  /** The server answered 403 insufficient_scope asking for `scope`; returns the message to fail with. */
  readonly moreScope: (scope: string | undefined) => MoreScopeRequiredError;
  /** A redirect to another host was refused (named for the sign-in's error message). */
  readonly redirectRefused?: (from: string, to: string) => void;
  readonly base?: FetchLike;
}

interface SharedAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

export interface OAuthFetch {
  /** For OAuth requests and the sign-in's probe: no extra headers. */
  readonly fetch: FetchLike;
  /** For the MCP transport: `headers` added to requests to the server's origin only. */
  withHeaders(headers: Record<string, string>): FetchLike;
  /** Refresh posts sent to the authorization server (not the ones that shared an answer). */
  readonly refreshesSent: () => number;
}

export function createOAuthFetch(options: OAuthFetchOptions): OAuthFetch {
  const base = options.base ?? ((url, init) => fetch(url, init));
  const flights = new Map<string, Promise<SharedAnswer>>();
  let refreshes = 0;

  const guarded: FetchLike = async (url, init) => {
    const token = refreshTokenOf(init);
    const response = token === undefined ? await base(url, init) : await shareRefresh(token, url, init);
    refuseCrossHostRedirect(String(url), response, options.redirectRefused);
    return response;
  };

  const shareRefresh = async (token: string, url: string | URL, init: RequestInit | undefined): Promise<Response> => {
    let flight = flights.get(token);
    if (!flight) {
      refreshes++;
      flight = (async () => {
        const response = await base(url, init);
        return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() };
      })();
      flights.set(token, flight);
      const forget = () => setTimeout(() => flights.delete(token), SHARED_ANSWER_MS).unref();
      flight.then(forget, () => flights.delete(token));
    }
    const answer = await flight;
    return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  };

  return {
    fetch: guarded,
    refreshesSent: () => refreshes,
    withHeaders(headers) {
      return async (url, init) => {
        let effective = init;
        const origin = new URL(options.serverUrl()).origin;
        if (new URL(String(url)).origin === origin && Object.keys(headers).length > 0) {
          const merged = new Headers(init?.headers);
          for (const [name, value] of Object.entries(headers)) merged.set(name, value);
          effective = { ...init, headers: merged };
        }
        const response = await guarded(url, effective);
        if (response.status === 403 && new URL(String(url)).origin === origin) {
          const challenge = extractWWWAuthenticateParams(response);
          if (challenge.error === 'insufficient_scope') {
            await response.body?.cancel().catch(() => undefined);
            throw options.moreScope(challenge.scope);
          }
        }
        return response;
      };
    },
  };
}

/** The refresh token of a refresh grant post, if this is one. */
function refreshTokenOf(init: RequestInit | undefined): string | undefined {
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return undefined;
  const body = init?.body;
  const params = body instanceof URLSearchParams ? body : typeof body === 'string' ? new URLSearchParams(body) : undefined;
  return params?.get('grant_type') === 'refresh_token' ? (params.get('refresh_token') ?? undefined) : undefined;
}

function refuseCrossHostRedirect(from: string, response: Response, refused?: (from: string, to: string) => void): void {
  if (!REDIRECT_STATUSES.has(response.status)) return;
  const location = response.headers.get('location');
  if (!location) return;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return;
  }
  const source = new URL(from);
  const sameHost = target.hostname === source.hostname && (target.port === source.port || (source.protocol === 'http:' && target.protocol === 'https:' && source.port === '' && target.port === ''));
  if (sameHost) return;
  const shown = `${target.origin}${target.pathname}`;
  refused?.(`${source.origin}${source.pathname}`, shown);
  void response.body?.cancel().catch(() => undefined);
  throw new SignInRefusedError(`${source.origin}${source.pathname} redirected to another host (${shown}); MCP Tray does not follow a sign-in or a server to another host`);
}

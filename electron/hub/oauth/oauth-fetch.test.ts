import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { createOAuthFetch } from './oauth-fetch.ts';
import { MoreScopeRequiredError, SignInRefusedError } from './sign-in-errors.ts';

const SERVER = 'https://mcp.example.com/mcp';

/** A double of the network: records each request's URL and headers, answers what `answer` says. */
function network(answer: (url: string, init?: RequestInit) => Response | Promise<Response> = () => new Response('{}')) {
  const seen: Array<{ url: string; headers: Headers }> = [];
  const base: FetchLike = async (url, init) => {
    seen.push({ url: String(url), headers: new Headers(init?.headers) });
    return answer(String(url), init);
  };
  return { seen, base };
}

const options = (base: FetchLike) => ({ serverUrl: () => SERVER, base, moreScope: (scope: string | undefined) => new MoreScopeRequiredError(`needs ${scope}`, scope ?? '') });
const refresh = (token: string) => ({ method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token }) });

describe('the sign-in fetch', () => {
  it('sends parallel refreshes with the same refresh token once, and gives each the answer', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const net = network(async () => {
      await gate;
      return new Response(JSON.stringify({ access_token: 'new', refresh_token: 'r2' }), { headers: { 'content-type': 'application/json' } });
    });
    const oauth = createOAuthFetch(options(net.base));
    const answers = Array.from({ length: 8 }, () => oauth.fetch('https://auth.example.com/token', refresh('r1')));
    release();
    const bodies = await Promise.all(answers.map(async (a) => (await a).json()));
    expect(net.seen).toHaveLength(1);
    expect(bodies).toEqual(Array(8).fill({ access_token: 'new', refresh_token: 'r2' }));
    expect(oauth.refreshesSent()).toBe(1);
    // A latecomer with the old refresh token gets the same answer instead of reusing it.
    expect(await (await oauth.fetch('https://auth.example.com/token', refresh('r1'))).json()).toEqual({ access_token: 'new', refresh_token: 'r2' });
    expect(net.seen).toHaveLength(1);
    await oauth.fetch('https://auth.example.com/token', refresh('r2'));
    expect(net.seen).toHaveLength(2);
  });

  it("adds the server's headers to its own origin only, never to the authorization server", async () => {
    const net = network();
    const withHeaders = createOAuthFetch(options(net.base)).withHeaders({ 'X-Api-Key': 'k3y' });
    await withHeaders(SERVER, { method: 'POST', headers: { 'content-type': 'application/json' } });
    await withHeaders('https://mcp.example.com/.well-known/oauth-protected-resource/mcp');
    await withHeaders('https://auth.example.com/.well-known/oauth-authorization-server');
    await withHeaders('https://auth.example.com/token', refresh('r1'));
    expect(net.seen.map((r) => r.headers.get('x-api-key'))).toEqual(['k3y', 'k3y', null, null]);
    expect(net.seen[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('turns a 403 insufficient_scope from the server into "sign in again for more"', async () => {
    const net = network(() => new Response('{}', { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="read write"' } }));
    const withHeaders = createOAuthFetch(options(net.base)).withHeaders({});
    await expect(withHeaders(SERVER, { method: 'POST' })).rejects.toThrow(new MoreScopeRequiredError('needs read write', 'read write'));
  });

  it('refuses a redirect to another host, naming both, and lets one within the host through', async () => {
    const refused: string[] = [];
    const net = network((url) =>
      url.includes('/.well-known/a') ? new Response(null, { status: 302, headers: { location: 'https://evil.example/steal?x=1' } }) : new Response(null, { status: 307, headers: { location: '/b' } }),
    );
    const oauth = createOAuthFetch({ ...options(net.base), redirectRefused: (from, to) => refused.push(`${from} → ${to}`) });
    await expect(oauth.fetch('https://mcp.example.com/.well-known/a', { redirect: 'manual' })).rejects.toThrow(SignInRefusedError);
    expect(refused).toEqual(['https://mcp.example.com/.well-known/a → https://evil.example/steal']);
    expect((await oauth.fetch('https://mcp.example.com/.well-known/c', { redirect: 'manual' })).status).toBe(307);
  });
});

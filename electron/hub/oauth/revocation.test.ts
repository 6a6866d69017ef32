import { describe, expect, it } from 'vitest';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { revokeTokens } from './revocation.ts';

const md = (extra: Record<string, unknown> = {}) =>
  ({ issuer: 'https://as', authorization_endpoint: 'https://as/a', token_endpoint: 'https://as/t', response_types_supported: ['code'], revocation_endpoint: 'https://as/revoke', ...extra }) as never;

function network(answer: (body: URLSearchParams) => Response) {
  const posts: Array<{ body: URLSearchParams; headers: Headers }> = [];
  const fetchFn: FetchLike = async (_url, init) => {
    const body = new URLSearchParams(init?.body as URLSearchParams);
    posts.push({ body, headers: new Headers(init?.headers) });
    return answer(body);
  };
  return { posts, fetchFn };
}

describe('revocation (RFC 7009)', () => {
  it('revokes the refresh token first, then the access token, as a public client', async () => {
    const net = network(() => new Response(''));
    const result = await revokeTokens(md(), { client_id: 'c1' }, { access_token: 'at', refresh_token: 'rt' }, net.fetchFn);
    expect(result).toEqual({ revoked: ['refresh_token', 'access_token'], problems: [] });
    expect(net.posts.map((p) => [p.body.get('token'), p.body.get('token_type_hint'), p.body.get('client_id')])).toEqual([
      ['rt', 'refresh_token', 'c1'],
      ['at', 'access_token', 'c1'],
    ]);
  });

  it('authenticates a confidential client with HTTP Basic where offered', async () => {
    const net = network(() => new Response(''));
    await revokeTokens(md({ revocation_endpoint_auth_methods_supported: ['client_secret_basic'] }), { client_id: 'c1', client_secret: 's:1' }, { access_token: 'at' }, net.fetchFn);
    expect(net.posts[0]!.headers.get('authorization')).toBe(`Basic ${Buffer.from('c1:s%3A1').toString('base64')}`);
    expect(net.posts[0]!.body.get('client_secret')).toBeNull();
  });

  it('takes unsupported_token_type (a JWT access token) calmly and reports other failures', async () => {
    const net = network((body) => (body.get('token_type_hint') === 'access_token' ? new Response('{"error":"unsupported_token_type"}', { status: 400 }) : new Response('{"error":"invalid_client"}', { status: 401 })));
    const result = await revokeTokens(md(), { client_id: 'c1' }, { access_token: 'at', refresh_token: 'rt' }, net.fetchFn);
    expect(result).toEqual({ revoked: [], problems: ['revoking the refresh token failed: HTTP 401 (invalid_client)'] });
  });

  it('says so when the server offers no revocation, sending nothing', async () => {
    const net = network(() => new Response(''));
    const result = await revokeTokens(md({ revocation_endpoint: undefined }), { client_id: 'c1' }, { access_token: 'at' }, net.fetchFn);
    expect(result.revoked).toEqual([]);
    expect(result.problems[0]).toMatch(/offers no revocation/);
    expect(net.posts).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import { checkAuthorizationUrl, checkDiscovery, resourceCovers, unionScopes } from './discovery-checks.ts';
import { SignInRefusedError } from './sign-in-errors.ts';

const SERVER = 'https://mcp.example.com/mcp';
const AS = 'https://auth.example.com';

function state(overrides: { prm?: Record<string, unknown> | null; md?: Record<string, unknown> | null; as?: string } = {}): OAuthDiscoveryState {
  const md = {
    issuer: AS,
    authorization_endpoint: `${AS}/authorize`,
    token_endpoint: `${AS}/token`,
    registration_endpoint: `${AS}/register`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    ...overrides.md,
  };
  const prm = { resource: SERVER, authorization_servers: [AS], ...overrides.prm };
  return {
    authorizationServerUrl: overrides.as ?? AS,
    authorizationServerMetadata: overrides.md === null ? undefined : (md as never),
    resourceMetadata: overrides.prm === null ? undefined : (prm as never),
  };
}

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SignInRefusedError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('checkDiscovery', () => {
  it('accepts a server and authorization server that publish what the MCP specification asks', () => {
    expect(() => checkDiscovery(state(), SERVER)).not.toThrow();
    expect(() => checkDiscovery(state({ as: `${AS}/` }), SERVER)).not.toThrow();
    expect(() => checkDiscovery(state({ prm: { resource: 'https://mcp.example.com' } }), SERVER)).not.toThrow();
  });

  it('refuses an authorization server without PKCE S256, whether it lists nothing or only plain', () => {
    expect(refusal(() => checkDiscovery(state({ md: { code_challenge_methods_supported: undefined } }), SERVER))).toMatch(/does not support PKCE with S256 \(it lists: none\)/);
    expect(refusal(() => checkDiscovery(state({ md: { code_challenge_methods_supported: ['plain'] } }), SERVER))).toMatch(/it lists: plain/);
  });

  it('refuses a server without protected resource metadata, naming a refused redirect', () => {
    expect(refusal(() => checkDiscovery(state({ prm: null }), SERVER))).toMatch(/publishes no protected resource metadata/);
    expect(refusal(() => checkDiscovery(state({ prm: null }), SERVER, ['https://mcp.example.com/.well-known/x → https://evil.example/x']))).toMatch(/redirected to another host.*evil\.example/);
  });

  it('refuses metadata for another resource: another host, another path, a longer path', () => {
    for (const resource of ['https://evil.example/mcp', 'https://mcp.example.com/other', 'https://mcp.example.com/mcp/deeper', 'http://mcp.example.com/mcp']) {
      expect(refusal(() => checkDiscovery(state({ prm: { resource } }), SERVER))).toMatch(/metadata is for another resource/);
    }
  });

  it('refuses missing authorization server metadata, another issuer, no code flow', () => {
    expect(refusal(() => checkDiscovery(state({ md: null }), SERVER))).toMatch(/publishes no metadata/);
    expect(refusal(() => checkDiscovery(state({ md: { issuer: 'https://other.example' } }), SERVER))).toMatch(/names another issuer \(https:\/\/other\.example\)/);
    expect(refusal(() => checkDiscovery(state({ md: { response_types_supported: ['token'] } }), SERVER))).toMatch(/authorization code flow/);
    expect(refusal(() => checkDiscovery(state({ prm: { authorization_servers: [] } }), SERVER))).toMatch(/names no authorization server/);
  });

  it('refuses plain http except on this machine, for the server and every endpoint', () => {
    expect(refusal(() => checkDiscovery(state({ prm: { resource: 'http://mcp.example.com/mcp' } }), 'http://mcp.example.com/mcp'))).toMatch(/plain http on another machine/);
    expect(refusal(() => checkDiscovery(state({ md: { token_endpoint: 'http://auth.example.com/token' } }), SERVER))).toMatch(/token endpoint \(http:\/\/auth\.example\.com\/token\) is not https/);
    const local = 'http://127.0.0.1:4000';
    const loopback = state({ as: local, prm: { resource: 'http://127.0.0.1:5000/mcp', authorization_servers: [local] }, md: { issuer: local, authorization_endpoint: `${local}/auth`, token_endpoint: `${local}/token`, registration_endpoint: `${local}/reg` } });
    expect(() => checkDiscovery(loopback, 'http://127.0.0.1:5000/mcp')).not.toThrow();
  });
});

describe('checkAuthorizationUrl', () => {
  const md = state().authorizationServerMetadata;
  const url = (params: Record<string, string>, base = `${AS}/authorize`) => new URL(`${base}?${new URLSearchParams(params)}`);
  const good = { code_challenge: 'c', code_challenge_method: 'S256', state: 'st', resource: SERVER };

  it('accepts the discovered endpoint with S256, our state and a resource', () => {
    expect(() => checkAuthorizationUrl(url(good), md, 'st')).not.toThrow();
  });

  it('refuses another page, a missing challenge, another state, no resource', () => {
    expect(refusal(() => checkAuthorizationUrl(url(good, 'https://evil.example/authorize'), md, 'st'))).toMatch(/is not the authorization server's/);
    expect(refusal(() => checkAuthorizationUrl(url({ ...good, code_challenge_method: 'plain' }), md, 'st'))).toMatch(/PKCE/);
    expect(refusal(() => checkAuthorizationUrl(url(good), md, 'other'))).toMatch(/state/);
    const { resource: _r, ...noResource } = good;
    expect(refusal(() => checkAuthorizationUrl(url(noResource), md, 'st'))).toMatch(/names no resource/);
  });
});

describe('scopes and resources', () => {
  it('unions scopes in order, each once', () => {
    expect(unionScopes('mcp:read', 'mcp:read mcp:write')).toBe('mcp:read mcp:write');
    expect(unionScopes(undefined, '  a  b ', 'b c')).toBe('a b c');
    expect(unionScopes(undefined, '')).toBeUndefined();
  });

  it('lets a resource stand for its own path and below, on the same origin only', () => {
    expect(resourceCovers('https://a.example/mcp', 'https://a.example/mcp')).toBe(true);
    expect(resourceCovers('https://a.example/', 'https://a.example/mcp')).toBe(true);
    expect(resourceCovers('https://a.example/mc', 'https://a.example/mcp')).toBe(false);
    expect(resourceCovers('https://a.example:444/mcp', 'https://a.example/mcp')).toBe(false);
  });
});

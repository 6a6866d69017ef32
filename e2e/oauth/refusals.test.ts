// What MCP Tray refuses when signing in, each with a clear error and before anything is registered
// or a browser is sent anywhere: an authorization server without PKCE S256 (none listed, or only
// "plain"), metadata for another resource (another host, or another path), metadata behind a
// redirect to another host, a server without protected resource metadata, metadata naming another
// issuer, and a server that offers no registration when no client id was entered. A callback with
// a wrong state is refused by the loopback while the real sign-in still completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { startAuthorizationServer, type AuthorizationServerOptions, type TestAuthorizationServer } from '../fixtures/oauth/authorization-server.ts';
import { listenResourceServer, type ResourceServerOptions, type TestResourceServer } from '../fixtures/oauth/mcp-resource-server.ts';
import { cli, cliJson, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { openSignInBrowser, type SignInBrowser } from '../helpers/oauth-browser.ts';
import { startLogin } from '../helpers/oauth-login.ts';

interface Pair {
  readonly as: TestAuthorizationServer;
  readonly rs: TestResourceServer;
}

const cases: Record<string, { as?: Partial<AuthorizationServerOptions>; rs?: (url: string) => Partial<ResourceServerOptions>; refused: RegExp }> = {
  'no-pkce': { as: { pkce: 'absent' }, refused: /does not support PKCE with S256 \(it lists: none\)/ },
  'plain-pkce': { as: { pkce: 'plain' }, refused: /does not support PKCE with S256 \(it lists: plain\)/ },
  'other-host': { rs: () => ({ metadataResource: 'http://127.0.0.2:9/mcp' }), refused: /metadata is for another resource \(http:\/\/127\.0\.0\.2:9\/mcp\)/ },
  'other-path': { rs: (url) => ({ metadataResource: new URL('/other', url).href }), refused: /metadata is for another resource \(http:\/\/127\.0\.0\.1:\d+\/other\)/ },
  redirected: { rs: () => ({ metadataRedirect: 'http://127.0.0.2:9/stolen-metadata' }), refused: /redirected to another host, which MCP Tray does not follow: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp → http:\/\/127\.0\.0\.2:9\/stolen-metadata\)/ },
  'no-metadata': { rs: () => ({ noMetadata: true }), refused: /publishes no protected resource metadata/ },
  'wrong-issuer': { as: { wrongIssuer: true }, refused: /names another issuer \(https:\/\/auth\.elsewhere\.example\)/ },
  'no-registration': { as: { registration: false }, refused: /does not let MCP Tray register itself.*oauthClientId=/ },
};

describe('sign-in refusals', () => {
  const pairs = new Map<string, Pair>();
  let hub: HubProcess;
  let browser: SignInBrowser;
  let dataDir: string;

  beforeAll(async () => {
    for (const [id, setup] of [...Object.entries(cases), ['good', {}] as const]) {
      const listening = await listenResourceServer();
      const as = await startAuthorizationServer({ resource: listening.url, ...('as' in setup ? setup.as : {}) });
      const rs = listening.start({ issuer: as.issuer, ...('rs' in setup && setup.rs ? setup.rs(listening.url) : {}) });
      pairs.set(id, { as, rs });
    }
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [...pairs].map(([id, { rs }]) => ({ id, name: id, kind: 'http', url: rs.url })) });
    hub = await startHub(dataDir);
    browser = await openSignInBrowser();
  });

  afterAll(async () => {
    await hub?.stop();
    await browser?.close();
    for (const { as, rs } of pairs.values()) {
      await rs.close();
      await as.close();
    }
  });

  for (const [id, { refused }] of Object.entries(cases)) {
    it(`refuses ${id} with a clear error, before registering or opening a page`, async () => {
      const result = await cli(dataDir, ['servers', 'login', id, '--no-open']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`cannot sign in to "${id}": `));
      expect(result.stderr).toMatch(refused);
      expect(result.stdout).toBe('');
      expect(pairs.get(id)!.as.count('registration_create.success')).toBe(0);
      const server = (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === id)!;
      expect(server.state).toBe('needs-sign-in');
      expect(server.auth?.attempt?.error).toMatch(refused);
    });
  }

  it('refuses a callback with a wrong state, and the real sign-in still completes', async () => {
    const login = startLogin(dataDir, 'good');
    const url = new URL(await login.url);
    const callback = new URL(url.searchParams.get('redirect_uri')!);
    callback.search = new URLSearchParams({ code: 'forged-code', state: 'not-the-state', iss: pairs.get('good')!.as.issuer }).toString();
    const forged = await browser.visit(callback.href);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('does not belong to the sign-in MCP Tray started (wrong state)');
    expect(await browser.signIn(url.href)).toContain('Signed in');
    const result = await login.done;
    expect(result.code, result.stderr).toBe(0);
    await waitFor('good to run', async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === 'good')?.state === 'running');
    const log = await cli(dataDir, ['servers', 'log', 'good']);
    expect(log.stdout).toContain('a sign-in callback with a wrong state was refused');
  });
});

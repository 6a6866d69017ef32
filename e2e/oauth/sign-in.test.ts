// Signing in to a remote MCP server with OAuth, end to end with real parts: oidc-provider as the
// authorization server (dynamic registration, PKCE, rotating refresh tokens, 8 s access tokens), an
// MCP server that accepts only its tokens for itself, Chromium doing the login and consent, the real
// CLI, keychain and hub, and an SDK client through the bridge as the IDE. Then: expiry and refresh
// unnoticed by the client, one shared refresh for parallel calls, step-up to a larger scope,
// revocation at the authorization server, signing in again, signing out; and no token anywhere on
// disk. The steps build on each other and run in order.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { buildTrayMenu, findMenuItem, type TrayActions } from '../../electron/shell/tray-menu.ts';
import { statusLine, trayIconState, type TrayState } from '../../electron/shell/tray-state.ts';
import { startAuthorizationServer, type TestAuthorizationServer } from '../fixtures/oauth/authorization-server.ts';
import { listenResourceServer, type TestResourceServer } from '../fixtures/oauth/mcp-resource-server.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { openSignInBrowser, type SignInBrowser } from '../helpers/oauth-browser.ts';
import { startLogin } from '../helpers/oauth-login.ts';
import { sweep } from '../setup/secret-sweep.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? 'mcp-tray';

/** Every keychain entry of the service, by account (secret-tool, an independent reader; it prints attributes on stderr). */
function keychainAccounts(): string[] {
  const out = spawnSync('secret-tool', ['search', '--all', 'service', SERVICE], { encoding: 'utf8' }).stderr ?? '';
  return [...out.matchAll(/^attribute\.username = (.*)$/gm)].map((m) => m[1]!);
}

const text = (result: Awaited<ReturnType<Client['callTool']>>) => (result.content as Array<{ text?: string }>)[0]?.text ?? '';
const noActions = new Proxy({}, { get: () => () => undefined }) as TrayActions;
const trayOf = (status: HubStatus): TrayState => ({ servers: status.servers, approvals: status.approvals, sessions: status.clients, installTargets: [], startAtLogin: false, problems: status.problems });

describe('signing in to a remote server (OAuth)', () => {
  let as: TestAuthorizationServer;
  let rs: TestResourceServer;
  let hub: HubProcess;
  let browser: SignInBrowser;
  let ide: Client;
  let dataDir: string;
  let home: string;
  // A plain header lives in settings.json by design (it is not a secret): a value unique to this run.
  const staticHeader = `static-${process.pid}-${Date.now()}`;
  const apiKey = testSecret('api-key');

  const server = async (id = 'remote'): Promise<ServerStatus> => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === id)!;
  const signIn = async (extra: string[] = []) => {
    const login = startLogin(dataDir, 'remote', extra);
    const page = await browser.signIn(await login.url);
    const done = await login.done;
    expect(page, done.stderr).toContain('Signed in');
    return done;
  };

  beforeAll(async () => {
    const listening = await listenResourceServer();
    as = await startAuthorizationServer({ resource: listening.url, accessTokenTtlSeconds: 8 });
    rs = listening.start({ issuer: as.issuer });
    dataDir = tempDir();
    home = tempDir('mcp-tray-home-');
    writeSettings(dataDir, {
      servers: [
        // Write mode allow: write_note reaches the server without an approval (approvals are tested elsewhere).
        { id: 'remote', name: 'Remote', kind: 'http', url: rs.url, writeMode: 'allow', headers: { 'X-Static': staticHeader }, secretHeaders: ['X-Api-Key'] },
        testServerDefinition('local'),
      ],
    });
    hub = await startHub(dataDir, { env: { HOME: home } });
    browser = await openSignInBrowser();
  });

  afterAll(async () => {
    await ide?.close();
    await hub?.stop();
    await browser?.close();
    await rs?.close();
    await as?.close();
  });

  it('waits for a sign-in when the server answers 401, without registering anywhere', async () => {
    expect((await cli(dataDir, ['secrets', 'set', 'remote', 'X-Api-Key'], { input: apiKey })).code).toBe(0);
    const waiting = await waitFor('remote to need a sign-in', async () => {
      const s = await server();
      return s.state === 'needs-sign-in' && s;
    });
    expect(waiting.problem).toContain('mcp-tray servers login remote');
    expect(as.count('registration_create.success')).toBe(0);
    expect(keychainAccounts().filter((a) => a.startsWith('remote:oauth:'))).toEqual([]);
    const tray = trayOf(await cliJson<HubStatus>(dataDir, ['status']));
    expect(trayIconState(tray)).toBe('attention');
    expect(statusLine(tray)).toContain('1 needs sign-in');
    expect(findMenuItem(buildTrayMenu(tray, noActions), 'server:remote:sign-in')?.label).toBe('Sign in…');
  });

  it('signs in through the browser (registration, PKCE, consent) and serves the tools to an IDE', async () => {
    const login = startLogin(dataDir, 'remote');
    const url = new URL(await login.url);
    expect(url.origin).toBe(as.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('resource')).toBe(rs.url);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('scope')).toBe('mcp:read');
    expect(await browser.signIn(url.href)).toContain('Signed in');
    const result = await login.done;
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signed in to remote as alice \(scope: mcp:read\); running/);
    expect(as.count('registration_create.success')).toBe(1);

    ide = await connectBridge(dataDir, 'ide');
    const tools = (await ide.listTools()).tools.map((t) => t.name);
    expect(tools).toEqual(expect.arrayContaining(['whoami', 'write_note']));
    expect(JSON.parse(text(await ide.callTool({ name: 'whoami', arguments: {} })))).toMatchObject({ subject: 'alice', scopes: ['mcp:read'] });
    const status = await server();
    expect(status.auth).toMatchObject({ signedIn: true, account: 'alice', scope: 'mcp:read', issuer: as.issuer });
    expect(Date.parse(status.auth!.expiresAt!)).toBeGreaterThan(Date.now());
    expect(keychainAccounts()).toEqual(expect.arrayContaining(['remote:oauth:tokens', 'remote:oauth:client']));
  });

  it('refreshes the access token before it expires, unnoticed by the IDE', async () => {
    const before = rs.tokens.size;
    const refreshes = as.tokenRequests('refresh_token');
    // Longer than two token lifetimes; every call works.
    const deadline = Date.now() + 18_000;
    while (Date.now() < deadline) {
      const result = await ide.callTool({ name: 'whoami', arguments: {} });
      expect(result.isError).toBeFalsy();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(as.tokenRequests('refresh_token')).toBeGreaterThanOrEqual(refreshes + 2);
    expect(rs.tokens.size).toBeGreaterThanOrEqual(before + 2);
    expect(as.count('grant.revoked')).toBe(0);
  });

  it('refreshes on a 401 once for many calls at the same moment, and every call succeeds', async () => {
    const refreshes = as.tokenRequests('refresh_token');
    // Every token issued so far now reads as expired at the server, the hub's current one included.
    for (const token of as.issued) rs.reject(token);
    const unauthorized = rs.unauthorized();
    const results = await Promise.all(Array.from({ length: 8 }, () => ide.callTool({ name: 'whoami', arguments: {} })));
    expect(results.map((r) => r.isError ?? false)).toEqual(Array(8).fill(false));
    expect(rs.unauthorized()).toBeGreaterThan(unauthorized);
    expect(as.tokenRequests('refresh_token')).toBe(refreshes + 1);
    expect(as.count('grant.revoked')).toBe(0);
    expect((await server()).state).toBe('running');
  });

  it('sent the static and secret headers to the MCP server only, never to the authorization server (not in refreshes either)', () => {
    expect(rs.headers.some((h) => h.includes(staticHeader) && h.includes(apiKey))).toBe(true);
    const seenByAs = as.requests.map((r) => r.headers).join('\n');
    expect(seenByAs).not.toContain(staticHeader);
    expect(seenByAs).not.toContain(apiKey);
  });

  it('asks for a second sign-in with the larger scope when the server answers 403 insufficient_scope', async () => {
    const denied = await ide.callTool({ name: 'write_note', arguments: { text: 'hello' } });
    expect(denied.isError).toBe(true);
    expect(text(denied)).toMatch(/needs more permission \(mcp:write\).*mcp-tray servers login remote/);
    // The server keeps running: its other tools work.
    expect((await ide.callTool({ name: 'whoami', arguments: {} })).isError).toBeFalsy();
    const status = await server();
    expect(status.state).toBe('running');
    expect(status.auth?.pendingScope).toBe('mcp:read mcp:write');
    const tray = trayOf(await cliJson<HubStatus>(dataDir, ['status']));
    expect(trayIconState(tray)).toBe('attention');
    expect(findMenuItem(buildTrayMenu(tray, noActions), 'server:remote:sign-in')?.label).toBe('Sign in again (needs mcp:read mcp:write)…');

    const login = startLogin(dataDir, 'remote');
    const url = new URL(await login.url);
    expect(url.searchParams.get('scope')).toBe('mcp:read mcp:write');
    await browser.signIn(url.href);
    expect((await login.done).stdout).toContain('(scope: mcp:read mcp:write)');
    await waitFor('the IDE to see the server again', async () => !(await ide.callTool({ name: 'whoami', arguments: {} })).isError);
    expect(text(await ide.callTool({ name: 'write_note', arguments: { text: 'hello' } }))).toBe('noted: hello');
    expect((await server()).auth?.pendingScope).toBeUndefined();
  });

  it('needs a sign-in again after the authorization server revokes the grant; calls say so at once, other servers work', async () => {
    await as.revokeAllGrants();
    // The current access token is a JWT, valid until it expires: the next refresh meets the revocation.
    await waitFor('remote to need a sign-in', async () => (await server()).state === 'needs-sign-in', 20_000, 250);
    const failed = await ide.callTool({ name: 'whoami', arguments: {} });
    expect(failed.isError).toBe(true);
    expect(text(failed)).toContain('needs you to sign in: mcp-tray servers login remote');
    const other = await ide.callTool({ name: 'peek', arguments: {} });
    expect(other.isError).toBeFalsy();
    expect(text(other)).toContain('counter=');

    const tray = trayOf(await cliJson<HubStatus>(dataDir, ['status']));
    expect(trayIconState(tray)).toBe('attention');
    const list = await cli(dataDir, ['servers', 'list']);
    expect(list.stdout).toMatch(/remote\s+http\s+needs-sign-in/);
    expect(keychainAccounts().filter((a) => a === 'remote:oauth:tokens')).toEqual([]);
  });

  it('works again after signing in again', async () => {
    const result = await signIn();
    expect(result.code).toBe(0);
    await waitFor('whoami to work', async () => !(await ide.callTool({ name: 'whoami', arguments: {} })).isError);
    expect((await server()).state).toBe('running');
  });

  it('stays signed in across a hub restart (tokens from the keychain) and keeps refreshing', async () => {
    await ide.close();
    await hub.stop();
    hub = await startHub(dataDir, { env: { HOME: home } });
    await waitFor('remote to run without a new sign-in', async () => (await server()).state === 'running');
    ide = await connectBridge(dataDir, 'ide');
    const refreshes = as.tokenRequests('refresh_token');
    // Discovery is not kept on disk: the first refresh after the restart finds the server again.
    await waitFor('a refresh after the restart', () => as.tokenRequests('refresh_token') > refreshes, 20_000, 250);
    expect(JSON.parse(text(await ide.callTool({ name: 'whoami', arguments: {} })))).toMatchObject({ subject: 'alice' });
    expect((await server()).state).toBe('running');
  });

  it('signs out: revokes the refresh token, deletes every sign-in entry from the keychain, and waits for a sign-in', async () => {
    const refreshToken = as.refreshTokens.at(-1)!;
    expect(await as.active(refreshToken)).toBe(true);
    const revokedBefore = as.count('grant.revoked');
    const result = await cli(dataDir, ['servers', 'logout', 'remote']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/signed out of remote: revoked the refresh token; deleted 2 keychain entries/);
    expect(as.count('grant.revoked')).toBe(revokedBefore + 1);
    expect(await as.active(refreshToken)).toBe(false);
    expect(keychainAccounts().filter((a) => a.startsWith('remote:oauth:'))).toEqual([]);
    // The secret header is the user's own setting, not part of the sign-in: it stays.
    expect(keychainAccounts()).toContain('remote:header:X-Api-Key');
    const status = await server();
    expect(status.state).toBe('needs-sign-in');
    expect(status.auth?.signedIn).toBe(false);
  });

  it('left no token in the data dir or HOME', async () => {
    await ide.close();
    await hub.stop();
    const tokens = [...as.issued, ...rs.tokens];
    expect(tokens.length).toBeGreaterThan(6);
    expect(sweep([dataDir, home], tokens)).toEqual([]);
  });
});

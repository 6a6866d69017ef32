// The ways MCP Tray is known to an authorization server other than registering itself: a client id
// and secret the user registered there (for a server that offers no registration), entered with
// `servers add --oauth-client-id X --oauth-client-secret-stdin`; a wrong secret, refused with a clear
// error; and a Client ID Metadata Document (its https URL as the client id, no registration).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { startAuthorizationServer, type TestAuthorizationServer } from '../fixtures/oauth/authorization-server.ts';
import { listenResourceServer, type TestResourceServer } from '../fixtures/oauth/mcp-resource-server.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { openSignInBrowser, type SignInBrowser } from '../helpers/oauth-browser.ts';
import { startLogin } from '../helpers/oauth-login.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? 'mcp-tray';
const lookup = (account: string) => spawnSync('secret-tool', ['lookup', 'service', SERVICE, 'username', account], { encoding: 'utf8' }).stdout;
const METADATA_URL = 'https://tray.example/oauth/client-metadata.json';

describe('client ids other than a registration', () => {
  let userAs: TestAuthorizationServer;
  let userRs: TestResourceServer;
  let cimdAs: TestAuthorizationServer;
  let cimdRs: TestResourceServer;
  let hub: HubProcess;
  let browser: SignInBrowser;
  let ide: Client | undefined;
  let dataDir: string;
  const clientSecret = testSecret('client-secret');

  const server = async (id: string) => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === id)!;
  const whoami = async (id: string) => {
    ide ??= await connectBridge(dataDir, 'ide');
    // Its name as clients see it: plain, or prefixed with the server id when another server has one too.
    const name = await waitFor(`${id}'s whoami`, async () => (await server(id)).tools.find((t) => t.name === 'whoami')?.exposedName);
    await waitFor(`${name} listed`, async () => (await ide!.listTools()).tools.some((t) => t.name === name));
    const result = await ide.callTool({ name, arguments: {} });
    return JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as { subject: string; client: string; scopes: string[] };
  };

  beforeAll(async () => {
    const listening = await listenResourceServer();
    userAs = await startAuthorizationServer({
      resource: listening.url,
      registration: false,
      clients: [
        {
          client_id: 'tray-user',
          client_secret: clientSecret,
          application_type: 'native',
          redirect_uris: ['http://127.0.0.1/callback'],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
    });
    userRs = listening.start({ issuer: userAs.issuer });

    const listening2 = await listenResourceServer();
    const document = {
      client_id: METADATA_URL,
      client_name: 'MCP Tray',
      redirect_uris: ['http://127.0.0.1/callback'],
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
    cimdAs = await startAuthorizationServer({ resource: listening2.url, clientMetadataDocuments: { [METADATA_URL]: document } });
    cimdRs = listening2.start({ issuer: cimdAs.issuer });

    dataDir = tempDir();
    writeSettings(dataDir, { servers: [{ id: 'cimd', name: 'cimd', kind: 'http', url: cimdRs.url, oauthClientMetadataUrl: METADATA_URL }] });
    hub = await startHub(dataDir);
    browser = await openSignInBrowser();
  });

  afterAll(async () => {
    await ide?.close();
    await hub?.stop();
    await browser?.close();
    for (const part of [userRs, userAs, cimdRs, cimdAs]) await part?.close();
  });

  it('signs in with a client id and secret the user entered, against a server without registration', async () => {
    const added = await cli(dataDir, ['servers', 'add', 'byhand', '--url', userRs.url, '--oauth-client-id', 'tray-user', '--oauth-client-secret-stdin'], { input: `${clientSecret}\n` });
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added byhand: needs-sign-in');
    expect(lookup('byhand:oauth:client-secret')).toBe(clientSecret);
    const settings = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"oauthClientId": "tray-user"');
    expect(settings).not.toContain(clientSecret);

    const login = startLogin(dataDir, 'byhand');
    const url = new URL(await login.url);
    expect(url.searchParams.get('client_id')).toBe('tray-user');
    expect(await browser.signIn(url.href)).toContain('Signed in');
    const result = await login.done;
    expect(result.code, result.stderr).toBe(0);
    expect(await whoami('byhand')).toMatchObject({ subject: 'alice', client: 'tray-user' });
    expect(userAs.count('registration_create.success')).toBe(0);
    // The secret went to the token endpoint (HTTP Basic), as the client was registered.
    expect(userAs.requests.some((r) => r.method === 'POST' && r.path === '/token' && r.headers.includes('"authorization":"Basic '))).toBe(true);
  });

  it('says the authorization server refused the client id and secret when the secret is wrong', async () => {
    const added = await cli(dataDir, ['servers', 'add', 'wrongsecret', '--url', userRs.url, '--oauth-client-id', 'tray-user', '--oauth-client-secret-stdin'], { input: 'not-the-secret' });
    expect(added.code, added.stderr).toBe(0);
    const login = startLogin(dataDir, 'wrongsecret');
    await browser.signIn(await login.url);
    const result = await login.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sign-in to wrongsecret failed: the authorization server refused the client id and secret (invalid_client)');
    expect((await server('wrongsecret')).state).toBe('needs-sign-in');
  });

  it('signs out of a user-entered client: tokens and binding go, the entered secret stays', async () => {
    const result = await cli(dataDir, ['servers', 'logout', 'byhand']);
    expect(result.code, result.stderr).toBe(0);
    expect(lookup('byhand:oauth:tokens')).toBe('');
    expect(lookup('byhand:oauth:client')).toBe('');
    expect(lookup('byhand:oauth:client-secret')).toBe(clientSecret);
  });

  it('uses a Client ID Metadata Document where the server supports it, registering nothing', async () => {
    const login = startLogin(dataDir, 'cimd');
    const url = new URL(await login.url);
    expect(url.searchParams.get('client_id')).toBe(METADATA_URL);
    expect(await browser.signIn(url.href)).toContain('Signed in');
    const result = await login.done;
    expect(result.code, result.stderr).toBe(0);
    expect(cimdAs.count('registration_create.success')).toBe(0);
    expect((await whoami('cimd')).client).toBe(METADATA_URL);
  });

  it('removing a server deletes its whole sign-in from the keychain, the entered secret included', async () => {
    const removed = await cli(dataDir, ['servers', 'remove', 'cimd']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(lookup('cimd:oauth:tokens')).toBe('');
    expect(lookup('cimd:oauth:client')).toBe('');
    expect((await cli(dataDir, ['servers', 'remove', 'byhand'])).code).toBe(0);
    expect(lookup('byhand:oauth:client-secret')).toBe('');
  });
});

// Signing in to the web UI without ever handing out the long-lived UI token: a one-time link
// (`mcp-tray ui open`) is exchanged once, within 60 s, for an HttpOnly SameSite=Strict cookie plus
// a page key; the two together are the session. A replayed or late link is refused with a page that
// says so; a call needs the page's own Origin; the token survives a restart where there is a
// keychain (so an open tab keeps working), changes at each start where there is none, and
// `mcp-tray ui rotate-token` ends every session.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { loginLink, loginThroughOneTimeLink, redeem, type UiSession } from '../helpers/ui-session.ts';

const CODE_LIFETIME_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function callStatus(session: UiSession, headers: Record<string, string> = session.headers): Promise<Response> {
  return fetch(`${session.origin}/api/call`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"method":"status","params":{}}' });
}

describe('signing in to the web UI', () => {
  let dataDir: string;
  let port: number;
  let hub: HubProcess;
  let lateLink: string;
  let lateIssuedAt: number;

  const start = async () => (hub = await startHub(dataDir, { args: ['--port', String(port)] }));

  beforeAll(async () => {
    dataDir = tempDir('mcp-tray-ui-flow-');
    writeSettings(dataDir, { servers: [] });
    port = await freePort();
    await start();
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.keychain, 'these tests need the OS keychain: run under e2e/setup/with-keyring.sh').toEqual({ available: true });
    // The UI URL is the plain address now: nothing secret in it.
    expect(status.endpoints.ui).toBe(`http://127.0.0.1:${port}/`);
    // Issued now, redeemed at the end of the 60 s it is valid for.
    lateLink = await loginLink(dataDir);
    lateIssuedAt = Date.now();
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('a one-time link signs in once; used again it is refused with a page that says what to do', async () => {
    const link = await loginLink(dataDir);
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/login\\?code=[A-Za-z0-9_-]{32,}$`));
    const first = await redeem(link);
    expect(first.status).toBe(303);
    expect((await callStatus(first.session!)).status).toBe(200);
    const replay = await redeem(link);
    expect(replay.status).toBe(410);
    expect(replay.session).toBeUndefined();
    expect(replay.body).toContain('already been used');
    expect(replay.body).toContain('mcp-tray ui open');
    const made = await redeem(`http://127.0.0.1:${port}/login?code=made-up-code-made-up-code-made-up`);
    expect(made.status).toBe(410);
    expect((await redeem(`http://127.0.0.1:${port}/login`)).status).toBe(400);
  });

  it('the cookie is HttpOnly, SameSite=Strict, named for this port; the session needs cookie and page key, and calls need our Origin', async () => {
    const response = await fetch(await loginLink(dataDir), { redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^mcp-tray-ui-${port}=`));
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(setCookie).not.toMatch(/; Secure/i);
    expect(response.headers.get('location')).toMatch(/^\/#key=[A-Za-z0-9_-]+$/);
    expect(response.headers.get('cache-control')).toContain('no-store');

    const session = await loginThroughOneTimeLink(dataDir);
    expect((await callStatus(session)).status).toBe(200);
    expect((await callStatus(session, { cookie: session.cookie, origin: session.origin })).status).toBe(401);
    expect((await callStatus(session, { 'x-mcp-tray-key': session.key, origin: session.origin })).status).toBe(401);
    // A forged cookie value with the right name, or another session's key, is refused.
    const other = await loginThroughOneTimeLink(dataDir);
    expect((await callStatus(session, { cookie: session.cookie, 'x-mcp-tray-key': other.key, origin: session.origin })).status).toBe(401);
    // Calls change state: a browser always sends Origin with them, so one without it is not a page of ours.
    expect((await callStatus(session, { cookie: session.cookie, 'x-mcp-tray-key': session.key })).status).toBe(403);
    expect((await callStatus(session, { ...session.headers, origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await callStatus(session, { ...session.headers, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // The event stream: cookie plus the key in the query (EventSource cannot set headers).
    const events = await fetch(`${session.origin}/api/events?key=${session.key}`, { headers: { cookie: session.cookie }, signal: AbortSignal.timeout(5000) });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    await events.body?.cancel();
    expect((await fetch(`${session.origin}/api/events`, { headers: { cookie: session.cookie } })).status).toBe(401);
  });

  it('a link older than 60 s is refused', { timeout: CODE_LIFETIME_MS + 30_000 }, async () => {
    const wait = lateIssuedAt + CODE_LIFETIME_MS + 1500 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const late = await redeem(lateLink);
    expect(late.status).toBe(410);
    expect(late.body).toContain('expired');
  });

  it('with a keychain the token survives a restart: a signed-in page keeps working', async () => {
    const session = await loginThroughOneTimeLink(dataDir);
    expect(await hub.stop()).toBe(0);
    await start();
    expect((await callStatus(session)).status).toBe(200);
  });

  it('ui rotate-token ends every session, open event streams included', async () => {
    const session = await loginThroughOneTimeLink(dataDir);
    const events = await fetch(`${session.origin}/api/events?key=${session.key}`, { headers: { cookie: session.cookie } });
    expect(events.status).toBe(200);
    const streamEnded = events.text().then(() => 'ended', () => 'ended');
    const rotated = await cli(dataDir, ['ui', 'rotate-token']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/rotated/i);
    expect((await callStatus(session)).status).toBe(401);
    expect(await streamEnded).toBe('ended');
    // A new sign-in works, and keeps working after a restart (the new token is the one kept).
    const fresh = await loginThroughOneTimeLink(dataDir);
    expect((await callStatus(fresh)).status).toBe(200);
    await hub.stop();
    await start();
    expect((await callStatus(fresh)).status).toBe(200);
    expect((await callStatus(session)).status).toBe(401);
  });
});

describe('signing in without a keychain', () => {
  it('the UI token changes at each start, so a session ends with the hub', async () => {
    const dataDir = tempDir('mcp-tray-ui-nokeychain-');
    writeSettings(dataDir, { servers: [] });
    const port = await freePort();
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mcp-tray-no-bus' };
    let hub = await startHub(dataDir, { args: ['--port', String(port)], env });
    try {
      expect((await cliJson<HubStatus>(dataDir, ['status'])).keychain.available).toBe(false);
      const session = await loginThroughOneTimeLink(dataDir);
      expect((await callStatus(session)).status).toBe(200);
      await hub.stop();
      hub = await startHub(dataDir, { args: ['--port', String(port)], env });
      expect((await callStatus(session)).status).toBe(401);
    } finally {
      await hub.stop();
    }
  });
});

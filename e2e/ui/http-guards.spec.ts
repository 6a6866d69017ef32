// The web UI's API needs a signed-in page (401 without one: the session cookie AND the page key),
// and refuses a foreign Origin (403) or a non-loopback Host; signing in goes through a one-time
// link, the page takes its key out of the address bar, the cookie is out of the page's reach
// (HttpOnly), and a browser that has not signed in is told how to.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { redeem, type UiSession } from '../helpers/ui-session.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A raw request, so Host and Origin are exactly what the test says. */
function request(hub: UiHub, path: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const url = new URL(path, hub.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        // The event stream never ends: its first bytes are enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) req.destroy();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = JSON.stringify({ method: 'status', params: {} });
const json = { 'Content-Type': 'application/json' };

test.describe('web UI access', () => {
  let hub: UiHub;
  let session: UiSession;

  test.beforeAll(async () => {
    hub = await startUiHub();
    session = (await redeem(await hub.signInLink())).session!;
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('without a signed-in session /api answers 401', async () => {
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...json, Origin: hub.origin }, body: call })).status).toBe(401);
    const wrong = await request(hub, '/api/call', { method: 'POST', headers: { ...json, Origin: hub.origin, Cookie: `${session.cookie}x`, 'X-MCP-Tray-Key': session.key }, body: call });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('mcp-tray ui open') } });
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...json, Origin: hub.origin, 'X-MCP-Tray-Key': session.key }, body: call })).status).toBe(401);
    expect((await request(hub, '/api/events', {})).status).toBe(401);
    expect((await request(hub, `/api/events?key=${session.key}`, {})).status).toBe(401);
    // With it: 200.
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...json, ...session.headers }, body: call })).status).toBe(200);
    expect((await request(hub, `/api/events?key=${session.key}`, { headers: { Cookie: session.cookie } })).status).toBe(200);
  });

  test('a foreign Origin gets 403, even signed in; so does a call without Origin, and a non-loopback Host', async () => {
    const auth = { ...json, Cookie: session.cookie, 'X-MCP-Tray-Key': session.key };
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: call })).status).toBe(403);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: 'null' }, body: call })).status).toBe(403);
    expect((await request(hub, '/api/call', { method: 'POST', headers: auth, body: call })).status).toBe(403);
    expect((await request(hub, `/api/events?key=${session.key}`, { headers: { Cookie: session.cookie, Origin: 'https://example.com' } })).status).toBe(403);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: hub.origin }, body: call })).status).toBe(200);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: hub.origin, Host: 'attacker.example:80' }, body: call })).status).toBe(403);
  });

  test('signing in: the key leaves the address bar, the cookie is out of the page\'s reach, reloads and new tabs stay signed in', async ({ page, browser }) => {
    const link = await hub.signInLink();
    const response = await page.goto(link);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('key=');
    expect(page.url()).not.toContain('code=');
    expect(await page.evaluate('document.cookie')).not.toContain('mcp-tray-ui');
    const cookie = (await page.context().cookies()).find((c) => c.name === `mcp-tray-ui-${new URL(hub.origin).port}`);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    const tab = await page.context().newPage();
    await tab.goto(hub.url);
    await expect(tab.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();
    await tab.close();
    // The link worked once.
    const again = await browser.newPage();
    await again.goto(link);
    await expect(again.getByRole('heading', { name: 'This sign-in link has already been used' })).toBeVisible();
    await again.close();

    const fresh = await browser.newPage();
    await fresh.goto(hub.url);
    await expect(fresh.getByRole('heading', { name: 'Sign in to MCP Tray' })).toBeVisible();
    await fresh.close();
    await openUi(page, hub);
  });
});

// The web UI's API needs the UI token (401 without it) and refuses a foreign
// Origin (403) or a non-loopback Host; the page takes the token out of the address bar, and without
// a token it says where to get one.
import http from 'node:http';
import { expect, test } from '@playwright/test';
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

  test.beforeAll(async () => {
    hub = await startUiHub();
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('without the UI token /api answers 401', async () => {
    expect((await request(hub, '/api/call', { method: 'POST', headers: json, body: call })).status).toBe(401);
    const wrong = await request(hub, '/api/call', { method: 'POST', headers: { ...json, Authorization: 'Bearer not-the-token' }, body: call });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await request(hub, '/api/events', {})).status).toBe(401);
    expect((await request(hub, '/api/events?token=nope', {})).status).toBe(401);
    // With it: 200.
    const ok = await request(hub, '/api/call', { method: 'POST', headers: { ...json, Authorization: `Bearer ${hub.token}` }, body: call });
    expect(ok.status).toBe(200);
    expect((await request(hub, `/api/events?token=${hub.token}`, {})).status).toBe(200);
  });

  test('a foreign Origin gets 403, even with the token; so does a non-loopback Host', async () => {
    const auth = { ...json, Authorization: `Bearer ${hub.token}` };
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: 'http://evil.example' }, body: call })).status).toBe(403);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: 'null' }, body: call })).status).toBe(403);
    expect((await request(hub, `/api/events?token=${hub.token}`, { headers: { Origin: 'https://example.com' } })).status).toBe(403);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Origin: hub.origin }, body: call })).status).toBe(200);
    expect((await request(hub, '/api/call', { method: 'POST', headers: { ...auth, Host: 'attacker.example:80' }, body: call })).status).toBe(403);
  });

  test('the page drops the token from the address bar, keeps working after a reload, and explains a missing token', async ({ page, browser }) => {
    const response = await page.goto(hub.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await openUi(page, hub);
    expect(page.url()).not.toContain(hub.token);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Servers' })).toBeVisible();

    const fresh = await browser.newPage();
    await fresh.goto(hub.origin + '/');
    await expect(fresh.getByRole('heading', { name: 'Open MCP Tray from the address it printed' })).toBeVisible();
    await fresh.close();
  });
});

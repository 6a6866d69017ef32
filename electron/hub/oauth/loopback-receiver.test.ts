import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenLoopback, type LoopbackReceiver } from './loopback-receiver.ts';

/** A raw GET, so the Host header can be what a test needs (fetch would set it from the URL). */
function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback receiver', () => {
  let receiver: LoopbackReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('listens on 127.0.0.1 with a random port and hands over the code of the right callback', async () => {
    receiver = await listenLoopback();
    expect(receiver.redirectUrl).toBe(`http://127.0.0.1:${receiver.port}/callback`);
    const code = receiver.expect('the-state');
    const answer = await get(receiver.port, '/callback?code=c0de&state=the-state');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Signed in');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    expect(await code).toBe('c0de');
  });

  it('refuses a wrong state with 400 and keeps waiting for the right one', async () => {
    const refused: string[] = [];
    receiver = await listenLoopback({ refused: (why) => refused.push(why) });
    const code = receiver.expect('the-state');
    const wrong = await get(receiver.port, '/callback?code=evil&state=guess');
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('wrong state');
    expect(wrong.body).not.toContain('evil');
    expect(refused).toEqual(['a sign-in callback with a wrong state was refused']);
    await get(receiver.port, '/callback?code=good&state=the-state');
    expect(await code).toBe('good');
  });

  it('requires the issuer the authorization server said it sends (RFC 9207)', async () => {
    receiver = await listenLoopback();
    const code = receiver.expect('s', 'https://as.example');
    expect((await get(receiver.port, '/callback?code=x&state=s')).status).toBe(400);
    expect((await get(receiver.port, `/callback?code=x&state=s&iss=${encodeURIComponent('https://evil.example')}`)).status).toBe(400);
    await get(receiver.port, `/callback?code=ok&state=s&iss=${encodeURIComponent('https://as.example')}`);
    expect(await code).toBe('ok');
  });

  it('answers 404 to another Host (DNS rebinding), another path, another method, or nothing awaited', async () => {
    receiver = await listenLoopback();
    expect((await get(receiver.port, '/callback?code=x&state=s')).status).toBe(404);
    const code = receiver.expect('s');
    code.catch(() => undefined);
    expect((await get(receiver.port, '/callback?code=x&state=s', `localhost:${receiver.port}`)).status).toBe(404);
    expect((await get(receiver.port, '/callback?code=x&state=s', 'evil.example')).status).toBe(404);
    expect((await get(receiver.port, '/other?code=x&state=s')).status).toBe(404);
    expect((await get(receiver.port, '/callback?code=x&state=s', undefined, 'POST')).status).toBe(404);
  });

  it("refuses a callback from another user's browser with 403, and keeps waiting for the user's", async () => {
    const refused: string[] = [];
    let otherUser = true;
    receiver = await listenLoopback({
      refused: (why) => refused.push(why),
      checkPeer: async () => (otherUser ? { ok: false, reason: 'the browser that opened it runs as another user (uid 65534)' } : { ok: true, checked: true }),
    });
    const code = receiver.expect('s');
    const foreign = await get(receiver.port, '/callback?code=theirs&state=s');
    expect(foreign.status).toBe(403);
    expect(refused[0]).toContain('uid 65534');
    otherUser = false;
    await get(receiver.port, '/callback?code=mine&state=s');
    expect(await code).toBe('mine');
  });

  it('rejects with what the authorization server said when the user declined', async () => {
    receiver = await listenLoopback();
    const declined = expect(receiver.expect('s')).rejects.toThrow('the authorization server answered access_denied: the user said no');
    await get(receiver.port, '/callback?error=access_denied&error_description=the+user+said+no&state=s');
    await declined;
  });

  it('gives up after its timeout, and on close', async () => {
    receiver = await listenLoopback({ timeoutMs: 50 });
    await expect(receiver.expect('s')).rejects.toThrow(/not completed within/);
    const waiting = receiver.expect('s');
    await receiver.close('cancelled by the user');
    await expect(waiting).rejects.toThrow('cancelled by the user');
    receiver = undefined;
  });

  it('takes another port when the preferred one is busy, unless the port is fixed', async () => {
    const busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      receiver = await listenLoopback({ port });
      expect(receiver.port).not.toBe(port);
      await expect(listenLoopback({ port, strictPort: true })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      busy.close();
    }
  });
});

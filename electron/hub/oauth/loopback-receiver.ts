// Where the browser comes back after signing in: a one-shot listener on 127.0.0.1 (a random port
// unless one is set), answering only GET /callback with Host 127.0.0.1:<port> (a page on another
// name, as after DNS rebinding, gets 404). The callback must carry the state this sign-in sent
// (compared in constant time) and, where the authorization server says it sends one, its own issuer
// (RFC 9207: a reply meant for another server is refused). On Linux the browser must also run as
// the hub's own user (the kernel says who owns the connecting socket, http/peer-user.ts): the
// authorization URL, state included, is on the opener's command line, which other users can read,
// and one of them could otherwise deliver a code for their own account. A wrong callback is refused
// and the sign-in keeps waiting for the right one. Pages echo nothing from the request.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { peerIsThisUser, type PeerCheck } from '../http/peer-user.ts';

export const CALLBACK_PATH = '/callback';
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface LoopbackReceiver {
  readonly port: number;
  /** http://127.0.0.1:<port>/callback */
  readonly redirectUrl: string;
  /** Waits for the callback with this state (and issuer, when the server sends one); resolves with the code. */
  expect(state: string, issuer?: string): Promise<string>;
  close(reason?: string): Promise<void>;
}

export interface LoopbackOptions {
  /** A port to try first (0: any). */
  readonly port?: number;
  /** Fail instead of picking another port when `port` is taken (a client registered with that port). */
  readonly strictPort?: boolean;
  readonly timeoutMs?: number;
  /** A refused callback and why (for the server's log). */
  readonly refused?: (why: string) => void;
  /** Who is connecting (a double in unit tests). */
  readonly checkPeer?: (socket: Socket) => Promise<PeerCheck>;
}

interface Waiting {
  readonly state: string;
  readonly issuer?: string;
  resolve(code: string): void;
  reject(error: Error): void;
}

export async function listenLoopback(options: LoopbackOptions = {}): Promise<LoopbackReceiver> {
  let waiting: Waiting | undefined;
  let timer: NodeJS.Timeout | undefined;
  const refuse = (why: string) => options.refused?.(why);
  const checkPeer = options.checkPeer ?? peerIsThisUser;
  const server = http.createServer(async (req, res) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || req.headers.host !== `127.0.0.1:${port}` || url.pathname !== CALLBACK_PATH || !waiting) {
      return page(res, 404, 'Not found.');
    }
    const peer = await checkPeer(req.socket).catch((): PeerCheck => ({ ok: false, reason: 'its user could not be checked' }));
    if (!peer.ok) {
      refuse(`a sign-in callback from another user's browser was refused (${peer.reason})`);
      return page(res, 403, 'This sign-in reply does not come from the browser of the user who runs MCP Tray. It stays open for that browser.');
    }
    if (!waiting) return page(res, 404, 'Not found.');
    const query = url.searchParams;
    if (!sameSecret(query.get('state') ?? '', waiting.state)) {
      refuse('a sign-in callback with a wrong state was refused');
      return page(res, 400, 'This sign-in reply does not belong to the sign-in MCP Tray started (wrong state). Start the sign-in again from MCP Tray.');
    }
    if (waiting.issuer && query.get('iss') !== waiting.issuer) {
      refuse('a sign-in callback from another authorization server (iss) was refused');
      return page(res, 400, 'This sign-in reply comes from another authorization server than the one MCP Tray asked. Start the sign-in again from MCP Tray.');
    }
    const done = waiting;
    waiting = undefined;
    clearTimeout(timer);
    const error = query.get('error');
    if (error) {
      page(res, 200, 'The sign-in was not completed. You can close this tab and try again from MCP Tray.');
      const description = query.get('error_description');
      return done.reject(new Error(`the authorization server answered ${error.slice(0, 100)}${description ? `: ${description.slice(0, 300)}` : ''}`));
    }
    const code = query.get('code');
    if (!code) {
      page(res, 400, 'The sign-in reply carries no code. Start the sign-in again from MCP Tray.');
      return done.reject(new Error('the sign-in reply carried no authorization code'));
    }
    page(res, 200, 'Signed in. You can close this tab and return to MCP Tray.');
    done.resolve(code);
  });
  server.keepAliveTimeout = 1000;
  const port = await listen(server, options.port ?? 0).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || options.strictPort || !options.port) throw error;
    return listen(server, 0);
  });

  return {
    port,
    redirectUrl: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    expect(state, issuer) {
      waiting?.reject(new Error('another sign-in started'));
      clearTimeout(timer);
      return new Promise<string>((resolve, reject) => {
        waiting = { state, issuer, resolve, reject };
        const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
        timer = setTimeout(() => {
          waiting = undefined;
          reject(new Error(`the sign-in was not completed within ${Math.round(timeoutMs / 60_000) || 1} min`));
        }, timeoutMs);
        timer.unref();
      });
    },
    async close(reason = 'the sign-in was cancelled') {
      clearTimeout(timer);
      waiting?.reject(new Error(reason));
      waiting = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function page(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(`<!doctype html><meta charset="utf-8"><title>MCP Tray</title><p style="font:16px system-ui;margin:3em">${text}</p>`);
}

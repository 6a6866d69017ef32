// GET /login?code=…: a one-time sign-in link becomes a UI session (ui-auth.ts). The answer to a
// good code is 303 to `/#key=<page key>` with the session cookie; anything else is a short page that
// says what happened and how to get a new link. A code is used up only by a browser of the hub's own
// user (peer-user.ts), so another user who copied it from a process list cannot use it or spoil it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { stringifySetCookie } from 'cookie';
import { peerIsThisUser, type PeerCheck } from './peer-user.ts';
import { SESSION_MAX_AGE_S, type UiAuth } from './ui-auth.ts';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const NEW_LINK = 'Run <code>mcp-tray ui open</code> for a new link (it works once, within 60 seconds).';

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MCP Tray: ${title}</title>` +
      '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}code{font-size:.95em}</style></head>' +
      `<body><h1>${title}</h1><p>${text}</p></body></html>\n`,
  );
}

export async function handleLogin(req: IncomingMessage, res: ServerResponse, url: URL, auth: UiAuth, checkPeer: (socket: Socket) => Promise<PeerCheck> = peerIsThisUser): Promise<void> {
  // GET only: a HEAD (a link preview, a checker) must not use the code up.
  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' }).end();
    return;
  }
  const code = url.searchParams.get('code');
  if (!code) return page(res, 400, 'This address needs a sign-in code', `Open MCP Tray with a sign-in link. ${NEW_LINK}`);
  const state = auth.checkCode(code);
  if (state === 'used') return page(res, 410, 'This sign-in link has already been used', `Each link signs in one browser, once. ${NEW_LINK}`);
  if (state === 'expired') return page(res, 410, 'This sign-in link has expired', `Links are valid for 60 seconds. ${NEW_LINK}`);
  if (state === 'unknown') return page(res, 410, 'This sign-in link is not valid', `It has already been used, has expired, or was issued by a hub that has since restarted. ${NEW_LINK}`);
  const peer = await checkPeer(req.socket);
  if (!peer.ok) {
    return page(res, 403, 'This sign-in link is not for this browser', `It was issued to the user who runs MCP Tray, but ${escapeHtml(peer.reason)}. The link stays valid for that user's browser.`);
  }
  if (!auth.redeemCode(code)) return page(res, 410, 'This sign-in link has already been used', `Each link signs in one browser, once. ${NEW_LINK}`);
  const session = auth.newSession();
  res.writeHead(303, {
    'Set-Cookie': stringifySetCookie(session.cookieName, session.cookieValue, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_MAX_AGE_S }),
    // The page key rides in the fragment: it never reaches a server, a log or a Referer header.
    Location: `/#key=${session.key}`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  res.end();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

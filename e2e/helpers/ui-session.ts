// Signing in to the web UI the way a browser does: `mcp-tray ui open --no-open` prints a one-time
// link; GET it; the hub answers 303 with the session cookie and a page key in the Location's
// fragment. Requests to /api/* then carry the cookie, the key (X-MCP-Tray-Key) and our Origin.
import { cli } from './hub-process.ts';

export interface UiSession {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** `name=value` of the session cookie. */
  readonly cookie: string;
  /** The page key the hub put in the redirect's fragment (the page keeps it in localStorage). */
  readonly key: string;
  /** Headers that make a request to /api/* come from this signed-in page. */
  readonly headers: Record<string, string>;
}

/** A fresh one-time sign-in link from the running hub of a data dir. */
export async function loginLink(dataDir: string): Promise<string> {
  const result = await cli(dataDir, ['ui', 'open', '--no-open']);
  const link = /^(http:\/\/\S+\/login\?code=\S+)$/m.exec(result.stdout)?.[1];
  if (result.code !== 0 || !link) throw new Error(`mcp-tray ui open --no-open failed (${result.code}): ${result.stderr}${result.stdout}`);
  return link;
}

export interface Redeemed {
  readonly status: number;
  readonly body: string;
  readonly session?: UiSession;
}

/** GETs a sign-in link as a browser would (without following the redirect). */
export async function redeem(link: string): Promise<Redeemed> {
  const response = await fetch(link, { redirect: 'manual' });
  const body = await response.text();
  const setCookie = response.headers.get('set-cookie');
  const location = response.headers.get('location');
  if (response.status !== 303 || !setCookie || !location) return { status: response.status, body };
  const origin = new URL(link).origin;
  const cookie = setCookie.split(';')[0]!;
  const key = /#key=([^&]+)/.exec(location)?.[1];
  if (!key) throw new Error(`the sign-in redirect carries no page key: ${location}`);
  return { status: response.status, body, session: { origin, cookie, key, headers: { cookie, 'x-mcp-tray-key': key, origin } } };
}

/** Signs in through a fresh one-time link; throws if the hub refuses. */
export async function loginThroughOneTimeLink(dataDir: string): Promise<UiSession> {
  const link = await loginLink(dataDir);
  const answer = await redeem(link);
  if (!answer.session) throw new Error(`the sign-in link was refused (${answer.status}): ${answer.body}`);
  return answer.session;
}

// Who may use the web UI's API (/api/*), without the long-lived UI token ever leaving the hub.
//
// The UI token is a secret key, kept in the OS keychain where there is one (so sessions survive a
// restart) and never shown, printed or put on a command line: every local user can read command
// lines (/proc/*/cmdline) and reach 127.0.0.1. A browser gets in with a one-time sign-in link
// (`/login?code=…`, from `mcp-tray ui open` or `serve`): the code works once, within 60 s, and is
// exchanged for a session made of two parts, both derived from the token with HMAC (so nothing is
// stored and rotating the token ends every session):
//
// - a cookie, HttpOnly (page scripts cannot read it) and SameSite=Strict (other sites' pages
//   cannot make the browser send it), Path=/, without Secure (plain http on loopback);
// - a page key, which the page keeps in localStorage and sends as X-MCP-Tray-Key (or ?key= on the
//   event stream, which cannot set headers).
//
// Why two parts: cookies are not scoped to a port. Any other server on 127.0.0.1, another user's
// included, receives this cookie from the user's browser the moment the user opens one of its
// pages; the cookie's name carries the port only so that two hubs do not overwrite each other's. The
// page key lives in storage scoped to the origin (scheme, host AND port), which no other port's page
// can read. A stolen cookie alone, or a key alone, is refused. Both are bound to this hub's port.
// Against cross-site requests: SameSite=Strict, the page key (a header no other page can set), and
// the HTTP carrier's Origin check on calls.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CODE_LIFETIME_MS = 60_000;
/** How long a browser keeps the cookie; rotating the token ends a session sooner. */
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
const MAX_OPEN_CODES = 32;

export type CodeCheck = 'valid' | 'used' | 'expired' | 'unknown';

export interface UiSession {
  readonly cookieName: string;
  readonly cookieValue: string;
  readonly key: string;
}

export function newUiToken(): string {
  return randomBytes(32).toString('base64url');
}

export class UiAuth {
  #token: string;
  #port = 0;
  readonly #now: () => number;
  /** Open codes and when they expire. */
  readonly #codes = new Map<string, number>();
  /** Codes used or expired in the last minutes: to tell the user which it was. */
  readonly #spent = new Map<string, { why: 'used' | 'expired'; until: number }>();

  constructor(token: string, now: () => number = Date.now) {
    this.#token = token;
    this.#now = now;
  }

  /** The hub's HTTP port, once it listens: the cookie's name and every MAC include it. */
  bind(port: number): void {
    this.#port = port;
  }

  get port(): number {
    return this.#port;
  }

  get cookieName(): string {
    return `mcp-tray-ui-${this.#port}`;
  }

  /** A new token (rotation): every session and every open code ends. */
  replaceToken(token: string): void {
    this.#token = token;
    this.#codes.clear();
  }

  issueCode(): { code: string; expiresAt: number } {
    this.#sweep();
    while (this.#codes.size >= MAX_OPEN_CODES) this.#codes.delete(this.#codes.keys().next().value!);
    const code = randomBytes(24).toString('base64url');
    const expiresAt = this.#now() + CODE_LIFETIME_MS;
    this.#codes.set(code, expiresAt);
    return { code, expiresAt };
  }

  /** Whether a code could be redeemed now, without using it up. */
  checkCode(code: string): CodeCheck {
    this.#sweep();
    if (this.#codes.has(code)) return 'valid';
    return this.#spent.get(code)?.why ?? 'unknown';
  }

  /** Uses a code up: true only the first time, within its lifetime. */
  redeemCode(code: string): boolean {
    if (this.checkCode(code) !== 'valid') return false;
    this.#codes.delete(code);
    this.#spent.set(code, { why: 'used', until: this.#now() + 10 * CODE_LIFETIME_MS });
    return true;
  }

  newSession(): UiSession {
    // The id carries when it was issued (inside the MAC, so it cannot be moved), for the max age.
    const id = `${Math.floor(this.#now() / 1000).toString(36)}_${randomBytes(18).toString('base64url')}`;
    return { cookieName: this.cookieName, cookieValue: `${id}.${this.#mac('cookie', id)}`, key: this.#mac('page-key', id) };
  }

  /** True when the cookie value and the page key belong to one session of this token and port. */
  verify(cookieValue: string | undefined, key: string | undefined): boolean {
    if (!cookieValue || !key || this.#port === 0) return false;
    const dot = cookieValue.indexOf('.');
    if (dot <= 0) return false;
    const id = cookieValue.slice(0, dot);
    const issued = Number.parseInt(id.split('_')[0]!, 36) * 1000;
    if (!(this.#now() - issued < SESSION_MAX_AGE_S * 1000)) return false;
    return same(cookieValue.slice(dot + 1), this.#mac('cookie', id)) && same(key, this.#mac('page-key', id));
  }

  #mac(purpose: string, id: string): string {
    return createHmac('sha256', this.#token).update(`mcp-tray-ui\n${purpose}\n${this.#port}\n${id}`).digest('base64url');
  }

  #sweep(): void {
    const now = this.#now();
    for (const [code, expiresAt] of this.#codes) {
      if (expiresAt > now) continue;
      this.#codes.delete(code);
      this.#spent.set(code, { why: 'expired', until: now + 10 * CODE_LIFETIME_MS });
    }
    for (const [code, spent] of this.#spent) if (spent.until <= now) this.#spent.delete(code);
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

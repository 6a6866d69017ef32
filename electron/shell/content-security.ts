// What the window may load and do (docs/desktop-app.md): a strict CSP, no remote content, no navigation away
// from the app, no new windows, no <webview>, every permission request denied. Written against
// Electron's types (type-only imports) so the handlers can be installed on fakes in unit tests.
import type { Session, WebContents } from 'electron';

/**
 * The page's Content-Security-Policy. Scripts only from the app itself (no inline, no eval);
 * inline styles are allowed because React sets `style` attributes; nothing is fetched from
 * anywhere (the UI talks to the hub over IPC, not HTTP).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Schemes a request from the window may use: the app's own, DevTools, inline data and blobs (exports). */
const ALLOWED_SCHEMES = new Set(['mcp-tray:', 'devtools:', 'data:', 'blob:']);

export function isAllowedRequest(url: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Denies every permission (camera, notifications from the page, clipboard-read, …) and every remote request. */
export function secureSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

/** The page cannot navigate, redirect, open windows or attach webviews; everything stays in the app. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

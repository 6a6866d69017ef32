// The window's options, its session's handlers and its webContents' handlers are the secure ones
// docs/desktop-app.md lists: installed on recording fakes of Electron's objects.
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY, hardenWebContents, isAllowedRequest, secureSession } from './content-security.ts';
import { mainWindowOptions } from './window-options.ts';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => void (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: Handler) => void (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => void (handlers.devicePermission = h),
    webRequest: { onBeforeRequest: (h: Handler) => void (handlers.beforeRequest = h) },
  };
  return { session: session as unknown as Session, handlers };
}

function fakeWebContents() {
  const listeners: Record<string, Handler> = {};
  let openHandler: Handler | undefined;
  const contents = {
    on: (event: string, listener: Handler) => void (listeners[event] = listener),
    setWindowOpenHandler: (h: Handler) => void (openHandler = h),
  };
  return { contents: contents as unknown as WebContents, listeners, openHandler: () => openHandler };
}

describe('main window options', () => {
  const options = mainWindowOptions({ preload: '/app/dist/electron/preload.cjs', icon: '/app/icon.png', devTools: false });

  it('isolate and sandbox the page, with no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('start hidden (the tray shows the window when asked)', () => {
    expect(options.show).toBe(false);
  });

  it('serve the UI from a standard, secure scheme of its own', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'mcp-tray', privileges: { standard: true, secure: true } });
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('allows no frames, objects, forms or base changes, and connects nowhere else', () => {
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
  });
});

describe('session handlers', () => {
  const { session, handlers } = fakeSession();
  secureSession(session);

  it('deny every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      let granted: boolean | undefined;
      (handlers.permissionRequest as (c: unknown, p: string, cb: (g: boolean) => void) => void)({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect((handlers.permissionCheck as (c: unknown, p: string) => boolean)({}, permission)).toBe(false);
    }
    expect((handlers.devicePermission as () => boolean)()).toBe(false);
  });

  it('cancel every request that is not the app, DevTools, data: or blob:', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('mcp-tray://app/index.html')).toBe(false);
    expect(decide('mcp-tray://app/assets/index.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('blob:mcp-tray://app/4f1c2e3a-5b6d-4e7f-8a9b-0c1d2e3f4a5b')).toBe(false);
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://127.0.0.1:47831/control')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('ws://localhost:1234')).toBe(true);
    expect(isAllowedRequest('not a url')).toBe(false);
  });
});

describe('webContents handlers', () => {
  const { contents, listeners, openHandler } = fakeWebContents();
  hardenWebContents(contents);

  it('prevent navigation, redirects and webviews', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners[event]!({ preventDefault: () => (prevented = true) } as never);
      expect(prevented, event).toBe(true);
    }
  });

  it('deny every new window', () => {
    expect((openHandler() as (d: { url: string }) => unknown)({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

// The window's pages come from `mcp-tray://app/…`, a privileged scheme that serves only the built
// UI folder (dist/renderer), with the CSP on every response. Unlike file://, nothing else on the
// disk is reachable from the page. This module decides what a request maps to; the Electron
// adapter (app-protocol-handler.ts) only reads the file.
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';

export const APP_SCHEME = 'mcp-tray';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before `ready`: standard (relative URLs, an origin) and secure (like https). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true },
};

/** The window URL for a renderer hash route such as `/approvals/<id>` (renderer/src/common/lib/router.ts). */
export function appUrl(route?: string): string {
  return `${APP_ORIGIN}/index.html${route ? `#${route}` : ''}`;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppAsset = { readonly file: string; readonly contentType: string } | { readonly status: 403 | 404 };

/** Maps a request to a file inside `root`, or refuses it (another host, a path that leaves root). */
export function resolveAppAsset(requestUrl: string, root: string): AppAsset {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 403 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 403 };
  }
  if (pathname.includes('\0')) return { status: 403 };
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  const inside = path.relative(path.resolve(root), file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { status: 403 };
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  return contentType ? { file, contentType } : { status: 404 };
}

/** Headers of every response from the app scheme. */
export function assetHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

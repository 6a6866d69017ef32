// Serves the built React UI (dist/renderer) to the browser, with a strict CSP: the page may talk
// only to this hub and load nothing from elsewhere. A path that does not decode, or decodes to a
// NUL, is answered 400; a file that cannot be read ends only its own response.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export const UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export function serveStaticUi(req: IncomingMessage, res: ServerResponse, url: URL, uiDir = DEFAULT_UI_DIR): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const decoded = safeDecode(url.pathname);
  if (decoded === undefined || decoded.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the path is not valid percent-encoded UTF-8\n');
    return;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(uiDir, relative);
  if (!file.startsWith(path.resolve(uiDir) + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  const target = isFile(file) ? file : path.join(uiDir, 'index.html');
  if (!existsSync(target)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The MCP Tray UI is not built. Run "npm install" (it builds the UI) or "npm run build:ui" in the project folder.\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
    'Content-Security-Policy': UI_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  // pipeline, not pipe: a read error (a file removed by a rebuild) destroys the response instead
  // of being an 'error' event nobody listens to.
  else pipeline(createReadStream(target), res, () => undefined);
}

function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

// Serves the built UI on mcp-tray://app/ (see app-protocol.ts for what maps to what).
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME, assetHeaders, resolveAppAsset } from './app-protocol.ts';

export function serveAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(request.url, rendererDir);
    if ('status' in asset) return new Response(null, { status: asset.status });
    try {
      return new Response(await readFile(asset.file), { headers: assetHeaders(asset.contentType) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

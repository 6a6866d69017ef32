// An entry's icon for the catalog's cards. The hub fetches it (https only, a raster image of at most
// 256 KB, never SVG, which can carry script) and hands the page a data: URL, so the UI's pages keep
// their strict image policy and never contact an icon's host themselves.
import type { ServerJson } from './server-json.ts';

const MAX_ICON_BYTES = 256 * 1024;
const ICON_TIMEOUT_MS = 3000;
const RASTER = /^image\/(png|jpeg|jpg|webp)$/;

/** The icon to show: the first https one in a raster format (by its declared type, else its file name). */
export function iconSource(server: ServerJson): string | undefined {
  for (const icon of server.icons ?? []) {
    if (!icon.src.startsWith('https://')) continue;
    const declared = icon.mimeType ? RASTER.test(icon.mimeType) : /\.(png|jpe?g|webp)(\?|$)/i.test(icon.src);
    if (declared) return icon.src;
  }
  return undefined;
}

/** The icon as a data: URL, or undefined when it cannot be had or is not a small raster image. */
export async function fetchIcon(src: string, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const response = await fetchImpl(src, { signal: AbortSignal.timeout(ICON_TIMEOUT_MS), redirect: 'follow', headers: { accept: 'image/png,image/jpeg,image/webp' } });
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!response.ok || !RASTER.test(type) || Number(response.headers.get('content-length') ?? 0) > MAX_ICON_BYTES) {
    await response.body?.cancel();
    return undefined;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_ICON_BYTES) return undefined;
  return `data:${type === 'image/jpg' ? 'image/jpeg' : type};base64,${bytes.toString('base64')}`;
}

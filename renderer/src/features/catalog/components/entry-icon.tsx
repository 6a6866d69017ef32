// An entry's icon: the picture the hub fetched for it (a data: URL, so the page loads nothing from
// elsewhere), else a monogram of its name.
import { useEffect, useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CatalogEntryInfo } from '../../../api/contract-types.ts';

const cache = new Map<string, Promise<string | undefined>>();

export function EntryIcon({ entry }: { readonly entry: CatalogEntryInfo }) {
  const key = `${entry.name}@${entry.version}`;
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    if (!entry.hasIcon) return;
    let live = true;
    let pending = cache.get(key);
    if (!pending) {
      pending = control
        .call('catalog.icon', { name: entry.name, version: entry.version })
        .then((r) => r.dataUrl)
        .catch(() => undefined);
      cache.set(key, pending);
    }
    void pending.then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [key, entry.hasIcon, entry.name, entry.version]);
  if (src) return <img className="entry-icon" src={src} alt="" width={36} height={36} />;
  const letter = (entry.title ?? entry.name.slice(entry.name.indexOf('/') + 1)).replace(/^(server|mcp)-/i, '').charAt(0).toUpperCase() || '?';
  return (
    <span className="entry-icon entry-icon-monogram" aria-hidden="true">
      {letter}
    </span>
  );
}

// Where the catalog's entries come from: a quiet line for the registry, a clear label for the
// offline snapshot (with why), and the entries that were skipped because they do not fit the schema.
import type { CatalogOrigin, SkippedEntry } from '../../../api/contract-types.ts';
import { sourceLabel } from '../lib/entry-labels.ts';

export function CalloutCatalogOrigin({ origin, skipped }: { readonly origin?: CatalogOrigin; readonly skipped: readonly SkippedEntry[] }) {
  if (!origin) return null;
  return (
    <>
      {origin.source === 'offline' ? (
        <div className="callout callout-warn" role="status" data-testid="catalog-offline">
          <strong>Offline snapshot</strong> (taken {origin.snapshotTakenAt}): the registry cannot be reached, so these are well-known servers bundled with MCP Tray.{' '}
          <span className="muted">{origin.offlineReason}</span>
        </div>
      ) : (
        <p className="muted catalog-origin" data-testid="catalog-origin">
          From the registry at <code>{sourceLabel(origin)}</code> (Settings › Registry URL)
        </p>
      )}
      {skipped.length > 0 && (
        <details className="more-details catalog-skipped" data-testid="catalog-skipped">
          <summary>
            {skipped.length} {skipped.length === 1 ? 'entry was' : 'entries were'} skipped: not a valid server.json
          </summary>
          <ul>
            {skipped.map((s) => (
              <li key={`${s.name}@${s.version ?? ''}`}>
                <code>{s.name}</code>
                {s.version ? ` ${s.version}` : ''}: {s.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

// Catalog: find a server in the MCP Registry (or, when it cannot be reached, the offline snapshot
// bundled with MCP Tray), see how it would run, and add it with its secrets in one dialog.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { CatalogEntryInfo } from '../../../api/contract-types.ts';
import { EmptyState } from '../../../common/components/empty-state.tsx';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { useDebouncedValue } from '../../../common/hooks/use-debounced-value.ts';
import { useCatalogSearch } from '../hooks/use-catalog-search.ts';
import { CardCatalogEntry } from './card-catalog-entry.tsx';
import { CalloutCatalogOrigin } from './callout-catalog-origin.tsx';
import { DialogAddEntry } from './dialog-add-entry.tsx';
import '../catalog.css';

export function CatalogPage() {
  const [query, setQuery] = useState('');
  const search = useCatalogSearch(useDebouncedValue(query.trim(), 250));
  const [adding, setAdding] = useState<CatalogEntryInfo | undefined>();
  // Checked at start and daily by the hub; this asks now. The servers' pages show what it found.
  const check = useAction(
    () => control.call('catalog.updates', { check: true }),
    (r) =>
      r.updates.length
        ? `Updates: ${r.updates.map((u) => `${u.id} ${u.installed} → ${u.latest}`).join(', ')}. Update each on its page in Servers.`
        : `Every server added from the catalog is at its latest version${r.problems.length ? ` (not checked: ${r.problems.join('; ')})` : ''}`,
  );
  const checkButton = (
    <button type="button" className="btn" disabled={check.busy} onClick={() => void check.run()}>
      Check for updates
    </button>
  );
  return (
    <div className="page catalog-page">
      <PageHeader
        title="Catalog"
        description="Servers from the MCP Registry. Adding one pins its version, keeps its secrets in the OS keychain, and starts it read-only."
        actions={checkButton}
      />
      <div className="catalog-toolbar">
        <input
          className="input catalog-search"
          type="search"
          aria-label="Search the catalog"
          placeholder="Search by name, e.g. filesystem"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={200}
        />
        {search.loading && (
          <span className="muted" role="status">
            Searching…
          </span>
        )}
      </div>
      <CalloutCatalogOrigin origin={search.origin} skipped={search.skipped} />
      {search.error && (
        <p className="callout callout-danger" role="alert">
          {search.error}
        </p>
      )}
      {!search.loading && !search.error && search.entries.length === 0 ? (
        <EmptyState title={query ? `No server matches “${query.trim()}”` : 'The catalog is empty'}>
          <p>The registry searches server names; try a shorter word.</p>
        </EmptyState>
      ) : (
        <ul className="catalog-grid" aria-label="Catalog entries">
          {search.entries.map((entry) => (
            <li key={`${entry.name}@${entry.version}`}>
              <CardCatalogEntry entry={entry} origin={search.origin} onAdd={() => setAdding(entry)} />
            </li>
          ))}
        </ul>
      )}
      {search.nextCursor && (
        <div className="catalog-more">
          <button type="button" className="btn" disabled={search.loading} onClick={search.loadMore}>
            Load more
          </button>
        </div>
      )}
      {adding && <DialogAddEntry entry={adding} onClose={() => setAdding(undefined)} onAdded={search.reload} />}
    </div>
  );
}

// One catalog entry: icon, name, description, version, how it runs, where it came from, and whether
// it is already added (a link to that server).
import type { CatalogEntryInfo, CatalogOrigin } from '../../../api/contract-types.ts';
import { Badge } from '../../../common/components/badge.tsx';
import { hrefTo } from '../../../common/lib/router.ts';
import { cannotAdd, runsAs, sourceLabel } from '../lib/entry-labels.ts';
import { EntryIcon } from './entry-icon.tsx';

export function CardCatalogEntry({ entry, origin, onAdd }: { readonly entry: CatalogEntryInfo; readonly origin?: CatalogOrigin; readonly onAdd: () => void }) {
  const title = entry.title ?? entry.name.slice(entry.name.indexOf('/') + 1);
  const blocked = cannotAdd(entry);
  return (
    <article className="catalog-card" aria-label={title} data-testid={`catalog-entry-${entry.name}`}>
      <div className="catalog-card-top">
        <EntryIcon entry={entry} />
        <div className="catalog-card-names">
          <h2 className="catalog-card-title">
            {title}
            {entry.added.length > 0 && (
              <Badge tone="accent" title={`Added as ${entry.added.join(', ')}`}>
                Added
              </Badge>
            )}
            {entry.status === 'deprecated' && <Badge tone="danger">Deprecated</Badge>}
          </h2>
          <p className="catalog-card-name truncate" title={entry.name}>
            {entry.name}
          </p>
        </div>
      </div>
      <p className="catalog-card-description">{entry.description}</p>
      <dl className="catalog-card-facts">
        <dt>Version</dt>
        <dd>{entry.version}</dd>
        <dt>Runs</dt>
        <dd>
          {runsAs(entry).map((way) => (
            <span key={way.label} className={`transport-tag${way.missing ? ' is-missing' : ''}`} title={way.missing ? 'not installed on this machine' : undefined}>
              {way.label}
              {way.missing ? ' (not installed)' : ''}
            </span>
          ))}
          {runsAs(entry).length === 0 && <span className="muted">not here</span>}
        </dd>
        <dt>Source</dt>
        <dd>{sourceLabel(origin)}</dd>
      </dl>
      <div className="catalog-card-actions">
        {entry.added.map((id) => (
          <a key={id} className="btn btn-ghost btn-small" href={hrefTo('servers', id)}>
            Open {id}
          </a>
        ))}
        <span className="spacer" />
        <button type="button" className="btn btn-primary btn-small" onClick={onAdd} disabled={blocked !== undefined} title={blocked}>
          {entry.added.length ? 'Add again' : 'Add'}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {blocked && <p className="catalog-card-blocked">Cannot be added here: {blocked}</p>}
    </article>
  );
}

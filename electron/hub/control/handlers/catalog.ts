// Control handlers: the catalog (search, show, add from the registry; updates of what was added).
import type { CatalogResults } from '../../contract/api/catalog.ts';
import type { Handlers } from '../../contract/contract.ts';
import type { CatalogService } from '../../catalog/catalog-service.ts';

type CatalogHandlers = Pick<Handlers, keyof CatalogResults>;

export interface CatalogHandlerDeps {
  readonly catalog: Pick<CatalogService, 'search' | 'show' | 'add' | 'updates' | 'update' | 'icon'>;
}

export function catalogHandlers(deps: CatalogHandlerDeps): CatalogHandlers {
  return {
    'catalog.search': ({ query, cursor }) => deps.catalog.search(query, cursor),
    'catalog.show': ({ name, version, choice }) => deps.catalog.show(name, version, choice),
    'catalog.add': (params) => deps.catalog.add(params),
    'catalog.updates': ({ check }) => deps.catalog.updates(check === true),
    'catalog.update': ({ id }) => deps.catalog.update(id),
    'catalog.icon': ({ name, version }) => deps.catalog.icon(name, version),
  };
}

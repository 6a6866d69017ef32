import type { Route } from '../common/lib/router.ts';
import { CallLogPage } from '../features/call-log/components/call-log-page.tsx';
import { ApprovalsPage } from '../features/approvals/components/approvals-page.tsx';
import { CatalogPage } from '../features/catalog/components/catalog-page.tsx';
import { ClientsPage } from '../features/clients/components/clients-page.tsx';
import { ServersPage } from '../features/servers/components/servers-page.tsx';
import { SettingsPage } from '../features/settings/components/settings-page.tsx';

/** The page for the current route. */
export function RouteView({ route }: { readonly route: Route }) {
  switch (route.view) {
    case 'servers':
      return <ServersPage selectedId={route.item} />;
    case 'catalog':
      return <CatalogPage />;
    case 'clients':
      return <ClientsPage />;
    case 'activity':
      return <CallLogPage />;
    case 'approvals':
      return <ApprovalsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

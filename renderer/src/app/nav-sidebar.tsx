// The left navigation: the six views, the pending-approvals count, and the hub's connection.
import { ViewIcon } from '../common/components/icons.tsx';
import { useHub } from '../common/hooks/use-hub.ts';
import { hrefTo, VIEWS, type View } from '../common/lib/router.ts';

const LABELS: Record<View, string> = { servers: 'Servers', catalog: 'Catalog', clients: 'Clients', activity: 'Activity', approvals: 'Approvals', settings: 'Settings' };

export function NavSidebar({ current }: { readonly current: View }) {
  const pending = useHub((s) => s.approvals.length);
  const crashed = useHub((s) => s.servers.filter((x) => x.state === 'crashed' || x.state === 'keychain-unavailable' || x.state === 'not-installed' || (x.enabled && x.state === 'needs-sign-in')).length);
  const version = useHub((s) => s.info?.version);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">MCP Tray</span>
      </div>
      <ul className="nav-list">
        {VIEWS.map((view) => (
          <li key={view}>
            <a className="nav-item" href={hrefTo(view)} aria-current={view === current ? 'page' : undefined}>
              <ViewIcon view={view} />
              <span className="nav-label">{LABELS[view]}</span>
              {view === 'approvals' && pending > 0 && (
                <span className="nav-count nav-count-attention" data-testid="nav-pending-count" aria-label={`${pending} pending`}>
                  {pending}
                </span>
              )}
              {view === 'servers' && crashed > 0 && (
                <span className="nav-count nav-count-error" aria-label={`${crashed} need attention`}>
                  {crashed}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-footer">{version ? `Hub ${version}` : ''}</div>
    </nav>
  );
}

// The window: navigation, the current view, and what can appear over any view (the approval
// modal, messages).
import { useEffect } from 'react';
import { controlAvailable } from '../api/control-client.ts';
import { ToastRegion } from '../common/components/toast-region.tsx';
import { useHub } from '../common/hooks/use-hub.ts';
import { useRoute } from '../common/lib/router.ts';
import { applyTheme } from '../common/lib/theme.ts';
import { hubStore } from '../common/state/hub-store.ts';
import { ModalApproval } from '../features/approvals/components/modal-approval.tsx';
import { ConnectionBanner } from './connection-banner.tsx';
import { NavSidebar } from './nav-sidebar.tsx';
import { RouteView } from './route-view.tsx';
import { SignInNeeded } from './sign-in-needed.tsx';

export function App() {
  if (!controlAvailable) return <SignInNeeded />;
  return <Shell />;
}

function Shell() {
  const route = useRoute();
  const theme = useHub((s) => s.settings?.theme);
  const loaded = useHub((s) => s.loaded);
  const loadError = useHub((s) => s.loadError);

  useEffect(() => hubStore.start(), []);
  useEffect(() => applyTheme(theme), [theme]);

  return (
    <div className="app">
      <NavSidebar current={route.view} />
      <div className="main-column">
        <ConnectionBanner />
        <main className="view" id="main">
          {loaded ? (
            <RouteView route={route} />
          ) : (
            <div className="loading" role="status">
              {loadError ? `Cannot reach the hub: ${loadError}` : 'Connecting to the MCP Tray hub…'}
            </div>
          )}
        </main>
      </div>
      {loaded && <ModalApproval />}
      <ToastRegion />
    </div>
  );
}

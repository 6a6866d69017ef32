// One server: its header (state, enable, restart, write mode) and tabs for overview, tools, secrets,
// log and settings.
import { useState } from 'react';
import { control } from '../../../api/control-client.ts';
import type { ServerStatus } from '../../../api/contract-types.ts';
import { SwitchToggle } from '../../../common/components/switch-toggle.tsx';
import { Tabs } from '../../../common/components/tabs.tsx';
import { useAction } from '../../../common/hooks/use-action.ts';
import { hubStore } from '../../../common/state/hub-store.ts';
import { CalloutUpdate } from './callout-update.tsx';
import { ControlWriteMode } from './control-write-mode.tsx';
import { FormServerSettings } from './form-server-settings.tsx';
import { PanelHeldTools } from './panel-held-tools.tsx';
import { PanelOverview } from './panel-overview.tsx';
import { PanelSecrets } from './panel-secrets.tsx';
import { PanelServerLog } from './panel-server-log.tsx';
import { PanelSignIn } from './panel-sign-in.tsx';
import { PillServerState } from './pill-server-state.tsx';
import { TableTools } from './table-tools.tsx';

type TabKey = 'overview' | 'tools' | 'secrets' | 'log' | 'settings';

export function ServerDetail({ server }: { readonly server: ServerStatus }) {
  // An OAuth client secret is optional (a public client has none).
  const missingSecrets = server.secrets.filter((s) => !s.set && s.kind !== 'oauth').length;
  const [tab, setTab] = useState<TabKey>(missingSecrets > 0 ? 'secrets' : 'overview');
  const enable = useAction(async (on: boolean) => hubStore.upsertServer(await control.call(on ? 'servers.enable' : 'servers.disable', { id: server.id })));
  const restart = useAction(async () => hubStore.upsertServer(await control.call('servers.restart', { id: server.id })), `Restarted ${server.name}`);

  return (
    <section className="server-detail" aria-labelledby="server-detail-title" data-testid="server-detail">
      <header className="detail-header">
        <div className="detail-title-row">
          <h2 id="server-detail-title" className="detail-title">
            {server.name}
          </h2>
          <PillServerState server={server} />
          <span className="spacer" />
          <label className="inline-control">
            <span className="muted">Enabled</span>
            <SwitchToggle checked={server.enabled} label={`Enable ${server.name}`} disabled={enable.busy} onChange={(on) => void enable.run(on)} />
          </label>
          <button type="button" className="btn" disabled={restart.busy || !server.enabled} onClick={() => void restart.run()}>
            Restart
          </button>
        </div>
        <p className="detail-subtitle truncate" title={server.launch}>
          <code>{server.id}</code> · {server.kind === 'bundled' ? `bundled (${server.bundled})` : server.kind === 'http' ? 'remote (HTTP)' : 'command (stdio)'} · <code>{server.launch}</code>
        </p>
        <ControlWriteMode server={server} />
        <PanelSignIn server={server} />
        <CalloutUpdate server={server} />
        <PanelHeldTools server={server} />
      </header>
      <Tabs
        label={`${server.name} details`}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'overview', label: 'Overview' },
          { key: 'tools', label: `Tools (${server.tools.length})` },
          { key: 'secrets', label: missingSecrets > 0 ? `Secrets (${missingSecrets} missing)` : `Secrets (${server.secrets.length})` },
          { key: 'log', label: 'Log' },
          { key: 'settings', label: 'Settings' },
        ]}
      >
        {tab === 'overview' && <PanelOverview server={server} />}
        {tab === 'tools' && <TableTools server={server} />}
        {tab === 'secrets' && <PanelSecrets server={server} />}
        {tab === 'log' && <PanelServerLog serverId={server.id} />}
        {tab === 'settings' && <FormServerSettings server={server} />}
      </Tabs>
    </section>
  );
}

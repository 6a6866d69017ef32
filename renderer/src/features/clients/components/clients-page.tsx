// Clients: who is connected now, and every IDE MCP Tray can install itself into (docs/clients.md).
import { useEffect, useState } from 'react';
import type { ClientRow, ProjectInstallRow } from '../../../api/contract-types.ts';
import { PageHeader } from '../../../common/components/page-header.tsx';
import { useHub } from '../../../common/hooks/use-hub.ts';
import { useClientRows } from '../hooks/use-client-rows.ts';
import { DialogClientToken } from './dialog-client-token.tsx';
import { DialogImportServers } from './dialog-import-servers.tsx';
import { DialogInstallClient } from './dialog-install-client.tsx';
import { DialogInstallProject } from './dialog-install-project.tsx';
import { TableIdeClients, type ClientAction } from './table-ide-clients.tsx';
import { TableProjectInstalls } from './table-project-installs.tsx';
import { TableSessions } from './table-sessions.tsx';
import { SectionProfiles } from '../../profiles/components/section-profiles.tsx';
import { useProfiles } from '../../profiles/hooks/use-profiles.ts';
import '../clients.css';

export function ClientsPage() {
  const sessions = useHub((s) => s.sessions);
  const { rows, error, reload } = useClientRows();
  const profiles = useProfiles();
  const profileNames = profiles.overview?.profiles.map((p) => p.name) ?? ['default'];
  const profilesChanged = () => {
    void profiles.reload();
    void reload();
  };
  const [open, setOpen] = useState<{ row: ClientRow; action: ClientAction | 'uninstall-project'; project?: ProjectInstallRow } | undefined>();
  const sessionCount = sessions.length;
  useEffect(() => void reload(), [sessionCount, reload]);

  const detected = rows?.filter((r) => r.detected) ?? [];
  const others = rows?.filter((r) => !r.detected) ?? [];
  const close = () => setOpen(undefined);
  return (
    <div className="page">
      <PageHeader title="Clients" description="The MCP clients connected to MCP Tray, and the IDEs it can install itself into with one entry named “mcp-tray”." />
      <section className="section" aria-labelledby="connected-title">
        <h2 id="connected-title" className="section-title">
          Connected now
        </h2>
        <TableSessions sessions={sessions} />
      </section>
      <section className="section" aria-labelledby="profiles-title">
        <h2 id="profiles-title" className="section-title">
          Profiles
        </h2>
        <SectionProfiles overview={profiles.overview} onChanged={profilesChanged} />
      </section>
      <section className="section" aria-labelledby="ides-title">
        <h2 id="ides-title" className="section-title">
          Install into an IDE
        </h2>
        {error && <p className="callout callout-danger">{error}</p>}
        {!rows && !error && <p role="status">Looking for MCP clients on this machine…</p>}
        {rows && detected.length === 0 && <p className="muted">No MCP client was found on this machine. You can still install into one below; its config file is created.</p>}
        {rows && <TableIdeClients rows={[...detected, ...others]} profiles={profileNames} onProfileChanged={profilesChanged} onAction={(row, action) => setOpen({ row, action })} />}
      </section>
      {rows && (
        <section className="section" aria-labelledby="projects-title">
          <h2 id="projects-title" className="section-title">
            Installed into projects
          </h2>
          <TableProjectInstalls rows={rows} onUninstall={(row, project) => setOpen({ row, action: 'uninstall-project', project })} />
        </section>
      )}
      {open && (open.action === 'install' || open.action === 'uninstall') && <DialogInstallClient row={open.row} mode={open.action} onClose={close} onDone={() => void reload()} />}
      {open?.action === 'install-project' && <DialogInstallProject row={open.row} mode="install" profiles={profileNames} onClose={close} onDone={() => void reload()} />}
      {open?.action === 'uninstall-project' && open.project && <DialogInstallProject row={open.row} mode="uninstall" project={open.project.project} onClose={close} onDone={() => void reload()} />}
      {open?.action === 'import' && <DialogImportServers row={open.row} onClose={close} onDone={() => void reload()} />}
      {open?.action === 'token' && <DialogClientToken row={open.row} onClose={close} onDone={() => void reload()} />}
    </div>
  );
}

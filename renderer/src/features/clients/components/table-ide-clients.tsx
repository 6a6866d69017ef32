// Every MCP client MCP Tray knows: detected or not, installed or not, the exact file it changes,
// and install / uninstall / import / HTTP token.
import type { ClientRow } from '../../../api/contract-types.ts';
import { PathText } from '../../../common/components/path-text.tsx';
import { StatusPill } from '../../../common/components/status-pill.tsx';
import { INSTALL_STATUS } from '../lib/client-status.ts';
import { SelectProfile } from '../../profiles/components/select-profile.tsx';
import { DataTable } from '../../../common/components/data-table.tsx';

export type ClientAction = 'install' | 'uninstall' | 'install-project' | 'import' | 'token';

export function TableIdeClients({
  rows,
  profiles,
  onProfileChanged,
  onAction,
}: {
  readonly rows: readonly ClientRow[];
  /** Profile names a client can be bound to, "default" first. */
  readonly profiles: readonly string[];
  readonly onProfileChanged: () => void;
  readonly onAction: (row: ClientRow, action: ClientAction) => void;
}) {
  return (
    <DataTable label="MCP clients on this machine" columns={['Client', 'Status and profile', 'Config file']} actions>
      {rows.map((row) => {
        const status = INSTALL_STATUS[row.status];
        const installed = row.status === 'installed' || row.status === 'outdated';
        return (
          <tr key={row.id} data-testid={`client-${row.id}`} className={row.detected ? undefined : 'row-dim'}>
            <td>
              <strong>{row.label}</strong>
              {row.sessions.length > 0 && <span className="connected-tag"> · {row.sessions.length} connected</span>}
              {row.detectedBy && row.detectedBy !== row.configPath && (
                <div className="muted small">
                  found: <PathText path={row.detectedBy} label={`place ${row.label} was found`} />
                </div>
              )}
            </td>
            <td>
              <StatusPill tone={status.tone} label={status.label} title={row.problem} />
              {installed && row.installed && <div className="muted small">via {row.installed.transport === 'http' ? 'HTTP' : 'bridge'}</div>}
              {row.problem && <div className="small error-text">{row.problem}</div>}
              <div className="ide-row-profile">
                <SelectProfile client={row.id} label={row.label} current={row.profile ?? 'default'} names={profiles} onChanged={onProfileChanged} />
              </div>
            </td>
            <td>
              <PathText path={row.configPath} label={`config file of ${row.label}`} />
              {row.cli?.used && <div className="muted small">changed through {row.label}'s own CLI ({row.cli.binary})</div>}
            </td>
            <td className="cell-actions cell-actions-start">
              {/* Up to five actions: they wrap onto a second line rather than run out of the table. */}
              <div className="ide-row-actions">
              {row.status !== 'unreadable' && (
                <button type="button" className={`btn btn-small${row.detected && !installed ? ' btn-primary' : ''}`} onClick={() => onAction(row, 'install')} aria-label={`${installed ? 'Reinstall into' : 'Install into'} ${row.label}`}>
                  {row.status === 'outdated' ? 'Update…' : installed ? 'Reinstall…' : 'Install…'}
                </button>
              )}
              {installed && (
                <button type="button" className="btn btn-small" onClick={() => onAction(row, 'uninstall')} aria-label={`Uninstall from ${row.label}`}>
                  Uninstall…
                </button>
              )}
              {row.projectConfig && (
                <button type="button" className="btn btn-small" onClick={() => onAction(row, 'install-project')} aria-label={`Install ${row.label} into a project`} title={`Writes ${row.projectConfig} in a project folder`}>
                  Project…
                </button>
              )}
              {row.detected && row.status !== 'unreadable' && (
                <button type="button" className="btn btn-small" onClick={() => onAction(row, 'import')} aria-label={`Import servers from ${row.label}`}>
                  Import…
                </button>
              )}
              {row.http.supported && (
                <button type="button" className="btn btn-small" onClick={() => onAction(row, 'token')} aria-label={`HTTP token of ${row.label}`}>
                  HTTP token…
                </button>
              )}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
